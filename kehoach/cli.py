"""`kehoach` command line: thin commands that call the library and render its results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kehoach import __version__, settings
from kehoach.cli_catalog import catalog_app
from kehoach.export import FORMATS
from kehoach.export.writers import TABLES
from kehoach.normalize import catalog
from kehoach.pipeline import FileResult

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn Vietnamese commune/ward plan documents (Kế hoạch) into validated structured data.")
err = Console(stderr=True)
out = Console()
app.add_typer(catalog_app, name="catalog")


def _version(value: bool) -> None:
    if value:
        out.print(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                         help="Print the version and exit.")] = None) -> None:
    """kehoach: plan documents in, clean CSV / Parquet / JSON Lines out."""


# every output a run can write; no --format writes them all (report.html and plans.xlsx included)
OUTPUTS = (*FORMATS, "xlsx", "html")


def _formats(value: str | None) -> list[str]:
    if value is None:
        return list(OUTPUTS)
    asked = [v.strip().lower() for v in value.split(",") if v.strip()]
    if "all" in asked:
        return list(OUTPUTS)
    bad = [f for f in asked if f not in OUTPUTS]
    if bad or not asked:
        raise typer.BadParameter(f"unknown format {', '.join(bad) or value!r}; choose from {', '.join(OUTPUTS)}, all")
    return asked


def _summary(results: list[FileResult], cached: int | None = None) -> Table:
    docs = [r.document for r in results]
    t = Table(title="kehoach extract")
    cols = ["files", "ok", "no tables", "failed", "pages", "tables", "rows", "rows flagged"]
    for col in cols + (["from cache"] if cached is not None else []):
        t.add_column(col, justify="right")
    row = [str(len(docs)), str(sum(d.status == "ok" for d in docs)), str(sum(d.status == "no_tables" for d in docs)),
           str(sum(d.status == "failed" for d in docs)), str(sum(d.pages for d in docs)),
           str(sum(d.tables for d in docs)), str(sum(d.items for d in docs)), str(sum(d.items_flagged for d in docs))]
    t.add_row(*row, *([str(cached)] if cached is not None else []))
    return t


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively) to read.")],
    output: Annotated[Path, typer.Option("-o", "--output",
                                         help="Folder to write documents.*, items.*, mentions.*, run.json, "
                                              "report.html and plans.xlsx to.")],
    format: Annotated[str | None, typer.Option(
        "--format", "-f", help="Comma-separated: csv, parquet, jsonl, xlsx (plans.xlsx), html (report.html), "
                               "or all. Default: all.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary table.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1,
                                      help="Files read in parallel (worker processes or Dask workers).")] = 1,
    cache_dir: Annotated[Path | None, typer.Option(
        "--cache", help="Folder of per-file cached results (default OUT/.cache): unchanged files are not "
                        "read again.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Ignore cached results: read every file again.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=1,
                                           help="Seconds a file may take before it is reported as failed.")
                       ] = settings.FILE_TIMEOUT_SECONDS,
    max_memory: Annotated[int, typer.Option("--max-memory", min=64,
                                            help="Memory (MB) a worker may use for one file.")
                          ] = settings.FILE_MAX_MEMORY_MB,
    executor_name: Annotated[str, typer.Option(
        "--executor", help="process: local worker processes with the limits (default); inline: this process, "
                           "no limits; dask: a Dask cluster (--scheduler, else a local one).")] = "process",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --executor dask).")] = None,
    catalog_file: Annotated[Path | None, typer.Option(
        "--catalog", help="User catalog (.yaml or .csv) merged over the shipped bodies and indicators.")] = None,
) -> None:
    """Extract header metadata and every appendix table row from plan documents."""
    from kehoach.batch import session

    formats = _formats(format)
    if executor_name not in session.EXECUTORS:
        raise typer.BadParameter(f"unknown executor {executor_name!r}; choose from {', '.join(session.EXECUTORS)}",
                                 param_hint="--executor")
    try:
        user_catalog = catalog.load_user_catalog(catalog_file) if catalog_file else None
    except catalog.CatalogFileError as e:
        raise _fail(str(e)) from None
    try:
        files = session.inputs(paths, output, cache_dir)
    except FileNotFoundError as e:
        raise _fail(str(e)) from None
    if not files:
        raise _fail(f"no files found under {', '.join(map(str, paths))}")
    options = session.RunOptions(
        output=output, formats=formats, jobs=jobs, cache_dir=cache_dir, force=force, timeout=timeout,
        max_memory_mb=max_memory, executor=executor_name, scheduler=scheduler, user_catalog=user_catalog,
        catalog_file=str(catalog_file) if catalog_file else None)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=quiet, transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))

        def done(outcome) -> None:
            progress.update(task, description=f"extracted {outcome.path.name[:40]}")
            progress.advance(task)

        try:
            run = session.run(files, options, on_done=done)
        except session.ExecutorUnavailable as e:
            raise _fail(str(e)) from None
        except OSError as e:  # OUT not writable, disk full: one line, not a traceback
            raise _fail(f"cannot write {e.filename or output}: {e.strerror or e}") from None
    results = [o.result for o in run.outcomes]
    for r in results:
        if r.failed:
            err.print(f"[red]error:[/red] {r.document.source_file}: {r.document.error}", highlight=False,
                      soft_wrap=True)
    if not quiet:
        err.print(_summary(results, cached=sum(o.cached for o in run.outcomes)))
        err.print(f"wrote {', '.join(formats)} to {output}")
    if any(r.failed for r in results):
        raise typer.Exit(1)


@app.command()
def validate(out_dir: Annotated[Path, typer.Argument(help="An output folder written by `kehoach extract`.")]) -> None:
    """Re-check an export (JSON Lines, else CSV, else Parquet) against the record schemas and across tables."""
    from kehoach.batch import check

    try:
        problems, counts = check.validate_output(out_dir)
    except check.NoExport as e:
        raise _fail(str(e)) from None
    for p in problems[:200]:
        err.print(f"[red]invalid:[/red] {p}", highlight=False, soft_wrap=True)
    if len(problems) > 200:
        err.print(f"... and {len(problems) - 200} more")
    out.print(", ".join(f"{n} {name}" for name, n in counts.items())
              + (f": {len(problems)} problem(s)" if problems else ": valid"))
    if problems:
        raise typer.Exit(1)


@app.command()
def stats(out_dir: Annotated[Path, typer.Argument(help="An output folder written by `kehoach extract`.")]) -> None:
    """Print a finished run's summary again (from its run.json)."""
    from kehoach.batch import check

    try:
        manifest = check.read_manifest(out_dir)
    except check.NoExport as e:
        raise _fail(str(e)) from None
    out.print(check.stats_table(manifest))
    for f in manifest.get("failed", []):
        out.print(f"[red]failed:[/red] {f['file']}: {f['error']}", highlight=False, soft_wrap=True)


@app.command()
def schema(
    record: Annotated[str, typer.Argument(help="documents, items, mentions or targets")] = "items",
) -> None:
    """Print the JSON Schema of an exported record."""
    models = TABLES  # every exported record: documents, items, mentions, targets
    if record not in models:
        err.print(f"[red]error:[/red] unknown record {record!r}; choose from {', '.join(models)}")
        raise typer.Exit(2)
    out.print_json(json.dumps(models[record].model_json_schema(), ensure_ascii=False))


if __name__ == "__main__":
    app()
