// workflows/disagreement/disagreements.h
//
// Every disagreement a case has had (rules.md §6), and how the case's events reach them: the
// family's first step about a decision starts one, its later steps go to the disagreement that
// can take them, and the LA's events that carry out an order or agreement go to each
// disagreement awaiting them. It also remembers the latest decision the family could appeal,
// which a step that does not name its decision is about. Owned by the case evaluator; shares its
// ClockBook. Not copyable.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/case_view.h"
#include "workflows/clock_book.h"
#include "workflows/disagreement/disagreement_workflow.h"

namespace ehcp::workflows::disagreement {

class Disagreements {
 public:
  explicit Disagreements(ClockBook& book) : book_(book) {}
  Disagreements(const Disagreements&) = delete;
  Disagreements& operator=(const Disagreements&) = delete;

  // Remembers `e` when it is a decision the family may appeal (CFA s51): a refusal to assess or
  // re-assess, a decision not to issue a plan, a plan or amended plan issued, a review keeping
  // the plan or ceasing it, an amendment withdrawn, a plan ceased.
  void note_decision(const engine::Event& e);

  // Takes a disagreement event (DisagreementWorkflow::takes): the latest disagreement that can
  // take it where it stands (and, when it names its decision, is about that one); a family's
  // step none can take starts a new one. `plan_gone`: no plan is in force (or it is ceasing),
  // so an order to cease is met on its day. InvalidTransition saying why it cannot be taken.
  engine::Status take(const engine::Event& e, bool plan_gone);

  // Offers `e` to each disagreement awaiting it (a final plan after an order to make one);
  // `carried_out` says whether any did.
  engine::Status carry_out(const engine::Event& e, bool& carried_out);

  // Ends every disagreement's open clocks on `on` (the case closed, the child moved away).
  void close(engine::Date on);

  // Closes the family's windows let pass and appends each disagreement's workflow entry.
  void finish(CaseView& view);

 private:
  engine::Status start(const engine::Event& e, std::optional<engine::Date> decision_sent);

  ClockBook& book_;
  std::vector<std::unique_ptr<DisagreementWorkflow>> list_;
  std::optional<engine::Date> last_decision_;  // the latest appealable decision's notice
};

}  // namespace ehcp::workflows::disagreement
