// adapters/render/outbox_render.h
//
// How `ehcp outbox list` prints the outbox: a table (text or CSV) or JSON, one row per message,
// without its body. Takes values; writes nothing itself.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/render/table.h"
#include "adapters/sqlite/outbox_store.h"

namespace ehcp::adapters::render {

// Columns id, created_on, case, clock, rung, role, recipient, address, subject, delivered_at,
// delivered_to; the last two empty while a message is undelivered.
Table outbox_table(const std::vector<sqlite::OutboxMessage>& messages);

// The same fields as an array of objects; delivered_at and delivered_to null while undelivered.
nlohmann::json outbox_json(const std::vector<sqlite::OutboxMessage>& messages);

}  // namespace ehcp::adapters::render
