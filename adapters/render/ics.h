// adapters/render/ics.h
//
// iCalendar (RFC 5545) written by hand, for the caseworkers' calendar feeds: CRLF line ends,
// content lines folded at 75 octets (a continuation starts with one space, and a UTF-8
// sequence is never split), TEXT values escaped (\\ \; \, \n), and each deadline an all-day
// VEVENT (DTSTART;VALUE=DATE, DTEND the day after) with a stable UID and the feed's DTSTAMP.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/civil_date.h"

namespace ehcp::adapters::render {

struct IcsEvent {
  std::string uid;  // stable across feeds, so a client updates the event rather than adds one
  engine::Date day;
  std::string summary;
  std::string description;
};

struct IcsCalendar {
  std::string name;     // X-WR-CALNAME, what a client calls the calendar
  std::string dtstamp;  // UTC, "20261207T232400Z"
  std::vector<IcsEvent> events;
};

// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, a
// line break (LF, CRLF or CR) becomes "\n".
std::string ics_escape(std::string_view text);

// One content line folded (§3.1): no line longer than 75 octets without its CRLF, each
// continuation a CRLF and a space, never inside a UTF-8 sequence. Ends with CRLF.
std::string ics_fold(std::string_view line);

// "2026-12-07T23:24:00Z" (or with fractional seconds) as a DTSTAMP: "20261207T232400Z".
std::string ics_timestamp(std::string_view iso_utc);

// The whole VCALENDAR.
std::string to_ics(const IcsCalendar& calendar);

}  // namespace ehcp::adapters::render
