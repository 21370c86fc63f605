"""帮办代办: a case applied for on someone's behalf. Who may act for an applicant, on which paper, and
what the window checks before it accepts (issue 21).

- A person the applicant entrusts (受托人) brings the applicant's signed 授权委托书; for a company the
  法定代表人授权委托书 or 单位介绍信. The entrustment may be limited in time.
- A hall's or a village point's own 代办员 (帮办代办员) acts on a 代办委托书 the applicant signs at the
  point: the villager does not travel to the county.
The agent's ID card is read like the applicant's; the agent is never the applicant, and an entrustment
that has run out is refused at the window, not found later in the back office."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from app.i18n.messages import Msg, msg


class AgentKind(enum.StrEnum):
    ENTRUSTED = "entrusted"  # 受托人: a person the applicant entrusted
    HALL_AGENT = "hall_agent"  # 帮办代办员 of the hall or of a village (community) point


# the papers a window accepts as the authorisation, by kind (the first is the usual one)
AUTHORISATIONS: dict[AgentKind, tuple[str, ...]] = {
    AgentKind.ENTRUSTED: ("授权委托书", "法定代表人授权委托书", "单位介绍信"),
    AgentKind.HALL_AGENT: ("代办委托书",),
}

# how the papers name the agent
AGENT_TITLE_ZH = {AgentKind.ENTRUSTED: "受托人", AgentKind.HALL_AGENT: "帮办代办员"}

AUTHORISATION_MAX = 200  # cases.authorisation


@dataclass(frozen=True)
class Agency:
    kind: AgentKind
    authorisation: str  # the paper received, e.g. 授权委托书
    until: dt.date | None = None  # the entrustment's last day; none: for this case only


def check_agency(agency: Agency, *, agent_id_number: str, applicant_id_number: str, today: dt.date) -> Msg | None:
    """What stops the window accepting `agency`, or None. ID numbers are compared normalised."""
    if agent_id_number.upper() == applicant_id_number.upper():
        return msg("agent_is_applicant")
    if not agency.authorisation.strip():
        return msg("authorisation_required")
    if len(agency.authorisation) > AUTHORISATION_MAX:
        return msg("authorisation_too_long", max=AUTHORISATION_MAX)
    if agency.until is not None and agency.until < today:
        return msg("authorisation_expired", until=agency.until.isoformat())
    return None
