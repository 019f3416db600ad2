#include "adapters/render/case_render.h"

#include "adapters/render/clock_groups.h"
#include "adapters/render/words.h"
#include "engine/academic_year.h"

namespace ehcp::adapters::render {
namespace {

using nlohmann::json;

json optional_text(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json setting_json(const std::optional<engine::Setting>& s) {
  if (!s) {
    return nullptr;
  }
  return {{"name", s->name}, {"phase", engine::to_string(s->phase)}};
}

std::string setting_text(const std::optional<engine::Setting>& s) {
  if (!s) {
    return "";
  }
  return s->name + " (" + std::string(engine::to_string(s->phase)) + ")";
}

std::string status_text(const engine::CaseRecord& r, engine::Date as_of) {
  if (r.closed_on && *r.closed_on <= as_of) {
    return "closed " + engine::format_date(*r.closed_on);
  }
  return "open";
}

json clock_json(const engine::Clock& c, engine::Date as_of) {
  const bool met = c.met_on && *c.met_on <= as_of;
  json out = {{"clock", c.name},
              {"workflow", c.workflow},
              {"start", engine::format_date(c.start)},
              {"due", engine::format_date(c.due)},
              {"status", engine::to_string(c.status_on(as_of))},
              {"met_on", met ? json(engine::format_date(*c.met_on)) : json(nullptr)},
              {"exception", c.excepted_on(as_of)},
              {"statutory", c.statutory},
              {"basis", c.basis}};
  if (c.excepted_on(as_of)) {
    out["exception_basis"] = c.exception_basis;
  }
  return out;
}

}  // namespace

// What an event says beyond its header, for the text view: "outcome=assess".
std::string event_details(const json& object) {
  static const std::array<const char*, 5> kHeader = {"case", "type", "on", "id", "by"};
  std::string out;
  for (const auto& [key, value] : object.items()) {
    if (std::find(kHeader.begin(), kHeader.end(), key) != kHeader.end()) {
      continue;
    }
    if (key == "child") {
      continue;  // shown in full above the events
    }
    if (!out.empty()) {
      out += " ";
    }
    std::string shown = value.is_string() ? value.get<std::string>() : value.dump();
    if (value.is_object() && value.contains("name") && value["name"].is_string()) {
      shown = value["name"].get<std::string>();  // a setting: its name says enough here
    }
    out += key + "=" + shown;
  }
  return out;
}

Standing clock_standing_parts(const engine::Clock& c, engine::Date as_of) {
  const auto days = [](date::days d) {
    const auto n = d.count();
    return std::to_string(n) + (n == 1 ? " day" : " days");
  };
  switch (c.status_on(as_of)) {
    case engine::ClockStatus::kOpen:
      return {"Open", c.due == as_of ? ", due today" : ", " + days(c.due - as_of) + " left"};
    case engine::ClockStatus::kOverdue:
      return {"Overdue", " by " + days(as_of - c.due)};
    case engine::ClockStatus::kMet:
      return {"Met", " on " + engine::format_date_long(*c.met_on)};
    case engine::ClockStatus::kLate:
      return {"Late", ": met on " + engine::format_date_long(*c.met_on) + ", " +
                          days(*c.met_on - c.due) + " late"};
    case engine::ClockStatus::kNotApplicable:
      return {"Not applicable", " from " + engine::format_date_long(*c.ended_on)};
  }
  return {};
}

std::string clock_standing(const engine::Clock& c, engine::Date as_of) {
  auto parts = clock_standing_parts(c, as_of);
  return parts.status + parts.rest;
}

std::string family_days_text(const FamilyDays& days, engine::Date as_of) {
  const std::string on = days.draft ? "the draft plan" : "the proposed amendments";
  const std::string what = "The family's " + days.period + " for comments on " + on;
  if (days.no_more_to_say) {
    return "The family said on " + engine::format_date_long(*days.no_more_to_say) +
           " that they have no more to say on " + on + " (their " + days.period + " end on " +
           engine::format_date_long(days.ends) + ", " + days.source + ")";
  }
  const std::string verb = days.ends < as_of    ? " ended on "
                           : days.ends == as_of ? " end today, "
                                                : " end on ";
  return what + verb + engine::format_date_long(days.ends) + " (" + days.source + ")";
}

std::string year_group_text(const engine::CaseRecord& record, engine::Date on) {
  return year_group_or_age(year_group_on(record, on), record.child.dob, on);
}

int year_group_on(const engine::CaseRecord& record, engine::Date on) {
  std::optional<engine::YearGroupOverride> override_;
  if (record.year_group_override) {
    override_ = engine::YearGroupOverride{*record.year_group_override, record.opened_on};
  }
  return engine::year_group(record.child.dob, on, override_);
}

std::string case_to_text(const CaseShown& shown) {
  const auto& r = shown.record;
  const int yg = year_group_on(r, shown.as_of);
  // A recorded year group the same as the cohort's (as a feed gives for every child) is no sign
  // of a child taught out of cohort.
  const bool out_of_cohort = yg != engine::cohort_year_group(r.child.dob, shown.as_of);
  std::string out;
  out += "Case " + r.case_ref + " as of " + engine::format_date_long(shown.as_of) + "\n";
  out += "  Child:      " + r.child.given_name + " " + r.child.family_name + ", born " +
         engine::format_date(r.child.dob) + " (" + year_group_text(r, shown.as_of) +
         (out_of_cohort ? ", taught out of cohort" : "") + ")\n";
  out += "  Caseworker: " + r.caseworker.value_or("(none)") +
         "   Team: " + r.team.value_or("(none)") + "\n";
  out += "  Setting:    " + (r.setting ? setting_text(r.setting) : std::string("(none)")) + "\n";
  out += "  Opened:     " + engine::format_date(r.opened_on) +
         "   Status: " + status_text(r, shown.as_of) + "\n";
  if (shown.problem) {
    out += "\n  PROBLEM: this history cannot be evaluated in full: " + *shown.problem + "\n";
  }
  const auto titles = clock_titles(shown.view.clocks);
  for (const auto& group : clock_groups(shown.view)) {
    out += "\n" + group.heading;
    if (const auto& w = group.workflow) {
      out += ": " + state_title(w->workflow, w->state) + " (opened " +
             engine::format_date(w->opened) +
             (w->closed ? ", closed " + engine::format_date(*w->closed) : std::string()) + ")";
      for (const auto& flag : w->flags) {
        out += " [" + flag_title(flag) + "]";
      }
    }
    out += "\n";
    for (const auto& days : shown.family_days) {
      if (group.workflow && days.workflow == group.workflow->workflow &&
          days.opened == group.workflow->opened) {
        out += "  " + family_days_text(days, shown.as_of) + "\n";
      }
    }
    if (group.clocks.empty()) {
      continue;
    }
    Table clocks{{"clock", "due", "standing", "why"}, {}};
    for (const auto i : group.clocks) {
      const auto& c = shown.view.clocks[i];
      std::string why = c.basis + (c.statutory ? "" : " [guidance]");
      if (c.excepted_on(shown.as_of)) {
        why += " [" + c.exception_basis + "]";
      }
      clocks.rows.push_back(
          {titles[i], engine::format_date_long(c.due), clock_standing(c, shown.as_of), why});
    }
    out += to_text(clocks);
  }
  for (const auto& w : shown.view.warnings) {
    out += "WARNING " + engine::format_date(w.on) + ": " + w.text + "\n";
  }
  std::string corrections;
  for (const auto& e : shown.events) {
    if (e.voided) {
      corrections += "  " + engine::format_date(e.voided->on) + " #" +
                     std::to_string(e.voided->seq) +
                     (e.voided->by ? " by " + *e.voided->by : std::string()) + " voided #" +
                     std::to_string(e.seq) + " " + event_title(e.object.value("type", "")) +
                     " on " + e.object.value("on", "") + ": " + e.voided->reason + "\n";
    }
  }
  if (!corrections.empty()) {
    out += "\nCorrections (voided events count for nothing):\n" + corrections;
  }
  out += "\nEvents in effective-date order (" + std::to_string(shown.events.size()) + "):\n";
  Table table{{"on", "event", "#", "by", "details"}, {}};
  for (const auto& e : shown.events) {
    const std::string type = e.object.value("type", "");
    const std::string details =
        e.voids
            ? "voids #" + std::to_string(e.voids->seq) + " " + event_title(e.voids->type) + " on " +
                  engine::format_date(e.voids->on) + ": " + e.object.value("reason", "")
            : event_details(e.object);
    table.rows.push_back(
        {e.object.value("on", ""),
         e.voided ? event_title(type) + " [VOIDED by #" + std::to_string(e.voided->seq) + "]"
                  : event_title(type),
         std::to_string(e.seq), e.object.value("by", ""), details});
  }
  out += to_text(table);
  if (shown.later_events > 0) {
    out += "(" + std::to_string(shown.later_events) + " event(s) dated after " +
           engine::format_date(shown.as_of) + " not shown)\n";
  }
  return out;
}

json case_to_json(const CaseShown& shown) {
  const auto& r = shown.record;
  json child = {{"given_name", r.child.given_name},
                {"family_name", r.child.family_name},
                {"dob", engine::format_date(r.child.dob)},
                {"gender", optional_text(r.child.gender)},
                {"ethnicity", optional_text(r.child.ethnicity)},
                {"upn", optional_text(r.child.upn)}};
  json events = json::array();
  for (const auto& e : shown.events) {
    json object = e.object;
    object["seq"] = e.seq;
    if (e.voided) {
      object["voided"] = {{"seq", e.voided->seq},
                          {"on", engine::format_date(e.voided->on)},
                          {"by", optional_text(e.voided->by)},
                          {"reason", e.voided->reason}};
    }
    if (e.voids) {
      object["voids"] = {
          {"seq", e.voids->seq}, {"type", e.voids->type}, {"on", engine::format_date(e.voids->on)}};
    }
    events.push_back(std::move(object));
  }
  const bool closed = r.closed_on && *r.closed_on <= shown.as_of;
  json workflows = json::array();
  for (const auto& w : shown.view.workflows) {
    json item = {{"workflow", w.workflow},
                 {"state", w.state},
                 {"opened", engine::format_date(w.opened)},
                 {"closed", w.closed ? json(engine::format_date(*w.closed)) : json(nullptr)}};
    if (!w.flags.empty()) {
      item["flags"] = w.flags;  // only when there are some: contract §3's four keys otherwise
    }
    workflows.push_back(std::move(item));
  }
  json clocks = json::array();
  for (const auto& c : shown.view.clocks) {
    clocks.push_back(clock_json(c, shown.as_of));
  }
  json warnings = json::array();
  for (const auto& w : shown.view.warnings) {
    warnings.push_back({{"on", engine::format_date(w.on)}, {"text", w.text}});
  }
  return {{"case", r.case_ref},
          {"as_of", engine::format_date(shown.as_of)},
          {"year_group", year_group_on(r, shown.as_of)},
          {"workflows", std::move(workflows)},
          {"clocks", std::move(clocks)},
          {"warnings", std::move(warnings)},
          {"problem", shown.problem ? json(*shown.problem) : json(nullptr)},
          {"child", std::move(child)},
          {"caseworker", optional_text(r.caseworker)},
          {"team", optional_text(r.team)},
          {"setting", setting_json(r.setting)},
          {"opened", engine::format_date(r.opened_on)},
          {"closed", closed ? json(engine::format_date(*r.closed_on)) : json(nullptr)},
          {"events", std::move(events)}};
}

Table case_list_table(const std::vector<engine::CaseRecord>& cases, engine::Date as_of) {
  Table table{{"case", "child", "year", "caseworker", "team", "setting", "opened", "status"}, {}};
  for (const auto& r : cases) {
    table.rows.push_back({r.case_ref, r.child.given_name + " " + r.child.family_name,
                          year_group_text(r, as_of), r.caseworker.value_or(""), r.team.value_or(""),
                          setting_text(r.setting), engine::format_date(r.opened_on),
                          status_text(r, as_of)});
  }
  return table;
}

json case_list_json(const std::vector<engine::CaseRecord>& cases, engine::Date as_of) {
  json out = json::array();
  for (const auto& r : cases) {
    const bool closed = r.closed_on && *r.closed_on <= as_of;
    out.push_back({{"case", r.case_ref},
                   {"given_name", r.child.given_name},
                   {"family_name", r.child.family_name},
                   {"year_group", year_group_on(r, as_of)},
                   {"caseworker", optional_text(r.caseworker)},
                   {"team", optional_text(r.team)},
                   {"setting", setting_json(r.setting)},
                   {"opened", engine::format_date(r.opened_on)},
                   {"closed", closed ? json(engine::format_date(*r.closed_on)) : json(nullptr)}});
  }
  return out;
}

}  // namespace ehcp::adapters::render
