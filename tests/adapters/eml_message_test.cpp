// tests for adapters/notify/eml_message.h: a golden message byte for byte, quoted-printable
// (RFC 2045), encoded-words (RFC 2047) and folding, and the line rules of RFC 5322.
#include "adapters/notify/eml_message.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using ehcp::adapters::notify::quoted_printable;
using ehcp::adapters::notify::rfc5322_date;
using ehcp::adapters::notify::to_eml;
using ehcp::adapters::sqlite::OutboxMessage;

namespace {

const std::string kFrom = "ehcp@council.invalid";

OutboxMessage ada() {
  OutboxMessage m;
  m.id = 7;
  m.case_ref = "A-0001";
  m.clock = "decision_to_assess";
  m.start = ehcp::engine::make_date(2026, 4, 17);
  m.rung = "due_soon";
  m.role = "caseworker";
  m.recipient = "Ada Example";
  m.address = "ada.example@council.invalid";
  m.subject = "A-0001: decision to assess due Fri 29 May 2026";
  m.body =
      "The decision whether to assess A-0001 is due on Fri 29 May 2026.\n"
      "Reg 5(1): 6 weeks from the request; 2 + 2 = 4 days left.\n"
      "Record the decision on the case file today, or record an exception with its reason.\n";
  m.created_on = ehcp::engine::make_date(2026, 5, 26);
  m.created_at = "2026-05-26T01:00:00Z";
  return m;
}

// The message split at CRLF; fails the test on a bare CR or LF.
std::vector<std::string> crlf_lines(const std::string& message) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < message.size()) {
    const auto end = message.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    const std::string line = message.substr(start, end - start);
    REQUIRE(line.find_first_of("\r\n") == std::string::npos);
    lines.push_back(line);
    start = end + 2;
  }
  return lines;
}

// The header lines of `message` (up to the blank line), each folded line as it stands.
std::vector<std::string> header_lines(const std::string& message) {
  std::vector<std::string> out;
  for (const auto& line : crlf_lines(message)) {
    if (line.empty()) {
      break;
    }
    out.push_back(line);
  }
  return out;
}

// The field `name` unfolded (RFC 5322 2.2.3: CRLF before whitespace removed), without "name: ".
std::string field(const std::string& message, const std::string& name) {
  std::string value;
  bool in_field = false;
  for (const auto& line : header_lines(message)) {
    if (line.starts_with(name + ": ")) {
      in_field = true;
      value = line.substr(name.size() + 2);
    } else if (in_field && (line[0] == ' ' || line[0] == '\t')) {
      value += line;
    } else {
      in_field = false;
    }
  }
  return value;
}

int hex_value(char c) { return c <= '9' ? c - '0' : c - 'A' + 10; }

// A quoted-printable decoder, to check that encoding loses nothing.
std::string decode_qp(const std::string& encoded) {
  std::string out;
  for (const auto& line : crlf_lines(encoded)) {
    std::size_t end = line.size();
    const bool soft = !line.empty() && line.back() == '=';
    if (soft) {
      --end;
    }
    for (std::size_t i = 0; i < end; ++i) {
      if (line[i] == '=') {
        out += static_cast<char>(hex_value(line[i + 1]) * 16 + hex_value(line[i + 2]));
        i += 2;
      } else {
        out += line[i];
      }
    }
    if (!soft) {
      out += '\n';
    }
  }
  return out;
}

// The text of one RFC 2047 encoded-word in UTF-8, Q or B.
std::string decode_word(const std::string& word) {
  REQUIRE(word.size() >= 12);
  REQUIRE(word.starts_with("=?UTF-8?"));
  REQUIRE(word.ends_with("?="));
  const char kind = word[8];
  const std::string text = word.substr(10, word.size() - 12);
  std::string out;
  if (kind == 'Q') {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '=') {
        out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
        i += 2;
      } else {
        out += text[i] == '_' ? ' ' : text[i];
      }
    }
    return out;
  }
  REQUIRE(kind == 'B');
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    if (c == '=') {
      break;
    }
    bits = (bits << 6) | static_cast<std::uint32_t>(alphabet.find(c));
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

