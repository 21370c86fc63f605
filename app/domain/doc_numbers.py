"""Document numbers of the notices (文书编号), e.g. 「章政服受〔2026〕第0007号」: a configurable pattern, one
gap-free sequence per notice kind and year for the whole hall.

The counter works offline-first, so it cannot ask the center for every number: it leases a block of the
hall's sequence while online (like the kiosks' offline ticket numbers) and uses it locally. When the block
is used up and the center cannot be reached, it falls back to the *offline* pattern, which carries the
terminal's enrollment tag and its own sequence, so two counters never print the same number."""

from __future__ import annotations

from enum import StrEnum


class DocKind(StrEnum):
    """The character of each notice in its number (受 for 受理通知书 …)."""

    ACCEPTANCE = "受"  # 受理通知书
    DEFERRAL = "容"  # 容缺受理承诺书
    NOTIFY = "告"  # 一次性告知书
    REFUSAL = "不受"  # 不予受理通知书
    CORRECTION = "补"  # 补正告知书
    COMMITMENT = "诺"  # 告知承诺书
    AGENCY = "代"  # 帮办代办登记表
    # the papers the center draws for the back office's steps (app/center/case_papers.py)
    APPROVAL = "准"  # 准予行政许可决定书
    DENIAL = "不准"  # 不予行政许可决定书
    RESULT = "结"  # 办理结果通知书 (an item that is not a 行政许可)
    TERMINATION = "终"  # 终止办理通知书


DEFAULT_PATTERN = "{org}{kind}〔{year}〕第{seq:04d}号"
DEFAULT_OFFLINE_PATTERN = "{org}{kind}〔{year}〕第{tag:02d}-{seq:04d}号"
FIELDS = ("org", "kind", "year", "seq", "tag")


class BadPattern(ValueError):
    pass


def format_number(pattern: str, *, org: str, kind: DocKind, year: int, seq: int, tag: int = 0) -> str:
    try:
        return pattern.format(org=org, kind=kind.value, year=year, seq=seq, tag=tag)
    except (KeyError, IndexError, ValueError) as exc:
        raise BadPattern(
            f"文书编号格式有误：{pattern!r}（可用字段 {', '.join(FIELDS)}）/ bad document number pattern: {exc}"
        ) from exc


def check_pattern(pattern: str, *, offline: bool = False) -> str:
    """A pattern must contain the sequence (and, offline, the terminal tag) or numbers would repeat."""
    format_number(pattern, org="X", kind=DocKind.ACCEPTANCE, year=2026, seq=1, tag=1)
    needed = ["{seq", "{kind"] + (["{tag"] if offline else [])
    missing = [f for f in needed if f not in pattern]
    if missing:
        raise BadPattern(f"文书编号格式缺少 {'、'.join(f + '}' for f in missing)}：{pattern!r}")
    return pattern
