#!/usr/bin/env python3
"""Build the recognition map's geometry and place names from registry packages.

Writes, deterministically (same inputs -> byte-identical files):

* ``assets/geo/recognition_map.json`` -- pre-projected SVG paths for the world (Equal Earth), the US states
  (us-atlas' Albers USA frame) and Scotland, each with a bounding box, a label point and an area;
* ``assets/geo/place_names.json`` -- the curated en/az/ru name of every place in that file;
* ``docs/map-data.md`` (with ``--doc``) -- the choices table below, the credits and how to rebuild.

Inputs, all from package registries (``--fetch`` downloads them into ``--cache``):

* npm ``world-atlas@2.0.2``  (``countries-50m.json``: Natural Earth 4.1.0 admin-0 countries, TopoJSON)
* npm ``us-atlas@3.0.1``     (``states-albers-10m.json``: US Census 2017 states, already in Albers USA)
* Debian ``r-cran-rnaturalearthdata`` 0.1.0-2 (layer ``map_units50``: Scotland, an R lazy-load database)
* PyPI ``pycountry`` (ISO 3166 codes and the en/az/ru catalogues) and ``rdata`` (reads the R database):
  build-time only, never a runtime dependency of the kiosk.

Everything else is the standard library. Run it from a throw-away venv, e.g.::

    python3 -m venv /tmp/mapvenv && /tmp/mapvenv/bin/pip install pycountry==26.2.16 rdata
    /tmp/mapvenv/bin/python tools/build_map.py --fetch

Every deliberate choice about borders and codes lives in ``CHOICES`` (the first table below); the build
applies its ``do`` entries and verifies its ``check`` entries, and ``--doc`` renders it for staff.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import heapq
import io
import json
import lzma
import math
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

# =====================================================================================================
# 1. THE CHOICES TABLE -- every deliberate decision about what the map shows, in one place.
#    what/choice/why/how are prose (rendered into docs/map-data.md); "do" is what the build applies,
#    "check" is what the build verifies afterwards (a point (name, lon, lat) that must fall in a code, or
#    codes that must be present/absent). The build fails when a check fails.
# =====================================================================================================
CHOICES: list[dict] = [
    {
        "what": "Principle",
        "choice": "Internationally recognised (UN) borders; one shape per ISO 3166-1 code",
        "why": "The exhibit is about recognition under international law; ISO 3166-1 follows the UN's M49 list "
               "of countries and areas, so a place's code and its shape agree.",
        "how": "Natural Earth 4.1.0 admin-0 countries (50m) keyed by ISO numeric id -> alpha-2; the rows below "
               "list every departure from that data and every case a visitor might ask about.",
    },
    {
        "what": "Crimea",
        "choice": "Drawn as part of Ukraine (UA)",
        "why": "UN General Assembly resolution 68/262 (2014) affirms Ukraine's territorial integrity within its "
               "internationally recognised borders; Natural Earth 4.x draws Crimea inside Russia.",
        "how": "The Crimean polygon (the RU polygon whose centre lies within 32-37E, 44-46.5N) is moved from RU "
               "to UA before shared borders are dissolved, so no Crimea-Kherson line remains.",
        "do": {"move": {"from": "RU", "to": "UA", "box": [32.0, 44.0, 37.0, 46.5]}},
        "check": {"points": [["Simferopol", 34.10, 44.95, "UA"], ["Sevastopol", 33.52, 44.60, "UA"],
                             ["Kerch", 36.45, 45.35, "UA"], ["Rostov-on-Don", 39.70, 47.23, "RU"]]},
    },
    {
        "what": "Nagorno-Karabakh (the Karabakh region of Azerbaijan)",
        "choice": "Inside Azerbaijan (AZ), no separate shape",
        "why": "UN Security Council resolutions 822, 853, 874 and 884 (1993) reaffirm Azerbaijan's sovereignty "
               "and territorial integrity; every source used here already draws it so.",
        "how": "Nothing to change; the build checks that Khankendi, Shusha, Kalbajar, Lachin and Nakhchivan lie "
               "in AZ.",
        "check": {"points": [["Khankendi", 46.75, 39.82, "AZ"], ["Shusha", 46.75, 39.76, "AZ"],
                             ["Kalbajar", 46.04, 40.10, "AZ"], ["Lachin", 46.55, 39.64, "AZ"],
                             ["Khojaly", 46.79, 39.91, "AZ"], ["Nakhchivan", 45.41, 39.21, "AZ"]]},
    },
    {
        "what": "Kosovo",
        "choice": "Drawn as part of Serbia (RS); no XK shape",
        "why": "Not a UN member and without an ISO 3166-1 code; UN Security Council resolution 1244 (1999) "
               "reaffirms the territorial integrity of the then Federal Republic of Yugoslavia. The same principle "
               "of territorial integrity underlies the Crimea and Nagorno-Karabakh rows.",
        "how": "Natural Earth's id-less 'Kosovo' feature is merged into RS; the internal line disappears.",
        "do": {"assign": {"Kosovo": "RS"}},
        "check": {"points": [["Pristina", 21.16, 42.66, "RS"]], "absent": ["XK"]},
    },
    {
        "what": "Northern Cyprus",
        "choice": "Merged into Cyprus (CY)",
        "why": "UN Security Council resolutions 541 (1983) and 550 (1984) call its declaration of independence "
               "legally invalid; it has no ISO 3166-1 code.",
        "how": "Natural Earth's id-less 'N. Cyprus' feature is merged into CY.",
        "do": {"assign": {"N. Cyprus": "CY"}},
        "check": {"points": [["Kyrenia", 33.32, 35.33, "CY"], ["Nicosia", 33.36, 35.17, "CY"]]},
    },
    {
        "what": "Somaliland",
        "choice": "Merged into Somalia (SO)",
        "why": "Part of the UN member state Somalia; it has no ISO 3166-1 code.",
        "how": "Natural Earth's id-less 'Somaliland' feature is merged into SO.",
        "do": {"assign": {"Somaliland": "SO"}},
        "check": {"points": [["Hargeisa", 44.06, 9.56, "SO"]]},
    },
    {
        "what": "Siachen Glacier",
        "choice": "Kept as a neutral shape without a code ('_Siachen Glacier'), assigned to neither India nor Pakistan",
        "why": "Disputed between India and Pakistan beyond the end of the Line of Control; the UN has not settled "
               "the final status of Jammu and Kashmir (UNMOGIP). It has no ISO code and carries no recognition.",
        "how": "Natural Earth's id-less 'Siachen Glacier' feature is written under a key starting with '_'; "
               "the kiosk's reader skips such keys, so it is never touchable (it is about 3 x 2 map units); a renderer that wants no gap there can draw such shapes as neutral land.",
        "do": {"assign": {"Siachen Glacier": "_Siachen Glacier"}},
    },
    {
        "what": "Indian Ocean Territories",
        "choice": "Split into Christmas Island (CX) and Cocos (Keeling) Islands (CC)",
        "why": "Two Australian external territories that each have their own ISO 3166-1 code; Natural Earth "
               "groups them under one feature without an id.",
        "how": "Polygons of 'Indian Ocean Ter.' east of 100E become CX, those west of it CC.",
        "do": {"split": {"Indian Ocean Ter.": [
            {"box": [100.0, -15.0, 110.0, -5.0], "to": "CX", "ne_name": "Christmas I."},
            {"box": [90.0, -15.0, 100.0, -5.0], "to": "CC", "ne_name": "Cocos (Keeling) Is."}]}},
        "check": {"present": ["CX", "CC"]},
    },
    {
        "what": "Ashmore and Cartier Islands (duplicate id 036)",
        "choice": "Merged into Australia (AU)",
        "why": "An Australian external territory without an ISO 3166-1 code of its own; Natural Earth gives it "
               "Australia's numeric id 036, so it would otherwise collide with Australia.",
        "how": "Assigned to AU by its Natural Earth name before ids are looked up.",
        "do": {"assign": {"Ashmore and Cartier Is.": "AU"}},
    },
    {
        "what": "France",
        "choice": "One shape FR including its overseas departments (French Guiana, Guadeloupe, Martinique, "
                  "Reunion, Mayotte)",
        "why": "They are integral parts of France (ISO 3166-2:FR), so a recognition by France covers them; "
               "Natural Earth draws them so.",
        "how": "Kept as Natural Earth draws them; GF, GP, MQ, RE and YT get no separate shape.",
        "check": {"points": [["Cayenne", -52.33, 4.92, "FR"], ["Saint-Denis (Reunion)", 55.45, -20.95, "FR"]],
                  "absent": ["GF", "GP", "MQ", "RE", "YT"]},
    },
    {
        "what": "Norway",
        "choice": "One shape NO including Svalbard and Jan Mayen",
        "why": "Norwegian sovereignty over Svalbard rests on the Svalbard Treaty (1920); Natural Earth draws it "
               "so.",
        "how": "Kept as Natural Earth draws it; SJ gets no separate shape.",
        "check": {"points": [["Longyearbyen", 15.60, 78.20, "NO"]], "absent": ["SJ"]},
    },
    {
        "what": "Antarctica",
        "choice": "Dropped",
        "why": "No recognitions; under the Antarctic Treaty it belongs to no country, and its pole-encircling ring "
               "cannot be drawn on a flat map without special handling. Sub-Antarctic territories with ISO codes "
               "(TF, HM, GS) stay.",
        "how": "Natural Earth id 010 is skipped.",
        "do": {"drop": ["010"]},
        "check": {"absent": ["AQ"], "present": ["TF", "HM", "GS"]},
    },
    {
        "what": "Antimeridian (Russia, Fiji)",
        "choice": "Rings that cross 180 degrees are cut there",
        "why": "Chukotka and Fiji straddle the antimeridian; drawn unchanged they streak across the flat map.",
        "how": "Such rings are unwrapped, clipped at +-180 degrees, the far piece shifted by 360 degrees and the cut edge "
               "densified so it follows the map's curved edge. The build fails if any stroke spans more than "
               "half the map.",
        "check": {"present": ["RU", "FJ"]},
    },
    {
        "what": "Western Sahara",
        "choice": "Its own territory (EH) within its full borders, including the part west of the Moroccan "
                  "berm",
        "why": "The UN lists Western Sahara as a Non-Self-Governing Territory whose status is still to be decided "
               "(MINURSO, UN Security Council resolution 690); Natural Earth 4.1 draws the part west of the berm "
               "inside Morocco.",
        "how": "MA and EH are merged, then cut along 27 deg 40' N (27.6667N), the Morocco-Western Sahara line: the "
               "part south of it is EH, the part north of it MA.",
        "do": {"cut": {"src": "MA", "dst": "EH", "axis": "lat", "at": 27.6667, "dst_side": "below"}},
        "check": {"points": [["Laayoune", -13.20, 27.15, "EH"], ["Guelta Zemmour", -12.35, 25.13, "EH"],
                             ["Smara", -11.66, 26.74, "EH"], ["Rabat", -6.84, 34.00, "MA"]]},
    },
    {
        "what": "Golan Heights",
        "choice": "Drawn as part of Syria (SY)",
        "why": "UN Security Council resolution 497 (1981) declares Israel's extension of its law to the Golan "
               "Heights null and void; Natural Earth draws it inside Israel.",
        "how": "IL and SY are merged, then cut along the meridian 35.64E, which approximates the 1923 line "
               "along the upper Jordan and the Sea of Galilee's east shore well within the map's simplification "
               "tolerance (about 10 km): east of it is SY, west of it IL.",
        "do": {"cut": {"src": "IL", "dst": "SY", "axis": "lon", "at": 35.64, "dst_side": "above"}},
        "check": {"points": [["Katzrin", 35.69, 32.99, "SY"], ["Majdal Shams", 35.77, 33.27, "SY"],
                             ["Tel Aviv", 34.78, 32.08, "IL"], ["Nazareth", 35.30, 32.70, "IL"]]},
    },
    {
        "what": "Palestine",
        "choice": "Its own shape (PS): West Bank including East Jerusalem, and Gaza, as Natural Earth draws them",
        "why": "ISO 3166-1 code PS; UN General Assembly resolution 67/19 (2012) (non-member observer State, "
               "territory occupied since 1967).",
        "how": "Kept as Natural Earth draws it.",
        "check": {"points": [["Ramallah", 35.20, 31.90, "PS"], ["Khan Yunis", 34.30, 31.35, "PS"],
                             ["Nablus", 35.26, 32.22, "PS"],
                             ["East Jerusalem", 35.235, 31.78, "PS"]]},
    },
    {
        "what": "Taiwan",
        "choice": "Its own shape (TW), as Natural Earth draws it",
        "why": "ISO 3166-1 lists it with its own code (as 'Taiwan, Province of China'); the map takes no position "
               "beyond ISO's.",
        "how": "Kept as Natural Earth draws it.",
        "check": {"present": ["TW"]},
    },
    {
        "what": "Other areas with their own ISO 3166-1 code",
        "choice": "Own shape and code, as Natural Earth draws them (e.g. Hong Kong HK, Macao MO, Greenland GL, "
                  "Puerto Rico PR, Aland AX, Faroe Islands FO, Falkland Islands FK, Guernsey GG, Jersey JE, "
                  "Isle of Man IM)",
        "why": "ISO 3166-1 codes exist for them, and some have parliaments of their own that could adopt a "
               "recognition.",
        "how": "Kept as Natural Earth draws them.",
        "check": {"present": ["HK", "MO", "GL", "PR", "AX", "FO", "FK"]},
    },
    {
        "what": "Abkhazia, Tskhinvali region (South Ossetia), Transnistria",
        "choice": "Inside Georgia (GE) and Moldova (MD)",
        "why": "UN member states' territorial integrity (e.g. UN General Assembly resolutions on Georgia's "
               "displaced persons and 72/282 on Moldova); Natural Earth already draws them so.",
        "how": "Nothing to change; checked.",
        "check": {"points": [["Sukhumi", 41.00, 43.00, "GE"], ["Tskhinvali", 43.96, 42.22, "GE"],
                             ["Tiraspol", 29.60, 46.84, "MD"]]},
    },
    {
        "what": "Disputes without a settling UN resolution (Kashmir and Aksai Chin, Arunachal Pradesh, Kuril "
                "Islands, Hala'ib and Bir Tawil, Abyei, Ilemi, Essequibo, Falkland Islands)",
        "choice": "As Natural Earth draws them (lines of actual control or administration)",
        "why": "No UN resolution fixes these lines; the map is not the place to settle them, and none of them is "
               "a place in the exhibit.",
        "how": "Kept as Natural Earth draws them.",
    },
    {
        "what": "Mayotte and the Chagos Archipelago (open points for the curators)",
        "choice": "Mayotte drawn with France (FR); the Chagos Archipelago as its own ISO area (IO)",
        "why": "Both follow Natural Earth and ISO 3166-1. Note: UN General Assembly resolution 31/4 (1976) "
               "affirms Comorian sovereignty over Mayotte, and the ICJ advisory opinion and General Assembly "
               "resolution 73/295 (2019) say the Chagos Archipelago is part of Mauritius (the UK and Mauritius "
               "signed a treaty to that effect in 2025). Neither is a place in the exhibit.",
        "how": "Kept as Natural Earth draws them; to follow the resolutions, add a 'move' row (Mayotte to KM) or an "
               "'assign' row (Br. Indian Ocean Ter. to MU) and rebuild.",
        "check": {"present": ["IO", "MU", "KM"]},
    },
    {
        "what": "Level of detail and small places",
        "choice": "Natural Earth 1:50m, simplified to about 10 km; every area with an ISO code is kept, however small",
        "why": "1:110m lacks 61 small countries (Malta, Singapore, Bahrain, Andorra, ...); 1:50m keeps the file "
               "near 200 KB and quick to draw.",
        "how": "Douglas-Peucker at 0.25 map units (the world map is 1000 units wide); islands that would vanish "
               "keep their full detail; places under half a unit are written on a 0.01 grid instead of 0.1. "
               "Each shape's area is stored so the kiosk can mark places too small to touch.",
    },
    {
        "what": "Scotland (GB-SCT)",
        "choice": "An extra shape drawn over the United Kingdom, for recognitions by the Scottish Parliament",
        "why": "A sub-national place in the exhibit; Natural Earth's admin-0 map units have it.",
        "how": "Natural Earth map_units50 (gu_a3 'SCT', from the Debian package r-cran-rnaturalearthdata 0.1.0), "
               "projected into the world frame; GB itself stays whole.",
    },
    {
        "what": "US states",
        "choice": "50 states and the District of Columbia in us-atlas' Albers USA frame (975 x 610, Alaska and "
                  "Hawaii as insets), keyed US-XX by their USPS code",
        "why": "Several recognitions are by US state legislatures; the inset frame is the one Americans know.",
        "how": "us-atlas states-albers-10m.json (already projected); codes from ISO 3166-2:US by name. The western "
               "Aleutians, which us-atlas places left of the frame, are clipped at its edge.",
    },
]

# Packages the build reads, pinned by version and checksum (the checksums make a changed upload fail loudly).
INPUTS = {
    "world-atlas": {"file": "world-atlas-2.0.2.tgz", "fetch": ["npm", "pack", "world-atlas@2.0.2"],
                    "sha256": "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"},
    "us-atlas": {"file": "us-atlas-3.0.1.tgz", "fetch": ["npm", "pack", "us-atlas@3.0.1"],
                 "sha256": "e6daba1800885868303ad3549da62f85a557b8142bb72629ec15651de62f9c5d"},
    "rnaturalearthdata": {"file": "r-cran-rnaturalearthdata_0.1.0-2_all.deb",
                          "fetch": ["apt-get", "download", "r-cran-rnaturalearthdata=0.1.0-2"],
                          "sha256": "6ca72d813feb50170c4a985c4960a975cea0bd6459d78ff82d41c4bf359f0d93"},
}
PYCOUNTRY_VERSION = "26.2.16"  # names come from its catalogues, so it is an input too

CREDITS = [
    "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain).",
    "world-atlas and us-atlas TopoJSON: Copyright 2013-2019 Michael Bostock, ISC License.",
    "U.S. state boundaries: U.S. Census Bureau, Cartographic Boundary Files 2017 (public domain).",
    "Scotland: Natural Earth map units, via the rnaturalearthdata package (CC0).",
    "Place codes: ISO 3166. Place names: curated for this exhibit; English, Azerbaijani and Russian country "
    "names start from the iso-codes translations shipped with pycountry (build time only).",
]

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kiosk-map-inputs"

WORLD_WIDTH = 1000.0  # world viewBox width; height follows from Equal Earth's aspect ratio
WORLD_TOL = 0.25      # Douglas-Peucker tolerance in world units (~10 km)
US_TOL = 0.5          # ... in the 975 x 610 Albers USA frame
US_FRAME = (0.0, 0.0, 975.0, 610.0)
TINY_EXTENT = 0.5     # features smaller than this (map units) are written on a 0.01 grid instead of 0.1


# =====================================================================================================
# 2. Fetching and reading the packages
# =====================================================================================================
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    for key, spec in INPUTS.items():
        target = cache / spec["file"]
        if target.exists() and sha256(target) == spec["sha256"]:
            continue
        print(f"fetching {key}: {' '.join(spec['fetch'])}")
        with tempfile.TemporaryDirectory() as tmp:
            cmd = spec["fetch"]
            done = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
            if done.returncode != 0 and cmd[0] == "apt-get":
                subprocess.run(["apt-get", "update"], capture_output=True, text=True)
                done = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
            got = Path(tmp) / spec["file"]
            if done.returncode != 0 or not got.exists():
                sys.exit(f"build_map: could not fetch {key} ({' '.join(cmd)}):\n{done.stdout}{done.stderr}")
            shutil.copyfile(got, target)


def input_path(cache: Path, key: str, verify: bool) -> Path:
    spec = INPUTS[key]
    path = cache / spec["file"]
    if not path.exists():
        sys.exit(f"build_map: {path} is missing; run with --fetch (or point --cache at the downloaded packages)")
    if verify and sha256(path) != spec["sha256"]:
        sys.exit(f"build_map: {path} does not match the pinned sha256; review the new upload, then update INPUTS")
    return path


def read_tgz_member(path: Path, member: str) -> bytes:
    with tarfile.open(path, "r:gz") as tar:
        return tar.extractfile(member).read()


def read_deb_member(path: Path, suffix: str) -> bytes:
    """A file from a .deb (an ar archive holding data.tar.xz), by the end of its path."""
    raw = path.read_bytes()
    if raw[:8] != b"!<arch>\n":
        raise ValueError(f"{path} is not a .deb")
    pos = 8
    while pos + 60 <= len(raw):
        name = raw[pos:pos + 16].decode().strip().rstrip("/")
        size = int(raw[pos + 48:pos + 58].decode().strip())
        body = raw[pos + 60:pos + 60 + size]
        pos += 60 + size + (size % 2)
        if name.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as tar:
                for info in sorted(tar.getmembers(), key=lambda m: m.name):
                    if info.isfile() and info.name.endswith(suffix):
                        return tar.extractfile(info).read()
    raise KeyError(f"{suffix} not found in {path}")


def load_rnat_layer(deb: Path, layer: str):
    """One object from rnaturalearthdata's R lazy-load database (data/Rdata.rdx + .rdb), via PyPI rdata."""
    import warnings

    import rdata  # build-time only

    warnings.filterwarnings("ignore", module="rdata")  # "missing constructor" for the sp classes: harmless

    folder = "rnaturalearthdata/data/"
    index = rdata.conversion.convert(rdata.parser.parse_data(gzip.decompress(read_deb_member(deb, folder + "Rdata.rdx"))))
    offset, length = (int(v) for v in index["variables"][layer])
    chunk = read_deb_member(deb, folder + "Rdata.rdb")[offset:offset + length]
    kind, body = chunk[4:5], chunk[5:]  # 4-byte length, 1-byte compression type
    if kind == b"Z":
        filters = [{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}]
        data = lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=filters).decompress(body)
    else:
        raise ValueError(f"unexpected compression {kind!r} in Rdata.rdb")
    return rdata.conversion.convert(rdata.parser.parse_data(data, extension=".rds"))


