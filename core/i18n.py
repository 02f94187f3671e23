"""The language of messages that come from core (validation, vocabulary labels, reports).

Core stays free of Qt, so its user-facing strings are looked up here, from
`resources/messages.json` (English template → Arabic template). The GUI sets the
language at start-up with :func:`set_language`; the command line follows `TAWTHIQ_LANG`.
"""
from __future__ import annotations

import json
import os
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


@cache
def _catalogue() -> dict[str, str]:
    path = RESOURCES / "messages.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.get("ar", {}).items() if v}


def tr(template: str, **params: object) -> str:
    """Translate an English message template into the current language and fill it in."""
    text = _catalogue().get(template, template) if _language == "ar" else template
    return text.format(**params) if params else text
