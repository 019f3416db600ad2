#include "web/layout.h"

#include <array>

#include "web/html.h"

namespace ehcp::web {
namespace {

struct NavItem {
  const char* href;
  const char* text;
};

std::vector<NavItem> navigation_for(const std::string& role) {
  if (role == "caseworker") {
    return {{"/my-work", "My work"}, {"/search", "Search"}};
  }
  if (role == "manager") {
    return {{"/my-work", "My work"},
            {"/team", "Team queue"},
            {"/search", "Search"},
            {"/reports", "Reports"}};
  }
  if (role == "board") {
    return {{"/reports", "Reports"}};
  }
  if (role == "admin") {
    return {{"/admin/users", "Users"}, {"/admin/audit", "Audit"}};
  }
  return {};
}

std::string navigation(const PageContext& context, const std::string& current) {
  std::string out =
      "<section aria-label=\"Service information\" class=\"govuk-service-navigation\" "
      "data-module=\"govuk-service-navigation\"><div class=\"govuk-width-container\">"
      "<div class=\"govuk-service-navigation__container\">"
      "<span class=\"govuk-service-navigation__service-name\">"
      "<a href=\"/\" class=\"govuk-service-navigation__link\">EHC plan deadlines</a></span>";
  const auto items = context.user ? navigation_for(context.user->role) : std::vector<NavItem>{};
  if (!items.empty()) {
    out +=
        "<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">"
        "<ul class=\"govuk-service-navigation__list\" id=\"navigation\">";
    for (const auto& item : items) {
      const bool here = current == item.href;
      out += std::string("<li class=\"govuk-service-navigation__item") +
             (here ? " govuk-service-navigation__item--active" : "") +
             "\"><a class=\"govuk-service-navigation__link\" href=\"" + item.href + "\"" +
             (here ? " aria-current=\"page\"><strong "
                     "class=\"govuk-service-navigation__active-fallback\">" +
                         std::string(item.text) + "</strong>"
                   : ">" + std::string(item.text)) +
             "</a></li>";
    }
    out += "</ul></nav>";
  }
  out += "</div></div></section>";
  return out;
}

std::string signed_in_line(const PageContext& context) {
  if (!context.user) {
    return "";
  }
  std::string out =
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-full\">"
      "<p class=\"govuk-body-s govuk-!-margin-top-4 govuk-!-margin-bottom-0\">Signed in as " +
      escape(context.user->name) + " (" + escape(context.user->role) +
      (context.user->team ? ", team " + escape(*context.user->team) : std::string()) + ")</p>";
  if (context.session) {
    out += "<form method=\"post\" action=\"/sign-out\" novalidate>" + csrf_field(context) +
           "<button type=\"submit\" class=\"govuk-button govuk-button--secondary "
           "govuk-!-margin-bottom-0\" data-module=\"govuk-button\">Sign out</button></form>";
  }
  out += "</div></div>";
  return out;
}

}  // namespace

std::string page(const PageContext& context, const std::string& title, const std::string& current,
                 const std::string& main_html) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template govuk-template--rebranded\">"
      "<head><meta charset=\"utf-8\"><title>" +
      escape(title) +
      " - EHC plan deadlines</title>"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">"
      "<meta name=\"theme-color\" content=\"#1d70b8\">"
      "<link rel=\"icon\" sizes=\"48x48\" href=\"/assets/images/favicon.ico\">"
      "<link rel=\"icon\" sizes=\"any\" href=\"/assets/images/favicon.svg\" "
      "type=\"image/svg+xml\">"
      "<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\">"
      "<link rel=\"stylesheet\" href=\"/assets/ehcp.css\">"
      "</head><body class=\"govuk-template__body\">"
      "<script type=\"module\" src=\"/assets/ehcp-init.mjs\"></script>"
      "<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">Skip "
      "to main content</a><header class=\"govuk-template__header\">" +
      navigation(context, current) +
      "</header><div class=\"govuk-width-container\">"
      "<p class=\"govuk-body-s govuk-!-font-weight-bold govuk-!-margin-top-2 "
      "govuk-!-margin-bottom-0\">OFFICIAL-SENSITIVE</p>" +
      signed_in_line(context) + "<main class=\"govuk-main-wrapper\" id=\"main-content\">" +
      main_html +
      "</main></div><footer class=\"govuk-footer\"><div class=\"govuk-width-container\">"
      "<div class=\"govuk-footer__meta\"><div class=\"govuk-footer__meta-item "
      "govuk-footer__meta-item--grow\"><p class=\"govuk-body-s\">Statutory deadlines for EHC "
      "needs assessments and plans. Every view of a child's record is recorded.</p>"
      "</div></div></div></footer></body></html>\n";
  return out;
}

Response html_response(std::string html, int status) {
  Response r;
  r.status = status;
  r.body = std::move(html);
  return r;
}

Response redirect(const std::string& location) {
  Response r;
  r.status = 303;
  r.content_type = "text/plain; charset=utf-8";
  r.set("Location", location);
  r.body = "See " + location + "\n";
  return r;
}

Response error_page(const PageContext& context, int status, const std::string& message) {
  std::string title = status == 403   ? "You cannot see this page"
                      : status == 404 ? "Page not found"
                      : status == 400 ? "There is a problem with the request"
                      : status == 405 ? "Method not allowed"
                      : status == 429 ? "Too many attempts"
                                      : "Sorry, there is a problem with the service";
  return html_response(page(context, title, "",
                            "<h1 class=\"govuk-heading-l\">" + escape(title) +
                                "</h1><p class=\"govuk-body\">" + escape(message) + "</p>"),
                       status);
}

std::string scroll_box(const std::string& label, const std::string& html) {
  // Focusable, so that a keyboard can scroll it; named, so that a screen reader says what it is.
  return "<div class=\"ehcp-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"" + escape(label) +
         "\">" + html + "</div>";
}

std::string table(const std::string& caption, const std::vector<std::string>& head,
                  const std::vector<std::vector<std::string>>& rows, bool row_headers) {
  std::string out =
      "<table class=\"govuk-table\"><caption class=\"govuk-table__caption "
      "govuk-table__caption--m\">" +
      escape(caption) +
      "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  for (const auto& h : head) {
    out += "<th scope=\"col\" class=\"govuk-table__header\">" + h + "</th>";
  }
  out += "</tr></thead><tbody class=\"govuk-table__body\">";
  for (const auto& row : rows) {
    out += "<tr class=\"govuk-table__row\">";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i == 0 && row_headers) {
        out += "<th scope=\"row\" class=\"govuk-table__header\">" + row[i] + "</th>";
      } else {
        out += "<td class=\"govuk-table__cell\">" + row[i] + "</td>";
      }
    }
    out += "</tr>";
  }
  out += "</tbody></table>";
  return scroll_box(caption, out);
}

std::string summary_list(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::string out = "<dl class=\"govuk-summary-list\">";
  for (const auto& [key, value] : rows) {
    out += "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" +
           escape(key) + "</dt><dd class=\"govuk-summary-list__value\">" + value + "</dd></div>";
  }
  return out + "</dl>";
}

std::string tag(const std::string& text, const std::string& colour) {
  return "<strong class=\"govuk-tag" + (colour.empty() ? "" : " govuk-tag--" + colour) + "\">" +
         escape(text) + "</strong>";
}

std::string csrf_field(const PageContext& context) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(context.csrf) + "\">";
}

std::string link(const std::string& href, const std::string& text) {
  return "<a class=\"govuk-link\" href=\"" + escape(href) + "\">" + escape(text) + "</a>";
}

}  // namespace ehcp::web