# =====================================================================================================
# 3. TopoJSON
# =====================================================================================================
def decode_arcs(topo: dict) -> list[list[tuple[int, int]]]:
    """Arcs as lists of quantised integer positions (delta encoding undone)."""
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x, y))
        out.append(pts)
    return out


def polygons_of(geom: dict) -> list[list[list[int]]]:
    if geom.get("type") == "Polygon":
        return [geom["arcs"]]
    if geom.get("type") == "MultiPolygon":
        return list(geom["arcs"])
    return []


def directed(arcs: list, a: int) -> list:
    return arcs[a] if a >= 0 else arcs[~a][::-1]


def dissolve(polys: list, qarcs: list) -> list[list[int]]:
    """Rings (as directed arc lists) of a group of polygons with the borders inside the group removed.

    An arc used twice inside the group (once each way) is an internal border; the remaining arcs are chained
    into closed rings by matching end points.
    """
    used = [a for poly in polys for ring in poly for a in ring]
    count = Counter(a if a >= 0 else ~a for a in used)
    keep = [a for a in used if count[a if a >= 0 else ~a] == 1]
    starts: dict[tuple, list[int]] = {}
    for i, a in enumerate(keep):
        starts.setdefault(directed(qarcs, a)[0], []).append(i)
    taken = [False] * len(keep)
    rings = []
    for i, a in enumerate(keep):
        if taken[i]:
            continue
        taken[i] = True
        ring = [a]
        start, end = directed(qarcs, a)[0], directed(qarcs, a)[-1]
        while end != start:
            nxt = next((j for j in starts.get(end, []) if not taken[j]), None)
            if nxt is None:
                raise ValueError("open ring while dissolving borders")
            taken[nxt] = True
            ring.append(keep[nxt])
            end = directed(qarcs, keep[nxt])[-1]
        rings.append(ring)
    return rings


