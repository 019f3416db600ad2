#include <iostream>

#include "adapters/sqlite/database.h"
#include "cli/commands.h"

namespace ehcp::cli {

void add_init_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand("init", "Create the database, or migrate it to this version");
  cmd->callback([&context, &run] {
    run = [&context]() -> engine::Status {
      auto db = adapters::sqlite::Database::open(context.db_path,
                                                 adapters::sqlite::Database::Mode::kCreate);
      if (!db.ok()) {
        return db.status();
      }
      auto applied = db.value()->migrate();
      if (!applied.ok()) {
        return applied.status();
      }
      std::cout << "database " << context.db_path << " ready at schema version "
                << db.value()->schema_version();
      if (applied.value() > 0) {
        std::cout << " (" << applied.value() << " migration(s) applied)";
      }
      std::cout << "\n";
      return {};
    };
  });
}

}  // namespace ehcp::cli
