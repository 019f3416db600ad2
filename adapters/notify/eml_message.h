// adapters/notify/eml_message.h
//
// One outbox message as an Internet message (RFC 5322, MIME per RFC 2045-2047): the bytes the
// SMTP transport sends, or of the .eml file a mail client picks up. A pure function of the message
// and the sender: no I/O, no clock (the Date comes from the message's created_at), so writing
// the same message twice gives the same bytes. Safe to call from any thread.
//
// Written by hand: the one Debian-packaged C++ MIME library, libvmime, pulls in TLS and SASL
// stacks for what here is about 150 lines of header encoding and quoted-printable.
#pragma once

#include <string>
#include <string_view>

#include "adapters/sqlite/outbox_store.h"

namespace ehcp::adapters::notify {

// The message `m` from `from` (an addr-spec, "ehcp@council.invalid"), CRLF line endings:
// From, To (display name quoted, or RFC 2047 encoded when not ASCII), Subject, Date (from
// m.created_at; m.created_on at midnight UTC if that cannot be read), Message-ID
// <ehcp-outbox-<id>@<domain of from>>, MIME headers, Auto-Submitted (RFC 3834), X-Ehcp-Case,
// X-Ehcp-Clock, X-Ehcp-Rung (each left out when empty, as in a digest), then the body in
// quoted-printable UTF-8. Control characters in
// header text become spaces, so no field can add a header line. Header lines are folded below
// 998 octets (below 77 where they carry encoded-words); body lines are at most 76.
std::string to_eml(const sqlite::OutboxMessage& m, const std::string& from);

// `body` (lines separated by "\n"; a "\r" before one is dropped) in quoted-printable (RFC 2045
// section 6.7) with CRLF hard breaks and "=" soft breaks, each line at most 76 characters. Every
// line ends with CRLF, the last included; an empty body gives "".
std::string quoted_printable(std::string_view body);

// "2026-05-26T01:00:00Z" or "2026-05-26T01:00:00.120Z" as RFC 5322 wants it: "Tue, 26 May 2026
// 01:00:00 +0000" (fractions of a second dropped). Empty when `utc_iso` is not of that shape
// or names a day or time that does not exist.
std::string rfc5322_date(std::string_view utc_iso);

}  // namespace ehcp::adapters::notify
