"""首页: the services as big tiles with pictograms, 取号 the largest; the hall's current notices; the
elderly mode shows fewer, bigger tiles."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout

from kiosk.pages.base import Page, button, grid, label
from kiosk.pages.icons import pictogram_icon
from kiosk.pages.style import ELDERLY, NORMAL

MAX_NOTICES = 3
ONE_LINE = 12  # characters a tile label keeps on one line ("Appointment check-in" breaks, 预约签到 does not)


def two_lines(text: str) -> str:
    """A long label of several words broken at the space nearest its middle (buttons do not wrap)."""
    if len(text) <= ONE_LINE or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1 :]


class HomePage(Page):
    key = "home"

    def heading(self) -> str:
        return self.tr("Welcome. Please choose a service")

    def prompt(self) -> str:
        return self.tr("Welcome. Touch the service you need")

    def build(self) -> None:
        sh = self.shell
        tiles = [
            (self.tr("Take a ticket"), "ticket"),
            (self.tr("Appointment check-in"), "checkin"),
            (self.tr("Case progress"), "progress"),
            (self.tr("Service guides"), "guides"),
            (self.tr("Rate a service"), "rating"),
            (self.tr("Complaints and suggestions"), "complaint"),
        ]
        if sh.session.elderly:
            tiles = [t for t in tiles if t[1] in ("ticket", "checkin", "progress", "rating")]
        colors = ELDERLY if sh.session.elderly else NORMAL
        scale = sh.settings.elderly_scale if sh.session.elderly else 1.0
        buttons = []
        for i, (text, k) in enumerate(tiles):
            b = button(text if i == 0 else two_lines(text), lambda k=k: sh.open(k), "tile")
            b.setProperty("main", i == 0)  # 取号, what most citizens came for: the widest, tallest tile
            size = round((112 if i == 0 else 72) * scale)
            b.setIcon(pictogram_icon(k, colors["accent_text"], size))
            b.setIconSize(QSize(size, size))
            # the tiles share the screen (a portrait kiosk is not left empty below them) and never push the
            # page wider than it: a long English label breaks into two lines instead
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            buttons.append(b)
        self.body.addWidget(buttons[0], 3)
        self.body.addLayout(grid(buttons[1:], 2), 4)  # two columns: a two-line English label fits beside its icon
        if sh.notices:
            self.body.addWidget(self._notices(sh.notices[:MAX_NOTICES]))
        if sh.session.elderly:
            self.body.addWidget(label(self.tr("Staff at the service desk will gladly help you."), "prompt", center=True))
        row = [
            button(
                self.tr("Elderly mode: on") if sh.session.elderly else self.tr("Elderly mode"),
                sh.toggle_elderly,
                "primary" if sh.session.elderly else "",
            ),
            button("English" if sh.session.language == "zh_CN" else "中文", sh.toggle_language),
        ]
        self.body.addLayout(grid(row, 2))

    def _notices(self, notices: list[str]) -> QFrame:
        panel = QFrame()
        panel.setObjectName("panel")
        lay = QVBoxLayout(panel)
        lay.addWidget(label(self.tr("Notices"), "prompt"))
        for text in notices:
            lay.addWidget(label("· " + text, "notice"))
        return panel

    def render(self) -> None:
        super().render()
        for i in range(self.footer.count()):  # no "home" button on the home page
            w = self.footer.itemAt(i).widget()
            if w is not None:
                w.hide()
