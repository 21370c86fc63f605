"""Voice announcements: a queue with one owner thread, each call repeated as configured.

Backends, in order of preference (DESIGN.md): Qt TextToSpeech when an engine works (the Qt layer
registers it, see `ui/voice.py`), else espeak-ng when installed, else a chime. The chosen backend is
logged. A backend that fails mid-day is replaced by the next one; an announcement is never dropped
silently: its failure is logged with the text."""

from __future__ import annotations

import logging
import math
import queue
import shutil
import struct
import subprocess
import tempfile
import threading
import time
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

log = logging.getLogger("hall.device.voice")


class Speaker(Protocol):
    name: str

    def speak(self, text: str) -> None:
        """Say `text` and return when done (blocking: it runs on the announcer's thread)."""


class SpeakerUnavailable(RuntimeError):
    pass


def _player() -> list[str] | None:
    for cmd in (["paplay"], ["aplay", "-q"], ["afplay"]):
        if shutil.which(cmd[0]):
            return cmd
    return None


@dataclass
class EspeakSpeaker:
    """espeak-ng's Mandarin voice. With `out_dir`, each utterance is written to a WAV file instead of
    the sound card (tests, and halls that route audio through a separate player)."""

    out_dir: Path | None = None
    voice: str = "cmn"
    speed: int = 150
    name: str = "espeak-ng"

    def __post_init__(self) -> None:
        self.binary = shutil.which("espeak-ng")
        if self.binary is None:
            raise SpeakerUnavailable("espeak-ng is not installed")
        self._n = 0

    def speak(self, text: str) -> None:
        assert self.binary is not None
        cmd = [self.binary, "-v", self.voice, "-s", str(self.speed)]
        if self.out_dir is not None:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._n += 1
            cmd += ["-w", str(self.out_dir / f"announce-{self._n:05d}.wav")]
        subprocess.run([*cmd, text], check=True, capture_output=True, timeout=30)


def write_chime(path: Path, notes: Sequence[float] = (988.0, 784.0, 659.0), note_s: float = 0.35) -> Path:
    """A three-note ding-dong-dong, 16-bit mono 22.05 kHz."""
    rate = 22050
    frames = bytearray()
    for freq in notes:
        for i in range(int(rate * note_s)):
            envelope = math.exp(-4.0 * i / (rate * note_s))
            frames += struct.pack("<h", int(12000 * envelope * math.sin(2 * math.pi * freq * i / rate)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


@dataclass
class ChimeSpeaker:
    """No speech engine: a chime draws attention to the screen, which shows the call."""

    out_dir: Path | None = None
    name: str = "chime"

    def __post_init__(self) -> None:
        self.sound = write_chime(Path(tempfile.mkdtemp(prefix="hall-chime-")) / "chime.wav")
        self._n = 0

    def speak(self, text: str) -> None:
        if self.out_dir is not None:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._n += 1
            target = self.out_dir / f"chime-{self._n:05d}.wav"
            target.write_bytes(self.sound.read_bytes())
            return
        player = _player()
        if player is None:
            log.warning("no audio player found; the call is only on the screen: %s", text)
            return
        subprocess.run([*player, str(self.sound)], check=False, capture_output=True, timeout=10)


def choose_speaker(
    preference: str, *, qt_factory: Callable[[], Speaker] | None = None, out_dir: Path | None = None
) -> Speaker:
    """`auto`: Qt TextToSpeech (when the Qt layer offers a working engine), else espeak-ng, else a chime."""
    order = {
        "auto": ["qt", "espeak", "chime"],
        "qt": ["qt", "espeak", "chime"],
        "espeak": ["espeak", "chime"],
        "chime": ["chime"],
    }.get(preference, ["chime"])
    for kind in order:
        try:
            if kind == "qt":
                if qt_factory is None:
                    continue
                speaker = qt_factory()
            elif kind == "espeak":
                speaker = EspeakSpeaker(out_dir=out_dir)
            else:
                speaker = ChimeSpeaker(out_dir=out_dir)
        except SpeakerUnavailable as exc:
            log.info("voice backend %s unavailable: %s", kind, exc)
            continue
        log.info("voice backend: %s", speaker.name)
        return speaker
    raise SpeakerUnavailable("no voice backend")  # unreachable: the chime always works


class Announcer:
    """Queues announcements and speaks them one after another on its own thread, each `repeat` times."""

    def __init__(
        self, speaker: Speaker, *, repeat: int = 2, pause_s: float = 0.6, fallback: Speaker | None = None
    ) -> None:
        self.speaker, self.repeat, self.pause_s, self.fallback = speaker, repeat, pause_s, fallback
        self._q: queue.Queue[str | None] = queue.Queue()
        self.spoken: list[str] = []  # what was said, in order (for the screen's log and tests)
        self._thread = threading.Thread(target=self._run, name="hall-voice", daemon=True)
        self._thread.start()

    def announce(self, text: str) -> None:
        self._q.put(text)

    def close(self, timeout: float = 30.0) -> None:
        self._q.put(None)
        self._thread.join(timeout)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._q.unfinished_tasks == 0:
                return True
            time.sleep(0.02)
        return False

    def _run(self) -> None:
        while True:
            text = self._q.get()
            try:
                if text is None:
                    return
                for i in range(self.repeat):
                    self._say(text)
                    if i + 1 < self.repeat:
                        time.sleep(self.pause_s)
            finally:
                self._q.task_done()

    def _say(self, text: str) -> None:
        try:
            self.speaker.speak(text)
            self.spoken.append(text)
        except Exception as exc:  # a broken engine must not silence the hall: fall back
            log.error("voice backend %s failed (%s) while saying %s", self.speaker.name, exc, text)
            if self.fallback is not None and self.fallback is not self.speaker:
                self.speaker, self.fallback = self.fallback, None
                log.warning("voice backend switched to %s", self.speaker.name)
                self._say(text)
