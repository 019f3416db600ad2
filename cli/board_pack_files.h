// cli/board_pack_files.h
//
// The board pack written to files: <dir>/<stem>.html for the board, .csv and .json for the
// council's BI tools, each written whole or not at all (private files, as the breach report's).
// Used by the nightly run (on the first night of a month, the month just ended) and by
// `ehcp demo` (the 12 months to the end of last month).
#pragma once

#include <filesystem>
#include <string>

#include "adapters/config/la_config.h"
#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/indicator_pack.h"
#include "engine/status.h"

namespace ehcp::cli {

struct BoardPackFiles {
  std::string html_path;
  engine::IndicatorPack pack;
};

engine::Result<BoardPackFiles> write_board_pack(adapters::sqlite::Database& db,
                                                const std::filesystem::path& dir, engine::Date from,
                                                engine::Date to,
                                                const adapters::config::LaConfig& config,
                                                const std::string& stem);

}  // namespace ehcp::cli