def ring_points(ring: list[int], arcs: list) -> list:
    pts: list = []
    for a in ring:
        seg = directed(arcs, a)
        pts.extend(seg[1:] if pts else seg)
    return pts


# =====================================================================================================
# 4. Projections
# =====================================================================================================
EE_A1, EE_A2, EE_A3, EE_A4 = 1.340264, -0.081106, 0.000893, 0.003796
EE_M = math.sqrt(3) / 2


def equal_earth_raw(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth (Savric, Patterson, Jenny 2018), unit sphere, y pointing north."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(EE_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (EE_M * (EE_A1 + 3 * EE_A2 * t2 + t6 * (7 * EE_A3 + 9 * EE_A4 * t2)))
    y = theta * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2))
    return x, y


def world_frame(width: float = WORLD_WIDTH):
    """(project(lon, lat) -> (x, y) in the world viewBox, viewBox). x grows east, y grows south."""
    x_min = equal_earth_raw(-180.0, 0.0)[0]
    x_max = equal_earth_raw(180.0, 0.0)[0]
    y_top = equal_earth_raw(0.0, 90.0)[1]
    k = width / (x_max - x_min)

    def project(lon: float, lat: float) -> tuple[float, float]:
        x, y = equal_earth_raw(lon, lat)
        return (x - x_min) * k, (y_top - y) * k

    return project, [0, 0, round(width, 1), round(2 * y_top * k, 1)]


# =====================================================================================================
# 5. Plane geometry
# =====================================================================================================
def signed_area(ring: list) -> float:
    return 0.5 * sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1))


