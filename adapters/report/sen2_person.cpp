#include "adapters/report/sen2_person.h"

#include <type_traits>

#include "engine/case_record.h"

namespace ehcp::adapters::report {
namespace {

namespace e = engine;
using e::Date;

constexpr int kTimelinessWeeks = 20;

// The reg 18 date a transfer to `phase` moving on `move` must meet: 31 March for post-16,
// otherwise 15 February, of the move's year (rules.md §4).
Date transfer_due(e::Phase phase, Date move) {
  const date::year_month_day ymd{move};
  return phase == e::Phase::kPost16 ? Date{ymd.year() / date::March / 31}
                                    : Date{ymd.year() / date::February / 15};
}

struct Builder {
  Sen2Person& p;
  Date census;
  std::optional<Sen2Plan> plan;     // the plan in force as the events are walked
  std::optional<std::size_t> open;  // the request being assessed, an index into `all`
  std::vector<Sen2Request> all;

  void end_plan(Date on, std::optional<std::string> reason, bool transferred) {
    if (!plan) {
      return;
    }
    plan->ended = on;
    plan->cease_reason = std::move(reason);
    plan->transferred_out = transferred;
    if (on >= period_start(census)) {
      p.ceased = std::move(plan);
    }
    plan.reset();
  }
  void start_plan(Date on, std::optional<Date> reviewed) {
    plan = Sen2Plan{};
    plan->start = on;
    plan->last_review = reviewed;
  }
  void end_request(Date on) {
    if (open) {
      all[*open].ended_unfinished = on;
      open.reset();
    }
  }
  Sen2Request* current() { return open ? &all[*open] : nullptr; }

  void take(const e::Event& ev) {
    const Date on = ev.on;
    std::visit(
        [&](const auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, e::CaseOpened>) {
            p.child = b.child;
            p.setting = b.setting;
            if (b.primary_need) {
              p.primary_need = b.primary_need;
            }
          } else if constexpr (std::is_same_v<T, e::SettingChanged>) {
            p.setting = b.setting;
          } else if constexpr (std::is_same_v<T, e::AssessmentRequested>) {
            Sen2Request r;
            r.received = on;
            r.source = std::string(e::to_string(b.source));
            all.push_back(std::move(r));
            open = all.size() - 1;
          } else if constexpr (std::is_same_v<T, e::ReassessmentRequested>) {
            Sen2Request r;
            r.received = on;
            r.reassessment = true;
            if (b.source) {
              r.source = std::string(e::to_string(*b.source));
            }
            all.push_back(std::move(r));
            open = all.size() - 1;
          } else if constexpr (std::is_same_v<T, e::AssessmentDecision> ||
                               std::is_same_v<T, e::ReassessmentDecision>) {
            if (auto* r = current()) {
              r->decided = on;
              r->refused = b.outcome == e::AssessmentOutcome::kRefuse;
              if (r->refused) {
                open.reset();
              }
            }
          } else if constexpr (std::is_same_v<T, e::IssueDecision>) {
            if (auto* r = current()) {
              r->issue_decided = on;
              r->no_plan = b.outcome == e::IssueOutcome::kNoPlan;
              if (r->no_plan) {
                open.reset();
              }
            }
          } else if constexpr (std::is_same_v<T, e::ExceptionRecorded>) {
            if (auto* r = current()) {
              r->exception = true;
            }
          } else if constexpr (std::is_same_v<T, e::AssessmentWithdrawn>) {
            if (auto* r = current()) {
              r->withdrawn = on;
              open.reset();
            }
          } else if constexpr (std::is_same_v<T, e::MediationRequested> ||
                               std::is_same_v<T, e::AppealLodged> ||
                               std::is_same_v<T, e::TribunalOrder>) {
            // SEN2 leaves out of the 20-week rates any case with a mediation or Tribunal
            // since the request (rules.md §7), before the plan or after it.
            for (auto& r : all) {
              if (r.received <= on) {
                r.disagreement = true;
              }
            }
          } else if constexpr (std::is_same_v<T, e::FinalPlanIssued>) {
            if (auto* r = current()) {
              r->plan_issued = on;
              open.reset();
            }
            start_plan(on, std::nullopt);
            if (b.primary_need) {
              p.primary_need = b.primary_need;
            }
          } else if constexpr (std::is_same_v<T, e::PlanInForce>) {
            start_plan(b.made, b.last_reviewed);
            if (b.primary_need) {
              p.primary_need = b.primary_need;
            }
          } else if constexpr (std::is_same_v<T, e::TransferredIn>) {
            // Treated as made when the other LA made it (reg 15(3)), reviewed since perhaps.
            start_plan(b.made, b.last_reviewed);
            if (b.primary_need) {
              p.primary_need = b.primary_need;
            }
          } else if constexpr (std::is_same_v<T, e::ReviewMeetingHeld>) {
            if (plan) {
              plan->last_review = on;
              plan->review_draft.reset();
            }
          } else if constexpr (std::is_same_v<T, e::AmendmentNoticeIssued>) {
            if (plan) {
              plan->review_draft = on;
            }
          } else if constexpr (std::is_same_v<T, e::AmendedPlanIssued>) {
            if (plan && plan->transfer_due && !plan->transfer_final && b.names_setting) {
              plan->transfer_final = on;
            }
            if (b.primary_need) {
              p.primary_need = b.primary_need;
            }
            if (auto* r = current(); r && r->reassessment) {
              r->plan_issued = on;
              open.reset();
            }
          } else if constexpr (std::is_same_v<T, e::TransferExpected>) {
            if (plan) {
              plan->transfer_due = transfer_due(b.to_phase, b.move);
              plan->transfer_final.reset();
            }
          } else if constexpr (std::is_same_v<T, e::PlanCeased>) {
            end_plan(on, b.cease_reason, false);
          } else if constexpr (std::is_same_v<T, e::PlanTransferred>) {
            end_plan(on, std::nullopt, true);
            end_request(on);
          } else if constexpr (std::is_same_v<T, e::CaseClosed>) {
            end_plan(on, std::nullopt, false);
            end_request(on);
          }
        },
        ev.body);
  }

