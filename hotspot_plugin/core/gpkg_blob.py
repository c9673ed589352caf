"""GeoPackage geometry blobs (GPKG spec 2.1.3): encode points fast, read envelopes.

Used for bulk writes with sqlite3, where GDAL's rtree triggers need ``ST_MinX`` and
friends: :func:`envelope` provides them.
"""
from __future__ import annotations

import struct
from typing import Optional, Sequence, Tuple

import numpy as np
from shapely import wkb as shapely_wkb
from shapely.geometry.base import BaseGeometry

_HEADER = struct.Struct("<2sBBi")  # magic, version, flags, srs_id
_POINT = struct.Struct("<BIdd")  # byte order, type, x, y
# flags: bit 0 little-endian, bits 1-3 envelope code, bit 4 empty, bit 5 extended type
_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}


def point_blob(x: float, y: float, srs_id: int) -> bytes:
    """A little-endian GPKG blob of a 2-D point without envelope."""
    return _HEADER.pack(b"GP", 0, 0x01, srs_id) + _POINT.pack(1, 1, x, y)


def point_blobs(x: np.ndarray, y: np.ndarray, srs_id: int) -> list:
    """Blobs for many points at once (numpy builds the bytes; ~20x faster than a loop)."""
    n = len(x)
    rec = np.zeros(n, dtype=[("magic", "S2"), ("ver", "u1"), ("flags", "u1"), ("srs", "<i4"),
                             ("bo", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
    rec["magic"] = b"GP"
    rec["flags"] = 0x01
    rec["srs"] = srs_id
    rec["bo"] = 1
    rec["type"] = 1
    rec["x"] = x
    rec["y"] = y
    return rec.view(f"V{rec.dtype.itemsize}").tolist()  # one bytes object per point


def is_empty(blob: Optional[bytes]) -> bool:
    if blob is None or len(blob) < 8:
        return True
    return bool(blob[3] & 0x10)


def envelope(blob: Optional[bytes]) -> Optional[Tuple[float, float, float, float]]:
    """(minx, maxx, miny, maxy) of a GPKG blob, or None if empty or unreadable."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if flags & 0x10:
        return None
    code = (flags >> 1) & 0x07
    endian = "<" if flags & 0x01 else ">"
    count = _ENVELOPE_DOUBLES.get(code)
    if count is None:
        return None
    if count:
        minx, maxx, miny, maxy = struct.unpack_from(endian + "4d", blob, 8)
        return minx, maxx, miny, maxy
    wkb = bytes(blob[8:])
    if len(wkb) >= 21:
        order = "<" if wkb[0] == 1 else ">"
        (gtype,) = struct.unpack_from(order + "I", wkb, 1)
        if gtype % 1000 == 1 and gtype < 4000:
            x, y = struct.unpack_from(order + "2d", wkb, 5)
            return x, x, y, y
    try:
        from shapely import wkb as shapely_wkb

        geom = shapely_wkb.loads(wkb)
    except Exception:  # noqa: BLE001 - unreadable geometry: no envelope
        return None
    if geom.is_empty:
        return None
    minx, miny, maxx, maxy = geom.bounds
    return minx, maxx, miny, maxy


def geometry_blob(wkb: bytes, bounds: Tuple[float, float, float, float], srs_id: int) -> bytes:
    """A little-endian GPKG blob of any geometry: header with an xy envelope, then the WKB.

    *bounds* is (minx, miny, maxx, maxy) as shapely gives it.
    """
    minx, miny, maxx, maxy = bounds
    return _HEADER.pack(b"GP", 0, 0x01 | (1 << 1), srs_id) + struct.pack("<4d", minx, maxx, miny, maxy) + wkb


def blob_wkb(blob: bytes) -> Optional[bytes]:
    """The WKB inside a GPKG blob (None for an empty or unreadable blob)."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP" or blob[3] & 0x10:
        return None
    count = _ENVELOPE_DOUBLES.get((blob[3] >> 1) & 0x07)
    if count is None:
        return None
    return bytes(blob[8 + 8 * count:])


# ------------------------------------------------------------------------------ decoding


def decode_points(blobs: Sequence[Optional[bytes]]) -> Tuple[np.ndarray, np.ndarray]:
    """x and y of GeoPackage point blobs (NaN for empty, missing or non-point geometries).

    When all blobs share one layout (the usual case: same length, flags and byte order) the
    coordinates are read with one numpy view; otherwise blob by blob.
    """
    n = len(blobs)
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    if n == 0:
        return x, y
    first = blobs[0]
    if first is not None and len(first) >= 8 and first[:2] == b"GP" and not first[3] & 0x10:
        size = len(first)
        off = 8 + 8 * _ENVELOPE_DOUBLES.get((first[3] >> 1) & 0x07, 0)
        if size == off + 21:
            try:
                raw = np.frombuffer(b"".join(blobs), dtype=np.uint8)  # type: ignore[arg-type]
            except TypeError:  # a None among the blobs
                raw = None
            if raw is not None and raw.size == n * size:
                rows = raw.reshape(n, size)
                same = (rows[:, 3] == first[3]).all() and (rows[:, off] == first[off]).all()
                kind = struct.unpack_from("<I" if first[off] == 1 else ">I", first, off + 1)[0]
                same = same and (rows[:, off + 1 : off + 5] == rows[0, off + 1 : off + 5]).all()
                if same and (kind & 0x0FFFFFFF) % 1000 == 1:
                    dtype = np.dtype("<f8" if first[off] == 1 else ">f8")
                    xy = np.ascontiguousarray(rows[:, off + 5 : off + 21]).view(dtype).reshape(n, 2)
                    return xy[:, 0].astype(np.float64), xy[:, 1].astype(np.float64)
    for i, blob in enumerate(blobs):
        x[i], y[i] = _point(blob)
    return x, y


def _point(blob: Optional[bytes]) -> Tuple[float, float]:
    wkb = blob_wkb(blob) if blob is not None else None
    if not wkb or len(wkb) < 21:
        return np.nan, np.nan
    order = "<" if wkb[0] == 1 else ">"
    kind = struct.unpack_from(order + "I", wkb, 1)[0]
    if (kind & 0x0FFFFFFF) % 1000 == 1:
        return struct.unpack_from(order + "2d", wkb, 5)
    try:
        geom = shapely_wkb.loads(wkb)
    except Exception:  # noqa: BLE001 - unreadable geometry: no location
        return np.nan, np.nan
    if geom.is_empty:
        return np.nan, np.nan
    c = geom.centroid
    return c.x, c.y


def decode(blob: Optional[bytes]) -> Optional[BaseGeometry]:
    """A shapely geometry from a GeoPackage blob (None when empty or unreadable)."""
    wkb = blob_wkb(blob) if blob is not None else None
    if not wkb:
        return None
    try:
        geom = shapely_wkb.loads(wkb)
    except Exception:  # noqa: BLE001 - unreadable geometry
        return None
    return None if geom.is_empty else geom
