// iCalendar by hand (adapters/render/ics.h) against RFC 5545's rules: CRLF after every line and
// no bare LF, no line over 75 octets, a fold never inside a UTF-8 sequence and undone exactly
// by unfolding, TEXT escaping of backslash, semicolon, comma and line breaks, and all-day
// events with UID, DTSTAMP and DTSTART;VALUE=DATE.
#include "adapters/render/ics.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/render/calendar_feed.h"

using namespace ehcp::adapters::render;
using ehcp::engine::make_date;

namespace {

std::vector<std::string> crlf_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < ics.size()) {
    const auto end = ics.find("\r\n", at);
    REQUIRE(end != std::string::npos);  // every line ends with CRLF
    lines.push_back(ics.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

// RFC 5545 §3.1: a CRLF followed by one space or tab is removed.
std::string unfold(const std::string& ics) {
  std::string out;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += ics[i];
  }
  return out;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 0;
    if (n == 0 || i + n > s.size()) {
      return false;
    }
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("TEXT values escape backslash, semicolon, comma and every kind of line break", "[ics]") {
  CHECK(ics_escape("a\\b;c,d") == "a\\\\b\\;c\\,d");
  CHECK(ics_escape("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ics_escape("plain: text") == "plain: text");  // a colon needs no escape in a value
}

TEST_CASE("a line of 75 octets stays whole; one of 76 folds, the continuation led by a space",
          "[ics]") {
  const std::string exact(75, 'x');
  CHECK(ics_fold(exact) == exact + "\r\n");
  const std::string longer(76, 'x');
  // Built from `exact`, not a temporary: GCC 12 with the precompiled headers (CI) reports a
  // false -Warray-bounds on operator+ of a temporary string.
  CHECK(ics_fold(longer) == exact + "\r\n x\r\n");
  // Continuations hold 74 octets after their space.
  const std::string much(75 + 74 + 3, 'y');
  const auto lines = crlf_lines(ics_fold(much));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].size() == 75);
  CHECK(lines[1].size() == 75);
  CHECK(lines[2] == " yyy");
}

TEST_CASE("folding never splits a UTF-8 sequence, at every offset", "[ics]") {
  // "é" is 2 octets, "€" 3, "𝄞" 4: each placed across the 75th octet in turn.
  for (const std::string ch : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9D\x84\x9E"}) {
    for (std::size_t prefix = 70; prefix <= 76; ++prefix) {
      std::string line = std::string(prefix, 'a');
      for (int i = 0; i < 60; ++i) {
        line += ch;
      }
      CAPTURE(ch.size(), prefix);
      const auto folded = ics_fold(line);
      for (const auto& l : crlf_lines(folded)) {
        CHECK(l.size() <= 75);
        const std::string content = l.starts_with(" ") ? l.substr(1) : l;
        CHECK(valid_utf8(content));
      }
      CHECK(unfold(folded) == line + "\r\n");
    }
  }
}

TEST_CASE("a feed is CRLF throughout, no line over 75 octets, with all-day events",
          "[ics][calendar]") {
  ehcp::adapters::report::QueueItem item;
  item.case_ref = "N-1";
  item.clock = "decision_to_assess";
  item.workflow = "assessment";
  item.stage = "awaiting_decision";
  item.start = make_date(2026, 1, 5);
  item.due = make_date(2026, 2, 16);
  item.next_action = "decide whether to assess, and tell the family; then write; \\ done";
  item.caseworker = "Zoë Ökafor-Ñúñez, Senior Caseworker; North & Coast";
  item.team = "North";
  ehcp::adapters::report::QueueItem late = item;
  late.case_ref = "N-2";
  late.due = make_date(2026, 2, 2);
  late.days_overdue = 8;
  const auto ics = deadlines_to_ics({late, item}, "Exampleshire Council — SEND (€ test)",
                                    item.caseworker, "2026-02-10T09:00:00.123Z");
  CHECK(ics.find('\n') == ics.find("\r\n") + 1);
  std::size_t bare_lf = 0;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    bare_lf += ics[i] == '\n' && (i == 0 || ics[i - 1] != '\r') ? 1 : 0;
  }
  CHECK(bare_lf == 0);
  const auto lines = crlf_lines(ics);
  for (const auto& l : lines) {
    CHECK(l.size() <= 75);
  }
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  const auto flat = unfold(ics);
  CHECK(flat.find("\r\nUID:N-1/decision_to_assess/2026-01-05@ehcp\r\n") != std::string::npos);
  CHECK(flat.find("\r\nDTSTAMP:20260210T090000Z\r\n") != std::string::npos);
  CHECK(flat.find("\r\nDTSTART;VALUE=DATE:20260216\r\nDTEND;VALUE=DATE:20260217\r\n") !=
        std::string::npos);
  CHECK(flat.find("\r\nSUMMARY:Overdue: Decision whether to assess\\, N-2\r\n") !=
        std::string::npos);
  CHECK(flat.find("Next action: decide whether to assess\\, and tell the family\\; then write\\; "
                  "\\\\ done.\\n") != std::string::npos);
  CHECK(flat.find("X-WR-CALNAME:EHC deadlines: Zoë Ökafor-Ñúñez\\, Senior Caseworker\\; North & "
                  "Coast (Exampleshire Council — SEND (€ test))\r\n") != std::string::npos);
  int events = 0;
  for (const auto& l : lines) {
    events += l == "BEGIN:VEVENT" ? 1 : 0;
  }
  CHECK(events == 2);
}