  void finish() {
    p.active = std::move(plan);
    const Date first = period_start(census);
    const Date last = period_end(census);
    for (auto& r : all) {
      if (r.refused) {
        r.outcome = "refused";
        r.outcome_date = r.decided;
      } else if (r.withdrawn) {
        r.outcome = "withdrawn";
        r.outcome_date = r.withdrawn;
      } else if (r.no_plan) {
        r.outcome = "no_plan";
        r.outcome_date = r.issue_decided;
      } else if (r.plan_issued) {
        r.outcome = "plan";
        r.outcome_date = r.issue_decided ? r.issue_decided : r.plan_issued;
      } else {
        r.outcome = "open";
      }
      const Date finished = r.plan_issued        ? *r.plan_issued
                            : r.outcome_date     ? *r.outcome_date
                            : r.ended_unfinished ? *r.ended_unfinished
                                                 : census;
      // A request of the period, or an older one finished in it or still open at its end.
      if (r.received <= last && (r.received >= first || finished >= first)) {
        p.requests.push_back(std::move(r));
      }
    }
  }
};

}  // namespace

const std::vector<e::EventType>& sen2_event_types() {
  using T = e::EventType;
  static const std::vector<T> types = {
      T::kCaseOpened,          T::kSettingChanged,     T::kCaseClosed,
      T::kAssessmentRequested, T::kAssessmentDecision, T::kExceptionRecorded,
      T::kIssueDecision,       T::kFinalPlanIssued,    T::kAssessmentWithdrawn,
      T::kPlanInForce,         T::kReviewMeetingHeld,  T::kAmendmentNoticeIssued,
      T::kAmendedPlanIssued,   T::kPlanCeased,         T::kTransferExpected,
      T::kMediationRequested,  T::kAppealLodged,       T::kTribunalOrder,
      T::kPlanTransferred,     T::kTransferredIn,      T::kReassessmentRequested,
      T::kReassessmentDecision};
  return types;
}

bool Sen2Request::within_20_weeks() const {
  return plan_issued && *plan_issued <= received + date::weeks{kTimelinessWeeks};
}

Date period_start(Date census) {
  const date::year_month_day ymd{census};
  return Date{(ymd.year() - date::years{1}) / date::January / 1};
}

Date period_end(Date census) {
  const date::year_month_day ymd{census};
  return Date{(ymd.year() - date::years{1}) / date::December / 31};
}

Sen2Person sen2_person(const std::string& case_ref,
                       const std::vector<e::RecordedEvent>& as_they_stood, Date census) {
  Sen2Person person;
  person.case_ref = case_ref;
  Builder b{person, census, {}, {}, {}};
  for (const auto& recorded : as_they_stood) {
    b.take(recorded.event);
  }
  b.finish();
  return person;
}

}  // namespace ehcp::adapters::report
