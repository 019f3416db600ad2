// workflows/detail/engine_event.h
//
// The plumbing every Boost.Statechart machine here shares: one statechart event type per engine
// event body (states react by type), dispatching an engine::Event to a machine as that type, and
// asking a machine which state it is in. Only the machines include this.
#pragma once

#include <string>
#include <variant>

#include <boost/statechart/event.hpp>

#include "engine/event.h"
#include "engine/status.h"

namespace ehcp::workflows::detail {

// The statechart event for the engine event whose body is a `Body`.
template <typename Body>
struct EngineEvent : boost::statechart::event<EngineEvent<Body>> {
  EngineEvent(const engine::Event& e, const Body& b) : event(e), body(b) {}
  const engine::Event& event;
  const Body& body;
};

// Processes `e` (whose body must be a `Body`) in machine `m`.
template <typename Body, typename Machine>
void dispatch(Machine& m, const engine::Event& e) {
  m.process_event(EngineEvent<Body>(e, std::get<Body>(e.body)));
}

// True while `m` is in state `State`.
template <typename State, typename Machine>
bool is_in(const Machine& m) {
  return m.template state_cast<const State*>() != nullptr;
}

// The first problem `m`'s reactions met (its `error`), as an InvalidTransition; clears it, so
// a rejected event leaves the machine ready for the next one. Ok when there was none.
template <typename Machine>
engine::Status take_error(Machine& m) {
  if (m.error.empty()) {
    return {};
  }
  std::string error = std::move(m.error);
  m.error.clear();
  return engine::Status::invalid_transition(std::move(error));
}

}  // namespace ehcp::workflows::detail
