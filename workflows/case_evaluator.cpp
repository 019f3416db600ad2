#include "workflows/case_evaluator.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "engine/academic_year.h"
#include "engine/counting.h"
#include "engine/phase_transfer.h"
#include "workflows/assessment/assessment_workflow.h"
#include "workflows/clock_book.h"
#include "workflows/disagreement/disagreement_workflow.h"
#include "workflows/exceptions.h"
#include "workflows/review/review_workflow.h"

namespace ehcp::workflows {
namespace {

using assessment::AssessmentWorkflow;
using disagreement::DisagreementWorkflow;
using review::ReviewWorkflow;

// From Year 9 every review must consider preparation for adulthood (CoP 8.9, rules.md §3).
constexpr int kPreparationForAdulthoodYear = 9;
// A ceased plan stays in force until the appeal window has passed: 2 months from the decision.
constexpr int kAppealWindowMonths = 2;
constexpr const char* kTransferWorkflow = "transfer";
constexpr int kUnderFiveMonths = 60;
constexpr int kMonthsInYear = 12;
// Academic years from the one of birth to Year 14's (A + 5 + 14), the last year group with a plan.
constexpr int kLastTransferYears = 19;

// One assessment and the clocks it owns: assessments follow one another, so its clocks are
// those the book opened from its start until the next one's.
struct AssessmentRun {
  std::unique_ptr<AssessmentWorkflow> workflow;
  std::size_t first_clock = 0;
  std::size_t end_clock = 0;  // set when the next one starts, or at the end
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
      : rules_(rules), calendar_(calendar), book_(rules, calendar) {}

  // False, with rejection_ set, when the event cannot be taken where it falls.
  bool take(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    if (plan_ends_on_ && e.on >= *plan_ends_on_) {
      plan_in_force_ = false;  // a ceased plan's appeal window has passed
      plan_ends_on_.reset();
    }
    if (DisagreementWorkflow::takes(e.type())) {
      return take_disagreement_event(recorded);
    }
    bool carried_out = false;  // the event meets or ends a limb of an order or agreement
    if (!carry_out_orders(recorded, carried_out)) {
      return false;
    }
    note_appealable_decision(e);
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
      case T::kTransferExpected:
        if (!plan_in_force_) {
          return reject(recorded, "no plan is in force");
        }
        expected_.push_back(&recorded);
        return true;
      case T::kCaseClosed:
        if (current() != nullptr) {
          current()->close(e.on);
        }
        close_reviews(e.on);
        for (auto& d : disagreements_) {
          d->close(e.on);
        }
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
      default:
        break;
    }
    if (carried_out && !owner_takes(e.type())) {
      return carried_out_alone(recorded);
    }
    if (ReviewWorkflow::takes(e.type())) {
      return take_review_event(recorded);
    }
    if (!AssessmentWorkflow::takes(e.type())) {
      return true;  // transfers and later workflows arrive with their own issues
    }
    if (shared_with_review(e.type()) && current() == nullptr) {
      return true;  // comments and consultations on proposed amendments: the review's
    }
    if (runs_.empty()) {
      return reject(recorded, "no assessment has been requested");
    }
    if (e.type() == T::kAdviceRequested) {
      asked_.push_back(
          {e.on, std::get<engine::AdviceRequested>(e.body).service, setting_, runs_.size() - 1});
    }
    if (auto status = runs_.back().workflow->apply(e); !status.ok()) {
      return reject(recorded, status.message());
    }
    if (e.type() == T::kFinalPlanIssued && !plan_in_force_) {
      start_plan(e.on, e.on, e.on);  // the first review's 12 months start with the plan
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
      const auto& w = *run.workflow;
      view.workflows.push_back({assessment::kWorkflow, w.state(), w.opened(), w.closed(), {}});
      view.warnings.insert(view.warnings.end(), w.warnings().begin(), w.warnings().end());
    }
    for (const auto& d : disagreements_) {
      d->close_unused_windows();
      view.workflows.push_back(
          {disagreement::kWorkflow, d->state(), d->opened(), d->closed(), d->flags()});
    }
    for (const auto& r : reviews_) {
      WorkflowView v{review::kWorkflow, r->state(), r->opened(), r->closed(), {}};
      if (preparing_for_adulthood(r->opened())) {
        v.flags.emplace_back("preparation_for_adulthood");
      }
      view.workflows.push_back(std::move(v));
      view.warnings.insert(view.warnings.end(), r->warnings().begin(), r->warnings().end());
    }
    view.warnings.insert(view.warnings.end(), plan_warnings_.begin(), plan_warnings_.end());
    view.clocks = book_.clocks();
    add_transfers(view);
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

