// `ehcp serve [--listen 127.0.0.1:8080] [--assets DIR] [--threads N] [--trust-header NAME]
// [--insecure-cookies] [--session-idle MINUTES]`: the web service (web/) on the database,
// beside `ehcp run`. "Today" is read here, per request (or fixed by --as-of, for testing);
// stops on SIGTERM or SIGINT.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/time_source.h"
#include "web/server.h"
#include "web/service.h"

namespace ehcp::cli {
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  std::string assets = EHCP_DEFAULT_ASSETS_DIR;
  int threads = 4;
  std::string trust_header;
  bool insecure_cookies = false;
  int session_idle_minutes = 30;
};

engine::Status run_serve(const Context& context, const ServeArgs& args) {
  auto address = web::parse_listen_address(args.listen);
  if (!address.ok()) {
    return address.status();
  }
  if (args.insecure_cookies && !web::is_loopback(address.value())) {
    return engine::Status::usage(
        "--insecure-cookies is for testing on a loopback address only, not " + args.listen);
  }
  if (!args.trust_header.empty() && !web::is_loopback(address.value())) {
    // Anyone who can reach the port could claim any address: only the proxy on this host may.
    return engine::Status::usage(
        "--trust-header needs a loopback --listen address, behind the "
        "proxy that sets the header, not " +
        args.listen);
  }
  std::optional<engine::Date> fixed_today;
  if (!context.as_of_text.empty()) {
    auto as_of = context.as_of();
    if (!as_of.ok()) {
      return as_of.status();
    }
    fixed_today = as_of.value();
  }
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  web::ServiceOptions options;
  options.db_path = context.db_path;
  options.config = std::move(config).value();
  options.assets_dir = args.assets;
  options.secure_cookies = !args.insecure_cookies;
  if (!args.trust_header.empty()) {
    std::string lower;
    for (char c : args.trust_header) {
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    options.trust_header = lower;
  }
  options.session_idle = std::chrono::minutes(args.session_idle_minutes);
  options.connections = static_cast<std::size_t>(args.threads);
  options.now = [] { return std::chrono::system_clock::now(); };
  options.today = [fixed_today] { return fixed_today ? *fixed_today : london_today(); };
  if (!std::filesystem::exists(args.assets + "/govuk-frontend.min.css")) {
    // The pages still work, unstyled: say so rather than refuse.
    std::cerr << "ehcp serve: no GOV.UK Frontend in " << args.assets
              << " (run scripts/fetch_govuk_frontend.sh, or give --assets DIR); pages will be "
                 "unstyled\n";
  }
  auto service = web::WebService::create(std::move(options));
  if (!service.ok()) {
    return service.status();
  }
  return web::serve(*service.value(), address.value(), args.threads, [&](unsigned short port) {
    std::cout << "ehcp serve: listening on http://" << address.value().host << ":" << port
              << std::endl;
  });
}

}  // namespace

void add_serve_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd =
      app.add_subcommand("serve", "The web service for caseworkers, managers and the board");
  auto args = std::make_shared<ServeArgs>();
  cmd->add_option("--listen", args->listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  cmd->add_option("--assets", args->assets, "GOV.UK Frontend's dist/govuk folder");
  cmd->add_option("--threads", args->threads, "Worker threads (default 4)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--trust-header", args->trust_header,
                  "Sign users in by the email address in this header, set by the council's "
                  "proxy (X-Forwarded-Email); no passwords");
  cmd->add_flag("--insecure-cookies", args->insecure_cookies,
                "Cookies without Secure, for plain HTTP on a loopback address (testing only)");
  cmd->add_option("--session-idle", args->session_idle_minutes,
                  "Minutes without a request after which a session ends (default 30)")
      ->check(CLI::Range(1, 24 * 60));
  cmd->callback(
      [&context, &run, args] { run = [&context, args] { return run_serve(context, *args); }; });
}

}  // namespace ehcp::cli
