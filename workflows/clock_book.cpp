#include "workflows/clock_book.h"

namespace ehcp::workflows {

engine::Status ClockBook::open(const std::string& name, const std::string& workflow,
                               engine::Date start) {
  return open(name, workflow, start, start);
}

engine::Status ClockBook::open(const std::string& name, const std::string& workflow,
                               engine::Date start, engine::Date counted_from,
                               const std::string& limb) {
  const engine::ClockRule* rule = rules_.rule_for(name, start, limb);
  if (rule == nullptr || rule->limb != limb) {
    return engine::Status::internal("no rule pack in force on " + engine::format_date(start) +
                                    " has a rule for clock '" + name + "'" +
                                    (limb.empty() ? "" : " limb '" + limb + "'"));
  }
  engine::Clock clock;
  clock.name = name;
  clock.workflow = workflow;
  clock.start = start;
  clock.due = rules_.due(*rule, counted_from, calendar_);
  clock.statutory = rule->statutory;
  clock.basis = rules_.basis(*rule, counted_from);
  clock.detail = limb;
  clocks_.push_back(std::move(clock));
  return {};
}

bool ClockBook::extend_to_later(std::size_t index, const std::string& later_limb,
                                engine::Date counted_from) {
  engine::Clock& clock = clocks_.at(index);
  const engine::ClockRule* rule = rules_.rule_for(clock.name, clock.start, later_limb);
  if (rule == nullptr || rule->limb != later_limb) {
    return false;
  }
  const engine::Date later = rules_.due(*rule, counted_from, calendar_);
  if (later > clock.due) {
    clock.due = later;
    clock.basis = rules_.basis(*rule, counted_from) + " (later than " + clock.basis + ")";
  }
  return true;
}

engine::Clock* ClockBook::find_open(const std::string& name) {
  // The latest clock of that name: a re-issued draft or a second request reopens one.
  for (auto it = clocks_.rbegin(); it != clocks_.rend(); ++it) {
    if (it->name == name && !it->met_on && !it->ended_on) {
      return &*it;
    }
  }
  return nullptr;
}

void ClockBook::set_detail(const std::string& name, std::string detail) {
  if (engine::Clock* clock = find_open(name)) {
    clock->detail = std::move(detail);
  }
}

bool ClockBook::meet(const std::string& name, engine::Date on) {
  engine::Clock* clock = find_open(name);
  if (clock == nullptr) {
    return false;
  }
  clock->met_on = on;
  return true;
}

bool ClockBook::end(const std::string& name, engine::Date on) {
  engine::Clock* clock = find_open(name);
  if (clock == nullptr) {
    return false;
  }
  clock->ended_on = on;
  return true;
}

void ClockBook::end_all(const std::string& workflow, engine::Date on) {
  for (auto& clock : clocks_) {
    if (clock.workflow == workflow && !clock.met_on && !clock.ended_on) {
      clock.ended_on = on;
    }
  }
}

bool ClockBook::is_open(const std::string& name) const {
  for (const auto& clock : clocks_) {
    if (clock.name == name && !clock.met_on && !clock.ended_on) {
      return true;
    }
  }
  return false;
}

}  // namespace ehcp::workflows
