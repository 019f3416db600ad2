#include "workflows/move/move_out_workflow.h"

#include <algorithm>
#include <string_view>

#include <boost/mpl/list.hpp>
#include <boost/statechart/custom_reaction.hpp>
#include <boost/statechart/event.hpp>
#include <boost/statechart/simple_state.hpp>
#include <boost/statechart/state_machine.hpp>
#include <boost/statechart/transition.hpp>

#include "workflows/clock_names.h"
#include "workflows/detail/engine_event.h"

namespace ehcp::workflows::move {
namespace sc = boost::statechart;
namespace mpl = boost::mpl;

namespace {

using EvSent = detail::EngineEvent<engine::PlanTransferred>;
// Where the move starts: with a plan to send, or with none.
struct EvWithPlan : sc::event<EvWithPlan> {};
struct EvWithoutPlan : sc::event<EvWithoutPlan> {};

struct Starting;
struct SendingPlan;
struct PlanSent;
struct MovedAway;

}  // namespace

struct MoveOutWorkflow::Machine : detail::Machine<MoveOutWorkflow::Machine, Starting> {
  explicit Machine(ClockBook& b) : detail::Machine<Machine, Starting>("move"), book(b) {}

  ClockBook& book;
  std::optional<engine::Date> sent_on;
};

namespace {

using Machine = MoveOutWorkflow::Machine;

struct Starting : sc::simple_state<Starting, Machine> {
  static constexpr std::string_view kName = "starting";
  using reactions =
      mpl::list<sc::transition<EvWithPlan, SendingPlan>, sc::transition<EvWithoutPlan, MovedAway>>;
};

struct SendingPlan : sc::simple_state<SendingPlan, Machine> {
  static constexpr std::string_view kName = "sending_plan";
  using reactions = sc::custom_reaction<EvSent>;
  sc::result react(const EvSent& e) {
    auto& m = outermost_context();
    m.book.meet(clocks::kTransferOut, e.event.on);
    m.sent_on = e.event.on;
    return transit<PlanSent>();
  }
};

// Outcomes: no reactions, so a second plan_transferred is rejected naming them.
struct PlanSent : sc::simple_state<PlanSent, Machine> {
  static constexpr std::string_view kName = "plan_sent";
};
struct MovedAway : sc::simple_state<MovedAway, Machine> {
  static constexpr std::string_view kName = "moved_away";  // no plan to send
};

std::string_view state_of(const Machine& m) {
  if (detail::is_in<SendingPlan>(m)) return SendingPlan::kName;
  if (detail::is_in<PlanSent>(m)) return PlanSent::kName;
  if (detail::is_in<MovedAway>(m)) return MovedAway::kName;
  return Starting::kName;
}

}  // namespace

MoveOutWorkflow::MoveOutWorkflow(ClockBook& book, engine::Date moved_on, engine::Date aware_on,
                                 bool with_plan)
    : machine_(std::make_unique<Machine>(book)), opened_(moved_on) {
  machine_->initiate();
  if (with_plan) {
    // Due the day of the move, or 15 working days beginning with awareness when that is later
    // (the LA did not know 15 working days ahead): one clock, the later of its two limbs.
    // It starts with the move, or with the LA learning of it afterwards: before the move is
    // recorded nobody can see it, whenever the LA first heard of it.
    const std::size_t index = book.clocks().size();
    started_ = book.open(clocks::kTransferOut, kWorkflow, std::max(aware_on, moved_on), moved_on);
    if (started_.ok() && !book.extend_to_later(index, "aware", aware_on)) {
      started_ = engine::Status::internal("no rule pack has limb 'aware' of clock 'transfer_out'");
    }
    machine_->process_event(EvWithPlan());
  } else {
    machine_->process_event(EvWithoutPlan());
    closed_ = moved_on;
  }
  machine_->state_name = state_of(*machine_);
}

MoveOutWorkflow::~MoveOutWorkflow() = default;

engine::Status MoveOutWorkflow::apply(const engine::Event& event) {
  Machine& m = *machine_;
  if (!detail::EventList<engine::PlanTransferred>::dispatch(m, event)) {
    return engine::Status::internal("the move was given a " +
                                    std::string(engine::to_string(event.type())));
  }
  m.state_name = state_of(m);
  if (m.sent_on && !closed_) {
    closed_ = std::max(*m.sent_on, opened_);
  }
  return m.take_error();
}

void MoveOutWorkflow::close(engine::Date on) {
  machine_->book.end(clocks::kTransferOut, on);
  if (!closed_) {
    closed_ = on;
  }
}

bool MoveOutWorkflow::awaits_plan() const { return machine_->state_name == SendingPlan::kName; }

std::string MoveOutWorkflow::state() const { return machine_->state_name; }

}  // namespace ehcp::workflows::move
