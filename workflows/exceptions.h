// workflows/exceptions.h
//
// The statutory exceptions of rules.md §2 (reg 5(4), 8(2), 10(4), 13(3)) applied to clocks
// already built. An exception switches a fixed limit off; it never adds days: it sets the
// clock's exception_on and leaves due alone. Pure functions over a clock list.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/clock.h"
#include "engine/event.h"
#include "engine/rule_pack.h"

namespace ehcp::workflows {

// Applies a recorded exception to the clocks of one assessment. Returns why it cannot apply
// (a limb the clock does not allow, an absence shorter than 4 weeks within the period, an
// advice id never requested), or nullopt once applied.
std::optional<std::string> apply_recorded_exception(const engine::Event& recorded,
                                                    std::vector<engine::Clock*>& clocks,
                                                    const engine::RuleBook& rules);

// Flags the 6/16/20-week clocks when advice was asked of a school (limb a) or an early-years
// setting (limb b) from 1 week before a closure of 4 weeks or more to 1 week before it
// reopens. `setting` is the child's setting then (a closure for another setting is ignored).
void apply_closure_exceptions(engine::Date advice_requested_on, engine::AdviceService service,
                              const std::optional<std::string>& setting,
                              std::vector<engine::Clock*>& clocks, const engine::RuleBook& rules,
                              const engine::Calendar& calendar);

}  // namespace ehcp::workflows
