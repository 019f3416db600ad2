#include "web/router.h"

namespace ehcp::web {
namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 1;
  while (i <= path.size()) {
    const auto slash = path.find('/', i);
    out.push_back(path.substr(i, slash == std::string::npos ? std::string::npos : slash - i));
    if (slash == std::string::npos) {
      break;
    }
    i = slash + 1;
  }
  return out;
}

std::optional<Params> matches(const Route& route, const std::string& path) {
  if (route.prefix) {
    return path.starts_with(route.pattern) ? std::optional<Params>(Params{}) : std::nullopt;
  }
  const auto want = segments(route.pattern);
  const auto got = segments(path);
  if (want.size() != got.size()) {
    return std::nullopt;
  }
  Params params;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto& w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) {
        return std::nullopt;
      }
      params[w.substr(1, w.size() - 2)] = percent_decode(got[i], false);
    } else if (w != got[i]) {
      return std::nullopt;
    }
  }
  return params;
}

}  // namespace

std::optional<Match> Router::match(const std::string& method, const std::string& path) const {
  if (path.empty() || path.front() != '/') {
    return std::nullopt;
  }
  const std::string as = method == "HEAD" ? "GET" : method;
  bool known = false;
  for (const auto& route : routes_) {
    if (auto params = matches(route, path)) {
      if (route.method == as) {
        return Match{&route, std::move(*params), true};
      }
      known = true;
    }
  }
  if (known) {
    return Match{nullptr, {}, false};
  }
  return std::nullopt;
}

}  // namespace ehcp::web
