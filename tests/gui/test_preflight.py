"""The check before the window opens: missing X11 libraries are named with their packages."""
from __future__ import annotations

from gui import preflight

LDD = """\
\tlinux-vdso.so.1 (0x00007ffc)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibfancy.so.9 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""


def test_missing_libraries_are_read_from_ldd_once_each():
    assert preflight.missing_libraries(LDD) == [
        "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libfancy.so.9"]


def test_each_library_is_named_with_its_debian_package():
    packages, unknown = preflight.packages_for(preflight.missing_libraries(LDD))
    assert packages == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert unknown == ["libfancy.so.9"]


def test_the_check_says_exactly_what_to_install(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(preflight, "xcb_plugin", lambda: tmp_path / "libqxcb.so")
    monkeypatch.setattr(preflight, "ldd", lambda path: LDD)
    monkeypatch.setattr(preflight.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(preflight.sys, "platform", "linux")
    assert preflight.check({"DISPLAY": ":0"}) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in err
    assert "libfancy.so.9" in err


def test_as_root_it_installs_and_checks_again(monkeypatch, tmp_path):
    outputs = [LDD.replace("libfancy.so.9 => not found", ""), "\tlibc.so.6 => /lib/libc.so.6\n"]
    installed = []
    monkeypatch.setattr(preflight, "xcb_plugin", lambda: tmp_path / "libqxcb.so")
    monkeypatch.setattr(preflight, "ldd", lambda path: outputs.pop(0))
    monkeypatch.setattr(preflight.os, "geteuid", lambda: 0)
    monkeypatch.setattr(preflight.sys, "platform", "linux")
    monkeypatch.setattr(preflight, "install", lambda packages: installed.extend(packages) or True)
    assert preflight.check({"DISPLAY": ":0"}) == 0
    assert installed == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]


def test_nothing_is_checked_when_qt_is_told_to_use_another_platform(monkeypatch):
    monkeypatch.setattr(preflight, "xcb_plugin", lambda: (_ for _ in ()).throw(AssertionError("looked")))
    monkeypatch.setattr(preflight.sys, "platform", "linux")
    assert preflight.check({"QT_QPA_PLATFORM": "offscreen"}) == 0
    assert preflight.check({"WAYLAND_DISPLAY": "wayland-0"}) == 0


def test_the_real_plugin_is_found():
    plugin = preflight.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
