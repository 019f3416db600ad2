#include "cli/board_pack_files.h"

#include <utility>

#include "adapters/files/durable_file.h"
#include "adapters/render/indicator_render.h"
#include "adapters/report/indicator_source.h"
#include "ehcp/version.h"
#include "engine/indicators.h"

namespace ehcp::cli {

engine::Result<BoardPackFiles> write_board_pack(adapters::sqlite::Database& db,
                                                const std::filesystem::path& dir, engine::Date from,
                                                engine::Date to,
                                                const adapters::config::LaConfig& config,
                                                const std::string& stem) {
  if (auto status = adapters::files::make_private_directory(dir); !status.ok()) {
    return status;
  }
  auto facts = adapters::report::load_indicator_facts(db, from, to);
  if (!facts.ok()) {
    return facts.status();
  }
  BoardPackFiles out{(dir / (stem + ".html")).string(),
                     engine::compose_indicator_pack(facts.value(), from, to, config.indicators)};
  for (const auto& [file, text] :
       {std::pair{dir / (stem + ".html"),
                  adapters::render::indicators_to_html(out.pack, config.la, kVersion)},
        std::pair{dir / (stem + ".csv"), adapters::render::indicators_to_csv(out.pack)},
        std::pair{dir / (stem + ".json"),
                  adapters::render::indicators_to_json(out.pack, config.la).dump(2) + "\n"}}) {
    if (auto status = adapters::files::write_file_durably(file, text); !status.ok()) {
      return status;
    }
  }
  return out;
}

}  // namespace ehcp::cli
