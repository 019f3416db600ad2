// The sign-in page (a GOV.UK form), its submission, sign-out, and "/" (the role's home).
#include "adapters/sqlite/account_store.h"
#include "web/cookie.h"
#include "web/credentials.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/service.h"

namespace ehcp::web::pages {
namespace {

Response form(PageContext& context, const std::string& error, const std::string& name, int status) {
  std::string body;
  if (!error.empty()) {
    body +=
        "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div "
        "role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
        "<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list "
        "govuk-error-summary__list\"><li><a href=\"#name\">" +
        escape(error) + "</a></li></ul></div></div></div>";
  }
  const std::string group_class =
      error.empty() ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";
  const std::string input_error = error.empty() ? "" : " govuk-input--error";
  body +=
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
      "<h1 class=\"govuk-heading-l\">Sign in</h1>"
      "<form method=\"post\" action=\"/sign-in\" novalidate>" +
      csrf_field(context) + "<div class=\"" + group_class +
      "\"><label class=\"govuk-label\" for=\"name\">Name</label>" +
      (error.empty() ? std::string()
                     : "<p id=\"name-error\" class=\"govuk-error-message\"><span "
                       "class=\"govuk-visually-hidden\">Error:</span> " +
                           escape(error) + "</p>") +
      "<input class=\"govuk-input" + input_error +
      "\" id=\"name\" name=\"name\" type=\"text\" autocomplete=\"username\" "
      "spellcheck=\"false\" value=\"" +
      escape(name) + "\"" + (error.empty() ? "" : " aria-describedby=\"name-error\"") +
      "></div><div class=\"" + group_class +
      "\"><label class=\"govuk-label\" for=\"password\">Password</label>"
      "<input class=\"govuk-input" +
      input_error +
      "\" id=\"password\" name=\"password\" type=\"password\" "
      "autocomplete=\"current-password\"></div>"
      "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Sign "
      "in</button></form></div></div>";
  return html_response(page(context, error.empty() ? "Sign in" : "Error: Sign in", "", body),
                       status);
}

// Checked against when the name is unknown, so that a wrong name takes as long as a wrong
// password.
const std::string& stand_in_hash() {
  static const std::string kHash = hash_password("no such user").value();
  return kHash;
}

}  // namespace

Response sign_in_form(PageContext& context) {
  if (context.user) {
    return redirect("/");
  }
  if (context.options.trust_header) {
    return html_response(page(context, "Sign in", "",
                              "<h1 class=\"govuk-heading-l\">Sign in</h1><p "
                              "class=\"govuk-body\">This service signs you in through your "
                              "council's single sign-on. Your address is not registered here: "
                              "ask an administrator to add it.</p>"));
  }
  return form(context, "", "", 200);
}

Response sign_in_submit(PageContext& context, RateLimiter& by_account, RateLimiter& by_address) {
  if (context.options.trust_header) {
    return error_page(context, 404, "Sign in through your council's single sign-on.");
  }
  const auto now = context.options.now();
  const std::string name = context.form["name"];
  const std::string password = context.form["password"];
  const std::string account_key = "account:" + name;
  const std::string address_key = "address:" + context.remote;
  if (!by_account.allowed(account_key, now) || !by_address.allowed(address_key, now)) {
    context.audit(std::nullopt, "sign_in_limited");
    return form(context, "Too many failed attempts: wait 15 minutes, then try again", name, 429);
  }
  adapters::sqlite::AccountStore accounts(context.db.sql());
  auto user = accounts.user(name);
  const bool matched = verify_password(password, user ? user->password_hash : stand_in_hash());
  if (!user || user->disabled || !matched) {
    by_account.failed(account_key, now);
    by_address.failed(address_key, now);
    context.audit(std::nullopt, "sign_in_failed");
    return form(context, "Enter a correct name and password", name, 200);
  }
  by_account.succeeded(account_key);
  const auto token = random_token();
  accounts.add_session(
      {token_hash(token), user->name, random_token(), context.now_text, context.now_text});
  context.user = std::move(user);
  context.audit(std::nullopt, "signed_in");
  auto r = redirect("/");
  r.headers.emplace_back("Set-Cookie",
                         set_cookie(kSessionCookie, token, context.options.secure_cookies));
  r.headers.emplace_back("Set-Cookie",
                         set_cookie(kFormCookie, "", context.options.secure_cookies, true));
  return r;
}

Response sign_out(PageContext& context) {
  if (context.session) {
    adapters::sqlite::AccountStore(context.db.sql()).end_session(context.session->token_hash);
  }
  context.audit(std::nullopt, "signed_out");
  auto r = redirect("/sign-in");
  r.headers.emplace_back("Set-Cookie",
                         set_cookie(kSessionCookie, "", context.options.secure_cookies, true));
  return r;
}

Response home(PageContext& context) {
  const auto& role = context.user->role;
  if (role == "caseworker") {
    return redirect("/my-work");
  }
  if (role == "manager") {
    return redirect("/team");
  }
  if (role == "board") {
    return redirect("/reports");
  }
  return redirect("/admin/users");
}

}  // namespace ehcp::web::pages
