// workflows/disagreement/disagreement_clocks.h
//
// The clocks one disagreement owns in its case's ClockBook: the family's windows (contact with
// the mediation adviser, the appeal), mediation and its certificate, and one clock per limb of
// each order it must carry out. Every disagreement of a case shares the book and the clock
// names, so each finds its own clocks by their place in the book, never by name alone. The
// disagreement machine's reactions call these; the rule pack decides each due date. Not
// copyable; one per disagreement.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/clock_book.h"
#include "workflows/disagreement/order_limbs.h"

namespace ehcp::workflows::disagreement {

inline constexpr const char* kWorkflow = "disagreement";

// The family's two windows a decision opens on the day its notice is sent, by place in the
// book: mediation_contact (reg 33) and appeal_window (HESC rule 20(1)(c)). They are the
// family's to meet, never the LA's: one let pass no longer applies from the day after it closed.
struct FamilyWindows {
  std::size_t contact;
  std::size_t appeal;
};

// Opens both windows from a decision notice sent on `sent`.
engine::Result<FamilyWindows> open_family_windows(ClockBook& book, engine::Date sent);
// Ends those of `w` still open on `on` (the case closed, the child moved away).
void end_family_windows(ClockBook& book, const FamilyWindows& w, engine::Date on);
// A window let pass (or met late) no longer applies from the day after it closed.
void close_unused_window(engine::Clock& window);

class DisagreementClocks {
 public:
  // `windows`: those the decision opened when it was recorded, which this disagreement takes
  // over; without them it opens its own from `decision_sent` as the family's steps need them.
  DisagreementClocks(ClockBook& book, engine::Date decision_sent,
                     std::optional<FamilyWindows> windows = std::nullopt);
  DisagreementClocks(const DisagreementClocks&) = delete;
  DisagreementClocks& operator=(const DisagreementClocks&) = delete;

  // Opens clock `name` from `start` (its rule's limit counted from the same day). Fails when no
  // rule pack in force then has the clock.
  engine::Status open(const std::string& name, engine::Date start);
  // Meets, or ends, this disagreement's latest open clock `name` on `on`; false when none.
  bool meet(std::string_view name, engine::Date on);
  bool end(std::string_view name, engine::Date on);
  // True when this disagreement has clock `name` open.
  bool has_open(std::string_view name) const;

  // The family contacted the mediation adviser on `on` and said whether it wants mediation
  // (reg 33): mediation_contact, from the decision notice, met that day; the appeal window runs
  // from the notice too.
  engine::Status contacted_adviser(engine::Date on);
  // The family appealed on `on`: the appeal window is met (opened from the decision notice when
  // the decision did not open it), and a contact window still open no longer applies (the
  // family went to the Tribunal without a certificate: an appeal about the school named only,
  // or one the Tribunal allows without, HESC rule 19).
  engine::Status appeal(engine::Date on);
  // A certificate issued on `on`: the appeal window becomes the later of 2 months from the
  // decision and a month from the certificate (HESC rule 20(1)(c)). Nothing when the family has
  // already appealed.
  engine::Status certificate(engine::Date on);

  // Opens every limb of an order of `kind` on `ground`, made (or agreed) on `on`. Fails when an
  // order of that kind on that ground is still being carried out.
  engine::Status order(engine::OrderKind kind, Ground ground, engine::Date on);
  // What `e` does to each open limb (limb_effect): meets or ends it.
  void comply(const engine::Event& e);
  // True when `e` would meet or end an open limb.
  bool awaits(const engine::Event& e) const;
  bool any_open_limb() const;
  // Meets the open limbs of an order dismissing an appeal against ceasing on `on`.
  void meet_cease_limbs(engine::Date on);

  // Ends every open clock on `on`.
  void close(engine::Date on);
  // The family's windows let pass (or met late) no longer apply from the day after they closed.
  void close_unused_windows();

 private:
  // One limb of an order the LA must carry out, and the clock that times it.
  struct Limb {
    std::size_t clock;  // its place in the book
    engine::OrderKind kind;
    Ground ground;
    std::string_view step;  // one of order_steps(kind)
  };

  engine::Result<std::size_t> open_limb(const std::string& name, engine::Date start,
                                        const std::string& limb);
  engine::Clock* open_clock(std::size_t index);
  bool is_open(std::size_t index) const;
  engine::Clock* find_open(std::string_view name);

  ClockBook& book_;
  engine::Date decision_sent_;
  std::vector<std::size_t> mine_;  // the clocks this disagreement opened, by place in the book
  std::optional<std::size_t> contact_window_;
  std::optional<std::size_t> appeal_window_;
  // Opens the appeal window from the decision notice unless it is open already.
  engine::Status ensure_appeal_window();
  std::vector<Limb> limbs_;
};

}  // namespace ehcp::workflows::disagreement