def dp_keep(points: list, tol: float) -> list[int]:
    """Indices Douglas-Peucker keeps; a closed line (first == last) is split at its farthest point first."""
    n = len(points)
    if n <= 2 or tol <= 0:
        return list(range(n))

    def run(first: int, last: int) -> set[int]:
        keep = {first, last}
        stack = [(first, last)]
        t2 = tol * tol
        while stack:
            a, b = stack.pop()
            ax, ay = points[a]
            bx, by = points[b]
            dx, dy = bx - ax, by - ay
            seg2 = dx * dx + dy * dy
            best, best_i = -1.0, -1
            for i in range(a + 1, b):
                px, py = points[i]
                if seg2 == 0:
                    d2 = (px - ax) ** 2 + (py - ay) ** 2
                else:
                    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / seg2))
                    d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
                if d2 > best:
                    best, best_i = d2, i
            if best > t2:
                keep.add(best_i)
                stack.append((a, best_i))
                stack.append((best_i, b))
        return keep

    if n > 3 and points[0] == points[-1]:
        x0, y0 = points[0]
        far = max(range(n), key=lambda i: ((points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2, -i))
        return sorted(run(0, far) | run(far, n - 1))
    return sorted(run(0, n - 1))


def unwrap_lons(lons: list[float]) -> list[float]:
    out: list[float] = []
    offset = 0.0
    for i, lon in enumerate(lons):
        if i and lon + offset - out[-1] > 180:
            offset -= 360
        elif i and lon + offset - out[-1] < -180:
            offset += 360
        out.append(lon + offset)
    return out


def clip_half(ring: list, axis: int, at: float, keep_above: bool) -> list:
    """Sutherland-Hodgman clip of a closed ring (first == last) against x[axis] >= at (or <= at)."""
    pts = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
    inside = (lambda p: p[axis] >= at) if keep_above else (lambda p: p[axis] <= at)
    out = []
    for i in range(len(pts)):
        p, q = pts[i], pts[(i + 1) % len(pts)]
        if inside(p):
            out.append(p)
        if inside(p) != inside(q):
            t = (at - p[axis]) / (q[axis] - p[axis])
            other = 1 - axis
            cut = [0.0, 0.0]
            cut[axis] = at
            cut[other] = p[other] + t * (q[other] - p[other])
            out.append((cut[0], cut[1]))
    if len(out) < 3:
        return []
    return out + [out[0]]


def cut_antimeridian(ring: list) -> list[list]:
    """A lon/lat ring that jumps across +-180 degrees, as pieces that each stay within [-180, 180]."""
    lons = [p[0] for p in ring]
    if all(abs(lons[i + 1] - lons[i]) <= 180 for i in range(len(lons) - 1)):
        return [ring]
    ul = unwrap_lons(lons)
    if abs(ul[-1] - ul[0]) > 1e-9:
        raise ValueError("a ring encircles a pole; drop it (see CHOICES) or handle it")
    if min(ul) < -180 and max(ul) > 180:
        raise ValueError("a ring spans more than 360 degrees of longitude")
    pts = [(x, p[1]) for x, p in zip(ul, ring)]
    edge = 180.0 if max(ul) > 180 else -180.0
    shift = -360.0 if edge > 0 else 360.0
    pieces = []
    for keep_above in (False, True):
        piece = clip_half(pts, 0, edge, keep_above)
        if not piece:
            continue
        moved = (keep_above and edge > 0) or (not keep_above and edge < 0)
        dense = []
        for i in range(len(piece) - 1):  # follow the map's curved edge along the cut
            p, q = piece[i], piece[i + 1]
            dense.append(p)
            if p[0] == edge and q[0] == edge and abs(q[1] - p[1]) > 1.0:
                steps = int(abs(q[1] - p[1]))
                dense.extend((edge, p[1] + (q[1] - p[1]) * j / (steps + 1)) for j in range(1, steps + 1))
        dense.append(dense[0])
        pieces.append([(x + shift, y) if moved else (x, y) for x, y in dense])
    return pieces


def inside_rings(x: float, y: float, rings: list) -> bool:
    """Even-odd point-in-polygon over all rings of a feature (holes included)."""
    inside = False
    for ring in rings:
        for i in range(len(ring) - 1):
            (x1, y1), (x2, y2) = ring[i], ring[i + 1]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def edge_distance(x: float, y: float, rings: list) -> float:
    best = math.inf
    for ring in rings:
        for i in range(len(ring) - 1):
            (ax, ay), (bx, by) = ring[i], ring[i + 1]
            dx, dy = bx - ax, by - ay
            seg2 = dx * dx + dy * dy
            t = 0.0 if seg2 == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / seg2))
            d2 = (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2
            if d2 < best:
                best = d2
    return math.sqrt(best)


def label_point(rings: list, precision: float) -> tuple[float, float]:
    """The point of the largest ring farthest from any edge (the 'pole of inaccessibility', polylabel)."""
    big = max(rings, key=lambda r: (abs(signed_area(r)), len(r)))
    x0, y0 = min(p[0] for p in big), min(p[1] for p in big)
    x1, y1 = max(p[0] for p in big), max(p[1] for p in big)
    near = [r for r in rings if r is big or (min(p[0] for p in r) <= x1 and max(p[0] for p in r) >= x0
                                             and min(p[1] for p in r) <= y1 and max(p[1] for p in r) >= y0)]

    def score(x: float, y: float) -> float:
        d = edge_distance(x, y, near)
        return d if inside_rings(x, y, near) else -d

    size = min(x1 - x0, y1 - y0)
    if size <= 0:
        return big[0]
    h = size / 2
    heap: list = []
    counter = 0
    y = y0
    while y < y1:
        x = x0
        while x < x1:
            cx, cy = x + h, y + h
            d = score(cx, cy)
            heapq.heappush(heap, (-(d + h * math.sqrt(2)), counter, cx, cy, h, d))
            counter += 1
            x += size
        y += size
    a = signed_area(big)
    if a:
        gx = sum((big[i][0] + big[i + 1][0]) * (big[i][0] * big[i + 1][1] - big[i + 1][0] * big[i][1])
                 for i in range(len(big) - 1)) / (6 * a)
        gy = sum((big[i][1] + big[i + 1][1]) * (big[i][0] * big[i + 1][1] - big[i + 1][0] * big[i][1])
                 for i in range(len(big) - 1)) / (6 * a)
    else:
        gx, gy = big[0]
    best = (score(gx, gy), gx, gy)
    while heap:
        neg_max, _, cx, cy, ch, d = heapq.heappop(heap)
        if d > best[0]:
            best = (d, cx, cy)
        if -neg_max - best[0] <= precision:
            continue
        ch /= 2
        for sx in (-1, 1):
            for sy in (-1, 1):
                nx, ny = cx + sx * ch, cy + sy * ch
                nd = score(nx, ny)
                heapq.heappush(heap, (-(nd + ch * math.sqrt(2)), counter, nx, ny, ch, nd))
                counter += 1
    return best[1], best[2]


# =====================================================================================================
# 6. Features: rings in the map frame -> {"d", "bbox", "label", "area"}
# =====================================================================================================
def fmt(v: int) -> str:
    """An integer count of hundredths as the shortest decimal: 150 -> '1.5', -5 -> '-.05', 300 -> '3'."""
    sign = "-" if v < 0 else ""
    whole, frac = divmod(abs(v), 100)
    if frac == 0:
        return sign + str(whole)
    digits = f"{frac:02d}".rstrip("0")
    return sign + (str(whole) if whole else "") + "." + digits


def quantise(rings: list, step: int) -> list[list[tuple[int, int]]]:
    """Rings on a grid of `step` hundredths, repeated points removed, open; rings under 3 points dropped."""
    out = []
    for ring in rings:
        q: list[tuple[int, int]] = []
        for x, y in ring:
            p = (round(x * 100 / step) * step, round(y * 100 / step) * step)
            if not q or q[-1] != p:
                q.append(p)
        while len(q) > 1 and q[0] == q[-1]:
            q.pop()
        if len(set(q)) >= 3 and signed_area(q + [q[0]]) != 0:
            out.append(q)
    return out


def svg_path(rings: list[list[tuple[int, int]]]) -> str:
    """Relative SVG path: 'm' + implicit relative line-tos, 'z' per ring (the pen returns to the ring's start)."""
    parts = []
    pen = (0, 0)
    for ring in rings:
        nums = []
        px, py = pen
        for x, y in ring:
            nums += [x - px, y - py]
            px, py = x, y
        pen = ring[0]
        s = "m"
        for i, v in enumerate(nums):
            t = fmt(v)
            s += t if (i == 0 or t.startswith("-")) else " " + t
        parts.append(s + "z")
    return "".join(parts)


def sig(v: float, digits: int = 4) -> float:
    return float(f"{v:.{digits}g}")


def feature(rings: list) -> dict:
    """Rings in map units -> the asset's feature record."""
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    tiny = max(max(xs) - min(xs), max(ys) - min(ys)) < TINY_EXTENT
    q = quantise(rings, 1 if tiny else 10)
    if not q:
        q = quantise(rings, 1)
    if not q:
        raise ValueError("a feature collapsed to nothing")
    closed = [[(x / 100, y / 100) for x, y in r] + [(r[0][0] / 100, r[0][1] / 100)] for r in q]
    bx0 = min(p[0] for r in q for p in r)
    by0 = min(p[1] for r in q for p in r)
    bx1 = max(p[0] for r in q for p in r)
    by1 = max(p[1] for r in q for p in r)
    extent = max(bx1 - bx0, by1 - by0) / 100
    lx, ly = label_point(closed, max(extent / 200, 0.005))
    lx = min(max(round(lx, 2), bx0 / 100), bx1 / 100)
    ly = min(max(round(ly, 2), by0 / 100), by1 / 100)
    area = abs(sum(signed_area(r) for r in closed))
    return {"d": svg_path(q), "bbox": [bx0 / 100, by0 / 100, bx1 / 100, by1 / 100], "label": [lx, ly],
            "area": sig(area)}


def choose_ring(simple: list, full: list, project) -> list:
    """The simplified ring, unless simplification collapsed a small island (then its full detail)."""
    if len(simple) >= 4 and abs(signed_area([project(*p) for p in simple])) > 0.01:
        return simple
    return full if len(full) > len(simple) else simple


# =====================================================================================================
# 7. Layers
# =====================================================================================================
def rows_doing(kind: str) -> list[dict]:
    return [row["do"][kind] for row in CHOICES if kind in row.get("do", {})]


def build_world(topo: dict):
    import pycountry  # build-time only

    project, view_box = world_frame()
    qarcs = decode_arcs(topo)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = [[(x * sx + tx, y * sy + ty) for x, y in arc] for arc in qarcs]

    # Simplify every arc once (shared borders stay identical), measured in projected space with unwrapped
    # longitudes so that arcs crossing the antimeridian are measured continuously.
    simple = []
    for arc in arcs:
        lons = unwrap_lons([p[0] for p in arc])
        keep = dp_keep([project(lon, p[1]) for lon, p in zip(lons, arc)], WORLD_TOL)
        simple.append([arc[i] for i in keep])

    assign = {name: key for row in rows_doing("assign") for name, key in row.items()}
    split = {name: parts for row in rows_doing("split") for name, parts in row.items()}
    drop = {i for row in rows_doing("drop") for i in row}
    groups: dict[str, list] = {}
    names: dict[str, str] = {}  # Natural Earth's name of the feature a key's id came from
    by_id: dict[str, str] = {}

    def centre(poly: list) -> tuple[float, float]:
        ring = ring_points(poly[0], arcs)
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)

    for geom in sorted(topo["objects"]["countries"]["geometries"], key=lambda g: (g.get("id") or "~", g["properties"]["name"])):
        ne_name, gid = geom["properties"]["name"], geom.get("id")
        polys = polygons_of(geom)
        if gid in drop:
            continue
        if ne_name in split:
            for poly in polys:
                lon, lat = centre(poly)
                part = next((p for p in split[ne_name] if p["box"][0] <= lon <= p["box"][2] and p["box"][1] <= lat <= p["box"][3]), None)
                if part is None:
                    raise ValueError(f"a polygon of {ne_name} at {lon:.2f},{lat:.2f} fits no split box")
                groups.setdefault(part["to"], []).append(poly)
                names[part["to"]] = part["ne_name"]
            continue
        if ne_name in assign:
            key = assign[ne_name]
            names.setdefault(key, ne_name)
        else:
            country = pycountry.countries.get(numeric=gid) if gid else None
            if country is None:
                raise ValueError(f"Natural Earth feature {ne_name!r} (id {gid}) has no ISO code and no row in CHOICES")
            key = country.alpha_2
            if key in by_id:
                raise ValueError(f"two features for {key}: {by_id[key]!r} and {ne_name!r}; add a row to CHOICES")
            by_id[key] = names[key] = ne_name
        groups.setdefault(key, []).extend(polys)

    for move in rows_doing("move"):
        x0, y0, x1, y1 = move["box"]
        moved = [p for p in groups[move["from"]] if x0 <= centre(p)[0] <= x1 and y0 <= centre(p)[1] <= y1]
        if not moved:
            raise ValueError(f"nothing to move from {move['from']} to {move['to']}")
        groups[move["from"]] = [p for p in groups[move["from"]] if p not in moved]
        groups[move["to"]].extend(moved)

    # Rings per key, in lon/lat, as (simplified, full) pairs. A cut dissolves src and dst together first,
    # then divides the result along a meridian or parallel, so the new border is shared exactly.
    def dissolved(keys: list[str]) -> list[tuple[list, list]]:
        rings = dissolve([p for k in keys for p in groups[k]], qarcs)
        return [(ring_points(r, simple), ring_points(r, arcs)) for r in rings]

    lonlat: dict[str, list] = {}
    cut_keys = set()
    for cut in rows_doing("cut"):
        axis = 0 if cut["axis"] == "lon" else 1
        dst_above = cut["dst_side"] == "above"
        for key, above in ((cut["dst"], dst_above), (cut["src"], not dst_above)):
            lonlat[key] = [(s, f) for s, f in ((clip_half(s, axis, cut["at"], above), clip_half(f, axis, cut["at"], above))
                                               for s, f in dissolved([cut["src"], cut["dst"]])) if f]
        cut_keys |= {cut["src"], cut["dst"]}
    for key in groups:
        if key not in cut_keys:
            lonlat[key] = dissolved([key])

    features = {}
    for key in sorted(lonlat):
        rings = []
        for s, f in lonlat[key]:
            ring = choose_ring(s, f, project) if s else f
            for piece in cut_antimeridian(ring):
                rings.append([project(lon, lat) for lon, lat in piece])
        rec = feature(rings)
        rec["ne_name"] = names[key]
        features[key] = rec
    return features, view_box, project


