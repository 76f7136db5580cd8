"""Every tunable threshold in one place, each with the reason it has its value.

Modules import these names instead of burying literals in loops (the pdfplumber
`TableSettings` idea): changing a cut-off is one edit, visible in review.
"""


def snapshot() -> dict[str, object]:
    """Every setting by name: caches key their entries on it, so a changed threshold is a miss."""
    return {k: v for k, v in sorted(globals().items()) if k.isupper()}


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

# --- batch runs: per-file limits, cache, review ordering (kehoach/batch/, area: batch) ---
# A file gets this many seconds in its worker; the slowest born-digital plan of the dev sets takes
# a few seconds, OCR of a long scan a few minutes: past this it is a pathological file (thousands
# of pages), reported as failed so the batch goes on. `--timeout` overrides it.
FILE_TIMEOUT_SECONDS = 600.0
# Address space a worker may map (MiB). PDFium and pandas need a few hundred MiB for a long plan;
# a decompression bomb or a page rendered at absurd size hits this and becomes a failed file
# instead of swapping the machine to death. `--max-memory` overrides it.
FILE_MAX_MEMORY_MB = 2048
# Images above this many pixels are refused (Pillow's decompression-bomb guard, made an error):
# an A3 page at 600 dpi is ~70 Mpx; a PNG claiming more is a bomb, not a scan.
MAX_IMAGE_PIXELS = 120_000_000
# Review queue order (report.html, plans.xlsx): a row's weight by table, because a wrong budget
# amount or indicator target misleads more than a wrong task wording; low confidence adds to it.
REVIEW_TABLE_WEIGHT = {"budget": 3.0, "indicators": 2.0, "tasks": 1.0}
# Catalog review: a mention matched below this score is listed as doubtful with the unmapped ones.
CATALOG_REVIEW_SCORE = 92.0
# OCR'd cells shown in report.html get a crop of their page rendered at this scale (72 dpi = 1.0)
# and no larger than this many pixels wide, so the single-file report stays small.
REPORT_CROP_SCALE = 2.0
REPORT_CROP_MAX_WIDTH = 480

