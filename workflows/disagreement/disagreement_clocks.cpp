#include "workflows/disagreement/disagreement_clocks.h"

#include <algorithm>

namespace ehcp::workflows::disagreement {

engine::Result<FamilyWindows> open_family_windows(ClockBook& book, engine::Date sent) {
  const std::size_t contact = book.clocks().size();
  if (auto status = book.open("mediation_contact", kWorkflow, sent); !status.ok()) {
    return status;
  }
  if (auto status = book.open("appeal_window", kWorkflow, sent); !status.ok()) {
    book.clocks().pop_back();  // nothing half-opened
    return status;
  }
  return FamilyWindows{contact, contact + 1};
}

void end_family_windows(ClockBook& book, const FamilyWindows& w, engine::Date on) {
  for (const std::size_t index : {w.contact, w.appeal}) {
    engine::Clock& c = book.clocks()[index];
    if (!c.met_on && !c.ended_on) {
      c.ended_on = on;
    }
  }
}

void close_unused_window(engine::Clock& c) {
  const engine::Date closes = c.due + date::days{1};
  if ((!c.met_on || *c.met_on > c.due) && (!c.ended_on || *c.ended_on > closes)) {
    c.ended_on = closes;
  }
}

DisagreementClocks::DisagreementClocks(ClockBook& book, engine::Date decision_sent,
                                       std::optional<FamilyWindows> windows)
    : book_(book), decision_sent_(decision_sent) {
  if (windows) {
    contact_window_ = windows->contact;
    appeal_window_ = windows->appeal;
    mine_.push_back(windows->contact);
    mine_.push_back(windows->appeal);
  }
}

engine::Result<std::size_t> DisagreementClocks::open_limb(const std::string& name,
                                                          engine::Date start,
                                                          const std::string& limb) {
  const std::size_t index = book_.clocks().size();
  if (auto status = book_.open(name, kWorkflow, start, start, limb); !status.ok()) {
    return status;
  }
  mine_.push_back(index);
  return index;
}

engine::Status DisagreementClocks::open(const std::string& name, engine::Date start) {
  auto opened = open_limb(name, start, {});
  return opened.ok() ? engine::Status{} : opened.status();
}

bool DisagreementClocks::is_open(std::size_t index) const {
  const engine::Clock& c = book_.clocks()[index];
  return !c.met_on && !c.ended_on;
}

engine::Clock* DisagreementClocks::open_clock(std::size_t index) {
  return is_open(index) ? &book_.clocks()[index] : nullptr;
}

engine::Clock* DisagreementClocks::find_open(std::string_view name) {
  for (auto it = mine_.rbegin(); it != mine_.rend(); ++it) {
    engine::Clock* c = open_clock(*it);
    if (c != nullptr && c->name == name) {
      return c;
    }
  }
  return nullptr;
}

bool DisagreementClocks::meet(std::string_view name, engine::Date on) {
  engine::Clock* c = find_open(name);
  if (c != nullptr) {
    c->met_on = on;
  }
  return c != nullptr;
}

bool DisagreementClocks::has_open(std::string_view name) const {
  return std::any_of(mine_.begin(), mine_.end(),
                     [&](std::size_t i) { return is_open(i) && book_.clocks()[i].name == name; });
}

bool DisagreementClocks::end(std::string_view name, engine::Date on) {
  engine::Clock* c = find_open(name);
  if (c != nullptr) {
    c->ended_on = on;
  }
  return c != nullptr;
}

engine::Status DisagreementClocks::ensure_appeal_window() {
  if (appeal_window_) {
    return {};
  }
  auto opened = open_limb("appeal_window", decision_sent_, {});
  if (!opened.ok()) {
    return opened.status();
  }
  appeal_window_ = opened.value();
  return {};
}

engine::Status DisagreementClocks::contacted_adviser(engine::Date on) {
  if (!contact_window_) {
    auto opened = open_limb("mediation_contact", decision_sent_, {});
    if (!opened.ok()) {
      return opened.status();
    }
    contact_window_ = opened.value();
  }
  if (engine::Clock* c = open_clock(*contact_window_)) {
    c->met_on = on;
  }
  return ensure_appeal_window();
}

engine::Status DisagreementClocks::appeal(engine::Date on) {
  if (auto status = ensure_appeal_window(); !status.ok()) {
    return status;
  }
  if (engine::Clock* c = open_clock(*appeal_window_)) {
    c->met_on = on;
  }
  if (contact_window_) {
    if (engine::Clock* c = open_clock(*contact_window_)) {
      c->ended_on = on;
    }
  }
  return {};
}

engine::Status DisagreementClocks::certificate(engine::Date on) {
  if (auto status = ensure_appeal_window(); !status.ok()) {
    return status;
  }
  if (book_.clocks()[*appeal_window_].met_on) {
    return {};  // the family appealed before the certificate came
  }
  if (!book_.extend_to_later(*appeal_window_, "certificate", on)) {
    return engine::Status::internal(
        "no rule pack has the appeal window's month from the mediation certificate");
  }
  return {};
}

engine::Status DisagreementClocks::order(engine::OrderKind kind, Ground ground, engine::Date on) {
  for (const Limb& limb : limbs_) {
    if (limb.kind == kind && limb.ground == ground && is_open(limb.clock)) {
      return engine::Status::invalid_transition(
          "the " + order_clock(kind) + " of " +
          engine::format_date(book_.clocks()[limb.clock].start) + " is still being carried out");
    }
  }
  for (const std::string_view step : order_steps(kind)) {
    auto opened = open_limb(order_clock(kind), on, limb_name(ground, step));
    if (!opened.ok()) {
      return opened.status();
    }
    limbs_.push_back({opened.value(), kind, ground, step});
  }
  return {};
}

void DisagreementClocks::comply(const engine::Event& e) {
  for (const Limb& limb : limbs_) {
    engine::Clock* c = open_clock(limb.clock);
    if (c == nullptr) {
      continue;
    }
    switch (limb_effect(limb.kind, limb.step, e)) {
      case LimbEffect::kMeets:
        c->met_on = e.on;
        break;
      case LimbEffect::kEnds:
        c->ended_on = e.on;
        break;
      case LimbEffect::kNone:
        break;
    }
  }
}

bool DisagreementClocks::awaits(const engine::Event& e) const {
  return std::any_of(limbs_.begin(), limbs_.end(), [&](const Limb& limb) {
    return is_open(limb.clock) && limb_effect(limb.kind, limb.step, e) != LimbEffect::kNone;
  });
}

bool DisagreementClocks::any_open_limb() const {
  return std::any_of(limbs_.begin(), limbs_.end(),
                     [&](const Limb& limb) { return is_open(limb.clock); });
}

void DisagreementClocks::meet_cease_limbs(engine::Date on) {
  for (const Limb& limb : limbs_) {
    if (limb.kind == engine::OrderKind::kCeaseDismissed) {
      if (engine::Clock* c = open_clock(limb.clock)) {
        c->met_on = on;
      }
    }
  }
}

void DisagreementClocks::close(engine::Date on) {
  for (const std::size_t index : mine_) {
    if (engine::Clock* c = open_clock(index)) {
      c->ended_on = on;
    }
  }
}

void DisagreementClocks::close_unused_windows() {
  for (const std::optional<std::size_t>& index : {contact_window_, appeal_window_}) {
    if (index) {
      close_unused_window(book_.clocks()[*index]);
    }
  }
}

}  // namespace ehcp::workflows::disagreement
