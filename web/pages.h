// web/pages.h
//
// The handlers the service routes to, one file each under web/pages/. Each is given the
// signed-in user (roles are checked by the service before the call), reads through the
// adapters, escapes every field it writes, and records the read of a child's record with
// PageContext::audit before it answers.
#pragma once

#include <string>

#include "web/page_context.h"
#include "web/rate_limiter.h"

namespace ehcp::web::pages {

// Sign-in and out (pages/sign_in.cpp).
Response sign_in_form(PageContext& context);
Response sign_in_submit(PageContext& context, RateLimiter& by_account, RateLimiter& by_address);
Response sign_out(PageContext& context);
// "/": the role's home.
Response home(PageContext& context);

Response my_work(PageContext& context);         // pages/my_work.cpp
Response team_queue(PageContext& context);      // pages/team_queue.cpp
Response team_queue_csv(PageContext& context);  // pages/team_queue.cpp
Response case_page(PageContext& context);       // pages/case_page.cpp
Response search(PageContext& context);          // pages/search.cpp

// Recording work on a case (pages/record.cpp): what happened (the events the case can take),
// an event's form, and saving it.
Response record_choice(PageContext& context);
Response record_form(PageContext& context);
Response record_save(PageContext& context);
// Correcting an event (pages/correct.cpp) and reassigning a case (pages/reassign.cpp).
Response correct_form(PageContext& context);
Response correct_save(PageContext& context);
Response reassign_form(PageContext& context);
Response reassign_save(PageContext& context);

// pages/reports.cpp: the index; the breach report, board pack and phase transfers as pages, and
// each as csv or json (path parameter "format").
Response reports(PageContext& context);
Response breach_report(PageContext& context);
Response breach_download(PageContext& context, const std::string& format);
Response board_pack(PageContext& context);
Response board_pack_download(PageContext& context, const std::string& format);
Response transfers(PageContext& context);
Response transfers_download(PageContext& context, const std::string& format);

// pages/calendar_feed.cpp: a caseworker's deadlines as iCalendar, found by the token in the
// path (parameter "file", "<64 hex>.ics"); public, since the token is the credential.
Response calendar_feed(PageContext& context);

Response users(PageContext& context);  // pages/admin.cpp
Response audit(PageContext& context);  // pages/admin.cpp

// pages/assets.cpp: a file under `dir`, or the small script that starts GOV.UK Frontend.
Response asset(PageContext& context, const std::string& dir);

}  // namespace ehcp::web::pages
