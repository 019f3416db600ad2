// workflows/assessment/assessment_workflow.h
//
// One EHC needs assessment (rules.md §2), from the request to a final plan, a refusal, a
// decision not to issue a plan, or a withdrawal. Behind this interface is a Boost.Statechart
// machine whose reactions tell a ClockBook which clocks open, are met or end; the rule pack
// decides how long each runs. The same machine carries out an assessment, or the making of a
// plan, that a Tribunal order, an unopposed appeal or a mediation agreement requires after the
// LA refused to assess or decided not to issue a plan (reg 44(2)(b),(c), 45, 42(2)): its
// workflow is then `ordered_assessment`, and it opens none of the 6/16/20-week clocks (those
// ended with the refusal or the no-plan decision; the order's limbs bind now), only the advice
// and consultation clocks of its steps. Events must come in replay order. Not copyable; one per
// assessment, owned by the case evaluator.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/case_view.h"
#include "workflows/clock_book.h"

namespace ehcp::workflows::assessment {

inline constexpr const char* kWorkflow = "assessment";
// An assessment, or the rest of one, carried out under an order (see above).
inline constexpr const char* kOrderedWorkflow = "ordered_assessment";
// The rule pack's limb for a detained person's assessment clocks (CFA s71, SI 2015/62).
inline constexpr const char* kDetainedLimb = "detained";

class AssessmentWorkflow {
 public:
  // Starts the assessment on `requested_on` (the day the LA received the request): opens the
  // decision, no-plan, final-plan and draft-plan clocks. `detained`: a detained person's
  // assessment under CFA s71, whose statutory clocks cite SI 2015/62 and have no early-years
  // exception limb.
  AssessmentWorkflow(ClockBook& book, engine::Date requested_on, bool detained = false);

  // What an order requires of an assessment carried out under it: the whole assessment (an
  // order to assess: the LA's notice that it will assess comes next), or the plan (an order to
  // make one after a no-plan decision: the draft comes next).
  enum class Ordered { kAssess, kMakePlan };
  // Starts an assessment carried out under an order made (or agreed) on `ordered_on`. It opens
  // no clock of its own; a refusal to assess is not open to it.
  AssessmentWorkflow(ClockBook& book, engine::Date ordered_on, Ordered what);
  ~AssessmentWorkflow();
  AssessmentWorkflow(const AssessmentWorkflow&) = delete;
  AssessmentWorkflow& operator=(const AssessmentWorkflow&) = delete;

  // Applies one assessment event. InvalidTransition, naming the event and the state, when the
  // assessment cannot take it where it falls (a final plan before any decision); the
  // workflow is then unchanged.
  engine::Status apply(const engine::Event& event);

  // Ends the assessment without an outcome of its own (the case was closed).
  void close(engine::Date on);

  std::string state() const;
  bool active() const;
  engine::Date opened() const { return opened_; }
  std::optional<engine::Date> closed() const { return closed_; }
  bool detained() const { return detained_; }
  // kWorkflow, or kOrderedWorkflow for one carried out under an order.
  const char* workflow() const;
  const std::vector<Warning>& warnings() const;

  // True for the event types this workflow takes.
  static bool takes(engine::EventType type);

  // The Boost.Statechart machine; public only so that its state types can name it.
  struct Machine;

 private:
  std::unique_ptr<Machine> machine_;
  engine::Date opened_;
  std::optional<engine::Date> closed_;
  bool detained_ = false;
};

}  // namespace ehcp::workflows::assessment
