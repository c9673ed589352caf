"""A returned schouw package as a hostile or unlucky sender makes it: photo paths that point elsewhere.

Issue #14, attack 1 and 5: the photo field of a finding is text its sender chose. Absolute paths,
``..``, Windows and UNC paths, URLs, links (to a file and to a folder), devices, hard links and
oversized files are refused with a reason; the finding itself is imported without the photo; nothing
outside the package's DCIM folder is ever copied into the office.
"""

from __future__ import annotations

import os
import sqlite3
import uuid as uuidlib
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from hotspot_plugin.core.gpkg_blob import point_blob
from hotspot_plugin.storage import fieldpackage as fp
from hotspot_plugin.storage import gpkg
from hotspot_plugin.storage.fieldpackage import safe_files
from tests.qgis.conftest import table_snapshot
from tests.qgis.test_schouw import crossing, dutch, field_db, jpeg, package, town  # noqa: F401 - fixtures

SECRET = b"GEHEIM=wachtwoord-van-het-kantoor\n"


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):  # noqa: N802 - QGIS API
        self.warnings.append(warning)
        super().pushWarning(warning)


def add_finding(gpkg_path: str, photo: str, k: int) -> str:
    uid = str(uuidlib.uuid4())
    con = field_db(gpkg_path)
    x, y = crossing(1, 1)
    con.execute(
        "INSERT INTO schouw_findings (geom, uuid, checklist_item, severity, dagdeel, observed_at, status, photo) "
        "VALUES (?, ?, 'schoon.graffiti', 'oranje', 'dag', '2025-06-03T11:00:00', 'open', ?)",
        (point_blob(x + k, y, gpkg.srs_id(con, "schouw_findings")), uid, photo),
    )
    con.commit()
    con.close()
    return uid


def office_photos(path) -> dict:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT uuid, photo FROM schouw_findings"))
    finally:
        con.close()


def files_under(folder: Path) -> list:
    return sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def test_photo_paths_that_leave_the_package_are_refused(package, run_alg, tmp_path):  # noqa: F811
    path, _record, res = package
    folder = Path(res["FOLDER"])
    dcim = folder / "DCIM"
    outside = tmp_path / "buiten"
    outside.mkdir()
    secret = outside / "geheim.jpg"
    secret.write_bytes(SECRET)
    jpeg(dcim / "goed.jpg")
    (dcim / "link.jpg").symlink_to(secret)  # a link to a file outside
    (dcim / "map").symlink_to(outside, target_is_directory=True)  # a link to a folder outside
    os.link(secret, dcim / "hard.jpg")  # a second name of a file outside
    os.mkfifo(dcim / "pijp.jpg")  # reading it would hang the import
    (dcim / "echt").mkdir()
    with open(dcim / "echt" / "groot.jpg", "wb") as fh:  # 30 MB (sparse): over the 25 MB default
        fh.truncate(30 * 1024 * 1024)
    rel_secret = os.path.relpath(secret, folder)
    hostile = [
        "/etc/passwd",
        "/proc/self/environ",
        str(secret),
        rel_secret,  # ../buiten/geheim.jpg
        "DCIM/../../buiten/geheim.jpg",
        rel_secret.replace("/", "\\"),  # ..\buiten\geheim.jpg
        "DCIM\\..\\..\\buiten\\geheim.jpg",
        "\\\\kwaadaardig\\share\\x.jpg",  # UNC
        "//kwaadaardig/share/x.jpg",
        "C:\\Windows\\win.ini",
        "c:/Windows/win.ini",
        "file:///etc/passwd",
        "DCIM/link.jpg",
        "DCIM/map/geheim.jpg",
        "DCIM/hard.jpg",
        "DCIM/pijp.jpg",
        "DCIM/echt",
        "DCIM/echt/groot.jpg",
        "DCIM/bestaat-niet.jpg",
        "DCIM/x.jpg\x00.txt",
        "DCIM/.. /buiten/geheim.jpg",
    ]
    good = add_finding(res["GPKG"], "DCIM/goed.jpg", 0)
    uids = [add_finding(res["GPKG"], photo, k + 1) for k, photo in enumerate(hostile)]

    log = Log()
    r = run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": res["FOLDER"]}, feedback=log)
    assert r["ADDED"] == len(hostile) + 1  # every finding came in
    assert r["PHOTOS"] == 1
    assert r["PHOTOS_REFUSED"] == len(hostile) - 1  # all but the missing one, which is reported as missing
    photos = office_photos(path)
    assert photos[good].endswith("/goed.jpg")
    assert all(photos[u] is None for u in uids)
    office = Path(path).parent / fp.OFFICE_PHOTO_FOLDER
    copied = files_under(office)
    assert [p.name for p in copied] == ["goed.jpg"]
    for p in Path(path).parent.rglob("*"):  # the secret is nowhere but where it was
        inside = folder in p.parents or outside in p.parents
        if p.is_file() and not p.is_symlink() and not inside and p.stat().st_size < 50_000_000:
            assert SECRET not in p.read_bytes(), p
    # each refused photo has its reason in the log (in Dutch)
    text = "\n".join(log.warnings)
    assert text.count("niet overgenomen") == len(hostile) - 1
    assert "meer dan de grens van 25 MB" in text and "30 MB" in text
    assert "koppeling" in text and "gewoon bestand" in text
    assert "\x00" not in text

    # a larger limit takes the 30 MB photo (and still none of the others)
    con = field_db(res["GPKG"])
    con.execute("UPDATE schouw_findings SET description = 'groot' WHERE photo = 'DCIM/echt/groot.jpg'")
    con.commit()
    con.close()
    r2 = run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": res["FOLDER"], "MAX_PHOTO_MB": 40})
    assert (r2["UPDATED"], r2["PHOTOS"]) == (1, 1)
    assert sorted(p.name for p in files_under(office)) == ["goed.jpg", "groot.jpg"]