# --- document headers (parsers/header*.py, parsers/signature.py, parsers/pdf_widgets.py; issue 13) ---
# Widget stamps: a flattened character this close (points) to a printed one of the same text is that one.
WIDGET_SAME_CHAR = 1.0
# A stamp sharing this share of its height with a printed line is on that line (set on its baseline).
WIDGET_LINE_OVERLAP = 0.5
# A printed character this much overlapped by a stamped one is hidden under it (a month stamped over "4").
WIDGET_COVERED_SHARE = 0.6
# Header block: two text segments this close in height (points) are on one printed row ...
HEADER_SAME_ROW = 2.5
# ... and never further apart than this share of a line's height: rows of flattened text are one unit
# high (the line's index), where 2.5 "points" would join three printed lines into one
HEADER_SAME_ROW_SHARE = 0.5
# ... and one line when the space between them is at most this (a justified "QUYẾT   ĐỊNH"); the header's
# two columns stand far wider apart.
HEADER_SEGMENT_GAP = 12.0
# The header block, type line and title lie within this many first lines of the document.
HEADER_MAX_LINES = 45
# A gap wider than this many line heights ends the title (the authority line or body follows after a blank).
HEADER_TITLE_GAP = 1.8
# A title (summary) runs at most this many lines.
HEADER_TITLE_MAX_LINES = 10
# The signature's space: a gap of more than this many line heights under the signer's title (room to sign,
# the stamp); a title-like line beyond it is the signer's office printed under the name, not the block.
SIGNATURE_SPACE_LINES = 3.0
# --- Word documents (parsers/docx_source.py, area: docx) ---
# A .docx has no pages before printing: its page text gets a synthetic A4 geometry, enough
# for the header parser's column logic (left/right halves of the header block, centred lines).
DOCX_PAGE_WIDTH = 595.0
DOCX_MARGIN = 56.0
DOCX_LINE_HEIGHT = 15.0
# Width of one character of 13 pt Times New Roman, on average: how wide a centred line is drawn.
DOCX_CHAR_WIDTH = 6.0
# A borderless table with no column names and at most this many columns and rows lays out text
# (Decree 30's header block is two columns by two or three rows; a signature, two by one).
DOCX_LAYOUT_MAX_COLS = 3
DOCX_LAYOUT_MAX_ROWS = 6
# Converting a legacy .doc / .odt with LibreOffice headless: seconds before it is given up.
OFFICE_CONVERT_TIMEOUT = 120
# --- plain-text front-end (ingest/encodings.py, parsers/text_*.py) ---
# A UTF-8 file whose accented words are at least this share valid syllables is taken as UTF-8
# without trying the legacy encodings (a TCVN3 or VNI file almost never decodes as UTF-8).
UTF8_TRUST_SCORE = 0.5
# UTF-16 without a BOM: at least this share of NUL bytes (every other byte of Latin text).
UTF16_NUL_SHARE = 0.2
# TCVN3 has no accented capitals (a font draws them): an accented letter is upper case when its
# word's other letters are and this share of its line's letters is upper case (a heading).
TCVN3_UPPER_LINE_SHARE = 0.8
# A flattened table header (its column names wrapped) spans at most this many lines (a tool that writes
# each header cell whole puts a narrow column's four or five lines one after another).
TEXT_HEADER_MAX_LINES = 16
# a line of this many words, less than this share of them column-name words, ends a header
TEXT_HEADER_PLAIN_WORDS = 5
TEXT_HEADER_NAME_SHARE = 0.5
# lines above a table's STT line that may hold the upper halves of column names centred on it
TEXT_CENTRED_HEADER_LINES = 4
# ... each of at most this many words (the parts of several columns' names side by side)
TEXT_CENTRED_HEADER_WORDS = 16
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
# within a printed line of a row centred on its number (text_cells.assign `centred`): a column passed
# there is filled on another line
TEXT_CENTRED_SKIP_COST = 0.5
# ... and a run of a column met before on the row, opening in lower case there, costs at most this
TEXT_CENTRED_LOWER_RUN = 0.5
# a centred row's cell read on two mirrored lines (text_mirror._pair): its lower run may be this many
# characters wider than its upper one (a wrapped line, as wide as the column) at no cost, then costs
# TEXT_MIRROR_WIDER_COST a character, at most TEXT_MIRROR_WIDER_MAX
TEXT_MIRROR_WIDTH_SLACK = 2
TEXT_MIRROR_WIDER_COST = 0.3
TEXT_MIRROR_WIDER_MAX = 3.0
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
# a deadline cell's figures: a day's number up to 31 ("ngày 15", a year's wrapped digit) reads as one, another
# figure ("100", "≥ 90": a target's) counts against it
TEXT_DEADLINE_DAY = 1.5
TEXT_DEADLINE_FIGURE = 1.0
# Below this many words a document is too short to tell its common words: catalog words score the maximum.
TEXT_VOCAB_MIN_WORDS = 1000
TEXT_HEAD_BONUS = 0.5
# a second body's name (its head word: "Phòng", "Trung tâm", "Các ...") going on inside the lead cell:
# in the answer keys the lead cell names one body in ~90% of rows, the coordinating cell in ~65%,
# so a second body is about log(0.35 / 0.10) ~ 1.25 less likely there than in the next cell
TEXT_LEAD_EXTRA_BODY = 1.25
# a printed line that is one whole catalog body costs this much read as a name's wrapped line
TEXT_BODY_LINE_IN_NAME = 2.0
# a target or unit cell opening mid-line at a number a lower-case word follows ("từ 15 tuổi trở lên"):
# a number of the running text, rarely a target ("≥ 80", "100 (trừ ...)", "% 95 Công an xã")
TEXT_NUMBER_IN_PHRASE = 1.5
# in a table of numeric targets, a body's head word ("Phòng", "VP", "Trung tâm") read as target text
TEXT_TARGET_BODY_PENALTY = 1.5
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
# a table an OCR read with its column rules: at least this share of its lines hold a "|"; there a row
# number followed by lower-case text starts a row when the number after it opens a line within
# TEXT_SEQUENCE_LOOKAHEAD lines (text_layout.Numbering.accept)
TEXT_RULED_SHARE = 0.1
TEXT_SEQUENCE_LOOKAHEAD = 80
# a table read as centred on its row numbers (text_source._centred_reading) when it finds more rows than
# the as-is reading and at most this share of its rows lack lines below their number
TEXT_CENTRED_SHORT_SHARE = 0.1
# ... and only in a table whose text has at most this share of blank lines (a text written by printed line)
TEXT_CENTRED_BLANK_SHARE = 0.05
# a plan's numbering may jump ("13", then "16"): a row number at most this far past the expected one
# starts a row when the numbering goes on from it within TEXT_SEQUENCE_LOOKAHEAD lines
TEXT_NUMBER_JUMP_MAX = 5
# a line of at most this many words, all printed in a repeated header above it, is that header's wrapped tail
TEXT_HEADER_TAIL_WORDS = 5
TEXT_HEADER_TAIL_MATCH = 75  # an OCR slip of one letter in four
# Without form feeds, a text file is cut into synthetic pages of this many lines (provenance only).
TEXT_PAGE_LINES = 60
# The header block (organ, "CỘNG HÒA...", number, date) lies within this many lines above "KẾ HOẠCH".
# lines from the national motto down that may hold the header block's two columns side by side
TEXT_MOTTO_BLOCK_LINES = 4
# flattened text: "Nơi nhận" list lines read through between a signature block's lines (at most this
# many above its title) and down to its name (within this many lines)
SIGNATURE_TEXT_SKIP = 4
SIGNATURE_TEXT_LINES = 30
TEXT_HEADER_BLOCK_LINES = 16
# Layout text (pdftotext -layout): a table region is in layout when this share of its lines holds a
# gap of 3+ spaces; a header line above the STT line (a centred header) has at most this many words.
TEXT_LAYOUT_SHARE = 0.3
TEXT_LAYOUT_CENTRED_MIN = 2  # rows whose number line holds no capitalised name start: cells centred on the number
TEXT_LAYOUT_CENTRED_SHARE = 0.25  # ... or this share of the rows, whichever is more
TEXT_LAYOUT_EDGE_SLACK = 3  # characters: right-aligned figures end this close to each other (a bold total sits off)
TEXT_LAYOUT_FIGURE_SLACK = 8  # characters: an amount's figures may start this far left of its column or past its end
TEXT_LAYOUT_HEADER_WORDS = 6
# A column boundary in layout text: where runs of words start, less this much for each word running across.
TEXT_ACROSS_WEIGHT = 0.5
# A page of a layout table is measured anew under its repeated header when it has this many lines.
TEXT_LAYOUT_PAGE_LINES = 8
# the orders of a centred header's names that its lines allow, weighed by the rows under it: at most
# this many (a name on lines of its own may stand in any gap), and the rows they are weighed on
TEXT_HEADER_ORDERS = 24
TEXT_HEADER_ORDER_ROWS = 8
TEXT_LAYOUT_PAGE_SHIFT = 8  # characters: a layout tool may set a page's text this far off the one before it
TEXT_LAYOUT_SHIFT_GAIN = 3.0  # ... and it is read so only when each boundary gains this many runs starting on it
# characters: a run of words set apart this close before a column's start, in a cell that line
# already filled, is that column's (the tool pushed it left to make room)
TEXT_LAYOUT_PUSH_SLACK = 8
# ... and a capitalised word of a run, across the next column's start, starting this close before it
TEXT_LAYOUT_WORD_PUSH = 5
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
# --- OCR front-end (ingest/raster.py, parsers/ocr/*, parsers/ocr_decision.py) ---
# Tesseract reads body text best with capitals 20-40 px high; 12-13 pt type at 300 dpi gives
# about 35 px. Scans stored at 200 dpi are rendered up to this too (dev scans: fewer misread
# accents at 300 than at 200 dpi on the same page, measured with a bare `tesseract -l vie`).
OCR_DPI = 300
# A page rendered for OCR never exceeds this many pixels (an enormous page, e.g. a 2 m map,
# is rendered at a lower resolution instead): about an A3 page at 300 dpi, ~35 MB of grey.
OCR_MAX_PIXELS = 35_000_000
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
# A flattened row longer than this many words is no single row (its followers' numbers were missed):
# it is kept whole in the name and flagged (confidence below LOW_CONFIDENCE), not split at random.
TEXT_MAX_ROW_WORDS = 600
TEXT_DOUBTFUL_CONFIDENCE = 0.3
# ... and whatever its confidence, when it is smaller than this (points) both ways: a speck.
SPECK_MAX_PT = 1.2


