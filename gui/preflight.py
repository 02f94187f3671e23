"""Before the window opens: can Qt show a window on this desktop?

On Linux, Qt's X11 plugin (xcb) needs system libraries that a fresh Debian or Ubuntu
lacks (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, ...). Without them the window dies
with an obscure message about the "xcb" plugin. This check finds the missing libraries
with `ldd`, names the packages that provide them, and installs them when run as root.

Run as `python -m gui.preflight` (`make run` does). Exit 0: ready; 1: something is
missing, with what to do on stderr. It imports no Qt module, only locates the plugin.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

# The library files Qt's xcb plugin loads, and the Debian/Ubuntu package of each.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
}


def xcb_plugin() -> Path | None:
    """The xcb platform plugin of the installed PySide6, without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        plugin = Path(base) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def missing_libraries(ldd_output: str) -> list[str]:
    """The library names `ldd` reports as 'not found', each once, in order."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        if "=> not found" in line:
            name = line.split("=>")[0].strip()
            if name not in missing:
                missing.append(name)
    return missing


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """Debian packages for the libraries, and the libraries no package is known for."""
    packages: list[str] = []
    unknown: list[str] = []
    for library in libraries:
        package = DEBIAN_PACKAGES.get(library)
        if package is None:
            unknown.append(library)
        elif package not in packages:
            packages.append(package)
    return packages, unknown


def uses_xcb(environ: dict[str, str]) -> bool:
    """Whether Qt will pick the X11 plugin: not when a platform is forced, nor on Wayland."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def ldd(path: Path) -> str:
    result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False)
    return result.stdout + result.stderr


def install(packages: list[str]) -> bool:
    """Install packages with apt-get (root only). True when it succeeded."""
    apt = shutil.which("apt-get")
    if apt is None:
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"Installing the libraries Qt needs to open a window: {' '.join(packages)}", file=sys.stderr)
    update = subprocess.run([apt, "update", "-qq"], env=env, check=False)
    if update.returncode != 0:
        return False
    done = subprocess.run([apt, "install", "-y", "-qq", "--no-install-recommends", *packages], env=env, check=False)
    return done.returncode == 0


def check(environ: dict[str, str] | None = None) -> int:
    environ = dict(os.environ if environ is None else environ)
    if not sys.platform.startswith("linux") or not uses_xcb(environ):
        return 0
    plugin = xcb_plugin()
    if plugin is None:
        return 0  # Qt will say itself that PySide6 is missing; nothing to add here
    if shutil.which("ldd") is None:
        return 0
    missing = missing_libraries(ldd(plugin))
    if not missing:
        if not environ.get("DISPLAY"):
            print("Tawthiq needs a desktop to open its window: no DISPLAY is set here.\n"
                  "Run it from a desktop session, or under a virtual screen (for example xvfb-run make run).",
                  file=sys.stderr)
            return 1
        return 0
    packages, unknown = packages_for(missing)
    if packages and hasattr(os, "geteuid") and os.geteuid() == 0 and install(packages):
        return check(environ)
    lines = ["Qt cannot open a window here: these system libraries are missing:",
             "  " + " ".join(missing)]
    if packages:
        lines += ["Install them with:", f"  sudo apt-get install {' '.join(packages)}"]
    if unknown:
        lines += ["No package is known here for: " + " ".join(unknown) + " (search your distribution's packages)."]
    lines.append("Then run `make run` again.")
    print("\n".join(lines), file=sys.stderr)
    return 1


def main() -> int:
    return check()


if __name__ == "__main__":
    raise SystemExit(main())
