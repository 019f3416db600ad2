#include "workflows/review/review_workflow.h"

#include <string_view>

#include <boost/mpl/list.hpp>
#include <boost/statechart/custom_reaction.hpp>
#include <boost/statechart/simple_state.hpp>
#include <boost/statechart/state_machine.hpp>

#include "workflows/clock_names.h"
#include "workflows/detail/engine_event.h"

namespace ehcp::workflows::review {
namespace sc = boost::statechart;
namespace mpl = boost::mpl;

namespace {

// The engine events this workflow takes, each dispatched as its own statechart event.
using Takes = detail::EventList<engine::ReviewMeetingScheduled, engine::ReviewMeetingHeld,
                                engine::ReviewReportReceived, engine::ReviewDecision,
                                engine::AmendmentNoticeIssued, engine::AmendedPlanIssued,
                                engine::AmendmentWithdrawn>;

template <typename Body>
using Ev = detail::EngineEvent<Body>;

using EvScheduled = Ev<engine::ReviewMeetingScheduled>;
using EvHeld = Ev<engine::ReviewMeetingHeld>;
using EvReport = Ev<engine::ReviewReportReceived>;
using EvDecision = Ev<engine::ReviewDecision>;
using EvNotice = Ev<engine::AmendmentNoticeIssued>;
using EvAmended = Ev<engine::AmendedPlanIssued>;
using EvWithdrawn = Ev<engine::AmendmentWithdrawn>;

struct Active;
struct AwaitingMeeting;
struct MeetingScheduled;
struct MeetingHeld;
struct AwaitingNotice;
struct Amending;
struct Maintained;
struct Ceasing;
struct Amended;
struct AmendmentWithdrawn;

}  // namespace

// The book as one review sees it: a case has a review a year, and each meets and ends only the
// clocks it opened (a later review's decision never meets an earlier one's review_decision).
class OwnClocks {
 public:
  explicit OwnClocks(ClockBook& book) : book_(book), owner_(book.new_owner()) {}
  engine::Status open(const std::string& name, const std::string& workflow, engine::Date start) {
    return book_.open(name, workflow, start, owner_);
  }
  engine::Status open(const std::string& name, const std::string& workflow, engine::Date start,
                      engine::Date counted_from) {
    return book_.open(name, workflow, start, counted_from, {}, owner_);
  }
  bool extend_to_later(std::size_t index, const std::string& limb, engine::Date counted_from) {
    return book_.extend_to_later(index, limb, counted_from);
  }
  bool meet(const std::string& name, engine::Date on) { return book_.meet(name, on, owner_); }
  std::optional<engine::Date> last_met(const std::string& name) const {
    return book_.last_met(name, owner_);
  }
  bool is_open(const std::string& name) const { return book_.is_open(name, owner_); }
  void end_all(const std::string& workflow, engine::Date on) {
    book_.end_all(workflow, on, owner_);
  }
  std::vector<engine::Clock>& clocks() { return book_.clocks(); }
  const engine::RuleBook& rules() const { return book_.rules(); }
  const engine::Calendar& calendar() const { return book_.calendar(); }

 private:
  ClockBook& book_;
  ClockBook::Owner owner_;
};

struct ReviewWorkflow::Machine : detail::Machine<ReviewWorkflow::Machine, Active> {
  explicit Machine(ClockBook& b) : detail::Machine<Machine, Active>("review"), book(b) {}

  void open(const char* clock, engine::Date start) {
    if (auto status = book.open(clock, kWorkflow, start); !status.ok()) {
      fail(status.message());
    }
  }

