"""Finding the texts of a window that were left in English.

Every text a documenter can read is collected: labels, buttons, menus and actions, tab
titles, list entries, column headers, group titles, placeholders, tooltips, window titles.
(Accessible names are not read: by the project's rule, an input's is its field name.)
A text is left untranslated when it still holds a Latin word once the things that are
written in Latin on purpose are removed: values set apart with directional isolates (names,
paths, codes filled into a sentence), file paths and patterns, p-codes and governorate
codes, all-capital abbreviations (CSV, UUID), and the names of the languages themselves.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from gui.i18n import LANGUAGE_NAMES

ISOLATED = re.compile("[\u2066\u2067\u2068][^\u2069]*\u2069")
TAGS = re.compile(r"<[^>]+>|&[a-z]+;|&#x?[0-9a-f]+;", re.IGNORECASE)
ON_PURPOSE = [
    re.compile(p) for p in (
        r"(?:[A-Za-z]:)?[\\/][^\s]*",          # paths
        r"\S+\.(?:db|csv|json|zip|keys|qm|ts|png)\b",  # file names
        r"\*\.\w+",                             # file patterns
        r"\bSY\d{2,8}\b",                       # p-codes, governorate codes
        r"\b[A-Z][A-Z0-9-]{1,7}\b",             # abbreviations: CSV, UUID, P-code as P-CODE
        r"\bP-code\b", r"\bp-code\b",
        r"\b\d{4}-\d{2}-\d{2}(?:T[\d:]+Z)?\b",  # dates
        r"\b(?:Ctrl|Shift|Alt|Meta|Cmd)\+\S*",  # shortcuts, as printed on the keys
        r"https?://\S+",
        r"\S+@\S+",
    )
]
LATIN = re.compile(r"[A-Za-z]{2,}")


def leftover(text: str, allowed: tuple[str, ...] = ()) -> str:
    """The Latin words left in `text` once what is Latin on purpose is removed."""
    text = TAGS.sub(" ", ISOLATED.sub(" ", text))
    for word in (*LANGUAGE_NAMES.values(), *allowed):
        if word:
            text = text.replace(word, " ")
    for pattern in ON_PURPOSE:
        text = pattern.sub(" ", text)
    return " ".join(LATIN.findall(text.replace("&", "")))


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every readable text of `root` and its children."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = w.objectName()
        if name.startswith("qt_"):  # Qt's own parts: translated by Qt's catalogue
            continue
        where = f"{type(w).__name__}({name})"
        if w.isWindow():
            yield where + ".windowTitle", w.windowTitle()
        yield where + ".toolTip", w.toolTip()
        yield where + ".whatsThis", w.whatsThis()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield where, w.text()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, (QLineEdit, QTextEdit | QPlainTextEdit)):
            yield where + ".placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            yield where + ".placeholder", w.placeholderText()
            for i in range(w.count()):
                yield f"{where}[{i}]", w.itemText(i)
        elif isinstance(w, QAbstractSpinBox) and not isinstance(w, QDateTimeEdit):
            yield where + ".special", w.specialValueText()
            for attr in ("prefix", "suffix"):
                if hasattr(w, attr):
                    yield f"{where}.{attr}", getattr(w, attr)()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{where}.tab[{i}]", w.tabText(i)
                yield f"{where}.tabToolTip[{i}]", w.tabToolTip(i)
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{where}.tab[{i}]", w.tabText(i)
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                yield f"{where}[{i}]", w.item(i).text()
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            for i in range(header.columnCount()):
                yield f"{where}.header[{i}]", header.text(i)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column, and its count is not public
                columns = 1
            for column in range(columns):
                value = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                yield f"{where}.header[{column}]", "" if value is None else str(value)
                tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
                yield f"{where}.headerToolTip[{column}]", "" if tip is None else str(tip)
        if isinstance(w, QMenu):
            yield where + ".title", w.title()
        for action in w.actions():
            yield from _action_texts(f"{where}.action({action.objectName()})", action)
    for action in root.findChildren(QAction):
        yield from _action_texts(f"QAction({action.objectName()})", action)


def _action_texts(where: str, action: QAction) -> Iterator[tuple[str, str]]:
    yield where, action.text()
    yield where + ".toolTip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
    yield where + ".statusTip", action.statusTip()
    menu = action.menu()
    if menu is not None:
        yield where + ".menu", menu.title()


def untranslated(root: QWidget, allowed: tuple[str, ...] = ()) -> list[str]:
    """`where: text` for each text of `root` that still holds Latin words."""
    found = []
    for where, text in texts(root):
        rest = leftover(text or "", allowed)
        if rest:
            found.append(f"{where}: {text!r} ({rest})")
    return sorted(set(found))
