// web/router.h
//
// Which handler answers a request: routes by method and path pattern ("/cases/{ref}": a
// segment in braces matches one non-empty segment of the path as sent, still percent-encoded,
// and is passed by name, decoded, so "/cases/A%2F1" is case "A/1"), each with the roles
// that may use it (none: public, such as the sign-in page and the assets). The router only
// matches; the service (web/service.h) signs the user in, refuses or redirects, and calls the
// handler. Built once at start, then read-only: thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "web/http_message.h"
#include "web/url.h"

namespace ehcp::web {

struct PageContext;
using Handler = std::function<Response(PageContext&)>;

struct Route {
  std::string method;  // GET or POST (a GET route answers HEAD too)
  std::string pattern;
  std::set<std::string> roles;  // empty: public
  Handler handler;
  bool prefix = false;  // the pattern matches every path under it ("/assets/")
};

struct Match {
  const Route* route = nullptr;
  Params path_params;
  bool method_allowed = true;  // false: the path is known, the method is not (405)
};

class Router {
 public:
  void add(Route route) { routes_.push_back(std::move(route)); }
  // nullopt: no route has this path (404).
  std::optional<Match> match(const std::string& method, const std::string& path) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace ehcp::web
