#include "adapters/notify/digest.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include <date/date.h>

#include "adapters/notify/board_pack_message.h"
#include "adapters/render/words.h"

namespace ehcp::adapters::notify {
namespace {

using sqlite::OutboxMessage;

// The steps of the ladder, most urgent first; a council's own rung names sort after these.
int rung_rank(const std::string& rung) {
  static const std::map<std::string, int, std::less<>> kRanks = {
      {"escalated", 0}, {"overdue", 1}, {"due", 2}, {"due_soon", 3}};
  const auto it = kRanks.find(rung);
  return it == kRanks.end() ? 4 : it->second;
}

// "due_soon" -> "due soon", with the built-in steps named as the escalation messages name them.
std::string rung_words(const std::string& rung) {
  if (rung == "due") {
    return "due today";
  }
  std::string out = rung;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  }
  return s;
}

// "Tuesday 26 May 2026" and "Tue 26 May 2026".
std::string long_date(engine::Date d) {
  const date::year_month_day ymd{d};
  return date::format("%A ", d) + std::to_string(static_cast<unsigned>(ymd.day())) +
         date::format(" %B %Y", d);
}
std::string short_date(engine::Date d) {
  const date::year_month_day ymd{d};
  return date::format("%a ", d) + std::to_string(static_cast<unsigned>(ymd.day())) +
         date::format(" %b %Y", d);
}

// The rest of the line of `body` that starts with `prefix`, or "" when none does.
std::string line_after(std::string_view body, std::string_view prefix) {
  std::size_t start = 0;
  while (start < body.size()) {
    const auto end = std::min(body.find('\n', start), body.size());
    const auto line = body.substr(start, end - start);
    if (line.starts_with(prefix)) {
      return std::string(line.substr(prefix.size()));
    }
    start = end + 1;
  }
  return {};
}

// The clock in words, from the message's "Clock: Final plan (final_plan; ...)"; a message
// written before clocks had titles names only the clock, which is titled here.
std::string clock_title_of(const OutboxMessage& m) {
  std::string title = line_after(m.body, "Clock: ");
  title = title.substr(0, title.find(" ("));
  return title.empty() || title == m.clock ? render::clock_title(m.clock) : title;
}

// Where the clock stood on the night, from the message's "On 2026-05-26: overdue by 3 days".
std::string standing(const OutboxMessage& m) {
  return line_after(m.body, "On " + engine::format_date(m.created_on) + ": ");
}

// "A-0001: due Tue 26 May 2026, overdue by 3 days. Next action: issue the final EHC plan."
std::string case_line(const OutboxMessage& m) {
  std::string line = "    " + m.case_ref + ": due " + short_date(m.due);
  if (const auto stands = standing(m); !stands.empty() && stands != "due today") {
    line += ", " + stands;
  }
  line += ".";
  if (const auto action = line_after(m.body, "Next action: "); !action.empty()) {
    line += " Next action: " + action + ".";
  }
  if (m.body.find("You are told in place of") != std::string::npos) {
    line += " (You are told in place of its " +
            std::string(m.role == "head_of_service" ? "head of service" : "caseworker") +
            ": none is assigned.)";
  }
  return line + "\n";
}

// "1 escalated, 2 overdue, 3 due soon".
std::string counts(
    const std::map<std::pair<int, std::string>, std::vector<const OutboxMessage*>>& by_rung) {
  std::string out;
  for (const auto& [rung, rows] : by_rung) {
    out += (out.empty() ? "" : ", ") + std::to_string(rows.size()) + " " + rung_words(rung.second);
  }
  return out;
}

Digest compose(std::vector<const OutboxMessage*> rows) {
  std::sort(rows.begin(), rows.end(),
            [](const OutboxMessage* a, const OutboxMessage* b) { return a->id < b->id; });
  const OutboxMessage& first = *rows.front();
  Digest d;
  d.mail.id = first.id;
  d.mail.recipient = first.recipient;
  d.mail.address = first.address;
  d.mail.created_on = first.created_on;
  d.mail.created_at = first.created_at;
  std::map<std::pair<int, std::string>, std::vector<const OutboxMessage*>> by_rung;
  for (const auto* m : rows) {
    d.ids.push_back(m->id);
    d.mail.created_at = std::min(d.mail.created_at, m->created_at);
    by_rung[{rung_rank(m->rung), m->rung}].push_back(m);
  }
  const std::string summary = counts(by_rung);
  d.mail.subject = "[ehcp] Your cases on " + short_date(first.created_on) + ": " + summary;
  std::string body =
      "Your cases in ehcp on " + long_date(first.created_on) + ": " + summary + ".\n";
  for (auto& [rung, messages] : by_rung) {
    // Within a step: clocks by their earliest due date, cases by due date then reference.
    std::sort(messages.begin(), messages.end(), [](const OutboxMessage* a, const OutboxMessage* b) {
      return std::tie(a->due, a->case_ref, a->id) < std::tie(b->due, b->case_ref, b->id);
    });
    std::vector<std::string> clocks;
    for (const auto* m : messages) {
      if (std::find(clocks.begin(), clocks.end(), m->clock) == clocks.end()) {
        clocks.push_back(m->clock);
      }
    }
    body += "\n" + capitalised(rung_words(rung.second)) + " (" + std::to_string(messages.size()) +
            ")\n";
    for (const auto& clock : clocks) {
      bool titled = false;
      for (const auto* m : messages) {
        if (m->clock == clock) {
          body += titled ? "" : "  " + clock_title_of(*m) + "\n";
          titled = true;
          body += case_line(*m);
        }
      }
    }
  }
  body +=
      "\nA case is listed here on the night its clock reaches each step of the escalation "
      "ladder.\nOpen one in ehcp: ehcp case show <reference>. This message names no child: cases "
      "are given by reference only.\n";
  d.mail.body = std::move(body);
  return d;
}

}  // namespace

std::vector<Digest> digests_of(const std::vector<OutboxMessage>& messages) {
  std::map<std::pair<std::string, engine::Date>, std::vector<const OutboxMessage*>> groups;
  std::vector<Digest> out;
  for (const auto& m : messages) {
    if (m.role == kBoardRole) {
      // The board's monthly pack is a message of its own, sent as it was written.
      Digest d;
      d.ids = {m.id};
      d.mail = m;
      d.mail.case_ref.clear();
      d.mail.clock.clear();
      d.mail.rung.clear();
      out.push_back(std::move(d));
      continue;
    }
    groups[{m.address, m.created_on}].push_back(&m);
  }
  out.reserve(out.size() + groups.size());
  for (auto& [key, rows] : groups) {
    out.push_back(compose(std::move(rows)));
  }
  std::sort(out.begin(), out.end(),
            [](const Digest& a, const Digest& b) { return a.ids.front() < b.ids.front(); });
  return out;
}

}  // namespace ehcp::adapters::notify