def build_us(topo: dict):
    import pycountry  # build-time only

    qarcs = decode_arcs(topo)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = [[(x * sx + tx, y * sy + ty) for x, y in arc] for arc in qarcs]
    simple = [[arc[i] for i in dp_keep(arc, US_TOL)] for arc in arcs]
    by_name = {s.name: s.code for s in pycountry.subdivisions.get(country_code="US")}
    x0, y0, x1, y1 = US_FRAME
    features = {}
    for geom in topo["objects"]["states"]["geometries"]:
        name = geom["properties"]["name"]
        rings = []
        for poly in polygons_of(geom):
            for r in poly:
                ring = choose_ring(ring_points(r, simple), ring_points(r, arcs), lambda x, y: (x, y))
                for axis, at, above in ((0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)):
                    ring = clip_half(ring, axis, at, above) if ring else ring
                if ring:
                    rings.append(ring)
        rec = feature(rings)
        rec["name"] = name
        rec["fips"] = geom["id"]
        features[by_name[name].split("-")[1]] = rec
    return dict(sorted(features.items())), [int(v) for v in US_FRAME]


def build_scotland(deb: Path, project) -> dict:
    layer = load_rnat_layer(deb, "map_units50")
    rows = [i for i, v in enumerate(layer.data["gu_a3"]) if str(v) == "SCT"]
    if len(rows) != 1:
        raise ValueError("map_units50 should have exactly one SCT row")
    rings = []
    for poly in layer.polygons[rows[0]].Polygons:
        full = [project(float(lon), float(lat)) for lon, lat in poly.coords]
        if full[0] != full[-1]:
            full.append(full[0])
        simple = [full[i] for i in dp_keep(full, WORLD_TOL)]
        rings.append(choose_ring(simple, full, lambda x, y: (x, y)))
    rec = feature(rings)
    rec["ne_name"] = str(layer.data["name"][rows[0]])
    rec["source"] = "Natural Earth map_units50 (gu_a3=SCT)"
    return rec


