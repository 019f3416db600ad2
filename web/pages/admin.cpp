// For admins: the users (changed with `ehcp user ...`) and the audit, filtered by case, user
// and dates, newest first.
#include "adapters/sqlite/account_store.h"
#include "adapters/sqlite/audit_store.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"

namespace ehcp::web::pages {
namespace {

constexpr std::size_t kAuditRows = 500;

std::optional<std::string> given(const Params& query, const std::string& name) {
  auto it = query.find(name);
  return it == query.end() || it->second.empty() ? std::nullopt
                                                 : std::optional<std::string>(it->second);
}

std::string filter_input(const std::string& id, const std::string& label,
                         const std::optional<std::string>& value) {
  return "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"" + id + "\">" +
         escape(label) + "</label><input class=\"govuk-input govuk-input--width-20\" id=\"" + id +
         "\" name=\"" + id + "\" type=\"text\" value=\"" + escape(value.value_or("")) + "\"></div>";
}

}  // namespace

Response users(PageContext& context) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& u : adapters::sqlite::AccountStore(context.db.sql()).users()) {
    rows.push_back({escape(u.name), escape(u.role), escape(u.team.value_or("")),
                    escape(u.email.value_or("")),
                    u.disabled ? tag("Disabled", "grey") : tag("Active", "green")});
  }
  std::string body =
      "<h1 class=\"govuk-heading-l\">Users</h1><p class=\"govuk-body\">Add, "
      "disable and reset users with <code>ehcp user</code> on the server.</p>" +
      table("Users", {"Name", "Role", "Team", "Email", "Status"}, rows, true);
  return html_response(page(context, "Users", "/admin/users", body));
}

Response audit(PageContext& context) {
  adapters::sqlite::AuditFilter filter{given(context.query, "case"), given(context.query, "user"),
                                       given(context.query, "from"), given(context.query, "to"),
                                       kAuditRows};
  for (const auto* d : {&filter.from, &filter.to}) {
    if (*d && !engine::parse_date(**d)) {
      return error_page(context, 400, "Dates are YYYY-MM-DD.");
    }
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : adapters::sqlite::AuditStore(context.db.sql()).list(filter)) {
    rows.push_back({escape(a.at), escape(a.user.value_or("")), escape(a.case_ref.value_or("")),
                    escape(a.page), escape(a.remote), escape(a.outcome)});
  }
  std::string body =
      "<h1 class=\"govuk-heading-l\">Audit</h1><form method=\"get\" action=\"/admin/audit\" "
      "novalidate><fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend "
      "govuk-fieldset__legend--m\">Filter</legend>" +
      filter_input("case", "Case reference", filter.case_ref) +
      filter_input("user", "User", filter.user) +
      filter_input("from", "From (YYYY-MM-DD)", filter.from) +
      filter_input("to", "To (YYYY-MM-DD)", filter.to) +
      "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
      "data-module=\"govuk-button\">Apply filters</button></fieldset></form>" +
      table("The newest " + std::to_string(kAuditRows) + " rows at most",
            {"At (UTC)", "User", "Case", "Page", "From", "Outcome"}, rows);
  return html_response(page(context, "Audit", "/admin/audit", body));
}

}  // namespace ehcp::web::pages
