"""Every tunable threshold in one place, each with the reason it has its value.

Modules import these names instead of burying literals in loops (the pdfplumber
`TableSettings` idea): changing a cut-off is one edit, visible in review.
"""

# --- header-row detection (parsers/columns.py) ---
# A cell that contains no known column name as whole words is still taken as one
# when its whole folded text scores at least this (rapidfuzz ratio, 0-100) against
# a known name: OCR damage ("Don vj chu trl") passes, body names in data rows do not.
COLUMN_MATCH_MIN = 84
# A row is a header row when at least this many of its cells name a known column,
# and they include the name column; one or two matches happen by chance in data rows.
HEADER_MIN_ROLES = 3
# Header rows are looked for among the first rows of a grid only.
HEADER_SEARCH_ROWS = 4

# --- table continuation over pages (parsers/interpreter.py) ---
# A headerless grid continues the previous table when it has the same number of
# columns and its column edges lie within this many points of the previous ones.
CONTINUATION_EDGE_TOLERANCE = 6.0

# --- captions (parsers/pdf_tables.py) ---
# A caption pushed to the foot of the previous page is at most this many lines.
CAPTION_CARRY_LINES = 4

# --- page furniture (parsers/pdf_text.py) ---
# Lines in the top/bottom band of a page that are only a number are page numbers.
FURNITURE_BAND = 60.0

# --- row kinds (parsers/kinds.py) ---
# An indicators-table row becomes a task when its evidence score is at or below
# this; a tasks-table row becomes an indicator only at or above the second value
# (tables are the prior, rows need strong evidence to differ from it).
TASK_IN_INDICATORS_MAX = -1
INDICATOR_IN_TASKS_MIN = 3

# --- catalog matching (normalize/catalog.py) ---
# A unit cell's line cut after a body's head ("Trung tâm" / "PVHCC") is joined back when the
# joined lines match a whole catalog name this many points better than the lines so far,
# unless those already match a name this well (normalize/units.py).
WRAPPED_NAME_GAIN = 5.0
WRAPPED_NAME_WHOLE = 95.0
# Bodies: a mention maps onto a catalog entry at this WRatio or above.
BODY_MATCH_MIN = 86
# Second chance for long mentions that contain every word of a catalog alias of 3+
# words ("Các chi nhánh Ngân hàng trên địa bàn xã" contains "các chi nhánh ngân hàng");
# such a match is reported with this score.
BODY_SUBSET_MIN = 90
# Indicators: names are long and worded differently; catalog.indicator_similarity at or above this.
INDICATOR_MATCH_MIN = 80
# A row name this close to a catalog indicator is strong evidence that the row is an
# indicator (it outweighs an opening verb: "Nâng cao tiềm lực, trình độ KH&CN");
# a looser match only tips a balance ("Tổ chức tập huấn kỹ năng số" stays a task).
INDICATOR_STRONG_MATCH = 95

# --- review flags ---
# Cells whose front-end confidence is below this are flagged for review.
LOW_CONFIDENCE = 0.6

# --- tables without a lattice, read from word boxes (parsers/word_grid.py) ---
# Words further apart than this (points) on a line stand in different cells; on a page whose
# usual space between words is already wider (an OCR layer), this many times that space.
LABEL_GAP = 5.5
LABEL_GAP_SPACES = 2.0
# A header (a parent row over column names wrapped on several lines) spans at most
# this many lines, and this many points from its first line to its last.
MAX_HEADER_LINES = 6
MAX_HEADER_HEIGHT = 60.0
# A gap this much wider (points) than the tightest gap between lines separates two rows.
SEPARATOR_EXTRA = 2.5
# A vertical gap this wide (points) below a table's last line ends it, unless a numbered row follows.
TABLE_END_GAP = 36.0
# A horizontal rule is a row rule when it spans this share of the table's width.
RULE_MIN_SHARE = 0.6
# Plans set their body text larger than their tables: a line this much larger ends a table.
BODY_SIZE_RATIO = 1.15

