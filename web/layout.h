// web/layout.h
//
// The GOV.UK Design System page every route returns: the template's skip link, the service
// navigation for the user's role, the OFFICIAL-SENSITIVE marking, the signed-in line with its
// sign-out form, and the footer. Styles and scripts come from /assets/ only (the
// Content-Security-Policy allows nothing inline). Also the few components pages share, built
// from cells that are already escaped. Pure functions of their arguments.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "web/http_message.h"
#include "web/page_context.h"

namespace ehcp::web {

// The whole document. `current` is the navigation path to mark as the current page.
std::string page(const PageContext& context, const std::string& title, const std::string& current,
                 const std::string& main_html);

// A 200 text/html response with `html`.
Response html_response(std::string html, int status = 200);
// A 303 to `location` (a path on this site).
Response redirect(const std::string& location);
// The page for 403, 404, 400 and 500, with a plain message.
Response error_page(const PageContext& context, int status, const std::string& message);

// <table class="govuk-table">; `head` and `rows` are HTML (escape the text first). The first
// cell of each row is its header when `row_headers`.
std::string table(const std::string& caption, const std::vector<std::string>& head,
                  const std::vector<std::vector<std::string>>& rows, bool row_headers = false);
// `html` in a box that scrolls sideways on a narrow screen, named `label` for screen readers and
// focusable so a keyboard can scroll it. table() puts every table in one.
std::string scroll_box(const std::string& label, const std::string& html);
// <dl class="govuk-summary-list">: (key, HTML value) pairs.
std::string summary_list(const std::vector<std::pair<std::string, std::string>>& rows);
// <strong class="govuk-tag govuk-tag--COLOUR">; colour "" for the default blue.
std::string tag(const std::string& text, const std::string& colour);
// A hidden CSRF field for a form on this page.
std::string csrf_field(const PageContext& context);
// An <a class="govuk-link">; `href` and `text` are escaped here.
std::string link(const std::string& href, const std::string& text);

}  // namespace ehcp::web