def test_a_refused_import_leaves_the_safety_gpkg_as_it_was(package, run_alg):  # noqa: F811
    """Hostile photo paths together with a damaged row: nothing is imported, nothing is copied."""
    path, _record, res = package
    jpeg(Path(res["FOLDER"]) / "DCIM" / "goed.jpg")
    add_finding(res["GPKG"], "DCIM/goed.jpg", 0)
    add_finding(res["GPKG"], "/etc/passwd", 1)
    add_finding(res["GPKG"], "..\\..\\..\\x.jpg", 2)
    con = field_db(res["GPKG"])
    con.execute("INSERT INTO schouw_findings (uuid, severity) VALUES ('geen-uuid', 'rood')")
    con.commit()
    con.close()
    tables = ("schouw_findings", "schouw_points", "gpkg_contents", "scans")
    before = table_snapshot(Path(path), tables)
    with pytest.raises(QgsProcessingException):
        run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": res["FOLDER"]})
    assert table_snapshot(Path(path), tables) == before
    assert not (Path(path).parent / fp.OFFICE_PHOTO_FOLDER).exists()


@pytest.mark.parametrize(
    "text",
    [
        "\\\\host\\share\\x.jpg",
        "//host/share/x.jpg",
        "\\\\?\\C:\\x.jpg",
        "\\\\.\\pipe\\x",
        "C:x.jpg",
        "/etc/passwd",
        "..\\x.jpg",
        "DCIM/../x.jpg",
        "https://example.org/x.jpg",
        "DCIM/\nx.jpg",
        "DCIM/x.jpg. ",
    ],
)
def test_paths_that_are_not_plain_never_touch_the_file_system(text, tmp_path, monkeypatch):
    """A UNC path is refused on its text: not even os.lstat sees it (on Windows that would connect)."""
    seen = []
    real_lstat = os.lstat
    monkeypatch.setattr(safe_files.os, "lstat", lambda p, *a, **k: seen.append(str(p)) or real_lstat(p, *a, **k))
    checked = safe_files.package_file(tmp_path, text)
    assert checked.path is None and "relative path" in checked.reason
    assert seen == []


def test_plain_relative_paths_are_found_under_dcim(tmp_path):
    (tmp_path / "DCIM" / "a").mkdir(parents=True)
    (tmp_path / "DCIM" / "a" / "x.jpg").write_bytes(b"x" * 10)
    (tmp_path / "DCIM" / "y.jpg").write_bytes(b"y")
    assert safe_files.package_file(tmp_path, "DCIM/a/x.jpg").path == tmp_path / "DCIM" / "a" / "x.jpg"
    assert safe_files.package_file(tmp_path, "DCIM\\a\\x.jpg").path == tmp_path / "DCIM" / "a" / "x.jpg"
    assert safe_files.package_file(tmp_path, "./DCIM/y.jpg").path == tmp_path / "DCIM" / "y.jpg"
    assert safe_files.package_file(tmp_path, "y.jpg").path == tmp_path / "DCIM" / "y.jpg"
    assert safe_files.package_file(tmp_path, "DCIM/a/x.jpg", limit_mb=5 / (1024 * 1024)).path is None
    # the whole DCIM folder a link (to another package): refused
    other = tmp_path / "ander"
    other.mkdir()
    (other / "DCIM").symlink_to(tmp_path / "DCIM", target_is_directory=True)
    assert "link" in safe_files.package_file(other, "DCIM/y.jpg").reason
