// web/http_message.h
//
// A request and a response as the router sees them, apart from Boost.Beast: the server
// (web/server.h) translates to and from these, and the route tests build them by hand, so
// that no page needs a socket. Header names are kept lower-case. Values; safe to copy.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ehcp::web {

struct Request {
  std::string method = "GET";  // "GET", "POST", "HEAD"
  std::string target = "/";    // path and query as sent: "/cases/A-1?as_of=2026-01-01"
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote = "127.0.0.1";  // the peer's address

  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
  std::string body;

  // The first header of that name (case-insensitive), or "".
  std::string header(const std::string& name) const;
  void set(const std::string& name, const std::string& value);
};

}  // namespace ehcp::web
