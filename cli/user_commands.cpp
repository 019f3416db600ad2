// `ehcp user add NAME --role R [--team T] [--email E] [--no-password]`, `ehcp user passwd
// NAME`, `ehcp user disable NAME`, `ehcp user list`: the web service's accounts. A password is
// read from a terminal without echo (twice), or as one line of standard input otherwise; it is
// stored only as its argon2id hash. `ehcp user calendar-token NAME [--revoke] [--url BASE]`
// prints the address of a person's calendar feed once (its token is stored only as a hash; a
// new one replaces the old), or revokes it.
#include <iostream>
#include <memory>

#include <termios.h>
#include <unistd.h>

#include "adapters/render/table.h"
#include "adapters/sqlite/account_store.h"
#include "adapters/sqlite/calendar_token_store.h"
#include "cli/commands.h"
#include "cli/time_source.h"
#include "web/credentials.h"

namespace ehcp::cli {
namespace {

constexpr std::size_t kMinPassword = 10;

struct AddArgs {
  std::string name;
  std::string role;
  std::string team;
  std::string email;
  bool no_password = false;
};

std::string read_line_without_echo(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return line;
}

engine::Result<std::string> read_password_hash() {
  std::string password;
  if (isatty(STDIN_FILENO)) {
    password = read_line_without_echo("Password: ");
    if (read_line_without_echo("Password again: ") != password) {
      return engine::Status::usage("the passwords differ");
    }
  } else {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') {
      password.pop_back();
    }
  }
  if (password.size() < kMinPassword) {
    return engine::Status::usage("a password has at least " + std::to_string(kMinPassword) +
                                 " characters");
  }
  if (auto status = web::init_credentials(); !status.ok()) {
    return status;
  }
  return web::hash_password(password);
}

engine::Status run_add(const Context& context, const AddArgs& args) {
  if (!adapters::sqlite::is_role(args.role)) {
    return engine::Status::usage("--role must be caseworker, manager, board or admin");
  }
  if ((args.role == "caseworker" || args.role == "manager") && args.team.empty()) {
    return engine::Status::usage("a " + args.role + " needs --team: they see their team's cases");
  }
  if (args.no_password && args.email.empty()) {
    return engine::Status::usage("--no-password needs --email (signing in by a trusted header)");
  }
  auto db = context.open_database(Access::kWrite);
  if (!db.ok()) {
    return db.status();
  }
  std::string hash;
  if (!args.no_password) {
    auto h = read_password_hash();
    if (!h.ok()) {
      return h.status();
    }
    hash = h.value();
  }
  try {
    adapters::sqlite::User user{args.name,
                                args.role,
                                args.team.empty() ? std::nullopt : std::optional(args.team),
                                args.email.empty() ? std::nullopt : std::optional(args.email),
                                hash,
                                false,
                                utc_timestamp_now()};
    if (auto status = adapters::sqlite::AccountStore(db.value()->sql()).add_user(user);
        !status.ok()) {
      return status;
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("add user", e.what());
  }
  std::cout << "added " << args.role << " '" << args.name << "'\n";
  return {};
}

engine::Status run_passwd(const Context& context, const std::string& name) {
  auto db = context.open_database(Access::kWrite);
  if (!db.ok()) {
    return db.status();
  }
  try {
    adapters::sqlite::AccountStore accounts(db.value()->sql());
    if (!accounts.user(name)) {
      return engine::Status::not_found("no user '" + name + "'");
    }
    auto hash = read_password_hash();
    if (!hash.ok()) {
      return hash.status();
    }
    if (auto status = accounts.set_password(name, hash.value()); !status.ok()) {
      return status;
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("set password", e.what());
  }
  std::cout << "password set for '" << name << "'; their sessions have ended\n";
  return {};
}

engine::Status run_disable(const Context& context, const std::string& name) {
  auto db = context.open_database(Access::kWrite);
  if (!db.ok()) {
    return db.status();
  }
  try {
    if (auto status = adapters::sqlite::AccountStore(db.value()->sql()).disable(name);
        !status.ok()) {
      return status;
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("disable user", e.what());
  }
  std::cout << "disabled '" << name << "'; their sessions have ended\n";
  return {};
}

engine::Status run_list(const Context& context) {
  auto db = context.open_database(Access::kRead);
  if (!db.ok()) {
    return db.status();
  }
  adapters::render::Table table{{"name", "role", "team", "email", "password", "disabled"}, {}};
  try {
    for (const auto& u : adapters::sqlite::AccountStore(db.value()->sql()).users()) {
      table.rows.push_back({u.name, u.role, u.team.value_or(""), u.email.value_or(""),
                            adapters::render::yes_no(!u.password_hash.empty()),
                            adapters::render::yes_no(u.disabled)});
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("list users", e.what());
  }
  if (context.format() == Format::kCsv) {
    std::cout << adapters::render::to_csv(table);
  } else {
    std::cout << adapters::render::to_text(table);
  }
  return {};
}

struct CalendarTokenArgs {
  std::string name;
  bool revoke = false;
  std::string url = "http://127.0.0.1:8080";
};

engine::Status run_calendar_token(const Context& context, const CalendarTokenArgs& args) {
  auto db = context.open_database(Access::kWrite);
  if (!db.ok()) {
    return db.status();
  }
  if (auto status = web::init_credentials(); !status.ok()) {
    return status;
  }
  std::string token;
  try {
    auto& sql = db.value()->sql();
    auto user = adapters::sqlite::AccountStore(sql).user(args.name);
    if (!user) {
      return engine::Status::not_found("no user '" + args.name + "'");
    }
    adapters::sqlite::CalendarTokenStore tokens(sql);
    if (args.revoke) {
      if (!tokens.revoke(args.name)) {
        return engine::Status::not_found("'" + args.name + "' has no calendar feed to revoke");
      }
      std::cout << "revoked the calendar feed of '" << args.name
                << "': its address now answers 404\n";
      return {};
    }
    if (user->disabled) {
      return engine::Status::invalid_input("'" + args.name +
                                           "' is disabled: a feed would answer 404");
    }
    token = web::random_token();
    tokens.issue(args.name, web::token_hash(token), utc_timestamp_now());
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("calendar token", e.what());
  }
  std::string base = args.url;
  while (!base.empty() && base.back() == '/') {
    base.pop_back();
  }
  // Shown this once: only the token's hash is kept.
  std::cout << base << "/calendar/" << token << ".ics\n";
  std::cerr << "the calendar feed of '" << args.name
            << "': this address is the credential and is shown only now; any earlier one no "
               "longer works\n";
  return {};
}

}  // namespace

void add_user_commands(CLI::App& app, Context& context, Run& run) {
  auto* group = app.add_subcommand("user", "The web service's accounts");
  group->require_subcommand(1);

  auto* add = group->add_subcommand("add", "Add a user; the password is read from stdin");
  auto args = std::make_shared<AddArgs>();
  add->add_option("name", args->name, "The user's name, as the events name a caseworker")
      ->required();
  add->add_option("--role", args->role, "caseworker, manager, board or admin")->required();
  add->add_option("--team", args->team, "The team whose cases they see");
  add->add_option("--email", args->email, "Their address, for --trust-header sign-in");
  add->add_flag("--no-password", args->no_password, "Signs in through the trusted header only");
  add->callback(
      [&context, &run, args] { run = [&context, args] { return run_add(context, *args); }; });

  auto name = std::make_shared<std::string>();
  auto* passwd = group->add_subcommand("passwd", "Set a user's password (ends their sessions)");
  passwd->add_option("name", *name, "The user")->required();
  passwd->callback(
      [&context, &run, name] { run = [&context, name] { return run_passwd(context, *name); }; });

  auto* disable = group->add_subcommand("disable", "Stop a user signing in (ends their sessions)");
  disable->add_option("name", *name, "The user")->required();
  disable->callback(
      [&context, &run, name] { run = [&context, name] { return run_disable(context, *name); }; });

  auto* calendar = group->add_subcommand(
      "calendar-token",
      "Print the address of a person's calendar feed of their cases' deadlines, once; a new "
      "address replaces the old");
  auto cargs = std::make_shared<CalendarTokenArgs>();
  calendar->add_option("name", cargs->name, "The user")->required();
  calendar->add_flag("--revoke", cargs->revoke, "Revoke the feed: its address answers 404");
  calendar->add_option("--url", cargs->url,
                       "The service's address as a calendar reaches it (default "
                       "http://127.0.0.1:8080)");
  calendar->callback([&context, &run, cargs] {
    run = [&context, cargs] { return run_calendar_token(context, *cargs); };
  });

  auto* list = group->add_subcommand("list", "Every user, with role, team and whether disabled");
  list->callback([&context, &run] { run = [&context] { return run_list(context); }; });
}

}  // namespace ehcp::cli
