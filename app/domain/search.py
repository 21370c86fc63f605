"""Catalog search as a clerk or citizen types: by item code, name, pinyin initials (`yyzz` → 营业执照…,
polyphones included: 行 is both h and x), full pinyin, or department. Everything is precomputed when the
index is built, so each keystroke is a scan of short strings (well under 30 ms for 1,000 items)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

MAX_VARIANTS = 32
_SPACES = re.compile(r"\s+")


class Searchable(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def department(self) -> str: ...


T = TypeVar("T", bound=Searchable)


def initials_variants(text: str) -> list[str]:
    """The initials of `text`: first as read in context (营业执照 → yyzz), then other readings of its
    polyphones (银行 → yh, also yx), capped at MAX_VARIANTS."""
    from pypinyin import Style, pinyin  # imported on first use: it takes 0.2 s, a kiosk starts without it

    contextual = "".join(p[0][:1] for p in pinyin(text, style=Style.FIRST_LETTER, errors=_KEEP)).lower()
    options = []
    for ch in text:
        readings = pinyin(ch, style=Style.FIRST_LETTER, heteronym=True, errors=_KEEP)[0]
        options.append(sorted({r[:1].lower() for r in readings if r}) or [""])
    out = [contextual]
    for combo in itertools.islice(itertools.product(*options), MAX_VARIANTS):
        variant = "".join(combo)
        if variant not in out:
            out.append(variant)
    return out


def _keep(text: str) -> list[str]:
    return [c.lower() for c in text]


# pypinyin accepts a list from its `errors` callback (one item per character); its stubs say str
_KEEP: Any = _keep


def full_pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text, errors=_KEEP)).lower()


@dataclass(frozen=True)
class _Entry(Generic[T]):
    obj: T
    code: str
    name: str
    initials: tuple[str, ...]
    spelled: str
    department: str


class CatalogIndex(Generic[T]):
    def __init__(self, items: Iterable[T], department_names: dict[str, str] | None = None) -> None:
        names = department_names or {}
        self._entries = [
            _Entry(
                obj=it,
                code=it.code.lower(),
                name=it.name,
                initials=tuple(initials_variants(it.name)),
                spelled=full_pinyin(it.name),
                department=(names.get(it.department, "") + " " + it.department).lower(),
            )
            for it in items
        ]

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, limit: int = 20, department: str | None = None) -> list[T]:
        q = _SPACES.sub("", query or "").lower()
        if not q:
            return []
        ranked: list[tuple[int, int, int, T]] = []
        for order, e in enumerate(self._entries):
            if department is not None and getattr(e.obj, "department", None) != department:
                continue
            rank = self._rank(e, q)
            if rank is not None:
                ranked.append((rank[0], rank[1], order, e.obj))
        ranked.sort(key=lambda r: (r[0], r[1], r[2]))
        return [r[3] for r in ranked[:limit]]

    @staticmethod
    def _rank(e: _Entry[T], q: str) -> tuple[int, int] | None:
        if e.code == q:
            return (0, 0)
        if e.code.startswith(q) and len(q) >= 4:
            return (1, 0)
        pos = e.name.lower().find(q)
        if pos >= 0:
            return (2, pos)
        if q.isascii():
            best = min((i.find(q) for i in e.initials if q in i), default=-1)
            if best >= 0:
                return (3, best)
            pos = e.spelled.find(q)
            if pos >= 0 and len(q) >= 2:
                return (4, pos)
        if q in e.department:
            return (5, 0)
        return None
