// The case page: the child, setting, year group (or age past Year 14) and caseworker; a
// timeline; each workflow (each review cycle apart) with its state, the family's days to
// comment where they run, and its clocks in words with their basis and how they stand; warnings;
// the events, corrections included, each with a link to correct it; the buttons to record an
// event and (for a manager) to reassign; after a save, what it did to the clocks; as of any past
// date (?as_of=YYYY-MM-DD). Only staff of the case's team see it; every view is audited, and so
// is every refusal.
#include <charconv>

#include "adapters/record/clock_changes.h"
#include "adapters/render/clock_groups.h"
#include "adapters/render/words.h"
#include "adapters/report/shown_case.h"
#include "adapters/sqlite/case_store.h"
#include "adapters/sqlite/event_store.h"
#include "engine/academic_year.h"
#include "engine/clock_status.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pages/case_access.h"
#include "web/pages/record_parts.h"
#include "web/pages/timeline_svg.h"
#include "workflows/corrections.h"

namespace ehcp::web::pages {
namespace {

// The clock's standing said once, its status as a coloured tag: "[Met] on Thu 1 Oct 2026".
std::string standing_cell(const engine::Clock& c, engine::Date as_of) {
  const auto parts = adapters::render::clock_standing_parts(c, as_of);
  const char* colour = "blue";
  switch (c.status_on(as_of)) {
    case engine::ClockStatus::kMet:
      colour = "green";
      break;
    case engine::ClockStatus::kLate:
      colour = "orange";
      break;
    case engine::ClockStatus::kOverdue:
      colour = "red";
      break;
    case engine::ClockStatus::kOpen:
      colour = "blue";
      break;
    case engine::ClockStatus::kNotApplicable:
      colour = "grey";
      break;
  }
  return tag(parts.status, colour) + escape(parts.rest);
}

// One workflow's clocks under its heading: the state, when it opened and closed, its flags, the
// family's days to comment where they run, and its clocks.
std::string group_section(const adapters::render::ClockGroup& group,
                          const adapters::render::CaseShown& shown,
                          const std::vector<std::string>& titles) {
  const engine::Date as_of = shown.as_of;
  std::string out = "<h2 class=\"govuk-heading-m\">" + escape(group.heading) + "</h2>";
  if (const auto& w = group.workflow) {
    std::string flags;
    for (const auto& f : w->flags) {
      flags += " " + tag(adapters::render::flag_title(f), "grey");
    }
    out +=
        "<p class=\"govuk-body\"><strong>" +
        escape(adapters::render::state_title(w->workflow, w->state)) + "</strong>. Opened " +
        escape(engine::format_date_long(w->opened)) +
        (w->closed ? ", closed " + escape(engine::format_date_long(*w->closed)) : std::string()) +
        "." + flags + "</p>";
    for (const auto& days : shown.family_days) {
      if (days.workflow == w->workflow && days.opened == w->opened) {
        out += "<div class=\"govuk-inset-text\">" +
               escape(adapters::render::family_days_text(days, as_of)) + "</div>";
      }
    }
  }
  if (group.clocks.empty()) {
    return out;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto i : group.clocks) {
    const auto& c = shown.view.clocks[i];
    std::string why = escape(c.basis);
    if (!c.statutory) {
      why += " " + tag("Guidance target", "grey");
    }
    if (c.excepted_on(as_of)) {
      why += "<br>" + tag("Exception", "yellow") + " " + escape(c.exception_basis);
    }
    rows.push_back({escape(titles[i]), escape(engine::format_date_long(c.start)),
                    escape(engine::format_date_long(c.due)), standing_cell(c, as_of), why});
  }
  return out + table(group.heading + ": clocks", {"Clock", "Started", "Due", "Standing", "Basis"},
                     rows, true);
}

std::string optional_text(const std::optional<std::string>& s) {
  return s ? escape(*s) : std::string("(none)");
}

// "12-13" -> {12, 13}: the events a save just recorded (record.cpp redirects here with them).
std::optional<std::pair<std::int64_t, std::int64_t>> recorded_range(const Params& query) {
  const auto it = query.find("recorded");
  if (it == query.end()) {
    return std::nullopt;
  }
  const auto& text = it->second;
  const auto dash = text.find('-');
  std::int64_t first = 0;
  std::int64_t last = 0;
  if (dash == std::string::npos ||
      std::from_chars(text.data(), text.data() + dash, first).ec != std::errc() ||
      std::from_chars(text.data() + dash + 1, text.data() + text.size(), last).ec != std::errc() ||
      first <= 0 || last < first) {
    return std::nullopt;
  }
  return std::pair{first, last};
}

std::string clock_list(const std::vector<engine::Clock>& clocks) {
  std::string out;
  for (const auto& c : clocks) {
    out += (out.empty() ? "" : ", ") + adapters::render::clock_title(c);
  }
  return out;
}

// The GOV.UK success banner after a save: what was recorded, and what it did to the clocks.
std::string recorded_banner(PageContext& context, const std::string& ref,
                            std::pair<std::int64_t, std::int64_t> range) {
  auto events = adapters::sqlite::EventStore(context.db.sql()).load_case(ref);
  if (!events.ok()) {
    return "";
  }
  std::string what;
  for (const auto& e : events.value()) {
    if (e.seq >= range.first && e.seq <= range.second) {
      what += (what.empty() ? "" : "; ") + (e.event.type() == engine::EventType::kEventVoided
                                                ? std::string("a correction")
                                                : event_words(e));
    }
  }
  if (what.empty()) {
    return "";  // not this case's events
  }
  const auto changes = adapters::record::clock_changes(events.value(), range.first, range.second,
                                                       context.options.config.rules,
                                                       context.options.config.calendar);
  std::string body =
      "<h3 class=\"govuk-notification-banner__heading\">Saved: " + escape(what) + "</h3>";
  if (changes.empty()) {
    body += "<p class=\"govuk-body\">No time limit was met, started or stopped by it.</p>";
  }
  if (!changes.met.empty()) {
    body += "<p class=\"govuk-body\">Met: " + escape(clock_list(changes.met)) + ".</p>";
  }
  if (!changes.started.empty()) {
    body += "<p class=\"govuk-body\">Started: " + escape(clock_list(changes.started)) + ".</p>";
  }
  if (!changes.ended.empty()) {
    body +=
        "<p class=\"govuk-body\">No longer applies: " + escape(clock_list(changes.ended)) + ".</p>";
  }
  return "<div class=\"govuk-notification-banner govuk-notification-banner--success\" "
         "role=\"alert\" aria-labelledby=\"govuk-notification-banner-title\" "
         "data-module=\"govuk-notification-banner\"><div "
         "class=\"govuk-notification-banner__header\"><h2 "
         "class=\"govuk-notification-banner__title\" "
         "id=\"govuk-notification-banner-title\">Success</h2></div><div "
         "class=\"govuk-notification-banner__content\">" +
         body + "</div></div>";
}

}  // namespace

Response case_page(PageContext& context) {
  const std::string ref = context.path_params.at("ref");
  engine::Date as_of = context.today;
  if (auto it = context.query.find("as_of"); it != context.query.end() && !it->second.empty()) {
    auto d = engine::parse_date(it->second);
    if (!d || *d > context.today) {
      return error_page(context, 400,
                        "The date to show the case as of must be a real date YYYY-MM-DD, not "
                        "after today.");
    }
    as_of = *d;
  }
  if (auto refused = case_for_staff(context); std::holds_alternative<Response>(refused)) {
    return std::get<Response>(std::move(refused));
  }
  context.audit(ref, "shown");
  auto loaded = adapters::report::load_shown_case(context.db, context.options.config, ref, as_of);
  if (!loaded.ok()) {
    return error_page(context, loaded.status().code() == engine::ErrorCode::kNotFound ? 404 : 500,
                      loaded.status().message());
  }
  const auto& shown = loaded.value();
  const auto& r = shown.record;
  std::string body;
  if (const auto range = recorded_range(context.query)) {
    body += recorded_banner(context, ref, *range);
  }
  body += "<span class=\"govuk-caption-l\">Case " + escape(r.case_ref) +
          "</span><h1 class=\"govuk-heading-l\">" +
          escape(r.child.given_name + " " + r.child.family_name) + "</h1>";
  body += "<form method=\"get\" action=\"/cases/" + escape(percent_encode(ref)) +
          "\" novalidate><div class=\"govuk-form-group\"><label class=\"govuk-label\" "
          "for=\"as_of\">Show the case as it stood on</label><div id=\"as_of-hint\" "
          "class=\"govuk-hint\">For example, 2026-03-27</div><input class=\"govuk-input "
          "govuk-input--width-10\" id=\"as_of\" name=\"as_of\" type=\"text\" "
          "aria-describedby=\"as_of-hint\" value=\"" +
          escape(engine::format_date(as_of)) +
          "\"></div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
          "data-module=\"govuk-button\">Show</button></form>";
  const std::string here = "/cases/" + percent_encode(ref);
  body += "<div class=\"govuk-button-group\"><a href=\"" + escape(here + "/record") +
          "\" role=\"button\" draggable=\"false\" class=\"govuk-button\" "
          "data-module=\"govuk-button\">Record an event</a>";
  if (context.has_role("manager")) {
    body += "<a href=\"" + escape(here + "/reassign") +
            "\" role=\"button\" draggable=\"false\" class=\"govuk-button "
            "govuk-button--secondary\" data-module=\"govuk-button\">Reassign</a>";
  }
  body += "</div>";
  if (shown.problem) {
    body +=
        "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" "
        "aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span "
        "class=\"govuk-visually-hidden\">Warning</span>This history cannot be evaluated in "
        "full: " +
        escape(*shown.problem) + "</strong></div>";
  }
  body +=
      "<h2 class=\"govuk-heading-m\">As of " + escape(engine::format_date_long(as_of)) + "</h2>";
  body += summary_list({
      {"Date of birth", escape(engine::format_date_long(r.child.dob))},
      {"Year group", escape(adapters::render::year_group_text(r, as_of))},
      {"UPN", optional_text(r.child.upn)},
      {"Setting", r.setting ? escape(r.setting->name + " (" +
                                     std::string(engine::to_string(r.setting->phase)) + ")")
                            : std::string("(none)")},
      {"Caseworker", optional_text(r.caseworker)},
      {"Team", optional_text(r.team)},
      {"Opened", escape(engine::format_date_long(r.opened_on))},
      {"Status", r.closed_on && *r.closed_on <= as_of
                     ? escape("Closed " + engine::format_date_long(*r.closed_on))
                     : std::string("Open")},
  });
  if (!shown.view.clocks.empty()) {
    body += "<h2 class=\"govuk-heading-m\">Timeline</h2>" +
            scroll_box("Timeline", timeline_svg(shown.view.clocks, as_of));
  }
  const auto titles = adapters::render::clock_titles(shown.view.clocks);
  for (const auto& group : adapters::render::clock_groups(shown.view)) {
    body += group_section(group, shown, titles);
  }
  if (!shown.view.warnings.empty()) {
    body +=
        "<h2 class=\"govuk-heading-m\">Warnings</h2><ul class=\"govuk-list "
        "govuk-list--bullet\">";
    for (const auto& w : shown.view.warnings) {
      body += "<li>" + escape(engine::format_date_long(w.on) + ": " + w.text) + "</li>";
    }
    body += "</ul>";
  }
  std::vector<std::vector<std::string>> events;
  for (const auto& e : shown.events) {
    std::string type = escape(adapters::render::event_title(e.object.value("type", "")));
    if (e.voided) {
      type += " " + tag("Voided", "grey") + "<br><span class=\"govuk-body-s\">by #" +
              std::to_string(e.voided->seq) + " on " + escape(engine::format_date(e.voided->on)) +
              (e.voided->by ? " by " + escape(*e.voided->by) : std::string()) + ": " +
              escape(e.voided->reason) + "</span>";
    }
    const std::string details =
        e.voids ? "voids #" + std::to_string(e.voids->seq) + " " + e.voids->type + " on " +
                      engine::format_date(e.voids->on) + ": " + e.object.value("reason", "")
                : adapters::render::event_details(e.object);
    std::string action;
    const auto event_type = engine::parse_event_type(e.object.value("type", ""));
    if (!e.voided && !e.voids && event_type && !workflows::why_not_voidable(*event_type)) {
      action = "<a class=\"govuk-link\" href=\"" +
               escape(here + "/events/" + std::to_string(e.seq) + "/correct") +
               "\">Correct<span class=\"govuk-visually-hidden\"> event " + std::to_string(e.seq) +
               "</span></a>";
    }
    events.push_back({escape(e.object.value("on", "")), std::to_string(e.seq), type,
                      escape(e.object.value("by", "")), escape(details), action});
  }
  body +=
      table("Events in effective-date order", {"On", "#", "Event", "By", "Details", ""}, events);
  if (shown.later_events > 0) {
    body += "<p class=\"govuk-body\">" + std::to_string(shown.later_events) +
            " event(s) dated after " + escape(engine::format_date_long(as_of)) +
            " are not shown.</p>";
  }
  return html_response(page(context, "Case " + r.case_ref, "", body));
}

}  // namespace ehcp::web::pages
