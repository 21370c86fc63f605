"""Every message the core and the center can give a user, as a stable code with an English source text.

- A message is raised as `msg(code, **params)`: a `str` (its English text, for logs and old clients) that
  also carries `code` and `params`. Errors built from it (`HallError`, `QueueError`, `ApiError`) pass both
  on: the center answers `{"error", "code", "params", "message"}`.
- The terminals show `render(code, params, language)`: the source text translated (the context
  `Messages` of resources/translations/hall_zh_CN.ts, which lupdate fills from the
  `QT_TRANSLATE_NOOP` markers below) with its `{named}` params filled. A param may itself be a message
  (`{"code": ..., "params": ...}`), rendered in the same language. An unknown code, or params that do not
  fit the text, fall back to the message the error came with.
- Labels of hall rules (case statuses, GB/T 39734 rating levels and reasons, complaint topics, ticket
  statuses) are messages too: `label(group, key, language)`.

To add a message: add `"code": _("English text with {params}")` here, its Chinese to
tools/translations_zh.json (keyed by the English text), run tools/update_translations.sh.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Messages"


# One table per group; every value is marked for lupdate with the context `Messages`.
MESSAGES: dict[str, str] = {
    # ---- the queue (center) --------------------------------------------------------------
    "unknown_category": QT_TRANSLATE_NOOP("Messages", "There is no queue category {prefix}."),
    "unknown_window": QT_TRANSLATE_NOOP("Messages", "There is no window {window}."),
    "category_busy": QT_TRANSLATE_NOOP("Messages", "This category's settings are being changed: try again."),
    "not_ready": QT_TRANSLATE_NOOP("Messages", "The center is not ready yet: ask the administrator."),
    "no_appointment": QT_TRANSLATE_NOOP(
        "Messages", "No appointment for today with this code, or it was checked in already."
    ),
    "wrong_category": QT_TRANSLATE_NOOP("Messages", "This appointment is for another category."),
    "numbers_exhausted": QT_TRANSLATE_NOOP("Messages", "Today's numbers of {category} are used up."),
    "already_has_ticket": QT_TRANSLATE_NOOP(
        "Messages", "You already hold ticket {number}, not yet served: please do not take another."
    ),
    "blocked_no_shows": QT_TRANSLATE_NOOP(
        "Messages",
        "{misses} missed calls in the last {days} days: tickets by ID card are paused until {until}. "
        "Please ask at the service desk.",
    ),
    "window_paused": QT_TRANSLATE_NOOP("Messages", "The window is paused: resume it first."),
    "window_busy": QT_TRANSLATE_NOOP("Messages", "Finish or mark a no-show for {number} first."),
    "window_busy_current": QT_TRANSLATE_NOOP("Messages", "Finish or mark a no-show for the current ticket first."),
    "window_busy_pause": QT_TRANSLATE_NOOP("Messages", "Finish the current ticket before pausing."),
    "window_serves_nothing": QT_TRANSLATE_NOOP("Messages", "This window serves no category: ask the manager."),
    "not_waiting": QT_TRANSLATE_NOOP("Messages", "{number} is not waiting."),
    "window_does_not_serve": QT_TRANSLATE_NOOP("Messages", "This window does not serve {number}."),
    "window_does_not_serve_category": QT_TRANSLATE_NOOP("Messages", "Window {window} does not serve {category}."),
    "ticket_not_found": QT_TRANSLATE_NOOP("Messages", "There is no such ticket."),
    "no_open_ticket_today": QT_TRANSLATE_NOOP("Messages", "There is no open ticket {number} today."),
    "other_window": QT_TRANSLATE_NOOP("Messages", "{number} belongs to window {window}."),
    "ticket_not_at_window": QT_TRANSLATE_NOOP("Messages", "{number} is not at window {window}."),
    "transferred_to_window": QT_TRANSLATE_NOOP("Messages", "{number} was transferred to window {window}."),
    "logged_in_elsewhere": QT_TRANSLATE_NOOP("Messages", "You are logged in at window {window}, not {other}."),
    "counter_of_window": QT_TRANSLATE_NOOP("Messages", "This counter belongs to window {window}, not {other}."),
    "not_called": QT_TRANSLATE_NOOP("Messages", "{number} is {status}: only a called ticket can be recalled."),
    "not_called_no_show": QT_TRANSLATE_NOOP(
        "Messages", "{number} is {status}: only a called ticket can be marked a no-show."
    ),
    "not_called_start": QT_TRANSLATE_NOOP("Messages", "{number} is {status}: only a called ticket can be started."),
    "recall_limit": QT_TRANSLATE_NOOP("Messages", "Recalled {count} times: mark it a no-show."),
    "not_no_show": QT_TRANSLATE_NOOP("Messages", "{number} is {status}, not a no-show."),
    "take_new_ticket": QT_TRANSLATE_NOOP("Messages", "A missed number needs a new ticket."),
    "not_serving": QT_TRANSLATE_NOOP("Messages", "{number} is {status}, not being served."),
    "not_open": QT_TRANSLATE_NOOP("Messages", "{number} is {status}: it cannot be transferred."),
    "transfer_target": QT_TRANSLATE_NOOP("Messages", "Give a category or a window to transfer to."),
    "category_closed": QT_TRANSLATE_NOOP("Messages", "{category} takes no tickets now: {reason}"),
    # why a category takes no tickets now (opening hours, issue 16)
    "closed.open": QT_TRANSLATE_NOOP("Messages", "Tickets can be taken"),
    "closed.outside_hours": QT_TRANSLATE_NOOP("Messages", "Outside ticket hours"),
    "closed.cutoff": QT_TRANSLATE_NOOP("Messages", "Past today's cut-off ({detail})"),
    "closed.quota": QT_TRANSLATE_NOOP("Messages", "Today's tickets are all given out ({detail})"),
    "closed.closed_day": QT_TRANSLATE_NOOP("Messages", "Closed today ({detail})"),
    "closed.closed_day_plain": QT_TRANSLATE_NOOP("Messages", "Closed today"),
    "closed.calendar_unknown": QT_TRANSLATE_NOOP("Messages", "This year's working-day calendar is not entered yet: please ask at the service desk"),
    "closed.inactive": QT_TRANSLATE_NOOP("Messages", "This service takes no tickets for now"),
    "closed.next": QT_TRANSLATE_NOOP("Messages", "{why}; next tickets from {weekday}, {date}, {time}"),
    "closed.cutoff_detail": QT_TRANSLATE_NOOP("Messages", "no tickets in the last {minutes} minutes before closing"),
    "closed.quota_detail": QT_TRANSLATE_NOOP("Messages", "{count} a day"),
    "closed.some": QT_TRANSLATE_NOOP("Messages", "Some services take no tickets now"),
    "date.month_day": QT_TRANSLATE_NOOP("Messages", "{month}/{day}"),
    # ---- logins and terminals --------------------------------------------------------------
    "bad_credentials": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password."),
    "terminal_bad_credentials": QT_TRANSLATE_NOOP(
        "Messages", "Unknown terminal or wrong credential: enroll this terminal again."
    ),
    "terminal_login_only": QT_TRANSLATE_NOOP("Messages", "Terminal accounts log in with their credential."),
    "window_required": QT_TRANSLATE_NOOP("Messages", "A clerk logs in at a window: give the window."),
    "too_many_card_logins": QT_TRANSLATE_NOOP(
        "Messages", "Too many failed card logins at this counter: wait a minute."
    ),
    "too_many_logins": QT_TRANSLATE_NOOP("Messages", "Too many failed logins: try again in {seconds} s."),
    "too_many_attempts": QT_TRANSLATE_NOOP("Messages", "Too many failed attempts: wait and try again."),
    "unknown_card": QT_TRANSLATE_NOOP("Messages", "This ID card is not registered as a staff card."),
    "pending_approval": QT_TRANSLATE_NOOP("Messages", "This terminal waits for an administrator's approval."),
    "revoked": QT_TRANSLATE_NOOP("Messages", "This terminal was revoked by an administrator."),
    "login_failed": QT_TRANSLATE_NOOP("Messages", "Login failed: {reason}"),
    "card_login_failed": QT_TRANSLATE_NOOP("Messages", "Card login failed: {reason}"),
    "offline_login": QT_TRANSLATE_NOOP(
        "Messages", "The center cannot be reached and this clerk has not logged in here before: no offline login."
    ),
    "card_login_offline": QT_TRANSLATE_NOOP(
        "Messages", "Card login needs the center: while the network is down, log in with user name and password."
    ),
    "not_logged_in": QT_TRANSLATE_NOOP("Messages", "Log in first."),
    # ---- the counter ---------------------------------------------------------------------
    "counter_needs_center": QT_TRANSLATE_NOOP(
        "Messages",
        "{what} needs the center, which cannot be reached now; acceptance and case search work as usual.",
    ),
    "no_ticket": QT_TRANSLATE_NOOP("Messages", "No ticket is being served at this window: press F1 to call."),
    "name_required": QT_TRANSLATE_NOOP("Messages", "Enter the applicant's name."),
    "invalid_id_number": QT_TRANSLATE_NOOP("Messages", "The ID number is wrong: {reason}"),
    # ---- SMS to citizens (issue 18) ------------------------------------------------------
    "invalid_phone": QT_TRANSLATE_NOOP("Messages", "Enter an 11-digit mobile number."),
    "sms_consent_required": QT_TRANSLATE_NOOP(
        "Messages", "A phone number for SMS reminders needs the citizen's consent."
    ),
    "unknown_consent": QT_TRANSLATE_NOOP("Messages", "Unknown consent text version {version}."),
    "id.first17": QT_TRANSLATE_NOOP("Messages", "an ID number starts with 17 digits."),
    "id.foreign15": QT_TRANSLATE_NOOP(
        "Messages", "a foreigner's permanent residence card number is 3 letters followed by 12 digits."
    ),
    "id.length": QT_TRANSLATE_NOOP(
        "Messages",
        "an ID number has 18 characters (15 on an older foreigner's permanent residence card), not {length}.",
    ),
    "id.shape": QT_TRANSLATE_NOOP("Messages", "an ID number is 17 digits followed by a digit or X."),
    "id.birth_date": QT_TRANSLATE_NOOP("Messages", "the birth date in the number is impossible."),
    "id.region": QT_TRANSLATE_NOOP("Messages", "the region code in the number is invalid."),
    "id.check_digit": QT_TRANSLATE_NOOP("Messages", "the check digit is wrong (a typing mistake?)."),
    "id.no_birth_date": QT_TRANSLATE_NOOP("Messages", "this card's number carries no birth date: read it from the card."),
    "phone_too_long": QT_TRANSLATE_NOOP("Messages", "The phone number is too long (at most {max} digits)."),
    "not_here": QT_TRANSLATE_NOOP("Messages", "This counter does not hold the case."),
    "not_here_center": QT_TRANSLATE_NOOP(
        "Messages", "Another window accepted this case: find it under the center's cases."
    ),
    "back_office": QT_TRANSLATE_NOOP(
        "Messages", "The department decides this case in the back office: the window cannot complete it."
    ),
    "nothing_to_correct": QT_TRANSLATE_NOOP("Messages", "List the materials that must be corrected."),
    "empty_case_query": QT_TRANSLATE_NOOP(
        "Messages", "Enter a case number or an ID number, or scan the notice's QR code."
    ),
    "tracking_required": QT_TRANSLATE_NOOP("Messages", "A courier delivery needs a tracking number."),
    "cannot_deliver": QT_TRANSLATE_NOOP("Messages", "Cannot deliver: {reason}"),
    "invalid_transition": QT_TRANSLATE_NOOP("Messages", "The case is {current}: it cannot become {target}."),
    "reason_required": QT_TRANSLATE_NOOP("Messages", "A denial needs its reasons."),
    "receiver_required": QT_TRANSLATE_NOOP("Messages", "Name who receives the report."),
    "no_ticket_today": QT_TRANSLATE_NOOP("Messages", "There is no ticket {number} today."),
    "no_phone": QT_TRANSLATE_NOOP("Messages", "No phone is known for this rating."),
    "rectification_incomplete": QT_TRANSLATE_NOOP("Messages", "Record the measures and the call-back first."),
    "department_required": QT_TRANSLATE_NOOP("Messages", "Back-office staff need a department."),
    "no_receipt_printer": QT_TRANSLATE_NOOP("Messages", "No receipt printer is configured at this window."),
    "no_leased_numbers": QT_TRANSLATE_NOOP("Messages", "No offline numbers of {prefix} are left at this terminal: please call the staff."),
    "refusal_needs_basis": QT_TRANSLATE_NOOP("Messages", "A refusal needs a reason and its legal basis."),
    "nothing_missing_notify": QT_TRANSLATE_NOOP("Messages", "Nothing is missing: accept instead of telling what is missing."),
    "nothing_missing": QT_TRANSLATE_NOOP("Messages", "Nothing is missing: accept instead."),
    "case_unknown": QT_TRANSLATE_NOOP("Messages", "There is no such case."),
    "task_unknown": QT_TRANSLATE_NOOP("Messages", "Case {case} has no such task."),
    "task_other_department": QT_TRANSLATE_NOOP("Messages", "This task belongs to another department."),
    "no_task_of_department": QT_TRANSLATE_NOOP("Messages", "This case has no task of your department."),
    "task_closed": QT_TRANSLATE_NOOP("Messages", "This task is closed already."),
    "verify_not_decide": QT_TRANSLATE_NOOP("Messages", "A verification task is answered with its finding, not a decision."),
    "waiting_correction": QT_TRANSLATE_NOOP("Messages", "Case {case} waits for the corrected materials."),
    "no_decision_now": QT_TRANSLATE_NOOP("Messages", "Case {case} is {status}: no decision now."),
    "not_waiting_correction": QT_TRANSLATE_NOOP("Messages", "Case {case} is {status}, not waiting for a correction."),
    "special_step_required": QT_TRANSLATE_NOOP("Messages", "Name the special step (hearing, testing, expert review, site inspection…)."),
    "no_special_step_now": QT_TRANSLATE_NOOP("Messages", "Case {case} is {status}: no special step now."),
    "not_in_special_step": QT_TRANSLATE_NOOP("Messages", "Case {case} is not in a special step."),
    "only_verify_task": QT_TRANSLATE_NOOP("Messages", "Only a verification task takes a finding."),
    "finding_required": QT_TRANSLATE_NOOP("Messages", "A false commitment needs the finding written down."),
    "verify_later": QT_TRANSLATE_NOOP("Messages", "Case {case} is {status}: record a failed verification once the deferred materials or the special step are done."),
    "nothing_to_hand_out": QT_TRANSLATE_NOOP("Messages", "Case {case} is {status}: nothing to hand out yet."),
    "no_department": QT_TRANSLATE_NOOP("Messages", "This back-office account has no department."),
    "not_decided": QT_TRANSLATE_NOOP("Messages", "Case {case} is not decided yet."),
    "no_correction": QT_TRANSLATE_NOOP("Messages", "Case {case} is not waiting for a correction."),
    "not_terminated": QT_TRANSLATE_NOOP("Messages", "Case {case} was not terminated for missing materials."),
    "no_commitment": QT_TRANSLATE_NOOP("Messages", "Case {case} has no commitment notice."),
    "appointment_code_or_id": QT_TRANSLATE_NOOP("Messages", "Give an appointment code or an ID number."),
    "disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk is full: the last action was not saved. Ask the administrator to free space, then try again; "
        "saved data is not affected.",
    ),
    # where a citizen collects the result, how long an item takes
    "collect.post": QT_TRANSLATE_NOOP("Messages", "By post"),
    "collect.post_tracking": QT_TRANSLATE_NOOP("Messages", "By post, tracking number {tracking}"),
    "collect.window": QT_TRANSLATE_NOOP("Messages", "Collect at window {window}"),
    "collect.desk": QT_TRANSLATE_NOOP("Messages", "Collect at the results desk"),
    "time_limit.instant": QT_TRANSLATE_NOOP("Messages", "Decided on the spot"),
    "time_limit": QT_TRANSLATE_NOOP("Messages", "Promised {promised} (legal limit {legal})"),
    "working_days": QT_TRANSLATE_NOOP("Messages", "{days} working days"),
    # what needs the center (the `what` of counter_needs_center / kiosk_needs_center)
    "what.call": QT_TRANSLATE_NOOP("Messages", "Calling"),
    "what.queue": QT_TRANSLATE_NOOP("Messages", "The queue"),
    "what.pause": QT_TRANSLATE_NOOP("Messages", "Pausing the window"),
    "what.resume": QT_TRANSLATE_NOOP("Messages", "Resuming the window"),
    "what.corrections": QT_TRANSLATE_NOOP("Messages", "Receiving corrections"),
    "what.case_search": QT_TRANSLATE_NOOP("Messages", "Case search"),
    "what.case_detail": QT_TRANSLATE_NOOP("Messages", "Case details"),
    "what.deliver": QT_TRANSLATE_NOOP("Messages", "Delivering the result"),
    "what.recall": QT_TRANSLATE_NOOP("Messages", "Recalling"),
    "what.no_show": QT_TRANSLATE_NOOP("Messages", "Marking a no-show"),
    "what.start": QT_TRANSLATE_NOOP("Messages", "Starting service"),
    "what.finish": QT_TRANSLATE_NOOP("Messages", "Finishing service"),
    "what.transfer": QT_TRANSLATE_NOOP("Messages", "Transferring"),
    "what.print_notice": QT_TRANSLATE_NOOP("Messages", "Printing a notice"),
    "what.deliver_other": QT_TRANSLATE_NOOP("Messages", "Delivering a case accepted at another window"),
    "what.check_in": QT_TRANSLATE_NOOP("Messages", "Appointment check-in"),
    "what.rating": QT_TRANSLATE_NOOP("Messages", "Rating"),
    "what.lookup": QT_TRANSLATE_NOOP("Messages", "Case lookup"),
    # ---- the command line, hall set-up and settings ---------------------------------------
    "cli.error": QT_TRANSLATE_NOOP("Messages", "error: {message}"),
    "cli.note": QT_TRANSLATE_NOOP("Messages", "note: {message}"),
    "cli.warning": QT_TRANSLATE_NOOP("Messages", "warning: {message}"),
    "password.rejected": QT_TRANSLATE_NOOP("Messages", "The password does not meet the rules: {reason}"),
    "password.too_short": QT_TRANSLATE_NOOP("Messages", "at least {min} characters."),
    "password.letters_digits": QT_TRANSLATE_NOOP("Messages", "it must contain letters and digits."),
    "password.common": QT_TRANSLATE_NOOP("Messages", "it must not be a common password or contain the user name."),
    "password.differ": QT_TRANSLATE_NOOP("Messages", "The two passwords differ."),
    "init.has_admin": QT_TRANSLATE_NOOP("Messages", "This database already has an administrator: it is not initialised again."),
    "init.bad_username": QT_TRANSLATE_NOOP("Messages", "The user name {name} is not valid: a letter first, then 2–40 letters, digits or _.- in all."),
    "init.bad_hall_code": QT_TRANSLATE_NOOP("Messages", "The hall code {value} must be 1–8 capital letters or digits."),
    "device_missing": QT_TRANSLATE_NOOP("Messages", "No {device} is configured: set devices.{key} in hall.toml ([devices] {key} = \"{example}\") or the environment variable {env}; `hall doctor` checks it."),
    "device.idcard_url": QT_TRANSLATE_NOOP("Messages", "ID-card reader"),
    "device.ticket_printer_url": QT_TRANSLATE_NOOP("Messages", "ticket printer"),
    "device.receipt_printer_url": QT_TRANSLATE_NOOP("Messages", "receipt printer"),
    "center_nonsense": QT_TRANSLATE_NOOP("Messages", "The answer from {url} is not the center's protocol ({what}): the data stays on this terminal and is sent again later."),
    "calendar_unknown_year": QT_TRANSLATE_NOOP("Messages", "The holiday calendar of {year} is not published or not entered yet: an administrator enters {year} in the working-day calendar before dates in {year} can be counted."),
    "calendar.month_title": QT_TRANSLATE_NOOP("Messages", "{month}/{year}"),
    "calendar.weekdays": QT_TRANSLATE_NOOP("Messages", "Mo Tu We Th Fr Sa Su"),
    "hours.bad_range_form": QT_TRANSLATE_NOOP("Messages", "The time range {part} must look like 09:00-12:00."),
    "hours.bad_range": QT_TRANSLATE_NOOP("Messages", "The time range {part} is not a valid range."),
    "hours.overlap": QT_TRANSLATE_NOOP("Messages", "The time ranges {first} and {second} overlap."),
    "catalog.nothing_matches": QT_TRANSLATE_NOOP("Messages", "Nothing matches {query}."),
    "stats.no_window": QT_TRANSLATE_NOOP("Messages", "(no window recorded)"),
    "stats.not_recorded": QT_TRANSLATE_NOOP("Messages", "(not recorded)"),
    "stats.window": QT_TRANSLATE_NOOP("Messages", "Window {window}"),
    # ---- devices: the ID-card reader and the printers -------------------------------------
    "idcard.error": QT_TRANSLATE_NOOP("Messages", "ID-card reader: {message}"),
    "idcard.sam_ready": QT_TRANSLATE_NOOP("Messages", "Reader {url}: SAM ready; SAM id {sam}"),
    "idcard.none": QT_TRANSLATE_NOOP("Messages", "none"),
    "printer.offline": QT_TRANSLATE_NOOP("Messages", "The printer is offline or not responding."),
    "printer.cover_open": QT_TRANSLATE_NOOP("Messages", "The printer's cover is open: close it."),
    "printer.paper_out": QT_TRANSLATE_NOOP("Messages", "The printer is out of paper: load a new roll."),
    "printer.cut_short": QT_TRANSLATE_NOOP("Messages", "The printer stopped mid-job ({state}): the ticket was not printed whole and counts as not printed."),
    "printer.stopped.paper_out": QT_TRANSLATE_NOOP("Messages", "out of paper"),
    "printer.stopped.cover_open": QT_TRANSLATE_NOOP("Messages", "the cover was opened"),
    "printer.stopped.fault": QT_TRANSLATE_NOOP("Messages", "fault"),
    "printer.stopped.offline": QT_TRANSLATE_NOOP("Messages", "went offline"),
    "printer.fault": QT_TRANSLATE_NOOP("Messages", "Printer fault: {detail}"),
    "printer.near_end": QT_TRANSLATE_NOOP("Messages", "The paper is nearly used up: replace the roll soon."),
    "printer.no_status": QT_TRANSLATE_NOOP("Messages", "This connection cannot read the printer's status: paper and offline were not checked."),
    "printer.status_off": QT_TRANSLATE_NOOP("Messages", "The status check is switched off in the printer URL (status=off)."),
    "printer.unreachable_power": QT_TRANSLATE_NOOP("Messages", "Cannot reach the printer {printer}: check its power and cable ({error})."),
    "printer.unreachable": QT_TRANSLATE_NOOP("Messages", "Cannot reach the printer {printer}: {error}"),
    "printer.send_failed": QT_TRANSLATE_NOOP("Messages", "Sending to the printer {printer} failed: {error}"),
    "printer.no_answer_detail": QT_TRANSLATE_NOOP("Messages", "The printer {printer} did not answer the status request ({error})."),
    "printer.no_answer": QT_TRANSLATE_NOOP("Messages", "The printer {printer} did not answer the status request."),
    "printer.sim_no_answer": QT_TRANSLATE_NOOP("Messages", "The simulated printer did not answer."),
    "printer.sim_rejected": QT_TRANSLATE_NOOP("Messages", "The simulated printer rejected the job: {error}"),
    "printer.win32_only": QT_TRANSLATE_NOOP("Messages", "win32:// printers exist only on Windows."),
    "printer.needs_pyusb": QT_TRANSLATE_NOOP("Messages", "USB printing needs pyusb and libusb installed ({detail})."),
    "printer.needs_pycups": QT_TRANSLATE_NOOP("Messages", "cups:// needs pycups and CUPS installed."),
    "printer.needs_pywin32": QT_TRANSLATE_NOOP("Messages", "win32:// needs pywin32 installed."),
    "printer.unknown_profile": QT_TRANSLATE_NOOP("Messages", "Unknown printer profile {name}; known: {known}"),
    "printer.bad_url": QT_TRANSLATE_NOOP("Messages", "Invalid printer URL {url}: {why}"),
    "printer.bad_status_byte": QT_TRANSLATE_NOOP("Messages", "The printer answered DLE EOT {n} with 0x{value}, not a status byte."),
    "printer.cutter_jam": QT_TRANSLATE_NOOP("Messages", "The cutter is jammed: open the cover and clear the paper."),
    "printer.unrecoverable": QT_TRANSLATE_NOOP("Messages", "Unrecoverable error: switch the printer off and call service."),
    "printer.head_hot": QT_TRANSLATE_NOOP("Messages", "The print head is too hot: wait a moment and try again."),
    "printer.recoverable": QT_TRANSLATE_NOOP("Messages", "Recoverable error: check the printer and try again."),
    "printer.cannot_read_status": QT_TRANSLATE_NOOP("Messages", "{printer}: this connection cannot read the printer's status."),
    "printer.printed": QT_TRANSLATE_NOOP("Messages", "Printed {kind}: {bytes} bytes to {printer}."),
    "printer.status.offline": QT_TRANSLATE_NOOP("Messages", "offline"),
    "printer.status.cover_open": QT_TRANSLATE_NOOP("Messages", "cover open"),
    "printer.status.paper_out": QT_TRANSLATE_NOOP("Messages", "paper out"),
    "printer.status.paper_near_end": QT_TRANSLATE_NOOP("Messages", "paper near end"),
    "printer.status.cutter_error": QT_TRANSLATE_NOOP("Messages", "cutter error"),
    "printer.status.unrecoverable": QT_TRANSLATE_NOOP("Messages", "unrecoverable error"),
    "printer.status.auto_recoverable": QT_TRANSLATE_NOOP("Messages", "auto-recoverable error (e.g. head too hot)"),
    "printer.status.recoverable": QT_TRANSLATE_NOOP("Messages", "recoverable error"),
    "printer.status.ready": QT_TRANSLATE_NOOP("Messages", "ready"),
    "list.comma": QT_TRANSLATE_NOOP("Messages", "{first}, {rest}"),
    # ---- the hall workbook (import) -------------------------------------------------------
    "workbook.invalid": QT_TRANSLATE_NOOP("Messages", "{path}: {count} problem(s), nothing was written:\n{lines}"),
    "workbook.more": QT_TRANSLATE_NOOP("Messages", "… and {count} more"),
    "workbook.file": QT_TRANSLATE_NOOP("Messages", "file"),
    "workbook.cell": QT_TRANSLATE_NOOP("Messages", "{where}: {reason}"),
    "workbook.header": QT_TRANSLATE_NOOP("Messages", "{where} ({header})"),
    "workbook.required": QT_TRANSLATE_NOOP("Messages", "required, cannot be empty"),
    "workbook.text_not_date": QT_TRANSLATE_NOOP("Messages", "text expected, not a date"),
    "workbook.whole_number": QT_TRANSLATE_NOOP("Messages", "a whole number expected"),
    "workbook.not_whole": QT_TRANSLATE_NOOP("Messages", "{value} is not a whole number"),
    "workbook.not_non_negative": QT_TRANSLATE_NOOP("Messages", "{value} is not a non-negative whole number"),
    "workbook.not_days": QT_TRANSLATE_NOOP("Messages", "{value} is not a number of working days"),
    "workbook.half_days": QT_TRANSLATE_NOOP("Messages", "{value}: whole or half working days expected (such as 2.5)"),
    "workbook.yes_no": QT_TRANSLATE_NOOP("Messages", "{value}: yes or no expected"),
    "workbook.not_a_choice": QT_TRANSLATE_NOOP("Messages", "{value} is not one of {choices}"),
    "workbook.step_form": QT_TRANSLATE_NOOP("Messages", "{value} must be written as step name:days"),
    "workbook.sheet_missing": QT_TRANSLATE_NOOP("Messages", "the sheet is missing"),
    "workbook.header_missing": QT_TRANSLATE_NOOP("Messages", "the header row is missing"),
    "workbook.unknown_column": QT_TRANSLATE_NOOP("Messages", "unknown column"),
    "workbook.duplicate_column": QT_TRANSLATE_NOOP("Messages", "duplicate column"),
    "workbook.required_column": QT_TRANSLATE_NOOP("Messages", "a required column is missing"),
    "workbook.duplicate": QT_TRANSLATE_NOOP("Messages", "{what} {value} appears twice (row {row} has it already)"),
    "workbook.one_county": QT_TRANSLATE_NOOP("Messages", "exactly one county center expected, there are {count}"),
    "workbook.unknown_site": QT_TRANSLATE_NOOP("Messages", "the sites sheet has no site {value}"),
    "workbook.parent_level": QT_TRANSLATE_NOOP("Messages", "the site one level up must be {wanted}"),
    "workbook.parent.county": QT_TRANSLATE_NOOP("Messages", "empty"),
    "workbook.parent.township": QT_TRANSLATE_NOOP("Messages", "the county center"),
    "workbook.parent.village": QT_TRANSLATE_NOOP("Messages", "a township (street) or the county center"),
    "workbook.unknown_item": QT_TRANSLATE_NOOP("Messages", "the items sheet has no code {value}"),
    "workbook.file_not_found": QT_TRANSLATE_NOOP("Messages", "file not found"),
    "workbook.not_xlsx": QT_TRANSLATE_NOOP("Messages", "not an Excel workbook (.xlsx): {error}"),
    "workbook.one_hall_row": QT_TRANSLATE_NOOP("Messages", "the hall sheet has one row only"),
    "workbook.bad_prefix": QT_TRANSLATE_NOOP("Messages", "the prefix {prefix} must be one capital letter"),
    "workbook.unknown_department": QT_TRANSLATE_NOOP("Messages", "the departments sheet has no department {value}"),
    "workbook.unknown_category": QT_TRANSLATE_NOOP("Messages", "the categories sheet has no prefix {prefix}"),
    "workbook.promised_longer": QT_TRANSLATE_NOOP("Messages", "the promised limit of {promised} days is longer than the legal limit of {legal} days"),
    "workbook.no_items": QT_TRANSLATE_NOOP("Messages", "the items sheet has no items"),
    "workbook.no_materials": QT_TRANSLATE_NOOP("Messages", "the materials sheet has no materials of this item"),
    "workbook.unknown_staff": QT_TRANSLATE_NOOP("Messages", "the staff sheet has no user name {name}"),
    "workbook.unknown_window": QT_TRANSLATE_NOOP("Messages", "the windows sheet has no window {window}"),
    "workbook.few_windows": QT_TRANSLATE_NOOP("Messages", "category {prefix} is served by {count} window(s) only: A/B posts need 2"),
    "workbook.what.site": QT_TRANSLATE_NOOP("Messages", "site code"),
    "workbook.what.department": QT_TRANSLATE_NOOP("Messages", "department code"),
    "workbook.what.prefix": QT_TRANSLATE_NOOP("Messages", "prefix"),
    "workbook.what.item": QT_TRANSLATE_NOOP("Messages", "item code"),
    "workbook.what.window": QT_TRANSLATE_NOOP("Messages", "window number"),
    "workbook.what.username": QT_TRANSLATE_NOOP("Messages", "user name"),
    # what a case's history says of a step the center made
    "history.dispatch": QT_TRANSLATE_NOOP("Messages", "Sent to the departments in charge"),
    "history.dispatch_joint": QT_TRANSLATE_NOOP("Messages", "Sent to the departments in charge (joint approval)"),
    "history.correction": QT_TRANSLATE_NOOP("Messages", "Returned for correction: {items}"),
    "history.correction_verify": QT_TRANSLATE_NOOP("Messages", "Commitment found untrue, returned for correction: {items}"),
    "history.report": QT_TRANSLATE_NOOP("Messages", "Reported to {receiver}"),
    # ---- the kiosk -----------------------------------------------------------------------
    "kiosk_needs_center": QT_TRANSLATE_NOOP(
        "Messages", "{what} needs the center, and the network is down now. Try again later or ask at the service desk."
    ),
    "bad_tail": QT_TRANSLATE_NOOP(
        "Messages", "Enter the last 6 characters of the ID number (the last one may be X)."
    ),
    "case_not_found": QT_TRANSLATE_NOOP(
        "Messages",
        "No case found: check the case number and the last 6 characters of the ID number. "
        "A case accepted just now may take a few minutes to appear.",
    ),
    "case_not_found_qr": QT_TRANSLATE_NOOP(
        "Messages", "No case found. A case accepted just now may take a few minutes to appear."
    ),
    "bad_qr": QT_TRANSLATE_NOOP(
        "Messages", "This QR code is not a case of this hall: scan the QR code on the acceptance notice or receipt."
    ),
    "already_rated": QT_TRANSLATE_NOOP("Messages", "This visit is rated already. Thank you for your rating."),
    "not_served": QT_TRANSLATE_NOOP("Messages", "This ticket is not served yet: rate it after your visit."),
    "no_printer": QT_TRANSLATE_NOOP("Messages", "No printer is configured at this terminal."),
    # the kiosk flows' own words
    "kiosk.ticket_number": QT_TRANSLATE_NOOP("Messages", "Enter the number on your ticket, for example A023."),
    "kiosk.choose_one": QT_TRANSLATE_NOOP("Messages", "Choose at least one."),
    "kiosk.phone": QT_TRANSLATE_NOOP("Messages", "A mobile number has 11 digits: please check it. You may also submit without a number."),
    "kiosk.case_number": QT_TRANSLATE_NOOP("Messages", "Enter the case number (on the acceptance notice or the receipt)."),
    "kiosk.no_items": QT_TRANSLATE_NOOP("Messages", "Nothing found: try another word, or browse by department."),
    "kiosk.guide_print_failed": QT_TRANSLATE_NOOP("Messages", "The printer cannot print now: take a photo of the screen, or ask at the service desk for a printed guide."),
    "kiosk.ticket_print_failed": QT_TRANSLATE_NOOP("Messages", "The printer cannot print the ticket now. Your number is valid: remember it or take a photo of the screen, and tell it at the window when it is called."),
    "kiosk.no_ticket_now": QT_TRANSLATE_NOOP("Messages", "No ticket can be taken right now: please ask at the service desk."),
    "kiosk.card_not_read": QT_TRANSLATE_NOOP("Messages", "The ID card was not read: lay it flat on the reader and keep it still."),
    "kiosk.card_required": QT_TRANSLATE_NOOP("Messages", "This service needs your ID card for a ticket. Without the card, please ask at the service desk."),
    "kiosk.sms_consent_needed": QT_TRANSLATE_NOOP(
        "Messages", "To get the SMS reminder, tick 'I agree'; otherwise choose to take the ticket without a reminder."
    ),
    "kiosk.appointment_code": QT_TRANSLATE_NOOP("Messages", "An appointment code has 4 to 20 digits or letters: please check it and enter it again."),
    # what a refusal means, in plain words (shown above the center's own sentence)
    "plain.already_has_ticket": QT_TRANSLATE_NOOP(
        "Messages",
        "One ID card holds one ticket per category at a time. Please watch for your call; "
        "you may take another ticket after it.",
    ),
    "plain.blocked_no_shows": QT_TRANSLATE_NOOP(
        "Messages",
        "You missed several calls recently, so by this hall's rule you cannot take a ticket by ID card for now. "
        "Please ask at the service desk: the staff will help you.",
    ),
    "plain.numbers_exhausted": QT_TRANSLATE_NOOP(
        "Messages", "Today's tickets for this service are all given out. Book another day, or ask at the service desk."
    ),
    "plain.no_appointment": QT_TRANSLATE_NOOP(
        "Messages",
        "No appointment of yours today was found, or it was checked in already. "
        "Check the code, or ask at the service desk.",
    ),
    "plain.wrong_category": QT_TRANSLATE_NOOP(
        "Messages", "This appointment is for another service: please ask at the service desk."
    ),
    "plain.unknown_category": QT_TRANSLATE_NOOP(
        "Messages", "No tickets for this service now: please ask at the service desk."
    ),
    "plain.invalid_id_number": QT_TRANSLATE_NOOP(
        "Messages", "The ID number is not valid: read the card again or check the number."
    ),
    "item_not_at_site": QT_TRANSLATE_NOOP(
        "Messages", "{site} does not accept {item}: it is applied for at {parent}."
    ),
    # ---- 帮办代办 (app/domain/agency.py) ---------------------------------------------------
    "agent_is_applicant": QT_TRANSLATE_NOOP(
        "Messages", "The agent is the applicant: read the agent's own ID card, or accept without an agent."
    ),
    "agent_name_required": QT_TRANSLATE_NOOP("Messages", "Enter the agent's name."),
    "authorisation_required": QT_TRANSLATE_NOOP(
        "Messages", "Choose the authorisation the agent brought (a letter of entrustment or an agency form)."
    ),
    "authorisation_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The authorisation's description is too long (at most {max} characters)."
    ),
    "authorisation_expired": QT_TRANSLATE_NOOP(
        "Messages", "The authorisation ran out on {until}: the applicant must sign a new one."
    ),
    # ---- 帮办代办 of investment projects (app/domain/agency_projects.py) ------------------------
    "project_stages_count": QT_TRANSLATE_NOOP("Messages", "A project has 1 to 12 approval stages."),
    "project_stage_names": QT_TRANSLATE_NOOP(
        "Messages", "Each stage needs its own name (at most 60 characters, no two the same)."
    ),
    "project_not_found": QT_TRANSLATE_NOOP("Messages", "There is no such project."),
    "project_agent_unknown": QT_TRANSLATE_NOOP("Messages", "There is no active staff member {username}."),
    "stage_not_found": QT_TRANSLATE_NOOP("Messages", "The project has no stage {position}."),
    "stage_not_pending": QT_TRANSLATE_NOOP("Messages", "The stage {stage} has started already."),
    "stage_before_open": QT_TRANSLATE_NOOP("Messages", "Finish {before} before {stage} starts."),
    "stage_not_active": QT_TRANSLATE_NOOP("Messages", "The stage {stage} is not under way."),
    "stage_date_order": QT_TRANSLATE_NOOP("Messages", "The date of {stage} comes before the stage it follows."),
    # ---- public booking (issue 18) ------------------------------------------------------
    "booking.not_bookable": QT_TRANSLATE_NOOP("Messages", "{category} cannot be booked online."),
    "booking.day_not_bookable": QT_TRANSLATE_NOOP("Messages", "Appointments can be booked for the next {days} days only."),
    "booking.slot_closed": QT_TRANSLATE_NOOP("Messages", "Booking for this time slot has closed ({minutes} min before it starts)."),
    "booking.no_such_slot": QT_TRANSLATE_NOOP("Messages", "There is no such time slot."),
    "booking.day_full": QT_TRANSLATE_NOOP("Messages", "This day is fully booked: please choose another day."),
    "booking.slot_taken": QT_TRANSLATE_NOOP("Messages", "This time slot was just taken: please choose another one."),
    "booking.invalid_phone": QT_TRANSLATE_NOOP("Messages", "Please enter an 11-digit mobile number."),
    "booking.invalid_name": QT_TRANSLATE_NOOP("Messages", "Please enter your real name."),
    "booking.consent_required": QT_TRANSLATE_NOOP("Messages", "Please agree that the hall may text you about this appointment."),
    "booking.blocked": QT_TRANSLATE_NOOP("Messages", "{misses} missed appointments in the last {days} days: booking is paused until {until}."),
    "booking.too_many": QT_TRANSLATE_NOOP("Messages", "You already hold {count} appointments: cancel one before booking another."),
    "booking.rate_limited": QT_TRANSLATE_NOOP("Messages", "Too many booking requests: please try again later."),
    "booking.code_rate_limited": QT_TRANSLATE_NOOP(
        "Messages", "Too many SMS codes asked for: please try again in {seconds} s."
    ),
    "booking.unknown_item": QT_TRANSLATE_NOOP("Messages", "There is no such service item in this category."),
    "booking.no_such_hold": QT_TRANSLATE_NOOP("Messages", "This booking request is unknown: please start again."),
    "booking.too_many_tries": QT_TRANSLATE_NOOP("Messages", "Too many wrong codes: please start the booking again."),
    "booking.code_expired": QT_TRANSLATE_NOOP("Messages", "The code has expired: please start the booking again."),
    "booking.code_wrong": QT_TRANSLATE_NOOP("Messages", "The code is wrong: {left} tries left."),
    "booking.no_such_appointment": QT_TRANSLATE_NOOP("Messages", "There is no such appointment."),
    "booking.cannot_cancel": QT_TRANSLATE_NOOP("Messages", "This appointment can no longer be cancelled."),
    "booking.cannot_reschedule": QT_TRANSLATE_NOOP("Messages", "This appointment can no longer be changed."),
    "booking.reschedule_limit": QT_TRANSLATE_NOOP("Messages", "An appointment can be changed {count} times at most."),
}

# Hall rules' labels: (group, key) → English source. The key is the stored value (a status code, a level,
# or the Chinese wording stored in ratings / feedback, which is the hall's record and stays Chinese).
LABELS: dict[str, dict[str, str]] = {
    "ticket_status": {
        "waiting": QT_TRANSLATE_NOOP("Messages", "waiting"),
        "called": QT_TRANSLATE_NOOP("Messages", "called"),
        "serving": QT_TRANSLATE_NOOP("Messages", "being served"),
        "done": QT_TRANSLATE_NOOP("Messages", "finished"),
        "no_show": QT_TRANSLATE_NOOP("Messages", "a no-show"),
        "transferred": QT_TRANSLATE_NOOP("Messages", "transferred"),
        "cancelled": QT_TRANSLATE_NOOP("Messages", "cancelled"),
    },
    "window_status": {
        "logged_out": QT_TRANSLATE_NOOP("Messages", "Not logged in"),
        "idle": QT_TRANSLATE_NOOP("Messages", "Idle"),
        "serving": QT_TRANSLATE_NOOP("Messages", "Serving"),
        "paused": QT_TRANSLATE_NOOP("Messages", "Window paused"),
    },
    # case statuses as a clerk reads them
    "case_status": {
        "accepted": QT_TRANSLATE_NOOP("Messages", "Accepted"),
        "deferred": QT_TRANSLATE_NOOP("Messages", "Accepted, materials deferred"),
        "notified": QT_TRANSLATE_NOOP("Messages", "Told what is missing"),
        "refused": QT_TRANSLATE_NOOP("Messages", "Refused"),
        "correction": QT_TRANSLATE_NOOP("Messages", "Correction"),
        "suspended": QT_TRANSLATE_NOOP("Messages", "Special procedure"),
        "approved": QT_TRANSLATE_NOOP("Messages", "Completed, approved"),
        "denied": QT_TRANSLATE_NOOP("Messages", "Not approved"),
        "delivered": QT_TRANSLATE_NOOP("Messages", "Delivered"),
        "terminated": QT_TRANSLATE_NOOP("Messages", "Case terminated"),
    },
    # case statuses as the citizen reads them (kiosk lookup)
    "case_status_citizen": {
        "accepted": QT_TRANSLATE_NOOP("Messages", "Accepted, in progress"),
        "deferred": QT_TRANSLATE_NOOP("Messages", "Accepted with materials to supply later"),
        "notified": QT_TRANSLATE_NOOP("Messages", "Told once what is missing: accepted when complete"),
        "refused": QT_TRANSLATE_NOOP("Messages", "Not accepted"),
        "correction": QT_TRANSLATE_NOOP("Messages", "Waiting for corrections"),
        "suspended": QT_TRANSLATE_NOOP("Messages", "Special procedure (time limit paused)"),
        "approved": QT_TRANSLATE_NOOP("Messages", "Completed: the result can be collected"),
        "denied": QT_TRANSLATE_NOOP("Messages", "Completed (not approved)"),
        "delivered": QT_TRANSLATE_NOOP("Messages", "Delivered"),
        "terminated": QT_TRANSLATE_NOOP("Messages", "Case terminated"),
    },
    # GB/T 39734 levels
    "rating_level": {
        "5": QT_TRANSLATE_NOOP("Messages", "Very satisfied"),
        "4": QT_TRANSLATE_NOOP("Messages", "Satisfied"),
        "3": QT_TRANSLATE_NOOP("Messages", "Basically satisfied"),
        "2": QT_TRANSLATE_NOOP("Messages", "Dissatisfied"),
        "1": QT_TRANSLATE_NOOP("Messages", "Very dissatisfied"),
    },
    # the reasons of a bad rating and the complaint topics: keyed by the stored Chinese wording
    "rating_reason": {
        "等候时间长": QT_TRANSLATE_NOOP("Messages", "Long wait"),
        "服务态度差": QT_TRANSLATE_NOOP("Messages", "Poor service attitude"),
        "一次性告知不清楚": QT_TRANSLATE_NOOP("Messages", "Requirements not told clearly at once"),
        "办理效率低": QT_TRANSLATE_NOOP("Messages", "Slow handling"),
        "多次跑腿": QT_TRANSLATE_NOOP("Messages", "Had to come several times"),
        "环境设施差": QT_TRANSLATE_NOOP("Messages", "Poor facilities"),
    },
    "feedback_topic": {
        "服务态度": QT_TRANSLATE_NOOP("Messages", "Service attitude"),
        "等候时间长": QT_TRANSLATE_NOOP("Messages", "Long wait"),
        "材料要求不清楚": QT_TRANSLATE_NOOP("Messages", "Unclear material requirements"),
        "多次跑腿": QT_TRANSLATE_NOOP("Messages", "Had to come several times"),
        "设施环境": QT_TRANSLATE_NOOP("Messages", "Facilities and environment"),
        "意见建议": QT_TRANSLATE_NOOP("Messages", "Suggestions"),
    },
    "item_kind": {
        "immediate": QT_TRANSLATE_NOOP("Messages", "Decided at once"),
        "promised": QT_TRANSLATE_NOOP("Messages", "Promised time limit"),
        "joint": QT_TRANSLATE_NOOP("Messages", "Joint case"),
        "reported": QT_TRANSLATE_NOOP("Messages", "Reported upward"),
    },
    "delivery": {
        "window": QT_TRANSLATE_NOOP("Messages", "Collect at the window"),
        "express": QT_TRANSLATE_NOOP("Messages", "Courier delivery"),
        "online": QT_TRANSLATE_NOOP("Messages", "Download online"),
    },
    # the back office's words: a task's status, a case's status as the departments read it, a history step,
    # the window's decision at acceptance, a material's state
    "task_status": {
        "open": QT_TRANSLATE_NOOP("Messages", "Waiting for approval"),
        "reported": QT_TRANSLATE_NOOP("Messages", "Reported to the higher level"),
        "returned": QT_TRANSLATE_NOOP("Messages", "Returned for correction"),
        "approved": QT_TRANSLATE_NOOP("Messages", "Granted"),
        "denied": QT_TRANSLATE_NOOP("Messages", "Not granted"),
        "verified": QT_TRANSLATE_NOOP("Messages", "Verified as true"),
        "failed": QT_TRANSLATE_NOOP("Messages", "Found untrue"),
        "terminated": QT_TRANSLATE_NOOP("Messages", "Ended"),
        "accepted": QT_TRANSLATE_NOOP("Messages", "Accepted"),
        "deferred": QT_TRANSLATE_NOOP("Messages", "Accepted, materials deferred"),
        "correction": QT_TRANSLATE_NOOP("Messages", "In correction"),
        "suspended": QT_TRANSLATE_NOOP("Messages", "Special procedure"),
        "delivered": QT_TRANSLATE_NOOP("Messages", "Delivered"),
    },
    "case_status_office": {
        "open": QT_TRANSLATE_NOOP("Messages", "Waiting for approval"),
        "reported": QT_TRANSLATE_NOOP("Messages", "Reported to the higher level"),
        "returned": QT_TRANSLATE_NOOP("Messages", "Returned for correction"),
        "approved": QT_TRANSLATE_NOOP("Messages", "Granted (to be handed out)"),
        "denied": QT_TRANSLATE_NOOP("Messages", "Not granted (to be handed out)"),
        "verified": QT_TRANSLATE_NOOP("Messages", "Verified as true"),
        "failed": QT_TRANSLATE_NOOP("Messages", "Found untrue"),
        "terminated": QT_TRANSLATE_NOOP("Messages", "Ended"),
        "accepted": QT_TRANSLATE_NOOP("Messages", "Accepted"),
        "deferred": QT_TRANSLATE_NOOP("Messages", "Accepted, materials deferred"),
        "correction": QT_TRANSLATE_NOOP("Messages", "In correction"),
        "suspended": QT_TRANSLATE_NOOP("Messages", "Special procedure"),
        "delivered": QT_TRANSLATE_NOOP("Messages", "Delivered"),
        "refused": QT_TRANSLATE_NOOP("Messages", "Refused"),
        "notified": QT_TRANSLATE_NOOP("Messages", "Told what is missing"),
    },
    "case_step": {
        "accept": QT_TRANSLATE_NOOP("Messages", "Acceptance"),
        "transition": QT_TRANSLATE_NOOP("Messages", "Status change"),
        "dispatch": QT_TRANSLATE_NOOP("Messages", "Sent to the departments"),
        "opinion": QT_TRANSLATE_NOOP("Messages", "Opinion"),
        "approve": QT_TRANSLATE_NOOP("Messages", "Granted"),
        "deny": QT_TRANSLATE_NOOP("Messages", "Not granted"),
        "decided": QT_TRANSLATE_NOOP("Messages", "Approval completed"),
        "correction": QT_TRANSLATE_NOOP("Messages", "Returned for correction"),
        "corrected": QT_TRANSLATE_NOOP("Messages", "Correction received"),
        "pause": QT_TRANSLATE_NOOP("Messages", "Special step begins"),
        "resume": QT_TRANSLATE_NOOP("Messages", "Special step ends"),
        "report": QT_TRANSLATE_NOOP("Messages", "Report upward"),
        "verify": QT_TRANSLATE_NOOP("Messages", "Verification"),
        "deliver": QT_TRANSLATE_NOOP("Messages", "Hand-out"),
        "remind": QT_TRANSLATE_NOOP("Messages", "Deferral reminder"),
        "terminate": QT_TRANSLATE_NOOP("Messages", "Termination"),
    },
    "decision": {
        "accept": QT_TRANSLATE_NOOP("Messages", "Accept"),
        "defer": QT_TRANSLATE_NOOP("Messages", "Accept with deferral"),
        "immediate": QT_TRANSLATE_NOOP("Messages", "Decided at once"),
        "notify": QT_TRANSLATE_NOOP("Messages", "Tell what is missing"),
        "refuse": QT_TRANSLATE_NOOP("Messages", "Refuse"),
    },
    "material_state": {
        "received": QT_TRANSLATE_NOOP("Messages", "Handed in"),
        "missing": QT_TRANSLATE_NOOP("Messages", "Missing"),
        "deferred": QT_TRANSLATE_NOOP("Messages", "Deferred"),
        "commitment": QT_TRANSLATE_NOOP("Messages", "Commitment"),
        "incorrect": QT_TRANSLATE_NOOP("Messages", "Incorrect"),
    },
    "notice": {  # the notices of a case, keyed by their official title
        "受理通知书": QT_TRANSLATE_NOOP("Messages", "Acceptance notice"),
        "一次性告知书": QT_TRANSLATE_NOOP("Messages", "Notice of what is missing"),
        "容缺受理承诺书": QT_TRANSLATE_NOOP("Messages", "Deferral commitment"),
        "告知承诺书": QT_TRANSLATE_NOOP("Messages", "Commitment notice"),
        "补正材料通知书": QT_TRANSLATE_NOOP("Messages", "Correction notice"),
        "准予许可决定书": QT_TRANSLATE_NOOP("Messages", "Approval decision"),
        "不予许可决定书": QT_TRANSLATE_NOOP("Messages", "Denial decision"),
        "终止办理通知书": QT_TRANSLATE_NOOP("Messages", "Termination notice"),
    },
    # category names are hall data: the common ones, keyed by the hall's Chinese name (others stay as entered)
    "category": {
        "企业开办": QT_TRANSLATE_NOOP("Messages", "Starting a business"),
        "不动产登记": QT_TRANSLATE_NOOP("Messages", "Real estate registration"),
        "社保医保": QT_TRANSLATE_NOOP("Messages", "Social and medical insurance"),
        "民生事务": QT_TRANSLATE_NOOP("Messages", "Civil affairs"),
        "工程建设": QT_TRANSLATE_NOOP("Messages", "Construction projects"),
        "交通运输": QT_TRANSLATE_NOOP("Messages", "Transport"),
        "公安户政": QT_TRANSLATE_NOOP("Messages", "Household registration and exit-entry"),
        "农业文旅": QT_TRANSLATE_NOOP("Messages", "Agriculture, culture and tourism"),
        "税务综合": QT_TRANSLATE_NOOP("Messages", "Taxation"),
    },
    "weekday_short": {  # Monday = "0"
        "0": QT_TRANSLATE_NOOP("Messages", "Mon"),
        "1": QT_TRANSLATE_NOOP("Messages", "Tue"),
        "2": QT_TRANSLATE_NOOP("Messages", "Wed"),
        "3": QT_TRANSLATE_NOOP("Messages", "Thu"),
        "4": QT_TRANSLATE_NOOP("Messages", "Fri"),
        "5": QT_TRANSLATE_NOOP("Messages", "Sat"),
        "6": QT_TRANSLATE_NOOP("Messages", "Sun"),
    },
    "authorisation": {  # the papers an agent brings (app/domain/agency.py AUTHORISATIONS): stored in Chinese
        "授权委托书": QT_TRANSLATE_NOOP("Messages", "Letter of entrustment"),
        "法定代表人授权委托书": QT_TRANSLATE_NOOP("Messages", "Legal representative's letter of entrustment"),
        "单位介绍信": QT_TRANSLATE_NOOP("Messages", "Employer's letter of introduction"),
        "代办委托书": QT_TRANSLATE_NOOP("Messages", "Agency form"),
    },
    "project_stage": {  # the default stages of 工程建设项目审批 (a hall's own stage names stay as written)
        "立项用地规划许可": QT_TRANSLATE_NOOP("Messages", "Project approval, land use and planning permits"),
        "工程建设许可": QT_TRANSLATE_NOOP("Messages", "Construction project permit"),
        "施工许可": QT_TRANSLATE_NOOP("Messages", "Construction permit"),
        "竣工验收": QT_TRANSLATE_NOOP("Messages", "Completion acceptance"),
    },
    "stage_status": {  # an investment project's approval stage (app/domain/agency_projects.py)
        "pending": QT_TRANSLATE_NOOP("Messages", "not started"),
        "active": QT_TRANSLATE_NOOP("Messages", "under way"),
        "done": QT_TRANSLATE_NOOP("Messages", "done"),
    },
    "agent_kind": {
        "entrusted": QT_TRANSLATE_NOOP("Messages", "Entrusted person"),
        "hall_agent": QT_TRANSLATE_NOOP("Messages", "Hall agent"),
    },
    "weekday": {  # Monday = "0"
        "0": QT_TRANSLATE_NOOP("Messages", "Monday"),
        "1": QT_TRANSLATE_NOOP("Messages", "Tuesday"),
        "2": QT_TRANSLATE_NOOP("Messages", "Wednesday"),
        "3": QT_TRANSLATE_NOOP("Messages", "Thursday"),
        "4": QT_TRANSLATE_NOOP("Messages", "Friday"),
        "5": QT_TRANSLATE_NOOP("Messages", "Saturday"),
        "6": QT_TRANSLATE_NOOP("Messages", "Sunday"),
    },
}


class Msg(str):
    """A message: its English text as the `str`, with the `code` and `params` it was built from."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, params: Mapping[str, Any]) -> Msg:
        plain = {k: _plain(v) for k, v in params.items()}
        self = super().__new__(cls, render(code, plain, "en", fallback=MESSAGES.get(code, code)))
        self.code, self.params = code, plain
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle rebuild it from code and params
        return (Msg, (self.code, self.params))

    def as_param(self) -> dict[str, Any]:
        return {"code": self.code, "params": self.params}


