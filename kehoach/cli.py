"""`kehoach` command line: thin commands that call the library and render its results."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kehoach import __version__
from kehoach.export import FORMATS, write_all
from kehoach.ingest.discover import walk
from kehoach.pipeline import FileResult, process_batch
from kehoach.schemas import Document, Item, Mention

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn Vietnamese commune/ward plan documents (Kế hoạch) into validated structured data.")
err = Console(stderr=True)
out = Console()


def _version(value: bool) -> None:
    if value:
        out.print(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                         help="Print the version and exit.")] = None) -> None:
    """kehoach: plan documents in, clean CSV / Parquet / JSON Lines out."""


def _formats(value: str) -> list[str]:
    asked = [v.strip().lower() for v in value.split(",") if v.strip()]
    if "all" in asked:
        return list(FORMATS)
    bad = [f for f in asked if f not in FORMATS]
    if bad or not asked:
        raise typer.BadParameter(f"unknown format {', '.join(bad) or value!r}; choose from {', '.join(FORMATS)}, all")
    return asked


def _summary(results: list[FileResult]) -> Table:
    docs = [r.document for r in results]
    t = Table(title="kehoach extract")
    for col in ("files", "ok", "no tables", "failed", "pages", "tables", "rows", "rows flagged"):
        t.add_column(col, justify="right")
    t.add_row(str(len(docs)), str(sum(d.status == "ok" for d in docs)), str(sum(d.status == "no_tables" for d in docs)),
              str(sum(d.status == "failed" for d in docs)), str(sum(d.pages for d in docs)),
              str(sum(d.tables for d in docs)), str(sum(d.items for d in docs)),
              str(sum(d.items_flagged for d in docs)))
    return t


def _manifest(results: list[FileResult], formats: list[str]) -> dict:
    """What the run did, for scripts: counts, and every file that failed with its reason."""
    docs = [r.document for r in results]
    return {
        "kehoach_version": __version__,
        "formats": formats,
        "files": len(docs),
        "ok": sum(d.status == "ok" for d in docs),
        "no_tables": [d.source_file for d in docs if d.status == "no_tables"],
        "failed": [{"file": d.source_file, "error": d.error} for d in docs if d.status == "failed"],
        "pages": sum(d.pages for d in docs),
        "tables": sum(d.tables for d in docs),
        "rows": sum(d.items for d in docs),
        "rows_flagged": sum(d.items_flagged for d in docs),
    }


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively) to read.")],
    output: Annotated[Path, typer.Option("-o", "--output",
                                         help="Folder to write documents.*, items.*, mentions.* to.")],
    format: Annotated[str, typer.Option("--format", "-f",
                                        help="Comma-separated: csv, parquet, jsonl, or all.")] = "all",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary table.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1,
                                      help="Files read in parallel (worker processes).")] = 1,
) -> None:
    """Extract header metadata and every appendix table row from plan documents."""
    formats = _formats(format)
    try:
        files = walk(paths)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    if not files:
        err.print(f"[red]error:[/red] no files found under {', '.join(map(str, paths))}")
        raise typer.Exit(2)
    results: list[FileResult] = []
    executor = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 and len(files) > 1 else None
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, disable=quiet, transient=True) as progress:
            task = progress.add_task("extracting", total=len(files))
            for path, result in zip(files, process_batch(files, executor), strict=True):
                progress.update(task, description=f"extracted {path.name[:40]}")
                if result.failed:
                    err.print(f"[red]error:[/red] {path}: {result.document.error}", highlight=False, soft_wrap=True)
                results.append(result)
                progress.advance(task)
    finally:
        if executor is not None:
            executor.shutdown()
    documents: list[Document] = [r.document for r in results]
    items: list[Item] = [it for r in results for it in r.items]
    mentions: list[Mention] = [m for r in results for m in r.mentions]
    targets = [t for r in results for t in r.targets]  # numeric targets stated in the body text
    write_all(output, {"documents": documents, "items": items, "mentions": mentions, "targets": targets}, formats)
    (output / "run.json").write_text(json.dumps(_manifest(results, formats), ensure_ascii=False, indent=1),
                                     encoding="utf-8")
    if not quiet:
        err.print(_summary(results))
        err.print(f"wrote {', '.join(formats)} to {output}")
    if any(r.failed for r in results):
        raise typer.Exit(1)


@app.command()
def schema(
    record: Annotated[str, typer.Argument(help="documents, items or mentions")] = "items",
) -> None:
    """Print the JSON Schema of an exported record."""
    models = {"documents": Document, "items": Item, "mentions": Mention}
    if record not in models:
        err.print(f"[red]error:[/red] unknown record {record!r}; choose from {', '.join(models)}")
        raise typer.Exit(2)
    out.print_json(json.dumps(models[record].model_json_schema(), ensure_ascii=False))


if __name__ == "__main__":
    app()
