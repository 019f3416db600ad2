#include "workflows/clock_book.h"

namespace ehcp::workflows {

engine::Status ClockBook::open(const std::string& name, const std::string& workflow,
                               engine::Date start, Owner owner) {
  return open(name, workflow, start, start, {}, owner);
}

engine::Status ClockBook::open(const std::string& name, const std::string& workflow,
                               engine::Date start, engine::Date counted_from,
                               const std::string& limb, Owner owner) {
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
  owner_of_.resize(clocks_.size(), kNobody);  // clocks() may have been added to directly
  owner_of_.back() = owner;
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

bool ClockBook::may_touch(std::size_t index, Owner owner) const {
  const Owner of = index < owner_of_.size() ? owner_of_[index] : kNobody;
  return owner == kNobody || of == owner || of == kNobody;
}

engine::Clock* ClockBook::find_open(const std::string& name, Owner owner) {
  // The latest clock of that name: a re-issued draft or a second request reopens one.
  for (std::size_t i = clocks_.size(); i-- > 0;) {
    engine::Clock& c = clocks_[i];
    if (c.name == name && !c.met_on && !c.ended_on && may_touch(i, owner)) {
      return &c;
    }
  }
  return nullptr;
}

void ClockBook::set_detail(const std::string& name, std::string detail) {
  if (engine::Clock* clock = find_open(name)) {
    clock->detail = std::move(detail);
  }
}

bool ClockBook::meet(const std::string& name, engine::Date on, Owner owner) {
  engine::Clock* clock = find_open(name, owner);
  if (clock == nullptr) {
    return false;
  }
  clock->met_on = on;
  return true;
}

bool ClockBook::end(const std::string& name, engine::Date on, Owner owner) {
  engine::Clock* clock = find_open(name, owner);
  if (clock == nullptr) {
    return false;
  }
  clock->ended_on = on;
  return true;
}

void ClockBook::end_all(const std::string& workflow, engine::Date on, Owner owner) {
  for (std::size_t i = 0; i < clocks_.size(); ++i) {
    engine::Clock& clock = clocks_[i];
    if (clock.workflow == workflow && !clock.met_on && !clock.ended_on && may_touch(i, owner)) {
      clock.ended_on = on;
    }
  }
}

bool ClockBook::is_open(const std::string& name, Owner owner) const {
  for (std::size_t i = 0; i < clocks_.size(); ++i) {
    const engine::Clock& clock = clocks_[i];
    if (clock.name == name && !clock.met_on && !clock.ended_on && may_touch(i, owner)) {
      return true;
    }
  }
  return false;
}

std::optional<engine::Date> ClockBook::last_met(const std::string& name, Owner owner) const {
  for (std::size_t i = clocks_.size(); i-- > 0;) {
    const engine::Clock& clock = clocks_[i];
    if (clock.name == name && may_touch(i, owner)) {
      return clock.met_on;
    }
  }
  return std::nullopt;
}

}  // namespace ehcp::workflows