def _plain(value: Any) -> Any:
    if isinstance(value, Msg):
        return value.as_param()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def msg(code: str, **params: Any) -> Msg:
    """The message `code` with its params (a KeyError for a code not in the catalogue: a typo fails early)."""
    if code not in MESSAGES:
        raise KeyError(f"no message {code!r} in app/i18n/messages.py")
    return Msg(code, params)


def code_and_params(message: object) -> tuple[str | None, dict[str, Any]]:
    """What an error's message carries: (code, params) for a `Msg`, (None, {}) for plain text."""
    if isinstance(message, Msg):
        return message.code, message.params
    return None, {}


def _param(value: Any, language: str) -> Any:
    if isinstance(value, list):  # lines of messages (a workbook's problems): one a line
        return "\n".join(str(_param(v, language)) for v in value)
    if isinstance(value, dict) and isinstance(value.get("code"), str):
        code = value["code"]
        if ":" in code:  # a label: "group:key"
            group, _sep, key = code.partition(":")
            return label(group, key, language)
        return render(code, value.get("params") or {}, language) or code
    return value


def render(code: str | None, params: Mapping[str, Any] | None, language: str, fallback: str = "") -> str:
    """The message `code` in `language` with its params; `fallback` for an unknown code or unfit params."""
    source = MESSAGES.get(code or "")
    if source is None:
        return fallback
    text = translate(CONTEXT, source, language)
    try:
        return text.format(**{k: _param(v, language) for k, v in (params or {}).items()})
    except (KeyError, IndexError, ValueError):
        return fallback


def label(group: str, key: object, language: str) -> str:
    """A hall rule's label (`ticket_status`, `case_status_citizen`, `rating_level`, `rating_reason`,
    `feedback_topic`, `weekday`) in `language`; the key itself when the catalogue does not know it."""
    source = LABELS.get(group, {}).get(str(key))
    if source is None:
        return str(key)
    return translate(CONTEXT, source, language)


def status_param(group: str, key: object) -> dict[str, Any]:
    """A label as a message param (rendered in the reader's language)."""
    return {"code": f"{group}:{key}", "params": {}}

