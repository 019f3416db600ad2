// workflows/disagreement/disagreement_workflow.h
//
// One disagreement with one LA decision (rules.md §6): the family's contact with the mediation
// adviser, mediation and its certificate, the appeal to the First-tier Tribunal and what the LA
// must then do under the Tribunal's orders (reg 44), an appeal it did not oppose (reg 45) or a
// mediation agreement (reg 42(2)). Behind this interface is a Boost.Statechart machine whose
// reactions tell a ClockBook which clocks open, are met or end; the rule pack decides how long
// each runs. The case evaluator starts one on a family's first step about a decision and routes
// the later disagreement events, and the events that carry out an order, to it. Events must
// come in replay order. Not copyable; one per disagreement, owned by the case evaluator.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/clock_book.h"
#include "workflows/disagreement/disagreement_clocks.h"  // kWorkflow

namespace ehcp::workflows::disagreement {

class DisagreementWorkflow {
 public:
  // Starts a disagreement with the decision whose written notice was sent on `decision_sent`,
  // opened by `first` (mediation_requested, mediation_declined or appeal_lodged): the family's
  // 2-month windows run from the notice. `windows`: those the recorded decision opened, which
  // it takes over; without them (a decision not recorded as an event) it opens its own, backdated
  // to the notice. Check status() once built.
  DisagreementWorkflow(ClockBook& book, engine::Date decision_sent, const engine::Event& first,
                       std::optional<FamilyWindows> windows = std::nullopt);
  ~DisagreementWorkflow();
  DisagreementWorkflow(const DisagreementWorkflow&) = delete;
  DisagreementWorkflow& operator=(const DisagreementWorkflow&) = delete;

  // Why `first` could not start it (the decision sent before any rule pack), else ok.
  const engine::Status& status() const { return started_; }

  // Applies a disagreement event, or an event `awaits()`. InvalidTransition, naming the event
  // and the state, when it cannot be taken where it falls (a certificate before any mediation
  // was requested or declined; an order before an appeal); the disagreement is then unchanged.
  engine::Status apply(const engine::Event& event);

  // True when `event` meets or ends a limb of an order this disagreement still awaits (a final
  // plan after an order to make one).
  bool awaits(const engine::Event& event) const;

  // True when a disagreement event of `type` can be taken where this disagreement stands (a
  // decline after a request for mediation, an appeal before one was lodged, an order after
  // one): the case evaluator gives it to the latest disagreement that can.
  bool accepts(engine::EventType type) const;

  // The plan had already ceased when the Tribunal dismissed the appeal against ceasing: the
  // order is met on `on`, the day of the order.
  void plan_already_ceased(engine::Date on);

  // Ends this disagreement's open clocks (the case was closed).
  void close(engine::Date on);

  // The family's windows are not the LA's to meet: one the family let pass (no contact with
  // the adviser, no appeal) no longer applies from the day after it closed, rather than
  // standing overdue. Call once, after the last event.
  void close_unused_windows();

  std::string state() const;
  engine::Date decision_sent() const { return decision_sent_; }
  engine::Date opened() const { return opened_; }
  // The day it came to an end: an appeal withdrawn or dismissed, or every order carried out.
  std::optional<engine::Date> closed() const { return closed_; }
  // "mediation" once mediation was requested, "tribunal" once an appeal was lodged: such a
  // case is left out of the board's 20-week rates (SEN2).
  std::vector<std::string> flags() const;

  // True for the event types that are the disagreement's own (contract.md §1).
  static bool takes(engine::EventType type);

  struct Machine;

 private:
  std::unique_ptr<Machine> machine_;
  engine::Date decision_sent_;
  engine::Date opened_;
  std::optional<engine::Date> closed_;
  engine::Status started_;
};

}  // namespace ehcp::workflows::disagreement