# =====================================================================================================
# 8. Checks
# =====================================================================================================
def parse_path(d: str) -> list[list[tuple[float, float]]]:
    """The rings of a path written by svg_path (relative m/line-to/z only)."""
    rings: list = []
    pen = (0.0, 0.0)
    for chunk in d.split("z"):
        if not chunk:
            continue
        assert chunk[0] == "m", chunk[:10]
        nums, tok = [], ""
        for ch in chunk[1:]:
            if ch in " -" and tok:
                nums.append(float(tok))
                tok = ""
            if ch != " ":
                tok += ch
        if tok:
            nums.append(float(tok))
        x, y = pen
        ring = []
        for i in range(0, len(nums), 2):
            x, y = x + nums[i], y + nums[i + 1]
            ring.append((x, y))
        pen = ring[0]
        rings.append(ring + [ring[0]])
    return rings


def run_checks(world: dict, view_box: list, project) -> list[str]:
    problems = []
    keys = set(world)
    for row in CHOICES:
        check = row.get("check", {})
        for name, lon, lat, want in check.get("points", []):
            x, y = project(lon, lat)
            got = [k for k in sorted(keys) if inside_rings(x, y, parse_path(world[k]["d"]))]
            if got != [want]:
                problems.append(f"{row['what']}: {name} ({lon}, {lat}) is in {got or 'nothing'}, expected {want}")
        for code in check.get("absent", []):
            if code in keys:
                problems.append(f"{row['what']}: {code} should not be a shape")
        for code in check.get("present", []):
            if code not in keys:
                problems.append(f"{row['what']}: {code} is missing")
    for key, rec in world.items():
        for ring in parse_path(rec["d"]):
            if any(abs(ring[i + 1][0] - ring[i][0]) > view_box[2] / 2 for i in range(len(ring) - 1)):
                problems.append(f"{key}: a stroke spans more than half the map (antimeridian)")
                break
    return problems


# =====================================================================================================
# 9. Place names: pycountry's catalogues, then curated overrides
# =====================================================================================================
# Names that pycountry lacks (az has no entry for ~38 countries; Kosovo is absent; Scotland untranslated) or
# that read badly on a museum screen (official long forms, "X, Republic of"). Short common names throughout;
# Azerbaijani in Latin script; Russian in common usage. English: "Czechia" (the short name the Czech
# government registered with the UN in 2016, used by ISO 3166), "Turkiye" spelled "Türkiye" (ISO, UN since 2022).
OVERRIDES: dict[str, dict[str, str]] = {
    "AE": {"en": "United Arab Emirates", "az": "Birləşmiş Ərəb Əmirlikləri", "ru": "Объединённые Арабские Эмираты"},
    "AG": {"az": "Antiqua və Barbuda", "ru": "Антигуа и Барбуда"},
    "AS": {"az": "Amerika Samoası", "ru": "Американское Самоа"},
    "AX": {"en": "Åland Islands", "az": "Aland adaları", "ru": "Аландские острова"},
    "BA": {"az": "Bosniya və Herseqovina", "ru": "Босния и Герцеговина"},
    "BF": {"az": "Burkina-Faso", "ru": "Буркина-Фасо"},
    "BL": {"az": "Sen-Bartelemi", "ru": "Сен-Бартелеми"},
    "BM": {"az": "Bermud adaları", "ru": "Бермудские Острова"},
    "BN": {"en": "Brunei", "az": "Bruney", "ru": "Бруней"},
    "BO": {"en": "Bolivia", "az": "Boliviya", "ru": "Боливия"},
    "BQ": {"az": "Bonayre, Sint-Estatius və Saba", "ru": "Бонэйр, Синт-Эстатиус и Саба"},
    "BS": {"az": "Baham adaları", "ru": "Багамские Острова"},
    "BY": {"az": "Belarus", "ru": "Беларусь"},
    "CC": {"en": "Cocos (Keeling) Islands", "az": "Kokos (Kilinq) adaları", "ru": "Кокосовые острова"},
    "CD": {"en": "DR Congo", "az": "Konqo Demokratik Respublikası", "ru": "ДР Конго"},
    "CF": {"az": "Mərkəzi Afrika Respublikası", "ru": "Центральноафриканская Республика"},
    "CG": {"en": "Republic of the Congo", "az": "Konqo Respublikası", "ru": "Республика Конго"},
    "CI": {"en": "Côte d'Ivoire", "az": "Kot-d'İvuar", "ru": "Кот-д’Ивуар"},
    "CK": {"az": "Kuk adaları", "ru": "Острова Кука"},
    "CR": {"az": "Kosta-Rika", "ru": "Коста-Рика"},
    "CV": {"en": "Cabo Verde", "az": "Kabo-Verde", "ru": "Кабо-Верде"},
    "CW": {"az": "Kürasao", "ru": "Кюрасао"},
    "CX": {"az": "Milad adası", "ru": "Остров Рождества"},
    "CZ": {"en": "Czechia", "az": "Çexiya", "ru": "Чехия"},
    "DJ": {"az": "Cibuti", "ru": "Джибути"},
    "DM": {"az": "Dominika", "ru": "Доминика"},
    "DO": {"az": "Dominikan Respublikası", "ru": "Доминиканская Республика"},
    "ER": {"az": "Eritreya", "ru": "Эритрея"},
    "FK": {"en": "Falkland Islands", "az": "Folklend adaları", "ru": "Фолклендские острова"},
    "FM": {"en": "Micronesia", "az": "Mikroneziya", "ru": "Микронезия"},
    "FO": {"az": "Farer adaları", "ru": "Фарерские острова"},
    "GB": {"en": "United Kingdom", "az": "Birləşmiş Krallıq", "ru": "Великобритания"},
    "GG": {"az": "Gernsi", "ru": "Гернси"},
    "GL": {"az": "Qrenlandiya", "ru": "Гренландия"},
    "GS": {"az": "Cənubi Georgiya və Cənubi Sendviç adaları", "ru": "Южная Георгия и Южные Сандвичевы острова"},
    "GT": {"az": "Qvatemala", "ru": "Гватемала"},
    "GW": {"az": "Qvineya-Bisau", "ru": "Гвинея-Бисау"},
    "GY": {"az": "Qayana", "ru": "Гайана"},
    "HK": {"az": "Honkonq", "ru": "Гонконг"},
    "HM": {"en": "Heard Island and McDonald Islands", "az": "Herd və Makdonald adaları", "ru": "Острова Херд и Макдональд"},
    "HN": {"az": "Honduras", "ru": "Гондурас"},
    "ID": {"az": "İndoneziya", "ru": "Индонезия"},
    "IM": {"az": "Men adası", "ru": "Остров Мэн"},
    "IO": {"az": "Britaniyanın Hind okeanındakı ərazisi", "ru": "Британская территория в Индийском океане"},
    "IR": {"en": "Iran", "az": "İran", "ru": "Иран"},
    "JE": {"az": "Cersi", "ru": "Джерси"},
    "JO": {"az": "İordaniya", "ru": "Иордания"},
    "KH": {"az": "Kamboca", "ru": "Камбоджа"},
    "KM": {"az": "Komor adaları", "ru": "Коморские Острова"},
    "KN": {"az": "Sent-Kits və Nevis", "ru": "Сент-Китс и Невис"},
    "KP": {"en": "North Korea", "az": "Şimali Koreya", "ru": "Северная Корея"},
    "KR": {"en": "South Korea", "az": "Cənubi Koreya", "ru": "Южная Корея"},
    "KY": {"az": "Kayman adaları", "ru": "Каймановы острова"},
    "LA": {"en": "Laos", "az": "Laos", "ru": "Лаос"},
    "LC": {"az": "Sent-Lüsiya", "ru": "Сент-Люсия"},
    "LK": {"az": "Şri-Lanka", "ru": "Шри-Ланка"},
    "LY": {"az": "Liviya", "ru": "Ливия"},
    "MD": {"en": "Moldova", "az": "Moldova", "ru": "Молдова"},
    "ME": {"az": "Monteneqro", "ru": "Черногория"},
    "MF": {"en": "Saint Martin", "az": "Sen-Marten", "ru": "Сен-Мартен"},
    "MH": {"az": "Marşall adaları", "ru": "Маршалловы Острова"},
    "MK": {"en": "North Macedonia", "az": "Şimali Makedoniya", "ru": "Северная Македония"},
    "MO": {"en": "Macao", "az": "Makao", "ru": "Макао"},
    "MP": {"az": "Şimali Marian adaları", "ru": "Северные Марианские острова"},
    "MU": {"az": "Mavriki", "ru": "Маврикий"},
    "MV": {"az": "Maldiv adaları", "ru": "Мальдивы"},
    "MX": {"az": "Meksika", "ru": "Мексика"},
    "NC": {"az": "Yeni Kaledoniya", "ru": "Новая Каледония"},
    "NF": {"az": "Norfolk adası", "ru": "Остров Норфолк"},
    "NL": {"en": "Netherlands", "az": "Niderland", "ru": "Нидерланды"},
    "PA": {"az": "Panama", "ru": "Панама"},
    "PE": {"az": "Peru", "ru": "Перу"},
    "PF": {"az": "Fransız Polineziyası", "ru": "Французская Полинезия"},
    "PG": {"az": "Papua-Yeni Qvineya", "ru": "Папуа — Новая Гвинея"},
    "PK": {"az": "Pakistan", "ru": "Пакистан"},
    "PM": {"az": "Sen-Pyer və Mikelon", "ru": "Сен-Пьер и Микелон"},
    "PN": {"en": "Pitcairn Islands", "az": "Pitkern adaları", "ru": "Острова Питкэрн"},
    "PR": {"az": "Puerto-Riko", "ru": "Пуэрто-Рико"},
    "PS": {"en": "Palestine", "az": "Fələstin", "ru": "Палестина"},
    "PY": {"az": "Paraqvay", "ru": "Парагвай"},
    "QA": {"az": "Qətər", "ru": "Катар"},
    "RO": {"az": "Rumıniya", "ru": "Румыния"},
    "RS": {"az": "Serbiya", "ru": "Сербия"},
    "RU": {"en": "Russia", "az": "Rusiya", "ru": "Россия"},
    "SA": {"az": "Səudiyyə Ərəbistanı", "ru": "Саудовская Аравия"},
    "SB": {"az": "Solomon adaları", "ru": "Соломоновы Острова"},
    "SC": {"az": "Seyşel adaları", "ru": "Сейшельские Острова"},
    "SD": {"az": "Sudan", "ru": "Судан"},
    "SH": {"en": "Saint Helena", "az": "Müqəddəs Yelena adası", "ru": "Остров Святой Елены"},
    "SI": {"az": "Sloveniya", "ru": "Словения"},
    "SL": {"az": "Syerra-Leone", "ru": "Сьерра-Леоне"},
    "SS": {"az": "Cənubi Sudan", "ru": "Южный Судан"},
    "ST": {"en": "São Tomé and Príncipe", "az": "San-Tome və Prinsipi", "ru": "Сан-Томе и Принсипи"},
    "SV": {"az": "Salvador", "ru": "Сальвадор"},
    "SX": {"en": "Sint Maarten", "az": "Sint-Marten", "ru": "Синт-Мартен"},
    "SY": {"en": "Syria", "az": "Suriya", "ru": "Сирия"},
    "SZ": {"en": "Eswatini", "az": "Esvatini", "ru": "Эсватини"},
    "TC": {"az": "Törks və Kaykos adaları", "ru": "Теркс и Кайкос"},
    "TF": {"en": "French Southern Territories", "az": "Fransanın Cənub əraziləri", "ru": "Французские Южные территории"},
    "TL": {"az": "Şərqi Timor", "ru": "Восточный Тимор"},
    "TR": {"en": "Türkiye", "az": "Türkiyə", "ru": "Турция"},
    "TT": {"az": "Trinidad və Tobaqo", "ru": "Тринидад и Тобаго"},
    "TW": {"en": "Taiwan", "az": "Tayvan", "ru": "Тайвань"},
    "TZ": {"en": "Tanzania", "az": "Tanzaniya", "ru": "Танзания"},
    "US": {"en": "United States", "az": "Amerika Birləşmiş Ştatları", "ru": "Соединённые Штаты Америки"},
    "VA": {"en": "Vatican City", "az": "Vatikan", "ru": "Ватикан"},
    "VC": {"az": "Sent-Vinsent və Qrenadinlər", "ru": "Сент-Винсент и Гренадины"},
    "VE": {"en": "Venezuela", "az": "Venesuela", "ru": "Венесуэла"},
    "VG": {"en": "British Virgin Islands", "az": "Britaniya Virgin adaları", "ru": "Британские Виргинские острова"},
    "VI": {"en": "U.S. Virgin Islands", "az": "ABŞ Virgin adaları", "ru": "Виргинские Острова (США)"},
    "VN": {"en": "Vietnam", "az": "Vyetnam", "ru": "Вьетнам"},
    "WF": {"az": "Uollis və Futuna", "ru": "Уоллис и Футуна"},
    "GB-SCT": {"en": "Scotland", "az": "Şotlandiya", "ru": "Шотландия"},
}

