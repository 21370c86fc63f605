"""Voice: the spoken text, the queue with repeats, espeak-ng producing real audio, the fallbacks."""

from __future__ import annotations

import logging
import wave
from pathlib import Path

import pytest

from app.devices.voice import Announcer, ChimeSpeaker, EspeakSpeaker, choose_speaker
from app.domain.announce import call_text, display_text, spoken_ticket


def test_numbers_are_read_digit_by_digit() -> None:
    assert spoken_ticket("A023") == "A零二三"
    assert spoken_ticket("b100") == "B一零零"
    assert call_text("A023", 3) == "请A零二三号到3号窗口办理"
    assert display_text("A023", 3) == "A023 → 3号窗口"


def seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def test_espeak_announcements_are_queued_and_repeated(tmp_path: Path) -> None:
    announcer = Announcer(EspeakSpeaker(out_dir=tmp_path), repeat=2, pause_s=0)
    announcer.announce(call_text("A023", 3))
    announcer.announce(call_text("B007", 12))
    assert announcer.wait_idle(60)
    announcer.close()
    files = sorted(tmp_path.glob("announce-*.wav"))
    assert len(files) == 4  # two calls, each said twice, in order
    assert announcer.spoken == ["请A零二三号到3号窗口办理"] * 2 + ["请B零零七号到12号窗口办理"] * 2
    assert all(seconds(f) > 1.5 for f in files)  # real speech, not an empty file


def test_chime_is_a_real_sound(tmp_path: Path) -> None:
    ChimeSpeaker(out_dir=tmp_path).speak("请A001号到1号窗口办理")
    (chime,) = tmp_path.glob("chime-*.wav")
    assert 0.9 < seconds(chime) < 1.2


def test_auto_falls_back_and_logs_the_choice(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from app.devices.voice import SpeakerUnavailable

    def no_qt_engine() -> EspeakSpeaker:
        raise SpeakerUnavailable("Qt TextToSpeech has no engine")

    with caplog.at_level(logging.INFO, logger="hall.device.voice"):
        speaker = choose_speaker("auto", qt_factory=no_qt_engine, out_dir=tmp_path)
    assert speaker.name == "espeak-ng"
    assert "voice backend: espeak-ng" in caplog.text and "unavailable" in caplog.text
    assert choose_speaker("chime", out_dir=tmp_path).name == "chime"


def test_a_failing_engine_hands_over_to_the_fallback(tmp_path: Path) -> None:
    class Broken:
        name = "broken"

        def speak(self, text: str) -> None:
            raise RuntimeError("audio device gone")

    announcer = Announcer(Broken(), repeat=1, pause_s=0, fallback=ChimeSpeaker(out_dir=tmp_path))
    announcer.announce("请A001号到1号窗口办理")
    announcer.announce("请A002号到1号窗口办理")
    assert announcer.wait_idle(10)
    announcer.close()
    assert announcer.spoken == ["请A001号到1号窗口办理", "请A002号到1号窗口办理"]
    assert len(list(tmp_path.glob("chime-*.wav"))) == 2


@pytest.mark.qt_log_ignore("Error loading text-to-speech plug-in", "pipewire")
def test_qt_backend_without_a_working_engine_is_unavailable(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.devices.voice import SpeakerUnavailable
    from ui.voice import qt_speaker_factory

    # this machine has no speech-dispatcher running: the Qt engine must say so, and auto picks espeak
    with pytest.raises(SpeakerUnavailable):
        qt_speaker_factory()
    assert choose_speaker("auto", qt_factory=qt_speaker_factory, out_dir=Path("/tmp")).name == "espeak-ng"
