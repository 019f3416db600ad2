// web/cookie.h
//
// The Set-Cookie value for ehcp's cookies: always HttpOnly, SameSite=Strict and Path=/;
// Secure unless the service runs with --insecure-cookies on loopback; Max-Age=0 to clear.
#pragma once

#include <string>

namespace ehcp::web {

inline std::string set_cookie(const std::string& name, const std::string& value, bool secure,
                              bool clear = false) {
  return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "") +
         (clear ? "; Max-Age=0" : "");
}

}  // namespace ehcp::web
