"""Local HTTP servers that speak the SMS providers' APIs, for the channels' tests without the internet:
they check each request's signature the way the provider documents it (Aliyun's ACS3-HMAC-SHA256 over
the canonical request; Tencent Cloud's TC3-HMAC-SHA256 with the derived date/service key), read the
parameters the SDK sent, and answer as the provider does: success, a refusal of the message, flow
control, a 5xx, a bad signature. `stop()` and `start()` again give a provider that is down, then up on
the same port."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from app.center.embedded import free_port


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    signature_ok: bool

    def json(self) -> Any:
        return json.loads(self.body or b"{}")


@dataclass
class Answer:
    status: int
    body: dict[str, Any] | str
    content_type: str = "application/json;charset=utf-8"


class ProviderServer:
    """Answers from `self.answer(seen)`; `mode` picks a canned answer: ok, refuse, limit, 5xx."""

    def __init__(self, key_id: str, secret: str, port: int | None = None) -> None:
        self.key_id, self.secret = key_id, secret
        self.port = port or free_port()
        self.endpoint = f"127.0.0.1:{self.port}"
        self.mode = "ok"
        self.seen: list[Seen] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.lock = threading.Lock()

    # what each provider checks and answers
    def verify(self, seen: Seen) -> bool:
        raise NotImplementedError

    def answer(self, seen: Seen) -> Answer:
        raise NotImplementedError

    def start(self) -> ProviderServer:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                seen = Seen(
                    "POST",
                    parts.path,
                    dict(parse_qsl(parts.query, keep_blank_values=True)),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                    False,
                )
                seen.signature_ok = outer.verify(seen)
                with outer.lock:
                    outer.seen.append(seen)
                got = outer.answer(seen)
                data = got.body if isinstance(got.body, str) else json.dumps(got.body, ensure_ascii=False)
                raw = data.encode()
                self.send_response(got.status)
                self.send_header("Content-Type", got.content_type)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args: object) -> None:
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> ProviderServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hmac(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


class AliyunSms(ProviderServer):
    """Dysmsapi 2017-05-25 SendSms, RPC style: the parameters in the query string of a POST to `/`, signed
    with ACS3-HMAC-SHA256 (Authorization: `ACS3-HMAC-SHA256 Credential=<AK>,SignedHeaders=…,Signature=…`)."""

    def verify(self, seen: Seen) -> bool:
        auth = seen.headers.get("authorization", "")
        if not auth.startswith("ACS3-HMAC-SHA256 "):
            return False
        fields = dict(part.split("=", 1) for part in auth.removeprefix("ACS3-HMAC-SHA256 ").split(","))
        if fields.get("Credential") != self.key_id:
            return False
        signed = fields.get("SignedHeaders", "").split(";")
        if not {"host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
                "x-acs-content-sha256"} <= set(signed):
            return False
        if seen.headers.get("x-acs-content-sha256") != _sha256(seen.body):
            return False
        query = "&".join(f"{k}={quote(v, safe='~')}" for k, v in sorted(seen.query.items()))
        headers = "".join(f"{h}:{seen.headers.get(h, '').strip()}\n" for h in signed)
        canonical = "\n".join(["POST", seen.path or "/", query, headers, ";".join(signed), _sha256(seen.body)])
        to_sign = "ACS3-HMAC-SHA256\n" + _sha256(canonical.encode())
        expected = hmac.new(self.secret.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, fields.get("Signature", ""))

    def answer(self, seen: Seen) -> Answer:
        rid = str(uuid.uuid4()).upper()
        if seen.headers.get("x-acs-action") != "SendSms" or seen.headers.get("x-acs-version") != "2017-05-25":
            return Answer(404, {"RequestId": rid, "Code": "InvalidAction.NotFound", "Message": "Specified api is not found"})
        if not seen.signature_ok:
            return Answer(400, {"RequestId": rid, "HostId": "dysmsapi.aliyuncs.com", "Code": "SignatureDoesNotMatch",
                                "Message": "Specified signature does not match our calculation."})
        if self.mode == "5xx":
            return Answer(503, {"RequestId": rid, "Code": "ServiceUnavailable",
                                "Message": "The request has failed due to a temporary failure of the server."})
        if self.mode == "refuse":
            return Answer(200, {"RequestId": rid, "Code": "isv.MOBILE_NUMBER_ILLEGAL", "Message": "非法手机号"})
        if self.mode == "limit":
            return Answer(200, {"RequestId": rid, "Code": "isv.BUSINESS_LIMIT_CONTROL", "Message": "触发分钟级流控Permits:1"})
        return Answer(200, {"RequestId": rid, "Code": "OK", "Message": "OK", "BizId": f"{len(self.seen)}00619746936498440^0"})


class TencentSms(ProviderServer):
    """SMS 2021-01-11 SendSms: a JSON body POSTed to `/` with X-TC-Action/X-TC-Version/X-TC-Timestamp,
    signed with TC3-HMAC-SHA256 (a key derived from the secret, the UTC date and the service `sms`)."""

    def verify(self, seen: Seen) -> bool:
        auth = seen.headers.get("authorization", "")
        if not auth.startswith("TC3-HMAC-SHA256 "):
            return False
        fields = dict(p.strip().split("=", 1) for p in auth.removeprefix("TC3-HMAC-SHA256 ").split(","))
        key_id, date, service, term = fields.get("Credential", "////").split("/")
        stamp = int(seen.headers.get("x-tc-timestamp", "0"))
        if key_id != self.key_id or service != "sms" or term != "tc3_request":
            return False
        if date != dt.datetime.fromtimestamp(stamp, dt.UTC).strftime("%Y-%m-%d"):
            return False
        signed = fields.get("SignedHeaders", "").split(";")
        headers = "".join(f"{h}:{seen.headers.get(h, '').strip().lower()}\n" for h in signed)
        canonical = "\n".join(["POST", seen.path or "/", "", headers, ";".join(signed), _sha256(seen.body)])
        scope = f"{date}/sms/tc3_request"
        to_sign = f"TC3-HMAC-SHA256\n{stamp}\n{scope}\n{_sha256(canonical.encode())}"
        key = _hmac(_hmac(_hmac(("TC3" + self.secret).encode(), date), "sms"), "tc3_request")
        expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, fields.get("Signature", ""))

    def answer(self, seen: Seen) -> Answer:
        rid = str(uuid.uuid4())
        if self.mode == "5xx":
            return Answer(502, "<html><body>502 Bad Gateway</body></html>", "text/html")
        if not seen.signature_ok:
            return Answer(200, {"Response": {"Error": {"Code": "AuthFailure.SignatureFailure",
                                                       "Message": "The provided credentials could not be validated."},
                                             "RequestId": rid}}, "application/json")
        if seen.headers.get("x-tc-action") != "SendSms" or seen.headers.get("x-tc-version") != "2021-01-11":
            return Answer(200, {"Response": {"Error": {"Code": "InvalidAction", "Message": "no such action"},
                                             "RequestId": rid}}, "application/json")
        body = seen.json()
        statuses = []
        for phone in body.get("PhoneNumberSet", []):
            code, message = {"refuse": ("InvalidParameterValue.IncorrectPhoneNumber", "incorrect number format"),
                             "limit": ("LimitExceeded.PhoneNumberThirtySecondLimit",
                                       "the number of sms messages sent from a single mobile number within 30 seconds exceeds the upper limit")
                             }.get(self.mode, ("Ok", "send success"))
            statuses.append({"SerialNo": f"5000:10457106691570536578494{len(self.seen)}" if code == "Ok" else "",
                             "PhoneNumber": phone, "Fee": 1 if code == "Ok" else 0,
                             "SessionContext": body.get("SessionContext", ""), "Code": code, "Message": message,
                             "IsoCode": "CN"})
        return Answer(200, {"Response": {"SendStatusSet": statuses, "RequestId": rid}}, "application/json")


