// workflows/detail/engine_event.h
//
// The plumbing every Boost.Statechart machine here shares: one statechart event type per engine
// event body (states react by type), the list of bodies a machine takes (so that which types it
// takes and how each is dispatched are written once), the machine base that keeps the first
// problem a reaction met, the current state's name and the day each kind of event was first
// taken (so that a second decision is refused naming the first: repeated_event.h), and asking
// a machine which state it is in. Only the machines include this.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>

#include <boost/statechart/event.hpp>
#include <boost/statechart/state_machine.hpp>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/detail/repeated_event.h"

namespace ehcp::workflows::detail {

// The statechart event for the engine event whose body is a `Body`.
template <typename Body>
struct EngineEvent : boost::statechart::event<EngineEvent<Body>> {
  EngineEvent(const engine::Event& e, const Body& b) : event(e), body(b) {}
  const engine::Event& event;
  const Body& body;
};

// Processes `e` (whose body must be a `Body`) in machine `m`, noting the day of the first of
// its type that `m` took without a problem.
template <typename Body, typename Machine>
void dispatch(Machine& m, const engine::Event& e) {
  m.current = &e;
  m.process_event(EngineEvent<Body>(e, std::get<Body>(e.body)));
  m.current = nullptr;
  if (m.error.empty()) {
    m.first_taken.emplace(e.type(), e.on);
  }
}

// The EventType of the events whose body is a `Body`: its place in engine::EventBody.
template <typename Body, typename Variant = engine::EventBody>
struct TypeOf;
template <typename Body, typename... Alternatives>
struct TypeOf<Body, std::variant<Alternatives...>> {
  static constexpr engine::EventType value = [] {
    constexpr bool same[] = {std::is_same_v<Body, Alternatives>...};
    std::size_t i = 0;
    while (!same[i]) {
      ++i;
    }
    return static_cast<engine::EventType>(i);
  }();
};

// The event bodies a machine takes.
template <typename... Bodies>
struct EventList {
  // True for the types of these bodies.
  static constexpr bool has(engine::EventType type) {
    return ((type == TypeOf<Bodies>::value) || ...);
  }
  // Processes `e` in `m` as the statechart event of its body; false (nothing processed) when
  // its body is none of these.
  template <typename Machine>
  static bool dispatch(Machine& m, const engine::Event& e) {
    return ((std::holds_alternative<Bodies>(e.body) && (detail::dispatch<Bodies>(m, e), true)) ||
            ...);
  }
};

// A workflow's Boost.Statechart machine: `MostDerived` adds what its reactions share. An event
// no state reacts to is refused naming what it repeats, when it happens once and the machine
// took one already ("the review decision was already made on 3 December 2026"), else naming
// the state ("cannot be taken while the review is amending"); a reaction that cannot do its part
// says why with fail(); apply() then returns take_error().
template <typename MostDerived, typename InitialState>
class Machine : public boost::statechart::state_machine<MostDerived, InitialState> {
 public:
  // `noun` names the workflow in messages: "re-assessment".
  explicit Machine(const char* noun) : noun_(noun) {}

  // Called by Boost.Statechart when no state reacts: the event cannot happen where it stands.
  void unconsumed_event(const boost::statechart::event_base&) {
    if (auto again = repeated()) {
      fail(std::move(*again));
      return;
    }
    fail("cannot be taken while the " + std::string(noun_) + " is " + state_name);
  }
  // While an engine event is being taken: what it repeats and when ("the final plan was
  // already issued on 5 October 2026"), when it happens once in a workflow and this machine
  // took one already; else nullopt.
  std::optional<std::string> repeated() const {
    if (current == nullptr) {
      return std::nullopt;
    }
    const auto first = first_taken.find(current->type());
    auto what = already_done(current->type(), noun_);
    if (first == first_taken.end() || !what) {
      return std::nullopt;
    }
    return already_on(*what, first->second);
  }
  // Keeps the first problem met since the last take_error().
  void fail(std::string reason) {
    if (error.empty()) {
      error = std::move(reason);
    }
  }
  // Keeps the problem of `status`, if it has one.
  void check(const engine::Status& status) {
    if (!status.ok()) {
      fail(status.message());
    }
  }
  // The first problem met, as an InvalidTransition; clears it, so that a refused event leaves
  // the machine ready for the next one. Ok when there was none.
  engine::Status take_error() {
    if (error.empty()) {
      return {};
    }
    std::string taken = std::move(error);
    error.clear();
    return engine::Status::invalid_transition(std::move(taken));
  }

  std::string error;
  std::string state_name;  // the current state's kName, set by apply() after each event
  const engine::Event* current = nullptr;  // the engine event being taken, while it is
  std::map<engine::EventType, engine::Date> first_taken;  // each type's first, taken without fault

 private:
  const char* noun_;
};

// True while `m` is in state `State`.
template <typename State, typename Machine>
bool is_in(const Machine& m) {
  return m.template state_cast<const State*>() != nullptr;
}

}  // namespace ehcp::workflows::detail