# The 50 states and the District of Columbia: ISO 3166-2 English names (from pycountry), Azerbaijani and
# Russian spellings as used in Azerbaijani and Russian reference works.
US_STATES: dict[str, tuple[str, str]] = {
    "AK": ("Alyaska", "Аляска"),
    "AL": ("Alabama", "Алабама"),
    "AR": ("Arkanzas", "Арканзас"),
    "AZ": ("Arizona", "Аризона"),
    "CA": ("Kaliforniya", "Калифорния"),
    "CO": ("Kolorado", "Колорадо"),
    "CT": ("Konnektikut", "Коннектикут"),
    "DC": ("Kolumbiya dairəsi", "Округ Колумбия"),
    "DE": ("Delaver", "Делавэр"),
    "FL": ("Florida", "Флорида"),
    "GA": ("Corciya", "Джорджия"),
    "HI": ("Havay", "Гавайи"),
    "IA": ("Ayova", "Айова"),
    "ID": ("Aydaho", "Айдахо"),
    "IL": ("İllinoys", "Иллинойс"),
    "IN": ("İndiana", "Индиана"),
    "KS": ("Kanzas", "Канзас"),
    "KY": ("Kentukki", "Кентукки"),
    "LA": ("Luiziana", "Луизиана"),
    "MA": ("Massaçusets", "Массачусетс"),
    "MD": ("Merilend", "Мэриленд"),
    "ME": ("Men", "Мэн"),
    "MI": ("Miçiqan", "Мичиган"),
    "MN": ("Minnesota", "Миннесота"),
    "MO": ("Missuri", "Миссури"),
    "MS": ("Missisipi", "Миссисипи"),
    "MT": ("Montana", "Монтана"),
    "NC": ("Şimali Karolina", "Северная Каролина"),
    "ND": ("Şimali Dakota", "Северная Дакота"),
    "NE": ("Nebraska", "Небраска"),
    "NH": ("Nyu-Hempşir", "Нью-Гэмпшир"),
    "NJ": ("Nyu-Cersi", "Нью-Джерси"),
    "NM": ("Nyu-Meksiko", "Нью-Мексико"),
    "NV": ("Nevada", "Невада"),
    "NY": ("Nyu-York", "Нью-Йорк"),
    "OH": ("Ohayo", "Огайо"),
    "OK": ("Oklahoma", "Оклахома"),
    "OR": ("Oreqon", "Орегон"),
    "PA": ("Pensilvaniya", "Пенсильвания"),
    "RI": ("Rod-Aylend", "Род-Айленд"),
    "SC": ("Cənubi Karolina", "Южная Каролина"),
    "SD": ("Cənubi Dakota", "Южная Дакота"),
    "TN": ("Tennessi", "Теннесси"),
    "TX": ("Texas", "Техас"),
    "UT": ("Yuta", "Юта"),
    "VA": ("Virciniya", "Виргиния"),
    "VT": ("Vermont", "Вермонт"),
    "WA": ("Vaşinqton", "Вашингтон"),
    "WI": ("Viskonsin", "Висконсин"),
    "WV": ("Qərbi Virciniya", "Западная Виргиния"),
    "WY": ("Vayominq", "Вайоминг"),
}


def build_names(codes: list[str]) -> tuple[dict, list[str]]:
    """{code: {"en", "az", "ru"}} for every code, and a list of gaps (names with no source at all)."""
    import gettext

    import pycountry  # build-time only

    class Missing(gettext.NullTranslations):
        def gettext(self, message):
            return None

    catalogues = {}
    for lang in ("az", "ru"):
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        t.add_fallback(Missing())
        catalogues[lang] = t

    names: dict[str, dict[str, str]] = {}
    gaps = []
    for code in codes:
        entry: dict[str, str | None] = {}
        if code.startswith("US-"):
            sub = pycountry.subdivisions.get(code=code)
            az, ru = US_STATES[code[3:]]
            entry = {"en": sub.name, "az": az, "ru": ru}
        elif len(code) == 2:
            country = pycountry.countries.get(alpha_2=code)
            if country is not None:
                common = getattr(country, "common_name", None)
                entry["en"] = common or country.name
                for lang, t in catalogues.items():
                    entry[lang] = (t.gettext(common) if common else None) or t.gettext(country.name)
        entry.update(OVERRIDES.get(code, {}))
        for lang in ("en", "az", "ru"):
            if not entry.get(lang):
                gaps.append(f"{code}/{lang}")
        names[code] = {lang: entry.get(lang) or "" for lang in ("en", "az", "ru")}
    return names, gaps