// The space-separated words of an unfolded header value.
std::vector<std::string> words_of(const std::string& value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find(' ', start);
    if (end == std::string::npos) {
      end = value.size();
    }
    out.push_back(value.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_whole_utf8(const std::string& bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if ((lead & 0xC0) == 0x80 || i + n > bytes.size()) {
      return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("an outbox message becomes exactly this RFC 5322 message") {
  const std::string expected =
      "From: ehcp <ehcp@council.invalid>\r\n"
      "To: \"Ada Example\" <ada.example@council.invalid>\r\n"
      "Subject: A-0001: decision to assess due Fri 29 May 2026\r\n"
      "Date: Tue, 26 May 2026 01:00:00 +0000\r\n"
      "Message-ID: <ehcp-outbox-7@council.invalid>\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "Auto-Submitted: auto-generated\r\n"
      "X-Ehcp-Case: A-0001\r\n"
      "X-Ehcp-Clock: decision_to_assess\r\n"
      "X-Ehcp-Rung: due_soon\r\n"
      "\r\n"
      "The decision whether to assess A-0001 is due on Fri 29 May 2026.\r\n"
      "Reg 5(1): 6 weeks from the request; 2 + 2 =3D 4 days left.\r\n"
      "Record the decision on the case file today, or record an exception with its=\r\n"
      " reason.\r\n";
  CHECK(to_eml(ada(), kFrom) == expected);
}

TEST_CASE("writing the same message twice gives the same bytes") {
  CHECK(to_eml(ada(), kFrom) == to_eml(ada(), kFrom));
}

TEST_CASE("the Message-ID is the outbox id at the sender's domain") {
  auto m = ada();
  m.id = 123456;
  CHECK(field(to_eml(m, "alerts@send.exampleshire.example"), "Message-ID") ==
        "<ehcp-outbox-123456@send.exampleshire.example>");
  CHECK(field(to_eml(m, "no-domain"), "Message-ID") == "<ehcp-outbox-123456@ehcp.invalid>");
}

TEST_CASE("the Date is created_at in RFC 5322 form, with the weekday of that day") {
  CHECK(rfc5322_date("2026-05-26T01:00:00Z") == "Tue, 26 May 2026 01:00:00 +0000");
  CHECK(rfc5322_date("2026-11-25T04:40:33.120Z") == "Wed, 25 Nov 2026 04:40:33 +0000");
  CHECK(rfc5322_date("2024-02-29T23:59:59Z") == "Thu, 29 Feb 2024 23:59:59 +0000");
  CHECK(rfc5322_date("2026-01-04T00:00:00Z") == "Sun, 4 Jan 2026 00:00:00 +0000");
  CHECK(rfc5322_date("2026-02-30T01:00:00Z").empty());
  CHECK(rfc5322_date("2026-05-26T24:00:00Z").empty());
  CHECK(rfc5322_date("2026-05-26T01:00:00").empty());
  CHECK(rfc5322_date("2026-05-26T01:00:00+01:00").empty());
  CHECK(rfc5322_date("2026-05-26T01:00:00.Z").empty());
  CHECK(rfc5322_date("").empty());
}

TEST_CASE("a created_at that cannot be read dates the message at midnight UTC on created_on") {
  auto m = ada();
  m.created_at = "yesterday";
  CHECK(field(to_eml(m, kFrom), "Date") == "Tue, 26 May 2026 00:00:00 +0000");
}

TEST_CASE("quoted-printable soft-breaks a long line so no line passes 76 characters") {
  const std::string line(100, 'a');
  CHECK(quoted_printable(line) == std::string(75, 'a') + "=\r\n" + std::string(25, 'a') + "\r\n");
  CHECK(quoted_printable(std::string(76, 'a')) == std::string(76, 'a') + "\r\n");
  CHECK(quoted_printable(std::string(77, 'a')) == std::string(75, 'a') + "=\r\n" + "aa" + "\r\n");
  for (const auto& l : crlf_lines(quoted_printable(std::string(1000, 'b') + "\n" + line))) {
    CHECK(l.size() <= 76);
  }
}

TEST_CASE("quoted-printable never splits an escape across a soft break") {
  const std::string body = std::string(74, 'a') + "\xC3\xA9";  // 74 a's, then é
  CHECK(quoted_printable(body) == std::string(74, 'a') + "=\r\n=C3=A9\r\n");
}

TEST_CASE("quoted-printable escapes =, non-ASCII bytes and controls") {
  CHECK(quoted_printable("2 + 2 = 4") == "2 + 2 =3D 4\r\n");
  CHECK(quoted_printable("caf\xC3\xA9") == "caf=C3=A9\r\n");
  CHECK(quoted_printable("bell\x07") == "bell=07\r\n");
  CHECK(quoted_printable("lone\rcr") == "lone=0Dcr\r\n");
}

TEST_CASE("quoted-printable encodes whitespace at the end of a line, and only there") {
  CHECK(quoted_printable("end \nnext") == "end=20\r\nnext\r\n");
  CHECK(quoted_printable("tab\t") == "tab=09\r\n");
  CHECK(quoted_printable("two  spaces  inside") == "two  spaces  inside\r\n");
  // A space before a soft break is followed by the "=", so it stays as it is.
  const std::string body = std::string(74, 'a') + " bc";
  CHECK(quoted_printable(body) == std::string(74, 'a') + " =\r\nbc\r\n");
}

TEST_CASE("quoted-printable turns the body's line feeds into CRLF hard breaks") {
  CHECK(quoted_printable("") == "");
  CHECK(quoted_printable("one\ntwo") == "one\r\ntwo\r\n");
  CHECK(quoted_printable("one\ntwo\n") == "one\r\ntwo\r\n");
  CHECK(quoted_printable("one\r\n\ntwo\n") == "one\r\n\r\ntwo\r\n");
}

TEST_CASE("quoted-printable loses nothing") {
  const std::string body =
      "Dear Zo\xC3\xAB,\n\n" + std::string(200, '=') + "\n" + std::string(90, ' ') +
      "\ntrailing tab\t\n\xE2\x80\x94 and a long line: " + std::string(150, 'x') + " end \n";
  CHECK(decode_qp(quoted_printable(body)) == body);
}

TEST_CASE("a non-ASCII display name is an encoded-word, an ASCII one a quoted string") {
  auto m = ada();
  m.recipient = "Zo\xC3\xAB Example";
  CHECK(field(to_eml(m, kFrom), "To") ==
        "=?UTF-8?Q?Zo=C3=AB_Example?= <ada.example@council.invalid>");
  m.recipient = "Ada \"Ace\" Ex\\ample";
  CHECK(field(to_eml(m, kFrom), "To") ==
        "\"Ada \\\"Ace\\\" Ex\\\\ample\" <ada.example@council.invalid>");
  m.recipient = "Team manager, East";
  CHECK(field(to_eml(m, kFrom), "To") == "\"Team manager, East\" <ada.example@council.invalid>");
}

TEST_CASE("a non-ASCII subject is encoded: Q when mostly ASCII, B when mostly not") {
  auto m = ada();
  m.subject =
      "D\xC3\xA9"
      "cision due";
  CHECK(field(to_eml(m, kFrom), "Subject") == "=?UTF-8?Q?D=C3=A9cision_due?=");
  m.subject = "\xCE\xA0\xCF\x81\xCE\xBF\xCE\xB8\xCE\xB5\xCF\x83\xCE\xBC\xCE\xAF\xCE\xB1";  // Greek
  CHECK(field(to_eml(m, kFrom), "Subject") == "=?UTF-8?B?zqDPgc6/zrjOtc+DzrzOr86x?=");
}

TEST_CASE("a long encoded subject is split between characters into lines of at most 76") {
  auto m = ada();
  std::string subject;
  for (int i = 0; i < 60; ++i) {
    subject += "d\xC3\xA9j\xC3\xA0 ";  // "déjà "
  }
  subject.pop_back();
  m.subject = subject;
  const std::string eml = to_eml(m, kFrom);
  std::string decoded;
  int subject_lines = 0;
  bool in_subject = false;
  for (const auto& line : header_lines(eml)) {
    in_subject = line.starts_with("Subject: ") || (in_subject && line[0] == ' ');
    if (in_subject) {
      ++subject_lines;
      CHECK(line.size() <= 76);
    }
  }
  CHECK(subject_lines > 1);
  for (const auto& word : words_of(field(eml, "Subject"))) {
    CHECK(word.size() <= 75);
    const std::string text = decode_word(word);
    CHECK(is_whole_utf8(text));
    decoded += text;
  }
  CHECK(decoded == subject);
}

TEST_CASE("a long ASCII subject is folded at spaces and unfolds to the original") {
  auto m = ada();
  std::string subject;
  for (int i = 0; i < 40; ++i) {
    subject += "deadline" + std::to_string(i) + " ";
  }
  subject.pop_back();
  m.subject = subject;
  const std::string eml = to_eml(m, kFrom);
  CHECK(field(eml, "Subject") == subject);
  for (const auto& line : header_lines(eml)) {
    CHECK(line.size() <= 78);
  }
}

TEST_CASE("header text cannot add a header: line breaks and controls become spaces") {
  auto m = ada();
  m.subject = "Hello\r\nBcc: someone@elsewhere.invalid";
  m.recipient = "Ada\nExample";
  m.case_ref = "A-0001\r\nX-Injected: yes";
  const std::string eml = to_eml(m, kFrom);
  for (const auto& line : header_lines(eml)) {
    CHECK_FALSE(line.starts_with("Bcc:"));
    CHECK_FALSE(line.starts_with("X-Injected:"));
  }
  CHECK(field(eml, "Subject") == "Hello Bcc: someone@elsewhere.invalid");
  CHECK(field(eml, "To") == "\"Ada Example\" <ada.example@council.invalid>");
}

TEST_CASE("ASCII text that looks like an encoded-word is itself encoded") {
  auto m = ada();
  m.subject = "=?UTF-8?Q?x?=";
  const auto subject = field(to_eml(m, kFrom), "Subject");
  CHECK(subject.starts_with("=?UTF-8?"));
  CHECK(decode_word(subject) == "=?UTF-8?Q?x?=");
}

TEST_CASE("every line ends CRLF and none exceeds 998 octets, whatever the fields hold") {
  auto m = ada();
  m.subject = std::string(3000, 'S');  // one word too long for any line: sent encoded
  m.recipient = std::string(2000, 'R');
  m.case_ref = "A-0001 " + std::string(1200, 'c');
  m.body = std::string(5000, '\xC3') + "\n" + std::string(3000, ' ') + "\n";
  const std::string eml = to_eml(m, kFrom);
  REQUIRE(eml.ends_with("\r\n"));
  for (const auto& line : crlf_lines(eml)) {
    CHECK(line.size() <= 998);
  }
  CHECK(decode_qp(eml.substr(eml.find("\r\n\r\n") + 4)) == m.body);
}
