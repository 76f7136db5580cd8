"""Accent restoration: accent-less and English-OCR-garbled Vietnamese back to accented text."""

from __future__ import annotations

import pytest
from helpers import grid, page

from kehoach.normalize.accents import needs_restoration, restore
from kehoach.normalize.accents.confusion import candidate_keys
from kehoach.normalize.accents.model import load
from kehoach.normalize.accents.source import RestoreLog, originals_for, restore_source
from kehoach.normalize.accents.syllables import case_of, classic_tone, is_syllable_shape, strip
from kehoach.parsers.grid import ParsedSource


@pytest.mark.parametrize("text, expected", [
    # accent-less plan text
    ("Thuc hien chuyen doi so quoc gia tren dia ban xa", "Thực hiện chuyển đổi số quốc gia trên địa bàn xã"),
    ("Phong Van hoa - Xa hoi", "Phòng Văn hóa - Xã hội"),
    ("Cong an xa; Tram Y te xa", "Công an xã; Trạm Y tế xã"),
    ("Uy ban nhan dan tinh Dong Nai", "Ủy ban nhân dân tỉnh Đồng Nai"),
    # letters an English OCR misreads: é for ế, ia for ủa, 6 for ố, P for Đ, 1 for l, w for ư
    ("Ké hoach trién khai Nghi quyét s6 57-NQ/TW cia B6 Chinh tri",
     "Kế hoạch triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị"),
    ("Pang uy xa 1a co quan chu tri", "Đảng ủy xã là cơ quan chủ trì"),
    ("Poc 1ap — Tw do — Hanh phiic", "Độc lập — Tự do — Hạnh phúc"),
    ("phwong Tan Phong tinh Déng Nai", "phường Tân Phong tỉnh Đồng Nai"),
    ("Can cir Nghi quyét s6 71/NQ-CP", "Căn cứ Nghị quyết số 71/NQ-CP"),
    ("cdc co quan, don vi trén dia ban x4", "các cơ quan, đơn vị trên địa bàn xã"),  # á, ã fused into d, 4
    ("UBND XA THONG NHAT", "UBND XÃ THỐNG NHẤT"),
])
def test_restore(text, expected):
    assert restore(text).text == expected


@pytest.mark.parametrize("text, expected", [
    ("KE HOACH", "KẾ HOẠCH"),  # upper case kept
    ("CONG HOA XA HOI CHU NGHIA VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ke hoach so 15/KH-BCD", "Kế hoạch số 15/KH-BCĐ"),  # title case kept, the code kept but its "Đ" given back
    ("Huong dan so 3/HD-UBND", "Hướng dẫn số 3/HD-UBND"),  # "HD" is also "hợp đồng": left as printed
    # a mixed-case code ("TTg") beside a joiner is no syllable
    ("Quyet dinh so 06/QD-TTg cua Thu tuong", "Quyết định số 06/QĐ-TTg của Thủ tướng"),
    ("UBND xa; HĐND xa", "UBND xã; HĐND xã"),  # abbreviations untouched
    ("Muc tieu den nam 2030: 100%", "Mục tiêu đến năm 2030: 100%"),  # numbers and punctuation untouched
    ("STT", "STT"), ("mang 5G", "mạng 5G"),  # capitals without a vowel, a code with a digit
    ("ngay 12thang 10 nam 2025", "ngày 12tháng 10 năm 2025"),  # a number glued to a word
    ("II. Nhiem vu", "II. Nhiệm vụ"),  # a Roman numeral is not a word
    ("  Phong\nKinh te  ", "  Phòng\nKinh tế  "),  # spaces and line breaks kept
    ("P h o n g", "P h o n g"),  # letter-spaced print split by the OCR: kept as read
    # a stacked mark an English OCR printed as a symbol glued to the word: one of its letters
    ("h¢ sinh thai; thuc hien hi€u qua; k§ nang so", "hệ sinh thái; thực hiện hiệu quả; kỹ năng số"),
    ("HĐND&UBND xa", "HĐND&UBND xã"),
    ("tinh Dak Lak", "tỉnh Đắk Lắk"),  # a Central Highlands name's "k" coda is a syllable's
    ("KT. TRUONG BAN", "KT. TRƯỞNG BAN"),  # Decree 30's signature titles are in the domain lexicon
])
def test_restore_keeps_case_codes_and_layout(text, expected):
    assert restore(text).text == expected


@pytest.mark.parametrize("text", [
    "Kế hoạch triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học",
    "Phòng Văn hoá - Xã hội",  # either tone placement is left as printed
    "Công an xã",
    "UBND",
    "",
])
def test_text_with_its_diacritics_is_never_changed(text):
    r = restore(text)
    assert r.text == text and not r.changed


