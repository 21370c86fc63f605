"""好差评 levels in the wording of GB/T 39734 (政务服务评价工作指南)."""

from __future__ import annotations

LEVELS: dict[int, str] = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
BAD = frozenset({1, 2})  # a bad rating: reasons asked, a rectification opened
# the reasons offered for a bad rating (the kiosk's and the phone's)
BAD_REASONS = ("等候时间长", "服务态度差", "一次性告知不清楚", "办理效率低", "多次跑腿", "环境设施差")
