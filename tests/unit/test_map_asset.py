"""The committed map asset and place-name table: complete, drawable, and as tools/build_map.py's CHOICES say.

These tests read the committed files only (no network, no pycountry): the build itself is checked by
`tools/build_map.py --check`, which needs the downloaded packages.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from kiosk.geo.asset import load_map_asset, load_place_names
from kiosk.resources import asset_path

ROOT = Path(__file__).resolve().parents[2]
ASSET = ROOT / "assets" / "geo" / "recognition_map.json"
NAMES = ROOT / "assets" / "geo" / "place_names.json"
DOC = ROOT / "docs" / "map-data.md"

US_STATES = (
    "AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE NH NJ NM NV NY OH "
    "OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY"
).split()


@cache
def build_map():
    """tools/build_map.py as a module (it imports only the standard library until it builds)."""
    spec = importlib.util.spec_from_file_location("kiosk_tools_build_map", ROOT / "tools" / "build_map.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@cache
def raw() -> dict:
    return json.loads(ASSET.read_text(encoding="utf-8"))


def asset():
    return load_map_asset(ASSET)


_TOKEN = re.compile(r"[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)")


@cache
def rings(d: str) -> tuple:
    """Closed rings of an SVG path made of M/m, L/l (also implicit) and Z/z -- independent of the build."""
    out, ring = [], []
    x = y = start_x = start_y = 0.0
    command, numbers = "", []
    for token in _TOKEN.findall(d) + ["z"]:
        if token in "MmLlZz":
            command = token
            if token in "Zz":
                if ring:
                    out.append(tuple(ring + [ring[0]]))
                ring = []
                x, y = start_x, start_y
            continue
        numbers.append(float(token))
        if len(numbers) < 2:
            continue
        dx, dy = numbers
        numbers = []
        relative = command in "ml"
        x, y = (x + dx, y + dy) if relative else (dx, dy)
        if command in "Mm":
            if ring:
                out.append(tuple(ring + [ring[0]]))
            ring = []
            start_x, start_y = x, y
            command = "l" if command == "m" else "L"  # later pairs are implicit line-tos
        ring.append((x, y))
    return tuple(out)


def inside(x: float, y: float, d: str) -> bool:
    hit = False
    for ring in rings(d):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def all_features():
    data = raw()
    for layer in ("world", "us"):
        for code, feature in data[layer]["features"].items():
            yield layer, code, feature, data[layer]["viewBox"]
    for code, feature in data["extra"].items():
        yield "extra", code, feature, data["world"]["viewBox"]


# --- what is on the map ------------------------------------------------------------------------------
def test_countries_include_the_small_ones_and_follow_the_choices():
    countries = asset().countries()
    assert len(countries) >= 230
    assert {"AZ", "MT", "SG", "BH", "AD", "LU", "UA", "RU", "EH", "PS", "TW", "CX", "CC"} <= countries
    assert "XK" not in countries  # Kosovo is drawn in Serbia (CHOICES)
    assert "AQ" not in countries  # Antarctica is dropped
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in countries)


def test_all_us_states_and_scotland_are_subdivisions():
    assert asset().subdivisions() == {f"US-{s}" for s in US_STATES} | {"GB-SCT"}
    assert asset().name("GB-SCT") == "Scotland"
    assert asset().name("US-TX") == "Texas"


@pytest.mark.parametrize("layer, code, feature, view_box", list(all_features()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_feature_is_drawable(layer, code, feature, view_box):
    assert feature["d"] and rings(feature["d"]), "empty path"
    x0, y0, x1, y1 = feature["bbox"]
    vx, vy, vw, vh = view_box
    assert vx <= x0 <= x1 <= vx + vw and vy <= y0 <= y1 <= vy + vh, "bbox outside the viewBox"
    points = [p for ring in rings(feature["d"]) for p in ring]
    eps = 1e-6
    assert all(x0 - eps <= x <= x1 + eps and y0 - eps <= y <= y1 + eps for x, y in points), "path outside its bbox"
    lx, ly = feature["label"]
    assert x0 <= lx <= x1 and y0 <= ly <= y1, "label outside the bbox"
    assert inside(lx, ly, feature["d"]), "label not on the shape"
    assert isinstance(feature["area"], float) and feature["area"] > 0
    assert feature.get("ne_name") or feature.get("name")


def test_areas_tell_big_from_small():
    world = raw()["world"]["features"]
    assert world["RU"]["area"] > world["UA"]["area"] > world["AZ"]["area"] > world["MT"]["area"] > world["VA"]["area"]
    assert raw()["us"]["features"]["TX"]["area"] > raw()["us"]["features"]["RI"]["area"]


def test_the_file_is_compact():
    text = ASSET.read_text(encoding="utf-8")
    assert 150_000 <= len(text.encode()) <= 250_000
    assert text.count("\n") == 1 and text.endswith("}\n")


# --- the choices table is what the file shows ---------------------------------------------------------
def choice_points():
    for row in build_map().CHOICES:
        for name, lon, lat, code in row.get("check", {}).get("points", []):
            yield row["what"], name, lon, lat, code


@pytest.mark.parametrize("what, name, lon, lat, code", list(choice_points()))
def test_checked_places_lie_in_the_chosen_shape(what, name, lon, lat, code):
    project, view_box = build_map().world_frame()
    assert view_box == raw()["world"]["viewBox"]
    x, y = project(lon, lat)
    holders = sorted(c for c, f in raw()["world"]["features"].items() if inside(x, y, f["d"]))
    assert holders == [code], f"{what}: {name} is in {holders}"


def test_crimea_is_drawn_in_ukraine():
    project, _ = build_map().world_frame()
    world = raw()["world"]["features"]
    for lon, lat in ((34.10, 44.95), (33.52, 44.60), (36.45, 45.35)):  # Simferopol, Sevastopol, Kerch
        x, y = project(lon, lat)
        assert inside(x, y, world["UA"]["d"]) and not inside(x, y, world["RU"]["d"])
    assert world["UA"]["bbox"][3] > project(34.0, 44.8)[1]  # south of mainland Ukraine (about 45.2N)


def test_codes_the_choices_require_or_exclude():
    countries = set(raw()["world"]["features"])
    for row in build_map().CHOICES:
        check = row.get("check", {})
        assert set(check.get("present", [])) <= countries, row["what"]
        assert not set(check.get("absent", [])) & countries, row["what"]


@pytest.mark.parametrize("code", ["RU", "FJ", "US", "KI"])
def test_no_stroke_crosses_the_map_at_the_antimeridian(code):
    features = raw()["world"]["features"]
    if code not in features:
        pytest.fail(f"{code} missing")
    half = raw()["world"]["viewBox"][2] / 2
    for ring in rings(features[code]["d"]):
        assert all(abs(b[0] - a[0]) <= half for a, b in zip(ring, ring[1:])), f"{code} streaks across the map"


def test_russia_and_fiji_reach_both_edges_after_the_cut():
    world = raw()["world"]
    width = world["viewBox"][2]
    for code in ("RU", "FJ"):
        x0, _, x1, _ = world["features"][code]["bbox"]
        assert x0 < width * 0.2 and x1 > width * 0.8, code


def test_credits_are_embedded():
    credits = " ".join(asset().credits)
    assert credits and "Natural Earth" in credits and "Bostock" in credits and "Census" in credits
    assert list(asset().credits) == build_map().CREDITS


# --- names ---------------------------------------------------------------------------------------------
def test_place_names_cover_every_code_in_every_language():
    names = load_place_names(NAMES)
    codes = asset().countries() | asset().subdivisions()
    assert set(names) == codes
    for code in codes:
        for language in ("en", "az", "ru"):
            value = names[code].get(language, "")
            assert isinstance(value, str) and value.strip() == value and value, f"{code}/{language}"


def test_place_names_are_the_curated_short_forms():
    names = load_place_names(NAMES)
    expected = {
        "GB-SCT": ("Scotland", "Şotlandiya", "Шотландия"),
        "US-TX": ("Texas", "Texas", "Техас"),
        "US-MA": ("Massachusetts", "Massaçusets", "Массачусетс"),
        "US-NM": ("New Mexico", "Nyu-Meksiko", "Нью-Мексико"),
        "US": ("United States", "Amerika Birləşmiş Ştatları", "Соединённые Штаты Америки"),
        "CZ": ("Czechia", "Çexiya", "Чехия"),
        "BO": ("Bolivia", "Boliviya", "Боливия"),
        "IR": ("Iran", "İran", "Иран"),
        "RU": ("Russia", "Rusiya", "Россия"),
        "GB": ("United Kingdom", "Birləşmiş Krallıq", "Великобритания"),
        "MX": ("Mexico", "Meksika", "Мексика"),
        "BA": ("Bosnia and Herzegovina", "Bosniya və Herseqovina", "Босния и Герцеговина"),
        "JO": ("Jordan", "İordaniya", "Иордания"),
        "GT": ("Guatemala", "Qvatemala", "Гватемала"),
        "DJ": ("Djibouti", "Cibuti", "Джибути"),
        "AF": ("Afghanistan", "Əfqanıstan", "Афганистан"),
        "TR": ("Türkiye", "Türkiyə", "Турция"),
        "AZ": ("Azerbaijan", "Azərbaycan", "Азербайджан"),
    }
    for code, (en, az, ru) in expected.items():
        assert (names[code]["en"], names[code]["az"], names[code]["ru"]) == (en, az, ru), code
    long_forms = [c for c, n in names.items() if "," in n["en"] or re.search(r"Islamic|Federation|Plurinational|Bolivarian", n["en"])]
    assert long_forms == []


def test_place_names_file_is_sorted_utf8():
    text = NAMES.read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert "\\u" not in text and "Şotlandiya" in text


# --- the staff document ---------------------------------------------------------------------------------
def test_map_data_doc_is_generated_from_the_choices_table():
    doc = DOC.read_text(encoding="utf-8")
    tool = build_map()
    for row in tool.CHOICES:
        assert tool.render_choice_row(row) in doc, row["what"]
    assert doc == tool.render_doc(), "docs/map-data.md is stale: run tools/build_map.py --doc"


def test_every_choice_row_is_complete():
    for row in build_map().CHOICES:
        assert all(row.get(k, "").strip() for k in ("what", "choice", "why", "how")), row
    whats = " ".join(row["what"] for row in build_map().CHOICES)
    for topic in ("Crimea", "Nagorno-Karabakh", "Kosovo", "Northern Cyprus", "Somaliland", "Siachen",
                  "Indian Ocean", "036", "France", "Norway", "Antarctica", "Antimeridian", "Western Sahara",
                  "Taiwan", "Palestine"):
        assert topic in whats, topic


def test_the_map_file_is_read_when_a_layer_is_first_asked_for(tmp_path):
    # A kiosk start never needs the map before its first frame; parsing it then would cost ~10 ms.
    copy = tmp_path / "map.json"
    copy.write_bytes(asset_path("geo", "recognition_map.json").read_bytes())
    asset = load_map_asset(copy)
    copy.unlink()  # gone before first use: the asset must not have read it yet
    with pytest.raises(FileNotFoundError):
        asset.world
