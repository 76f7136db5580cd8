"""The catalog as a tool: user catalogs merged over the shipped one, `catalog match`, `catalog review --stub`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.cli_catalog import review_misses, stub_key
from kehoach.normalize import catalog

NEW_BODY = "Đội thanh niên tình nguyện phản ứng nhanh"


@pytest.fixture(autouse=True)
def _shipped_catalog():
    catalog.use_user_catalog(None)
    yield
    catalog.use_user_catalog(None)


@pytest.mark.parametrize("fmt, text", [
    ("yaml", f"bodies:\n  - key: doi_tn\n    name: {NEW_BODY}\n    aliases: [ĐTNTN]\n"
             "  - key: ubnd\n    aliases: [Chính quyền xã]\n"),
    ("csv", f"kind,key,canonical_name,aliases\nbody,doi_tn,{NEW_BODY},ĐTNTN\nbody,ubnd,,Chính quyền xã\n"),
])
def test_user_catalog_adds_bodies_and_aliases(fmt, text):
    user = catalog.parse_user_catalog(text, fmt)
    assert catalog.bodies().match(NEW_BODY) is None or catalog.bodies().match(NEW_BODY).id != "doi_tn"
    catalog.use_user_catalog(user)
    assert catalog.bodies().match(NEW_BODY).id == "doi_tn"
    assert catalog.bodies().match("ĐTNTN").id == "doi_tn"
    assert catalog.bodies().match("Chính quyền xã").id == "ubnd"
    assert catalog.bodies().names["ubnd"] == "Ủy ban nhân dân xã/phường"  # shipped name kept
    assert catalog.bodies().match("UBND xã").id == "ubnd"  # shipped aliases kept


@pytest.mark.parametrize("fmt, text, message", [
    ("yaml", "bodies: [1, 2]", "must be a mapping"),
    ("yaml", "bodies:\n  - key: Bad Key\n", "key 'Bad Key'"),
    ("yaml", "bodies: {", "not valid YAML"),
    ("csv", "kind,key,canonical_name,aliases\nplace,x,y,\n", "kind 'place'"),
])
def test_bad_user_catalog_is_one_named_error(fmt, text, message):
    with pytest.raises(catalog.CatalogFileError, match=message):
        catalog.parse_user_catalog(text, fmt, "my")


def test_cli_catalog_option_and_bad_file(tmp_path):
    bad = tmp_path / "cat.txt"
    bad.write_text("x", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "out"), "--catalog", str(bad)])
    assert res.exit_code == 2 and "a catalog is a .yaml" in res.stderr
    assert not (tmp_path / "out").exists()


def test_catalog_match_lists_candidates(tmp_path):
    res = CliRunner().invoke(app, ["catalog", "match", "Phòng VH-XH", "--kind", "body", "-n", "3"])
    assert res.exit_code == 0, res.output
    assert "phong_vhxh" in res.stdout and "body: phong_vhxh" in res.stdout
    cat = tmp_path / "my.yaml"
    cat.write_text(f"bodies:\n  - key: doi_tn\n    name: {NEW_BODY}\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["catalog", "match", NEW_BODY, "--kind", "body", "--catalog", str(cat)])
    assert "body: doi_tn" in res.stdout


def _export(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    mentions = [("Ban Tuyên giáo", None, None)] * 3 + [("Tổ công nghệ số", "to_cnscd", 88.0)] + [
        ("UBND xã", "ubnd", 100.0)] * 5
    (out / "mentions.jsonl").write_text("".join(json.dumps(
        {"text": t, "catalog_id": c, "match_score": s}, ensure_ascii=False) + "\n" for t, c, s in mentions),
        encoding="utf-8")
    (out / "items.jsonl").write_text(json.dumps({"kind": "indicator", "name": "Tỷ lệ hộ dùng điện mặt trời",
                                                 "indicator_id": None}, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def test_catalog_review_most_frequent_first_and_stub_loads(tmp_path):
    out = _export(tmp_path)
    misses = review_misses(out)
    assert [(m.kind, m.text, m.count) for m in misses] == [
        ("body", "Ban Tuyên giáo", 3), ("body", "Tổ công nghệ số", 1), ("indicator", "Tỷ lệ hộ dùng điện mặt trời", 1)]
    for suffix in ("yaml", "csv"):
        stub = tmp_path / f"stub.{suffix}"
        res = CliRunner().invoke(app, ["catalog", "review", str(out), "--stub", str(stub)])
        assert res.exit_code == 0, res.output
        assert "Ban Tuyên giáo" in res.stdout
        user = catalog.load_user_catalog(stub)  # the stub is a valid --catalog file as written
        assert len(user["bodies"]) == 2 and len(user["indicators"]) == 1
        catalog.use_user_catalog(user)
        assert catalog.bodies().match("Ban Tuyên giáo").id.startswith("new_ban_tuyen_giao")
        catalog.use_user_catalog(None)


def test_catalog_review_without_export(tmp_path):
    res = CliRunner().invoke(app, ["catalog", "review", str(tmp_path)])
    assert res.exit_code == 2 and "no mentions.jsonl" in res.stderr


def test_stub_keys_are_unique_and_safe():
    taken: set[str] = set()
    keys = [stub_key(t, taken) for t in ("Ban A/../../etc", "Ban A/../../etc", "!!!")]
    assert keys == ["new_ban_a_etc", "new_ban_a_etc_2", "new_entry"]
