#include "workflows/assessment/assessment_workflow.h"

#include <string_view>

#include <boost/mpl/list.hpp>
#include <boost/statechart/custom_reaction.hpp>
#include <boost/statechart/event.hpp>
#include <boost/statechart/simple_state.hpp>
#include <boost/statechart/state_machine.hpp>

#include "workflows/detail/assessment_steps.h"
#include "workflows/detail/engine_event.h"

namespace ehcp::workflows::assessment {
namespace sc = boost::statechart;
namespace mpl = boost::mpl;

namespace {

// The engine events this workflow takes, each dispatched as its own statechart event.
using Takes =
    detail::EventList<engine::AssessmentDecision, engine::AdviceRequested, engine::AdviceReceived,
                      engine::IssueDecision, engine::DraftPlanIssued, engine::SchoolConsulted,
                      engine::ConsultationResponse, engine::FamilyResponse, engine::FinalPlanIssued,
                      engine::AssessmentWithdrawn>;

template <typename Body>
using Ev = detail::EngineEvent<Body>;

using EvDecision = Ev<engine::AssessmentDecision>;
using EvAdviceRequested = Ev<engine::AdviceRequested>;
using EvAdviceReceived = Ev<engine::AdviceReceived>;
using EvIssueDecision = Ev<engine::IssueDecision>;
using EvDraft = Ev<engine::DraftPlanIssued>;
using EvConsulted = Ev<engine::SchoolConsulted>;
using EvResponse = Ev<engine::ConsultationResponse>;
using EvFamily = Ev<engine::FamilyResponse>;
using EvFinal = Ev<engine::FinalPlanIssued>;
using EvWithdrawn = Ev<engine::AssessmentWithdrawn>;

// Starts an assessment carried out under an order where the order takes it up: the plan to
// make (the draft next), or the whole assessment (the LA's notice that it will assess next).
struct EvOrdered : sc::event<EvOrdered> {
  explicit EvOrdered(bool plan) : make_plan(plan) {}
  bool make_plan;
};

struct Active;
struct AwaitingDecision;
struct GatheringAdvice;
struct Drafting;
struct Consulting;
struct Finalised;
struct Refused;
struct NoPlan;
struct Withdrawn;

}  // namespace

struct AssessmentWorkflow::Machine : detail::Machine<AssessmentWorkflow::Machine, Active> {
  Machine(ClockBook& b, bool carrying_out_order)
      : detail::Machine<Machine, Active>(carrying_out_order ? "ordered assessment" : "assessment"),
        book(b),
        ordered(carrying_out_order),
        workflow(carrying_out_order ? kOrderedWorkflow : kWorkflow) {}

  void end(engine::Date on) {
    book.end_all(workflow, on);
    closed_on = on;
  }

  ClockBook& book;
  bool ordered;  // carried out under an order: no 6/16/20-week clocks of its own
  const char* workflow;
  std::optional<engine::Date> closed_on;
  std::optional<engine::Date> draft_served;
  bool no_further_representations = false;
  std::vector<Warning> warnings;
};

namespace {

using Machine = AssessmentWorkflow::Machine;

// Everything that may happen at any point of an open assessment.
struct Active : sc::simple_state<Active, Machine, AwaitingDecision> {
  using reactions =
      mpl::list<sc::custom_reaction<EvAdviceRequested>, sc::custom_reaction<EvAdviceReceived>,
                sc::custom_reaction<EvConsulted>, sc::custom_reaction<EvResponse>,
                sc::custom_reaction<EvFamily>, sc::custom_reaction<EvWithdrawn>>;

