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

# --- accent restoration (normalize/accents/; branch `accents`) ---
# Costs are in natural-log units, the language model's: a rule costing 1.0 must be paid
# for by the model finding its syllable e (2.7) times likelier than the printed one.
# Rewrites of the OCR confusion table (confusion.RULES) combined for one token: two cover
# "d6i" -> "doi" + a horn elsewhere; three explode the candidate set for little gain.
ACCENT_MAX_REWRITES = 2
# A token that is already a well-formed syllable is usually read right ("mai" is a word):
# any rewrite of it pays this much more, so only strong context overturns it.
ACCENT_GARBLE_ON_VALID = 3.0
# A plain one-letter edit (no confusion rule explains it) costs this; tried only when no rule
# reaches a known syllable ("Céan" -> "căn").
ACCENT_EDIT_COST = 4.0
# log of the stupid-backoff factor (0.4, Brants et al. 2007).
ACCENT_LOG_BACKOFF = -0.916
# Bonus (log units) for a bigram inside a domain phrase (a catalog body, a place name):
# whole names win over syllable-by-syllable choices.
ACCENT_LEXICON_BONUS = 1.0
# Candidates kept per token (by cost and frequency) and Viterbi states kept per step: 24 states
# and 12 candidates gave the same held-out accuracy (0.972 stripped, 0.961 English OCR) at half
# the speed; 8 and 8 lose 0.002 on English OCR.
ACCENT_MAX_CANDIDATES = 10
ACCENT_BEAM = 12
# needs_restoration: text with at least this many letters is judged by its share of
# Vietnamese-marked letters (below the share: accent-less); shorter text by having no mark.
ACCENT_SHORT_LETTERS = 40
ACCENT_MAX_MARKED_SHARE = 0.05
# A restored word whose local posterior is below this is doubtful, and a row holding a cell with
# such a word is flagged `accents_restored_low_confidence`. On held-out stripped text, 9% of the
# lines hold one and half of those are wrong, against 8% wrong among the others (a cell's mean
# confidence below 0.75 told nothing: 10% wrong either side).
ACCENT_TOKEN_LOW = 0.5
# Three one-letter tokens in a row are letter-spaced print split by the OCR ("P h o n g"), not
# Vietnamese words (one-letter words, "ở", "à", rarely follow each other): kept as read.
ACCENT_SPACED_RUN = 3
