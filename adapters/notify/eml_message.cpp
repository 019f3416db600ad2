#include "adapters/notify/eml_message.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

#include <date/date.h>

#include "engine/civil_date.h"

namespace ehcp::adapters::notify {
namespace {

constexpr std::size_t kMaxLine = 998;        // RFC 5322 2.1.1, without the CRLF
constexpr std::size_t kFoldAt = 78;          // RFC 5322 2.1.1: "SHOULD" be no longer
constexpr std::size_t kEncodedLine = 76;     // RFC 2047 2: a line with encoded-words
constexpr std::size_t kMaxEncodedWord = 75;  // RFC 2047 2
constexpr std::size_t kQpLine = 76;          // RFC 2045 6.7 (5)
constexpr std::string_view kQPrefix = "=?UTF-8?Q?";
constexpr std::string_view kBPrefix = "=?UTF-8?B?";
constexpr std::string_view kSuffix = "?=";
constexpr std::string_view kHex = "0123456789ABCDEF";
constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kFallbackDomain = "ehcp.invalid";

bool is_printable_ascii(unsigned char c) { return c >= 0x20 && c <= 0x7E; }

void append_hex(std::string& out, unsigned char c) {
  out += '=';
  out += kHex[c >> 4];
  out += kHex[c & 0x0F];
}

// One line of header text: control characters (CR and LF among them) become spaces, so no
// field can start a header of its own; runs of spaces become one, and none is left at either end.
std::string header_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool space = c <= 0x20 || c == 0x7F;
    if (!space) {
      out += ch;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

// An address as it goes between angle brackets: no controls, spaces or brackets.
std::string addr_spec(std::string_view address) {
  std::string out;
  for (const char ch : address) {
    const auto c = static_cast<unsigned char>(ch);
    if (c > 0x20 && c != 0x7F && ch != '<' && ch != '>') {
      out += ch;
    }
  }
  return out;
}

// The domain of `address` reduced to a dot-atom, for the Message-ID.
std::string domain_of(std::string_view address) {
  const auto at = address.rfind('@');
  std::string out;
  if (at != std::string_view::npos) {
    for (const char ch : address.substr(at + 1)) {
      const auto c = static_cast<unsigned char>(ch);
      if ((c < 0x80 && std::isalnum(c) != 0) || ch == '.' || ch == '-') {
        out += ch;
      }
    }
  }
  return out.empty() ? std::string(kFallbackDomain) : out;
}

// The length of the UTF-8 character starting at text[i]; 1 for a byte that does not start a
// well-formed one, so bad input is carried byte by byte rather than split mid-character.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t n = 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
  }
  if (i + n > text.size()) {
    return 1;
  }
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
      return 1;
    }
  }
  return n;
}

// RFC 2047 5(3): the characters a "Q" encoded-word may carry as themselves in a phrase (the
// strictest of the three places one may appear, so one rule serves To and Subject alike).
bool q_literal(unsigned char c) {
  return (c < 0x80 && std::isalnum(c) != 0) || c == '!' || c == '*' || c == '+' || c == '-' ||
         c == '/';
}

std::size_t q_length(std::string_view bytes) {
  std::size_t n = 0;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    n += (q_literal(c) || c == ' ') ? 1 : 3;
  }
  return n;
}

std::size_t b_length(std::size_t bytes) { return 4 * ((bytes + 2) / 3); }

void append_q(std::string& out, std::string_view bytes) {
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (q_literal(c)) {
      out += ch;
    } else if (c == ' ') {
      out += '_';
    } else {
      append_hex(out, c);
    }
  }
}

void append_base64(std::string& out, std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = 0;
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    for (std::size_t k = 0; k < 3; ++k) {
      group <<= 8;
      if (k < n) {
        group |= static_cast<unsigned char>(bytes[i + k]);
      }
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? kBase64[(group >> (18 - 6 * k)) & 0x3F] : '=';
    }
  }
}

