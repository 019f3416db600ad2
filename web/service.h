// web/service.h
//
// The ehcp web service without its sockets: Response handle(Request). It finds the route,
// borrows a database connection, identifies the user (the session cookie, or the trusted proxy
// header in that mode), sends anyone not signed in to /sign-in (303), refuses a role the route
// does not allow (403, audited) and a form without this session's CSRF token (403, audited),
// calls the page, and sets the security headers on every response: a strict
// Content-Security-Policy (nothing inline, nothing from elsewhere, no framing),
// X-Content-Type-Options, Referrer-Policy, and Cache-Control: no-store on everything but the
// assets. Thread-safe: the server calls handle() from several threads.
#pragma once

#include <memory>
#include <mutex>

#include "engine/status.h"
#include "web/connection_pool.h"
#include "web/http_message.h"
#include "web/rate_limiter.h"
#include "web/router.h"
#include "web/service_options.h"

namespace ehcp::web {

inline constexpr const char* kSessionCookie = "ehcp_session";
inline constexpr const char* kFormCookie = "ehcp_form";  // CSRF token before signing in

class WebService {
 public:
  // Checks the database (exists, current schema, derived as `options.config` derives) and
  // libsodium before anything is served.
  static engine::Result<std::unique_ptr<WebService>> create(ServiceOptions options);

  Response handle(const Request& request);

  const ServiceOptions& options() const { return options_; }

 private:
  explicit WebService(ServiceOptions options);
  void add_routes();

  ServiceOptions options_;
  ConnectionPool pool_;
  RateLimiter by_account_;
  RateLimiter by_address_;
  Router router_;
  // The service's writes (saves and audit rows) queue here, not in SQLite's busy handler, whose
  // sleeps grow to 100 ms: one writer at a time is all SQLite allows anyway.
  std::mutex writes_;
};

}  // namespace ehcp::web
