#include "adapters/report/family_days.h"

#include "adapters/render/clock_groups.h"
#include "engine/counting.h"
#include "workflows/clock_names.h"

namespace ehcp::adapters::report {
namespace {

bool drafts_a_plan(const workflows::WorkflowView& w) {
  return w.workflow == "assessment" || w.workflow == "ordered_assessment" ||
         w.workflow == "reassessment";
}

// The window of rule `clock` from `from`, for workflow `w`; none without a rule.
std::optional<render::FamilyDays> window(const workflows::WorkflowView& w, const char* clock,
                                         engine::Date from, const engine::RuleBook& rules,
                                         const engine::Calendar& calendar) {
  const engine::ClockRule* rule = rules.rule_for(clock, from);
  if (rule == nullptr) {
    return std::nullopt;
  }
  return render::FamilyDays{w.workflow,
                            w.opened,
                            clock == workflows::clocks::kDraftRepresentations,
                            from,
                            rules.due(*rule, from, calendar),
                            engine::describe_period(rule->counting, rule->amount),
                            rule->source,
                            std::nullopt};
}

}  // namespace

std::vector<render::FamilyDays> family_days(const std::vector<engine::RecordedEvent>& known,
                                            const workflows::CaseView& view,
                                            const engine::RuleBook& rules,
                                            const engine::Calendar& calendar, engine::Date as_of) {
  std::vector<render::FamilyDays> out;
  for (std::size_t i = 0; i < view.workflows.size(); ++i) {
    const auto& w = view.workflows[i];
    if (!drafts_a_plan(w) || w.state != "consulting" || (w.closed && *w.closed <= as_of)) {
      continue;
    }
    // The latest draft since this workflow opened (a re-issued draft restarts the days), and
    // whether the family has since said they have no more to say.
    std::optional<engine::Date> draft;
    std::optional<engine::Date> no_more;
    for (const auto& e : known) {
      if (e.event.on < w.opened || e.event.on > as_of) {
        continue;
      }
      if (std::holds_alternative<engine::DraftPlanIssued>(e.event.body)) {
        draft = e.event.on;
        no_more.reset();
      } else if (const auto* r = std::get_if<engine::FamilyResponse>(&e.event.body);
                 r != nullptr && r->no_further_representations && draft) {
        no_more = e.event.on;
      }
    }
    if (draft) {
      if (auto days =
              window(w, workflows::clocks::kDraftRepresentations, *draft, rules, calendar)) {
        days->no_more_to_say = no_more;
        out.push_back(std::move(*days));
      }
    }
  }
  // Each amended plan awaited, with the review it belongs to as the case page groups it.
  for (const auto& group : render::clock_groups(view)) {
    for (const auto i : group.clocks) {
      const auto& c = view.clocks[i];
      if (c.name != workflows::clocks::kAmendedPlan || c.start > as_of || !group.workflow) {
        continue;
      }
      const auto status = c.status_on(as_of);
      if (status != engine::ClockStatus::kOpen && status != engine::ClockStatus::kOverdue) {
        continue;
      }
      if (auto days = window(*group.workflow, workflows::clocks::kAmendmentRepresentations, c.start,
                             rules, calendar)) {
        out.push_back(std::move(*days));
      }
    }
  }
  return out;
}

}  // namespace ehcp::adapters::report
