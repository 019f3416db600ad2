// web/url.h
//
// The parts of a request a page reads: the path and the query, a form body
// (application/x-www-form-urlencoded), and the Cookie header; percent-decoding and encoding.
// Pure functions.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace ehcp::web {

using Params = std::map<std::string, std::string>;

// "%41+b" -> "A b". A malformed escape is kept as it stands.
std::string percent_decode(std::string_view s, bool plus_is_space = true);
// Everything but A-Z a-z 0-9 - . _ ~ as %XX.
std::string percent_encode(std::string_view s);

// "a=1&b=x+y" -> {a: 1, b: "x y"}; a repeated name keeps its first value.
Params parse_query(std::string_view query);
// The target's path (decoded) and its query.
std::string path_of(std::string_view target);
Params query_of(std::string_view target);
// "a=1; b=2" -> {a: 1, b: 2}.
Params parse_cookies(std::string_view header);

}  // namespace ehcp::web
