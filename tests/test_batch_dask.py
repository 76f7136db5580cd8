"""The Dask executor gives the same records as the local one (a LocalCluster on loopback)."""

from __future__ import annotations

import pytest
from helpers import SAMPLES_PDF

from kehoach.batch.cache import dump_result
from kehoach.batch.runner import run_batch
from kehoach.normalize import catalog

distributed = pytest.importorskip("distributed", reason="Dask is the optional extra kehoach[dask]")

FILES = [SAMPLES_PDF / "sample_06_office_borderless.pdf", SAMPLES_PDF / "sample_05_office.pdf",
         SAMPLES_PDF / "missing.pdf"]


def test_dask_executor_matches_the_local_run():
    local = [dump_result(o.result) for o in run_batch(FILES)]
    try:
        with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            outcomes = run_batch(FILES, client.get_executor(pure=False),
                                 user_catalog={"bodies": {"doi_tnxk": ("Đội thanh niên xung kích", [])}})
    finally:  # the in-process worker took the user catalog: give this process its own back
        catalog.use_user_catalog(None)
    remote = [dump_result(o.result) for o in outcomes]
    assert [o.path for o in outcomes] == FILES
    assert remote == local
    assert remote[2]["document"]["status"] == "failed"


def test_cli_dask_executor(tmp_path):
    from typer.testing import CliRunner

    from kehoach.cli import app

    out_local, out_dask = tmp_path / "local", tmp_path / "dask"
    for out, extra in ((out_local, []), (out_dask, ["--executor", "dask"])):
        res = CliRunner().invoke(app, ["extract", str(FILES[0]), "-o", str(out), "-f", "jsonl", "-q", *extra])
        assert res.exit_code == 0, res.output
    for name in ("documents.jsonl", "items.jsonl", "mentions.jsonl"):
        assert (out_dask / name).read_bytes() == (out_local / name).read_bytes()
