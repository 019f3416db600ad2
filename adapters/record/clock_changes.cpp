#include "adapters/record/clock_changes.h"

#include <map>
#include <tuple>

#include "workflows/case_as_of.h"

namespace ehcp::adapters::record {
namespace {

using Key = std::tuple<std::string, std::string, engine::Date>;

std::map<Key, const engine::Clock*> by_key(const std::vector<engine::Clock>& clocks) {
  std::map<Key, const engine::Clock*> out;
  for (const auto& c : clocks) {
    out.emplace(Key{c.workflow, c.name, c.start}, &c);
  }
  return out;
}

}  // namespace

ClockChanges clock_changes(const std::vector<engine::RecordedEvent>& events, std::int64_t first,
                           std::int64_t last, const engine::RuleBook& rules,
                           const engine::Calendar& calendar) {
  std::vector<engine::RecordedEvent> before;
  for (const auto& e : events) {
    if (e.seq < first || e.seq > last) {
      before.push_back(e);
    }
  }
  const auto was = workflows::case_as_of(std::move(before), rules, calendar, std::nullopt);
  const auto is = workflows::case_as_of(events, rules, calendar, std::nullopt);
  const auto old_clocks = by_key(was.view.clocks);
  ClockChanges out;
  for (const auto& c : is.view.clocks) {
    const auto it = old_clocks.find(Key{c.workflow, c.name, c.start});
    if (it == old_clocks.end()) {
      out.started.push_back(c);
      continue;
    }
    const engine::Clock& old = *it->second;
    if (c.met_on && !old.met_on) {
      out.met.push_back(c);
    } else if (c.ended_on && !old.ended_on) {
      out.ended.push_back(c);
    }
  }
  return out;
}

}  // namespace ehcp::adapters::record
