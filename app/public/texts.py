"""Every text of the phone pages, written once in English and marked for the one catalogue (`app.i18n`:
lupdate finds the QT_TRANSLATE_NOOP markers, tools/translations_zh.json fills the Chinese)."""

from __future__ import annotations

from app.i18n import DEFAULT_LANGUAGE, LANGUAGES, QT_TRANSLATE_NOOP, translate

CONTEXT = "PublicPage"

T = {
    "title": QT_TRANSLATE_NOOP("PublicPage", "Ticket {number}"),
    "heading": QT_TRANSLATE_NOOP("PublicPage", "Your queue ticket"),
    "category": QT_TRANSLATE_NOOP("PublicPage", "Service: {name}"),
    "ahead": QT_TRANSLATE_NOOP("PublicPage", "People ahead of you: {n}"),
    "next": QT_TRANSLATE_NOOP("PublicPage", "You are next. Please stay near the windows."),
    "wait": QT_TRANSLATE_NOOP("PublicPage", "Estimated wait: about {m} min"),
    "no_window": QT_TRANSLATE_NOOP("PublicPage", "No window serves this category right now: please wait."),
    "called": QT_TRANSLATE_NOOP("PublicPage", "Please go to window {window}"),
    "called_hint": QT_TRANSLATE_NOOP("PublicPage", "Your number has been called."),
    "serving": QT_TRANSLATE_NOOP("PublicPage", "Being served at window {window}"),
    "done": QT_TRANSLATE_NOOP("PublicPage", "Finished. Thank you for waiting."),
    "no_show": QT_TRANSLATE_NOOP(
        "PublicPage", "Missed: your number was called while you were away. Please ask at the service desk."
    ),
    "cancelled": QT_TRANSLATE_NOOP("PublicPage", "This ticket is no longer valid."),
    "other_day": QT_TRANSLATE_NOOP("PublicPage", "This ticket was for {day}."),
    "not_found": QT_TRANSLATE_NOOP("PublicPage", "No such ticket. Please scan the QR code on your ticket again."),
    "center_down": QT_TRANSLATE_NOOP("PublicPage", "The queue cannot be reached right now. Please try again soon."),
    "issued": QT_TRANSLATE_NOOP("PublicPage", "Taken at {time}"),
    "updated": QT_TRANSLATE_NOOP("PublicPage", "Updated {time}"),
    "live": QT_TRANSLATE_NOOP("PublicPage", "This page updates by itself."),
    "offline": QT_TRANSLATE_NOOP("PublicPage", "Connection lost, reconnecting…"),
    "sound_on": QT_TRANSLATE_NOOP("PublicPage", "Turn on the call sound"),
    "sound_ready": QT_TRANSLATE_NOOP("PublicPage", "The call sound is on"),
    # the case page (a notice's QR code)
    "case_heading": QT_TRANSLATE_NOOP("PublicPage", "Case progress"),
    "case_ask": QT_TRANSLATE_NOOP("PublicPage", "Enter the last six characters of the applicant's ID number"),
    "case_check": QT_TRANSLATE_NOOP("PublicPage", "Check"),
    "case_wrong": QT_TRANSLATE_NOOP("PublicPage", "The last six characters do not match. Please check and try again."),
    "case_blocked": QT_TRANSLATE_NOOP("PublicPage", "Too many wrong tries. Please try again in {minutes} min."),
    "case_not_found": QT_TRANSLATE_NOOP("PublicPage", "No such case. Please scan the QR code on your notice again."),
    "case_number": QT_TRANSLATE_NOOP("PublicPage", "Case number: {number}"),
    "case_applicant": QT_TRANSLATE_NOOP("PublicPage", "Applicant: {name}"),
    "case_item": QT_TRANSLATE_NOOP("PublicPage", "Service item: {name}"),
    "case_department": QT_TRANSLATE_NOOP("PublicPage", "Department: {name}"),
    "case_due": QT_TRANSLATE_NOOP("PublicPage", "Promised by {date}"),
    "case_steps": QT_TRANSLATE_NOOP("PublicPage", "Steps so far"),
    "case_missing": QT_TRANSLATE_NOOP("PublicPage", "What is still missing"),
    "case_bring_by": QT_TRANSLATE_NOOP("PublicPage", "bring it by {date}"),
    "case_nothing_missing": QT_TRANSLATE_NOOP("PublicPage", "Nothing is missing."),
    "case_collect": QT_TRANSLATE_NOOP("PublicPage", "Collecting the result"),
    "case_collect_window": QT_TRANSLATE_NOOP(
        "PublicPage", "At a comprehensive window of the hall, with your ID card (accepted at window {window})"
    ),
    "case_collect_hall": QT_TRANSLATE_NOOP("PublicPage", "At a comprehensive window of the hall, with your ID card"),
    "case_express": QT_TRANSLATE_NOOP("PublicPage", "Sent by express"),
    "case_tracking": QT_TRANSLATE_NOOP("PublicPage", "Sent by express, tracking number {number}"),
    "case_ready": QT_TRANSLATE_NOOP("PublicPage", "The result is ready: please collect it."),
    "case_delivered": QT_TRANSLATE_NOOP("PublicPage", "Handed out on {date}"),
    "case_wait": QT_TRANSLATE_NOOP("PublicPage", "The result is not ready yet."),
    "status_accepted": QT_TRANSLATE_NOOP("PublicPage", "Accepted"),
    "status_deferred": QT_TRANSLATE_NOOP("PublicPage", "Accepted, materials to follow"),
    "status_notified": QT_TRANSLATE_NOOP("PublicPage", "Materials incomplete (one-time notice)"),
    "status_refused": QT_TRANSLATE_NOOP("PublicPage", "Not accepted"),
    "status_correction": QT_TRANSLATE_NOOP("PublicPage", "Correction needed"),
    "status_suspended": QT_TRANSLATE_NOOP("PublicPage", "Special step (clock stopped)"),
    "status_approved": QT_TRANSLATE_NOOP("PublicPage", "Decided: approved"),
    "status_denied": QT_TRANSLATE_NOOP("PublicPage", "Decided: not approved"),
    "status_delivered": QT_TRANSLATE_NOOP("PublicPage", "Handed out"),
    "status_terminated": QT_TRANSLATE_NOOP("PublicPage", "Terminated"),
    "material_missing": QT_TRANSLATE_NOOP("PublicPage", "missing"),
    "material_incorrect": QT_TRANSLATE_NOOP("PublicPage", "to be corrected"),
    "material_deferred": QT_TRANSLATE_NOOP("PublicPage", "promised (accepted with it missing)"),
    "material_commitment": QT_TRANSLATE_NOOP("PublicPage", "replaced by your written commitment (checked later)"),
    # the rating page (一事一评, GB/T 39734)
    "rate_link": QT_TRANSLATE_NOOP("PublicPage", "Rate this service"),
    "rate_heading": QT_TRANSLATE_NOOP("PublicPage", "How was the service?"),
    "rate_reasons": QT_TRANSLATE_NOOP("PublicPage", "What went wrong? (when dissatisfied)"),
    "rate_comment": QT_TRANSLATE_NOOP("PublicPage", "Anything else (optional)"),
    "rate_send": QT_TRANSLATE_NOOP("PublicPage", "Send the rating"),
    "rate_thanks": QT_TRANSLATE_NOOP("PublicPage", "Thank you for your rating."),
    "rate_already": QT_TRANSLATE_NOOP("PublicPage", "This service has already been rated."),
    "rate_not_served": QT_TRANSLATE_NOOP("PublicPage", "You can rate the service once it is finished."),
    "rate_pick": QT_TRANSLATE_NOOP("PublicPage", "Please choose a level."),
    "level_5": QT_TRANSLATE_NOOP("PublicPage", "Very satisfied"),
    "level_4": QT_TRANSLATE_NOOP("PublicPage", "Satisfied"),
    "level_3": QT_TRANSLATE_NOOP("PublicPage", "Basically satisfied"),
    "level_2": QT_TRANSLATE_NOOP("PublicPage", "Dissatisfied"),
    "level_1": QT_TRANSLATE_NOOP("PublicPage", "Very dissatisfied"),
    # appointments (booking from the phone)
    "book_heading": QT_TRANSLATE_NOOP("PublicPage", "Book an appointment"),
    "book_choose_service": QT_TRANSLATE_NOOP("PublicPage", "Choose the service"),
    "book_whole_category": QT_TRANSLATE_NOOP("PublicPage", "Any service of this kind"),
    "book_none": QT_TRANSLATE_NOOP("PublicPage", "No service can be booked online at the moment."),
    "book_choose_day": QT_TRANSLATE_NOOP("PublicPage", "Choose a day"),
    "book_choose_time": QT_TRANSLATE_NOOP("PublicPage", "Choose a time"),
    "book_free": QT_TRANSLATE_NOOP("PublicPage", "{n} free"),
    "book_full": QT_TRANSLATE_NOOP("PublicPage", "Full"),
    "book_closed": QT_TRANSLATE_NOOP("PublicPage", "Closed"),
    "book_day_full": QT_TRANSLATE_NOOP("PublicPage", "This day is fully booked: please choose another day."),
    "book_no_slots": QT_TRANSLATE_NOOP("PublicPage", "No time slots on this day."),
    "book_back_days": QT_TRANSLATE_NOOP("PublicPage", "Other days"),
    "book_back_services": QT_TRANSLATE_NOOP("PublicPage", "Other services"),
    "book_your_details": QT_TRANSLATE_NOOP("PublicPage", "Your details"),
    "book_name": QT_TRANSLATE_NOOP("PublicPage", "Real name"),
    "book_id": QT_TRANSLATE_NOOP("PublicPage", "ID number (18 characters)"),
    "book_phone": QT_TRANSLATE_NOOP("PublicPage", "Mobile number"),
    "book_consent": QT_TRANSLATE_NOOP("PublicPage", "I agree that the hall texts this number about this appointment."),
    "book_privacy": QT_TRANSLATE_NOOP("PublicPage", "Your ID number and phone are stored protected and shown only masked. They serve this appointment only."),
    "book_get_code": QT_TRANSLATE_NOOP("PublicPage", "Send me the SMS code"),
    "book_code_heading": QT_TRANSLATE_NOOP("PublicPage", "Enter the SMS code"),
    "book_code_sent": QT_TRANSLATE_NOOP("PublicPage", "A 6-digit code was sent to {phone}. It is valid for {minutes} min."),
    "book_code": QT_TRANSLATE_NOOP("PublicPage", "SMS code"),
    "book_confirm": QT_TRANSLATE_NOOP("PublicPage", "Confirm the appointment"),
    "book_summary": QT_TRANSLATE_NOOP("PublicPage", "{service}, {day} {time}–{end}"),
    "book_done": QT_TRANSLATE_NOOP("PublicPage", "Your appointment is booked"),
    "book_code_label": QT_TRANSLATE_NOOP("PublicPage", "Appointment code"),
    "book_checkin_hint": QT_TRANSLATE_NOOP("PublicPage", "On the day, check in at a kiosk of the hall with this code or your ID card, a little before your time."),
    "book_keep_link": QT_TRANSLATE_NOOP("PublicPage", "Keep this page: with its link you can cancel or change the appointment."),
    "book_service": QT_TRANSLATE_NOOP("PublicPage", "Service: {name}"),
    "book_when_day": QT_TRANSLATE_NOOP("PublicPage", "Day: {day}"),
    "book_when_time": QT_TRANSLATE_NOOP("PublicPage", "Time: {time}–{end}"),
    "book_who_name": QT_TRANSLATE_NOOP("PublicPage", "Booked by: {name}"),
    "book_who_id": QT_TRANSLATE_NOOP("PublicPage", "ID number: {id}"),
    "book_phone_line": QT_TRANSLATE_NOOP("PublicPage", "Phone: {phone}"),
    "book_cancel": QT_TRANSLATE_NOOP("PublicPage", "Cancel the appointment"),
    "book_cancel_sure": QT_TRANSLATE_NOOP("PublicPage", "Cancel this appointment? The time slot goes to someone else."),
    "book_keep": QT_TRANSLATE_NOOP("PublicPage", "No, keep it"),
    "book_cancel_yes": QT_TRANSLATE_NOOP("PublicPage", "Yes, cancel it"),
    "book_reschedule": QT_TRANSLATE_NOOP("PublicPage", "Change the time"),
    "book_cancelled": QT_TRANSLATE_NOOP("PublicPage", "This appointment is cancelled."),
    "book_again": QT_TRANSLATE_NOOP("PublicPage", "Book again"),
    "book_checked_in": QT_TRANSLATE_NOOP("PublicPage", "Checked in: this appointment has its ticket."),
    "book_missed": QT_TRANSLATE_NOOP("PublicPage", "Missed: the appointment was not checked in."),
    "book_moving": QT_TRANSLATE_NOOP("PublicPage", "Choose the new time for appointment {code}"),
    "book_moved": QT_TRANSLATE_NOOP("PublicPage", "The appointment has been moved."),
    "book_err_slot_taken": QT_TRANSLATE_NOOP("PublicPage", "This time slot was just taken: please choose another one."),
    "book_err_day_full": QT_TRANSLATE_NOOP("PublicPage", "This day is now fully booked: please choose another day."),
    "book_err_slot_closed": QT_TRANSLATE_NOOP("PublicPage", "Booking for this time has closed: please choose a later one."),
    "book_err_code_wrong": QT_TRANSLATE_NOOP("PublicPage", "The code is wrong: {left} tries left."),
    "book_err_code_expired": QT_TRANSLATE_NOOP("PublicPage", "The code has expired: please ask for a new one."),
    "book_err_too_many_tries": QT_TRANSLATE_NOOP("PublicPage", "Too many wrong codes: please start the booking again."),
    "book_err_invalid_id_number": QT_TRANSLATE_NOOP("PublicPage", "The ID number is not valid: please check it."),
    "book_err_invalid_phone": QT_TRANSLATE_NOOP("PublicPage", "Please enter an 11-digit mobile number."),
    "book_err_invalid_name": QT_TRANSLATE_NOOP("PublicPage", "Please enter your real name."),
    "book_err_consent_required": QT_TRANSLATE_NOOP("PublicPage", "Please agree to the SMS about this appointment."),
    "book_err_booking_blocked": QT_TRANSLATE_NOOP("PublicPage", "After {misses} missed appointments, booking is paused until {until}. Please ask at the service desk."),
    "book_err_too_many_bookings": QT_TRANSLATE_NOOP("PublicPage", "You already hold {count} appointments: cancel one to book another."),
    "book_err_code_rate_limited": QT_TRANSLATE_NOOP("PublicPage", "A code was sent only just now: please try again in {seconds} s."),
    "book_err_rate_limited": QT_TRANSLATE_NOOP("PublicPage", "Too many requests: please try again later."),
    "book_err_cannot_cancel": QT_TRANSLATE_NOOP("PublicPage", "This appointment can no longer be cancelled."),
    "book_err_cannot_reschedule": QT_TRANSLATE_NOOP("PublicPage", "This appointment can no longer be changed."),
    "book_err_reschedule_limit": QT_TRANSLATE_NOOP("PublicPage", "This appointment has been changed as often as allowed."),
    "book_err_not_found": QT_TRANSLATE_NOOP("PublicPage", "Not found: please start the booking again."),
    "book_err_other": QT_TRANSLATE_NOOP("PublicPage", "Something went wrong: please try again."),
    "book_link": QT_TRANSLATE_NOOP("PublicPage", "Book an appointment"),
}
# the reasons of a bad rating as stored (app.domain.ratings.BAD_REASONS) → their text on the page
REASONS = {
    "等候时间长": QT_TRANSLATE_NOOP("PublicPage", "Long wait"),
    "服务态度差": QT_TRANSLATE_NOOP("PublicPage", "Unfriendly service"),
    "一次性告知不清楚": QT_TRANSLATE_NOOP("PublicPage", "The one-time notice was unclear"),
    "办理效率低": QT_TRANSLATE_NOOP("PublicPage", "Slow handling"),
    "多次跑腿": QT_TRANSLATE_NOOP("PublicPage", "Had to come back several times"),
    "环境设施差": QT_TRANSLATE_NOOP("PublicPage", "Poor facilities"),
}
# the link to the other language, named in that language (not translated)
SWITCH = {"zh_CN": ("en", "English"), "en": ("zh_CN", "中文")}


def language(requested: str | None) -> str:
    """The page's language: `?lang=en` or zh_CN (the default; anything unknown falls back to it)."""
    if requested in LANGUAGES:
        return str(requested)
    if requested in ("zh", "zh-CN", "zh_cn"):
        return "zh_CN"
    return DEFAULT_LANGUAGE


def text(key: str, lang: str, **params: object) -> str:
    return translate(CONTEXT, T[key], lang, **params)