# --- text2: flattened text with lost accents (issue 14 follow-up) ---------------------------------
# a two-word window of a flattened header this close (rapidfuzz ratio) to the first words of a known
# column name may start one: OCR garbles a letter or two ("Yeéu cau", "Pon vi chu", "Tén nhigm vy")
TEXT_HEADER_START_MATCH = 80
# the last piece of a flattened header this short (letters) is the stub of a narrow last column's
# name ("Ghi" / "chú" wrapped; "Gh,l" as an OCR read it), not a reason to merge it into its neighbour
TEXT_HEADER_STUB_LETTERS = 3
# a column name read from flattened header text gains up to this much by how much of its piece
# the known name covers (text_layout._piece_score)
TEXT_HEADER_COVER_BONUS = 0.5
# a piece of header text opening on a lower-case word is rarely a whole column name
TEXT_HEADER_LOWER_PENALTY = 0.75
# a group label over sub-columns ("Đơn vị thực hiện") as its own piece: above a merge into a neighbour
TEXT_HEADER_GROUP_SCORE = 0.3
# a word read into a "Ghi chú" (note) cell: notes are short and often empty, but filled they hold
# anything ("Nguồn sự nghiệp KHCN" beside a budget line)
TEXT_NOTE_WORD_PENALTY = 0.3
# layout text (pdftotext -layout), cells centred on their row's number: a row with nothing in a column
# costs this much (in lines off centre) when a column's lines are cut into one piece per row
TEXT_LAYOUT_EMPTY_CELL = 0.5
# layout text: a header's centred names may print up to this many lines above (and below) its STT line
TEXT_LAYOUT_HEADER_ABOVE = 4
