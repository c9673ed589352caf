"""The zones of a scan (area, ring, reference) and their exposures: km², inhabitants, dwellings (pure core).

Inhabitants and dwellings are apportioned by area share (see :mod:`hotspot_plugin.core.scan`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.prepared import prep

from .errors import InputError
from .i18n import N_
from .scan_geometry import polygonal
from .scan_types import ScanInputs, json_number, warning

#: Share of the area's surface that must lie in the reference for the "nested" comparison.
NESTED_SHARE = 0.999

W_AREA_REPAIRED = N_("The scan area was an invalid polygon; it was repaired (buffer 0). Check its shape.")
W_REFERENCE_REPAIRED = N_("The reference area was an invalid polygon; it was repaired (buffer 0).")
W_NO_REFERENCE = N_(
    "No reference area (no buurten and no municipality boundary): the comparison with "
    "the reference area is left out."
)
W_PARTIAL_REFERENCE = N_(
    "Only {share}% of the scan area lies inside the reference area; the area is "
    "compared with the reference as a separate area."
)
W_MISSING_INHABITANTS = N_(
    "{n} buurten have no (or a secret) number of inhabitants or dwellings; they " "count as 0: {codes}"
)
W_NO_INHABITANTS = N_(
    "The scan area has no inhabitants according to the buurten; rates per 1,000 " "inhabitants are left out."
)
W_BAD_BUURT = N_("{n} buurt polygons were empty or invalid and were repaired or skipped.")


def _apportion(
    buurten: List[Tuple[BaseGeometry, float, float, str, str]], zone: BaseGeometry
) -> Tuple[float, float, List[float]]:
    """Inhabitants and dwellings of *zone* by area share, and each buurt's share in it."""
    shares: List[float] = []
    inh = dw = 0.0
    if zone is None or zone.is_empty:
        return 0.0, 0.0, [0.0] * len(buurten)
    pz = prep(zone)
    for geom, b_inh, b_dw, _code, _name in buurten:
        s = 0.0
        if geom.area > 0 and pz.intersects(geom):
            s = 1.0 if pz.contains(geom) else min(1.0, geom.intersection(zone).area / geom.area)
        shares.append(s)
        inh += s * b_inh
        dw += s * b_dw
    return inh, dw, shares


