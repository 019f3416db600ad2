#include <filesystem>
#include <iostream>
#include <memory>

#include "adapters/notify/outbox_delivery.h"
#include "adapters/render/outbox_render.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/outbox_store.h"
#include "cli/commands.h"
#include "cli/time_source.h"

namespace ehcp::cli {
namespace {

engine::Status run_list(const Context& context, bool undelivered_only) {
  auto db = context.open_database(Access::kRead);
  if (!db.ok()) {
    return db.status();
  }
  try {
    adapters::sqlite::OutboxStore outbox(db.value()->sql());
    const auto messages = outbox.list(undelivered_only);
    switch (context.format()) {
      case Format::kJson:
        std::cout << adapters::render::outbox_json(messages).dump(2) << "\n";
        break;
      case Format::kCsv:
        std::cout << adapters::render::to_csv(adapters::render::outbox_table(messages));
        break;
      case Format::kTable:
      case Format::kHtml:  // refused before any command runs (main.cpp)
        std::cout << adapters::render::to_text(adapters::render::outbox_table(messages));
        std::cout << messages.size() << " message(s)\n";
        break;
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("list the outbox", e.what());
  }
  return {};
}

// --to if given, else the LA configuration's nightly outbox directory (where `ehcp nightly`
// delivers, so both put messages in one place), else <dir of the database>/outbox.
std::string delivery_directory(const Context& context, const adapters::config::LaConfig& config,
                               const std::string& to) {
  if (!to.empty()) {
    return to;
  }
  if (!config.nightly.outbox_dir.empty()) {
    return config.nightly.outbox_dir;
  }
  return (std::filesystem::path(context.db_path).parent_path() / "outbox").string();
}

engine::Status run_deliver(const Context& context, const std::string& to) {
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  auto db = context.open_database(Access::kWrite);
  if (!db.ok()) {
    return db.status();
  }
  const std::string dir = delivery_directory(context, config.value(), to);
  // --to always means files there; otherwise the configuration's transport (files or SMTP).
  auto outcome = adapters::notify::deliver_outbox(
      *db.value(), config.value().notify, dir, utc_timestamp_now(), "outbox deliver", !to.empty());
  if (!outcome.ok()) {
    return outcome.status();
  }
  std::cout << "delivered " << outcome.value().delivered << " message(s) in "
            << outcome.value().mails << " mail(s) to " << outcome.value().where << "\n";
  return {};
}

}  // namespace

void add_outbox_commands(CLI::App& app, Context& context, Run& run) {
  auto* group = app.add_subcommand("outbox", "The escalation messages: list them, deliver them");
  group->require_subcommand(1);

  auto* list = group->add_subcommand("list", "Every message, oldest first, without its body");
  auto undelivered_only = std::make_shared<bool>(false);
  list->add_flag("--undelivered", *undelivered_only, "Only messages not yet delivered");
  list->callback([&context, &run, undelivered_only] {
    run = [&context, undelivered_only] { return run_list(context, *undelivered_only); };
  });

  auto* deliver = group->add_subcommand(
      "deliver",
      "Send the undelivered messages, one digest per person per night, as .eml files in a "
      "directory or by SMTP (the configuration's notify.transport), and mark them");
  auto to = std::make_shared<std::string>();
  deliver->add_option("--to", *to,
                      "Write .eml files to this directory, whatever the transport configured "
                      "(default: the configuration's nightly.outbox_dir, else outbox/ beside "
                      "the database)");
  deliver->callback(
      [&context, &run, to] { run = [&context, to] { return run_deliver(context, *to); }; });
}

}  // namespace ehcp::cli