# --- OCR front-end (ingest/raster.py, parsers/ocr/*, parsers/ocr_decision.py) ---
# Tesseract reads body text best with capitals 20-40 px high; 12-13 pt type at 300 dpi gives
# about 35 px. Scans stored at 200 dpi are rendered up to this too (dev scans: fewer misread
# accents at 300 than at 200 dpi on the same page, measured with a bare `tesseract -l vie`).
OCR_DPI = 300
# A page rendered for OCR never exceeds this many pixels (an enormous page, e.g. a 2 m map,
# is rendered at a lower resolution instead): about an A3 page at 300 dpi, ~35 MB of grey.
OCR_MAX_PIXELS = 35_000_000
# An image file larger than this is a named failure (decompression-bomb guard, Pillow's own
# limit replaced by ours): an A3 page scanned at 600 dpi is ~70 Mpx.
IMAGE_MAX_PIXELS = 150_000_000
# An image file without a usable resolution is taken to be an A4 page scanned at this many dpi
# when its long side suggests no better figure (Decree 30/2020 prescribes A4 paper).
A4_LONG_SIDE_INCHES = 11.69
# Deskew: scans tilt by a degree or two; angles are searched within this range (degrees) and
# corrected only above the smallest angle that moves a line end by a pixel across a page.
DESKEW_MAX_ANGLE = 5.0
DESKEW_MIN_ANGLE = 0.05
# Ruling lines by morphology: an unbroken run of ink this long (points) is a horizontal
# (vertical) rule. The longest runs in type are stems, brackets and serifs bridged on a
# baseline (about 1 em, 12-14 pt); a row of one line is ~18 pt high, a narrow STT column ~25 pt wide.
RULE_MIN_H_PT = 28.0
RULE_MIN_V_PT = 15.0
# Such a run counts as a table's rule when it meets a perpendicular one (within this many points:
# scanned rules stop short of each other) or is this long on its own (a row rule, an underline);
# a red seal's ring has straight-looking stretches of ~30 pt that must stay ink.
RULE_MEET_SLACK_PT = 3.0
RULE_ALONE_MIN_PT = 60.0
# A page with this few OCR words or a mean word confidence below this (0-100) may be upside
# down or turned 90°: Tesseract's orientation detection is asked then, and only then.
OSD_MIN_WORDS = 15
OSD_MIN_MEAN_CONF = 55.0
# Tesseract's line box is taller than the type: a font size is taken as the line's height over this.
OCR_LINE_HEIGHT_PER_SIZE = 1.25
# A page's text layer is judged for missing Vietnamese marks once it has this many letters
# (a page holds fewer letters than a document; quality.MIN_LETTERS is for whole documents).
OCR_PAGE_MIN_LETTERS = 60
# Second read of ruled cells (parsers/ocr/regions.py): a cell is re-read when the page pass left
# it empty though it holds at least this many dark pixels at 300 dpi (a lone "1" at 12 pt has
# ~100; scanner speckle a few), or read it with a mean word confidence (0-100) below the second
# value (clean type reads at 90+). The re-read is kept when its confidence reaches the third
# value and beats the first reading's.
REREAD_MIN_INK = 40
REREAD_BELOW_CONF = 60.0
REREAD_MIN_CONF = 30.0
# Red ink (a seal over the signature) is lifted out of the page before OCR where the red
# channel exceeds both others by this much (0-255): black, grey and blue ink never do; a seal's
# thin ring loses colour to JPEG's halved chroma, hence a low margin. Such a pixel whose red
# channel is this bright is seal on paper (made white); a darker one is type under the seal.
RED_INK_MARGIN = 40
RED_INK_PAPER = 150
# An OCR "word" without a letter or digit is scanner speckle or a rule's fringe read as
# punctuation unless Tesseract is this sure of it (0-100); dashes in "Văn hóa - Xã hội" read at ~90.
PUNCT_MIN_CONF = 80.0
# ... and whatever its confidence, when it is smaller than this (points) both ways: a speck.
SPECK_MAX_PT = 1.2
