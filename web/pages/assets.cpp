// /assets/: GOV.UK Frontend's CSS, JavaScript, fonts and images, read from its dist/govuk
// folder (fetched and checked by scripts/fetch_govuk_frontend.sh), so that no page asks
// anything of another site; and /assets/ehcp-init.mjs, which starts its components (the
// Content-Security-Policy allows no inline script, so the template's one-line script lives here),
// and /assets/ehcp.css, the service's own few styles.
#include <fstream>
#include <sstream>

#include "web/layout.h"
#include "web/pages.h"

namespace ehcp::web::pages {
namespace {

constexpr const char* kInitScript =
    "import { initAll } from '/assets/govuk-frontend.min.js'\n"
    "document.body.classList.add('js-enabled', 'govuk-frontend-supported')\n"
    "initAll()\n";

// The little the GOV.UK styles leave to the service: a wide table or the timeline scrolls inside
// its own box on a narrow screen rather than widening the page (WCAG 1.4.10), and the timeline
// keeps a readable size there instead of shrinking its text.
constexpr const char* kStyles =
    ".ehcp-scroll { overflow-x: auto; margin-bottom: 20px; }\n"
    ".ehcp-scroll:focus { outline: 3px solid #ffdd00; outline-offset: 0; }\n"
    ".ehcp-scroll > .govuk-table { margin-bottom: 0; }\n"
    ".ehcp-timeline { min-width: 640px; }\n";

std::string type_of(const std::string& path) {
  const auto dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  if (ext == "css") {
    return "text/css; charset=utf-8";
  }
  if (ext == "js" || ext == "mjs") {
    return "text/javascript; charset=utf-8";
  }
  if (ext == "woff2") {
    return "font/woff2";
  }
  if (ext == "woff") {
    return "font/woff";
  }
  if (ext == "svg") {
    return "image/svg+xml";
  }
  if (ext == "png") {
    return "image/png";
  }
  if (ext == "ico") {
    return "image/x-icon";
  }
  if (ext == "json") {
    return "application/manifest+json";
  }
  return "";
}

// Letters, digits and . _ - /, no "..", no empty segment: nothing outside the folder.
bool safe(const std::string& rel) {
  if (rel.empty() || rel.front() == '/' || rel.find("..") != std::string::npos ||
      rel.find("//") != std::string::npos) {
    return false;
  }
  for (char c : rel) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || c == '/';
    if (!ok) {
      return false;
    }
  }
  return true;
}

Response not_found() {
  Response r;
  r.status = 404;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "Not found\n";
  return r;
}

}  // namespace

Response asset(PageContext& context, const std::string& dir) {
  const std::string rel = context.path.substr(std::string("/assets/").size());
  Response r;
  r.set("Cache-Control", "public, max-age=86400");
  if (rel == "ehcp-init.mjs" || rel == "ehcp.css") {
    r.content_type = type_of(rel);
    r.body = rel == "ehcp.css" ? kStyles : kInitScript;
    return r;
  }
  // The CSS names fonts and images under /assets/; the package keeps them in assets/.
  const std::string file =
      rel.starts_with("fonts/") || rel.starts_with("images/") || rel == "manifest.json"
          ? "assets/" + rel
          : rel;
  const std::string type = type_of(rel);
  if (dir.empty() || !safe(rel) || type.empty()) {
    return not_found();
  }
  std::ifstream in(dir + "/" + file, std::ios::binary);
  if (!in) {
    return not_found();
  }
  std::ostringstream body;
  body << in.rdbuf();
  r.content_type = type;
  r.body = body.str();
  return r;
}

}  // namespace ehcp::web::pages
