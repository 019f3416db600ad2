// workflows/custody/custody_workflow.h
//
// A child or young person detained in relevant youth accommodation (rules.md §5; CFA Part 3
// chapter of detained persons; SI 2015/62). From the day the LA is told of the detention it
// keeps the plan (it may not cease it because of the detention) and shares it with the youth
// offending team and the establishment within 5 working days: the `custody_share_plan` clock,
// met by `custody_plan_shared`. While the detention lasts, an assessment requested is a
// detained person's assessment (CFA s71): the case evaluator asks in_custody(). Behind this
// interface is a Boost.Statechart machine. Not copyable; one per detention, owned by the case
// evaluator.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/clock_book.h"

namespace ehcp::workflows::custody {

inline constexpr const char* kWorkflow = "custody";

class CustodyWorkflow {
 public:
  // The LA was told on `notified_on` of the detention. `with_plan`: a plan is in force, so
  // custody_share_plan opens. Check status().
  CustodyWorkflow(ClockBook& book, engine::Date notified_on, bool with_plan);
  ~CustodyWorkflow();
  CustodyWorkflow(const CustodyWorkflow&) = delete;
  CustodyWorkflow& operator=(const CustodyWorkflow&) = delete;

  const engine::Status& status() const { return started_; }

  // Applies custody_plan_shared (only while the plan is to be shared) or custody_ended.
  // InvalidTransition, naming the state, when it cannot be taken.
  engine::Status apply(const engine::Event& event);

  // Ends the detention's open clock on `on` without a release recorded (the case closed, the
  // child moved away).
  void close(engine::Date on);

  // True until the detention ended (or the case was closed).
  bool in_custody() const { return !closed_; }
  std::string state() const;
  engine::Date opened() const { return opened_; }
  std::optional<engine::Date> closed() const { return closed_; }

  // True for the event types a detention takes.
  static bool takes(engine::EventType type);

  struct Machine;

 private:
  std::unique_ptr<Machine> machine_;
  engine::Date opened_;
  std::optional<engine::Date> closed_;
  engine::Status started_;
};

}  // namespace ehcp::workflows::custody
