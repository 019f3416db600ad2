#include "workflows/reassessment/reassessment_workflow.h"

#include <string_view>

#include <boost/mpl/list.hpp>
#include <boost/statechart/custom_reaction.hpp>
#include <boost/statechart/simple_state.hpp>
#include <boost/statechart/state_machine.hpp>

#include "workflows/detail/assessment_steps.h"
#include "workflows/detail/engine_event.h"

namespace ehcp::workflows::reassessment {
namespace sc = boost::statechart;
namespace mpl = boost::mpl;

namespace {

// The engine events this workflow takes, each dispatched as its own statechart event.
using Takes =
    detail::EventList<engine::ReassessmentDecision, engine::AdviceRequested, engine::AdviceReceived,
                      engine::IssueDecision, engine::DraftPlanIssued, engine::SchoolConsulted,
                      engine::ConsultationResponse, engine::FamilyResponse, engine::FinalPlanIssued,
                      engine::AmendedPlanIssued, engine::AssessmentWithdrawn>;

template <typename Body>
using Ev = detail::EngineEvent<Body>;

using EvDecision = Ev<engine::ReassessmentDecision>;
using EvAdviceRequested = Ev<engine::AdviceRequested>;
using EvAdviceReceived = Ev<engine::AdviceReceived>;
using EvIssueDecision = Ev<engine::IssueDecision>;
using EvDraft = Ev<engine::DraftPlanIssued>;
using EvConsulted = Ev<engine::SchoolConsulted>;
using EvResponse = Ev<engine::ConsultationResponse>;
using EvFamily = Ev<engine::FamilyResponse>;
using EvFinal = Ev<engine::FinalPlanIssued>;
using EvAmended = Ev<engine::AmendedPlanIssued>;
using EvWithdrawn = Ev<engine::AssessmentWithdrawn>;

struct Active;
struct AwaitingDecision;
struct Reassessing;
struct GatheringAdvice;
struct Drafting;
struct Consulting;
struct PlanIssued;
struct PlanUnchanged;
struct Refused;
struct Withdrawn;

}  // namespace

struct ReassessmentWorkflow::Machine : detail::Machine<ReassessmentWorkflow::Machine, Active> {
  explicit Machine(ClockBook& b) : detail::Machine<Machine, Active>("re-assessment"), book(b) {}

  void end(engine::Date on) {
    book.end_all(kWorkflow, on);
    closed_on = on;
  }

  ClockBook& book;
  std::optional<engine::Date> closed_on;
  std::optional<engine::Date> draft_served;
  bool no_further_representations = false;
  std::vector<Warning> warnings;
};

namespace {

using Machine = ReassessmentWorkflow::Machine;

// What may happen at any point of an open re-assessment: it can be withdrawn.
struct Active : sc::simple_state<Active, Machine, AwaitingDecision> {
  using reactions = sc::custom_reaction<EvWithdrawn>;
  sc::result react(const EvWithdrawn& e) {
    outermost_context().end(e.event.on);
    return transit<Withdrawn>();
  }
};

struct AwaitingDecision : sc::simple_state<AwaitingDecision, Active> {
  static constexpr std::string_view kName = "awaiting_decision";
  using reactions = sc::custom_reaction<EvDecision>;
  sc::result react(const EvDecision& e);
};

// Once the LA decided to re-assess: advice (reg 26), consultations and the family's comments.
struct Reassessing : sc::simple_state<Reassessing, Active, GatheringAdvice> {
  using reactions =
      mpl::list<sc::custom_reaction<EvAdviceRequested>, sc::custom_reaction<EvAdviceReceived>,
                sc::custom_reaction<EvConsulted>, sc::custom_reaction<EvResponse>,
                sc::custom_reaction<EvFamily>>;
  // Advice and consultations, as an assessment takes them.
  template <typename Body>
  sc::result react(const Ev<Body>& e) {
    auto& m = outermost_context();
    m.check(detail::take_step(m.book, kWorkflow, e.event));
    return discard_event();
  }
  sc::result react(const EvFamily& e) {
    if (e.body.no_further_representations) {
      outermost_context().no_further_representations = true;
    }
    return discard_event();
  }
};

// A draft may follow the advice at once: the law asks no decision to issue before it here.
struct GatheringAdvice : sc::simple_state<GatheringAdvice, Reassessing> {
  static constexpr std::string_view kName = "gathering_advice";
  using reactions = mpl::list<sc::custom_reaction<EvIssueDecision>, sc::custom_reaction<EvDraft>>;
  sc::result react(const EvIssueDecision& e);
  sc::result react(const EvDraft& e);
};

struct Drafting : sc::simple_state<Drafting, Reassessing> {
  static constexpr std::string_view kName = "drafting";
  using reactions = sc::custom_reaction<EvDraft>;
  sc::result react(const EvDraft& e);
};

struct Consulting : sc::simple_state<Consulting, Reassessing> {
  static constexpr std::string_view kName = "consulting";
  using reactions = mpl::list<sc::custom_reaction<EvDraft>, sc::custom_reaction<EvFinal>,
                              sc::custom_reaction<EvAmended>>;
  sc::result react(const EvDraft& e) {
    outermost_context().draft_served = e.event.on;  // a re-issued draft restarts the 15 days
    return discard_event();
  }
  sc::result react(const EvFinal& e) { return issue(e.event, "new plan"); }
  sc::result react(const EvAmended& e) { return issue(e.event, "amended plan"); }

