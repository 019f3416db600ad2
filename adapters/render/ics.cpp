#include "adapters/render/ics.h"

#include <cctype>

namespace ehcp::adapters::render {
namespace {

constexpr std::size_t kMaxOctets = 75;

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string ics_date(engine::Date d) {
  std::string out = engine::format_date(d);  // YYYY-MM-DD
  out.erase(7, 1);
  out.erase(4, 1);
  return out;
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
      case ';':
      case ',':
        out += '\\';
        out += c;
        break;
      case '\r':
        out += "\\n";
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;
        }
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t room = kMaxOctets;  // the first line has 75 octets; a continuation 74 after its space
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && continuation_byte(line[cut])) {
      --cut;  // back to the start of the UTF-8 sequence, which goes on the next line
    }
    if (cut == 0) {
      cut = room;  // not UTF-8 at all: cut where the octets run out
    }
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = kMaxOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string ics_timestamp(std::string_view iso_utc) {
  // YYYY-MM-DDTHH:MM:SS[.fff]Z: keep the digits of the date and the whole seconds.
  std::string out;
  for (char c : iso_utc.substr(0, 19)) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      out += c;
    }
  }
  if (out.size() != 14) {
    return "19700101T000000Z";  // not a timestamp: never expected from the service's clock
  }
  return out.substr(0, 8) + "T" + out.substr(8) + "Z";
}

std::string to_ics(const IcsCalendar& calendar) {
  std::string out;
  auto line = [&out](std::string_view text) { out += ics_fold(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//ehcp//Statutory deadlines//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + ics_escape(calendar.name));
  for (const auto& e : calendar.events) {
    line("BEGIN:VEVENT");
    line("UID:" + ics_escape(e.uid));
    line("DTSTAMP:" + calendar.dtstamp);
    line("DTSTART;VALUE=DATE:" + ics_date(e.day));
    line("DTEND;VALUE=DATE:" + ics_date(e.day + date::days{1}));
    line("SUMMARY:" + ics_escape(e.summary));
    line("DESCRIPTION:" + ics_escape(e.description));
    line("TRANSP:TRANSPARENT");  // a deadline, not a meeting: the day stays free
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace ehcp::adapters::render
