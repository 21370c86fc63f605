"""Server-rendered HTML of the phone pages: one small document per page, made for a 360 px wide screen
(WeChat's browser included), no framework; a few lines of script replace the live part when the server
sends a new one (SSE) and ring when the ticket is called. Without script the page refreshes itself."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from app.domain.clock import local_now
from app.i18n import translate
from app.public.texts import CONTEXT, REASONS, SWITCH, T, text

CSS = """
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;
background:#f2f4f7;color:#1d2330;font-size:17px;line-height:1.5}
header{background:#b71c1c;color:#fff;padding:12px 16px;display:flex;justify-content:space-between;
align-items:center;gap:8px}
header h1{font-size:17px;margin:0;font-weight:600}
header a{color:#fff;font-size:15px;white-space:nowrap}
main{max-width:480px;margin:0 auto;padding:12px}
.card{background:#fff;border-radius:12px;padding:16px;margin-bottom:12px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.label{color:#5b6472;font-size:15px;margin:0}
.number{font-size:64px;font-weight:700;letter-spacing:2px;margin:0;line-height:1.1}
.cat{margin:4px 0 0}
.big{font-size:24px;font-weight:700;margin:8px 0}
.call{background:#1b5e20;color:#fff;text-align:center}
.call .big{font-size:32px}
.warn{background:#fff4e5;color:#7a4100}
.muted{color:#5b6472;font-size:14px}
button{width:100%;font:inherit;font-size:17px;padding:12px;border-radius:10px;border:1px solid #b71c1c;background:#fff;
color:#b71c1c}
#offline{background:#fde8e8;color:#8a1c1c;padding:8px 12px;border-radius:8px;margin-bottom:12px}
"""

SCRIPT = """
(function(){
var box=document.getElementById('live'),off=document.getElementById('offline'),btn=document.getElementById('sound');
var key=box.getAttribute('data-key'),audio=null;
function ring(){
 if(navigator.vibrate){navigator.vibrate([300,120,300]);}
 if(!audio){return;}
 var t=audio.currentTime;
 [0,0.35].forEach(function(d){var o=audio.createOscillator(),g=audio.createGain();o.frequency.value=880;
 o.connect(g);g.connect(audio.destination);g.gain.setValueAtTime(0.3,t+d);g.gain.linearRampToValueAtTime(0,t+d+0.3);
 o.start(t+d);o.stop(t+d+0.3);});
}
btn.onclick=function(){
 var A=window.AudioContext||window.webkitAudioContext;
 if(A&&!audio){audio=new A();}
 if(audio&&audio.resume){audio.resume();}
 btn.textContent=btn.getAttribute('data-on');ring();
};
if(!window.EventSource){return;}
var es=new EventSource(location.pathname+'/events'+location.search);
es.addEventListener('state',function(e){
 var d=JSON.parse(e.data);box.innerHTML=d.html;document.title=d.title;off.hidden=true;
 if(d.alert&&d.key!==key){ring();}
 key=d.key;box.setAttribute('data-key',key);document.body.setAttribute('data-status',d.status);
});
es.onerror=function(){off.hidden=false;};
es.onopen=function(){off.hidden=true;};
})();
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _clock(stamp: str | None) -> str:
    if not stamp:
        return ""
    when = dt.datetime.fromisoformat(stamp)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return f"{local_now(when):%H:%M}"


def state_key(state: dict[str, Any] | None) -> str:
    """What makes the phone ring again: the status, the window and each recall."""
    if not state:
        return "none"
    return f"{state.get('status')}:{state.get('window')}:{state.get('recalls', 0)}:{state.get('number')}"


def alert(state: dict[str, Any] | None) -> bool:
    return bool(state) and state is not None and state.get("status") == "called"


def title(state: dict[str, Any] | None, lang: str) -> str:
    if not state:
        return text("heading", lang)
    if state.get("status") == "called":
        return text("called", lang, window=state.get("window"))
    return text("title", lang, number=state["number"])


def live(state: dict[str, Any] | None, lang: str, *, token: str = "", now: dt.datetime | None = None) -> str:
    """The part of the page that changes: the ticket's place in the queue or the call."""
    if state is None:
        return f'<div class="card warn"><p class="big">{_e(text("not_found", lang))}</p></div>'
    status = state.get("status")
    head = (
        f'<div class="card"><p class="label">{_e(text("heading", lang))}</p>'
        f'<p class="number" id="number">{_e(state["number"])}</p>'
        f'<p class="cat">{_e(text("category", lang, name=state.get("category_name") or state.get("category")))}</p>'
        f'<p class="muted">{_e(text("issued", lang, time=_clock(state.get("issued_at"))))}</p></div>'
    )
    if not state.get("today", True) and status not in ("done",):
        body = f'<div class="card warn"><p class="big">{_e(text("other_day", lang, day=state.get("service_day")))}</p></div>'
    elif status == "called":
        body = (
            f'<div class="card call" id="call"><p class="big">{_e(text("called", lang, window=state.get("window")))}</p>'
            f'<p>{_e(text("called_hint", lang))}</p></div>'
        )
    elif status == "serving":
        body = f'<div class="card"><p class="big">{_e(text("serving", lang, window=state.get("window")))}</p></div>'
    elif status == "done":
        rate = (
            f'<p><a id="rate" href="/t/{_e(token)}/rate?lang={lang}">{_e(text("rate_link", lang))}</a></p>'
            if state.get("rateable") and token
            else ""
        )
        body = f'<div class="card"><p class="big">{_e(text("done", lang))}</p>{rate}</div>'
    elif status == "no_show":
        body = f'<div class="card warn"><p class="big">{_e(text("no_show", lang))}</p></div>'
    elif status == "cancelled":
        body = f'<div class="card warn"><p class="big">{_e(text("cancelled", lang))}</p></div>'
    else:
        ahead = int(state.get("people_ahead") or 0)
        lines = [
            f'<p class="big" id="ahead">{_e(text("ahead", lang, n=ahead) if ahead else text("next", lang))}</p>'
        ]
        wait = state.get("estimated_wait_min")
        if wait is None:
            lines.append(f'<p class="muted">{_e(text("no_window", lang))}</p>')
        elif ahead:  # next in line: no "about 0 min"
            lines.append(f"<p>{_e(text('wait', lang, m=wait))}</p>")
        body = f'<div class="card">{"".join(lines)}</div>'
    stamp = f"{local_now(now):%H:%M:%S}"
    first = body + head if status == "called" else head + body  # a call is the first thing one sees
    return f'{first}<p class="muted">{_e(text("updated", lang, time=stamp))}</p>'


def page(state: dict[str, Any] | None, lang: str, *, token: str, nonce: str, down: bool = False) -> str:
    other, other_name = SWITCH[lang]
    hall = (state or {}).get("hall") or ""
    content = (
        f'<div class="card warn"><p class="big">{_e(text("center_down", lang))}</p></div>'
        if down
        else live(state, lang, token=token)
    )
    lang_attr = "zh-CN" if lang == "zh_CN" else "en"
    return (
        f'<!doctype html><html lang="{lang_attr}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<noscript><meta http-equiv=\"refresh\" content=\"20\"></noscript>"
        f"<title>{_e(title(state, lang))}</title><style nonce=\"{nonce}\">{CSS}</style></head>"
        f'<body data-status="{_e((state or {}).get("status", "none"))}">'
        f'<header><h1>{_e(hall)}</h1><a href="?lang={other}" id="lang">{_e(other_name)}</a></header>'
        f'<main><div id="offline" hidden>{_e(text("offline", lang))}</div>'
        f'<div id="live" data-key="{_e(state_key(state))}">{content}</div>'
        f'<button id="sound" type="button" data-on="{_e(text("sound_ready", lang))}">{_e(text("sound_on", lang))}</button>'
        f'<p class="muted">{_e(text("live", lang))}</p></main>'
        f'<script nonce="{nonce}">{SCRIPT}</script></body></html>'
    )


def index(lang: str, nonce: str) -> str:
    return (
        f'<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<title>{_e(text("heading", lang))}</title><style nonce="{nonce}">{CSS}</style></head>'
        f'<body><main><div class="card"><p>{_e(text("not_found", lang))}</p></div>'
        f'<div class="card"><p><a href="/b?lang={lang}" id="book">{_e(text("book_link", lang))}</a></p></div></main></body></html>'
    )


# ------------------------------------------------------------------ the case page (a notice's QR code)

CASE_CSS = """
form label{display:block;margin-bottom:8px}
input:not([type]){width:100%;font:inherit;font-size:24px;letter-spacing:4px;padding:10px;border:1px solid #9aa3b0;
border-radius:10px;margin-bottom:12px;text-transform:uppercase}
button.primary{background:#b71c1c;color:#fff}
ol.steps{padding-left:20px;margin:8px 0}
ol.steps li{margin-bottom:6px}
.err{color:#8a1c1c;font-weight:600}
h2{font-size:18px;margin:0 0 8px}
label.level,label.reason{display:block;padding:10px 4px;border-bottom:1px solid #e3e6ea}
label.level input,label.reason input{width:auto;margin-right:8px;transform:scale(1.3)}
textarea{width:100%;font:inherit;border:1px solid #9aa3b0;border-radius:10px;padding:8px;margin:6px 0 12px}
"""


def _doc(title_: str, body: str, lang: str, nonce: str, hall: str = "") -> str:
    other, other_name = SWITCH[lang]
    lang_attr = "zh-CN" if lang == "zh_CN" else "en"
    return (
        f'<!doctype html><html lang="{lang_attr}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<title>{_e(title_)}</title><style nonce="{nonce}">{CSS}{CASE_CSS}</style></head>'
        f'<body><header><h1>{_e(hall or title_)}</h1><a href="?lang={other}" id="lang">{_e(other_name)}</a></header>'
        f"<main>{body}</main></body></html>"
    )


def case_form(lang: str, nonce: str, *, error: str | None = None) -> str:
    err = f'<p class="err" id="error">{_e(error)}</p>' if error else ""
    body = (
        f'<div class="card"><h2>{_e(text("case_heading", lang))}</h2>{err}'
        f'<form method="post" autocomplete="off"><label for="tail">{_e(text("case_ask", lang))}</label>'
        '<input id="tail" name="id_tail" maxlength="6" minlength="6" inputmode="text" required '
        'pattern="[0-9]{5}[0-9Xx]" autocapitalize="characters">'
        f'<button class="primary" type="submit" id="check">{_e(text("case_check", lang))}</button></form></div>'
    )
    return _doc(text("case_heading", lang), body, lang, nonce)


def _status(status: str, lang: str) -> str:
    key = f"status_{status}"
    return text(key, lang) if key in T else status


def case_view(case: dict[str, Any], lang: str, nonce: str) -> str:
    """The case after the ID check: where it stands, the steps with dates, what is missing, how to collect."""
    steps = "".join(
        f"<li><b>{_e(_clock_day(st['at']))}</b> {_e(_status(st['status'], lang))}"
        + (f"<br><span class=\"muted\">{_e(st['reason'])}</span>" if st.get("reason") else "")
        + "</li>"
        for st in case["steps"]
    )
    missing = (
        "".join(
            f"<li>{_e(mt['name'])}{'：' if lang == 'zh_CN' else ': '}{_e(text('material_' + mt['state'], lang) if 'material_' + mt['state'] in T else mt['state'])}"
            + (f" — {_e(text('case_bring_by', lang, date=mt['due']))}" if mt.get("due") else "")
            + "</li>"
            for mt in case["missing"]
        )
        if case["missing"]
        else ""
    )
    status = case["status"]
    if status == "delivered":
        ready = text("case_delivered", lang, date=_clock_day(case.get("delivered_at")))
    elif status in ("approved", "denied"):
        ready = text("case_ready", lang)
    else:
        ready = text("case_wait", lang)
    if case.get("delivery") == "express":
        how = (
            text("case_tracking", lang, number=case["tracking_number"])
            if case.get("tracking_number")
            else text("case_express", lang)
        )
    elif case.get("window"):
        how = text("case_collect_window", lang, window=case["window"])
    else:
        how = text("case_collect_hall", lang)
    due = f"<p>{_e(text('case_due', lang, date=case['due_date']))}</p>" if case.get("due_date") else ""
    body = (
        f'<div class="card"><p class="label">{_e(text("case_number", lang, number=case["case_number"]))}</p>'
        f'<p class="big" id="status">{_e(_status(status, lang))}</p>'
        f"<p>{_e(text('case_item', lang, name=case['item']))}</p>"
        f"<p>{_e(text('case_department', lang, name=case['department']))}</p>"
        f"<p>{_e(text('case_applicant', lang, name=case['applicant']))}</p>{due}</div>"
        f'<div class="card" id="steps"><h2>{_e(text("case_steps", lang))}</h2><ol class="steps">{steps}</ol></div>'
        f'<div class="card" id="missing"><h2>{_e(text("case_missing", lang))}</h2>'
        + (f"<ul>{missing}</ul>" if missing else f"<p>{_e(text('case_nothing_missing', lang))}</p>")
        + "</div>"
        f'<div class="card" id="collect"><h2>{_e(text("case_collect", lang))}</h2><p>{_e(ready)}</p><p>{_e(how)}</p></div>'
    )
    return _doc(text("case_heading", lang), body, lang, nonce, case.get("hall", ""))


def _clock_day(stamp: str | None) -> str:
    if not stamp:
        return ""
    if len(stamp) == 10:  # a date
        return stamp
    when = dt.datetime.fromisoformat(stamp)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return f"{local_now(when):%Y-%m-%d %H:%M}"


# ------------------------------------------------------------------ the rating page (一事一评)


def rating_form(state: dict[str, Any], lang: str, nonce: str, *, error: str | None = None) -> str:
    err = f'<p class="err" id="error">{_e(error)}</p>' if error else ""
    levels = "".join(
        f'<label class="level"><input type="radio" name="level" value="{n}" id="level{n}"> {_e(text(f"level_{n}", lang))}</label>'
        for n in (5, 4, 3, 2, 1)
    )
    reasons = "".join(
        f'<label class="reason"><input type="checkbox" name="reason" value="{_e(r)}"> {_e(translate_reason(r, lang))}</label>'
        for r in REASONS
    )
    body = (
        f'<div class="card"><p class="label">{_e(text("title", lang, number=state["number"]))}</p>'
        f'<h2>{_e(text("rate_heading", lang))}</h2>{err}<form method="post">{levels}'
        f'<p class="label">{_e(text("rate_reasons", lang))}</p>{reasons}'
        f'<label for="comment" class="label">{_e(text("rate_comment", lang))}</label>'
        '<textarea id="comment" name="comment" maxlength="500" rows="3"></textarea>'
        f'<button class="primary" type="submit" id="send">{_e(text("rate_send", lang))}</button></form></div>'
    )
    return _doc(text("rate_heading", lang), body, lang, nonce, state.get("hall", ""))


def rating_done(message: str, lang: str, nonce: str, hall: str = "") -> str:
    return _doc(message, f'<div class="card"><p class="big" id="done">{_e(message)}</p></div>', lang, nonce, hall)


def translate_reason(reason: str, lang: str) -> str:
    return translate(CONTEXT, REASONS[reason], lang) if reason in REASONS else reason
