#!/usr/bin/env python3
"""Boundaries of the demo city's ten districts: indicators/demo-city/districts.geojson.

A fictional city around 8.6° E, 50.1° N (Lindenfeld). Its outline is a
jittered ellipse (made convex), cut into one Voronoi cell per district
seed; every edge is then made irregular by midpoint displacement keyed on
the edge itself, so two neighbours share exactly the same border and the
districts tile the city with no gap and no overlap. Deterministic for a
given seed; coordinates rounded to 5 decimals (about a metre).

    python3 scripts/gen_districts.py [--out PATH]

`scripts/gen_demo_city.py` calls `write_districts(path)`.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

SEED = 20260115
CENTRE = (8.6, 50.1)  # longitude, latitude
KM_PER_DEG_LAT = 111.32

# Each district's seed in km east and north of the centre: the old town in
# the middle, the harbour north, a long city along the river to the east.
SEEDS = {
    "Altstadt": (0.3, 0.1),
    "Nordhafen": (0.4, 3.4),
    "Am Kanal": (3.3, 2.3),
    "Ostend": (3.9, -0.4),
    "Ziegelei": (2.6, -2.9),
    "Südfeld": (-0.3, -3.3),
    "Mühlenberg": (-3.1, -2.4),
    "Westpark": (-4.2, 0.1),
    "Rosenhöhe": (-2.8, 2.7),
    "Lindenau": (6.6, 1.0),
}
DISTRICTS = list(SEEDS)

# The outline: an ellipse of these half-axes (km), its centre shifted east.
OUTLINE_AXES = (7.6, 5.0)
OUTLINE_SHIFT = (1.0, 0.0)
OUTLINE_POINTS = 28

# Midpoint displacement: per level, the largest sideways shift as a share
# of the segment it bends.
BENDS = (0.14, 0.10, 0.07)


def outline(rng: random.Random) -> list[tuple[float, float]]:
    """A jittered ellipse, made convex (its hull), counter-clockwise."""
    points = []
    for k in range(OUTLINE_POINTS):
        angle = 2 * math.pi * k / OUTLINE_POINTS
        r = 1 + rng.uniform(-0.08, 0.08)
        points.append(
            (
                OUTLINE_SHIFT[0] + OUTLINE_AXES[0] * r * math.cos(angle),
                OUTLINE_SHIFT[1] + OUTLINE_AXES[1] * r * math.sin(angle),
            )
        )
    return hull(points)


def hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain, counter-clockwise, without repeating the start."""
    pts = sorted(set(points))

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def clip(polygon, seed, other):
    """The part of a convex polygon nearer `seed` than `other`."""
    mx, my = (seed[0] + other[0]) / 2, (seed[1] + other[1]) / 2
    nx, ny = other[0] - seed[0], other[1] - seed[1]

    def side(p):  # <= 0: on seed's side
        return (p[0] - mx) * nx + (p[1] - my) * ny

    out = []
    for i, p in enumerate(polygon):
        q = polygon[(i + 1) % len(polygon)]
        sp, sq = side(p), side(q)
        if sp <= 0:
            out.append(p)
        if (sp < 0 < sq) or (sq < 0 < sp):
            t = sp / (sp - sq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


class Vertices:
    """Snaps vertices computed separately by two cells to one point."""

    def __init__(self) -> None:
        self.known: list[tuple[float, float]] = []

    def snap(self, p):
        for q in self.known:
            if abs(p[0] - q[0]) < 1e-7 and abs(p[1] - q[1]) < 1e-7:
                return q
        self.known.append(p)
        return p


def bent(a, b, seed: int):
    """The edge a → b made irregular, the same for b → a (reversed)."""
    forward = a <= b
    start, end = (a, b) if forward else (b, a)
    rng = random.Random(f"{seed}:{start[0]:.7f},{start[1]:.7f}:{end[0]:.7f},{end[1]:.7f}")
    length = math.dist(start, end)
    levels = 3 if length > 1.2 else 2 if length > 0.4 else 1 if length > 0.1 else 0
    points = [start, end]
    for level in range(levels):
        finer = [points[0]]
        for p, q in zip(points, points[1:]):
            seg = math.dist(p, q)
            shift = rng.uniform(-1, 1) * BENDS[level] * seg
            # Perpendicular to p → q.
            nx, ny = -(q[1] - p[1]) / seg, (q[0] - p[0]) / seg
            finer.append(((p[0] + q[0]) / 2 + nx * shift, (p[1] + q[1]) / 2 + ny * shift))
            finer.append(q)
        points = finer
    return points if forward else list(reversed(points))


def to_lon_lat(p):
    lon = CENTRE[0] + p[0] / (KM_PER_DEG_LAT * math.cos(math.radians(CENTRE[1])))
    lat = CENTRE[1] + p[1] / KM_PER_DEG_LAT
    return [round(lon, 5), round(lat, 5)]


def segments_cross(p1, p2, p3, p4) -> bool:
    """Whether two segments cross at a point inside both (touching ends do not)."""

    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 1e-15) - (v < -1e-15)

    if {tuple(p1), tuple(p2)} & {tuple(p3), tuple(p4)}:
        return False
    return (
        orient(p1, p2, p3) * orient(p1, p2, p4) < 0
        and orient(p3, p4, p1) * orient(p3, p4, p2) < 0
    )


