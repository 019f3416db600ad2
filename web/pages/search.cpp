// Search by case reference, child's name or UPN, within the signed-in user's team only.
#include <algorithm>
#include <cctype>

#include "adapters/sqlite/case_store.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"

namespace ehcp::web::pages {
namespace {

constexpr std::size_t kMaxResults = 50;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool found(const engine::CaseRecord& r, const std::string& q) {
  const std::string needle = lower(q);
  const std::string full = lower(r.child.given_name + " " + r.child.family_name);
  return lower(r.case_ref) == needle || (r.child.upn && lower(*r.child.upn) == needle) ||
         full.find(needle) != std::string::npos;
}

}  // namespace

Response search(PageContext& context) {
  const std::string q = context.query.contains("q") ? context.query.at("q") : "";
  std::string body =
      "<h1 class=\"govuk-heading-l\">Search cases</h1><form method=\"get\" action=\"/search\" "
      "novalidate><div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"q\">Case "
      "reference, child's name or UPN</label><div id=\"q-hint\" class=\"govuk-hint\">Only your "
      "team's cases are searched</div><input class=\"govuk-input govuk-input--width-20\" "
      "id=\"q\" name=\"q\" type=\"search\" aria-describedby=\"q-hint\" value=\"" +
      escape(q) +
      "\"></div><button type=\"submit\" class=\"govuk-button\" "
      "data-module=\"govuk-button\">Search</button></form>";
  if (!q.empty() && context.user->team) {
    adapters::sqlite::CaseFilter filter;
    filter.team = context.user->team;
    std::vector<std::vector<std::string>> rows;
    std::size_t matches = 0;
    for (const auto& r : adapters::sqlite::CaseStore(context.db.sql()).list(filter)) {
      if (!found(r, q)) {
        continue;
      }
      if (++matches > kMaxResults) {
        continue;
      }
      rows.push_back({link("/cases/" + percent_encode(r.case_ref), r.case_ref),
                      escape(r.child.given_name + " " + r.child.family_name),
                      escape(r.caseworker.value_or("(none)")), r.closed_on ? "Closed" : "Open"});
    }
    if (rows.empty()) {
      body += "<p class=\"govuk-body\">No case in your team matches.</p>";
    } else {
      context.audit(std::nullopt, "shown");
      body += table(
          std::to_string(matches) + (matches == 1 ? " case matches" : " cases match") +
              (matches > kMaxResults ? " (the first " + std::to_string(kMaxResults) + " are shown)"
                                     : ""),
          {"Case", "Child", "Caseworker", "Status"}, rows);
    }
  }
  return html_response(page(context, "Search cases", "/search", body));
}

}  // namespace ehcp::web::pages
