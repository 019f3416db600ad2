// web/html.h
//
// Escaping for the web pages: every field that comes from the database or the request goes
// through escape() before it is written into HTML (text or a quoted attribute), so a child named
// `<script>` is shown as that text. Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace ehcp::web {

// & < > " ' as entities: safe in element text and in a double- or single-quoted attribute.
std::string escape(std::string_view s);

}  // namespace ehcp::web
