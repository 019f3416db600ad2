// The case evaluation's plan (rules.md §3): in force, reviewed each year, ceased.
#include <algorithm>

#include "engine/counting.h"
#include "workflows/clock_names.h"
#include "workflows/detail/case_evaluation.h"
#include "workflows/detail/repeated_event.h"

namespace ehcp::workflows::detail {
namespace {

// A child is under 5 until the fifth birthday.
constexpr int kUnderFiveMonths = 60;

}  // namespace

// A plan made on `made`, known to the engine from `known` (where its transfers start), is in
// force; its first review's 12 months start with `anchor`. `transferred_on`: it came from
// another LA that day, and its first review is reg 15(5)'s.
void Evaluator::start_plan(engine::Date known, engine::Date anchor,
                           std::optional<engine::Date> transferred_on,
                           std::optional<engine::Date> made) {
  plan_since_ = made.value_or(known);
  plans_.push_back({known, std::nullopt});
  plan_in_force_ = true;
  reviews_.push_back(
      std::make_unique<ReviewWorkflow>(book_, anchor, under_five(anchor), transferred_on));
}

// The plan stops being in force here on `on` (ceased, or sent to another LA).
void Evaluator::end_plan(engine::Date on) {
  close_reviews(on);
  if (!plans_.empty()) {
    plans_.back().ended = on;
  }
}

// The under-5s' review target, when the LA has turned it on.
bool Evaluator::under_five(engine::Date on) const {
  return rules_.under_five_reviews() && dob_ &&
         engine::add_months_clamped(*dob_, kUnderFiveMonths) > on;
}

// Why a plan made on `made` and last reviewed on `last_reviewed` cannot be taken on, or
// nullopt.
std::optional<std::string> Evaluator::plan_problem(
    engine::Date on, engine::Date made, std::optional<engine::Date> last_reviewed) const {
  if (plan_in_force_) {
    return "a plan is already in force (since " + engine::format_date(*plan_since_) + ")";
  }
  if (made > on) {
    return "the plan was made on " + engine::format_date(made) + ", after the event's date";
  }
  if (last_reviewed && *last_reviewed < made) {
    return "last reviewed on " + engine::format_date(*last_reviewed) +
           ", before the plan was made on " + engine::format_date(made);
  }
  if (rules_.pack_on(last_reviewed.value_or(made)) == nullptr) {
    return "no rule pack is in force on " + engine::format_date(last_reviewed.value_or(made)) +
           " (EHC plans began on 1 September 2014)";
  }
  return std::nullopt;
}

bool Evaluator::take_plan_in_force(const engine::RecordedEvent& recorded) {
  const auto& body = std::get<engine::PlanInForce>(recorded.event.body);
  if (auto problem = plan_problem(recorded.event.on, body.made, body.last_reviewed)) {
    return reject(recorded, *problem);
  }
  start_plan(recorded.event.on, body.last_reviewed.value_or(body.made), std::nullopt, body.made);
  return true;
}

// The review an event belongs to: amendment events to the review awaiting one (or the
// latest), the rest to the latest review.
ReviewWorkflow* Evaluator::review_for(engine::EventType type) {
  using T = engine::EventType;
  if (type == T::kAmendmentNoticeIssued || type == T::kAmendedPlanIssued ||
      type == T::kAmendmentWithdrawn) {
    for (auto it = reviews_.rbegin(); it != reviews_.rend(); ++it) {
      if ((*it)->amending()) {
        return it->get();
      }
    }
  }
  return reviews_.back().get();
}

bool Evaluator::review_amending() const {
  return plan_in_force_ &&
         std::any_of(reviews_.begin(), reviews_.end(), [](const auto& r) { return r->amending(); });
}

bool Evaluator::take_review_event(const engine::RecordedEvent& recorded) {
  const engine::Event& e = recorded.event;
  if (!plan_in_force_) {
    return reject(recorded, "no plan is in force");
  }
  note_naming(e);
  ReviewWorkflow* review = review_for(e.type());
  if (auto again = repeats_review(e, *review)) {
    return reject(recorded, *again);
  }
  const bool was_decided = review->decided();
  if (auto status = review->apply(e); !status.ok()) {
    return reject(recorded, status.message());
  }
  if (!was_decided && review->decided()) {
    if (review->ceasing()) {
      cease_decided_ = e.on;
    }
    // The next review's 12 months start with the date of this decision, whatever it was (or,
    // as a rule-pack option, with its meeting).
    const bool by_meeting = rules_.review_anchor() == engine::ReviewAnchor::kMeeting;
    const engine::Date anchor = by_meeting && review->held_on() ? *review->held_on() : e.on;
    reviews_.push_back(std::make_unique<ReviewWorkflow>(book_, anchor, under_five(anchor)));
  }
  return true;
}

// What `e`, about to go to `review`, repeats of an earlier review's, and when: a decision or a
// meeting dated no later than the decision that started `review` (the next review's are after
// it), an amended plan or a withdrawal with no amendment awaited after one ended. Nullopt when
// it repeats nothing.
std::optional<std::string> Evaluator::repeats_review(const engine::Event& e,
                                                     const ReviewWorkflow& review) const {
  using T = engine::EventType;
  if (e.type() == T::kAmendedPlanIssued || e.type() == T::kAmendmentWithdrawn) {
    if (review.amending()) {
      return std::nullopt;
    }
    for (auto it = reviews_.rbegin(); it != reviews_.rend(); ++it) {
      if (auto ended = (*it)->amendment_ended()) {
        return *ended + "; no amendment is awaited (amendment_notice_issued must come first)";
      }
    }
    return std::nullopt;
  }
  if (reviews_.size() < 2 || &review != reviews_.back().get() || review.held_on() ||
      review.decided()) {
    return std::nullopt;
  }
  const ReviewWorkflow& previous = *reviews_[reviews_.size() - 2];
  const auto decided = previous.decided_on();
  if (!decided || e.on > *decided) {
    return std::nullopt;
  }
  if (e.type() == T::kReviewDecision) {
    return already_on("the review decision was already made", *decided);
  }
  if (e.type() == T::kReviewMeetingHeld && previous.held_on()) {
    return already_on("the review meeting was already held", *previous.held_on());
  }
  return std::nullopt;
}

bool Evaluator::cease_plan(const engine::RecordedEvent& recorded) {
  const engine::Date on = recorded.event.on;
  if (!plan_in_force_) {
    return reject(recorded, "no plan is in force");
  }
  if (in_custody()) {
    plan_warnings_.push_back(
        {on, "plan ceased on " + engine::format_date(on) +
                 " while the young person is detained (the LA was told on " +
                 engine::format_date(custodies_.back()->opened()) +
                 "): a plan is kept during a detention and may not be ceased because of it "
                 "(CFA s74)"});
  }
  // The plan stays in force until the appeal window against the decision to cease has passed
  // (CFA s45; an appeal lodged keeps it longer: the disagreement issue).
  engine::Date ends = on;
  // The window is the appeal_window rule's, counted from the decision (2 months in 2014).
  const engine::ClockRule* appeal =
      cease_decided_ ? rules_.rule_for(clocks::kAppealWindow, *cease_decided_) : nullptr;
  if (cease_decided_ && appeal == nullptr) {
    return reject(recorded, "no rule pack in force on " + engine::format_date(*cease_decided_) +
                                " has the rule '" + clocks::kAppealWindow +
                                "', which keeps a ceased plan in force");
  }
  if (cease_decided_) {
    const engine::Date window = rules_.due(*appeal, *cease_decided_, calendar_);
    if (on <= window) {
      ends = window + date::days{1};
      plan_warnings_.push_back(
          {on, "plan ceased on " + engine::format_date(on) +
                   ", inside the appeal window against the decision of " +
                   engine::format_date(*cease_decided_) + " (to " + engine::format_date(window) +
                   "): it stays in force until the window has passed, so it ceases on " +
                   engine::format_date(ends) + " unless an appeal is made (CFA s45)"});
    }
  }
  end_plan(ends);
  if (ends == on) {
    plan_in_force_ = false;
  } else {
    plan_ends_on_ = ends;
  }
  return true;
}

// An amended or new plan naming a setting meets the phase transfer it falls in.
void Evaluator::note_naming(const engine::Event& e) {
  if (const auto* amended = std::get_if<engine::AmendedPlanIssued>(&e.body);
      amended != nullptr && amended->names_setting) {
    naming_.push_back(e.on);
  }
}

void Evaluator::close_reviews(engine::Date on) {
  for (auto& r : reviews_) {
    r->close(on);
  }
}

bool Evaluator::preparing_for_adulthood(engine::Date review_start) const {
  const engine::AdulthoodRule* from = rules_.preparation_for_adulthood(review_start);
  const engine::ClockRule* review = rules_.rule_for(clocks::kAnnualReview, review_start);
  if (!dob_ || from == nullptr || review == nullptr) {
    return false;
  }
  // The year group when the review falls due: the last day of its 12 months.
  const engine::Date due = rules_.due(*review, review_start, calendar_);
  return engine::year_group(*dob_, due, out_of_cohort_) >= from->from_year_group;
}

}  // namespace ehcp::workflows::detail