def test_restoration_reports_tokens_and_confidence():
    r = restore("Phong Kinh te va UBND xa")
    assert r.changed and r.original == "Phong Kinh te va UBND xa"
    assert 0.0 <= r.confidence <= 1.0
    by_text = {t.text: t for t in r.tokens}
    assert by_text["Phong"].restored == "Phòng" and by_text["Phong"].restorable
    assert by_text["UBND"].restored == "UBND" and not by_text["UBND"].restorable


@pytest.mark.parametrize("text, needed", [
    ("Cong an xa", True),
    ("Thuong xuyen", True),
    ("s6", True),  # a garbled syllable
    ("Công an xã", False),
    ("UBND", False),
    ("57-NQ/TW", False),
    ("Viettel", False),  # a foreign name: nothing to restore
    ("", False),
    (None, False),
    ("Trien khai thuc hien chuyen doi so tren dia ban xa, nang cao chat luong dich vu cong", True),
    ("Triển khai thực hiện chuyển đổi số trên địa bàn xã, nâng cao chất lượng dịch vụ công", False),
])
def test_needs_restoration(text, needed):
    assert needs_restoration(text) is needed


@pytest.mark.parametrize("garbled, key", [
    ("s6", "so"), ("pang", "dang"), ("cia", "cua"), ("ctia", "cua"), ("1a", "la"), ("phwong", "phuong"),
    ("cir", "cu"), ("cit", "cu"), ("ctf", "cu"), ("tw", "tu"), ("hqi", "hoi"), ("d6i", "doi"), ("nghj", "nghi"),
    ("cdc", "cac"), ("x4", "xa"), ("hgp", "hop"), ("phéi", "phoi"), ("bé", "bo"), ("bé", "be"),
])
def test_confusion_rules_reach_the_syllable(garbled, key):
    model = load()
    assert key in dict(candidate_keys(garbled, model.known_key))


def test_a_well_formed_syllable_costs_nothing_and_its_rewrites_cost_more():
    keys = dict(candidate_keys("mai", load().known_key))
    assert keys["mai"] == 0.0 and all(c > 0 for k, c in keys.items() if k != "mai")


@pytest.mark.parametrize("word, classic", [
    ("hoá", "hóa"), ("hoà", "hòa"), ("uỷ", "ủy"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("HOÀ", "HÒA"),
    ("quý", "quý"), ("hoàng", "hoàng"), ("hóa", "hóa"), ("a", "a"),
])
def test_classic_tone(word, classic):
    assert classic_tone(word) == classic


@pytest.mark.parametrize("key, valid", [
    ("nghieng", True), ("xa", True), ("thuong", True), ("ubnd", False), ("nq", False), ("s6", False),
])
def test_syllable_shape(key, valid):
    assert is_syllable_shape(key) is valid


def test_strip_and_case():
    assert strip("Đồng Nai") == "dong nai"
    assert [case_of(w) for w in ("UBND", "Phong", "xa", "1a", "A")] == ["upper", "title", "lower", "lower", "title"]


def test_model_is_small_and_knows_the_domain():
    model = load()
    assert model.size < 50_000
    assert "xã" in [model.vocab[i] for i in model.by_key["xa"]]


def _source(cells: list[list[str]], lines: list[str]) -> ParsedSource:
    return ParsedSource(pages=[page(*lines)], grids=[grid(*cells)], method="pdf-text", page_count=1)


def test_restore_source_restores_cells_and_lines_and_keeps_the_original():
    source = _source([["STT", "Nhiem vu", "Don vi chu tri"], ["1", "Trien khai chuyen doi so", "Cong an xa"]],
                     ["KE HOACH", "Trien khai Nghi quyet so 57-NQ/TW cua Bo Chinh tri ve dot pha phat trien"])
    log = RestoreLog()
    warnings = restore_source(source, log)
    texts = [c.text for c in source.grids[0].cells]
    assert texts == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "1", "Triển khai chuyển đổi số", "Công an xã"]
    assert source.pages[0].lines[0].text == "KẾ HOẠCH"
    assert source.pages[0].lines[1].text.startswith("Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị")
    assert log.originals["Công an xã"] == "Cong an xa"
    assert warnings and "accents restored" in warnings[0]


def test_restore_source_leaves_an_accented_page_alone():
    source = _source([["1", "Triển khai chuyển đổi số trên địa bàn", "Viettel"]],
                     ["Kế hoạch triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển"])
    before = [c.text for c in source.grids[0].cells] + [source.pages[0].text]
    assert restore_source(source) == []
    assert [c.text for c in source.grids[0].cells] + [source.pages[0].text] == before


def test_originals_for_a_row_names_fields_and_flags_doubt():
    log = RestoreLog()
    log.record("Cong an xa", "Công an xã", False)
    log.record("Thuong xuyen", "Thường xuyên", True)
    fields, texts, doubtful = originals_for(
        {"name": "Nhiệm vụ in print", "lead": "Công an xã", "deadline": "Thường xuyên", "result": None},
        "task", log)
    assert fields == ["lead", "deadline"] and texts == ["Cong an xa", "Thuong xuyen"] and doubtful
    assert originals_for({"lead": "Công an xã"}, "task", RestoreLog()) == ([], [], False)


