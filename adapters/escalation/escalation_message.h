// adapters/escalation/escalation_message.h
//
// The words of an escalation message: one clock, one rung, one recipient. Messages name the
// case by its reference and never the child: e-mail leaves the council's systems, and the
// reference is enough to open the case in ehcp. Pure; thread-safe.
#pragma once

#include <string>

#include "adapters/escalation/recipient.h"
#include "adapters/sqlite/clock_query.h"
#include "adapters/sqlite/outbox_store.h"
#include "engine/calendar.h"
#include "engine/escalation.h"

namespace ehcp::adapters::escalation {

// `action` is what meets the clock ("issue the final EHC plan"), empty when the rule has none.
sqlite::OutboxMessage escalation_message(const sqlite::ClockRow& row,
                                         const engine::EscalationRung& rung,
                                         const Recipient& recipient, const std::string& action,
                                         engine::Date as_of, const engine::Calendar& calendar);

}  // namespace ehcp::adapters::escalation
