"""Pinyin input for the kiosk's on-screen keyboard (Qt-free): the letters typed → Chinese candidates.

The data is pypinyin's (already a dependency for the catalog search): its phrase dictionary and its
per-character readings, limited to the 3,755 common characters of GB 2312 level 1 and to phrases of
2–4 of them. A character ranks by how many phrases use it (a fair proxy for frequency; pypinyin has no
counts) after the characters whose first reading it is, a phrase by the sum of its characters' ranks. Built once, on first use (about 2 s: the kiosk
builds it in the background when the keyboard is first shown)."""

from __future__ import annotations

import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass

MAX_CANDIDATES = 10


def _plain(reading: str) -> str:
    """`lǜ` → `lv`: a reading without tone marks, ü as v (as every pinyin keyboard types it)."""
    text = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _level1() -> list[str]:
    out = []
    for b1 in range(0xB0, 0xD8):
        for b2 in range(0xA1, 0xFF):
            try:
                out.append(bytes([b1, b2]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


@dataclass(frozen=True)
class Candidate:
    text: str
    consumed: int  # how many of the typed letters it stands for


class PinyinIndex:
    """letters → candidates; thread-safe lazy build."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._phrases: dict[str, list[str]] | None = None
        self._chars: dict[str, list[str]] = {}

    def build(self) -> None:
        with self._lock:
            if self._phrases is not None:
                return
            from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

            common = _level1()
            known = set(common)
            uses: Counter[str] = Counter()
            phrases: dict[str, list[str]] = {}
            for phrase, readings in PHRASES_DICT.items():
                if 2 <= len(phrase) <= 4 and all(c in known for c in phrase) and len(readings) == len(phrase):
                    uses.update(phrase)
                    phrases.setdefault("".join(_plain(r[0]) for r in readings), []).append(phrase)
            chars: dict[str, list[str]] = {}
            primary: set[tuple[str, str]] = set()  # (reading, character) where it is the character's first reading
            for ch in common:
                for n, reading in enumerate(PINYIN_DICT.get(ord(ch), "").split(",")):
                    if reading:
                        key = _plain(reading)
                        if n == 0:
                            primary.add((key, ch))
                        if ch not in chars.setdefault(key, []):
                            chars[key].append(ch)
            for key in chars:
                chars[key].sort(key=lambda c, k=key: ((k, c) not in primary, -uses[c]))
            for key in phrases:
                phrases[key].sort(key=lambda p: -sum(uses[c] for c in p))
            self._chars, self._phrases = chars, phrases

    def build_in_background(self) -> None:
        """Build on a thread of its own (the kiosk's start, the keyboard's first showing): never on the GUI thread."""
        if self._phrases is None:
            threading.Thread(target=self.build, name="pinyin-index", daemon=True).start()

    def candidates(self, letters: str, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        """What `letters` may mean: whole phrases first, then the characters of the longest syllable
        the letters start with (choosing one consumes its letters; the rest stays to be chosen)."""
        letters = letters.lower()
        if not letters:
            return []
        self.build()
        assert self._phrases is not None
        out: list[Candidate] = []
        seen: set[str] = set()

        def add(text: str, consumed: int) -> None:
            if text not in seen and len(out) < limit:
                seen.add(text)
                out.append(Candidate(text, consumed))

        for phrase in self._phrases.get(letters, []):
            add(phrase, len(letters))
        for k in range(min(len(letters), 6), 0, -1):  # the longest syllable at the start (a pinyin syllable ≤ 6 letters)
            if letters[:k] in self._chars:
                for length in range(len(letters) - 1, k, -1):  # a phrase covering part of the letters
                    for phrase in self._phrases.get(letters[:length], [])[:3]:
                        add(phrase, length)
                for ch in self._chars[letters[:k]]:
                    add(ch, k)
                break
        if not out:  # a syllable still being typed ("zh"): characters whose reading starts so
            for key in sorted(k for k in self._chars if k.startswith(letters))[:8]:
                for ch in self._chars[key][:2]:
                    add(ch, len(letters))
        return out


INDEX = PinyinIndex()