  AssessmentWorkflow* current() {
    return runs_.empty() || !runs_.back().workflow->active() ? nullptr
                                                             : runs_.back().workflow.get();
  }

  bool start_assessment(const engine::RecordedEvent& recorded) {
    const engine::Date on = recorded.event.on;
    if (current() != nullptr) {
      return reject(recorded, "an assessment requested on " +
                                  engine::format_date(current()->opened()) +
                                  " is still open (it is " + current()->state() + ")");
    }
    if (rules_.pack_on(on) == nullptr) {
      return reject(recorded, "no rule pack is in force on " + engine::format_date(on) +
                                  " (EHC needs assessments began on 1 September 2014)");
    }
    if (!runs_.empty()) {
      runs_.back().end_clock = book_.clocks().size();
    }
    const std::size_t first_clock = book_.clocks().size();  // before the workflow opens any
    runs_.push_back({std::make_unique<AssessmentWorkflow>(book_, on), first_clock, 0});
    return true;
  }

  // The assessment's own clocks: reviews open theirs in the same book meanwhile.
  std::vector<engine::Clock*> clocks_of(std::size_t run) {
    std::vector<engine::Clock*> out;
    for (std::size_t i = runs_[run].first_clock; i < runs_[run].end_clock; ++i) {
      if (book_.clocks()[i].workflow == assessment::kWorkflow) {
        out.push_back(&book_.clocks()[i]);
      }
    }
    return out;
  }

  // A plan made on `made`, first known to the engine on `known` (where its transfers start),
  // is in force; its first review's 12 months start with `anchor`.
  void start_plan(engine::Date made, engine::Date known, engine::Date anchor) {
    plan_since_ = made;
    plan_made_ = known;
    plan_in_force_ = true;
    start_review(anchor);
  }

  void start_review(engine::Date anchor) {
    reviews_.push_back(std::make_unique<ReviewWorkflow>(book_, anchor, under_five(anchor)));
  }

  // The under-5s' review target, when the LA has turned it on.
  bool under_five(engine::Date on) const {
    return rules_.under_five_reviews() && dob_ &&
           engine::add_months_clamped(*dob_, kUnderFiveMonths) > on;
  }

  bool take_plan_in_force(const engine::RecordedEvent& recorded) {
    const auto& body = std::get<engine::PlanInForce>(recorded.event.body);
    if (plan_in_force_) {
      return reject(recorded,
                    "a plan is already in force (since " + engine::format_date(*plan_since_) + ")");
    }
    if (body.made > recorded.event.on) {
      return reject(recorded, "the plan was made on " + engine::format_date(body.made) +
                                  ", after the event's date");
    }
    if (body.last_reviewed && *body.last_reviewed < body.made) {
      return reject(recorded, "last reviewed on " + engine::format_date(*body.last_reviewed) +
                                  ", before the plan was made on " +
                                  engine::format_date(body.made));
    }
    if (rules_.pack_on(body.last_reviewed.value_or(body.made)) == nullptr) {
      return reject(recorded, "no rule pack is in force on " +
                                  engine::format_date(body.last_reviewed.value_or(body.made)) +
                                  " (EHC plans began on 1 September 2014)");
    }
    start_plan(body.made, recorded.event.on, body.last_reviewed.value_or(body.made));
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

  bool take_review_event(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    if (!plan_in_force_) {
      return reject(recorded, "no plan is in force");
    }
    if (const auto* amended = std::get_if<engine::AmendedPlanIssued>(&e.body);
        amended != nullptr && amended->names_setting) {
      naming_.push_back(e.on);
    }
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
      start_review(by_meeting && review->held_on() ? *review->held_on() : e.on);
    }
    return true;
  }

