// Reassigning a case, by a manager of its team: the caseworker and team are chosen from the
// people the accounts and the LA configuration know (never typed), and recorded as a
// caseworker_assigned event through the importer, with the case's version like every save.
#include <algorithm>
#include <set>

#include "adapters/report/known_people.h"
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

struct Known {
  std::vector<form::Option> caseworkers;  // value: the name events use
  std::vector<form::Option> teams;
  adapters::report::KnownPeople names;
};

// The people who can hold a case, as the queues' filters know them (known_people.h): the
// accounts, the configuration's notify section and those the cases name, less the accounts
// that cannot hold a case; an account's team is shown beside its name.
engine::Result<Known> known_people(PageContext& context) {
  auto names = adapters::report::load_known_people(context.db, context.options.config);
  if (!names.ok()) {
    return names.status();
  }
  std::map<std::string, std::string> team_of;
  std::set<std::string> cannot_hold;  // the board, administrators, and disabled accounts
  for (const auto& u : adapters::sqlite::AccountStore(context.db.sql()).users()) {
    if (u.team) {
      team_of[u.name] = *u.team;
    }
    if (u.disabled || (u.role != "caseworker" && u.role != "manager")) {
      cannot_hold.insert(u.name);
    }
  }
  Known known;
  auto& names_known = names.value().caseworkers;
  std::erase_if(names_known, [&](const std::string& n) { return cannot_hold.contains(n); });
  for (const auto& name : names_known) {
    const auto team = team_of.find(name);
    known.caseworkers.push_back(
        {name, team == team_of.end() ? name : name + " (" + team->second + ")", ""});
  }
  for (const auto& team : names.value().teams) {
    known.teams.push_back({team, team, ""});
  }
  known.names = std::move(names).value();
  return known;
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

Response save_reassignment(PageContext& context, const CaseNow& now) {
  const auto& ref = now.record.case_ref;
  const auto sent = sent_version(context);
  if (!sent) {
    return incomplete_form(context);
  }
  auto loaded_people = known_people(context);
  if (!loaded_people.ok()) {
    return error_page(context, 500, loaded_people.status().message());
  }
  const auto& known = loaded_people.value();
  auto caseworker = context.form.contains("caseworker") ? context.form.at("caseworker") : "";
  auto team = context.form.contains("team") ? context.form.at("team") : "";
  std::vector<form::Problem> problems;
  // Chosen from the lists; anything else (a forged or stale form) is named with the nearest.
  using adapters::report::PersonKind;
  if (caseworker.empty()) {
    problems.push_back({"caseworker", "Choose the new caseworker from the list"});
  } else if (auto named = adapters::report::resolve_person(known.names.caseworkers,
                                                           PersonKind::kCaseworker, caseworker);
             named.ok()) {
    caseworker = named.value();
  } else {
    problems.push_back(
        {"caseworker", "Choose the new caseworker from the list: " + named.status().message()});
  }
  if (auto named = adapters::report::resolve_person(known.names.teams, PersonKind::kTeam, team);
      named.ok()) {
    team = named.value();
  } else {
    problems.push_back({"team", "Choose the team from the list: " + named.status().message()});
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
    SaveAnswers answers;
    answers.again = [&](const CaseNow& current, const std::string& changed) {
      return reassign_page(context, current, known, context.form, {}, changed, sent->event_id, 409);
    };
    answers.refused = [&](const std::vector<adapters::LineError>& errors) {
      for (const auto& e : errors) {
        problems.push_back({"", e.reason});
      }
      return reassign_page(context, now, known, context.form, problems, "", sent->event_id, 422);
    };
    // The case may now be another team's: the manager goes back to their queue.
    answers.after = team == context.user->team ? "" : "/team";
    return answer_save(context, now, sent->version, {line}, answers);
  }
  context.audit(ref, "shown");
  return reassign_page(context, now, known, context.form, problems, "", sent->event_id, 422);
}

}  // namespace

Response reassign_form(PageContext& context) {
  return with_case(context, [&](const CaseNow& now) {
    context.audit(now.record.case_ref, "shown");
    auto known = known_people(context);
    if (!known.ok()) {
      return error_page(context, 500, known.status().message());
    }
    return reassign_page(context, now, known.value(), {}, {}, "", new_event_id(), 200);
  });
}

Response reassign_save(PageContext& context) {
  return with_case(context, [&](const CaseNow& now) { return save_reassignment(context, now); });
}

}  // namespace ehcp::web::pages
