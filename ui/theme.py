"""Shared look: colours and style sheets of the hall's screens."""

from __future__ import annotations

BOARD_QSS = """
QWidget#board { background: #0b2a5b; }
QLabel { color: #ffffff; }
QLabel#title { font-size: 44px; font-weight: bold; color: #ffffff; }
QLabel#clock { font-size: 36px; color: #cfe3ff; }
QLabel#status_ok { font-size: 26px; color: #7CFC9A; }
QLabel#status_bad { font-size: 26px; color: #0b2a5b; background: #ffd34d; padding: 4px 14px; border-radius: 6px; }
QFrame#latest { background: #c81e1e; border-radius: 16px; }
QLabel#latest_caption { font-size: 34px; color: #ffe9e9; }
QLabel#latest_number { font-size: 150px; font-weight: bold; color: #fff34d; }
QLabel#latest_window { font-size: 80px; font-weight: bold; color: #ffffff; }
QLabel#recent { font-size: 48px; color: #ffffff; }
QLabel#section { font-size: 36px; color: #9cc3ff; }
QFrame#win { background: #12386f; border-radius: 10px; }
QFrame#win_paused { background: #3a3f4a; border-radius: 10px; }
QLabel#win_name { font-size: 40px; color: #cfe3ff; }
QLabel#win_ticket { font-size: 60px; font-weight: bold; color: #fff34d; }
QLabel#win_idle { font-size: 40px; color: #8fa8cc; }
QFrame#queue { background: #103466; border-radius: 10px; }
QLabel#queue_text { font-size: 40px; color: #ffffff; }
QLabel#queue_why { font-size: 30px; color: #ffd27f; }
QLabel#demo { font-size: 26px; color: #ffffff; background: #e67e22; padding: 4px 14px; border-radius: 6px; }
QLabel#notice { font-size: 40px; color: #ffe082; background: #082044; padding: 8px; }
"""
