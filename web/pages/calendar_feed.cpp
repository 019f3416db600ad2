// GET /calendar/<token>.ics: a caseworker's deadlines as an iCalendar feed, for a calendar
// application that cannot sign in. The 64 hex digits of the token are the credential: only
// their SHA-256 is stored (schema 0013), so the feed is found by the hash (the lookup's timing
// tells nothing of a token: nobody can choose what a guess hashes to). A token revoked, replaced or
// never issued, or one of a disabled user, is answered as a page that does not exist (404), saying
// nothing of why. The read is audited as the token's user, under a path without the token, so the
// audit never holds a working credential.
#include "adapters/render/calendar_feed.h"

#include <algorithm>

#include "adapters/report/caseworker_deadlines.h"
#include "adapters/sqlite/calendar_token_store.h"
#include "web/credentials.h"
#include "web/layout.h"
#include "web/pages.h"

namespace ehcp::web::pages {
namespace {

constexpr std::size_t kTokenDigits = 64;
constexpr std::string_view kFeedSuffix = ".ics";

bool is_token(const std::string& text) {
  return text.size() == kTokenDigits && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

Response calendar_feed(PageContext& context) {
  const auto& file = context.path_params.at("file");
  const std::string token = file.ends_with(kFeedSuffix)
                                ? file.substr(0, file.size() - kFeedSuffix.size())
                                : std::string();
  context.path = "/calendar/(token).ics";
  auto not_found = [&] { return error_page(context, 404, "There is no page at this address."); };
  if (!is_token(token)) {
    return not_found();
  }
  const auto hash = token_hash(token);
  adapters::sqlite::CalendarTokenStore tokens(context.db.sql());
  const auto name = tokens.user_for(hash);
  if (!name) {
    return not_found();
  }
  auto user = adapters::sqlite::AccountStore(context.db.sql()).user(*name);
  if (!user || user->disabled) {
    return not_found();
  }
  context.user = std::move(user);
  auto items = adapters::report::load_caseworker_deadlines(context.db, context.options.config,
                                                           context.today, context.user->name);
  if (!items.ok()) {
    return error_page(context, 500, items.status().message());
  }
  context.audit(std::nullopt, "shown");
  Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = adapters::render::deadlines_to_ics(items.value(), context.options.config.la,
                                              context.user->name, context.now_text);
  return r;
}

}  // namespace ehcp::web::pages
