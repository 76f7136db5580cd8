"""Shared fixtures: one sample processed once per session, and a folder of bad inputs."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# hypothesis keeps its caches out of the repository (read when hypothesis first needs a directory)
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "kehoach-hypothesis"))

import pytest  # noqa: E402
from helpers import SAMPLES_PDF, make_pdf  # noqa: E402
from hypothesis import settings  # noqa: E402

from kehoach.pipeline import FileResult, process_file  # noqa: E402

settings.register_profile("kehoach", database=None)
settings.load_profile("kehoach")

GOOD_SAMPLE = SAMPLES_PDF / "sample_01.pdf"  # indicators, tasks and a budget annex


@pytest.fixture(scope="session")
def sample_result() -> FileResult:
    """sample_01.pdf read once: documents, items and mentions for the export tests."""
    return process_file(GOOD_SAMPLE)


# name -> how to make it; every one of these must come out as a failed document
def _office(p: Path) -> None:  # a .txt is read since the text front-end; an office file is not yet
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 64)


def _empty(p: Path) -> None:
    p.write_bytes(b"")


def _truncated(p: Path) -> None:
    data = GOOD_SAMPLE.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def _png(p: Path) -> None:
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)


def _encrypted(p: Path) -> None:
    make_pdf(p, ["Kế hoạch chuyển đổi số"], encrypt="secret")


BAD_MAKERS = {
    "office_renamed.pdf": (_office, "unsupported"),
    "empty.pdf": (_empty, "empty"),
    "truncated.pdf": (_truncated, "damaged"),
    "image_renamed.pdf": (_png, "damaged"),  # a PNG signature and no image data
    "encrypted.pdf": (_encrypted, "encrypted"),
}


@pytest.fixture
def bad_file(tmp_path, request) -> Path:
    """Parametrised indirectly with a BAD_MAKERS name."""
    path = tmp_path / request.param
    BAD_MAKERS[request.param][0](path)
    return path


@pytest.fixture
def mixed_folder(tmp_path) -> Path:
    """One good plan (in a sub-folder, with a wrong extension), a notice without tables, every bad file."""
    root = tmp_path / "inputs"
    (root / "sub").mkdir(parents=True)
    shutil.copy(GOOD_SAMPLE, root / "sub" / "good_plan.bin")
    make_pdf(root / "notice.pdf", ["THÔNG BÁO", "Về việc nghỉ lễ Quốc khánh"])
    for name, (make, _) in BAD_MAKERS.items():
        make(root / name)
    return root
