"""The hall workbook (大厅基础数据表): its sheets and columns, with the documentation the template carries.

One list of columns serves the reader, the writer and the template's 说明 sheet, so the three cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.catalog import ITEM_TYPES


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text / int / bool / days / list / choice / hours / steps
    required: bool = False
    doc: str = ""
    choices: dict[str, str] = field(default_factory=dict)  # label (Chinese) -> stored value
    width: int = 14

    def describe_format(self) -> str:
        if self.kind == "choice":
            return "其一：" + "、".join(self.choices)
        return {
            "text": "文字",
            "int": "非负整数",
            "bool": "是 / 否",
            "days": "工作日数，可含半天，如 2.5",
            "list": "多个值以“、”或“；”分隔",
            "hours": "如 09:00-12:00,13:30-17:30；周六 09:00-12:00；每天 08:00-20:00",
            "steps": "环节名:最长工作日，多个以“；”分隔，如 现场核查:10",
        }[self.kind]


@dataclass(frozen=True)
class Sheet:
    key: str
    name: str
    columns: tuple[Column, ...]
    required: bool = True
    doc: str = ""

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


YES = {"是": True, "否": False}
KINDS = {"即办件": "immediate", "承诺件": "promised", "联办件": "joint", "上报件": "reported"}
STATUSES = {"在用": "active", "暂停": "suspended", "已取消": "cancelled"}
DELIVERY = {"窗口领取": "window", "免费邮寄": "express"}
FORMS = {"纸质": "paper", "电子": "electronic", "纸质或电子": "both"}
WINDOW_KINDS = {"综合窗口": "comprehensive", "专业窗口": "special", "出件窗口": "delivery"}
SITE_LEVELS = {"县级中心": "county", "乡镇（街道）": "township", "村（社区）": "village"}
ROLES = {"窗口人员": "clerk", "大厅主任": "manager", "系统管理员": "admin", "后台审批人员": "backoffice"}
ITEM_LISTS = ("最多跑一次", "马上办", "网上办", "就近办", "一次不用跑", "告知承诺", "容缺受理", "跨省通办")

HALL = Sheet(
    "hall",
    "大厅",
    (
        Column("name", "大厅名称", required=True, width=24),
        Column("code", "大厅代码", required=True, doc="短代码，是办件编号的一部分，如 H01"),
        Column("address", "地址", width=30),
        Column("hours", "办公时间", width=30),
        Column("phone", "咨询电话"),
        Column("complaint_phone", "投诉电话"),
    ),
    required=False,
    doc="只填一行。省略本表则不改动大厅名称和代码。",
)
DEPARTMENTS = Sheet(
    "departments",
    "部门",
    (
        Column("code", "部门代码", required=True, doc="唯一；事项和人员用它指明部门"),
        Column("name", "部门名称", required=True, width=28),
        Column("short_name", "简称", required=True),
    ),
)
ITEMS = Sheet(
    "items",
    "事项",
    (
        Column("code", "事项编码", required=True, width=30, doc="唯一；再次导入时按编码更新"),
        Column("name", "事项名称", required=True, width=28),
        Column("department", "实施部门", required=True, doc="部门表的部门代码"),
        Column("co_departments", "联办部门", "list", doc="联办件的协办部门代码"),
        Column("category", "业务类别", required=True, doc="业务类别表的前缀（取号类别）"),
        Column("kind", "办件类型", "choice", required=True, choices=KINDS),
        Column("service_object", "服务对象", doc="如 自然人、法人"),
        Column(
            "item_type",
            "事项类型",
            "choice",
            choices={t: t for t in ITEM_TYPES},
            doc="决定受理文书的法律表述：仅行政许可引用《行政许可法》；留空为行政许可",
        ),
        Column("legal_basis", "设定依据", width=30),
        Column("conditions", "受理条件", width=30),
        Column("process", "办理流程", "list", doc="各环节以“、”或“→”分隔"),
        Column("legal_days", "法定时限", "days", required=True, doc="法定办结时限（工作日）；0 表示当场"),
        Column("promised_days", "承诺时限", "days", required=True, doc="承诺办结时限（工作日），不得超过法定时限"),
        Column("special_steps", "特殊环节", "steps", doc="不计入办理时限的环节，如 听证、检测、专家评审"),
        Column("fee_charged", "是否收费", "bool"),
        Column("fee_standard", "收费标准", doc="不收费时可留空"),
        Column("fee_basis", "收费依据"),
        Column("location", "办理地点", width=24),
        Column("hours", "办理时间", width=24),
        Column("visits", "到现场次数", "int"),
        Column("scope", "通办范围", doc="如 全市通办、全省通办、跨省通办"),
        Column("delivery", "送达方式", "list", choices=DELIVERY),
        Column("online", "网上办理", "bool"),
        Column("consult_phone", "咨询电话"),
        Column("complaint_phone", "监督投诉电话"),
        Column("lists", "所属清单", "list", doc="如 " + "、".join(ITEM_LISTS)),
        Column("status", "状态", "choice", choices=STATUSES, doc="留空为在用；暂停、已取消的事项不能新受理"),
        Column("name_en", "英文名称", width=28, doc="可选；英文界面显示，留空显示中文名称"),
    ),
    doc="每行一个事项（办事指南）。",
)
MATERIALS = Sheet(
    "materials",
    "材料",
    (
        Column("item", "事项编码", required=True, width=30, doc="事项表的编码"),
        Column("name", "材料名称", required=True, width=30),
        Column("originals", "原件份数", "int"),
        Column("copies", "复印件份数", "int"),
        Column("required", "是否必要", "bool", doc="否：只在“适用情形”所写的情形下提供"),
        Column("required_note", "适用情形", width=20),
        Column("deferrable", "可容缺", "bool"),
        Column("commitment", "可告知承诺", "bool", doc="可以书面承诺代替（证明事项告知承诺制）"),
        Column("form", "载体", "choice", choices=FORMS),
        Column("source", "来源渠道"),
        Column("blank_form", "空白表格", doc="空白表格的文件名"),
        Column("sample", "示例样表", doc="示例样表的文件名或说明"),
    ),
    doc="每行一份材料，按事项内的顺序排列。",
)
FAQ = Sheet(
    "faq",
    "常见问题",
    (
        Column("item", "事项编码", required=True, width=30),
        Column("q", "问题", required=True, width=30),
        Column("a", "解答", required=True, width=40),
    ),
    required=False,
)
CATEGORIES = Sheet(
    "categories",
    "业务类别",
    (
        Column("prefix", "前缀", required=True, doc="一个大写字母，印在号码前，如 A023"),
        Column("name", "类别名称", required=True),
        Column("description", "说明", width=30),
        Column("sort_order", "排序", "int"),
        Column("hours", "取号时间", "hours", width=30, doc="留空：不限时间"),
        Column("daily_quota", "每日限额", "int", doc="留空：不限"),
        Column("cutoff_minutes", "截止提前分钟", "int", doc="每段闭馆前多少分钟停止取号"),
        Column("name_en", "英文名称", width=24, doc="可选；英文界面（叫号屏、取号机）显示，留空显示中文名称"),
    ),
)
WINDOWS = Sheet(
    "windows",
    "窗口",
    (
        Column("number", "窗口号", "int", required=True),
        Column("name", "窗口名称", required=True),
        Column("kind", "窗口类型", "choice", choices=WINDOW_KINDS),
        Column("categories", "服务类别", "list", required=True, doc="按优先顺序的类别前缀，如 A、J"),
        Column("spot_items", "即办授权事项", "list", width=30, doc="本窗口可当场决定的事项编码"),
        Column("post_a", "A岗", doc="A 岗人员的用户名"),
        Column("post_b", "B岗", doc="B 岗（替补）人员的用户名"),
        Column("site", "所属站点", doc="站点表中的站点编码；留空：本中心大厅"),
    ),
)
SITES = Sheet(
    "sites",
    "站点",
    (
        Column("code", "站点编码", required=True, doc="唯一，如 XZ01（乡镇）、XZ01-C03（村）"),
        Column("name", "站点名称", required=True, width=24),
        Column("level", "层级", "choice", required=True, choices=SITE_LEVELS),
        Column("parent", "上级站点", doc="上一级站点的编码；县级中心留空"),
        Column("hours", "办公时间", "hours", width=30),
        Column("address", "地址", width=30),
        Column("phone", "电话"),
        Column("items", "可办事项", "list", width=40, doc="本站点可受理的事项编码；留空：全部事项"),
    ),
    required=False,
    doc="县、乡、村三级政务服务体系：一个县级中心，其下乡镇（街道）便民服务中心，再下村（社区）便民服务站",
)
STAFF = Sheet(
    "staff",
    "人员",
    (
        Column("username", "用户名", required=True, doc="唯一；密码不在表中，由管理员在控制台设置"),
        Column("full_name", "姓名", required=True),
        Column("role", "角色", "choice", required=True, choices=ROLES),
        Column("department", "部门", doc="部门代码"),
        Column("window", "窗口号", "int"),
    ),
    required=False,
)

SHEETS: tuple[Sheet, ...] = (HALL, DEPARTMENTS, CATEGORIES, ITEMS, MATERIALS, FAQ, SITES, WINDOWS, STAFF)
DOC_SHEET = "说明"
