"""The official list of administrative units: is a printed province or commune a real one, and its code.

The current list (34 provinces, 3,321 communes, wards and special zones since the
2025 mergers, which also abolished districts) comes from `vietnam-provinces`; the 63
provinces before 1 July 2025, still printed in older documents, come from the data
`vietnamadminunits` ships, with the post-2025 province each merged into. Both are
read offline from the installed packages' own data files (no network, no API that
loads geodata): a name is matched on its letters without tone marks' placement
("Hoà" = "Hòa"), and the code exported is the official one of the list that holds it.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kehoach.normalize.text import fold

PROVINCE_TYPES = ("tỉnh", "thành phố")
COMMUNE_TYPES = ("xã", "phường", "đặc khu")


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # official short name: "Lào Cai"
    kind: str  # "tỉnh" or "thành phố" (a centrally run city)
    code: str  # official code, two digits
    current_name: str  # the post-2025 province it is (or was merged into)
    current_code: str
    pre_2025: bool = False


@dataclass(frozen=True, slots=True)
class Commune:
    kind: str  # "xã", "phường", "đặc khu"
    name: str
    code: str  # five digits
    province_code: str


def match_key(name: str) -> str:
    """Names compared without case, accents' placement or spacing ("Hoà Bình" = "Hòa Bình")."""
    return " ".join(fold(name).lower().replace("-", " ").split())


def _short(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


@cache
def _current() -> tuple[dict[str, Province], dict[str, list[Commune]]]:
    from vietnam_provinces import Province as VP
    from vietnam_provinces import Ward

    provinces = {}
    for p in VP.iter_all():
        code = f"{int(p.code):02d}"
        short = _short(p.name)
        kind = "thành phố" if p.name.startswith("Thành phố") else "tỉnh"
        provinces[match_key(short)] = Province(short, kind, code, short, code)
    communes: dict[str, list[Commune]] = {}
    for w in Ward.iter_all():
        kind = str(w.division_type.value)
        c = Commune(kind, _short(w.name), f"{int(w.code):05d}", f"{int(w.province_code):02d}")
        communes.setdefault(match_key(c.name), []).append(c)
    return provinces, communes


def _package_data(package: str, name: str) -> Path | None:
    """A data file shipped inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / name
    return path if path.exists() else None


@cache
def _before_2025() -> dict[str, Province]:
    """The 63 provinces before the 2025 mergers, each with the current province it became part of."""
    legacy, merges = _package_data("vietnamadminunits", "parser_legacy.json"), \
        _package_data("vietnamadminunits", "converter_2025.json")
    if legacy is None or merges is None:
        return {}
    old = json.loads(legacy.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    merged_into = {o: n for n, olds in json.loads(merges.read_text(encoding="utf-8"))["DICT_PROVINCE"].items()
                   for o in olds}
    current, _ = _current()
    out = {}
    for key, info in old.items():
        new_key = merged_into.get(key)
        new = old.get(new_key) if new_key else None
        target = current.get(match_key(new["provinceShort"])) if new else None
        short = info["provinceShort"]
        kind = "thành phố" if info["province"].startswith("Thành phố") else "tỉnh"
        out[match_key(short)] = Province(short, kind, info["provinceCode"], target.name if target else short,
                                         target.code if target else info["provinceCode"], pre_2025=True)
    return out


def find_province(name: str) -> Province | None:
    """The province of that name: the current list first, then the pre-2025 one (mapped to today's)."""
    key = match_key(name)
    current, _ = _current()
    return current.get(key) or _before_2025().get(key)


def find_communes(name: str, kind: str | None = None) -> list[Commune]:
    """Every current commune, ward or special zone of that name (several provinces may have one)."""
    _, communes = _current()
    found = communes.get(match_key(name), [])
    return [c for c in found if kind is None or c.kind == kind]


@cache
def place_names() -> tuple[str, ...]:
    """Every province and commune name, lower case, for writing names printed in capitals."""
    current, communes = _current()
    names = {p.name.lower() for p in current.values()} | {p.name.lower() for p in _before_2025().values()}
    names |= {c.name.lower() for cs in communes.values() for c in cs}
    return tuple(sorted(names))


def province_by_code(code: str) -> Province | None:
    """The current province with that official code."""
    current, _ = _current()
    return next((p for p in current.values() if p.code == code), None)


@dataclass(frozen=True, slots=True)
class OldUnit:
    """A district, commune or ward as it was before the 2025 reform (districts were abolished then)."""

    kind: str  # "huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn"
    name: str
    code: str
    province: str  # the province it belonged to, short name


@cache
def _old_units() -> tuple[dict[str, list[OldUnit]], dict[str, list[OldUnit]]]:
    """Districts and communes before the 2025 reform, by name, from `vietnamadminunits`' data."""
    legacy = _package_data("vietnamadminunits", "parser_legacy.json")
    if legacy is None:
        return {}, {}
    data = json.loads(legacy.read_text(encoding="utf-8"))
    provinces = data["DICT_PROVINCE"]
    districts: dict[str, list[OldUnit]] = {}
    for pkey, ds in data["DICT_PROVINCE_DISTRICT"].items():
        for info in ds.values():
            if not isinstance(info.get("districtType"), str):
                continue
            u = OldUnit(info["districtType"].lower(), info["districtShort"], info["districtCode"],
                        provinces[pkey]["provinceShort"])
            districts.setdefault(match_key(u.name), []).append(u)
    communes: dict[str, list[OldUnit]] = {}
    for pkey, ds in data["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        for wards in ds.values():
            for info in wards.values():
                if not isinstance(info.get("wardType"), str) or not isinstance(info.get("wardShort"), str):
                    continue  # a few entries of the data lack their type
                u = OldUnit(info["wardType"].lower(), info["wardShort"], info["wardCode"],
                            provinces[pkey]["provinceShort"])
                communes.setdefault(match_key(u.name), []).append(u)
    return districts, communes


def find_before_2025(name: str, kind: str) -> list[OldUnit]:
    """Districts (huyện, quận, thị xã) or communes (xã, phường, thị trấn) of that name before the 2025 reform."""
    districts, communes = _old_units()
    table = districts if kind in ("huyện", "quận", "thị xã", "thành phố") else communes
    return [u for u in table.get(match_key(name), []) if u.kind == kind]


def spellings(name: str) -> set[str]:
    """The official spellings of a name compared without accents ("Thanh Son" -> {"Thanh Sơn"})."""
    key = match_key(name)
    current, communes = _current()
    found = {p.name for p in (current.get(key), _before_2025().get(key)) if p}
    return found | {c.name for c in communes.get(key, [])}
