#include "workflows/case_evaluator.h"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "engine/academic_year.h"
#include "engine/counting.h"
#include "workflows/assessment/assessment_workflow.h"
#include "workflows/clock_book.h"
#include "workflows/custody/custody_workflow.h"
#include "workflows/disagreement/disagreements.h"
#include "workflows/exceptions.h"
#include "workflows/move/move_in_workflow.h"
#include "workflows/move/move_out_workflow.h"
#include "workflows/reassessment/reassessment_workflow.h"
#include "workflows/review/review_workflow.h"
#include "workflows/transfer/phase_transfers.h"

namespace ehcp::workflows {
namespace {

using assessment::AssessmentWorkflow;
using custody::CustodyWorkflow;
using disagreement::DisagreementWorkflow;
using move::MoveInWorkflow;
using move::MoveOutWorkflow;
using reassessment::ReassessmentWorkflow;
using review::ReviewWorkflow;

// From Year 9 every review must consider preparation for adulthood (CoP 8.9, rules.md §3).
constexpr int kPreparationForAdulthoodYear = 9;
// A ceased plan stays in force until the appeal window has passed: 2 months from the decision.
constexpr int kAppealWindowMonths = 2;
constexpr int kUnderFiveMonths = 60;
constexpr int kMonthsInYear = 12;

// One assessment or re-assessment and the clocks it owns. They follow one another (one is open
// at a time), so its clocks are those of its workflow the book opened from its start until the
// next one's.
struct AssessmentRun {
  std::unique_ptr<AssessmentWorkflow> assessment;      // one of the two is set
  std::unique_ptr<ReassessmentWorkflow> reassessment;  //
  std::size_t first_clock = 0;
  std::size_t end_clock = 0;  // set when the next one starts, or at the end

  const char* workflow() const {
    return assessment ? assessment::kWorkflow : reassessment::kWorkflow;
  }
  bool active() const { return assessment ? assessment->active() : reassessment->active(); }
  std::string state() const { return assessment ? assessment->state() : reassessment->state(); }
  engine::Date opened() const { return assessment ? assessment->opened() : reassessment->opened(); }
  void close(engine::Date on) {
    if (assessment) {
      assessment->close(on);
    } else {
      reassessment->close(on);
    }
  }
};

struct AdviceAsked {
  engine::Date on;
  engine::AdviceService service;
  std::optional<std::string> setting;
  std::size_t run;
};

struct ExceptionToApply {
  const engine::RecordedEvent* recorded;
  std::size_t run;
};

class Evaluator {
 public:
  Evaluator(const engine::RuleBook& rules, const engine::Calendar& calendar)
      : rules_(rules), calendar_(calendar), book_(rules, calendar), disagreements_(book_) {}