def check(rings: dict[str, list[list[float]]]) -> None:
    """No ring crosses itself or another (shared borders are identical)."""
    segs = []
    for name, ring in rings.items():
        assert ring[0] == ring[-1], name
        for p, q in zip(ring, ring[1:]):
            segs.append((name, p, q))
    for i, (n1, p1, p2) in enumerate(segs):
        for n2, p3, p4 in segs[i + 1 :]:
            if (
                max(p1[0], p2[0]) < min(p3[0], p4[0])
                or max(p3[0], p4[0]) < min(p1[0], p2[0])
                or max(p1[1], p2[1]) < min(p3[1], p4[1])
                or max(p3[1], p4[1]) < min(p1[1], p2[1])
            ):
                continue
            if segments_cross(p1, p2, p3, p4):
                raise ValueError(f"{n1} and {n2} cross near {p1}")


def area(ring) -> float:
    return sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(ring, ring[1:])) / 2


def districts(seed: int = SEED) -> dict:
    """The FeatureCollection: one Polygon per district, id and name its name."""
    rng = random.Random(seed)
    seeds = {name: (x + rng.uniform(-0.25, 0.25), y + rng.uniform(-0.25, 0.25)) for name, (x, y) in SEEDS.items()}
    city = outline(rng)
    vertices = Vertices()
    rings: dict[str, list[list[float]]] = {}
    for name, s in seeds.items():
        cell = city
        for other, o in seeds.items():
            if other != name:
                cell = clip(cell, s, o)
        cell = [vertices.snap(p) for p in cell]
        cell = [p for i, p in enumerate(cell) if p != cell[i - 1]]
        ring = []
        for p, q in zip(cell, cell[1:] + cell[:1]):
            ring.extend(bent(p, q, seed)[:-1])
        lon_lat = [to_lon_lat(p) for p in ring]
        lon_lat = [p for i, p in enumerate(lon_lat) if p != lon_lat[i - 1]]
        lon_lat.append(lon_lat[0])
        if area(lon_lat) < 0:  # RFC 7946: exterior rings counter-clockwise
            lon_lat.reverse()
        rings[name] = lon_lat
    check(rings)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"id": name, "name": name},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
            for name, ring in rings.items()
        ],
    }


def write_districts(path: Path, seed: int = SEED) -> Path:
    """Writes the boundaries to `path` (UTF-8, one feature a line)."""
    collection = districts(seed)
    lines = [
        json.dumps(feature, ensure_ascii=False, separators=(",", ":"))
        for feature in collection["features"]
    ]
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    default = Path(__file__).resolve().parent.parent / "indicators" / "demo-city" / "districts.geojson"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args()
    path = write_districts(args.out)
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    counts = [len(f["geometry"]["coordinates"][0]) - 1 for f in features]
    print(f"wrote {path}: {len(features)} districts, {min(counts)}–{max(counts)} vertices each")


if __name__ == "__main__":
    main()
