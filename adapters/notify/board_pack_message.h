// adapters/notify/board_pack_message.h
//
// The month's board pack as an outbox message to the board's address (notify.board): the
// first night of a month queues one, naming the pack's files and giving its headline figures.
// It names no child and no case: the pack holds only counts. The outbox's unique key (case,
// clock, start, due, rung, role) is the month's, so a second run of the night, or of any night
// that month, never queues it again. Sent as it is, never folded into a caseworker's digest
// (digest.h). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "adapters/config/la_config.h"
#include "adapters/sqlite/outbox_store.h"
#include "engine/indicator_pack.h"

namespace ehcp::adapters::notify {

// The role of the board's message in the outbox, which digest.h sends alone.
inline constexpr std::string_view kBoardRole = "board";

// The message telling the board that the pack for `pack.from`..`pack.to` is ready in
// `html_file` (the file's name; its .csv and .json beside it), queued on `as_of`.
sqlite::OutboxMessage board_pack_message(const config::LaConfig& config,
                                         const engine::IndicatorPack& pack,
                                         const std::string& html_file, engine::Date as_of,
                                         const std::string& now_utc);

}  // namespace ehcp::adapters::notify
