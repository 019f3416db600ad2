#include "adapters/synthetic/plan_story.h"

#include <algorithm>
#include <climits>
#include <optional>

#include "adapters/config/rule_pack_loader.h"
#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/custody_story.h"
#include "adapters/synthetic/disagreement_story.h"
#include "adapters/synthetic/move_story.h"
#include "adapters/synthetic/office_days.h"
#include "adapters/synthetic/reassessment_story.h"
#include "adapters/synthetic/sen2_codes.h"
#include "engine/academic_year.h"
#include "engine/counting.h"
#include "engine/phase_transfer.h"

namespace ehcp::adapters::synthetic {
namespace {

using engine::Date;
using engine::Phase;
using office_days::after;

constexpr int kMaxReviews = 30;
constexpr int kFinalSchoolYear = 11;
constexpr int kFirstPost16Move = 12;
constexpr int kLastPost16Move = 13;
constexpr int kAdultAge = 19;
constexpr int kSixteen = 16;
constexpr int kAppealWindowMonths = 2;
// The family's 15 days from an amendment notice (day 1) before the amended plan.
constexpr int kRepresentationDays = 15;
// A review within this many days of a transfer year's start is held as the transfer review.
constexpr int kTransferLookahead = 45;
// A move the plan is amended for is known at least this long before its deadline.
constexpr int kPlanningDays = 60;

// A re-assessment is asked for at least this long before the review it comes before, so that
// most are over by then (a longer one puts the review back).
constexpr int kReassessmentDays = 150;
// A detention begins at least this long before the review it comes before.
constexpr int kCustodyBeforeReview = 14;
// Plans under the 2014 Regulations began on 1 September 2014.
const engine::Date kFirstPlans = engine::make_date(2014, 9, 1);
constexpr int kOldestEarlierPlanYears = 8;
constexpr int kDaysPerYear = 365;
constexpr int kYoungestWithPlanDays = 2 * kDaysPerYear;

// The national pack's limbs of reg 18, by which the stories time their transfers. The pack is
// compiled in and loaded by every test run, so a failure here is a programmer's error.
const engine::TransferRules& reg18_rules() {
  static const engine::RuleBook book = config::national_rule_book().value();
  static const engine::TransferRules rules = book.transfer_rules(kFirstPlans).value();
  return rules;
}

// A move to a new setting the plan must be amended for.
struct Move {
  int year = 0;           // the academic year before the move: the move is in September of year + 1
  Date due;               // the plan's amendment naming the next setting is due by this day
  bool expected = false;  // recorded with transfer_expected, not derived by the engine
};

class PlanWriter {
 public:
  PlanWriter(CaseStory& story, PlanStart start)
      : c_(story), rng_(story.rng), known_(start.known), anchor_(start.anchor) {}

  void run() {
    for (int n = 0; n < kMaxReviews && anchor_ <= c_.as_of(); ++n) {
      if (rng_.chance(shape::kCaseworkerChangesEachYear)) {
        // After everything written so far, so each event names the caseworker of its day.
        c_.reassign(std::max(c_.draft.latest(), after(rng_, anchor_, 30, 200)));
      }
      const bool on_time = rng_.chance(shape::kReviewOnTime);
      Date meeting =
          anchor_ + date::days{on_time ? rng_.between(280, 335) : rng_.between(336, 450)};
      meeting = not_before(meeting);
      if (moves_away(meeting)) {
        return;  // the plan is the new LA's now
      }
      const auto move = next_move(meeting);
      // Before the review (a transfer's in the autumn): now and then a detention, a
      // re-assessment, which may put the review back.
      const Date review = move ? engine::academic_year_start(move->year) + date::days{14} : meeting;
      detain(review);
      reassess(review);
      if (move) {
        anchor_ = transfer_review(*move);
        continue;
      }
      const auto decision = annual_review(not_before(meeting));
      if (!decision) {
        return;  // the plan has ceased
      }
      anchor_ = *decision;
    }
  }

