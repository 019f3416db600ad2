#include "workflows/move/move_in_workflow.h"

#include <string_view>

#include <boost/statechart/custom_reaction.hpp>
#include <boost/statechart/simple_state.hpp>
#include <boost/statechart/state_machine.hpp>

#include "workflows/clock_names.h"
#include "workflows/detail/engine_event.h"

namespace ehcp::workflows::move {
namespace sc = boost::statechart;

namespace {

using EvNotice = detail::EngineEvent<engine::TransferNoticeSent>;

struct AwaitingNotice;
struct NoticeSent;

}  // namespace

struct MoveInWorkflow::Machine : detail::Machine<MoveInWorkflow::Machine, AwaitingNotice> {
  explicit Machine(ClockBook& b)
      : detail::Machine<Machine, AwaitingNotice>("transfer in"), book(b) {}

  ClockBook& book;
  std::optional<engine::Date> notified_on;
};

namespace {

using Machine = MoveInWorkflow::Machine;

struct AwaitingNotice : sc::simple_state<AwaitingNotice, Machine> {
  static constexpr std::string_view kName = "awaiting_notice";
  using reactions = sc::custom_reaction<EvNotice>;
  sc::result react(const EvNotice& e) {
    auto& m = outermost_context();
    m.book.meet(clocks::kTransferInNotice, e.event.on);
    m.notified_on = e.event.on;
    return transit<NoticeSent>();
  }
};

// The plan goes on under its reviews; nothing more for the transfer itself.
struct NoticeSent : sc::simple_state<NoticeSent, Machine> {
  static constexpr std::string_view kName = "notice_sent";
};

std::string_view state_of(const Machine& m) {
  return detail::is_in<AwaitingNotice>(m) ? AwaitingNotice::kName : NoticeSent::kName;
}

}  // namespace

MoveInWorkflow::MoveInWorkflow(ClockBook& book, engine::Date transferred_on)
    : machine_(std::make_unique<Machine>(book)), opened_(transferred_on) {
  started_ = book.open(clocks::kTransferInNotice, kWorkflow, transferred_on);
  machine_->initiate();
  machine_->state_name = state_of(*machine_);
}

MoveInWorkflow::~MoveInWorkflow() = default;

engine::Status MoveInWorkflow::apply(const engine::Event& event) {
  Machine& m = *machine_;
  if (!detail::EventList<engine::TransferNoticeSent>::dispatch(m, event)) {
    return engine::Status::internal("the transfer in was given a " +
                                    std::string(engine::to_string(event.type())));
  }
  m.state_name = state_of(m);
  if (m.notified_on && !closed_) {
    closed_ = m.notified_on;
  }
  return m.take_error();
}

void MoveInWorkflow::close(engine::Date on) {
  if (awaits_notice()) {
    machine_->book.end(clocks::kTransferInNotice, on);
  }
  if (!closed_) {
    closed_ = on;
  }
}

bool MoveInWorkflow::awaits_notice() const { return machine_->state_name == AwaitingNotice::kName; }

std::string MoveInWorkflow::state() const { return machine_->state_name; }

}  // namespace ehcp::workflows::move
