"""TLS when the center has a certificate; a terminal pins the center's CA and refuses any other."""

from __future__ import annotations

import pytest

from app.errors import HallError
from app.sync.client import CenterClient
from tests.support.center import CenterServer, seed_minimal
from tests.support.tls import make_ca_and_server


def test_pinned_ca_accepts_the_center_and_refuses_another(sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ca, cert, key = make_ca_and_server(tmp_path / "pki")
    other_ca, _, _ = make_ca_and_server(tmp_path / "other", cn="Someone Else CA")
    with CenterServer(sqlite_url, tmp_path / "c", tls=(cert, key)) as center:
        seed_minimal(center.db)
        assert center.url.startswith("https://")
        good = CenterClient(center.url, ca_file=ca)
        assert good.call("GET", "/health", auth=False)["status"] == "ok"
        assert good.login_staff("manager", "manager").role == "manager"
        good.close()
        pinned_elsewhere = CenterClient(center.url, ca_file=other_ca)
        with pytest.raises(HallError, match="does not trust"):
            pinned_elsewhere.call("GET", "/health", auth=False)
        pinned_elsewhere.close()
        system_trust = CenterClient(center.url)  # a self-made CA is not in the system store either
        with pytest.raises(HallError, match="does not trust"):
            system_trust.call("GET", "/health", auth=False)
        system_trust.close()
    with pytest.raises(HallError, match="not found"):
        CenterClient("https://127.0.0.1:1", ca_file=tmp_path / "missing.pem")
