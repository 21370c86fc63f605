"""A service guide (办事指南) printed on the kiosk's roll: what a citizen takes home to prepare the visit."""

from __future__ import annotations

from typing import Protocol

from printers.escpos.layout import Layout, LayoutBuilder, paper_for

DELIVERY_ZH = {"window": "窗口领取", "express": "快递送达", "online": "网上下载"}


class GuideMaterialLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def originals(self) -> int: ...
    @property
    def copies(self) -> int: ...
    @property
    def required(self) -> bool: ...


class GuideLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def department_name(self) -> str: ...
    @property
    def kind_zh(self) -> str: ...
    @property
    def time_limit_text(self) -> str: ...
    @property
    def fee(self) -> str: ...
    @property
    def location(self) -> str: ...
    @property
    def hours(self) -> str: ...
    @property
    def consult_phone(self) -> str: ...
    @property
    def conditions(self) -> str: ...
    @property
    def delivery(self) -> tuple[str, ...]: ...
    @property
    def materials(self) -> tuple[GuideMaterialLike, ...]: ...


def build_guide(hall_name: str, item: GuideLike, width_mm: int = 80) -> Layout:
    b = LayoutBuilder(paper_for(width_mm), "guide")
    b.text(hall_name, "center", bold=True)
    b.text("办事指南", "center", size=2, bold=True)
    b.rule()
    b.text(item.name, bold=True)
    b.field("事项编码", item.code)
    b.field("实施部门", item.department_name)
    b.field("办件类型", item.kind_zh)
    b.field("办理时限", item.time_limit_text)
    b.field("收费标准", item.fee)
    b.field("办理地点", item.location)
    b.field("办理时间", item.hours)
    if item.consult_phone:
        b.field("咨询电话", item.consult_phone)
    if item.conditions:
        b.field("受理条件", item.conditions)
    b.rule()
    b.text("申请材料", bold=True)
    for i, mat in enumerate(item.materials, 1):
        counts = "、".join(
            part
            for part in (
                f"原件{mat.originals}份" if mat.originals else "",
                f"复印件{mat.copies}份" if mat.copies else "",
            )
            if part
        )
        need = "" if mat.required else "（视情况提供）"
        b.text(f"{i}. {mat.name}{need}" + (f"：{counts}" if counts else ""))
    b.rule()
    b.field("结果送达", "、".join(DELIVERY_ZH.get(d, d) for d in item.delivery) or "窗口领取")
    b.text("材料齐全可一次办结；如有疑问请到服务台咨询。")
    b.feed(2)
    b.cut()
    return b.build()
