#include "workflows/custody/custody_workflow.h"

#include <string_view>

#include <boost/mpl/list.hpp>
#include <boost/statechart/custom_reaction.hpp>
#include <boost/statechart/event.hpp>
#include <boost/statechart/simple_state.hpp>
#include <boost/statechart/state_machine.hpp>
#include <boost/statechart/transition.hpp>

#include "workflows/clock_names.h"
#include "workflows/detail/engine_event.h"

namespace ehcp::workflows::custody {
namespace sc = boost::statechart;
namespace mpl = boost::mpl;

namespace {

// The engine events this workflow takes, each dispatched as its own statechart event.
using Takes = detail::EventList<engine::CustodyPlanShared, engine::CustodyEnded>;

using EvShared = detail::EngineEvent<engine::CustodyPlanShared>;
using EvEnded = detail::EngineEvent<engine::CustodyEnded>;
// Where the detention starts: with a plan to share, or with none.
struct EvWithPlan : sc::event<EvWithPlan> {};

struct Detained;
struct SharingPlan;
struct WithoutPlan;
struct PlanShared;
struct Released;

}  // namespace

struct CustodyWorkflow::Machine : detail::Machine<CustodyWorkflow::Machine, Detained> {
  explicit Machine(ClockBook& b) : detail::Machine<Machine, Detained>("custody"), book(b) {}

  ClockBook& book;
  std::optional<engine::Date> released_on;
};

namespace {

using Machine = CustodyWorkflow::Machine;

// The detention, whatever became of the plan: it ends with the release.
struct Detained : sc::simple_state<Detained, Machine, WithoutPlan> {
  using reactions = sc::custom_reaction<EvEnded>;
  sc::result react(const EvEnded& e) {
    auto& m = outermost_context();
    m.book.end(clocks::kCustodySharePlan, e.event.on);  // a plan still unshared: moot once released
    m.released_on = e.event.on;
    return transit<Released>();
  }
};

struct WithoutPlan : sc::simple_state<WithoutPlan, Detained> {
  static constexpr std::string_view kName = "detained";
  using reactions = sc::transition<EvWithPlan, SharingPlan>;
};

struct SharingPlan : sc::simple_state<SharingPlan, Detained> {
  static constexpr std::string_view kName = "sharing_plan";
  using reactions = sc::custom_reaction<EvShared>;
  sc::result react(const EvShared& e) {
    outermost_context().book.meet(clocks::kCustodySharePlan, e.event.on);
    return transit<PlanShared>();
  }
};

struct PlanShared : sc::simple_state<PlanShared, Detained> {
  static constexpr std::string_view kName = "plan_shared";
};

struct Released : sc::simple_state<Released, Machine> {
  static constexpr std::string_view kName = "released";
};

std::string_view state_of(const Machine& m) {
  if (detail::is_in<SharingPlan>(m)) return SharingPlan::kName;
  if (detail::is_in<PlanShared>(m)) return PlanShared::kName;
  if (detail::is_in<Released>(m)) return Released::kName;
  return WithoutPlan::kName;
}

}  // namespace

CustodyWorkflow::CustodyWorkflow(ClockBook& book, engine::Date notified_on, bool with_plan)
    : machine_(std::make_unique<Machine>(book)), opened_(notified_on) {
  machine_->initiate();
  if (with_plan) {
    started_ = book.open(clocks::kCustodySharePlan, kWorkflow, notified_on);
    machine_->process_event(EvWithPlan());
  }
  machine_->state_name = state_of(*machine_);
}

CustodyWorkflow::~CustodyWorkflow() = default;

bool CustodyWorkflow::takes(engine::EventType type) { return Takes::has(type); }

engine::Status CustodyWorkflow::apply(const engine::Event& event) {
  Machine& m = *machine_;
  if (!Takes::dispatch(m, event)) {
    return engine::Status::internal("the custody was given a " +
                                    std::string(engine::to_string(event.type())));
  }
  m.state_name = state_of(m);
  if (m.released_on && !closed_) {
    closed_ = m.released_on;
  }
  return m.take_error();
}

void CustodyWorkflow::close(engine::Date on) {
  machine_->book.end(clocks::kCustodySharePlan, on);
  if (!closed_) {
    closed_ = on;
  }
}

std::string CustodyWorkflow::state() const { return machine_->state_name; }

}  // namespace ehcp::workflows::custody
