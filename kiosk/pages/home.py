"""首页: the services as big tiles; the elderly mode shows fewer, bigger ones."""

from __future__ import annotations

from kiosk.pages.base import Page, button, grid, label


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
        buttons = [button(text, lambda k=k: sh.open(k), "tile") for text, k in tiles]
        self.body.addLayout(grid(buttons, 2 if sh.session.elderly else 3))
        if sh.session.elderly:
            self.body.addWidget(label(self.tr("Staff at the service desk will gladly help you."), "prompt", center=True))
        self.body.addStretch(1)
        row = [
            button(
                self.tr("Elderly mode: on") if sh.session.elderly else self.tr("Elderly mode"),
                sh.toggle_elderly,
                "primary" if sh.session.elderly else "",
            ),
            button("English" if sh.session.language == "zh_CN" else "中文", sh.toggle_language),
        ]
        self.body.addLayout(grid(row, 2))

    def render(self) -> None:
        super().render()
        for i in range(self.footer.count()):  # no "home" button on the home page
            w = self.footer.itemAt(i).widget()
            if w is not None:
                w.hide()