  // False, with rejection_ set, when the event cannot be taken where it falls.
  bool take(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    if (plan_ends_on_ && e.on >= *plan_ends_on_) {
      plan_in_force_ = false;  // a ceased plan's appeal window has passed
      plan_ends_on_.reset();
    }
    if (DisagreementWorkflow::takes(e.type())) {
      return check(recorded, disagreements_.take(e, !plan_in_force_ || plan_ends_on_));
    }
    bool carried_out = false;  // the event meets or ends a limb of an order or agreement
    if (!check(recorded, disagreements_.carry_out(e, carried_out))) {
      return false;
    }
    disagreements_.note_decision(e);
    using T = engine::EventType;
    switch (e.type()) {
      case T::kCaseOpened: {
        const auto& opened = std::get<engine::CaseOpened>(e.body);
        setting_ = setting_name(opened.setting);
        if (opened.setting) {
          phases_.push_back({e.on, opened.setting->phase});
        }
        dob_ = opened.child.dob;
        if (opened.year_group) {
          out_of_cohort_ = engine::YearGroupOverride{*opened.year_group, e.on};
        }
        return true;
      }
      case T::kSettingChanged: {
        const auto& setting = std::get<engine::SettingChanged>(e.body).setting;
        setting_ = setting.name;
        phases_.push_back({e.on, setting.phase});
        return true;
      }
      case T::kTransferExpected: {
        if (!plan_in_force_) {
          return reject(recorded, "no plan is in force");
        }
        const auto& body = std::get<engine::TransferExpected>(e.body);
        expected_.push_back({e.on, body.to_phase, body.move});
        return true;
      }
      case T::kCaseClosed:
        end_work(e.on);
        close_reviews(e.on);
        return true;
      case T::kPlanInForce:
        return take_plan_in_force(recorded);
      case T::kPlanCeased:
        if (carried_out && !plan_in_force_) {
          return true;  // ceased as the Tribunal allowed, the plan being no longer in force
        }
        return cease_plan(recorded);
      case T::kAssessmentRequested:
        return start_assessment(recorded);
      case T::kExceptionRecorded:
        if (runs_.empty()) {
          return reject(recorded, "no assessment has been requested");
        }
        exceptions_.push_back({&recorded, runs_.size() - 1});
        return true;
      case T::kReassessmentRequested:
        return start_reassessment(recorded);
      case T::kReassessmentDecision:
        return decide_reassessment(recorded);
      case T::kMovedOut:
        return move_out(recorded);
      case T::kPlanTransferred:
        return send_plan(recorded);
      case T::kTransferredIn:
        return transfer_in(recorded);
      case T::kTransferNoticeSent:
        return notify_transfer(recorded);
      case T::kCustodyNotified:
        return enter_custody(recorded);
      case T::kCustodyPlanShared:
      case T::kCustodyEnded:
        return take_custody_event(recorded);
      default:
        break;
    }
    if (ReassessmentWorkflow* r = reassessment_taking(e.type())) {
      return take_reassessment_event(recorded, *r);
    }
    if (carried_out && !owner_takes(e.type())) {
      return carried_out_alone(recorded);
    }
    if (ReviewWorkflow::takes(e.type())) {
      return take_review_event(recorded);
    }
    if (!AssessmentWorkflow::takes(e.type())) {
      return true;
    }
    if (shared_with_review(e.type()) && current() == nullptr) {
      return true;  // comments and consultations on proposed amendments: the review's
    }
    if (runs_.empty()) {
      return reject(recorded, "no assessment has been requested");
    }
    if (runs_.back().reassessment) {
      // The last was a re-assessment, now over: it says why it cannot take the event.
      return take_reassessment_event(recorded, *runs_.back().reassessment);
    }
    if (e.type() == T::kAdviceRequested) {
      asked_.push_back(
          {e.on, std::get<engine::AdviceRequested>(e.body).service, setting_, runs_.size() - 1});
    }
    if (auto status = runs_.back().assessment->apply(e); !status.ok()) {
      return reject(recorded, status.message());
    }
    if (e.type() == T::kFinalPlanIssued && !plan_in_force_) {
      start_plan(e.on, e.on);  // the first review's 12 months start with the plan
    }
    return true;
  }

