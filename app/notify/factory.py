"""The channel hall.toml names (`notify.channel`), built once at the center's start."""

from __future__ import annotations

from pathlib import Path

from app.config import Settings
from app.notify.channels import Channel, FileChannel, NullChannel


def file_dir(settings: Settings) -> Path:
    return Path(settings.notify.file_dir) if settings.notify.file_dir else settings.resolved_data_dir() / "sms"


def build_channel(settings: Settings) -> Channel:
    kind = settings.notify.channel
    if kind == "file":
        return FileChannel(file_dir(settings))
    if kind == "aliyun":
        from app.notify.aliyun import AliyunSmsChannel
        from app.notify.credentials import provider_keys

        key_id, secret = provider_keys(settings, "aliyun")
        aliyun: Channel = AliyunSmsChannel(
            settings.notify.aliyun, key_id, secret, timeout_s=settings.notify.timeout_seconds
        )
        return aliyun
    if kind == "tencent":
        from app.notify.credentials import provider_keys
        from app.notify.tencent import TencentSmsChannel

        key_id, secret = provider_keys(settings, "tencent")
        tencent: Channel = TencentSmsChannel(
            settings.notify.tencent, key_id, secret, timeout_s=settings.notify.timeout_seconds
        )
        return tencent
    return NullChannel()
