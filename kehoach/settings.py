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

# --- text-layer trust (ingest/layer_check.py) ---
# Letters in the same word sit closer than this share of the font size (loose PDFium boxes
# touch within a word; a typeset space is about 0.25 em), so a wider gap starts a new word.
LAYER_WORD_GAP_EM = 0.18
# Characters more than this share of their size above or below the previous one start a new line.
LAYER_LINE_SHIFT_EM = 0.5
# Below this many visible characters a page has no text layer worth reading: a scan.
LAYER_MIN_CHARS = 10
# Letters left outside a signature stamp's lines ("Người ký: …", "Ký bởi: …"): fewer than this
# means the only text is the e-signature stamp over a page image.
LAYER_STAMP_BODY_LETTERS = 40
# Glyphs without a Unicode meaning ((cid:NN), U+FFFD, private-use, control codes): a good layer has
# none; a font without a ToUnicode map gives them on most glyphs. A few may come from a symbol font.
LAYER_BAD_GLYPH_SHARE = 0.02
# Letters of scripts that do not belong (Cyrillic, Greek, Latin Extended-B): a legacy-font layer
# mapped to the wrong Unicode writes them where Vietnamese letters belong ("6ӕ 4ĉ6&7").
LAYER_FOREIGN_LETTER_SHARE = 0.02
# A page is judged for Vietnamese only with this many word tokens / letters (a page of figures or a
# short signature page says too little: kept). quality.py's 200 letters is for whole documents.
LAYER_MIN_TOKENS = 15
LAYER_MIN_LETTERS = 80
# Share of word tokens that must spell Vietnamese syllables (orthography rules, parsers/vn_syllable.py);
# measured per page: good layers (dev/real, dev/digital, samples, a Tesseract-vie layer) 0.96-1.00,
# a legacy font's wrong map 0.13-0.29, English-OCR layers 0.48-0.77 (those are caught by their
# missing diacritics first).
LAYER_PLAUSIBLE_MIN = 0.7
# Accents placed as their own glyphs: worth a repair attempt when at least this many word tokens
# (and this share of them) are a lone accented vowel or mark ("Thu ộ c"); real text has few ("ở", "ý").
LAYER_SPLIT_MIN_TOKENS = 5
LAYER_SPLIT_MIN_SHARE = 0.05
# A piece of a split syllable joins its neighbours when the gap between the boxes is below this share
# of the font size (glyphs that nearly touch; a generous bound, as the joined token must also spell
# a syllable, which two whole words almost never do); a repair is taken when it raises the syllable
# share by at least the gain and reaches LAYER_PLAUSIBLE_MIN.
LAYER_SPLIT_JOIN_GAP_EM = 0.35
LAYER_REPAIR_MIN_GAIN = 0.1
# Ink without text: a pixel darker than this (0-255) is ink; the page is cut into square cells of
# this many points, and a cell with this share of uncovered ink pixels is uncovered ink.
LAYER_INK_LEVEL = 128
LAYER_INK_CELL_PT = 9.0
LAYER_INK_CELL_SHARE = 0.02
# Char boxes and ruling lines are grown by this many points before they mask ink (accents above
# capitals, anti-aliasing at 50 dpi).
LAYER_INK_MARGIN_PT = 3.0
# A region of uncovered ink is text or a table, not a seal, signature or logo, when it is at least
# this wide and tall (points) and this large in area (a seal is about 110 x 110 pt).
LAYER_REGION_MIN_SIDE = 72.0
LAYER_REGION_MIN_AREA = 30000.0
# Uncovered regions covering this share of the page, or holding this share of its ink: OCR the whole
# page, not regions (a scan under a scanner app's caption; a digital page with a pasted scan holds less).
LAYER_REGION_WHOLE_PAGE = 0.6
# Words are read from at most this many characters of a page (three windows: start, middle, end):
# a broken font or an OCR layer damages a whole page alike, and check_layer runs on every page.
LAYER_SAMPLE_CHARS = 600
# A page with fewer letters than this is looked at for being only a signature stamp (a stamp is
# a few lines: "Người ký", "Cơ quan", "Thời gian ký"); longer pages have a body.
LAYER_STAMP_MAX_LETTERS = 600
# Text set vertically: when more than this share of consecutive glyphs step down (or up) a column
# rather than along a line, words are read along the column (a page drawn turned, vertical headers).
LAYER_VERTICAL_SHARE = 0.5
# A region of uncovered ink darker than this share of its pixels is a photo or a filled shape, not
# printed text or a table (a scanned text block measures 0.05-0.25 at 50 dpi).
LAYER_REGION_MAX_INK = 0.4
# A split syllable is joined from at most this many touching pieces after the suspect one
# ("th ẩ m": 2; "D Ụ NG" joins in two steps).
LAYER_SPLIT_MAX_PIECES = 3
