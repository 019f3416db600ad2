#include "web/html.h"

#include "adapters/render/detail/html_page.h"

namespace ehcp::web {

// One escaping for every page and every report file, so the two can never differ.
std::string escape(std::string_view s) { return adapters::render::detail::escape(s); }

}  // namespace ehcp::web
