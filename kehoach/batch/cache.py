"""Per-file results cached by content hash and pipeline version, committed as each file finishes.

WHY: a rerun over a folder must only redo new or changed files, and a killed run must
resume where it stopped. Each entry is one JSON file written atomically, so the cache is
always a set of whole results; an entry that does not load (a foreign or damaged file) is
treated as a miss, never trusted. The pipeline version hashes the package's code and data
files, every value in settings.py and the user catalog, so any change invalidates.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import typing
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ValidationError

from kehoach import __version__, settings
from kehoach.export import atomic
from kehoach.normalize import catalog
from kehoach.pipeline import FileResult
from kehoach.schemas import Document

CACHE_FORMAT = 1  # bump when the entry layout below changes


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """Hash of every .py and data file in the installed package (an edited rule changes results)."""
    h = hashlib.sha256()
    root = resources.files("kehoach")
    stack = [root]
    files = []
    while stack:
        node = stack.pop()
        for child in node.iterdir():
            if child.is_dir():
                if child.name != "__pycache__":
                    stack.append(child)
            elif child.name.endswith((".py", ".csv", ".html", ".css")):
                files.append(child)
    for f in sorted(files, key=lambda c: str(c)):
        h.update(str(f).split("kehoach", 1)[-1].encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def pipeline_version() -> str:
    """Short hash of package version + code + settings + catalogs (shipped and user)."""
    h = hashlib.sha256()
    for part in (str(CACHE_FORMAT), __version__, _code_digest(),
                 json.dumps(settings.snapshot(), sort_keys=True, default=repr, ensure_ascii=False),
                 catalog.fingerprint()):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def entry_key(sha256: str, version: str) -> str:
    """Content and pipeline version only: a moved, renamed or duplicated file is not read again
    (its records are given its current path by `rebind`)."""
    return hashlib.sha256(f"{version}\0{sha256}".encode()).hexdigest()


def rebind(result: FileResult, path: Path) -> FileResult:
    """The cached records with `path` as their source file (the records name the file they came from)."""
    new, old = str(path), result.document.source_file
    if new == old:
        return result

    def prov(p):
        return p.model_copy(update={"file": new}) if p.file == old else p

    def moved(record: BaseModel) -> BaseModel:
        update: dict = {}
        if getattr(record, "source_file", None) == old:
            update["source_file"] = new
        if getattr(record, "provenance", None) is not None:
            update["provenance"] = prov(record.provenance)
        return record.model_copy(update=update) if update else record

    lists = {name: [moved(r) for r in getattr(result, name)] for name in record_lists()}
    return FileResult(document=result.document.model_copy(update={"source_file": new}), **lists)


@lru_cache(maxsize=1)
def record_lists() -> dict[str, type[BaseModel]]:
    """FileResult's record lists and their models (items, mentions, and any list a front-end adds),
    read from the dataclass itself so a new kind of record is cached without touching this module."""
    hints = typing.get_type_hints(FileResult)
    return {f.name: typing.get_args(hints[f.name])[0] for f in dataclasses.fields(FileResult)
            if f.name != "document" and typing.get_origin(hints[f.name]) is list}


def dump_result(result: FileResult) -> dict:
    data = {"document": result.document.model_dump(mode="json")}
    for name in record_lists():
        data[name] = [r.model_dump(mode="json") for r in getattr(result, name)]
    return data


def load_result(data: dict) -> FileResult:
    """The inverse of dump_result; every record is validated again (a damaged entry raises, i.e. a miss)."""
    lists = {name: [model.model_validate(r) for r in data[name]] for name, model in record_lists().items()}
    return FileResult(document=Document.model_validate(data["document"]), **lists)


class ResultCache:
    """A folder of `<key[:2]>/<key>.json` entries (two levels keep folders small for big batches)."""

    def __init__(self, root: Path, version: str) -> None:
        self.root = root
        self.version = version

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[FileResult, dict] | None:
        """The cached result and its stored timings, or None (missing, damaged, other version)."""
        p = self._path(key)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            if data.get("version") != self.version:
                return None
            return load_result(data["result"]), data.get("timings", {})
        except (OSError, ValueError, KeyError, TypeError, ValidationError):
            return None

    def put(self, key: str, result: FileResult, timings: dict) -> None:
        data = {"version": self.version, "timings": timings, "result": dump_result(result)}
        atomic.write_text(self._path(key), json.dumps(data, ensure_ascii=False))
