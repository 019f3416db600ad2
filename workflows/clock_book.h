// workflows/clock_book.h
//
// Where the machines' reactions open, meet and end clocks. The book asks the rule pack for
// each clock's due date and basis, so machines say only which clock opens on which event.
// One book per case evaluation; not shared.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/clock.h"
#include "engine/rule_pack.h"
#include "engine/status.h"

namespace ehcp::workflows {

class ClockBook {
 public:
  ClockBook(const engine::RuleBook& rules, const engine::Calendar& calendar)
      : rules_(rules), calendar_(calendar) {}
  // The book keeps references to both: a temporary would dangle once the statement ends.
  ClockBook(const engine::RuleBook& rules, engine::Calendar&& calendar) = delete;
  ClockBook(engine::RuleBook&& rules, const engine::Calendar& calendar) = delete;

  // Opens clock `name` of `workflow` starting on `start`, due by the rule pack in force then.
  // Fails when no pack has a rule for it (a rule pack that lost a clock is a configuration
  // error the user must see).
  engine::Status open(const std::string& name, const std::string& workflow, engine::Date start);

  // The same, for a clock whose limit is counted from another date than its start: notice
  // given on `start` for a meeting on `counted_from` (due 14 days before the meeting). A
  // non-empty `limb` opens that limb of a clock the law sets several limits for (the rule
  // pack's rule for it), recorded as the clock's detail.
  engine::Status open(const std::string& name, const std::string& workflow, engine::Date start,
                      engine::Date counted_from, const std::string& limb = {});

  // Makes clock number `index` (its place in clocks()) due on the later of its due date and the
  // one its rule's `later_limb` gives counted from `counted_from`, with that limb's basis when
  // it is later: the appeal window's month from the mediation certificate. False when no rule
  // has that limb.
  bool extend_to_later(std::size_t index, const std::string& later_limb, engine::Date counted_from);

  // Records what the board's measures group the open clock `name` by (an advice service).
  void set_detail(const std::string& name, std::string detail);

  // Meets the open clock `name` on `on`. False when no such clock is open.
  bool meet(const std::string& name, engine::Date on);

  // Ends the open clock `name` on `on` (not applicable from then). False when none is open.
  bool end(const std::string& name, engine::Date on);

  // Ends every open clock of `workflow` on `on`.
  void end_all(const std::string& workflow, engine::Date on);

  bool is_open(const std::string& name) const;

  std::vector<engine::Clock>& clocks() { return clocks_; }
  const std::vector<engine::Clock>& clocks() const { return clocks_; }
  const engine::RuleBook& rules() const { return rules_; }
  const engine::Calendar& calendar() const { return calendar_; }

 private:
  engine::Clock* find_open(const std::string& name);

  const engine::RuleBook& rules_;
  const engine::Calendar& calendar_;
  std::vector<engine::Clock> clocks_;
};

}  // namespace ehcp::workflows
