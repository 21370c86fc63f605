"""HTML of the booking pages (issue 18): service → day → time → details → SMS code → the appointment's own
page (cancel, change the time). Server-rendered for 360 px, no script needed; every form posts to the
same origin. Personal data appear only masked (the center answers nothing else)."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any
from urllib.parse import urlencode

from app.i18n.messages import label
from app.public.pages import _doc
from app.public.texts import text

BOOK_CSS = """
a.choice{display:block;padding:14px 12px;border:1px solid #d5dae1;border-radius:10px;margin-bottom:8px;
color:#1d2330;text-decoration:none;background:#fff}
a.choice b{display:block;font-size:17px}
a.choice span{color:#5b6472;font-size:14px}
.days{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}
.days a,.days span{display:block;text-align:center;padding:10px 4px;border-radius:10px;border:1px solid #d5dae1;
text-decoration:none;color:#1d2330;font-size:15px;background:#fff}
.days span{color:#9aa3b0;background:#f2f4f7}
.days small{display:block;font-size:13px;color:#2e7d32}
.days span small{color:#9aa3b0}
.slots{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}
.slots a,.slots span,.slots button{display:block;text-align:center;padding:10px 2px;border-radius:10px;
border:1px solid #b71c1c;color:#b71c1c;text-decoration:none;font-size:16px;background:#fff;width:100%}
.slots span{border-color:#d5dae1;color:#9aa3b0;background:#f2f4f7}
.slots small{display:block;font-size:12px}
form.field label{display:block;margin:10px 0 4px;color:#5b6472;font-size:15px}
form.field input[type=text],form.field input[type=tel]{width:100%;font:inherit;font-size:18px;padding:10px;
border:1px solid #9aa3b0;border-radius:10px}
label.consent{display:flex;gap:8px;align-items:flex-start;margin:12px 0;font-size:15px}
label.consent input{margin-top:4px;transform:scale(1.3)}
.code{font-size:40px;font-weight:700;letter-spacing:4px;margin:4px 0}
.actions form{margin-top:10px}
.actions a{display:block;text-align:center;padding:12px;border:1px solid #b71c1c;border-radius:10px;color:#b71c1c;
text-decoration:none;margin-top:10px}
.ok{background:#e8f5e9;color:#1b5e20}
"""

WEEKDAY_ZH = "一二三四五六日"
WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def day_label(day: str | dt.date, lang: str, *, long: bool = False) -> str:
    d = dt.date.fromisoformat(day) if isinstance(day, str) else day
    if lang == "zh_CN":
        return f"{d.year}年{d.month}月{d.day}日（周{WEEKDAY_ZH[d.weekday()]}）" if long else f"{d.month}月{d.day}日 周{WEEKDAY_ZH[d.weekday()]}"
    return f"{WEEKDAY_EN[d.weekday()]} {d.day} {MONTH_EN[d.month - 1]}" + (f" {d.year}" if long else "")


def cat_name(name: str, lang: str) -> str:
    """A category's name in the page's language (the catalogue knows the common ones)."""
    return label("category", name, lang)


def q(lang: str, **params: str | None) -> str:
    """The query string of a link: the language and whatever else is set."""
    return "?" + urlencode({"lang": lang, **{k: v for k, v in params.items() if v}})


def doc(title: str, body: str, lang: str, nonce: str, hall: str = "", **keep: str | None) -> str:
    """A booking page; the link to the other language keeps `keep` (the chosen item, the booking moved)."""
    from app.public.texts import SWITCH

    out = _doc(title, body, lang, nonce, hall).replace("</style>", BOOK_CSS + "</style>", 1)
    other = SWITCH[lang][0]
    return out.replace(f'href="?lang={other}" id="lang"', f'href="{_e(q(other, **keep))}" id="lang"', 1)


def _error(error: str | None) -> str:
    return f'<p class="err" id="error">{_e(error)}</p>' if error else ""


def services(data: dict[str, Any], lang: str, nonce: str, *, move: str | None = None) -> str:
    rows = []
    for cat in data["categories"]:
        rows.append(
            f'<a class="choice" href="/b/{_e(cat["category"])}{_e(q(lang, move=move))}" id="cat-{_e(cat["category"])}">'
            f'<b>{_e(cat_name(cat["name"], lang))}</b><span>{_e(text("book_whole_category", lang))}</span></a>'
        )
        for item in cat["items"]:
            rows.append(
                f'<a class="choice" href="/b/{_e(cat["category"])}{_e(q(lang, item=item["code"]))}" id="item-{_e(item["code"])}">'
                f'<b>{_e(item["name"])}</b><span>{_e(cat_name(cat["name"], lang))}</span></a>'
            )
    inner = "".join(rows) or f'<p>{_e(text("book_none", lang))}</p>'
    body = f'<div class="card"><h2>{_e(text("book_choose_service", lang))}</h2>{inner}</div>'
    return doc(text("book_heading", lang), body, lang, nonce, data.get("hall", ""), move=move)


def _service_name(data: dict[str, Any], item_name: str | None, lang: str) -> str:
    name = cat_name(str(data["name"]), lang)
    return (f"{item_name}（{name}）" if lang == "zh_CN" else f"{item_name} ({name})") if item_name else name


def days(data: dict[str, Any], lang: str, nonce: str, *, item: str | None, item_name: str | None,
         move: str | None, moving_code: str | None = None, error: str | None = None) -> str:
    cells = []
    for d in data["days"]:
        day = dt.date.fromisoformat(d["day"])
        weekday = f"周{WEEKDAY_ZH[day.weekday()]}" if lang == "zh_CN" else WEEKDAY_EN[day.weekday()]
        date = f"{day.month}月{day.day}日" if lang == "zh_CN" else f"{day.day} {MONTH_EN[day.month - 1]}"
        label = f"<b>{_e(date)}</b><br>{_e(weekday)}"
        if d["open"] and d["free"] > 0:
            href = f'/b/{_e(data["category"])}/{_e(d["day"])}{_e(q(lang, item=item, move=move))}'
            cells.append(f'<a href="{href}" id="day-{_e(d["day"])}">{label}<small>{_e(text("book_free", lang, n=d["free"]))}</small></a>')
        else:
            why = text("book_full", lang) if d["open"] else (d.get("holiday") or text("book_closed", lang))
            cells.append(f'<span id="day-{_e(d["day"])}">{label}<small>{_e(why)}</small></span>')
    head = (
        f'<p class="label">{_e(text("book_moving", lang, code=moving_code))}</p>' if moving_code else ""
    )
    body = (
        f'<div class="card">{head}<p class="label">{_e(_service_name(data, item_name, lang))}</p>'
        f'<h2>{_e(text("book_choose_day", lang))}</h2>{_error(error)}<div class="days">{"".join(cells)}</div></div>'
        f'<p><a href="/b{_e(q(lang, move=move))}">{_e(text("book_back_services", lang))}</a></p>'
    )
    return doc(text("book_choose_day", lang), body, lang, nonce, data.get("hall", ""), item=item, move=move)


def slots(data: dict[str, Any], lang: str, nonce: str, *, item: str | None, item_name: str | None,
          move: str | None, error: str | None = None) -> str:
    cells = []
    for x in data["slots"]:
        hhmm = x["time"].replace(":", "")
        label = f'{_e(x["time"])}<small>{_e(text("book_free", lang, n=x["free"]) if x["bookable"] else text("book_full", lang))}</small>'
        if not x["bookable"]:
            cells.append(f'<span id="slot-{hhmm}">{label}</span>')
        elif move:
            cells.append(
                f'<form method="post" action="/a/{_e(move)}/move{_e(q(lang))}"><input type="hidden" name="start" '
                f'value="{_e(x["start"])}"><button type="submit" id="slot-{hhmm}">{label}</button></form>'
            )
        else:
            href = f'/b/{_e(data["category"])}/{_e(data["day"])}/{hhmm}{_e(q(lang, item=item))}'
            cells.append(f'<a href="{href}" id="slot-{hhmm}">{label}</a>')
    if not data["slots"]:
        inner = f'<p>{_e(text("book_no_slots", lang))}</p>'
    elif data.get("full"):
        inner = f'<p class="err">{_e(text("book_day_full", lang))}</p><div class="slots">{"".join(cells)}</div>'
    else:
        inner = f'<div class="slots">{"".join(cells)}</div>'
    body = (
        f'<div class="card"><p class="label">{_e(_service_name(data, item_name, lang))}<br>'
        f'{_e(day_label(data["day"], lang, long=True))}</p>'
        f'<h2>{_e(text("book_choose_time", lang))}</h2>{_error(error)}{inner}</div>'
        f'<p><a href="/b/{_e(data["category"])}{_e(q(lang, item=item, move=move))}" id="other-days">{_e(text("book_back_days", lang))}</a></p>'
    )
    return doc(text("book_choose_time", lang), body, lang, nonce, data.get("hall", ""), item=item, move=move)


def details(data: dict[str, Any], slot: dict[str, Any], lang: str, nonce: str, *, item: str | None,
            item_name: str | None, error: str | None = None) -> str:
    """The details form. Nothing typed is echoed back after a refusal (no personal data on the page)."""
    summary = text("book_summary", lang, service=_service_name(data, item_name, lang), day=day_label(data["day"], lang),
                   time=slot["time"], end=slot["end_time"])
    body = (
        f'<div class="card"><p class="label">{_e(summary)}</p><h2>{_e(text("book_your_details", lang))}</h2>{_error(error)}'
        f'<form method="post" class="field" autocomplete="off" action="{_e(q(lang, item=item))}">'
        f'<label for="name">{_e(text("book_name", lang))}</label>'
        f'<input type="text" id="name" name="name" maxlength="50" required>'
        f'<label for="id_number">{_e(text("book_id", lang))}</label>'
        '<input type="text" id="id_number" name="id_number" maxlength="18" minlength="18" required '
        'pattern="[0-9]{17}[0-9Xx]" autocapitalize="characters">'
        f'<label for="phone">{_e(text("book_phone", lang))}</label>'
        '<input type="tel" id="phone" name="phone" maxlength="11" minlength="11" required pattern="1[3-9][0-9]{9}" inputmode="numeric">'
        f'<label class="consent"><input type="checkbox" name="consent" value="1" id="consent" required>'
        f'<span>{_e(text("book_consent", lang))}</span></label>'
        f'<p class="muted">{_e(text("book_privacy", lang))}</p>'
        f'<button class="primary" type="submit" id="send">{_e(text("book_get_code", lang))}</button></form></div>'
        f'<p><a href="/b/{_e(data["category"])}/{_e(data["day"])}{_e(q(lang, item=item))}">{_e(text("book_choose_time", lang))}</a></p>'
    )
    return doc(text("book_your_details", lang), body, lang, nonce, data.get("hall", ""), item=item)


def code_form(hold: dict[str, Any], lang: str, nonce: str, *, minutes: int, error: str | None = None,
              restart: str | None = None) -> str:
    summary = text("book_summary", lang, service=hold.get("item_name") or cat_name(hold["category_name"], lang),
                   day=day_label(hold["day"], lang), time=hold["time"], end=hold["end_time"])
    again = f'<p><a href="{_e(restart)}" id="restart">{_e(text("book_back_days", lang))}</a></p>' if restart else ""
    body = (
        f'<div class="card"><p class="label">{_e(summary)}</p><h2>{_e(text("book_code_heading", lang))}</h2>'
        f'<p>{_e(text("book_code_sent", lang, phone=hold["phone_masked"], minutes=minutes))}</p>{_error(error)}'
        f'<form method="post" class="field" autocomplete="off" action="{_e(q(lang))}">'
        f'<label for="code">{_e(text("book_code", lang))}</label>'
        '<input type="text" id="code" name="code" maxlength="6" minlength="6" required pattern="[0-9]{6}" '
        'inputmode="numeric" autocomplete="one-time-code">'
        f'<p></p><button class="primary" type="submit" id="confirm">{_e(text("book_confirm", lang))}</button></form></div>{again}'
    )
    return doc(text("book_code_heading", lang), body, lang, nonce, hold.get("hall", ""))


def appointment(a: dict[str, Any], token: str, lang: str, nonce: str, *, note: str | None = None,
                ask_cancel: bool = False, error: str | None = None) -> str:
    status = a["status"]
    if status == "booked":
        head = f'<div class="card ok"><p class="big" id="state">{_e(note or text("book_done", lang))}</p></div>'
    else:
        key = {"cancelled": "book_cancelled", "checked_in": "book_checked_in", "missed": "book_missed"}.get(status, "book_cancelled")
        head = f'<div class="card warn"><p class="big" id="state">{_e(text(key, lang))}</p></div>'
    service = _service_name({"name": a["category_name"]}, a.get("item_name"), lang)
    info = (
        f'<div class="card"><p class="label">{_e(text("book_code_label", lang))}</p>'
        f'<p class="code" id="code">{_e(a["code"])}</p>'
        f'<p>{_e(text("book_service", lang, name=service))}</p>'
        f'<p id="when">{_e(text("book_when_day", lang, day=day_label(a["day"], lang, long=True)))}<br>'
        f'<b>{_e(text("book_when_time", lang, time=a["time"], end=a["end_time"]))}</b></p>'
        f'<p>{_e(text("book_who_name", lang, name=a["name_masked"]))}<br>'
        f'{_e(text("book_who_id", lang, id=a["id_number_masked"]))}<br>'
        f'{_e(text("book_phone_line", lang, phone=a["phone_masked"]))}</p>'
        + (f'<p class="muted">{_e(text("book_checkin_hint", lang))}</p>' if status == "booked" else "")
        + "</div>"
    )
    actions, ask = [], ""
    if a.get("can_cancel") and ask_cancel:  # the question first, where the thumb is
        ask = (
            f'<div class="card warn" id="ask"><p>{_e(text("book_cancel_sure", lang))}</p>'
            f'<form method="post" action="/a/{_e(token)}/cancel{_e(q(lang))}">'
            f'<button type="submit" class="primary" id="cancel-yes">{_e(text("book_cancel_yes", lang))}</button></form>'
            f'<p><a href="/a/{_e(token)}{_e(q(lang))}" id="keep">{_e(text("book_keep", lang))}</a></p></div>'
        )
    elif a.get("can_reschedule"):
        actions.append(f'<a href="/b/{_e(a["category"])}{_e(q(lang, move=token))}" id="reschedule">{_e(text("book_reschedule", lang))}</a>')
    if a.get("can_cancel") and not ask_cancel:
        actions.append(f'<a href="/a/{_e(token)}/cancel{_e(q(lang))}" id="cancel">{_e(text("book_cancel", lang))}</a>')
    if status == "cancelled":
        actions.append(f'<a href="/b/{_e(a["category"])}{_e(q(lang))}" id="again">{_e(text("book_again", lang))}</a>')
    keep = f'<p class="muted">{_e(text("book_keep_link", lang))}</p>' if status == "booked" else ""
    if ask:
        head = ask
    body = head + _error(error) + info + f'<div class="actions">{"".join(actions)}</div>' + keep
    return doc(text("book_heading", lang), body, lang, nonce, a.get("hall", ""))


def message(msg: str, lang: str, nonce: str, *, link: tuple[str, str] | None = None, hall: str = "") -> str:
    more = f'<p><a href="{_e(link[0])}" id="next">{_e(link[1])}</a></p>' if link else ""
    return doc(msg, f'<div class="card warn"><p class="big" id="done">{_e(msg)}</p>{more}</div>', lang, nonce, hall)
