"""A device-independent description of a printed slip: paper, lines of text, rules, a QR code, a cut.

Widths are counted in printer columns: an ASCII character takes one half-width column (12 dots), every
other character (GB18030 multi-byte: Chinese, full-width punctuation) takes two. Builders wrap text
so that every line fits its paper at its size; the renderers never wrap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "center", "right"]
PaperWidth = Literal[58, 80]


@dataclass(frozen=True)
class Paper:
    mm: PaperWidth
    dots: int  # printable width at 203 dpi (8 dots/mm)
    columns: int  # half-width characters of font A (12 x 24 dots)


PAPERS: dict[int, Paper] = {58: Paper(58, 384, 32), 80: Paper(80, 576, 48)}


def paper_for(width_mm: int) -> Paper:
    try:
        return PAPERS[width_mm]
    except KeyError:
        raise ValueError(f"paper width must be 58 or 80 mm, got {width_mm}") from None


@dataclass(frozen=True)
class TextLine:
    text: str
    align: Align = "left"
    width_mul: int = 1
    height_mul: int = 1
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    """A full-width separator line."""

    char: str = "-"


@dataclass(frozen=True)
class QrCode:
    payload: str
    module_dots: int = 6
    error_correction: Literal["L", "M", "Q", "H"] = "M"


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    partial: bool = True


Block = TextLine | Rule | QrCode | Feed | Cut


@dataclass(frozen=True)
class Layout:
    paper: Paper
    blocks: tuple[Block, ...]
    kind: str = "slip"  # ticket, receipt … (names the job and the preview file)

    def texts(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, TextLine)]


NO_LINE_START = set("，。、：；！？）》」』】,.:;!?)")


def char_columns(ch: str) -> int:
    return 1 if ord(ch) < 0x80 else 2


def text_columns(text: str) -> int:
    return sum(char_columns(c) for c in text)


def wrap(text: str, columns: int) -> list[str]:
    """Wrap by display columns, keeping ASCII words whole where possible; never returns an empty list."""
    if columns < 2:
        raise ValueError("at least 2 columns are needed to wrap text")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for token in _tokens(paragraph):
            width = text_columns(token)
            if used + text_columns(token.rstrip(" ")) > columns and line:
                carry = ""
                if token[0] in NO_LINE_START and len(line) > 1 and ord(line[-1]) >= 0x80:
                    line, carry = line[:-1], line[-1]  # keep closing punctuation off a line start
                lines.append(line.rstrip())
                line, used = carry, text_columns(carry)
                token = token.lstrip()
                width = text_columns(token)
            while width > columns:  # a token longer than a line: hard break
                head, head_w = _take(token, columns - used)
                lines.append(line + head)
                line, used, token = "", 0, token[len(head) :]
                width -= head_w
            line += token
            used += width
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    """ASCII words (with their trailing spaces) stay together; each other character is its own token."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ord(ch) < 0x80 and ch != " ":
            word += ch
            continue
        if ch == " ":
            tokens.append(word + " ")
        else:
            if word:
                tokens.append(word)
            tokens.append(ch)
        word = ""
    if word:
        tokens.append(word)
    return tokens


def _take(text: str, columns: int) -> tuple[str, int]:
    taken, used = "", 0
    for ch in text:
        w = char_columns(ch)
        if used + w > columns:
            break
        taken += ch
        used += w
    if not taken:  # a full-width character at the last free column: it still has to go somewhere
        taken, used = text[0], char_columns(text[0])
    return taken, used


def pad_to(text: str, columns: int, align: Align = "left") -> str:
    gap = max(0, columns - text_columns(text))
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


class LayoutBuilder:
    """Collects blocks for one paper width, wrapping text to fit."""

    def __init__(self, paper: Paper, kind: str) -> None:
        self.paper = paper
        self.kind = kind
        self.blocks: list[Block] = []

    def text(
        self, text: str, align: Align = "left", size: int = 1, bold: bool = False, height: int = 0
    ) -> None:
        width_mul, height_mul = size, height or size
        for line in wrap(text, self.paper.columns // width_mul):
            self.blocks.append(TextLine(line, align, width_mul, height_mul, bold))

    def field(self, label: str, value: str) -> None:
        """`label：value`, continuation lines indented under the value."""
        head = f"{label}："
        indent = text_columns(head)
        rest = self.paper.columns - indent
        if rest < 8:
            self.text(head + value)
            return
        lines = wrap(value, rest)
        self.blocks.append(TextLine(head + lines[0]))
        for more in lines[1:]:
            self.blocks.append(TextLine(" " * indent + more))

    def rule(self) -> None:
        self.blocks.append(Rule())

    def qr(self, payload: str, module_dots: int) -> None:
        self.blocks.append(QrCode(payload, module_dots))

    def feed(self, lines: int = 1) -> None:
        self.blocks.append(Feed(lines))

    def cut(self) -> None:
        self.blocks.append(Cut())

    def build(self) -> Layout:
        return Layout(self.paper, tuple(self.blocks), self.kind)
