"""Pure functions that clean text, split unit cells and map names onto the catalog."""