def test_pipeline_restores_an_english_ocr_layer_and_keeps_the_printed_text():
    from pathlib import Path

    from kehoach.ingest.discover import FileKind, InputFile
    from kehoach.pipeline import build_records

    body = ["UY BAN NHAN DAN XA THONG NHAT", "KE HOACH",
            "Trien khai Nghi quyet so 57-NQ/TW ngay 22 thang 12 nam 2024 cua Bo Chinh tri ve dot pha phat trien",
            "khoa hoc, cong nghe, doi moi sang tao va chuyen doi so quoc gia tren dia ban xa Thong Nhat nam 2026"]
    table = grid(["STT", "Nhiem vu", "Don vi chu tri", "Don vi phoi hop", "Thoi gian hoan thanh"],
                 ["1", "Trien khai ung dung cong nghe so trong quan ly", "Phong Van hoa - Xa hoi", "Cong an xa",
                  "Thuong xuyen"],
                 ["2", "Nang cao chat luong dich vu cong truc tuyen", "Trung tam Phuc vu hanh chinh cong",
                  "Cac phong, ban, don vi tren dia ban xa", "Nam 2026"], caption="Phu luc")
    source = ParsedSource(pages=[page(*body)], grids=[table], method="pdf-text", page_count=1)
    info = InputFile(path=Path("engocr.pdf"), kind=FileKind.PDF, sha256="0" * 64, size=1)
    result = build_records(source, info, "engocr.pdf")
    first = result.items[0]
    assert first.name == "Triển khai ứng dụng công nghệ số trong quản lý"
    assert first.lead == ["Phòng Văn hóa - Xã hội"] and first.lead_ids == ["phong_vhxh"]
    assert first.coordinating_ids == ["cong_an"]
    assert first.deadline == "Thường xuyên"
    assert dict(zip(first.original_fields, first.original_texts, strict=True))["lead"] == "Phong Van hoa - Xa hoi"
    assert "text_without_diacritics" not in first.review_reasons
    assert any("accents restored" in w for w in result.document.warnings)
    assert result.document.admin_unit_name == "Thống Nhất"


@pytest.mark.e2e
def test_the_shipped_model_is_what_the_build_script_makes(tmp_path):
    """Reproducible: the build from the repository's corpus and the dev extra gives the shipped file."""
    import importlib.util
    import subprocess
    import sys
    from pathlib import Path

    import numpy as np

    if importlib.util.find_spec("underthesea") is None:
        pytest.skip("underthesea (dev extra) not installed")
    repo = Path(__file__).resolve().parent.parent
    out = tmp_path / "model.npz"
    subprocess.run([sys.executable, str(repo / "scripts" / "build_accent_model.py"), "--out", str(out)],
                   check=True, capture_output=True)
    built, shipped = np.load(out), np.load(repo / "kehoach" / "normalize" / "data" / "accent_model.npz")
    assert sorted(built.files) == sorted(shipped.files)
    for name in built.files:
        assert np.array_equal(built[name], shipped[name]), name


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PLAIN = st.text(alphabet=st.sampled_from(list("abcdeghiklmnopqrstuvxyABCDPT0123456789 -/.,;:\n()é")), max_size=80)


@given(_PLAIN)
def test_restore_changes_only_letters_of_words(text):
    """Any input: same length in words, every separator and digit-only token kept, never an exception."""
    r = restore(text)
    assert [t.start for t in r.tokens] == [t.start for t in restore(text).tokens]
    assert strip(r.text).count(" ") == strip(r.original).count(" ")
    assert r.text.count("\n") == text.count("\n")
    assert [w for w in r.text.split() if w.isdigit()] == [w for w in text.split() if w.isdigit()]
    assert 0.0 <= r.confidence <= 1.0


@given(st.text(max_size=60))
def test_needs_restoration_never_fails(text):
    assert needs_restoration(text) in (True, False)


def test_originals_put_back_whole_lines_only():
    log = RestoreLog()
    log.record("tt", "u", False)  # a one-word cell restored elsewhere on the page
    log.record("Trttng tam", "Trung tâm", False)
    fields, texts, _ = originals_for({"lead": "Trung tâm\nPhục vụ"}, "task", log)
    assert texts == ["Trttng tam\nPhục vụ"]


def test_doubtful_looks_at_the_words_in_range():
    from kehoach.normalize.accents.restore import Restoration, Token

    r = Restoration(text="Công an\nxã", original="Cong an\nxa", tokens=[
        Token("Cong", 0, 4, "Công", 0.99, True), Token("an", 5, 7, "an", 0.98, True),
        Token("xa", 8, 10, "xã", 0.3, True)])
    assert r.doubtful() and r.doubtful(8, 10) and not r.doubtful(0, 7)
    assert [t.text for t in r.low_confidence_tokens] == ["xa"]
