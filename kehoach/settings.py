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

# --- plain-text front-end (ingest/encodings.py, parsers/text_*.py) ---
# A UTF-8 file whose accented words are at least this share valid syllables is taken as UTF-8
# without trying the legacy encodings (a TCVN3 or VNI file almost never decodes as UTF-8).
UTF8_TRUST_SCORE = 0.5
# UTF-16 without a BOM: at least this share of NUL bytes (every other byte of Latin text).
UTF16_NUL_SHARE = 0.2
# TCVN3 has no accented capitals (a font draws them): an accented letter is upper case when its
# word's other letters are and this share of its line's letters is upper case (a heading).
TCVN3_UPPER_LINE_SHARE = 0.8
# A flattened table header (its column names wrapped) spans at most this many lines.
TEXT_HEADER_MAX_LINES = 10
# Assigning a flattened row's words to columns (parsers/text_cells.py), in log-score units:
# a new cell opening on a capital/number gains TEXT_OPEN_BONUS, on a lower-case word loses
# TEXT_OPEN_PENALTY (cells start with a capital); each new cell costs TEXT_NEW_CELL and each
# empty cell skipped TEXT_SKIP_COST; going back at a line break to a column already started
# (its next wrapped line) costs TEXT_BACK_COST, and within one line (never printed so) TEXT_REVISIT_COST.
# A blank line between two lines favours a new cell (TEXT_BLANK_NEW) over staying (TEXT_BLANK_STAY).
TEXT_OPEN_BONUS = 0.5
TEXT_OPEN_PENALTY = 2.0
TEXT_NEW_CELL = 0.5
TEXT_NEW_CELL_IN_LINE = 1.0  # a cell opening mid-line: only where the words clearly change kind
TEXT_SKIP_COST = 1.5
TEXT_BACK_COST = 3.0
TEXT_REVISIT_COST = 3.0
TEXT_BLANK_NEW = 0.3
# A unit cell opens on a body's first word (units.BODY_HEADS): bonus, else penalty; a cell never
# opens mid-line right after "-", "&", "và", "của" (the name goes on); trailing empty cells
# (a parent row, no partner body) cost TEXT_END_SKIP_COST each.
# A catalog word in a unit column scores this times its log-odds (catalog share against its share
# of the document's own text), bounded: a body the plan names everywhere ("Phòng Văn hóa - Xã hội")
# still counts a little for a unit column (the floor), a rare one ("Trạm", "CNSCĐ") much.
TEXT_BODY_ODDS_SCALE = 0.5
TEXT_BODY_WORD_MIN = 0.2
TEXT_BODY_WORD_MAX = 0.8
# A word that is not a number in a target column beside a unit column (targets are mostly figures).
TEXT_TARGET_WORD_PENALTY = 0.1
# Below this many words a document is too short to tell its common words: catalog words score the maximum.
TEXT_VOCAB_MIN_WORDS = 1000
TEXT_HEAD_BONUS = 0.5
# An output line this long (characters) going back to one column is most likely the name's: on the
# A4 pages of plan appendices the name column holds about 45-60 characters a line, the others under 30.
TEXT_LONG_LINE = 45
TEXT_LONG_LINE_NAME = 1.0
TEXT_NOT_HEAD_PENALTY = 1.0
TEXT_OPEN_END_PENALTY = 2.0
TEXT_END_SKIP_COST = 0.5
TEXT_BLANK_STAY = -0.3
# A header printed again on a new page: its lines spell at least this share of the first one's names.
TEXT_REPEAT_SHARE = 0.9
# Without form feeds, a text file is cut into synthetic pages of this many lines (provenance only).
TEXT_PAGE_LINES = 60
# The header block (organ, "CỘNG HÒA...", number, date) lies within this many lines above "KẾ HOẠCH".
TEXT_HEADER_BLOCK_LINES = 16
# Layout text (pdftotext -layout): a table region is in layout when this share of its lines holds a
# gap of 3+ spaces; a column starts where runs of words start on this share of its lines (3 at least);
# a header line above the STT line (a centred header) has at most this many words.
TEXT_LAYOUT_SHARE = 0.3
TEXT_COLUMN_START_SHARE = 0.04
TEXT_COLUMN_MIN_STARTS = 3
TEXT_LAYOUT_HEADER_WORDS = 6
# A column boundary in layout text: where runs of words start, less this much for each word running across.
TEXT_ACROSS_WEIGHT = 0.5
# A page of a layout table is measured anew under its repeated header when it has this many lines.
TEXT_LAYOUT_PAGE_LINES = 8
# A flattened row longer than this many words is no single row (its followers' numbers were missed):
# it is kept whole in the name and flagged (confidence below LOW_CONFIDENCE), not split at random.
TEXT_MAX_ROW_WORDS = 600
TEXT_DOUBTFUL_CONFIDENCE = 0.3
