#include "adapters/config/rule_overrides.h"

#include <algorithm>
#include <map>
#include <set>

#include "adapters/config/rule_pack_loader.h"
#include "engine/escalation.h"

namespace ehcp::adapters::config {
namespace {

constexpr std::int64_t kMaxAmount = 1000;     // far beyond any limit in law, in any unit
constexpr std::int64_t kMaxRungOffset = 366;  // a rung within a year of the due date
constexpr std::int64_t kMinYearGroup = -1;    // nursery
constexpr std::int64_t kMaxYearGroup = 14;

// The clocks of every pack in `book`, each with the limbs its rules give ("" for none).
std::map<std::string, std::set<std::string>> clocks_of(const engine::RuleBook& book) {
  std::map<std::string, std::set<std::string>> clocks;
  for (const auto& pack : book.packs()) {
    for (const auto& rule : pack.rules) {
      clocks[rule.clock].insert(rule.limb);
    }
  }
  return clocks;
}

std::vector<std::string> names_of(const std::map<std::string, std::set<std::string>>& clocks) {
  std::vector<std::string> names;
  for (const auto& [name, limbs] : clocks) {
    names.push_back(name);
  }
  return names;
}

std::string listed(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!n.empty()) {
      out += (out.empty() ? "" : ", ") + n;
    }
  }
  return out;
}

// "no rule pack has a clock 'teleport'", with the nearest clock when there is one.
std::string unknown_clock(const std::string& clock, const std::vector<std::string>& names,
                          const char* noun) {
  std::string message = "no rule pack has a clock " + std::string(noun) + "'" + clock + "'";
  if (const auto near = nearest(clock, names)) {
    message += "; did you mean " + *near + "?";
  }
  return message;
}

std::optional<std::vector<engine::EscalationRung>> read_ladder(const nlohmann::json& ladder,
                                                               const std::string& where,
                                                               Problems& problems) {
  if (!ladder.is_array()) {
    problems.add(where, "must be an array of rungs, not " + shown(ladder));
    return std::nullopt;
  }
  if (ladder.empty()) {
    problems.add(where, "must list at least one rung");
    return std::nullopt;
  }
  const std::size_t before = problems.list().size();
  std::vector<engine::EscalationRung> rungs;
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    const ConfigObject item(ladder[i], index_path(where, i),
                            {"rung", "offset", "working_days", "notify"}, problems,
                            "{rung, offset, working_days, notify}");
    if (!item.is_object()) {
      continue;
    }
    engine::EscalationRung rung;
    rung.name = item.name("rung", Need::kRequired).value_or("");
    rung.offset =
        static_cast<int>(item.whole("offset", -kMaxRungOffset, kMaxRungOffset).value_or(0));
    rung.working_days = item.flag("working_days").value_or(false);
    if (const auto* notify = item.array("notify", Need::kRequired)) {
      if (notify->empty()) {
        problems.add(item.path_of("notify"), "must list at least one role");
      }
      for (std::size_t j = 0; j < notify->size(); ++j) {
        const auto& role = (*notify)[j];
        if (!role.is_string() || !engine::is_escalation_role(role.get<std::string>())) {
          problems.add(index_path(item.path_of("notify"), j),
                       "must be a role of " + std::string(engine::kEscalationRoles) + ", not " +
                           shown(role));
          continue;
        }
        rung.notify.push_back(role.get<std::string>());
      }
    }
    const bool repeated = std::any_of(rungs.begin(), rungs.end(), [&](const auto& earlier) {
      return !rung.name.empty() && earlier.name == rung.name;
    });
    if (repeated) {
      problems.add(item.path_of("rung"), "'" + rung.name + "' appears twice in the ladder");
    }
    rungs.push_back(std::move(rung));
  }
  if (problems.list().size() != before) {
    return std::nullopt;
  }
  return rungs;
}

void apply_ladders(engine::RuleBook& book, const nlohmann::json& ladders, const std::string& where,
                   const std::vector<std::string>& clock_names, Problems& problems) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : ladders.items()) {
    keys.push_back(key);
  }
  std::stable_partition(keys.begin(), keys.end(), [](const std::string& k) { return k == "*"; });
  for (const auto& key : keys) {
    const std::string at = key_path(where, key);
    const bool known =
        key == "*" || std::binary_search(clock_names.begin(), clock_names.end(), key);
    if (!known) {
      problems.add(at, unknown_clock(key, clock_names, "named "));
    }
    const auto rungs = read_ladder(ladders.at(key), at, problems);
    if (known && rungs) {
      if (auto status = book.set_ladder(key, *rungs); !status.ok()) {
        problems.add(at, status.message());
      }
    }
  }
}