  // Advice and consultations, as a re-assessment takes them too.
  template <typename Body>
  sc::result react(const Ev<Body>& e) {
    auto& m = outermost_context();
    m.check(detail::take_step(m.book, m.workflow, e.event));
    return discard_event();
  }
  sc::result react(const EvFamily& e) {
    if (e.body.no_further_representations) {
      outermost_context().no_further_representations = true;
    }
    return discard_event();
  }
  sc::result react(const EvWithdrawn& e);
};

struct AwaitingDecision : sc::simple_state<AwaitingDecision, Active> {
  static constexpr std::string_view kName = "awaiting_decision";
  using reactions = mpl::list<sc::custom_reaction<EvDecision>, sc::custom_reaction<EvOrdered>>;
  sc::result react(const EvDecision& e);
  sc::result react(const EvOrdered& e) {
    return e.make_plan ? transit<Drafting>() : discard_event();
  }
};

struct GatheringAdvice : sc::simple_state<GatheringAdvice, Active> {
  static constexpr std::string_view kName = "gathering_advice";
  using reactions = sc::custom_reaction<EvIssueDecision>;
  sc::result react(const EvIssueDecision& e);
};

struct Drafting : sc::simple_state<Drafting, Active> {
  static constexpr std::string_view kName = "drafting";
  using reactions = sc::custom_reaction<EvDraft>;
  sc::result react(const EvDraft& e);
};

struct Consulting : sc::simple_state<Consulting, Active> {
  static constexpr std::string_view kName = "consulting";
  using reactions = mpl::list<sc::custom_reaction<EvDraft>, sc::custom_reaction<EvFinal>>;
  sc::result react(const EvDraft& e) {
    outermost_context().draft_served = e.event.on;  // a re-issued draft restarts the 15 days
    return discard_event();
  }
  sc::result react(const EvFinal& e);
};

// Outcomes: no reactions, so any further assessment event is rejected naming the outcome.
struct Finalised : sc::simple_state<Finalised, Machine> {
  static constexpr std::string_view kName = "finalised";
};
struct Refused : sc::simple_state<Refused, Machine> {
  static constexpr std::string_view kName = "refused";
};
struct NoPlan : sc::simple_state<NoPlan, Machine> {
  static constexpr std::string_view kName = "no_plan";
};
struct Withdrawn : sc::simple_state<Withdrawn, Machine> {
  static constexpr std::string_view kName = "withdrawn";
};

sc::result Active::react(const EvWithdrawn& e) {
  outermost_context().end(e.event.on);
  return transit<Withdrawn>();
}

sc::result AwaitingDecision::react(const EvDecision& e) {
  auto& m = outermost_context();
  const bool refused = e.body.outcome == engine::AssessmentOutcome::kRefuse;
  if (m.ordered && refused) {
    m.fail("the assessment is being carried out under an order: it cannot be refused");
    return discard_event();
  }
  m.book.meet("decision_to_assess", e.event.on);
  if (refused) {
    m.end(e.event.on);
    return transit<Refused>();
  }
  return transit<GatheringAdvice>();
}

sc::result GatheringAdvice::react(const EvIssueDecision& e) {
  auto& m = outermost_context();
  if (e.body.outcome == engine::IssueOutcome::kNoPlan) {
    m.book.meet("no_plan_notice", e.event.on);
    m.end(e.event.on);
    return transit<NoPlan>();
  }
  m.book.end("no_plan_notice", e.event.on);  // a decision to issue makes it not applicable
  return transit<Drafting>();
}

sc::result Drafting::react(const EvDraft& e) {
  auto& m = outermost_context();
  m.book.meet("draft_plan", e.event.on);
  m.draft_served = e.event.on;
  return transit<Consulting>();
}

sc::result Consulting::react(const EvFinal& e) {
  auto& m = outermost_context();
  m.book.meet("final_plan", e.event.on);
  if (auto warning = detail::inside_representations(m.book, *m.draft_served, e.event.on,
                                                    m.no_further_representations, "final plan")) {
    m.warnings.push_back(std::move(*warning));
  }
  m.end(e.event.on);  // advice or consultations still outstanding no longer apply
  return transit<Finalised>();
}

// The current state's stored name (each state's kName), read after every transition:
// simple_state constructors cannot reach the machine to record it themselves.
std::string_view state_of(const Machine& m) {
  if (detail::is_in<AwaitingDecision>(m)) return AwaitingDecision::kName;
  if (detail::is_in<GatheringAdvice>(m)) return GatheringAdvice::kName;
  if (detail::is_in<Drafting>(m)) return Drafting::kName;
  if (detail::is_in<Consulting>(m)) return Consulting::kName;
  if (detail::is_in<Finalised>(m)) return Finalised::kName;
  if (detail::is_in<Refused>(m)) return Refused::kName;
  if (detail::is_in<NoPlan>(m)) return NoPlan::kName;
  return Withdrawn::kName;
}

}  // namespace

AssessmentWorkflow::AssessmentWorkflow(ClockBook& book, engine::Date requested_on, bool detained)
    : machine_(std::make_unique<Machine>(book, false)), opened_(requested_on), detained_(detained) {
  // A detained person's statutory clocks are the rule pack's "detained" limbs (SI 2015/62): the
  // same limits, their own citations and exception limbs. The draft target is the same for all.
  const std::string limb = detained ? kDetainedLimb : "";
  for (const char* clock : {"decision_to_assess", "no_plan_notice", "final_plan"}) {
    if (auto status = book.open(clock, kWorkflow, requested_on, requested_on, limb); !status.ok()) {
      machine_->fail(status.message());
    }
  }
  if (auto status = book.open("draft_plan", kWorkflow, requested_on); !status.ok()) {
    machine_->fail(status.message());
  }
  machine_->initiate();
  machine_->state_name = state_of(*machine_);
}

// The 16 and 20 weeks ran from a request whose assessment ended with the refusal (or the
// no-plan decision); the order's own limbs (2/10/14 weeks, or 5/11) are the limits now, so this
// opens none. Its advice and consultations open their clocks as in any assessment.
AssessmentWorkflow::AssessmentWorkflow(ClockBook& book, engine::Date ordered_on, Ordered what)
    : machine_(std::make_unique<Machine>(book, true)), opened_(ordered_on) {
  machine_->initiate();
  machine_->process_event(EvOrdered(what == Ordered::kMakePlan));
  machine_->state_name = state_of(*machine_);
}

AssessmentWorkflow::~AssessmentWorkflow() = default;

const char* AssessmentWorkflow::workflow() const { return machine_->workflow; }

bool AssessmentWorkflow::takes(engine::EventType type) { return Takes::has(type); }

engine::Status AssessmentWorkflow::apply(const engine::Event& event) {
  Machine& m = *machine_;
  if (!Takes::dispatch(m, event)) {
    return engine::Status::internal("the assessment was given a " +
                                    std::string(engine::to_string(event.type())));
  }
  m.state_name = state_of(m);
  closed_ = m.closed_on;
  return m.take_error();
}

void AssessmentWorkflow::close(engine::Date on) {
  if (active()) {
    machine_->end(on);
    closed_ = on;
  }
}

std::string AssessmentWorkflow::state() const { return machine_->state_name; }

bool AssessmentWorkflow::active() const { return !closed_.has_value(); }

const std::vector<Warning>& AssessmentWorkflow::warnings() const { return machine_->warnings; }

}  // namespace ehcp::workflows::assessment
