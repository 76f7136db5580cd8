"""End to end on plans typed in Word and printed by LibreOffice, the way most real plans are made.

The PDFs in tests/data/office were made from the bundled answer keys with
`python scripts/render_key_office.py samples/keys/sample_02.json --out DIR`
(ruled) and `... sample_03.json sample_04.json --out DIR --borderless`; they
are committed because LibreOffice is not needed to run the tests. LibreOffice
lays tables out its own way: cell margins, rows split across pages, narrow
columns that break codes ("HĐND&UBN" / "D"), hyphens wrapped at a line end.
"""

from __future__ import annotations

import pytest
from helpers import REPO, extract_and_score

pytestmark = pytest.mark.e2e

OFFICE = REPO / "tests" / "data" / "office"


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    return extract_and_score(OFFICE, OFFICE / "keys", tmp_path_factory.mktemp("office"))


@pytest.mark.parametrize("metric, floor", [("rows", 0.98), ("cells", 0.95), ("references", 0.95)])
def test_word_printed_plans_meet_the_floors(scored, metric, floor):
    overall, per_doc = scored
    assert len(per_doc) == 3
    assert overall[metric]["f1"] >= floor, overall[metric]
    assert overall["document_fields"] >= 0.90, overall["document_field_detail"]