  // Applies exceptions, then assembles the view.
  bool finish(CaseView& view) {
    if (!runs_.empty()) {
      runs_.back().end_clock = book_.clocks().size();
    }
    for (const auto& x : exceptions_) {
      auto clocks = clocks_of(x.run);
      if (auto problem = apply_recorded_exception(x.recorded->event, clocks, rules_)) {
        return reject(*x.recorded, *problem);
      }
    }
    for (const auto& asked : asked_) {
      auto clocks = clocks_of(asked.run);
      apply_closure_exceptions(asked.on, asked.service, asked.setting, clocks, rules_, calendar_);
    }
    for (const auto& run : runs_) {
      WorkflowView v{run.workflow(), run.state(), run.opened(), {}, {}};
      if (run.assessment) {
        v.closed = run.assessment->closed();
        if (run.assessment->detained()) {
          v.flags.emplace_back("detained");
        }
        add_warnings(view, run.assessment->warnings());
      } else {
        v.closed = run.reassessment->closed();
        add_warnings(view, run.reassessment->warnings());
      }
      view.workflows.push_back(std::move(v));
    }
    disagreements_.finish(view);
    for (const auto& r : reviews_) {
      WorkflowView v{review::kWorkflow, r->state(), r->opened(), r->closed(), {}};
      if (preparing_for_adulthood(r->opened())) {
        v.flags.emplace_back("preparation_for_adulthood");
      }
      view.workflows.push_back(std::move(v));
      add_warnings(view, r->warnings());
    }
    for (const auto& m : moves_out_) {
      view.workflows.push_back({move::kWorkflow, m->state(), m->opened(), m->closed(), {}});
    }
    for (const auto& m : moves_in_) {
      view.workflows.push_back({move::kWorkflow, m->state(), m->opened(), m->closed(), {}});
    }
    for (const auto& c : custodies_) {
      view.workflows.push_back({custody::kWorkflow, c->state(), c->opened(), c->closed(), {}});
    }
    add_warnings(view, plan_warnings_);
    if (plan_sent_early_) {
      // Sent ahead of a move that cannot be recorded before it happens (or a history seen as
      // it stood before the move): a reminder, not an error.
      view.warnings.push_back({plan_sent_early_->event.on,
                               "plan sent to another LA on " +
                                   engine::format_date(plan_sent_early_->event.on) +
                                   " with no move out of the area recorded: record moved_out on "
                                   "the day of the move (reg 15(2))"});
    }
    view.clocks = book_.clocks();
    if (dob_) {
      transfer::add_phase_transfers({*dob_, out_of_cohort_, phases_, plans_, naming_, expected_},
                                    rules_.transfer_options(), view);
    }
    std::stable_sort(
        view.workflows.begin(), view.workflows.end(),
        [](const WorkflowView& a, const WorkflowView& b) { return a.opened < b.opened; });
    std::stable_sort(view.warnings.begin(), view.warnings.end(),
                     [](const Warning& a, const Warning& b) { return a.on < b.on; });
    std::stable_sort(view.clocks.begin(), view.clocks.end(),
                     [](const engine::Clock& a, const engine::Clock& b) {
                       // Name breaks ties, so the order never depends on arrival.
                       if (a.start != b.start) {
                         return a.start < b.start;
                       }
                       return a.due != b.due ? a.due < b.due : a.name < b.name;
                     });
    return true;
  }

  std::optional<Rejection> rejection_;

 private:
  // Events the contract uses for amendments too, not only for a first plan.
  static bool shared_with_review(engine::EventType type) {
    using T = engine::EventType;
    return type == T::kFamilyResponse || type == T::kSchoolConsulted ||
           type == T::kConsultationResponse;
  }

  static std::optional<std::string> setting_name(const std::optional<engine::Setting>& s) {
    return s ? std::optional<std::string>(s->name) : std::nullopt;
  }

  static void add_warnings(CaseView& view, const std::vector<Warning>& warnings) {
    view.warnings.insert(view.warnings.end(), warnings.begin(), warnings.end());
  }

  // The open assessment, if the latest run is one.
  AssessmentWorkflow* current() {
    return runs_.empty() || !runs_.back().assessment || !runs_.back().active()
               ? nullptr
               : runs_.back().assessment.get();
  }

  // The open re-assessment, if the latest run is one.
  ReassessmentWorkflow* current_reassessment() {
    return runs_.empty() || !runs_.back().reassessment || !runs_.back().active()
               ? nullptr
               : runs_.back().reassessment.get();
  }

  // Why a new assessment or re-assessment cannot start while the latest is open, or nullopt.
  std::optional<std::string> run_still_open() const {
    if (runs_.empty() || !runs_.back().active()) {
      return std::nullopt;
    }
    const AssessmentRun& run = runs_.back();
    return std::string(run.assessment ? "an assessment requested on "
                                      : "a re-assessment begun on ") +
           engine::format_date(run.opened()) + " is still open (it is " + run.state() + ")";
  }

