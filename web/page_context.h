// web/page_context.h
//
// What a handler is given: the request, already parsed (path, query, form, cookies, the
// route's path parameters), the signed-in user and session (none on a public route), a
// database connection of its own for the request, the service's options, and audit(), which
// records a read of a child's record (or a refusal) in the same database at once.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "adapters/sqlite/account_store.h"
#include "adapters/sqlite/database.h"
#include "web/http_message.h"
#include "web/service_options.h"
#include "web/url.h"

namespace ehcp::web {

struct PageContext {
  const Request& request;
  const ServiceOptions& options;
  adapters::sqlite::Database& db;
  std::string path;
  Params query;
  Params form;  // POST bodies only
  Params cookies;
  Params path_params;
  std::optional<adapters::sqlite::User> user;
  std::optional<adapters::sqlite::Session> session;
  std::string csrf;      // the token every form on the page carries
  std::string now_text;  // UTC ISO 8601, once per request
  engine::Date today;
  // The client's address: the peer's, or behind a proxy on loopback, the last address of its
  // X-Forwarded-For (the one the proxy itself added).
  std::string remote;
  // Held while this request writes (PageContext::audit, a save): the service's writers take
  // turns here. Null in a context with no service around it.
  std::mutex* writes = nullptr;

  // Appends an audit row for this request: the user, the case (if any), the path, the peer.
  void audit(const std::optional<std::string>& case_ref, const std::string& outcome);

  bool has_role(const std::string& role) const { return user && user->role == role; }
};

}  // namespace ehcp::web