 private:
  // Whether the family moves away before the review on `meeting`, at a yearly rate over the
  // time to it; if so, writes the move, after everything written so far (a review, an appeal,
  // a detention).
  bool moves_away(Date meeting) {
    const Date from = std::max(known_, anchor_);
    const int days = static_cast<int>((meeting - from).count());
    if (!rng_.chance(shape::kMoveOutPerYear * days / kDaysPerYear)) {
      return false;
    }
    const Date move = std::max(after(rng_, from, 0, days),
                               after(rng_, std::max(busy_until_, c_.draft.latest()), 14, 60));
    tell_move_out(c_, known_, move);
    return true;
  }

  // A young person of 14 to 17 detained for a while before the review, once the last detention
  // is well over. The review may fall during it; a plan is not ceased then.
  void detain(Date review) {
    const Date from = std::max({known_, anchor_, detained_until_ + date::days{30}});
    const int age = c_.child.age(from);
    if (age < shape::kCustodyFromAge - 1 || age > shape::kCustodyToAge ||
        !rng_.chance(shape::kCustodyPerYear)) {
      return;
    }
    const int room = static_cast<int>((review - from).count()) - kCustodyBeforeReview;
    if (room < 7) {
      return;
    }
    const Date notified = after(rng_, from, 7, room);
    const int age_then = c_.child.age(notified);
    if (age_then >= shape::kCustodyFromAge && age_then <= shape::kCustodyToAge) {
      detained_until_ = tell_custody(c_, notified);
    }
  }

  // A re-assessment between the last amendment and the review, when there is room for one: it
  // never overlaps an amendment, and the review waits for it (busy_until_).
  void reassess(Date review) {
    if (!rng_.chance(shape::kReassessmentPerYear)) {
      return;
    }
    const Date from = std::max({known_, anchor_, busy_until_});
    const int room = static_cast<int>((review - from).count()) - kReassessmentDays;
    if (room >= 14) {
      busy_until_ = tell_reassessment(c_, after(rng_, from, 14, room));
    }
  }

  // The earliest a meeting can be: after the plan is known and any amendment is done.
  Date not_before(Date meeting) {
    if (meeting < known_ + date::days{5}) {
      meeting = after(rng_, known_, 10, 90);  // a backlog cleared after go-live
    }
    return office_days::on_or_after(std::max(meeting, busy_until_ + date::days{7}));
  }

  // The first transfer not yet handled whose academic year starts by shortly after `meeting`.
  std::optional<Move> next_move(Date meeting) {
    const int horizon = engine::academic_year_of(meeting + date::days{kTransferLookahead});
    std::optional<Move> derived;
    for (const auto& t :
         engine::derive_transfers(c_.child.dob, c_.child.out_of_cohort, c_.phases, known_, horizon,
                                  engine::TransferOptions{}, reg18_rules())) {
      if (t.academic_year > handled_year_) {
        derived = Move{t.academic_year, t.due, false};
        break;
      }
    }
    // Moves the engine cannot derive, decided once a year before any derived one.
    const int last = derived ? derived->year - 1 : horizon;
    for (int y = std::max(checked_year_ + 1, engine::academic_year_of(known_)); y <= last; ++y) {
      checked_year_ = y;
      if (!c_.setting) {
        continue;
      }
      const int group = c_.child.year_group(engine::academic_year_start(y));
      const Phase phase = c_.setting->phase;
      const bool moves = (phase == Phase::kPost16 && group >= kFirstPost16Move &&
                          group <= kLastPost16Move && rng_.chance(shape::kPost16Moves)) ||
                         (phase == Phase::kSpecial && group == kFinalSchoolYear &&
                          rng_.chance(shape::kSpecialSchoolToCollege));
      const Date move = engine::academic_year_start(y + 1);
      const Date due = engine::expected_transfer_due(Phase::kPost16, phase, move, reg18_rules());
      // A move is planned while there is time to amend the plan for it.
      if (moves && due > known_ + date::days{kPlanningDays}) {
        return Move{y, due, true};
      }
    }
    return derived;
  }