  // Starts a run: the previous one's clocks end where this one's begin.
  void push_run(AssessmentRun run) {
    if (!runs_.empty()) {
      runs_.back().end_clock = book_.clocks().size();
    }
    runs_.push_back(std::move(run));
  }

  bool start_assessment(const engine::RecordedEvent& recorded) {
    const engine::Date on = recorded.event.on;
    if (auto open = run_still_open()) {
      return reject(recorded, *open);
    }
    if (rules_.pack_on(on) == nullptr) {
      return reject(recorded, "no rule pack is in force on " + engine::format_date(on) +
                                  " (EHC needs assessments began on 1 September 2014)");
    }
    const std::size_t first_clock = book_.clocks().size();  // before the workflow opens any
    // An assessment asked for while the young person is detained is one under CFA s71.
    push_run(
        {std::make_unique<AssessmentWorkflow>(book_, on, in_custody()), nullptr, first_clock, 0});
    return true;
  }

  // The run's own clocks: reviews and the rest open theirs in the same book meanwhile.
  std::vector<engine::Clock*> clocks_of(std::size_t run) {
    std::vector<engine::Clock*> out;
    const std::string workflow = runs_[run].workflow();
    for (std::size_t i = runs_[run].first_clock; i < runs_[run].end_clock; ++i) {
      if (book_.clocks()[i].workflow == workflow) {
        out.push_back(&book_.clocks()[i]);
      }
    }
    return out;
  }

  // --- The plan: in force, reviewed, ceased (rules.md §3) ---

  // A plan made on `made`, known to the engine from `known` (where its transfers start), is in
  // force; its first review's 12 months start with `anchor`. `transferred_on`: it came from
  // another LA that day, and its first review is reg 15(5)'s.
  void start_plan(engine::Date known, engine::Date anchor,
                  std::optional<engine::Date> transferred_on = std::nullopt,
                  std::optional<engine::Date> made = std::nullopt) {
    plan_since_ = made.value_or(known);
    plans_.push_back({known, std::nullopt});
    plan_in_force_ = true;
    reviews_.push_back(
        std::make_unique<ReviewWorkflow>(book_, anchor, under_five(anchor), transferred_on));
  }

  // The plan stops being in force here on `on` (ceased, or sent to another LA).
  void end_plan(engine::Date on) {
    close_reviews(on);
    if (!plans_.empty()) {
      plans_.back().ended = on;
    }
  }

  // The under-5s' review target, when the LA has turned it on.
  bool under_five(engine::Date on) const {
    return rules_.under_five_reviews() && dob_ &&
           engine::add_months_clamped(*dob_, kUnderFiveMonths) > on;
  }

