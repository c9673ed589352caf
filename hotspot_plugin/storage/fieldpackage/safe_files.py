"""Files named inside a returned field package: read only what lies in the package's photo folder.

A returned package comes from outside the office (a phone, a USB stick, a mail). The path in a
finding's ``photo`` field is text its sender chose, so it is checked as text first and touches the
file system only when it is safe to:

* it must be a relative path: no ``/etc/passwd``, no ``C:\\...``, no ``\\\\host\\share`` or
  ``//host/share`` (on Windows even looking at a UNC path makes QGIS connect to that machine), no
  ``file://`` or other URL;
* no ``..`` part (``../../x``, ``..\\..\\x``) and no control characters;
* it is looked up under the package's ``DCIM/`` folder (``DCIM/x.jpg`` and ``x.jpg`` both mean
  ``<package>/DCIM/x.jpg``); no folder on the way and not the file itself may be a symbolic link, and
  the resolved path must still lie inside ``DCIM/`` (a Windows junction);
* it must be a regular file (not a device, a pipe or a folder) with one name only (no hard link),
  of at most :data:`MAX_PHOTO_MB` MB (a setting of the import).

Anything else is refused with a reason; the finding itself is still imported, without the photo.
:func:`copy_checked` copies a checked file without following a link swapped in since the check and
stops at the size limit.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ...core.i18n import N_
from .common import PHOTO_FOLDER

#: The largest photo an import copies, in MB (the import's MAX_PHOTO_MB parameter sets it).
MAX_PHOTO_MB = 25.0

_DRIVE = re.compile(r"^[A-Za-z]:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
NOT_IN_PACKAGE = N_("the file is not in the package")


@dataclass(frozen=True)
class PackageFile:
    """The outcome of checking one path of a package: the file, or why it was refused."""

    path: Optional[Path] = None
    reason: str = ""  # an N_ template; {size} and {limit} may be filled in
    size_mb: float = 0.0


def max_bytes(limit_mb: Optional[float]) -> int:
    """The size limit in bytes (the default when *limit_mb* is None or not positive)."""
    mb = MAX_PHOTO_MB if limit_mb is None or limit_mb <= 0 else float(limit_mb)
    return int(mb * 1024 * 1024)


def plain_parts(text: str) -> Optional[tuple]:
    """The parts of *text* when it is a plain relative path (no root, drive, UNC, URL or ``..``), else None."""
    if not text or _CONTROL.search(text):
        return None
    norm = text.replace("\\", "/")
    if norm.startswith("/") or _DRIVE.match(norm) or _SCHEME.match(norm):
        return None
    parts = [p for p in norm.split("/") if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    if any(p.strip() != p or p.endswith(".") for p in parts):
        return None  # Windows strips trailing dots and spaces: "..." or ".. " would mean another name
    return tuple(parts)


def relative_parts(text: str) -> Optional[tuple]:
    """The parts of a safe relative path under DCIM/, or None when *text* is not one (pure text check)."""
    parts = plain_parts(text)
    if parts and parts[0].lower() == PHOTO_FOLDER.lower():
        parts = parts[1:]
    return parts or None


def office_file_exists(folder: Path, text: Optional[str]) -> bool:
    """Whether the office's relative path *text* names a file under *folder* (never looks elsewhere)."""
    parts = plain_parts(text or "")
    return bool(parts) and Path(folder, *parts).is_file()


def package_file(folder: Path, text: Optional[str], limit_mb: Optional[float] = None) -> PackageFile:
    """Check the path *text* of a package in *folder* (see the module docstring)."""
    parts = relative_parts(text or "")
    if parts is None:
        return PackageFile(
            reason=N_("the path is not a plain relative path inside the package's DCIM folder")
        )
    base = Path(folder) / PHOTO_FOLDER
    current = base
    for k, part in enumerate(("",) + parts):
        if part:
            current = current / part
        try:
            st = os.lstat(current)
        except OSError:
            return PackageFile(reason=NOT_IN_PACKAGE)
        if stat.S_ISLNK(st.st_mode):
            return PackageFile(reason=N_("the path is a link, possibly to a file outside the package"))
        last = k == len(parts)
        if not last and not stat.S_ISDIR(st.st_mode):
            return PackageFile(reason=NOT_IN_PACKAGE)
    if not stat.S_ISREG(st.st_mode):
        return PackageFile(reason=N_("it is not a regular file"))
    if st.st_nlink > 1:
        return PackageFile(reason=N_("the file has several names (a hard link)"))
    try:
        real_base = os.path.realpath(base)
        real = os.path.realpath(current)
    except OSError:
        return PackageFile(reason=NOT_IN_PACKAGE)
    if os.path.commonpath([real_base, real]) != real_base:
        return PackageFile(reason=N_("the path is a link, possibly to a file outside the package"))
    size_mb = st.st_size / (1024 * 1024)
    if st.st_size > max_bytes(limit_mb):
        return PackageFile(
            reason=N_("the file is {size} MB, more than the limit of {limit} MB"), size_mb=size_mb
        )
    return PackageFile(path=current, size_mb=size_mb)


def copy_checked(source: Path, target: Path, limit: int) -> None:
    """Copy *source* to *target* without following links, at most *limit* bytes (OSError otherwise)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(source, flags)
    with os.fdopen(fd, "rb") as src:
        st = os.fstat(src.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            raise OSError(f"{source} changed since it was checked")
        with open(target, "wb") as dst:
            copied = 0
            while True:
                chunk = src.read(1024 * 1024)
                if not chunk:
                    break
                copied += len(chunk)
                if copied > limit:
                    raise OSError(f"{source} grew beyond {limit} bytes while it was copied")
                dst.write(chunk)
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # as shutil.copy2 keeps the photo's time