void apply_overrides(engine::RuleBook& book, const nlohmann::json& overrides,
                     const std::string& where,
                     const std::map<std::string, std::set<std::string>>& clocks,
                     Problems& problems) {
  const auto clock_names = names_of(clocks);
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const std::size_t before = problems.list().size();
    const ConfigObject item(overrides[i], index_path(where, i),
                            {"clock", "limb", "counting", "amount", "fixed_date"}, problems,
                            "{clock, limb, counting, amount, fixed_date}");
    if (!item.is_object()) {
      continue;
    }
    engine::ClockRule rule;
    rule.clock = item.text("clock", Need::kRequired).value_or("");
    rule.limb = item.text("limb").value_or("");  // one limb of a clock with several
    rule.counting =
        item.choice("counting", engine::parse_counting, engine::accepted_counting, Need::kRequired)
            .value_or(engine::Counting::kWeeksAfter);
    rule.amount =
        static_cast<int>(item.whole("amount", 0, kMaxAmount, Need::kRequired).value_or(0));
    if (const auto* fixed = item.find("fixed_date")) {
      const auto md =
          fixed->is_string() ? parse_month_day(fixed->get<std::string>()) : std::nullopt;
      if (md) {
        rule.fixed_date = *md;
      } else {
        problems.add(
            item.path_of("fixed_date"),
            "must be a month and day MM-DD that every year has (\"02-15\"), not " + shown(*fixed));
      }
    }
    if (const auto found = clocks.find(rule.clock); found == clocks.end()) {
      if (!rule.clock.empty()) {
        problems.add(item.path_of("clock"), unknown_clock(rule.clock, clock_names, ""));
      }
    } else if (!found->second.contains(rule.limb)) {
      if (rule.limb.empty()) {
        problems.add(item.path_of("limb"),
                     "missing: clock '" + rule.clock + "' has limbs " + listed(found->second));
      } else if (listed(found->second).empty()) {
        problems.add(item.path_of("limb"),
                     "clock '" + rule.clock + "' has no limbs, not '" + rule.limb + "'");
      } else {
        problems.add(item.path_of("limb"), "clock '" + rule.clock + "' has no limb '" + rule.limb +
                                               "' (its limbs: " + listed(found->second) + ")");
      }
    }
    if (problems.list().size() != before) {
      continue;  // nothing of a bad entry is applied
    }
    if (auto status = book.override_rule(rule); !status.ok()) {
      problems.add(item.path(), status.message());
    }
  }
}

std::vector<std::string> phase_names() {
  std::vector<std::string> names;
  for (int p = 0; p <= static_cast<int>(engine::Phase::kNone); ++p) {
    names.emplace_back(engine::to_string(static_cast<engine::Phase>(p)));
  }
  return names;
}

void apply_last_year_groups(engine::RuleBook& book, const nlohmann::json& groups,
                            const std::string& where, Problems& problems) {
  for (const auto& [name, group] : groups.items()) {
    const std::string at = key_path(where, name);
    const auto phase = engine::parse_phase(name);
    if (!phase) {
      std::string message = "not a phase (" + engine::accepted_phase() + ")";
      if (const auto near = nearest(name, phase_names())) {
        message = "not a phase; did you mean " + key_path(where, *near) + "?";
      }
      problems.add(at, message);
    }
    const bool in_range = group.is_number_integer() && group.get<std::int64_t>() >= kMinYearGroup &&
                          group.get<std::int64_t>() <= kMaxYearGroup;
    if (!in_range) {
      problems.add(at, "must be a year group from -1 (nursery) to 14, not " + shown(group));
    }
    if (phase && in_range) {
      book.set_last_year_group(*phase, group.get<int>());
    }
  }
}

}  // namespace

void apply_rule_overrides(engine::RuleBook& book, const nlohmann::json& rules, Problems& problems) {
  const ConfigObject section(rules, "rules",
                             {"count_event_day", "review_anchor", "under_five_review_months",
                              "last_year_group", "escalation", "overrides"},
                             problems);
  if (!section.is_object()) {
    return;
  }
  const auto clocks = clocks_of(book);  // the national clocks, before any override
  book.set_count_event_day(section.flag("count_event_day").value_or(false));
  const auto anchor = section.text("review_anchor").value_or("decision");
  if (anchor == "decision" || anchor == "meeting") {
    book.set_review_anchor(anchor == "meeting" ? engine::ReviewAnchor::kMeeting
                                               : engine::ReviewAnchor::kDecision);
  } else {
    problems.add(section.path_of("review_anchor"),
                 "must be decision or meeting, not '" + anchor + "'");
  }
  if (const auto months = section.whole("under_five_review_months", 3, 6)) {
    engine::ClockRule early;
    early.clock = "early_review";
    early.counting = engine::Counting::kMonthsStartingWith;
    early.amount = static_cast<int>(*months);
    if (auto status = book.override_rule(early); !status.ok()) {
      problems.add(section.path_of("under_five_review_months"), status.message());
    }
    book.set_under_five_reviews(true);
  }
  if (const auto* groups = section.object("last_year_group", "{phase: year group}")) {
    apply_last_year_groups(book, *groups, section.path_of("last_year_group"), problems);
  }
  if (const auto* ladders = section.object("escalation", "{\"*\" or clock name: [rungs]}")) {
    apply_ladders(book, *ladders, section.path_of("escalation"), names_of(clocks), problems);
  }
  if (const auto* overrides = section.array("overrides")) {
    apply_overrides(book, *overrides, section.path_of("overrides"), clocks, problems);
  }
}

}  // namespace ehcp::adapters::config