# =====================================================================================================
# 10. The staff document
# =====================================================================================================
def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_choice_row(row: dict) -> str:
    return "| " + " | ".join(_cell(row[k]) for k in ("what", "choice", "why", "how")) + " |"


def render_doc() -> str:
    lines = [
        "# Map data: what the recognition map shows, and why",
        "",
        "<!-- Generated by `python tools/build_map.py --doc` from the CHOICES table in tools/build_map.py. "
        "Edit the table, not this file; tests/unit/test_map_asset.py checks they agree. -->",
        "",
        "The map in the kiosk is drawn from `assets/geo/recognition_map.json`, and places are named from "
        "`assets/geo/place_names.json`. Both are built by `tools/build_map.py` from published map data and "
        "committed; the kiosk never downloads anything.",
        "",
        "## Choices",
        "",
        "Borders follow internationally recognised (UN) borders. Every place where the map departs from its "
        "source data, or where a reader might ask \"why is it drawn like that?\", is one row here. The build "
        "applies these rows and checks them (for example, that Simferopol lies inside Ukraine and Khankendi "
        "inside Azerbaijan), and fails if a check does not hold.",
        "",
        "| What | Choice | Why | How |",
        "|---|---|---|---|",
    ]
    lines += [render_choice_row(row) for row in CHOICES]
    lines += [
        "",
        "## What is in the file",
        "",
        "- `world`: countries and other ISO 3166-1 areas in the Equal Earth projection (viewBox 1000 wide), keyed "
        "by ISO 3166-1 alpha-2 code.",
        "- `us`: the 50 states and DC in the Albers USA frame (viewBox 975 x 610, Alaska and Hawaii as insets), "
        "keyed by USPS code (the kiosk reads them as `US-XX`).",
        "- `extra`: sub-national places drawn over the world map (`GB-SCT`, Scotland).",
        "- Each shape has an SVG path `d`, a `bbox`, a `label` point (inside the shape, away from its edges) "
        "and an `area` in square viewBox units, so the kiosk can tell which places are too small to touch "
        "and need a marker.",
        "- `credits`: the attributions below, for the kiosk's credits screen.",
        "",
        "Place names (`place_names.json`) cover every code in the map in English, Azerbaijani and Russian. "
        "They start from the ISO 3166 translations that pycountry ships and are then curated in "
        "`OVERRIDES` and `US_STATES` in the build script: short common names rather than official long "
        "forms (\"Bolivia\", \"Iran\", \"Russia\", \"Czechia\"), Azerbaijani in Latin script, and every name "
        "pycountry lacks (Azerbaijani for about 40 countries, Scotland, the US states). A pack can still "
        "override any name in `data/recognitions.yaml` (`place_names`).",
        "",
        "## Credits and licences",
        "",
        "| Data | Source | Licence |",
        "|---|---|---|",
        "| Country shapes | Natural Earth 4.1.0 admin-0 countries, 1:50m, via npm `world-atlas@2.0.2` | Natural Earth: public domain; world-atlas packaging: ISC, (c) 2013-2019 Michael Bostock |",
        "| US state shapes | US Census Bureau Cartographic Boundary Files 2017, via npm `us-atlas@3.0.1` | Census data: public domain; us-atlas packaging: ISC, (c) 2013-2019 Michael Bostock |",
        "| Scotland | Natural Earth map units 1:50m, via Debian `r-cran-rnaturalearthdata` 0.1.0-2 | Natural Earth: public domain; package: CC0 |",
        "| Codes and names | ISO 3166 codes; en/az/ru names from the iso-codes catalogues in PyPI `pycountry`, curated here | pycountry is LGPL-2.1 and used only at build time; the kiosk ships no pycountry code or catalogue, only the names it needs, which are facts from ISO 3166 and our own curated translations |",
        "",
        "The kiosk shows these credits (they are embedded in the map file):",
        "",
    ]
    lines += [f"- {c}" for c in CREDITS]
    lines += [
        "",
        "## Regenerating",
        "",
        "Only needed when the choices, the names or the source packages change. The build needs the "
        "package registries (npm, Debian, PyPI) once; after that it runs offline from its cache.",
        "",
        "```sh",
        "python3 -m venv /tmp/mapvenv",
        f"/tmp/mapvenv/bin/pip install pycountry=={PYCOUNTRY_VERSION} rdata   # build-time only, not kiosk dependencies",
        "/tmp/mapvenv/bin/python tools/build_map.py --fetch   # npm pack + apt-get download into ~/.cache/kiosk-map-inputs",
        "/tmp/mapvenv/bin/python tools/build_map.py --doc     # rewrite this page from the CHOICES table",
        ".venv/bin/python -m pytest -q tests/unit/test_map_asset.py",
        ".venv/bin/kiosk validate data                      # every place code in the pack must still exist",
        "```",
        "",
        "The build is deterministic: the same packages give byte-identical files (`--check` rebuilds in "
        "memory and compares with the committed files). The downloaded packages are pinned by "
        "version and sha256 in `INPUTS`; a changed upload stops the build until someone reviews it.",
        "",
    ]
    return "\n".join(lines)


# =====================================================================================================
# 11. Main
# =====================================================================================================
def dump(obj) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def build(cache: Path, verify: bool = True) -> tuple[str, str]:
    from importlib.metadata import version

    have = version("pycountry")
    if verify and have != PYCOUNTRY_VERSION:
        sys.exit(f"build_map: pycountry {have} installed, {PYCOUNTRY_VERSION} pinned (pip install pycountry=={PYCOUNTRY_VERSION})")
    world_topo = json.loads(read_tgz_member(input_path(cache, "world-atlas", verify), "package/countries-50m.json"))
    us_topo = json.loads(read_tgz_member(input_path(cache, "us-atlas", verify), "package/states-albers-10m.json"))
    deb = input_path(cache, "rnaturalearthdata", verify)

    world, world_box, project = build_world(world_topo)
    problems = run_checks(world, world_box, project)
    if problems:
        sys.exit("build_map: checks failed:\n  " + "\n  ".join(problems))
    us, us_box = build_us(us_topo)
    extra = {"GB-SCT": build_scotland(deb, project)}
    asset = {
        "world": {"projection": "EqualEarth", "viewBox": world_box, "features": world},
        "us": {"projection": "AlbersUsa(d3, 975x610)", "viewBox": us_box, "features": us},
        "extra": extra,
        "credits": CREDITS,
        "inputs": [f"{spec['file']} sha256:{spec['sha256']}" for spec in INPUTS.values()]
                  + [f"pycountry {PYCOUNTRY_VERSION}"],
    }
    codes = sorted(k for k in world if not k.startswith("_")) + sorted("US-" + k for k in us) + sorted(extra)
    names, gaps = build_names(codes)
    if gaps:
        sys.exit("build_map: names missing (add them to OVERRIDES): " + ", ".join(gaps))
    return dump(asset), dump(names)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="folder with the downloaded packages")
    ap.add_argument("--fetch", action="store_true", help="download the pinned packages into --cache first")
    ap.add_argument("--out", type=Path, default=REPO / "assets/geo/recognition_map.json")
    ap.add_argument("--names-out", type=Path, default=REPO / "assets/geo/place_names.json")
    ap.add_argument("--doc", nargs="?", const=REPO / "docs/map-data.md", type=Path,
                    help="only write the staff document (default docs/map-data.md) from CHOICES")
    ap.add_argument("--check", action="store_true", help="build and compare with --out/--names-out; write nothing")
    ap.add_argument("--no-verify", action="store_true", help="accept packages whose sha256 differs from INPUTS")
    args = ap.parse_args(argv)

    if args.doc:
        args.doc.write_text(render_doc(), encoding="utf-8")
        print(f"wrote {args.doc}")
        return 0
    if args.fetch:
        fetch(args.cache)
    asset, names = build(args.cache, verify=not args.no_verify)
    if args.check:
        same = (args.out.read_text(encoding="utf-8") == asset and args.names_out.read_text(encoding="utf-8") == names)
        print("up to date" if same else "the committed files differ from a fresh build")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(asset, encoding="utf-8")
    args.names_out.write_text(names, encoding="utf-8")
    raw = json.loads(asset)
    print(f"wrote {args.out} ({len(asset.encode())} bytes: {len(raw['world']['features'])} world, "
          f"{len(raw['us']['features'])} us, {len(raw['extra'])} extra) and {args.names_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