def _count_or_none(v: Any) -> Tuple[float, bool]:
    """A population number; (0, True) when missing, not a number or negative (CBS secrecy)."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return 0.0, True
    if not math.isfinite(f) or f < 0:
        return 0.0, True
    return f, False



@dataclass
class Geography:
    """The zones of a scan and their exposures (surface, apportioned inhabitants and dwellings)."""

    area: BaseGeometry
    outer: BaseGeometry
    ring: BaseGeometry
    reference: Optional[BaseGeometry]
    nested: Optional[bool]
    buurten: List[Tuple[BaseGeometry, float, float, str, str]]
    inhabitants: Dict[str, float]
    dwellings: Dict[str, float]
    km2: Dict[str, float]
    shares: Dict[str, List[float]]

    def to_json(self) -> Dict[str, Any]:
        """The ``geography`` part of the result."""
        has_ref = self.reference is not None
        return {
            "area_km2": json_number(self.km2["area"]),
            "ring_km2": json_number(self.km2["ring"]),
            "reference_km2": json_number(self.km2["reference"]) if has_ref else None,
            "inhabitants": {
                "area": json_number(self.inhabitants["area"]),
                "ring": json_number(self.inhabitants["ring"]),
                "reference": json_number(self.inhabitants["reference"]) if has_ref else None,
            },
            "dwellings": {"area": json_number(self.dwellings["area"]), "ring": json_number(self.dwellings["ring"])},
            "buurten": [
                {
                    "code": b[3],
                    "name": b[4],
                    "share_area": json_number(sa),
                    "share_ring": json_number(sr),
                    "inhabitants": json_number(b[1]),
                    "dwellings": json_number(b[2]),
                }
                for b, sa, sr in zip(self.buurten, self.shares["area"], self.shares["ring"])
                if sa > 0 or sr > 0
            ],
        }


def prepare_geography(inputs: ScanInputs, ring_width: float, warnings: List[Dict[str, Any]]) -> Geography:
    """Area, ring and reference (repaired when invalid), buurten, and the exposures."""
    area = polygonal(
        inputs.area,
        W_AREA_REPAIRED,
        warnings,
        N_(
            "The scan area is empty or has no surface; draw or choose a polygon (or give a "
            "point with a radius)."
        ),
    )
    outer = area.buffer(ring_width) if ring_width > 0 else area
    ring = outer.difference(area) if ring_width > 0 else Polygon()

    bad_buurten = 0
    buurten: List[Tuple[BaseGeometry, float, float, str, str]] = []
    missing_codes: List[str] = []
    for b in inputs.buurten or ():
        geom, b_inh, b_dw, code, name = tuple(b)[:5]
        if geom is None or geom.is_empty:
            bad_buurten += 1
            continue
        if not geom.is_valid:
            geom = geom.buffer(0)
            bad_buurten += 1
            if geom.is_empty:
                continue
        fi, mi = _count_or_none(b_inh)
        fd, md = _count_or_none(b_dw)
        if mi or md:
            missing_codes.append(str(code))
        buurten.append((geom, fi, fd, "" if code is None else str(code), "" if name is None else str(name)))
    if bad_buurten:
        warnings.append(warning(W_BAD_BUURT, n=bad_buurten))
    if missing_codes:
        warnings.append(warning(W_MISSING_INHABITANTS, n=len(missing_codes), codes=", ".join(missing_codes[:20])))

    reference = inputs.reference
    if reference is not None and not reference.is_empty:
        reference = polygonal(
            reference, W_REFERENCE_REPAIRED, warnings, N_("The reference area is empty or has no surface.")
        )
    elif buurten:
        reference = unary_union([b[0] for b in buurten])
    else:
        reference = None
        warnings.append(warning(W_NO_REFERENCE))
    inh_area, dw_area, sh_area = _apportion(buurten, area)
    inh_ring, dw_ring, sh_ring = _apportion(buurten, ring)
    if reference is not None:
        if inputs.reference_inhabitants is not None:
            inh_ref, miss = _count_or_none(inputs.reference_inhabitants)
            if miss:
                raise InputError(
                    N_("The number of inhabitants of the reference area must be 0 or more, not {value}."),
                    value=inputs.reference_inhabitants,
                )
        else:
            # the default reference is the union of the buurten: all their inhabitants
            if inputs.reference is None:
                inh_ref = sum(b[1] for b in buurten)
            else:
                inh_ref = _apportion(buurten, reference)[0]
    else:
        inh_ref = 0.0
    if buurten and inh_area <= 0:
        warnings.append(warning(W_NO_INHABITANTS))
    m2 = float(inputs.metres_per_unit) ** 2  # square metres per square map unit
    km2_area = area.area * m2 / 1e6
    km2_ring = ring.area * m2 / 1e6
    km2_ref = reference.area * m2 / 1e6 if reference is not None else 0.0
    nested = None
    if reference is not None:
        inside_share = area.intersection(reference).area / area.area
        nested = inside_share >= NESTED_SHARE
        if not nested and inside_share > 0:
            warnings.append(warning(W_PARTIAL_REFERENCE, share=round(inside_share * 100.0, 1)))

    return Geography(
        area=area,
        outer=outer,
        ring=ring,
        reference=reference,
        nested=nested,
        buurten=buurten,
        inhabitants={"area": inh_area, "ring": inh_ring, "reference": inh_ref},
        dwellings={"area": dw_area, "ring": dw_ring},
        km2={"area": km2_area, "ring": km2_ring, "reference": km2_ref},
        shares={"area": sh_area, "ring": sh_ring},
    )


def largest_buurt(area: BaseGeometry, buurten: Sequence[Any]) -> str:
    """The name of the buurt holding the largest part of *area* ("" when none touches it).

    *buurten*: :class:`~hotspot_plugin.core.scan_types.Buurt` or 5-tuples (geometry, inhabitants,
    dwellings, code, name).
    """
    best, best_share = "", 0.0
    for b in buurten:
        geom = b[0]
        if geom.intersects(area):
            share = geom.intersection(area).area
            if share > best_share:
                best, best_share = b[4], share
    return best