// `text` as RFC 2047 encoded-words in UTF-8, "Q" or "B" whichever is shorter, split between
// characters so that the first word is at most `first_budget` long and the others at most 75.
std::vector<std::string> encoded_words(std::string_view text, std::size_t first_budget) {
  const bool use_q = q_length(text) <= b_length(text.size());
  const std::size_t overhead = kQPrefix.size() + kSuffix.size();
  std::vector<std::string> words;
  std::size_t budget = first_budget;
  std::string_view chunk;  // the bytes of the word being filled
  std::size_t chunk_q = 0;
  auto flush = [&] {
    std::string word(use_q ? kQPrefix : kBPrefix);
    if (use_q) {
      append_q(word, chunk);
    } else {
      append_base64(word, chunk);
    }
    word += kSuffix;
    words.push_back(std::move(word));
    budget = kMaxEncodedWord;
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    const std::size_t char_q = q_length(text.substr(i, n));
    const std::size_t grown = use_q ? chunk_q + char_q : b_length(chunk.size() + n);
    if (!chunk.empty() && overhead + grown > budget) {
      flush();
      start = i;
      chunk_q = 0;
    }
    chunk = text.substr(start, i + n - start);
    chunk_q += char_q;
    i += n;
  }
  if (!chunk.empty()) {
    flush();
  }
  return words;
}

// "Name: piece piece ...", folded (CRLF before the space between two pieces) so lines stay
// within `limit` where the pieces allow; a piece longer than that has a line of its own.
std::string fold(std::string_view name, const std::vector<std::string>& pieces, std::size_t limit) {
  std::string out(name);
  out += ':';
  std::size_t column = out.size();
  for (const auto& piece : pieces) {
    if (column + 1 + piece.size() > limit && column > name.size() + 1) {
      out += "\r\n";
      column = 0;
    }
    out += ' ';
    out += piece;
    column += 1 + piece.size();
  }
  out += "\r\n";
  return out;
}

std::vector<std::string> split_spaces(std::string_view text) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (true) {
    const auto space = text.find(' ', start);
    pieces.emplace_back(text.substr(start, space - start));
    if (space == std::string_view::npos) {
      return pieces;
    }
    start = space + 1;
  }
}

// Text that may go as it is in a header named `name`: printable ASCII, nothing a decoder
// could take for an encoded-word, and no word too long to fit on a line of its own.
bool is_plain(std::string_view name, std::string_view text) {
  if (text.find("=?") != std::string_view::npos) {
    return false;
  }
  for (const char ch : text) {
    if (!is_printable_ascii(static_cast<unsigned char>(ch))) {
      return false;
    }
  }
  for (const auto& piece : split_spaces(text)) {
    if (name.size() + 2 + piece.size() > kMaxLine) {
      return false;
    }
  }
  return true;
}

// An unstructured header (RFC 5322 3.2.5): Subject and the X-Ehcp-* fields.
std::string unstructured(std::string_view name, std::string_view raw) {
  const std::string text = header_text(raw);
  if (text.empty()) {
    return fold(name, {}, kFoldAt);
  }
  if (is_plain(name, text)) {
    return fold(name, split_spaces(text), kFoldAt);
  }
  return fold(name, encoded_words(text, kEncodedLine - name.size() - 2), kEncodedLine);
}

// To: "Display Name" <address>, the name quoted (RFC 5322 3.2.4) when ASCII, else encoded-words.
std::string to_header(std::string_view recipient, std::string_view address) {
  constexpr std::string_view kName = "To";
  const std::string text = header_text(recipient);
  const std::string angle = "<" + addr_spec(address) + ">";
  if (text.empty()) {
    return fold(kName, {angle}, kFoldAt);
  }
  std::string quoted = "\"";
  bool plain = text.find("=?") == std::string::npos;
  for (const char ch : text) {
    plain = plain && is_printable_ascii(static_cast<unsigned char>(ch));
    if (ch == '"' || ch == '\\') {
      quoted += '\\';
    }
    quoted += ch;
  }
  quoted += '"';
  if (plain && kName.size() + 2 + quoted.size() <= kMaxLine) {
    return fold(kName, {quoted, angle}, kFoldAt);
  }
  auto pieces = encoded_words(text, kEncodedLine - kName.size() - 2);
  pieces.push_back(angle);
  return fold(kName, pieces, kEncodedLine);
}

