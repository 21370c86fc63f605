"""The kiosk's look: large touch targets, high contrast; the elderly mode scales every size ×1.5 or more
and switches to black / yellow."""

from __future__ import annotations

NORMAL = {
    "bg": "#eef3fa",
    "panel": "#ffffff",
    "text": "#13233a",
    "muted": "#4a5b73",
    "accent": "#0b57d0",
    "accent_text": "#ffffff",
    "warn_bg": "#fff3cd",
    "warn_text": "#7a4f00",
    "bad_bg": "#fde2e1",
    "bad_text": "#a50e0e",
    "ok_text": "#137333",
    "number": "#c5221f",
}
ELDERLY = {
    "bg": "#000000",
    "panel": "#111111",
    "text": "#ffffff",
    "muted": "#ffe066",
    "accent": "#ffd400",
    "accent_text": "#000000",
    "warn_bg": "#ffd400",
    "warn_text": "#000000",
    "bad_bg": "#ff5c5c",
    "bad_text": "#000000",
    "ok_text": "#7CFC9A",
    "number": "#ffd400",
}


def kiosk_qss(elderly: bool, scale: float = 1.5) -> str:
    c = ELDERLY if elderly else NORMAL
    k = scale if elderly else 1.0

    # the on-screen keyboard's keys: 62 px (15 mm on a 21.5" 1080p panel), ×1.25 in the elderly mode so that six
    # rows of them fit a landscape screen with the text above
    key_h = int(62 * (1.25 if elderly else 1.0))

    def px(v: float) -> str:
        return f"{round(v * k)}px"

    return f"""
QWidget#kiosk {{ background: {c["bg"]}; }}
QWidget {{ color: {c["text"]}; font-size: {px(24)}; }}
QLabel#hall {{ font-size: {px(30)}; font-weight: bold; color: {c["text"]}; }}
QLabel#clock {{ font-size: {px(24)}; color: {c["muted"]}; }}
QLabel#title {{ font-size: {px(40)}; font-weight: bold; }}
QLabel#prompt {{ font-size: {px(30)}; }}
QLabel#hint {{ font-size: {px(22)}; color: {c["muted"]}; }}
QLabel#message {{ font-size: {px(26)}; background: {c["warn_bg"]}; color: {c["warn_text"]};
                 padding: 12px; border-radius: 8px; }}
QLabel#error {{ font-size: {px(26)}; background: {c["bad_bg"]}; color: {c["bad_text"]};
               padding: 12px; border-radius: 8px; }}
QLabel#banner {{ font-size: {px(22)}; background: {c["bad_bg"]}; color: {c["bad_text"]}; padding: 6px 14px; }}
QLabel#countdown {{ font-size: {px(26)}; background: {c["warn_bg"]}; color: {c["warn_text"]};
                   padding: 6px 14px; border-radius: 8px; }}
QLabel#number {{ font-size: {px(150)}; font-weight: bold; color: {c["number"]}; }}
QLabel#big {{ font-size: {px(36)}; font-weight: bold; }}
QLabel#ok {{ font-size: {px(32)}; color: {c["ok_text"]}; font-weight: bold; }}
QLabel#body {{ font-size: {px(22)}; }}
QLabel#notice {{ font-size: {px(26)}; }}
QLabel#step_done {{ font-size: {px(26)}; color: {c["ok_text"]}; font-weight: bold; }}
QLabel#step_current {{ font-size: {px(26)}; color: {c["accent_text"]}; background: {c["accent"]}; border-radius: 10px;
                      padding: 8px; font-weight: bold; }}
QLabel#step_pending {{ font-size: {px(26)}; color: {c["muted"]}; }}
QFrame#panel {{ background: {c["panel"]}; border-radius: 12px; }}
QPushButton {{ font-size: {px(26)}; min-height: {px(72)}; padding: 6px 18px; border-radius: 12px;
              background: {c["panel"]}; color: {c["text"]}; border: 2px solid {c["accent"]}; }}
QPushButton#tile {{ font-size: {px(34)}; font-weight: bold; min-height: {px(150)};
                   background: {c["accent"]}; color: {c["accent_text"]}; border: none; }}
QPushButton#tile[main="true"] {{ font-size: {px(52)}; min-height: {px(200)}; }}
QPushButton#primary {{ background: {c["accent"]}; color: {c["accent_text"]}; border: none; font-weight: bold; }}
QPushButton#key {{ font-size: {px(34)}; min-height: {px(76)}; min-width: 56px; padding: 4px; }}
QPushButton#osk_key {{ font-size: {px(30)}; min-height: {key_h}px; max-height: {key_h}px; min-width: 20px; padding: 2px;
                      border-radius: 8px; }}
QPushButton#candidate {{ font-size: {px(32)}; min-height: {key_h}px; max-height: {key_h}px; padding: 2px 10px; border-radius: 8px;
                        background: {c["warn_bg"]}; color: {c["warn_text"]}; border: none; }}
QLabel#pinyin {{ font-size: {px(28)}; color: {c["accent"]}; font-weight: bold; padding: 0 8px; }}
QPlainTextEdit#note {{ font-size: {px(30)}; padding: 4px 12px; border: 2px solid {c["accent"]};
                      border-radius: 8px; background: {c["panel"]}; color: {c["text"]}; }}
QPushButton#level {{ font-size: {px(30)}; min-height: {px(110)}; }}
QPushButton:checked {{ background: {c["accent"]}; color: {c["accent_text"]}; }}
QPushButton:disabled {{ color: {c["muted"]}; border-color: {c["muted"]}; }}
QLineEdit {{ font-size: {px(34)}; min-height: {px(70)}; padding: 4px 12px; border: 2px solid {c["accent"]};
            border-radius: 8px; background: {c["panel"]}; color: {c["text"]}; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollBar:vertical {{ width: {px(28)}; background: {c["bg"]}; }}
QScrollBar::handle:vertical {{ background: {c["accent"]}; border-radius: 8px; min-height: 60px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QWidget#qt_scrollarea_viewport, QWidget#scrollbody {{ background: {c["bg"]}; }}
"""
