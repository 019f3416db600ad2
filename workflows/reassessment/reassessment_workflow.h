// workflows/reassessment/reassessment_workflow.h
//
// One re-assessment of the needs of a child or young person with a plan (rules.md §5; CFA
// s44(2)-(3), regs 24-27). A request opens `reassessment_decision` (15 days); a decision to
// re-assess, on a request or on the LA's own initiative, opens `reassessment_plan` (14 weeks
// from that decision, with the exceptions of reg 27(3)); advice is asked for and given as in an
// assessment (reg 26, `advice:<id>` clocks), a draft is served with the family's 15 days (reg
// 13(1) by reg 27), and an amended or new plan meets the 14 weeks. A decision after
// re-assessment not to amend or replace the plan (`issue_decision` `no_plan`) has no time limit
// and ends it. Behind this interface is a Boost.Statechart machine whose reactions tell a
// ClockBook which clocks open, are met or end. Not copyable; one per re-assessment, owned by
// the case evaluator.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/case_view.h"
#include "workflows/clock_book.h"

namespace ehcp::workflows::reassessment {

inline constexpr const char* kWorkflow = "reassessment";

class ReassessmentWorkflow {
 public:
  // Starts a re-assessment with `first`: a reassessment_requested (the decision clock opens), or
  // the LA's own reassessment_decision to re-assess (CFA s44(3)). Check status().
  ReassessmentWorkflow(ClockBook& book, const engine::Event& first);
  ~ReassessmentWorkflow();
  ReassessmentWorkflow(const ReassessmentWorkflow&) = delete;
  ReassessmentWorkflow& operator=(const ReassessmentWorkflow&) = delete;

  // Why `first` could not start it, else ok.
  const engine::Status& status() const { return started_; }

  // Applies one re-assessment event (takes()). InvalidTransition, naming the event and the
  // state, when it cannot be taken where it falls (a final plan before any draft, a decision
  // made twice); the re-assessment is then unchanged.
  engine::Status apply(const engine::Event& event);

  // Ends the re-assessment without an outcome of its own (the case closed, the child moved).
  void close(engine::Date on);

  std::string state() const;
  bool active() const { return !closed_; }
  // True once the LA decided to re-assess and until it reached an outcome: advice, drafts and
  // the family's comments are this re-assessment's.
  bool reassessing() const;
  // True while a draft has been served and the amended or new plan is awaited.
  bool awaits_plan() const;
  engine::Date opened() const { return opened_; }
  std::optional<engine::Date> closed() const { return closed_; }
  const std::vector<Warning>& warnings() const;

  // True for the event types a re-assessment takes once started.
  static bool takes(engine::EventType type);

  struct Machine;

 private:
  std::unique_ptr<Machine> machine_;
  engine::Date opened_;
  std::optional<engine::Date> closed_;
  engine::Status started_;
};

}  // namespace ehcp::workflows::reassessment