void encode_qp_line(std::string_view line, std::string& out) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
    const std::size_t width = literal ? 1 : 3;
    // Leave room for the "=" of a soft break unless this is the line's last character.
    if (column + width > (last ? kQpLine : kQpLine - 1)) {
      out += "=\r\n";
      column = 0;
    }
    if (literal) {
      out += line[i];
    } else {
      append_hex(out, c);
    }
    column += width;
  }
}

}  // namespace

std::string quoted_printable(std::string_view body) {
  std::string out;
  std::size_t start = 0;
  while (start < body.size()) {
    const auto end = body.find('\n', start);
    std::string_view line = body.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    encode_qp_line(line, out);
    out += "\r\n";
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return out;
}

std::string rfc5322_date(std::string_view utc_iso) {
  static constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                            "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // YYYY-MM-DDTHH:MM:SS, then optionally .fraction, then Z.
  if (utc_iso.size() < 20 || utc_iso[10] != 'T' || utc_iso[13] != ':' || utc_iso[16] != ':' ||
      utc_iso.back() != 'Z') {
    return {};
  }
  const auto day = engine::parse_date(utc_iso.substr(0, 10));
  const auto fraction = utc_iso.substr(19, utc_iso.size() - 20);
  if (!day || (!fraction.empty() && (fraction.size() < 2 || fraction[0] != '.'))) {
    return {};
  }
  for (const std::size_t i : {11, 12, 14, 15, 17, 18}) {
    if (std::isdigit(static_cast<unsigned char>(utc_iso[i])) == 0) {
      return {};
    }
  }
  for (const char ch : fraction.substr(fraction.empty() ? 0 : 1)) {
    if (std::isdigit(static_cast<unsigned char>(ch)) == 0) {
      return {};
    }
  }
  auto number = [&](std::size_t i) { return (utc_iso[i] - '0') * 10 + (utc_iso[i + 1] - '0'); };
  const int hours = number(11);
  const int minutes = number(14);
  const int seconds = number(17);
  if (hours > 23 || minutes > 59 || seconds > 60) {  // 60: a leap second
    return {};
  }
  const date::year_month_day ymd{*day};
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return std::string(kDays[date::weekday{*day}.c_encoding()]) + ", " +
         std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]) + " " +
         std::to_string(static_cast<int>(ymd.year())) + " " + two(hours) + ":" + two(minutes) +
         ":" + two(seconds) + " +0000";
}

std::string to_eml(const sqlite::OutboxMessage& m, const std::string& from) {
  const std::string sender = addr_spec(from);
  std::string date = rfc5322_date(m.created_at);
  if (date.empty()) {
    date = rfc5322_date(engine::format_date(m.created_on) + "T00:00:00Z");
  }
  std::string out = "From: ehcp <" + sender + ">\r\n";
  out += to_header(m.recipient, m.address);
  out += unstructured("Subject", m.subject);
  out += "Date: " + date + "\r\n";
  out += "Message-ID: <ehcp-outbox-" + std::to_string(m.id) + "@" + domain_of(sender) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  // A digest (digest.h) carries many cases, clocks and rungs: it has none of these.
  for (const auto& [name, value] : {std::pair{"X-Ehcp-Case", &m.case_ref},
                                    {"X-Ehcp-Clock", &m.clock},
                                    {"X-Ehcp-Rung", &m.rung}}) {
    if (!value->empty()) {
      out += unstructured(name, *value);
    }
  }
  out += "\r\n";
  out += quoted_printable(m.body);
  return out;
}

}  // namespace ehcp::adapters::notify
