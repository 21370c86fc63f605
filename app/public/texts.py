"""Every text of the phone pages, written once in English and marked for the one catalogue (`app.i18n`:
lupdate finds the QT_TRANSLATE_NOOP markers, tools/translations_zh.json fills the Chinese)."""

from __future__ import annotations

from app.i18n import DEFAULT_LANGUAGE, LANGUAGES, QT_TRANSLATE_NOOP, translate

CONTEXT = "PublicPage"

T = {
    "title": QT_TRANSLATE_NOOP("PublicPage", "Ticket {number}"),
    "heading": QT_TRANSLATE_NOOP("PublicPage", "Your queue ticket"),
    "category": QT_TRANSLATE_NOOP("PublicPage", "Service: {name}"),
    "ahead": QT_TRANSLATE_NOOP("PublicPage", "People ahead of you: {n}"),
    "next": QT_TRANSLATE_NOOP("PublicPage", "You are next. Please stay near the windows."),
    "wait": QT_TRANSLATE_NOOP("PublicPage", "Estimated wait: about {m} min"),
    "no_window": QT_TRANSLATE_NOOP("PublicPage", "No window serves this category right now: please wait."),
    "called": QT_TRANSLATE_NOOP("PublicPage", "Please go to window {window}"),
    "called_hint": QT_TRANSLATE_NOOP("PublicPage", "Your number has been called."),
    "serving": QT_TRANSLATE_NOOP("PublicPage", "Being served at window {window}"),
    "done": QT_TRANSLATE_NOOP("PublicPage", "Finished. Thank you for waiting."),
    "no_show": QT_TRANSLATE_NOOP(
        "PublicPage", "Missed: your number was called while you were away. Please ask at the service desk."
    ),
    "cancelled": QT_TRANSLATE_NOOP("PublicPage", "This ticket is no longer valid."),
    "other_day": QT_TRANSLATE_NOOP("PublicPage", "This ticket was for {day}."),
    "not_found": QT_TRANSLATE_NOOP("PublicPage", "No such ticket. Please scan the QR code on your ticket again."),
    "center_down": QT_TRANSLATE_NOOP("PublicPage", "The queue cannot be reached right now. Please try again soon."),
    "issued": QT_TRANSLATE_NOOP("PublicPage", "Taken at {time}"),
    "updated": QT_TRANSLATE_NOOP("PublicPage", "Updated {time}"),
    "live": QT_TRANSLATE_NOOP("PublicPage", "This page updates by itself."),
    "offline": QT_TRANSLATE_NOOP("PublicPage", "Connection lost, reconnecting…"),
    "sound_on": QT_TRANSLATE_NOOP("PublicPage", "Turn on the call sound"),
    "sound_ready": QT_TRANSLATE_NOOP("PublicPage", "The call sound is on"),
}
# the link to the other language, named in that language (not translated)
SWITCH = {"zh_CN": ("en", "English"), "en": ("zh_CN", "中文")}


def language(requested: str | None) -> str:
    """The page's language: `?lang=en` or zh_CN (the default; anything unknown falls back to it)."""
    if requested in LANGUAGES:
        return str(requested)
    if requested in ("zh", "zh-CN", "zh_cn"):
        return "zh_CN"
    return DEFAULT_LANGUAGE


def text(key: str, lang: str, **params: object) -> str:
    return translate(CONTEXT, T[key], lang, **params)
