// Reassigning a case, by a manager of its team: the caseworker and team are chosen from the
// people the accounts and the LA configuration know (never typed), and recorded as a
// caseworker_assigned event through the importer, with the case's version like every save.
#include <algorithm>
#include <set>

#include "adapters/sqlite/account_store.h"
#include "web/form_html.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pages/case_access.h"
#include "web/pages/event_form_html.h"
#include "web/pages/record_parts.h"

namespace ehcp::web::pages {
namespace {

std::string case_path(const std::string& ref) { return "/cases/" + percent_encode(ref); }

struct Known {
  std::vector<form::Option> caseworkers;  // value: the name events use
  std::vector<form::Option> teams;
};

// The people who can hold a case: enabled caseworker and manager accounts, and the
// caseworkers the configuration names for escalations; the teams either of them names.
Known known_people(PageContext& context) {
  std::map<std::string, std::optional<std::string>> people;
  std::set<std::string> teams;
  for (const auto& u : adapters::sqlite::AccountStore(context.db.sql()).users()) {
    if (!u.disabled && (u.role == "caseworker" || u.role == "manager")) {
      people[u.name] = u.team;
      if (u.team) {
        teams.insert(*u.team);
      }
    }
  }
  for (const auto& [name, address] : context.options.config.notify.caseworkers) {
    people.emplace(name, std::nullopt);
  }
  for (const auto& [team, address] : context.options.config.notify.team_managers) {
    teams.insert(team);
  }
  Known known;
  for (const auto& [name, team] : people) {
    known.caseworkers.push_back({name, team ? name + " (" + *team + ")" : name, ""});
  }
  for (const auto& team : teams) {
    known.teams.push_back({team, team, ""});
  }
  return known;
}

bool has(const std::vector<form::Option>& options, const std::string& value) {
  return std::any_of(options.begin(), options.end(),
                     [&](const form::Option& o) { return o.value == value; });
}

Response reassign_page(PageContext& context, const CaseNow& now, const Known& known,
                       const adapters::record::FormValues& values,
                       const std::vector<form::Problem>& problems, const std::string& changed,
                       const std::string& event_id, int status) {
  const auto& ref = now.record.case_ref;
  auto value = [&](const std::string& name, const std::string& fallback) {
    const auto it = values.find(name);
    return it == values.end() ? fallback : it->second;
  };
  auto error = [&](const std::string& field) {
    for (const auto& p : problems) {
      if (p.field == field) {
        return p.message;
      }
    }
    return std::string();
  };
  std::vector<form::Option> caseworkers = {{"", "Choose a caseworker", ""}};
  caseworkers.insert(caseworkers.end(), known.caseworkers.begin(), known.caseworkers.end());
  std::string body = back_link(case_path(ref), "Back to the case");
  body += "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">";
  body += form::error_summary(problems, {{"caseworker", "caseworker"}, {"team", "team"}}) + changed;
  body += "<span class=\"govuk-caption-l\">" + escape(case_caption(now.record)) +
          "</span><h1 class=\"govuk-heading-l\">Reassign the case</h1>";
  body += "<p class=\"govuk-body\">Today it is held by " +
          escape(now.record.caseworker.value_or("nobody")) + " in team " +
          escape(now.record.team.value_or("(none)")) + ".</p>";
  body += "<form method=\"post\" action=\"" + escape(case_path(ref) + "/reassign") +
          "\" novalidate>" + csrf_field(context) + version_fields(now.version, event_id);
  body += form::select("caseworker", "New caseworker", "", error("caseworker"), caseworkers,
                       value("caseworker", ""));
  body += form::select("team", "Team", "The team whose managers oversee the case", error("team"),
                       known.teams, value("team", now.record.team.value_or("")));
  body += save_buttons(case_path(ref)) + "</form></div></div>";
  return html_response(page(context,
                            (problems.empty() && changed.empty() ? "" : "Error: ") +
                                std::string("Reassign the case"),
                            "", body),
                       status);
}

}  // namespace

Response reassign_form(PageContext& context) {
  auto loaded = case_now(context);
  if (auto* refused = std::get_if<Response>(&loaded)) {
    return std::move(*refused);
  }
  const auto& now = std::get<CaseNow>(loaded);
  context.audit(now.record.case_ref, "shown");
  return reassign_page(context, now, known_people(context), {}, {}, "", new_event_id(), 200);
}

Response reassign_save(PageContext& context) {
  auto loaded = case_now(context);
  if (auto* refused = std::get_if<Response>(&loaded)) {
    return std::move(*refused);
  }
  const auto& now = std::get<CaseNow>(loaded);
  const auto& ref = now.record.case_ref;
  const auto sent = sent_version(context);
  if (!sent) {
    return error_page(context, 400,
                      "This form is incomplete. Go back, reload the page and try again.");
  }
  const auto known = known_people(context);
  const auto caseworker = context.form.contains("caseworker") ? context.form.at("caseworker") : "";
  const auto team = context.form.contains("team") ? context.form.at("team") : "";
  std::vector<form::Problem> problems;
  if (!has(known.caseworkers, caseworker)) {
    problems.push_back({"caseworker", "Choose the new caseworker from the list"});
  }
  if (!has(known.teams, team)) {
    problems.push_back({"team", "Choose the team from the list"});
  }
  if (caseworker == now.record.caseworker && team == now.record.team) {
    problems.push_back(
        {"caseworker", "The case is already held by " + caseworker + " in team " + team});
  }
  if (problems.empty()) {
    nlohmann::json line = {{"case", ref},
                           {"type", "caseworker_assigned"},
                           {"on", engine::format_date(context.today)},
                           {"id", sent->event_id},
                           {"by", context.user->name},
                           {"caseworker", caseworker},
                           {"team", team}};
    auto saved = save_lines(context, ref, sent->version, {line});
    if (!saved.ok()) {
      return error_page(context, 500, saved.status().message());
    }
    const auto& result = saved.value();
    if (result.saved()) {
      context.audit(ref, "recorded");
      // The case may now be another team's: the manager goes back to their queue.
      return redirect(team == context.user->team
                          ? case_path(ref) + "?recorded=" + std::to_string(result.first_seq) + "-" +
                                std::to_string(result.last_seq)
                          : std::string("/team"));
    }
    if (!result.changed_since.empty()) {
      context.audit(ref, "shown");
      CaseNow current = now;
      current.version = result.changed_since.back().seq;
      return reassign_page(context, current, known, context.form, {},
                           changed_since_html(result.changed_since), sent->event_id, 409);
    }
    for (const auto& e : result.errors) {
      problems.push_back({"", e.reason});
    }
  }
  context.audit(ref, "shown");
  return reassign_page(context, now, known, context.form, problems, "", sent->event_id, 422);
}

}  // namespace ehcp::web::pages