 private:
  sc::result issue(const engine::Event& e, const std::string& what);
};

// Outcomes: no reactions, so any further re-assessment event is rejected naming the outcome.
struct PlanIssued : sc::simple_state<PlanIssued, Machine> {
  static constexpr std::string_view kName = "plan_issued";
};
struct PlanUnchanged : sc::simple_state<PlanUnchanged, Machine> {
  static constexpr std::string_view kName = "plan_unchanged";
};
struct Refused : sc::simple_state<Refused, Machine> {
  static constexpr std::string_view kName = "refused";
};
struct Withdrawn : sc::simple_state<Withdrawn, Machine> {
  static constexpr std::string_view kName = "withdrawn";
};

sc::result AwaitingDecision::react(const EvDecision& e) {
  auto& m = outermost_context();
  m.book.meet("reassessment_decision", e.event.on);  // none when the LA decided of its own accord
  if (e.body.outcome == engine::AssessmentOutcome::kRefuse) {
    m.end(e.event.on);
    return transit<Refused>();
  }
  if (auto status = m.book.open("reassessment_plan", kWorkflow, e.event.on); !status.ok()) {
    m.fail(status.message());
  }
  return transit<GatheringAdvice>();
}

// After re-assessing, the LA may decide to leave the plan as it is (no time limit is known,
// statutory-sources M08): the 14 weeks no longer apply. A decision to change it goes on to a
// draft.
sc::result GatheringAdvice::react(const EvIssueDecision& e) {
  auto& m = outermost_context();
  if (e.body.outcome == engine::IssueOutcome::kNoPlan) {
    m.end(e.event.on);
    return transit<PlanUnchanged>();
  }
  return transit<Drafting>();
}

sc::result GatheringAdvice::react(const EvDraft& e) {
  outermost_context().draft_served = e.event.on;
  return transit<Consulting>();
}

sc::result Drafting::react(const EvDraft& e) {
  outermost_context().draft_served = e.event.on;
  return transit<Consulting>();
}

sc::result Consulting::issue(const engine::Event& e, const std::string& what) {
  auto& m = outermost_context();
  m.book.meet("reassessment_plan", e.on);
  if (auto warning = detail::inside_representations(m.book, *m.draft_served, e.on,
                                                    m.no_further_representations, what)) {
    m.warnings.push_back(std::move(*warning));
  }
  m.end(e.on);  // advice or consultations still outstanding no longer apply
  return transit<PlanIssued>();
}

std::string_view state_of(const Machine& m) {
  if (detail::is_in<AwaitingDecision>(m)) return AwaitingDecision::kName;
  if (detail::is_in<GatheringAdvice>(m)) return GatheringAdvice::kName;
  if (detail::is_in<Drafting>(m)) return Drafting::kName;
  if (detail::is_in<Consulting>(m)) return Consulting::kName;
  if (detail::is_in<PlanIssued>(m)) return PlanIssued::kName;
  if (detail::is_in<PlanUnchanged>(m)) return PlanUnchanged::kName;
  if (detail::is_in<Refused>(m)) return Refused::kName;
  return Withdrawn::kName;
}

}  // namespace

ReassessmentWorkflow::ReassessmentWorkflow(ClockBook& book, const engine::Event& first)
    : machine_(std::make_unique<Machine>(book)), opened_(first.on) {
  machine_->initiate();
  machine_->state_name = state_of(*machine_);
  if (first.type() == engine::EventType::kReassessmentRequested) {
    started_ = book.open("reassessment_decision", kWorkflow, first.on);
  } else {
    started_ = apply(first);
  }
}

ReassessmentWorkflow::~ReassessmentWorkflow() = default;

bool ReassessmentWorkflow::takes(engine::EventType type) { return Takes::has(type); }

engine::Status ReassessmentWorkflow::apply(const engine::Event& event) {
  Machine& m = *machine_;
  if (!Takes::dispatch(m, event)) {
    return engine::Status::internal("the re-assessment was given a " +
                                    std::string(engine::to_string(event.type())));
  }
  m.state_name = state_of(m);
  closed_ = m.closed_on;
  return m.take_error();
}

void ReassessmentWorkflow::close(engine::Date on) {
  if (active()) {
    machine_->end(on);
    closed_ = on;
  }
}

std::string ReassessmentWorkflow::state() const { return machine_->state_name; }

bool ReassessmentWorkflow::reassessing() const { return detail::is_in<Reassessing>(*machine_); }

bool ReassessmentWorkflow::awaits_plan() const { return detail::is_in<Consulting>(*machine_); }

const std::vector<Warning>& ReassessmentWorkflow::warnings() const { return machine_->warnings; }

}  // namespace ehcp::workflows::reassessment
