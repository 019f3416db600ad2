#include "web/http_message.h"

#include <algorithm>
#include <cctype>

namespace ehcp::web {
namespace {

bool same_name(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string Response::header(const std::string& name) const {
  if (same_name(name, "content-type")) {
    return content_type;
  }
  for (const auto& [n, v] : headers) {
    if (same_name(n, name)) {
      return v;
    }
  }
  return "";
}

void Response::set(const std::string& name, const std::string& value) {
  for (auto& [n, v] : headers) {
    if (same_name(n, name)) {
      v = value;
      return;
    }
  }
  headers.emplace_back(name, value);
}

}  // namespace ehcp::web
