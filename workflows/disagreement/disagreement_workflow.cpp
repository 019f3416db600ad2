#include "workflows/disagreement/disagreement_workflow.h"

#include <algorithm>
#include <string_view>

#include <boost/mpl/list.hpp>
#include <boost/mpl/push_front.hpp>
#include <boost/statechart/custom_reaction.hpp>
#include <boost/statechart/simple_state.hpp>
#include <boost/statechart/state_machine.hpp>

#include "workflows/detail/engine_event.h"
#include "workflows/disagreement/disagreement_clocks.h"
#include "workflows/disagreement/order_limbs.h"

namespace ehcp::workflows::disagreement {
namespace sc = boost::statechart;
namespace mpl = boost::mpl;

namespace {

template <typename Body>
using Ev = detail::EngineEvent<Body>;

// The disagreement's own events, and those that carry out an order: the evaluator routes the
// second kind here only when awaits() says an open limb answers to them.
using Takes = detail::EventList<engine::MediationRequested, engine::MediationDeclined,
                                engine::MediationHeld, engine::MediationCertificateIssued,
                                engine::AppealLodged, engine::AppealDecided, engine::TribunalOrder>;
using CarriesOut =
    detail::EventList<engine::AssessmentDecision, engine::ReassessmentDecision,
                      engine::IssueDecision, engine::DraftPlanIssued, engine::FinalPlanIssued,
                      engine::AmendedPlanIssued, engine::PlanCeased, engine::AgreementCarriedOut>;

using EvRequested = Ev<engine::MediationRequested>;
using EvDeclined = Ev<engine::MediationDeclined>;
using EvHeld = Ev<engine::MediationHeld>;
using EvCertificate = Ev<engine::MediationCertificateIssued>;
using EvAppeal = Ev<engine::AppealLodged>;
using EvDecided = Ev<engine::AppealDecided>;
using EvOrder = Ev<engine::TribunalOrder>;

// The statechart events of those that carry out an order.
using EvAssessDecision = Ev<engine::AssessmentDecision>;
using EvReassessDecision = Ev<engine::ReassessmentDecision>;
using EvIssueDecision = Ev<engine::IssueDecision>;
using EvDraft = Ev<engine::DraftPlanIssued>;
using EvFinal = Ev<engine::FinalPlanIssued>;
using EvAmended = Ev<engine::AmendedPlanIssued>;
using EvCeased = Ev<engine::PlanCeased>;
using EvCarriedOut = Ev<engine::AgreementCarriedOut>;
using ComplianceReactions =
    mpl::list<sc::custom_reaction<EvAssessDecision>, sc::custom_reaction<EvReassessDecision>,
              sc::custom_reaction<EvIssueDecision>, sc::custom_reaction<EvDraft>,
              sc::custom_reaction<EvFinal>, sc::custom_reaction<EvAmended>,
              sc::custom_reaction<EvCeased>, sc::custom_reaction<EvCarriedOut>>;

struct Active;
struct Starting;
struct AwaitingMediation;
struct AwaitingCertificate;
struct CertificateIssued;
struct Appealed;
struct AppealAllowed;
struct AppealDismissed;
struct AppealWithdrawn;
struct Ordered;
struct Complied;

}  // namespace

struct DisagreementWorkflow::Machine : detail::Machine<DisagreementWorkflow::Machine, Active> {
  Machine(ClockBook& book, engine::Date sent, std::optional<FamilyWindows> windows)
      : detail::Machine<Machine, Active>("disagreement"), clocks(book, sent, windows) {}