  // Why a plan made on `made` and last reviewed on `last_reviewed` cannot be taken on, or
  // nullopt.
  std::optional<std::string> plan_problem(engine::Date on, engine::Date made,
                                          std::optional<engine::Date> last_reviewed) const {
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

  bool take_plan_in_force(const engine::RecordedEvent& recorded) {
    const auto& body = std::get<engine::PlanInForce>(recorded.event.body);
    if (auto problem = plan_problem(recorded.event.on, body.made, body.last_reviewed)) {
      return reject(recorded, *problem);
    }
    start_plan(recorded.event.on, body.last_reviewed.value_or(body.made), std::nullopt, body.made);
    return true;
  }

  // The review an event belongs to: amendment events to the review awaiting one (or the
  // latest), the rest to the latest review.
  ReviewWorkflow* review_for(engine::EventType type) {
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

  bool review_amending() const {
    return plan_in_force_ && std::any_of(reviews_.begin(), reviews_.end(),
                                         [](const auto& r) { return r->amending(); });
  }

  bool take_review_event(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    if (!plan_in_force_) {
      return reject(recorded, "no plan is in force");
    }
    note_naming(e);
    ReviewWorkflow* review = review_for(e.type());
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

  bool cease_plan(const engine::RecordedEvent& recorded) {
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
    if (cease_decided_) {
      const engine::Date window = engine::add_months_clamped(*cease_decided_, kAppealWindowMonths);
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
  void note_naming(const engine::Event& e) {
    if (const auto* amended = std::get_if<engine::AmendedPlanIssued>(&e.body);
        amended != nullptr && amended->names_setting) {
      naming_.push_back(e.on);
    }
  }

  void close_reviews(engine::Date on) {
    for (auto& r : reviews_) {
      r->close(on);
    }
  }

  bool preparing_for_adulthood(engine::Date review_start) const {
    if (!dob_) {
      return false;
    }
    // The year group when the review falls due: the last day of its 12 months.
    const engine::Date due = engine::last_compliant_day(engine::Counting::kMonthsStartingWith,
                                                        review_start, kMonthsInYear, calendar_);
    return engine::year_group(*dob_, due, out_of_cohort_) >= kPreparationForAdulthoodYear;
  }

  // --- Re-assessment (rules.md §5, regs 24-27) ---

  bool start_reassessment(const engine::RecordedEvent& recorded) {
    if (!plan_in_force_) {
      return reject(recorded, "no plan is in force: a re-assessment is of a child with a plan");
    }
    if (auto open = run_still_open()) {
      return reject(recorded, *open);
    }
    const std::size_t first_clock = book_.clocks().size();
    push_run(
        {nullptr, std::make_unique<ReassessmentWorkflow>(book_, recorded.event), first_clock, 0});
    return check(recorded, runs_.back().reassessment->status());
  }

  // A decision on an open request; else, to re-assess, the LA's own (CFA s44(3)) or one a
  // Tribunal ordered, which starts a re-assessment.
  bool decide_reassessment(const engine::RecordedEvent& recorded) {
    if (ReassessmentWorkflow* r = current_reassessment()) {
      return check(recorded, r->apply(recorded.event));
    }
    const auto& body = std::get<engine::ReassessmentDecision>(recorded.event.body);
    if (body.outcome == engine::AssessmentOutcome::kRefuse) {
      return reject(recorded, "no re-assessment has been requested");
    }
    return start_reassessment(recorded);
  }

  // The open re-assessment that takes an event of `type`, if one does: its own events wherever
  // it stands (so that it can say why it cannot take one), except the family's comments and
  // consultations before it is re-assessing (they are a review's then), and an amended plan
  // while a review awaits one.
  ReassessmentWorkflow* reassessment_taking(engine::EventType type) {
    ReassessmentWorkflow* r = current_reassessment();
    if (r == nullptr || !ReassessmentWorkflow::takes(type)) {
      return nullptr;
    }
    if (type == engine::EventType::kAmendedPlanIssued) {
      return review_amending() ? nullptr : r;  // before a draft it says why it cannot take it
    }
    if (shared_with_review(type)) {
      return r->reassessing() ? r : nullptr;
    }
    return r;
  }

  bool take_reassessment_event(const engine::RecordedEvent& recorded, ReassessmentWorkflow& r) {
    const engine::Event& e = recorded.event;
    if (!ReassessmentWorkflow::takes(e.type())) {  // an assessment's decision, say
      return reject(recorded, "cannot be taken while the re-assessment is " + r.state());
    }
    if (e.type() == engine::EventType::kAdviceRequested) {
      asked_.push_back(
          {e.on, std::get<engine::AdviceRequested>(e.body).service, setting_, runs_.size() - 1});
    }
    if (!check(recorded, r.apply(e))) {
      return false;
    }
    note_naming(e);
    if (const auto* plan = std::get_if<engine::FinalPlanIssued>(&e.body);
        plan != nullptr && plan->names_setting) {
      naming_.push_back(e.on);  // a new plan naming the next setting meets a transfer too
    }
    return true;
  }

  // --- Moves between LAs (rules.md §5, reg 15) ---

  bool move_out(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    if (moved_away_) {
      return reject(recorded, "the child already moved out of the area on " +
                                  engine::format_date(*moved_away_) +
                                  " (transferred_in must come first)");
    }
    const auto& body = std::get<engine::MovedOut>(e.body);
    const bool with_plan = plan_in_force_;
    moves_out_.push_back(
        std::make_unique<MoveOutWorkflow>(book_, e.on, body.aware_on.value_or(e.on), with_plan));
    if (!check(recorded, moves_out_.back()->status())) {
      return false;
    }
    moved_away_ = e.on;
    // What the LA was doing for the child ends with the move: an assessment does not go with
    // the child (rules.md §2), the plan becomes the new LA's.
    end_work(e.on);
    if (with_plan) {
      end_plan(e.on);
      plan_in_force_ = false;
      plan_ends_on_.reset();
    }
    if (plan_sent_early_) {
      const engine::RecordedEvent* sent = std::exchange(plan_sent_early_, nullptr);
      if (!with_plan) {
        return reject(
            *sent, "no plan was in force when the child moved out on " + engine::format_date(e.on));
      }
      return check(*sent, moves_out_.back()->apply(sent->event));
    }
    return true;
  }

  // The plan sent to the new LA: after the move, or ahead of it (met once the move is
  // recorded; until then a warning says the move is to be recorded).
  bool send_plan(const engine::RecordedEvent& recorded) {
    if (!moves_out_.empty() && moves_out_.back()->awaits_plan()) {
      return check(recorded, moves_out_.back()->apply(recorded.event));
    }
    if (plan_in_force_ && plan_sent_early_ == nullptr) {
      plan_sent_early_ = &recorded;  // sent ahead of the move: met when the move comes
      return true;
    }
    if (!moves_out_.empty()) {
      return check(recorded, moves_out_.back()->apply(recorded.event));  // says why not
    }
    return reject(recorded, "no move out of the area awaits the plan (moved_out must come first)");
  }

  bool transfer_in(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    const auto& body = std::get<engine::TransferredIn>(e.body);
    if (auto problem = plan_problem(e.on, body.made, body.last_reviewed)) {
      return reject(recorded, *problem);
    }
    moves_in_.push_back(std::make_unique<MoveInWorkflow>(book_, e.on));
    if (!check(recorded, moves_in_.back()->status())) {
      return false;
    }
    moved_away_.reset();
    // Treated as made by this LA on the original date (reg 15(3)); reviewed by the later of 12
    // months from its making or last review and 3 months from the transfer (reg 15(5)).
    start_plan(e.on, body.last_reviewed.value_or(body.made), e.on, body.made);
    return true;
  }

  bool notify_transfer(const engine::RecordedEvent& recorded) {
    if (moves_in_.empty()) {
      return reject(recorded, "no plan was transferred in (transferred_in must come first)");
    }
    return check(recorded, moves_in_.back()->apply(recorded.event));
  }

  // --- Custody (rules.md §5, SI 2015/62) ---

  bool in_custody() const { return !custodies_.empty() && custodies_.back()->in_custody(); }

  bool enter_custody(const engine::RecordedEvent& recorded) {
    if (in_custody()) {
      return reject(recorded, "the young person is already detained (the LA was told on " +
                                  engine::format_date(custodies_.back()->opened()) +
                                  "; custody_ended must come first)");
    }
    custodies_.push_back(
        std::make_unique<CustodyWorkflow>(book_, recorded.event.on, plan_in_force_));
    return check(recorded, custodies_.back()->status());
  }

  bool take_custody_event(const engine::RecordedEvent& recorded) {
    if (custodies_.empty()) {
      return reject(recorded,
                    "the young person is not recorded as detained (custody_notified must come "
                    "first)");
    }
    return check(recorded, custodies_.back()->apply(recorded.event));
  }

  // Ends the work in progress on `on` (the case closed, the child moved away): the assessment
  // or re-assessment, disagreements, a transfer in's notice, a detention. The plan and its
  // reviews are the caller's.
  void end_work(engine::Date on) {
    if (!runs_.empty() && runs_.back().active()) {
      runs_.back().close(on);
    }
    disagreements_.close(on);
    for (auto& m : moves_in_) {
      m->close(on);
    }
    // A plan still to be sent to the new LA stays due: closing the case does not send it.
    if (in_custody()) {
      custodies_.back()->close(on);
    }
  }

  // --- Orders and agreements carried out ---

  // Whether the workflow an event usually belongs to can take it now: an open assessment for
  // its decisions and plans, a review awaiting an amendment for an amended plan.
  bool owner_takes(engine::EventType type) {
    if (type == engine::EventType::kAmendedPlanIssued) {
      return review_amending();
    }
    return !AssessmentWorkflow::takes(type) || current() != nullptr;
  }

  // An event that carries out an order where no assessment or review is waiting for it: a plan
  // the Tribunal ordered after a decision not to issue one, an amendment it ordered.
  bool carried_out_alone(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    note_naming(e);
    if (e.type() == engine::EventType::kFinalPlanIssued && !plan_in_force_) {
      start_plan(e.on, e.on);
    }
    return true;
  }

  // True when `status` is ok; otherwise rejects `recorded` with its message.
  bool check(const engine::RecordedEvent& recorded, const engine::Status& status) {
    return status.ok() || reject(recorded, status.message());
  }

  bool reject(const engine::RecordedEvent& recorded, const std::string& reason) {
    rejection_ =
        Rejection{recorded.seq, std::string(engine::to_string(recorded.event.type())) + " on " +
                                    engine::format_date(recorded.event.on) + ": " + reason};
    return false;
  }

  const engine::RuleBook& rules_;
  const engine::Calendar& calendar_;
  ClockBook book_;
  disagreement::Disagreements disagreements_;
  std::vector<AssessmentRun> runs_;
  std::vector<AdviceAsked> asked_;
  std::vector<ExceptionToApply> exceptions_;
  std::optional<std::string> setting_;
  std::vector<std::unique_ptr<ReviewWorkflow>> reviews_;
  std::vector<std::unique_ptr<MoveOutWorkflow>> moves_out_;
  std::vector<std::unique_ptr<MoveInWorkflow>> moves_in_;
  std::vector<std::unique_ptr<CustodyWorkflow>> custodies_;
  bool plan_in_force_ = false;
  std::optional<engine::Date> plan_since_;  // the day the plan in force was made
  std::optional<engine::Date> cease_decided_;
  std::optional<engine::Date> dob_;
  std::optional<engine::YearGroupOverride> out_of_cohort_;
  std::vector<Warning> plan_warnings_;
  std::vector<engine::PhaseFrom> phases_;         // the setting's phase from each date
  std::vector<transfer::PlanPeriod> plans_;       // each period a plan was maintained here
  std::vector<engine::Date> naming_;              // amended plans naming a setting
  std::vector<transfer::ExpectedMove> expected_;  // transfer_expected
  std::optional<engine::Date> plan_ends_on_;      // ceased, but in force until this day
  std::optional<engine::Date> moved_away_;        // moved out, not transferred back in
  const engine::RecordedEvent* plan_sent_early_ = nullptr;  // plan_transferred before the move
};

}  // namespace

Evaluation evaluate_case(std::span<const engine::RecordedEvent> events,
                         const engine::RuleBook& rules, const engine::Calendar& calendar) {
  Evaluation out;
  Evaluator evaluator(rules, calendar);
  for (const auto& recorded : events) {
    if (!evaluator.take(recorded)) {
      out.rejection = evaluator.rejection_;
      return out;
    }
  }
  if (!evaluator.finish(out.view)) {
    out.rejection = evaluator.rejection_;
  }
  return out;
}

}  // namespace ehcp::workflows
