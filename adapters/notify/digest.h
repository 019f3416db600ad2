// adapters/notify/digest.h
//
// The night's mail for one person: every outbox message to one address from one night's tick,
// as one digest, so a caseworker gets one message a night instead of one a clock (the first
// night on 5,000 cases sent 949 messages, 269 of them to the head of service). The outbox keeps
// one row a clock, rung and recipient, as the escalation ledger does; only what is sent is
// grouped. A digest lists the person's cases by step of the ladder (escalated, overdue, due
// today, due soon), then by clock, each case by its reference with its due date, where it
// stands and its next action, taken from the row's own message: it never names a child. The
// board's monthly pack (board_pack_message.h) is not a case's message and goes alone, as written.
// Pure; the same rows give the same digest, byte for byte. Thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "adapters/sqlite/outbox_store.h"

namespace ehcp::adapters::notify {

struct Digest {
  std::vector<std::int64_t> ids;  // the outbox rows it carries, ascending
  // The mail itself: id = ids.front() (its file name and Message-ID), the person's name and
  // address, the night's date, the earliest created_at, subject and body; case, clock and rung
  // empty (a digest has many).
  sqlite::OutboxMessage mail;
};

// One digest for each (address, created_on) among `messages`, ordered by their first row.
std::vector<Digest> digests_of(const std::vector<sqlite::OutboxMessage>& messages);

}  // namespace ehcp::adapters::notify