  bool cease_plan(const engine::RecordedEvent& recorded) {
    const engine::Date on = recorded.event.on;
    if (!plan_in_force_) {
      return reject(recorded, "no plan is in force");
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
    close_reviews(ends);
    plan_ceased_ = ends;
    if (ends == on) {
      plan_in_force_ = false;
    } else {
      plan_ends_on_ = ends;
    }
    return true;
  }

  // The first amended plan naming a setting on or after `from`: what meets a transfer.
  std::optional<engine::Date> named_from(engine::Date from) const {
    for (const engine::Date d : naming_) {
      if (d >= from) {
        return d;
      }
    }
    return std::nullopt;
  }

  // A phase transfer's clock and workflow (rules.md §4): met by an amended plan naming the next
  // setting, not applicable once the plan has ceased.
  void add_transfer(CaseView& view, engine::Date start, engine::Date due, std::string basis,
                    std::string limb, engine::Date naming_from) {
    engine::Clock c;
    c.name = "phase_transfer";
    c.workflow = kTransferWorkflow;
    c.start = start;
    c.due = due;
    c.statutory = true;
    c.basis = std::move(basis);
    c.detail = std::move(limb);
    c.met_on = named_from(naming_from);
    if (!c.met_on && plan_ceased_ && *plan_ceased_ >= start) {
      c.ended_on = plan_ceased_;
    }
    if (plan_ceased_ && *plan_ceased_ < start) {
      return;  // no plan, no transfer
    }
    WorkflowView w{kTransferWorkflow,
                   c.met_on ? "named" : (c.ended_on ? "ended" : "awaiting_amendment"),
                   start,
                   c.met_on ? c.met_on : c.ended_on,
                   {}};
    view.workflows.push_back(std::move(w));
    view.clocks.push_back(std::move(c));
  }

  // Transfers derived from the date of birth, year group and setting phases for every year the
  // plan is maintained (those starting after the as-of date are the callers' to hide), and
  // those recorded as expected.
  void add_transfers(CaseView& view) {
    if (!plan_made_ || !dob_) {
      return;
    }
    // Far enough for any last year group an LA could configure (Year 14 at the latest).
    const int until = engine::academic_year_of(*dob_) + kLastTransferYears;
    for (const auto& t : engine::derive_transfers(*dob_, out_of_cohort_, phases_, *plan_made_,
                                                  until, rules_.transfer_options())) {
      add_transfer(view, t.start, t.due, t.basis, t.limb,
                   engine::academic_year_start(t.academic_year));
    }
    for (const auto* recorded : expected_) {
      const auto& body = std::get<engine::TransferExpected>(recorded->event.body);
      const engine::Date on = recorded->event.on;
      const engine::Phase from = engine::phase_on(phases_, on).value_or(engine::Phase::kNone);
      add_transfer(view, on, engine::expected_transfer_due(body.to_phase, from, body.move),
                   engine::expected_transfer_basis(body.to_phase, from, body.move),
                   engine::expected_transfer_limb(body.to_phase, from), on);
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

  // --- Disagreements (rules.md §6) ---

  // Remembers when the LA last sent notice of a decision the family may appeal (CFA s51): a
  // refusal to assess, a decision not to issue a plan, a plan or amended plan issued, a review
  // keeping the plan as it is or ceasing it, an amendment withdrawn, a plan ceased. A
  // disagreement event that does not say which decision it is about is about this one.
  void note_appealable_decision(const engine::Event& e) {
    using T = engine::EventType;
    bool appealable = false;
    switch (e.type()) {
      case T::kAssessmentDecision:
        appealable = std::get<engine::AssessmentDecision>(e.body).outcome ==
                     engine::AssessmentOutcome::kRefuse;
        break;
      case T::kIssueDecision:
        appealable =
            std::get<engine::IssueDecision>(e.body).outcome == engine::IssueOutcome::kNoPlan;
        break;
      case T::kReviewDecision:
        appealable =
            std::get<engine::ReviewDecision>(e.body).outcome != engine::ReviewOutcome::kAmend;
        break;
      case T::kFinalPlanIssued:
      case T::kAmendedPlanIssued:
      case T::kAmendmentWithdrawn:
      case T::kPlanCeased:
        appealable = true;
        break;
      default:
        break;
    }
    if (appealable) {
      last_decision_ = e.on;
    }
  }

  // The decision notice a starting event is about: its own `decision_sent`, else the latest
  // appealable decision recorded.
  static std::optional<engine::Date> decision_sent_of(const engine::Event& e) {
    if (const auto* b = std::get_if<engine::MediationRequested>(&e.body)) {
      return b->decision_sent;
    }
    if (const auto* b = std::get_if<engine::MediationDeclined>(&e.body)) {
      return b->decision_sent;
    }
    if (const auto* b = std::get_if<engine::AppealLodged>(&e.body)) {
      return b->decision_sent;
    }
    return std::nullopt;
  }

  static bool starts_disagreement(engine::EventType type) {
    using T = engine::EventType;
    return type == T::kMediationRequested || type == T::kMediationDeclined ||
           type == T::kAppealLodged;
  }

  // A disagreement event goes to the latest disagreement that can take it where it stands
  // (and, when it names its decision, is about that one): a decline after a request, an appeal
  // after mediation, an order after an appeal. A family's step no disagreement takes starts a
  // new one; anything else goes to the latest, which says why it cannot take it.
  bool take_disagreement_event(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    const auto sent = decision_sent_of(e);
    DisagreementWorkflow* target = nullptr;
    for (auto it = disagreements_.rbegin(); it != disagreements_.rend(); ++it) {
      if ((*it)->accepts(e.type()) && (!sent || (*it)->decision_sent() == *sent)) {
        target = it->get();
        break;
      }
    }
    if (target == nullptr && starts_disagreement(e.type())) {
      return start_disagreement(recorded, sent ? sent : last_decision_);
    }
    if (target == nullptr && disagreements_.empty()) {
      return reject(recorded, "no mediation or appeal has been recorded");
    }
    if (target == nullptr) {
      target = disagreements_.back().get();
    }
    if (auto status = target->apply(e); !status.ok()) {
      return reject(recorded, status.message());
    }
    const auto* order = std::get_if<engine::TribunalOrder>(&e.body);
    if (order != nullptr && order->order == engine::OrderKind::kCeaseDismissed &&
        (!plan_in_force_ || plan_ends_on_)) {
      target->plan_already_ceased(e.on);  // the LA ceased it before the appeal was decided
    }
    return true;
  }

  bool start_disagreement(const engine::RecordedEvent& recorded,
                          std::optional<engine::Date> decision_sent) {
    if (!decision_sent) {
      return reject(recorded,
                    "no decision the family could appeal is recorded on or before it: give the "
                    "day its notice was sent as field 'decision_sent'");
    }
    disagreements_.push_back(
        std::make_unique<DisagreementWorkflow>(book_, *decision_sent, recorded.event));
    if (const auto& status = disagreements_.back()->status(); !status.ok()) {
      return reject(recorded, status.message());
    }
    return true;
  }

  // Offers `recorded` to each disagreement awaiting it; `carried_out` says whether any did.
  bool carry_out_orders(const engine::RecordedEvent& recorded, bool& carried_out) {
    for (auto& d : disagreements_) {
      if (!d->awaits(recorded.event)) {
        continue;
      }
      carried_out = true;
      if (auto status = d->apply(recorded.event); !status.ok()) {
        return reject(recorded, status.message());
      }
    }
    return true;
  }

  // Whether the workflow an event usually belongs to can take it now: an open assessment for
  // its decisions and plans, a review awaiting an amendment for an amended plan.
  bool owner_takes(engine::EventType type) {
    if (type == engine::EventType::kAmendedPlanIssued) {
      return plan_in_force_ && std::any_of(reviews_.begin(), reviews_.end(),
                                           [](const auto& r) { return r->amending(); });
    }
    return !AssessmentWorkflow::takes(type) || current() != nullptr;
  }

  // An event that carries out an order where no assessment or review is waiting for it: a plan
  // the Tribunal ordered after a decision not to issue one, an amendment it ordered.
  bool carried_out_alone(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    if (const auto* amended = std::get_if<engine::AmendedPlanIssued>(&e.body);
        amended != nullptr && amended->names_setting) {
      naming_.push_back(e.on);  // it meets a phase transfer too
    }
    if (e.type() == engine::EventType::kFinalPlanIssued && !plan_in_force_) {
      start_plan(e.on, e.on, e.on);
    }
    return true;
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
  std::vector<AssessmentRun> runs_;
  std::vector<AdviceAsked> asked_;
  std::vector<ExceptionToApply> exceptions_;
  std::optional<std::string> setting_;
  std::vector<std::unique_ptr<ReviewWorkflow>> reviews_;
  std::vector<std::unique_ptr<DisagreementWorkflow>> disagreements_;
  std::optional<engine::Date> last_decision_;  // the latest appealable decision's notice
  bool plan_in_force_ = false;
  std::optional<engine::Date> plan_made_;   // first known to the engine (transfers from then)
  std::optional<engine::Date> plan_since_;  // the day the plan was made
  std::optional<engine::Date> cease_decided_;
  std::optional<engine::Date> dob_;
  std::optional<engine::YearGroupOverride> out_of_cohort_;
  std::vector<Warning> plan_warnings_;
  std::vector<engine::PhaseFrom> phases_;               // the setting's phase from each date
  std::vector<engine::Date> naming_;                    // amended plans naming a setting
  std::vector<const engine::RecordedEvent*> expected_;  // transfer_expected
  std::optional<engine::Date> plan_ceased_;             // the day the plan stops being in force
  std::optional<engine::Date> plan_ends_on_;            // ceased, but in force until this day
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
