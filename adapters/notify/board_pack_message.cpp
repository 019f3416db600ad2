#include "adapters/notify/board_pack_message.h"

#include <filesystem>

#include "adapters/render/indicator_render.h"

namespace ehcp::adapters::notify {

sqlite::OutboxMessage board_pack_message(const config::LaConfig& config,
                                         const engine::IndicatorPack& pack,
                                         const std::string& html_file, engine::Date as_of,
                                         const std::string& now_utc) {
  namespace fs = std::filesystem;
  const fs::path html(html_file);
  const std::string stem = html.stem().string();
  sqlite::OutboxMessage m;
  // No case: the month is the key, so the pack is queued once a month whatever reruns.
  m.case_ref = "";
  m.clock = "board_pack";
  m.start = pack.from;
  m.due = pack.to;
  m.rung = "monthly";
  m.role = std::string(kBoardRole);
  m.recipient = config.la.empty() ? "SEND improvement board" : config.la + " SEND board";
  m.address = config.notify.board;
  m.subject = "[ehcp] SEND board pack for " + pack.period;
  m.body = "The SEND board indicators for " + pack.period + (config.la.empty() ? "" : " for ") +
           config.la + " are ready.\n\nThe pack: " + html.filename().string() +
           " (for the board, printable on A4)\nFor the council's BI tools: " + stem + ".csv, " +
           stem + ".json\nIn the reports folder: " + html.parent_path().string() +
           "\n\nHeadlines:\n" + render::indicator_headlines_to_text(pack) +
           "\nThe pack counts cases and never names a child; counts from 1 to 4 are withheld "
           "(c). It is marked OFFICIAL-SENSITIVE: share it only with the board.\n";
  m.created_on = as_of;
  m.created_at = now_utc;
  return m;
}

}  // namespace ehcp::adapters::notify
