#include "adapters/escalation/escalation_message.h"

#include <date/date.h>

#include "adapters/render/words.h"

namespace ehcp::adapters::escalation {
namespace {

std::string days(int n, const char* unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

// "Monday 25 May 2026".
std::string long_date(engine::Date d) {
  const date::year_month_day ymd{d};
  return date::format("%A ", d) + std::to_string(static_cast<unsigned>(ymd.day())) +
         date::format(" %B %Y", d);
}

// "overdue by 3 days", "due today", "due in 4 working days".
std::string standing(const engine::Clock& clock, engine::Date as_of,
                     const engine::Calendar& calendar) {
  if (as_of > clock.due) {
    return "overdue by " + days(clock.days_overdue(as_of), "day");
  }
  if (as_of == clock.due) {
    return "due today";
  }
  return "due in " + days(calendar.working_days_between(as_of, clock.due), "working day");
}

std::string headline(const std::string& rung) {
  if (rung == "due_soon") {
    return "Due soon";
  }
  if (rung == "due") {
    return "Due today";
  }
  if (rung == "overdue") {
    return "Overdue";
  }
  if (rung == "escalated") {
    return "Escalated";
  }
  std::string out = rung;
  for (char& c : out) {
    c = c == '_' ? ' ' : c;
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

std::string role_words(const std::string& role) {
  if (role == "team_manager") {
    return "team manager";
  }
  if (role == "head_of_service") {
    return "head of service";
  }
  return role;
}

}  // namespace

sqlite::OutboxMessage escalation_message(const sqlite::ClockRow& row,
                                         const engine::EscalationRung& rung,
                                         const Recipient& recipient, const std::string& action,
                                         engine::Date as_of, const engine::Calendar& calendar) {
  const engine::Clock& clock = row.clock;
  sqlite::OutboxMessage m;
  m.case_ref = row.case_ref;
  m.clock = clock.name;
  m.start = clock.start;
  m.due = clock.due;
  m.rung = rung.name;
  m.role = recipient.role;
  m.recipient = recipient.name;
  m.address = recipient.address;
  m.created_on = as_of;
  const std::string title = render::clock_title(clock);
  m.subject = "[ehcp] " + headline(rung.name) + ": " + title + " for case " + row.case_ref +
              " (due " + engine::format_date(clock.due) + ")";
  std::string body;
  body += "Case: " + row.case_ref + "\n";
  body += "Clock: " + title + " (" + clock.name + "; " + render::workflow_title(clock.workflow) +
          ", " + (clock.statutory ? "statutory" : "guidance: a target, not a legal limit") + ")\n";
  body += "Due: " + long_date(clock.due) + "\n";
  body += "On " + engine::format_date(as_of) + ": " + standing(clock, as_of, calendar) + "\n";
  if (!action.empty()) {
    body += "Next action: " + action + "\n";
  }
  body += "Why this date: " + clock.basis + "\n";
  body += "Caseworker: " + (row.caseworker.empty() ? "none assigned" : row.caseworker) + "\n";
  body += "Team: " + (row.team.empty() ? "none" : row.team) + "\n\n";
  if (recipient.stand_in) {
    body += "You are told in place of the case's " + role_words(recipient.role) +
            ", as none is assigned.\n";
  } else {
    body += "You are told as " + role_words(recipient.role) + ": the clock has reached the '" +
            rung.name + "' step of the escalation ladder.\n";
  }
  body +=
      "This message names no child. Open the case in ehcp: ehcp case show " + row.case_ref + "\n";
  m.body = std::move(body);
  return m;
}

}  // namespace ehcp::adapters::escalation
