"""One typed settings schema, read from a TOML file and the environment (HALL_*; nested with `__`).

Precedence, highest first: environment variables, the TOML file, the defaults below. The file is
`--config FILE`, else `$HALL_CONFIG`, else `hall.toml` in the user config directory if it exists.
Every local rule that differs between halls is a setting here, never a constant in the code.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from app.errors import ConfigError


class QueueSettings(BaseModel):
    recall_limit: int = Field(3, ge=0, description="how often a clerk may recall one ticket")
    noshow_rule: Literal["requeue", "new_ticket"] = "requeue"
    noshow_requeue_after: int = Field(3, ge=0, description="a returning no-show waits behind K more tickets")
    noshow_block_count: int = Field(
        3, ge=1, description="no-shows within the window that block real-name tickets"
    )
    noshow_block_window_days: int = Field(30, ge=1)
    noshow_block_days: int = Field(7, ge=0, description="how long such a block lasts")
    transfer_keeps_issue_time: bool = True
    opening_recheck_seconds: float = Field(
        15.0, gt=0, description="how often the center re-checks opening hours for the queue screens"
    )
    default_service_minutes: float = Field(
        8.0, gt=0, description="service time assumed before statistics exist"
    )
    service_level_target_minutes: float = Field(
        15.0, gt=0, description="wait within which a ticket counts as served in time"
    )
    wait_warning_minutes: float = Field(30.0, gt=0, description="manager console warns past this wait")
    # the open rules of issue 14, decided: off unless the hall allows it
    call_other_category: bool = Field(
        False, description="a clerk may call by number a ticket of a category their window does not serve"
    )
    take_other_windows_ticket: bool = Field(
        False, description="a clerk may call or transfer a waiting ticket sent to another window"
    )
    counter_windows: dict[str, int] = Field(
        default_factory=dict,
        description="counter terminal name → its window: the counter's token and its card logins act there only",
    )


class SupervisionSettings(BaseModel):
    yellow_working_days: int = Field(
        1, ge=0, description="yellow light when this many working days or fewer are left"
    )
    rectification_working_days: int = Field(10, ge=1, description="deadline of a bad-rating rectification")


class CaseSettings(BaseModel):
    deferral_sweep_minutes: float = Field(
        30.0, ge=0, description="how often the center runs the 容缺 watch (reminders, terminations); 0: never"
    )
    deferral_sweep_from: dt.time = Field(
        dt.time(7, 30), description="the hall's local time of day before which the watch does not run"
    )
    deferral_remind_working_days: int = Field(
        1, ge=0, le=10, description="remind a 容缺 applicant from this many working days before the promised date"
    )


class NoticeSettings(BaseModel):
    doc_org: str = Field(
        "", description="the issuing organ's short form in document numbers (e.g. 章政服); default: the hall code"
    )
    doc_number_pattern: str = Field(
        "{org}{kind}〔{year}〕第{seq:04d}号",
        description="document number of a notice: fields org, kind (受/容/告/不受/补/诺/准/不准/结/终), year, seq (per kind and year)",
    )
    offline_doc_number_pattern: str = Field(
        "{org}{kind}〔{year}〕第{tag:02d}-{seq:04d}号",
        description="used when the leased block is spent and the center is unreachable: must carry {tag}",
    )
    doc_lease_size: int = Field(20, ge=1, le=500, description="document numbers a counter leases at a time")
    deferral_working_days: int = Field(
        5, ge=1, le=60, description="default 容缺 promise: this many working days after the day of receipt"
    )

    @field_validator("doc_number_pattern")
    @classmethod
    def _online(cls, v: str) -> str:
        from app.domain.doc_numbers import BadPattern, check_pattern

        try:
            return check_pattern(v)
        except BadPattern as exc:
            raise ValueError(str(exc)) from exc

    @field_validator("offline_doc_number_pattern")
    @classmethod
    def _offline(cls, v: str) -> str:
        from app.domain.doc_numbers import BadPattern, check_pattern

        try:
            return check_pattern(v, offline=True)
        except BadPattern as exc:
            raise ValueError(str(exc)) from exc


class BookingSettings(BaseModel):
    """Public booking from the phone pages (issue 18): codes, no-show rule, rate limits, the reminder."""

    code_minutes: float = Field(10.0, gt=0, le=60, description="an SMS code is valid this long")
    code_tries: int = Field(5, ge=1, le=20, description="wrong codes before the booking must be asked for again")
    noshow_count: int = Field(3, ge=1, description="missed appointments within noshow_window_days that block booking")
    noshow_window_days: int = Field(90, ge=1)
    noshow_block_days: int = Field(30, ge=0, description="how long such a block lasts after the last miss; 0: off")
    active_per_id: int = Field(3, ge=1, description="booked (future) appointments one ID number may hold at once")
    per_id_per_day: int = Field(5, ge=1, description="booking requests per ID number within 24 hours")
    per_phone_per_day: int = Field(5, ge=1, description="booking requests per phone within 24 hours")
    per_client_per_hour: int = Field(30, ge=1, description="booking requests per client address within an hour")
    reschedule_limit: int = Field(2, ge=0, description="how often one appointment may be moved")
    remind_from: dt.time = Field(dt.time(9, 0), description="hall-local time from which the day-before reminder goes")
    watch_minutes: float = Field(
        10.0, ge=0, description="how often the center sends reminders and marks missed appointments; 0: never"
    )


class DeviceSettings(BaseModel):
    # no device is assumed: an unconfigured terminal says which one is missing (`missing()`), never
    # "prints" into a simulator. `hall demo` writes simulator URLs into its own hall.toml.
    idcard_url: str | None = Field(
        None, description="ID-card reader: serial port name, socket://host:port, loop://, sim://"
    )
    ticket_printer_url: str | None = Field(None, description="see README 'Device setup'")
    receipt_printer_url: str | None = Field(None, description="see README 'Device setup'")
    printer_profile: str = Field("default", description="python-escpos printer profile")
    printer_chinese: Literal["gb18030", "raster"] = "gb18030"
    paper_width_mm: Literal[58, 80] = 80
    voice_repeat: int = Field(2, ge=1, le=5)
    voice_backend: Literal["auto", "qt", "espeak", "chime", "none"] = "auto"

    def missing(self, key: str) -> str:
        """What to tell when the device `key` (e.g. "ticket_printer_url") is not set, and how to set it."""
        from app.i18n.messages import MESSAGES, msg

        device: object = msg(f"device.{key}") if f"device.{key}" in MESSAGES else key
        return msg(
            "device_missing", device=device, key=key, example=DEVICE_EXAMPLES.get(key, ""),
            env=f"HALL_DEVICES__{key.upper()}",
        )

    def require(self, key: str) -> str:
        url = getattr(self, key)
        if not url:
            raise ConfigError(self.missing(key))
        return str(url)


DEVICE_EXAMPLES = {  # the device's name is the message device.<key>
    "idcard_url": "/dev/ttyUSB0",
    "ticket_printer_url": "usb://0x0416:0x5011",
    "receipt_printer_url": "tcp://192.0.2.10:9100",
}


class KioskSettings(BaseModel):
    idle_timeout_s: int = Field(60, ge=10)
    idle_warning_s: int = Field(15, ge=3)
    admin_pin: str = Field("", description="PIN that leaves the kiosk shell; empty: no way out")
    real_name: Literal["off", "optional", "required"] = Field(
        "optional", description="ID-card swipe when taking a ticket: never asked, offered, or required"
    )
    sms_reminder: bool = Field(
        False,
        description="offer 「快到号时短信提醒」 when taking a ticket (a phone and its consent, optional): turn on "
        "when the center sends SMS (notify.channel)",
    )
    elderly_scale: float = Field(1.5, ge=1.5, le=2.5, description="font scale of the elderly mode")
    health_interval_s: int = Field(30, ge=5, description="device check and report to the center")
    lease_size: int = Field(10, ge=1, le=50, description="offline numbers leased per category")
    restart_limit: int = Field(5, ge=0, description="crash restarts within ten minutes before giving up")


class SyncSettings(BaseModel):
    prune_applied_days: float = Field(
        7.0, ge=0, description="days a terminal keeps outbox ops the center has applied before deleting them"
    )
    push_batch: int = Field(
        2000,
        ge=1,
        le=2000,
        description="ops per push request (the center takes at most 2,000: app.protocol.api.MAX_OPS; a center "
        "older than the bulk push 500, and the terminal falls back to that when it says so)",
    )


class CodeLimits(BaseModel):
    """How many SMS verification codes may be asked for (0: no limit of that kind); app.notify.limits."""

    phone_per_minute: int = Field(1, ge=0, description="codes to one phone within 60 seconds")
    phone_per_hour: int = Field(5, ge=0, description="codes to one phone within an hour")
    phone_per_day: int = Field(10, ge=0, description="codes to one phone within 24 hours")
    ip_per_hour: int = Field(20, ge=0, description="codes asked from one client address within an hour")
    ip_per_day: int = Field(100, ge=0, description="codes asked from one client address within 24 hours")


class SmsProviderSettings(BaseModel):
    sign_name: str = Field("", description="the approved SMS sign name (签名), e.g. 某某县政务服务中心")
    templates: dict[str, str] = Field(
        default_factory=dict,
        description="event → the provider's approved template id (booking_code, turn_soon, case_accepted …)",
    )
    endpoint: str = Field("", description="the provider's API host; empty: the SDK's default")
    protocol: Literal["https", "http"] = Field("https", description="http only for a local test server")
    region: str = ""


class AliyunSmsSettings(SmsProviderSettings):
    region: str = "cn-hangzhou"


class TencentSmsSettings(SmsProviderSettings):
    sdk_app_id: str = Field("", description="the SMS application's SdkAppId (短信应用ID)")
    region: str = "ap-guangzhou"


class NotifySettings(BaseModel):
    channel: Literal["none", "file", "aliyun", "tencent"] = Field(
        "none",
        description="how messages to citizens' phones go out: none (they wait in the outbox), file (JSON lines, "
        "demo), aliyun or tencent (SMS through the provider's SDK; keys in the keyring: `hall notify keys`)",
    )
    file_dir: Path | None = Field(None, description="the file channel's directory; default: <data dir>/sms")
    turn_soon_ahead: int = Field(
        3, ge=0, le=50, description="「快到号」 SMS when this many or fewer wait ahead of a ticket; 0: never"
    )
    poll_seconds: float = Field(
        5.0, ge=0, description="how often the sender looks for due messages besides being woken; 0: no sender"
    )
    batch: int = Field(50, ge=1, le=1000, description="messages the sender claims at a time")
    retry_base_seconds: float = Field(30.0, gt=0, description="first retry after a provider failed")
    retry_max_seconds: float = Field(1800.0, gt=0, description="retries at most this far apart")
    retry_jitter: float = Field(0.1, ge=0, le=0.5, description="± share of random spread of each retry")
    max_attempts: int = Field(20, ge=1, description="attempts before a message is failed")
    lease_seconds: float = Field(120.0, gt=0, description="a claimed message is free again after this")
    timeout_seconds: float = Field(10.0, gt=0, description="a provider's answer is awaited this long")
    code_limits: CodeLimits = Field(default_factory=CodeLimits)
    aliyun: AliyunSmsSettings = Field(default_factory=AliyunSmsSettings)
    tencent: TencentSmsSettings = Field(default_factory=TencentSmsSettings)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HALL_", env_nested_delimiter="__", extra="forbid")

    hall_name: str = "政务服务中心"
    hall_code: str = Field("H01", description="short code of this hall, part of case numbers")
    language: Literal["zh_CN", "en"] = "zh_CN"
    data_dir: Path | None = Field(None, description="default: the user data dir (HALL_DATA_DIR also works)")
    db_url: str | None = Field(None, description="center database; default: a SQLite file in the data dir")
    center_url: str = "http://127.0.0.1:8470"
    center_ca_file: Path | None = Field(None, description="pin the center's TLS certificate authority")
    public_url: str | None = Field(
        None,
        description="base URL of the citizens' phone pages (`hall public`, e.g. https://hall.example.gov.cn): "
        "printed tickets carry the URL of their page in the QR code; unset: the QR holds HALLVISIT:<id>",
    )
    keyring_file: Path | None = Field(
        None,
        description="explicit opt-in: keep terminal secrets in this file (mode 0600) instead of the OS keyring, "
        "for kiosks without a desktop session",
    )
    log_level: str = "INFO"
    log_max_bytes: int = 5_000_000
    log_backups: int = 5
    queue: QueueSettings = Field(default_factory=QueueSettings)
    supervision: SupervisionSettings = Field(default_factory=SupervisionSettings)
    devices: DeviceSettings = Field(default_factory=DeviceSettings)
    kiosk: KioskSettings = Field(default_factory=KioskSettings)
    sync: SyncSettings = Field(default_factory=SyncSettings)
    notices: NoticeSettings = Field(default_factory=NoticeSettings)
    cases: CaseSettings = Field(default_factory=CaseSettings)
    booking: BookingSettings = Field(default_factory=BookingSettings)
    notify: NotifySettings = Field(default_factory=NotifySettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = _CONFIG_FILE.get("path")
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    def resolved_data_dir(self) -> Path:
        from app.paths import user_data_dir

        if self.data_dir is not None:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            return self.data_dir
        return user_data_dir()


_CONFIG_FILE: dict[str, Path | None] = {"path": None}


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir("hall", appauthor=False)) / "hall.toml"


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Read the settings; a missing explicit file or an invalid value is a ConfigError with the reason."""
    explicit = config_file or os.environ.get("HALL_CONFIG")
    if explicit:
        given = Path(explicit)
        if not given.is_file():
            raise ConfigError(f"settings file not found: {given}")
        path: Path | None = given
    else:
        candidate = default_config_path()
        path = candidate if candidate.is_file() else None
    _CONFIG_FILE["path"] = path
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "settings"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ConfigError(
            f"invalid settings in {path or 'the environment'}: {where}: {first['msg']}{more}"
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(f"the settings file {path} cannot be read: {reason}") from None
    finally:
        _CONFIG_FILE["path"] = None
