// Search by case reference, child's name or UPN, ignoring case, within the signed-in user's
// team only (CaseStore::search, by index).
#include "adapters/sqlite/case_store.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"

namespace ehcp::web::pages {
namespace {

constexpr std::size_t kMaxResults = 50;

}  // namespace

Response search(PageContext& context) {
  const std::string q = context.query.contains("q") ? context.query.at("q") : "";
  std::string body =
      "<h1 class=\"govuk-heading-l\">Search cases</h1><form method=\"get\" action=\"/search\" "
      "novalidate><div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"q\">Case "
      "reference, child's name or UPN</label><div id=\"q-hint\" class=\"govuk-hint\">The whole "
      "reference or UPN, or the start of the child's first or family name. Only your team's "
      "cases are searched</div><input class=\"govuk-input govuk-input--width-20\" "
      "id=\"q\" name=\"q\" type=\"search\" aria-describedby=\"q-hint\" value=\"" +
      escape(q) +
      "\"></div><button type=\"submit\" class=\"govuk-button\" "
      "data-module=\"govuk-button\">Search</button></form>";
  if (!q.empty() && context.user->team) {
    const auto found =
        adapters::sqlite::CaseStore(context.db.sql()).search(*context.user->team, q, kMaxResults);
    const std::size_t matches = found.matches;
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : found.cases) {
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
