"""The common grounds of a 不予受理 (refusal) and their legal bases, offered at the counter as choices the
clerk may still edit. The texts are printed as written on the 不予受理通知书, so they stay in Chinese
whatever the UI language; `key` names each for the UI's own gloss.

Grounds follow 《中华人民共和国行政许可法》: Art. 32 §1 (1) the item needs no licence, (2) it is not within
this authority's powers (the applicant is told where to apply), (4) materials incomplete or not in the
legal form; Art. 78 concealment or false materials."""

from __future__ import annotations

from dataclasses import dataclass

LAW = "《中华人民共和国行政许可法》"


@dataclass(frozen=True)
class Basis:
    key: str
    text: str


@dataclass(frozen=True)
class Ground:
    key: str
    reason: str
    basis: Basis


ART32 = Basis("art32", f"{LAW}第三十二条")
ART32_1 = Basis("art32_1", f"{LAW}第三十二条第一款第（一）项")
ART32_2 = Basis("art32_2", f"{LAW}第三十二条第一款第（二）项")
ART32_4 = Basis("art32_4", f"{LAW}第三十二条第一款第（四）项")
ART78 = Basis("art78", f"{LAW}第七十八条")

BASES: tuple[Basis, ...] = (ART32, ART32_1, ART32_2, ART32_4, ART78)

GROUNDS: tuple[Ground, ...] = (
    Ground("incomplete", "申请材料不齐全且当场无法补正", ART32_4),
    Ground("not_our_power", "申请事项依法不属于本机关职权范围，请向有关行政机关申请", ART32_2),
    Ground("no_licence_needed", "申请事项依法不需要取得行政许可", ART32_1),
    Ground("false_materials", "申请人隐瞒有关情况或者提供虚假材料", ART78),
)


def basis_of(reason: str) -> Basis | None:
    """The basis that goes with a preset reason (None for a reason the clerk wrote)."""
    return next((g.basis for g in GROUNDS if g.reason == reason.strip()), None)
