"""Repository-wide pytest set-up: headless Qt and the import path."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_runtime = Path(f"/tmp/runtime-{os.getuid()}")
_runtime.mkdir(mode=0o700, exist_ok=True)
os.environ.setdefault("XDG_RUNTIME_DIR", str(_runtime))
# pyproj in a venv looks for its data under the venv; Debian keeps it here.
if Path("/usr/share/proj/proj.db").exists():
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
sys.path.insert(0, str(Path(__file__).resolve().parent))
