#include "web/service.h"

#include <date/date.h>

#include "adapters/derivation/derivation.h"
#include "adapters/sqlite/derivation_store.h"
#include "web/cookie.h"
#include "web/credentials.h"
#include "web/layout.h"
#include "web/pages.h"

namespace ehcp::web {
namespace {

// Nothing inline, nothing from elsewhere: the pages use /assets/ only.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

std::string iso_utc(std::chrono::system_clock::time_point t) {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(t));
}

void secure(Response& response, bool asset) {
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set("X-Frame-Options", "DENY");
  response.set("Cross-Origin-Opener-Policy", "same-origin");
  if (!asset) {
    response.set("Cache-Control", "no-store");
  }
}

bool is_loopback_peer(const std::string& address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

// Behind a proxy on this host, the client is the last address of X-Forwarded-For (the one the
// proxy added); from any other peer the header is the client's own claim and is ignored.
std::string client_address(const Request& request) {
  const auto forwarded = request.header("x-forwarded-for");
  if (forwarded.empty() || !is_loopback_peer(request.remote)) {
    return request.remote;
  }
  const auto comma = forwarded.rfind(',');
  auto last = forwarded.substr(comma == std::string::npos ? 0 : comma + 1);
  while (!last.empty() && last.front() == ' ') {
    last.erase(last.begin());
  }
  while (!last.empty() && last.back() == ' ') {
    last.pop_back();
  }
  return last.empty() ? request.remote : last;
}

}  // namespace

WebService::WebService(ServiceOptions options)
    : options_(std::move(options)),
      pool_(options_.db_path, options_.connections),
      by_account_(options_.max_failures_per_account, options_.failure_window),
      by_address_(options_.max_failures_per_address, options_.failure_window) {
  add_routes();
}

engine::Result<std::unique_ptr<WebService>> WebService::create(ServiceOptions options) {
  if (auto status = init_credentials(); !status.ok()) {
    return status;
  }
  if (!options.now || !options.today) {
    return engine::Status::internal("the web service needs a clock");
  }
  std::unique_ptr<WebService> service(new WebService(std::move(options)));
  auto db = service->pool_.acquire();
  if (!db.ok()) {
    return db.status();
  }
  try {
    if (auto status = adapters::sqlite::DerivationStore((*db.value()).sql())
                          .check(adapters::derivation::derivation_of(service->options_.config));
        !status.ok()) {
      return status;
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("check the database", e.what());
  }
  return service;
}

void WebService::add_routes() {
  const std::set<std::string> staff = {"caseworker", "manager"};
  const std::set<std::string> managers = {"manager"};
  const std::set<std::string> reporting = {"manager", "board"};
  const std::set<std::string> admins = {"admin"};
  const std::set<std::string> anyone = {"caseworker", "manager", "board", "admin"};
  router_.add({"GET", "/sign-in", {}, pages::sign_in_form});
  router_.add({"POST", "/sign-in", {}, [this](PageContext& c) {
                 return pages::sign_in_submit(c, by_account_, by_address_);
               }});
  router_.add({"POST", "/sign-out", anyone, pages::sign_out});
  router_.add({"GET", "/", anyone, pages::home});
  router_.add({"GET", "/my-work", staff, pages::my_work});
  router_.add({"GET", "/team", managers, pages::team_queue});
  router_.add({"GET", "/team.csv", managers, pages::team_queue_csv});
  router_.add({"GET", "/cases/{ref}", staff, pages::case_page});
  router_.add({"GET", "/cases/{ref}/record", staff, pages::record_choice});
  router_.add({"GET", "/cases/{ref}/record/{type}", staff, pages::record_form});
  router_.add({"POST", "/cases/{ref}/record/{type}", staff, pages::record_save});
  router_.add({"GET", "/cases/{ref}/events/{seq}/correct", staff, pages::correct_form});
  router_.add({"POST", "/cases/{ref}/events/{seq}/correct", staff, pages::correct_save});
  router_.add({"GET", "/cases/{ref}/reassign", managers, pages::reassign_form});
  router_.add({"POST", "/cases/{ref}/reassign", managers, pages::reassign_save});
  router_.add({"GET", "/search", staff, pages::search});
  router_.add({"GET", "/reports", reporting, pages::reports});
  router_.add({"GET", "/reports/breaches", reporting, pages::breach_report});
  router_.add({"GET", "/reports/breaches.csv", managers,
               [](PageContext& c) { return pages::breach_download(c, "csv"); }});
  router_.add({"GET", "/reports/breaches.json", managers,
               [](PageContext& c) { return pages::breach_download(c, "json"); }});
  router_.add({"GET", "/reports/board-pack", reporting, pages::board_pack});
  router_.add({"GET", "/reports/board-pack.csv", reporting,
               [](PageContext& c) { return pages::board_pack_download(c, "csv"); }});
  router_.add({"GET", "/reports/board-pack.json", reporting,
               [](PageContext& c) { return pages::board_pack_download(c, "json"); }});
  router_.add({"GET", "/reports/transfers", reporting, pages::transfers});
  router_.add({"GET", "/reports/transfers.csv", managers,
               [](PageContext& c) { return pages::transfers_download(c, "csv"); }});
  router_.add({"GET", "/reports/transfers.json", managers,
               [](PageContext& c) { return pages::transfers_download(c, "json"); }});
  router_.add({"GET", "/calendar/{file}", {}, pages::calendar_feed});
  router_.add({"GET", "/admin/users", admins, pages::users});
  router_.add({"GET", "/admin/audit", admins, pages::audit});
  router_.add({"GET",
               "/assets/",
               {},
               [this](PageContext& c) { return pages::asset(c, options_.assets_dir); },
               true});
}

Response WebService::handle(const Request& request) {
  const auto now = options_.now();
  const std::string path = path_of(request.target);
  const bool asset = path.starts_with("/assets/");
  auto finish = [&](Response r) {
    secure(r, asset);
    if (request.method == "HEAD") {
      r.body.clear();
    }
    return r;
  };
  auto db = pool_.acquire();
  if (!db.ok()) {
    Response r;
    r.status = 503;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "The database cannot be opened: " + db.status().message() + "\n";
    return finish(std::move(r));
  }
  PageContext context{request,
                      options_,
                      *db.value(),
                      path,
                      query_of(request.target),
                      {},
                      parse_cookies(request.header("cookie")),
                      {},
                      std::nullopt,
                      std::nullopt,
                      "",
                      iso_utc(now),
                      options_.today(),
                      client_address(request),
                      &writes_};
  try {
    // Matched before decoding, so that a case reference with "/" (sent as %2F) is one segment.
    const auto match =
        router_.match(request.method, request.target.substr(0, request.target.find('?')));
    if (!match) {
      return finish(error_page(context, 404, "There is no page at this address."));
    }
    if (!match->method_allowed) {
      auto r = error_page(context, 405, "This page does not take that method.");
      r.set("Allow", "GET, HEAD");
      return finish(std::move(r));
    }
    context.path_params = match->path_params;
    const Route& route = *match->route;
    if (asset) {
      return finish(route.handler(context));
    }
    adapters::sqlite::AccountStore accounts(context.db.sql());
    if (options_.trust_header) {
      // The proxy signed the user in; the address must be a known, enabled user's.
      const auto email = request.header(*options_.trust_header);
      if (!email.empty()) {
        if (auto user = accounts.user_by_email(email); user && !user->disabled) {
          context.user = std::move(user);
        }
      }
    } else if (auto token = context.cookies.find(kSessionCookie); token != context.cookies.end()) {
      const auto hash = token_hash(token->second);
      if (auto session = accounts.session(hash)) {
        const auto cutoff = iso_utc(now - options_.session_idle);
        auto user = accounts.user(session->user_name);
        if (session->last_seen < cutoff || !user || user->disabled) {
          accounts.end_session(hash);
        } else {
          // One write a minute at most per session, not one per request.
          if (session->last_seen < iso_utc(now - std::chrono::minutes(1))) {
            accounts.touch_session(hash, context.now_text);
          }
          context.user = std::move(user);
          context.session = std::move(session);
        }
      }
    }
    // The token this page's forms carry: the session's, or before signing in (and in the
    // trusted-header mode) one held in a cookie of its own.
    std::string form_cookie;
    if (context.session) {
      context.csrf = context.session->csrf;
    } else if (auto c = context.cookies.find(kFormCookie);
               c != context.cookies.end() && c->second.size() == 64) {
      context.csrf = c->second;
    } else {
      context.csrf = random_token();
      form_cookie = context.csrf;
    }
    auto with_form_cookie = [&](Response r) {
      if (!form_cookie.empty()) {
        r.headers.emplace_back("Set-Cookie",
                               set_cookie(kFormCookie, form_cookie, options_.secure_cookies));
      }
      return finish(std::move(r));
    };
    if (!route.roles.empty()) {
      if (!context.user && options_.trust_header) {
        // The proxy vouches for the address; one ehcp does not know is refused, not asked to
        // sign in.
        context.audit(std::nullopt, "refused");
        return with_form_cookie(error_page(
            context, 403,
            "Your council's sign-in did not name a user of this service. Ask an administrator "
            "to add your email address. This request has been recorded."));
      }
      if (!context.user) {
        return with_form_cookie(redirect("/sign-in"));
      }
      if (!route.roles.contains(context.user->role)) {
        auto ref = context.path_params.find("ref");
        context.audit(ref == context.path_params.end() ? std::nullopt
                                                       : std::optional<std::string>(ref->second),
                      "refused");
        return with_form_cookie(error_page(context, 403,
                                           "Your role (" + context.user->role +
                                               ") does not give access to this page. This request "
                                               "has been recorded."));
      }
    }
    if (request.method == "POST") {
      const auto type = request.header("content-type");
      if (type.starts_with("application/x-www-form-urlencoded")) {
        context.form = parse_query(request.body);
      }
      auto sent = context.form.find("csrf");
      if (sent == context.form.end() || !constant_time_equal(sent->second, context.csrf) ||
          !form_cookie.empty()) {
        context.audit(std::nullopt, "refused_csrf");
        return with_form_cookie(error_page(
            context, 403,
            "This form has expired or did not come from this service. Go back, reload the page "
            "and try again."));
      }
    }
    auto response = route.handler(context);
    return with_form_cookie(std::move(response));
  } catch (const SQLite::Exception& e) {
    return finish(error_page(context, 500, std::string("The database said: ") + e.what()));
  } catch (const std::exception& e) {
    return finish(error_page(context, 500, e.what()));
  }
}

}  // namespace ehcp::web
