"""The language of messages that come from core (validation, vocabulary labels, reports).

Core stays free of Qt, so its user-facing strings are looked up here, from
`resources/messages.json` (English template → Arabic template). The GUI sets the
language at start-up with :func:`set_language`; the command line follows `TAWTHIQ_LANG`.

Templates are written literally as the first argument of :func:`tr` (or of a helper that
passes its literal on to it, such as `core.models._error`), so that a test can find them
all and check that each has an Arabic translation with the same placeholders.

Numbers and dates are written with Latin digits (0-9) in both languages, as the published
Arabic casualty reports write them, and dates as YYYY-MM-DD: one spelling for what is
typed, stored, exchanged and shown. A count has a comma between thousands in both
(1,382: :func:`number`), as the window's tables write it (Qt's en-GB and ar-AE locales). In Arabic, every filled-in value is wrapped in Unicode
directional isolates (:func:`isolate`) so that a Latin name, a p-code or a date inside an
Arabic sentence keeps its own direction and does not reorder the words around it.
"""
from __future__ import annotations

import json
import os
import re
from functools import cache

from core.paths import RESOURCES

LANGUAGES = ("en", "ar")
_language = os.environ.get("TAWTHIQ_LANG", "en") if os.environ.get("TAWTHIQ_LANG") in LANGUAGES else "en"


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _language = language


def language() -> str:
    return _language


FSI, PDI = "\u2068", "\u2069"  # first-strong isolate ... pop directional isolate
_PLACEHOLDER = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")


def isolate(text: object) -> str:
    """`text` wrapped so that its direction does not leak into the sentence around it."""
    return f"{FSI}{text}{PDI}"


def number(n: int) -> str:
    """A count as people read it, in either language: 1,382."""
    return f"{n:,}"


def placeholders(template: str) -> set[str]:
    """The names of the `{placeholders}` in a template."""
    return {m.group(0)[1:-1].split(":")[0].split("!")[0] for m in _PLACEHOLDER.finditer(template)}


@cache
def catalogue() -> dict[str, str]:
    """English template → Arabic template, as written in `resources/messages.json`."""
    path = RESOURCES / "messages.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.get("ar", {}).items() if v}


@cache
def _catalogue() -> dict[str, str]:
    # Placeholders are isolated in the template itself, so that values filled in later
    # (pydantic fills in its error context on its own) are isolated too.
    return {k: _PLACEHOLDER.sub(lambda m: isolate(m.group(0)), v) for k, v in catalogue().items()}


def tr(template: str, **params: object) -> str:
    """Translate an English message template into the current language and fill it in."""
    text = _catalogue().get(template, template) if _language == "ar" else template
    return text.format(**params) if params else text