  OwnClocks book;
  std::optional<engine::Date> decided_on;
  std::optional<engine::Date> held_on;
  std::optional<engine::Date> notice_on;  // the amendment notice, for the family's 15 days
  // How the latest amendment ended (an amended plan, or withdrawn), for a second one to name.
  std::optional<engine::Date> amendment_ended;
  const char* amendment_end = "";  // "the amended plan was already issued"
  bool ceasing = false;
  bool amending_outside = false;  // an amendment proposed outside a review decision is awaited
  bool finished = false;          // reached an outcome: nothing more for this review
  std::vector<Warning> warnings;
};

namespace {

using Machine = ReviewWorkflow::Machine;

// Why an amended plan or a withdrawal cannot be taken with no amendment awaited: what ended
// the latest one and when, when one did.
std::string no_amendment_awaited(const Machine& m) {
  const std::string why = "no amendment is awaited (amendment_notice_issued must come first)";
  return m.amendment_ended ? detail::already_on(m.amendment_end, *m.amendment_ended) + "; " + why
                           : why;
}

void ended_amendment(Machine& m, engine::Date on, const char* how) {
  m.amendment_ended = on;
  m.amendment_end = how;
}

// What may happen at any point of a review: the report arriving, an amendment at another time.
struct Active : sc::simple_state<Active, Machine, AwaitingMeeting> {
  using reactions = mpl::list<sc::custom_reaction<EvReport>, sc::custom_reaction<EvNotice>,
                              sc::custom_reaction<EvAmended>, sc::custom_reaction<EvWithdrawn>>;
  sc::result react(const EvReport& e) {
    auto& m = outermost_context();
    if (!m.book.meet(clocks::kReviewReport, e.event.on)) {
      const auto first = m.book.last_met(clocks::kReviewReport);
      m.fail(first ? detail::already_on("the review report was already received", *first)
                   : "no review report is awaited (review_meeting_held must come first)");
    }
    return discard_event();
  }
  // An amendment the LA proposes other than as its review decision: the 8 weeks run all the same.
  sc::result react(const EvNotice& e) {
    auto& m = outermost_context();
    if (m.book.is_open(clocks::kAmendedPlan)) {
      m.fail(detail::already_on("an amendment notice awaiting its amended plan was already issued",
                                m.notice_on.value_or(e.event.on)));
      return discard_event();
    }
    m.notice_on = e.event.on;
    m.open(clocks::kAmendedPlan, e.event.on);
    m.amending_outside = true;
    return discard_event();
  }
  sc::result react(const EvAmended& e);
  sc::result react(const EvWithdrawn& e) {
    auto& m = outermost_context();
    if (!m.book.meet(clocks::kAmendedPlan, e.event.on)) {
      m.fail(no_amendment_awaited(m));
      return discard_event();
    }
    m.amending_outside = false;
    ended_amendment(m, e.event.on, "the amendment was already withdrawn");
    return discard_event();
  }
};

template <typename State>
sc::result decide(State& state, const EvDecision& e);

struct AwaitingMeeting : sc::simple_state<AwaitingMeeting, Active> {
  static constexpr std::string_view kName = "awaiting_meeting";
  using reactions = mpl::list<sc::custom_reaction<EvScheduled>, sc::custom_reaction<EvHeld>,
                              sc::custom_reaction<EvDecision>>;
  sc::result react(const EvScheduled& e);
  sc::result react(const EvHeld& e);
  sc::result react(const EvDecision& e) { return decide(*this, e); }
};

struct MeetingScheduled : sc::simple_state<MeetingScheduled, Active> {
  static constexpr std::string_view kName = "meeting_scheduled";
  using reactions = mpl::list<sc::custom_reaction<EvScheduled>, sc::custom_reaction<EvHeld>,
                              sc::custom_reaction<EvDecision>>;
  sc::result react(const EvScheduled& e);
  sc::result react(const EvHeld& e);
  sc::result react(const EvDecision& e) { return decide(*this, e); }
};

struct MeetingHeld : sc::simple_state<MeetingHeld, Active> {
  static constexpr std::string_view kName = "meeting_held";
  using reactions = sc::custom_reaction<EvDecision>;
  sc::result react(const EvDecision& e) { return decide(*this, e); }
};

// Devon 2022: a decision to amend is notified with the proposed amendments, so the 4 weeks
// are met by the amendment notice, not by the bare decision.
struct AwaitingNotice : sc::simple_state<AwaitingNotice, Active> {
  static constexpr std::string_view kName = "awaiting_amendment_notice";
  using reactions = sc::custom_reaction<EvNotice>;
  sc::result react(const EvNotice& e) {
    auto& m = outermost_context();
    m.book.meet(clocks::kReviewDecision, e.event.on);
    m.notice_on = e.event.on;
    m.open(clocks::kAmendedPlan, e.event.on);
    return transit<Amending>();
  }
};

struct Amending : sc::simple_state<Amending, Active> {
  static constexpr std::string_view kName = "amending";
  using reactions = mpl::list<sc::custom_reaction<EvAmended>, sc::custom_reaction<EvWithdrawn>>;
  sc::result react(const EvAmended& e);
  sc::result react(const EvWithdrawn& e) {
    auto& m = outermost_context();
    m.book.meet(clocks::kAmendedPlan, e.event.on);
    ended_amendment(m, e.event.on, "the amendment was already withdrawn");
    m.finished = true;
    return transit<AmendmentWithdrawn>();
  }
};

// Outcomes: a review ends here; its plan goes on under the next review.
struct Maintained : sc::simple_state<Maintained, Active> {
  static constexpr std::string_view kName = "maintained";
};
struct Ceasing : sc::simple_state<Ceasing, Active> {
  static constexpr std::string_view kName = "ceasing";
};
struct Amended : sc::simple_state<Amended, Active> {
  static constexpr std::string_view kName = "amended";
};
struct AmendmentWithdrawn : sc::simple_state<AmendmentWithdrawn, Active> {
  static constexpr std::string_view kName = "amendment_withdrawn";
};

// Notice of the meeting: opened and met by the same event, late when given under 2 weeks
// before the meeting. A re-arranged meeting is given notice again.
void give_notice(Machine& m, const EvScheduled& e) {
  if (auto status = m.book.open(clocks::kReviewNotice, kWorkflow, e.event.on, e.body.meeting);
      !status.ok()) {
    m.fail(status.message());
    return;
  }
  m.book.meet(clocks::kReviewNotice, e.event.on);
}

void hold_meeting(Machine& m, const EvHeld& e) {
  m.held_on = e.event.on;
  m.open(clocks::kReviewReport, e.event.on);
  m.open(clocks::kReviewDecision, e.event.on);
}

sc::result AwaitingMeeting::react(const EvScheduled& e) {
  give_notice(outermost_context(), e);
  return transit<MeetingScheduled>();
}
sc::result AwaitingMeeting::react(const EvHeld& e) {
  hold_meeting(outermost_context(), e);
  return transit<MeetingHeld>();
}
sc::result MeetingScheduled::react(const EvScheduled& e) {
  give_notice(outermost_context(), e);
  return discard_event();
}
sc::result MeetingScheduled::react(const EvHeld& e) {
  hold_meeting(outermost_context(), e);
  return transit<MeetingHeld>();
}

// The review ends when the LA notifies its decision, whatever it is (CFA s44(1)).
template <typename State>
sc::result decide(State& state, const EvDecision& e) {
  Machine& m = state.outermost_context();
  m.book.meet(clocks::kAnnualReview, e.event.on);
  m.book.meet(clocks::kTransferInReview, e.event.on);  // the first review of a plan transferred in
  m.book.meet(clocks::kEarlyReview, e.event.on);       // when the under-5s' target is open
  m.decided_on = e.event.on;
  switch (e.body.outcome) {
    case engine::ReviewOutcome::kAmend:
      return state.template transit<AwaitingNotice>();
    case engine::ReviewOutcome::kCease:
      m.ceasing = true;
      m.book.meet(clocks::kReviewDecision, e.event.on);
      m.finished = true;
      return state.template transit<Ceasing>();
    case engine::ReviewOutcome::kMaintain:
      break;
  }
  m.book.meet(clocks::kReviewDecision, e.event.on);
  m.finished = true;
  return state.template transit<Maintained>();
}

// The family has at least 15 days from the amendment notice (day 1) to comment (reg 22(2); the
// rule pack's `amendment_representations`).
void warn_inside_representations(Machine& m, engine::Date issued) {
  if (!m.notice_on) {
    return;
  }
  const engine::RuleBook& rules = m.book.rules();
  const engine::ClockRule* rule = rules.rule_for(clocks::kAmendmentRepresentations, *m.notice_on);
  if (rule == nullptr) {
    m.warnings.push_back({issued, "amended plan issued on " + engine::format_date(issued) +
                                      ": no rule pack in force on " +
                                      engine::format_date(*m.notice_on) + " has the rule '" +
                                      clocks::kAmendmentRepresentations +
                                      "', so the family's days were not checked"});
    return;
  }
  const engine::Date window_ends = rules.due(*rule, *m.notice_on, m.book.calendar());
  if (issued <= window_ends) {
    m.warnings.push_back(
        {issued, "amended plan issued on " + engine::format_date(issued) +
                     ", inside the family's " +
                     engine::describe_period(rule->counting, rule->amount) +
                     " from the amendment notice of " + engine::format_date(*m.notice_on) +
                     " (to " + engine::format_date(window_ends) + ") (" + rule->source + ")"});
  }
}

sc::result Active::react(const EvAmended& e) {
  auto& m = outermost_context();
  if (!m.book.meet(clocks::kAmendedPlan, e.event.on)) {
    m.fail(no_amendment_awaited(m));
    return discard_event();
  }
  warn_inside_representations(m, e.event.on);
  m.amending_outside = false;
  ended_amendment(m, e.event.on, "the amended plan was already issued");
  return discard_event();
}

sc::result Amending::react(const EvAmended& e) {
  auto& m = outermost_context();
  m.book.meet(clocks::kAmendedPlan, e.event.on);
  warn_inside_representations(m, e.event.on);
  ended_amendment(m, e.event.on, "the amended plan was already issued");
  m.finished = true;
  return transit<Amended>();
}

std::string_view state_of(const Machine& m) {
  if (detail::is_in<AwaitingMeeting>(m)) return AwaitingMeeting::kName;
  if (detail::is_in<MeetingScheduled>(m)) return MeetingScheduled::kName;
  if (detail::is_in<MeetingHeld>(m)) return MeetingHeld::kName;
  if (detail::is_in<AwaitingNotice>(m)) return AwaitingNotice::kName;
  if (detail::is_in<Amending>(m)) return Amending::kName;
  if (detail::is_in<Maintained>(m)) return Maintained::kName;
  if (detail::is_in<Ceasing>(m)) return Ceasing::kName;
  if (detail::is_in<Amended>(m)) return Amended::kName;
  return AmendmentWithdrawn::kName;
}

}  // namespace

ReviewWorkflow::ReviewWorkflow(ClockBook& book, engine::Date anchor, bool early_review,
                               std::optional<engine::Date> transferred_on)
    : machine_(std::make_unique<Machine>(book)), opened_(transferred_on.value_or(anchor)) {
  if (transferred_on) {
    auto& own = machine_->book;
    const std::size_t index = own.clocks().size();
    if (auto status = own.open(clocks::kTransferInReview, kWorkflow, *transferred_on, anchor);
        !status.ok()) {
      machine_->fail(status.message());
    } else if (!own.extend_to_later(index, "transfer", *transferred_on)) {
      machine_->fail("no rule pack has limb 'transfer' of clock 'transfer_in_review'");
    }
  } else {
    machine_->open(clocks::kAnnualReview, anchor);
  }
  if (early_review) {
    machine_->open(clocks::kEarlyReview, anchor);
  }
  machine_->initiate();
  machine_->state_name = state_of(*machine_);
}

ReviewWorkflow::~ReviewWorkflow() = default;

bool ReviewWorkflow::takes(engine::EventType type) { return Takes::has(type); }

engine::Status ReviewWorkflow::apply(const engine::Event& event) {
  Machine& m = *machine_;
  if (!Takes::dispatch(m, event)) {
    return engine::Status::internal("the review was given a " +
                                    std::string(engine::to_string(event.type())));
  }
  m.state_name = state_of(m);
  if (m.finished && !closed_) {
    closed_ = event.on;  // the review reached its outcome
  }
  return m.take_error();
}

void ReviewWorkflow::close(engine::Date on) {
  machine_->book.end_all(kWorkflow, on);  // an amendment still awaited ends with the plan
  if (!closed_) {
    closed_ = on;
  }
}

std::string ReviewWorkflow::state() const { return machine_->state_name; }
bool ReviewWorkflow::active() const { return !closed_; }
bool ReviewWorkflow::decided() const { return machine_->decided_on.has_value(); }
bool ReviewWorkflow::amending() const {
  return machine_->state_name == AwaitingNotice::kName || machine_->state_name == Amending::kName ||
         machine_->amending_outside;
}
std::optional<engine::Date> ReviewWorkflow::decided_on() const { return machine_->decided_on; }
std::optional<engine::Date> ReviewWorkflow::held_on() const { return machine_->held_on; }
bool ReviewWorkflow::ceasing() const { return machine_->ceasing; }
std::optional<std::string> ReviewWorkflow::amendment_ended() const {
  if (!machine_->amendment_ended) {
    return std::nullopt;
  }
  return detail::already_on(machine_->amendment_end, *machine_->amendment_ended);
}
const std::vector<Warning>& ReviewWorkflow::warnings() const { return machine_->warnings; }

}  // namespace ehcp::workflows::review
