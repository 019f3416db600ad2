// workflows/clock_book.h
//
// Where the machines' reactions open, meet and end clocks. The book asks the rule pack for
// each clock's due date and basis, so machines say only which clock opens on which event.
// One book per case evaluation; not shared.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/clock.h"
#include "engine/rule_pack.h"
#include "engine/status.h"

namespace ehcp::workflows {

class ClockBook {
 public:
  // Which machine opened a clock, for machines of which a case has several sharing the book (a
  // review each year): such a machine meets and ends only its own clocks and those nobody owns,
  // never another's of the same name. kNobody: the case's own calls, which find any clock.
  using Owner = unsigned;
  static constexpr Owner kNobody = 0;
  Owner new_owner() { return ++owners_; }

  ClockBook(const engine::RuleBook& rules, const engine::Calendar& calendar)
      : rules_(rules), calendar_(calendar) {}
  // The book keeps references to both: a temporary would dangle once the statement ends.
  ClockBook(const engine::RuleBook& rules, engine::Calendar&& calendar) = delete;
  ClockBook(engine::RuleBook&& rules, const engine::Calendar& calendar) = delete;

  // Opens clock `name` of `workflow` starting on `start`, due by the rule pack in force then.
  // Fails when no pack has a rule for it (a rule pack that lost a clock is a configuration
  // error the user must see).
  engine::Status open(const std::string& name, const std::string& workflow, engine::Date start,
                      Owner owner = kNobody);

  // The same, for a clock whose limit is counted from another date than its start: notice
  // given on `start` for a meeting on `counted_from` (due 14 days before the meeting). A
  // non-empty `limb` opens that limb of a clock the law sets several limits for (the rule
  // pack's rule for it), recorded as the clock's detail.
  engine::Status open(const std::string& name, const std::string& workflow, engine::Date start,
                      engine::Date counted_from, const std::string& limb = {},
                      Owner owner = kNobody);

  // Makes clock number `index` (its place in clocks()) due on the later of its due date and the
  // one its rule's `later_limb` gives counted from `counted_from`, with that limb's basis when
  // it is later: the appeal window's month from the mediation certificate. False when no rule
  // has that limb.
  bool extend_to_later(std::size_t index, const std::string& later_limb, engine::Date counted_from);

  // Records what the board's measures group the open clock `name` by (an advice service).
  void set_detail(const std::string& name, std::string detail);

  // Meets the open clock `name` on `on`. False when no such clock is open.
  bool meet(const std::string& name, engine::Date on, Owner owner = kNobody);

  // Ends the open clock `name` on `on` (not applicable from then). False when none is open.
  bool end(const std::string& name, engine::Date on, Owner owner = kNobody);

  // Ends every open clock of `workflow` on `on` (with an owner, only those it owns).
  void end_all(const std::string& workflow, engine::Date on, Owner owner = kNobody);

  bool is_open(const std::string& name, Owner owner = kNobody) const;

  // The day the latest clock `name` (of those `owner` may meet) was met, when it was: what a
  // second advice_received or answer repeats. Nullopt when there is none, or it is open or
  // ended.
  std::optional<engine::Date> last_met(const std::string& name, Owner owner = kNobody) const;

  std::vector<engine::Clock>& clocks() { return clocks_; }
  const std::vector<engine::Clock>& clocks() const { return clocks_; }
  const engine::RuleBook& rules() const { return rules_; }
  const engine::Calendar& calendar() const { return calendar_; }

 private:
  engine::Clock* find_open(const std::string& name, Owner owner = kNobody);
  // Whether `owner` may meet clock `index`: its own, or nobody's.
  bool may_touch(std::size_t index, Owner owner) const;

  const engine::RuleBook& rules_;
  const engine::Calendar& calendar_;
  std::vector<engine::Clock> clocks_;
  std::vector<Owner> owner_of_;  // beside clocks_: who opened each
  Owner owners_ = kNobody;
};

}  // namespace ehcp::workflows