  // Notice of the meeting (sometimes short, now and then re-arranged), then the meeting.
  Date hold_meeting(Date meeting) {
    const bool short_notice = rng_.chance(shape::kShortNotice);
    Date notice = office_days::on_or_before(
        meeting - date::days{short_notice ? rng_.between(3, 13) : rng_.between(15, 40)});
    // Not before the plan is known, nor before the last review's decision.
    notice = std::clamp(notice, std::max(known_, anchor_), meeting);
    c_.add(notice, "review_meeting_scheduled", JsonObject().date("meeting", meeting));
    if (rng_.chance(shape::kMeetingRearranged)) {
      const Date again = std::max(notice, office_days::on_or_before(meeting - date::days{1}));
      meeting = after(rng_, meeting, 7, 30);
      c_.add(again, "review_meeting_scheduled", JsonObject().date("meeting", meeting));
    }
    c_.add(meeting, "review_meeting_held");
    return meeting;
  }

  // The report, then the decision (never before the report: a late report delays it).
  Date decide(Date held, std::string_view outcome) {
    const Date report =
        rng_.chance(shape::kReportLate) ? after(rng_, held, 15, 45) : after(rng_, held, 3, 14);
    const Date decision =
        std::max(report, rng_.chance(shape::kDecisionLate) ? after(rng_, held, 29, 70)
                                                           : after(rng_, held, 5, 28));
    c_.add(report, "review_report_received");
    c_.add(decision, "review_decision", JsonObject().text("outcome", outcome));
    return decision;
  }

  double cease_chance(Date on) const {
    const int age = c_.child.age(on);
    if (age >= shape::kPlansEndAtAge) {
      return 1;
    }
    if (age >= kAdultAge) {
      return shape::kCeaseFrom19;
    }
    return age >= kSixteen ? shape::kCease16To18 : shape::kCeaseUnder16;
  }

  // An annual review; the decision's day, or nullopt when it ceased the plan.
  std::optional<Date> annual_review(Date meeting) {
    const Date held = hold_meeting(meeting);
    // Never during a detention (CFA s74): the review goes ahead, the plan is kept.
    if (rng_.chance(cease_chance(held)) && held > detained_until_) {
      cease(decide(held, "cease"));
      return std::nullopt;
    }
    if (!rng_.chance(shape::kAmendShare)) {
      return decide(held, "maintain");
    }
    const Date decision = decide(held, "amend");
    const Date notice = after(rng_, decision, 0, 10);
    c_.add(notice, "amendment_notice_issued");
    if (rng_.chance(shape::kFamilyRespondsToAmendment)) {
      c_.add(after(rng_, notice, 4, 14), "family_response");
    }
    const Date earliest = notice + date::days{kRepresentationDays};
    if (rng_.chance(shape::kAmendmentWithdrawn)) {
      busy_until_ = after(rng_, notice, 10, 60);
      c_.add(busy_until_, "amendment_withdrawn");
    } else {
      busy_until_ = rng_.chance(shape::kAmendedPlanLate) ? after(rng_, notice, 57, 120)
                                                         : after(rng_, earliest, 0, 41);
      c_.add(busy_until_, "amended_plan_issued");
      tell_disagreement(c_, AppealableDecision::kPlanContents, busy_until_);
    }
    return decision;
  }

  void cease(Date decision) {
    tell_disagreement(c_, AppealableDecision::kCeasePlan, decision);
    // Usually after the appeal window against the decision has passed (CFA s45).
    const Date ceased =
        rng_.chance(shape::kCeasedInsideAppealWindow)
            ? after(rng_, decision, 10, 50)
            : after(rng_, engine::add_months_clamped(decision, kAppealWindowMonths), 1, 30);
    const bool adult = c_.child.age(decision) >= kAdultAge;
    c_.add(ceased, "plan_ceased",
           JsonObject()
               .text("reason", adult ? "left education" : "needs met without a plan")
               .text("cease_reason", cease_reason_for(c_.child, adult)));
    if (rng_.chance(shape::kClosedAfterCeasing)) {
      // After whatever came of the decision too (a mediation, an appeal).
      c_.add(after(rng_, std::max(ceased, c_.draft.latest()), 5, 60), "case_closed",
             JsonObject().text("reason", "plan ceased"));
    }
  }

