"""Untrusted bytes through process_file (via temp files): a clean one-line failure or valid records."""

from __future__ import annotations

import tempfile
from pathlib import Path

from helpers import SAMPLES_PDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.pipeline import process_file
from kehoach.schemas import Document, Item, Mention

SEED = (SAMPLES_PDF / "sample_06_office_borderless.pdf").read_bytes()
HEADS = [b"", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\xff\xd8\xff"]


def _check(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "input.pdf"
        path.write_bytes(data)
        res = process_file(path)
        listing = sorted(p.name for p in Path(d).iterdir())
    assert listing == ["input.pdf"]  # nothing written beside the input
    doc = Document.model_validate(res.document.model_dump(mode="json"))
    if doc.status == "failed":
        assert doc.error and "\n" not in doc.error and not res.items
    for it in res.items:
        Item.model_validate(it.model_dump(mode="json"))
    for m in res.mentions:
        Mention.model_validate(m.model_dump(mode="json"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=st.sampled_from(HEADS), body=st.binary(max_size=2048))
def test_random_bytes_fail_cleanly(head, body):
    _check(head + body)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), min_size=1, max_size=12),
       st.integers(0, len(SEED)))
def test_mutated_pdf_fails_cleanly_or_gives_valid_records(flips, cut):
    data = bytearray(SEED)
    for pos, value in flips:
        data[pos] = value
    _check(bytes(data[: max(cut, 16)]))
