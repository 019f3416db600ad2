// adapters/report/family_days.h
//
// The family's days to comment that a caseworker must leave before the plan: from the draft
// (reg 13(1), the rule pack's `draft_representations`) while an assessment is consulting, and
// from an amendment notice (reg 22(2), `amendment_representations`) while its amended plan is
// awaited. These are checks, not clocks (rules.md §2, §3), so the case's clocks do not show
// them; the case page and `case show` say when they end. Pure; takes values.
#pragma once

#include <vector>

#include "adapters/render/case_render.h"
#include "engine/calendar.h"
#include "engine/event.h"
#include "engine/rule_pack.h"
#include "workflows/case_view.h"

namespace ehcp::adapters::report {

// The windows still before a plan on `as_of`, from `known` (the events that shaped `view`, in
// replay order): the latest draft of each consulting assessment or re-assessment, and the
// notice of each amended plan open on `as_of`. None where the rule pack has no such rule.
std::vector<render::FamilyDays> family_days(const std::vector<engine::RecordedEvent>& known,
                                            const workflows::CaseView& view,
                                            const engine::RuleBook& rules,
                                            const engine::Calendar& calendar, engine::Date as_of);

}  // namespace ehcp::adapters::report
