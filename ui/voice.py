"""The Qt TextToSpeech voice backend (used first when an engine works), for `app.devices.voice`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QLocale, QTimer
from PySide6.QtTextToSpeech import QTextToSpeech

from app.devices.voice import SpeakerUnavailable

log = logging.getLogger("hall.device.voice")


class QtSpeaker:
    """Speaks through Qt's TextToSpeech. Created and used on the announcer's own thread, which runs a
    local event loop while each sentence is spoken."""

    name = "qt-texttospeech"

    def __init__(self, engine: str | None = None, timeout_s: float = 20.0) -> None:
        engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
        if engine is None and not engines:
            raise SpeakerUnavailable("Qt TextToSpeech has no engine")
        self._engine_name = engine or engines[0]
        self._timeout_ms = int(timeout_s * 1000)
        self._tts: QTextToSpeech | None = None
        self._probe()

    def _make(self) -> QTextToSpeech:
        tts = QTextToSpeech(self._engine_name)
        loop = QEventLoop()
        if tts.state() not in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            tts.stateChanged.connect(lambda _s: loop.quit())
            QTimer.singleShot(3000, loop.quit)
            loop.exec()
        if tts.state() == QTextToSpeech.State.Error:
            raise SpeakerUnavailable(
                f"Qt TextToSpeech engine {self._engine_name!r}: {tts.errorString() or 'error'}"
            )
        zh = [loc for loc in tts.availableLocales() if loc.language() == QLocale.Language.Chinese]
        if not zh:
            raise SpeakerUnavailable(f"Qt TextToSpeech engine {self._engine_name!r} has no Chinese voice")
        tts.setLocale(zh[0])
        return tts

    def _probe(self) -> None:
        self._make().deleteLater()

    def speak(self, text: str) -> None:
        if self._tts is None:
            self._tts = self._make()
        loop = QEventLoop()

        def done(state: QTextToSpeech.State) -> None:
            if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
                loop.quit()

        self._tts.stateChanged.connect(done)
        QTimer.singleShot(self._timeout_ms, loop.quit)
        self._tts.say(text)
        loop.exec()
        self._tts.stateChanged.disconnect(done)
        if self._tts.state() == QTextToSpeech.State.Error:
            raise RuntimeError(self._tts.errorString())


def qt_speaker_factory() -> QtSpeaker:
    return QtSpeaker()


def prompt_speaker(settings: Any) -> Callable[[str], None] | None:
    """Voice prompts of the kiosk's elderly mode: each prompt said once, through the hall's voice backend."""
    from app.devices.voice import Announcer, choose_speaker

    backend = settings.devices.voice_backend
    if backend == "none":
        return None
    announcer = Announcer(choose_speaker(backend, qt_factory=qt_speaker_factory), repeat=1)
    return announcer.announce