  DisagreementClocks clocks;
  bool mediation = false;
  bool tribunal = false;
};

namespace {

using Machine = DisagreementWorkflow::Machine;

// Carrying out an order or an agreement may come at any point of the disagreement. So may the
// end of a mediation the family asked for before it appealed: an appeal does not take away the
// LA's duties to arrange the mediation (reg 37) and to issue its certificate (reg 39), so their
// clocks stay open beside the appeal and these events meet them (the appeal goes on as it was).
// accepts() lets them through only while such a clock is open.
struct Active : sc::simple_state<Active, Machine, Starting> {
  using reactions = mpl::push_front<
      mpl::push_front<mpl::push_front<ComplianceReactions, sc::custom_reaction<EvHeld>>::type,
                      sc::custom_reaction<EvDeclined>>::type,
      sc::custom_reaction<EvCertificate>>::type;
  template <typename Body>
  sc::result react(const Ev<Body>& e) {
    outermost_context().clocks.comply(e.event);
    return discard_event();
  }
  sc::result react(const EvHeld& e);
  sc::result react(const EvDeclined& e);
  sc::result react(const EvCertificate& e);
};

// The family appeals to the Tribunal: from any point before an appeal (with or without a
// certificate: the Tribunal may allow one without, HESC rule 19).
template <typename State>
sc::result lodge(State& state, const EvAppeal& e) {
  auto& m = state.outermost_context();
  m.check(m.clocks.appeal(e.event.on));
  m.tribunal = true;
  return state.template transit<Appealed>();
}

// Only until the first event is taken: it decides where the disagreement begins.
struct Starting : sc::simple_state<Starting, Active> {
  static constexpr std::string_view kName = "starting";
  using reactions = mpl::list<sc::custom_reaction<EvRequested>, sc::custom_reaction<EvDeclined>,
                              sc::custom_reaction<EvAppeal>>;
  sc::result react(const EvRequested& e);
  sc::result react(const EvDeclined& e);
  sc::result react(const EvAppeal& e) { return lodge(*this, e); }
};

struct AwaitingMediation : sc::simple_state<AwaitingMediation, Active> {
  static constexpr std::string_view kName = "awaiting_mediation";
  using reactions = mpl::list<sc::custom_reaction<EvHeld>, sc::custom_reaction<EvDeclined>,
                              sc::custom_reaction<EvCertificate>, sc::custom_reaction<EvAppeal>>;
  sc::result react(const EvHeld& e);
  sc::result react(const EvDeclined& e);
  sc::result react(const EvCertificate& e);
  sc::result react(const EvAppeal& e) { return lodge(*this, e); }
};

struct AwaitingCertificate : sc::simple_state<AwaitingCertificate, Active> {
  static constexpr std::string_view kName = "awaiting_certificate";
  using reactions = mpl::list<sc::custom_reaction<EvCertificate>, sc::custom_reaction<EvAppeal>>;
  sc::result react(const EvCertificate& e) {
    auto& m = outermost_context();
    m.clocks.meet("mediation_certificate", e.event.on);
    m.check(m.clocks.certificate(e.event.on));
    return transit<CertificateIssued>();
  }
  sc::result react(const EvAppeal& e) { return lodge(*this, e); }
};

// The family may now appeal; a disagreement the family takes no further stays here.
struct CertificateIssued : sc::simple_state<CertificateIssued, Active> {
  static constexpr std::string_view kName = "certificate_issued";
  using reactions = sc::custom_reaction<EvAppeal>;
  sc::result react(const EvAppeal& e) { return lodge(*this, e); }
};

// A Tribunal order, or the LA's notice that it will not oppose the appeal (reg 45).
void take_order(Machine& m, const EvOrder& e) {
  m.check(m.clocks.order(e.body.order, e.body.unopposed ? Ground::kUnopposed : Ground::kTribunal,
                         e.event.on));
  m.tribunal = true;
}

struct Appealed : sc::simple_state<Appealed, Active> {
  static constexpr std::string_view kName = "appealed";
  using reactions = mpl::list<sc::custom_reaction<EvDecided>, sc::custom_reaction<EvOrder>>;
  sc::result react(const EvDecided& e);
  sc::result react(const EvOrder& e) {
    take_order(outermost_context(), e);
    return transit<Ordered>();
  }
};

// A state whose only way on is an order.
template <typename Self>
struct AwaitingOrders : sc::simple_state<Self, Active> {
  using reactions = sc::custom_reaction<EvOrder>;
  sc::result react(const EvOrder& e) {
    take_order(this->outermost_context(), e);
    return this->template transit<Ordered>();
  }
};

// The Tribunal allowed the appeal: its orders follow.
struct AppealAllowed : AwaitingOrders<AppealAllowed> {
  static constexpr std::string_view kName = "appeal_allowed";
};

// An appeal against ceasing that is dismissed lets the LA cease (order cease_dismissed).
struct AppealDismissed : AwaitingOrders<AppealDismissed> {
  static constexpr std::string_view kName = "appeal_dismissed";
};

struct AppealWithdrawn : sc::simple_state<AppealWithdrawn, Active> {
  static constexpr std::string_view kName = "appeal_withdrawn";
};

struct Ordered : sc::simple_state<Ordered, Active> {
  static constexpr std::string_view kName = "carrying_out_orders";
  using reactions =
      mpl::list<sc::custom_reaction<EvOrder>, sc::custom_reaction<EvDecided>,
                sc::custom_reaction<EvAssessDecision>, sc::custom_reaction<EvReassessDecision>,
                sc::custom_reaction<EvIssueDecision>, sc::custom_reaction<EvDraft>,
                sc::custom_reaction<EvFinal>, sc::custom_reaction<EvAmended>,
                sc::custom_reaction<EvCeased>, sc::custom_reaction<EvCarriedOut>>;
  sc::result react(const EvOrder& e) {
    take_order(outermost_context(), e);
    return discard_event();
  }
  // The decision recorded after its orders: nothing more to do. A second one is refused.
  sc::result react(const EvDecided&) {
    auto& m = outermost_context();
    if (auto again = m.repeated()) {
      m.fail(std::move(*again));
    }
    return discard_event();
  }
  template <typename Body>
  sc::result react(const Ev<Body>& e) {
    auto& m = outermost_context();
    m.clocks.comply(e.event);
    return m.clocks.any_open_limb() ? discard_event() : transit<Complied>();
  }
};

// Every order carried out. A further order (recorded later) starts again.
struct Complied : AwaitingOrders<Complied> {
  static constexpr std::string_view kName = "orders_carried_out";
};

sc::result Starting::react(const EvRequested& e) {
  auto& m = outermost_context();
  m.check(m.clocks.contacted_adviser(e.event.on));
  m.check(m.clocks.open("mediation_held", e.event.on));
  m.mediation = true;
  return transit<AwaitingMediation>();
}

sc::result Starting::react(const EvDeclined& e) {
  auto& m = outermost_context();
  m.check(m.clocks.contacted_adviser(e.event.on));
  m.check(m.clocks.open("mediation_certificate", e.event.on));  // reg 34: told of the decline
  return transit<AwaitingCertificate>();
}

// What a mediation's end does to the clocks, in whichever state it comes: held (reg 39; with an
// agreement, its limbs, reg 42(2)) or declined (reg 34), the certificate is then due.
void mediation_held(Machine& m, const EvHeld& e) {
  m.clocks.meet("mediation_held", e.event.on);
  m.check(m.clocks.open("mediation_certificate", e.event.on));
  if (e.body.agreement) {
    m.check(m.clocks.order(*e.body.agreement, Ground::kAgreement, e.event.on));
  }
}

void mediation_declined(Machine& m, const EvDeclined& e) {
  m.clocks.end("mediation_held", e.event.on);
  m.check(m.clocks.open("mediation_certificate", e.event.on));
}

sc::result AwaitingMediation::react(const EvHeld& e) {
  mediation_held(outermost_context(), e);
  return transit<AwaitingCertificate>();
}

// The family changed its mind: no mediation, so a certificate instead (reg 34).
sc::result AwaitingMediation::react(const EvDeclined& e) {
  mediation_declined(outermost_context(), e);
  return transit<AwaitingCertificate>();
}

// A certificate without mediation: it could not be arranged in time, or the family withdrew.
sc::result AwaitingMediation::react(const EvCertificate& e) {
  auto& m = outermost_context();
  m.clocks.end("mediation_held", e.event.on);
  m.check(m.clocks.certificate(e.event.on));
  return transit<CertificateIssued>();
}

// The mediation asked for before the appeal ends beside it; the appeal goes on as it was.
// Outside those, no state takes them: forwarded from here, they are refused naming the state.
sc::result Active::react(const EvHeld& e) {
  auto& m = outermost_context();
  if (!m.clocks.has_open("mediation_held")) {
    return forward_event();
  }
  mediation_held(m, e);
  return discard_event();
}

sc::result Active::react(const EvDeclined& e) {
  auto& m = outermost_context();
  if (!m.clocks.has_open("mediation_held")) {
    return forward_event();
  }
  mediation_declined(m, e);
  return discard_event();
}

// After an appeal the certificate no longer moves the appeal window (the family is already
// before the Tribunal): it meets the certificate clock, or ends a mediation never held.
sc::result Active::react(const EvCertificate& e) {
  auto& m = outermost_context();
  if (!m.clocks.has_open("mediation_certificate") && !m.clocks.has_open("mediation_held")) {
    return forward_event();
  }
  if (!m.clocks.meet("mediation_certificate", e.event.on)) {
    m.clocks.end("mediation_held", e.event.on);
  }
  return discard_event();
}

sc::result Appealed::react(const EvDecided& e) {
  switch (e.body.outcome) {
    case engine::AppealOutcome::kAllowed:
      return transit<AppealAllowed>();
    case engine::AppealOutcome::kDismissed:
      return transit<AppealDismissed>();
    case engine::AppealOutcome::kWithdrawn:
      break;
  }
  return transit<AppealWithdrawn>();
}

std::string_view state_of(const Machine& m) {
  if (detail::is_in<Starting>(m)) return Starting::kName;
  if (detail::is_in<AwaitingMediation>(m)) return AwaitingMediation::kName;
  if (detail::is_in<AwaitingCertificate>(m)) return AwaitingCertificate::kName;
  if (detail::is_in<CertificateIssued>(m)) return CertificateIssued::kName;
  if (detail::is_in<Appealed>(m)) return Appealed::kName;
  if (detail::is_in<AppealAllowed>(m)) return AppealAllowed::kName;
  if (detail::is_in<AppealDismissed>(m)) return AppealDismissed::kName;
  if (detail::is_in<AppealWithdrawn>(m)) return AppealWithdrawn::kName;
  if (detail::is_in<Ordered>(m)) return Ordered::kName;
  return Complied::kName;
}

// Where a disagreement has nothing more to come, once no order limb is open.
bool at_an_end(const Machine& m) {
  return (detail::is_in<AppealWithdrawn>(m) || detail::is_in<AppealDismissed>(m) ||
          detail::is_in<Complied>(m)) &&
         !m.clocks.any_open_limb();
}

}  // namespace

DisagreementWorkflow::DisagreementWorkflow(ClockBook& book, engine::Date decision_sent,
                                           const engine::Event& first,
                                           std::optional<FamilyWindows> windows)
    : machine_(std::make_unique<Machine>(book, decision_sent, windows)),
      decision_sent_(decision_sent),
      opened_(first.on) {
  machine_->initiate();
  machine_->state_name = state_of(*machine_);
  started_ = apply(first);
}

DisagreementWorkflow::~DisagreementWorkflow() = default;

bool DisagreementWorkflow::takes(engine::EventType type) { return Takes::has(type); }

engine::Status DisagreementWorkflow::apply(const engine::Event& event) {
  Machine& m = *machine_;
  if (!Takes::dispatch(m, event) && !CarriesOut::dispatch(m, event)) {
    return engine::Status::internal("the disagreement was given a " +
                                    std::string(engine::to_string(event.type())));
  }
  m.state_name = state_of(m);
  if (at_an_end(m)) {
    closed_ = closed_.value_or(event.on);
  } else {
    closed_.reset();  // an order after a dismissal, say: there is more to do
  }
  return m.take_error();
}

bool DisagreementWorkflow::awaits(const engine::Event& event) const {
  return machine_->clocks.awaits(event);
}

bool DisagreementWorkflow::accepts(engine::EventType type) const {
  // The same table as the states' reactions, read by name.
  const auto& state = machine_->state_name;
  const auto in = [&](std::initializer_list<std::string_view> states) {
    return std::find(states.begin(), states.end(), state) != states.end();
  };
  const auto& clocks = machine_->clocks;
  using T = engine::EventType;
  switch (type) {
    // Before an appeal or beside one, a mediation's events are taken while their clock is open
    // (only awaiting_mediation has mediation_held open before an appeal, and only it and
    // awaiting_certificate mediation_certificate).
    case T::kMediationDeclined:
    case T::kMediationHeld:
      return clocks.has_open("mediation_held");
    case T::kMediationCertificateIssued:
      return clocks.has_open("mediation_held") || clocks.has_open("mediation_certificate");
    case T::kAppealLodged:
      return in({AwaitingMediation::kName, AwaitingCertificate::kName, CertificateIssued::kName});
    case T::kAppealDecided:
      return in({Appealed::kName, Ordered::kName});
    case T::kTribunalOrder:
      return in({Appealed::kName, AppealAllowed::kName, AppealDismissed::kName, Ordered::kName,
                 Complied::kName});
    default:
      return false;
  }
}

void DisagreementWorkflow::plan_already_ceased(engine::Date on) {
  machine_->clocks.meet_cease_limbs(on);
}

void DisagreementWorkflow::close(engine::Date on) {
  machine_->clocks.close(on);
  if (!closed_) {
    closed_ = on;
  }
}

void DisagreementWorkflow::close_unused_windows() { machine_->clocks.close_unused_windows(); }

std::string DisagreementWorkflow::state() const { return machine_->state_name; }

std::vector<std::string> DisagreementWorkflow::flags() const {
  std::vector<std::string> out;
  if (machine_->mediation) {
    out.emplace_back("mediation");
  }
  if (machine_->tribunal) {
    out.emplace_back("tribunal");
  }
  return out;
}

}  // namespace ehcp::workflows::disagreement
