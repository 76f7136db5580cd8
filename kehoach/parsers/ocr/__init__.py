"""OCR front-end: page images into the same `PageContent` the born-digital path reads."""
