"""What a file is, by content; which files a folder holds."""

from __future__ import annotations

import hashlib

import pytest
from helpers import SAMPLES_PDF

from kehoach.ingest.discover import FileKind, describe, sniff, walk


@pytest.mark.parametrize("head, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", FileKind.PDF),
    (b"\xef\xbb\xbfjunk before the header\n%PDF-1.4\n", FileKind.PDF),  # junk before %PDF- is allowed
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", FileKind.IMAGE),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", FileKind.IMAGE),
    (b"II*\x00\x08\x00", FileKind.IMAGE),
    (b"PK\x03\x04\x14\x00", FileKind.OFFICE),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", FileKind.OFFICE),
    ("Kế hoạch số 15/KH-UBND".encode(), FileKind.TEXT),
    ("Kế hoạch".encode()[:2], FileKind.TEXT),  # a character cut at the end of the sample
    (b"", FileKind.EMPTY),
    (b"\x00\x81\xfe\xff" * 8, FileKind.UNKNOWN),
])
def test_sniff(head, kind):
    assert sniff(head) is kind


def test_describe_goes_by_content_not_extension(tmp_path):
    data = (SAMPLES_PDF / "sample_02.pdf").read_bytes()
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    info = describe(path)
    assert info.kind is FileKind.PDF
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.size == len(data)


@pytest.mark.parametrize("name, data, kind", [
    ("notes.pdf", "Chỉ là văn bản".encode(), FileKind.TEXT),
    ("photo.pdf", b"\x89PNG\r\n\x1a\n", FileKind.IMAGE),
    ("zero.pdf", b"", FileKind.EMPTY),
])
def test_describe_wrong_extension(tmp_path, name, data, kind):
    (tmp_path / name).write_bytes(data)
    assert describe(tmp_path / name).kind is kind


def test_walk_recurses_in_stable_order_and_skips_outputs(tmp_path):
    files = ["b.pdf", "a/z.pdf", "a/deep/x.doc", "c.PDF", "out/items.jsonl", "out/items.csv", "notes.md",
             ".hidden.pdf", ".cache/y.pdf", "a/.git/objects.pdf"]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    found = [p.relative_to(tmp_path).as_posix() for p in walk([tmp_path])]
    assert found == ["a/deep/x.doc", "a/z.pdf", "b.pdf", "c.PDF"]


def test_walk_takes_files_given_by_name_and_several_roots(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "p.pdf").write_bytes(b"%PDF-1.4")
    named = tmp_path / "gold.json"
    named.write_text("{}")
    assert walk([named, tmp_path / "one"]) == [named, tmp_path / "one" / "p.pdf"]


def test_walk_missing_path_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        walk([tmp_path / "missing"])


def test_walk_empty_folder(tmp_path):
    assert walk([tmp_path]) == []