  // The review in the autumn before a move, the plan amended to name the next setting (most
  // before the deadline) and the move itself in September. Returns the review's decision day.
  Date transfer_review(const Move& move) {
    const Date autumn = engine::academic_year_start(move.year);
    Date meeting = std::max(after(rng_, anchor_, 20, 50), after(rng_, autumn, 14, 75));
    if (move.expected) {
      const Date recorded = std::max(known_, after(rng_, autumn, 5, 40));
      c_.add(recorded, "transfer_expected",
             JsonObject()
                 .text("to_phase", "post16")
                 .date("move", engine::academic_year_start(move.year + 1)));
      meeting = std::max(meeting, recorded + date::days{7});
    }
    // A plan loaded during its transfer year: the review goes ahead soon after go-live.
    meeting = meeting < known_ + date::days{5}
                  ? office_days::on_or_after(
                        std::max(after(rng_, known_, 5, 30), busy_until_ + date::days{7}))
                  : not_before(meeting);
    const Date decision = decide(hold_meeting(meeting), "amend");
    const Date notice = after(rng_, decision, 0, 7);
    c_.add(notice, "amendment_notice_issued");
    const Phase from = c_.setting ? c_.setting->phase : Phase::kNone;
    const Date move_day = office_days::on_or_after(engine::academic_year_start(move.year + 1) +
                                                   date::days{rng_.between(0, 3)});
    SchoolPlace next = place_after_transfer(rng_, c_.child.year_group(move_day),
                                            move.expected ? Phase::kPost16 : from);
    const Date consulted = after(rng_, notice, 0, 5);
    const Date responded = after(rng_, consulted, 5, 20);
    c_.add(consulted, "school_consulted", JsonObject().text("setting", next.name));
    c_.add(responded, "consultation_response",
           JsonObject().text("setting", next.name).text("outcome", "agree"));
    const bool post16 = move.expected || from == Phase::kSecondary;
    const bool on_time =
        rng_.chance(post16 ? shape::kPost16TransferOnTime : shape::kTransferOnTime);
    const Date earliest =
        office_days::on_or_after(std::max(responded, notice + date::days{kRepresentationDays}));
    Date amended;
    if (on_time && earliest <= move.due) {
      const int spare = static_cast<int>((move.due - earliest).count());
      amended = std::max(earliest,
                         office_days::on_or_before(earliest + date::days{rng_.between(0, spare)}));
    } else {
      amended = after(rng_, std::max(move.due, earliest), 1, 120);
    }
    c_.add(amended, "amended_plan_issued", JsonObject().object("names_setting", place_json(next)));
    tell_disagreement(c_, AppealableDecision::kPlanContents, amended);
    busy_until_ = amended;
    c_.change_setting(std::max(move_day, known_), std::move(next));
    handled_year_ = move.year;
    return decision;
  }

  CaseStory& c_;
  Random& rng_;
  Date known_;
  Date anchor_;
  Date busy_until_{};           // the last amendment's or re-assessment's end: the review waits
  Date detained_until_{};       // the end of the latest detention
  int handled_year_ = INT_MIN;  // the latest transfer year written
  int checked_year_ = INT_MIN;  // the latest year checked for a move the engine cannot derive
};

}  // namespace

void tell_plan(CaseStory& story, PlanStart start) { PlanWriter(story, start).run(); }

PlanHistory earlier_plan(Random& rng, const ChildProfile& child, engine::Date on,
                         double review_overdue) {
  const Date earliest = std::max({kFirstPlans, child.dob + date::days{kYoungestWithPlanDays},
                                  on - date::days{kOldestEarlierPlanYears * kDaysPerYear}});
  const int span = std::max(0, static_cast<int>((on - earliest).count()));
  PlanHistory plan{
      std::min(office_days::on_or_before(earliest + date::days{rng.between(0, span)}), on), {}};
  if ((on - plan.made).count() > kDaysPerYear) {
    // Reviewed within the year before, or overdue already (a backlog inherited).
    const Date last =
        on - date::days{rng.chance(review_overdue) ? rng.between(366, 540) : rng.between(30, 364)};
    plan.last_reviewed = std::max(plan.made, office_days::on_or_before(last));
  }
  return plan;
}

}  // namespace ehcp::adapters::synthetic
