#include "adapters/record/offered_events.h"

#include <algorithm>

#include "workflows/case_as_of.h"
#include "workflows/clock_names.h"

namespace ehcp::adapters::record {
namespace {

using namespace engine;

// The open clocks of a family ("advice:"), by suffix, in the view's order.
std::vector<std::string> open_suffixes(const workflows::CaseView& view, std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& c : view.clocks) {
    if (c.name.starts_with(prefix) && !c.met_on && !c.ended_on) {
      auto suffix = c.name.substr(prefix.size());
      if (std::find(out.begin(), out.end(), suffix) == out.end()) {
        out.push_back(std::move(suffix));
      }
    }
  }
  return out;
}

// A name no real advice or setting has, for the events that bring a new one.
constexpr const char* kTrialName = "ehcp-trial";

// Plausible bodies of `type` on `on` for a case whose view is `view`: every outcome of a
// decision, every thing awaited; one of anything else.
std::vector<EventBody> variants(EventType type, Date on, const workflows::CaseView& view) {
  switch (type) {
    case EventType::kAssessmentRequested:
      return {AssessmentRequested{RequestSource::kParent}};
    case EventType::kAssessmentDecision:
      return {AssessmentDecision{AssessmentOutcome::kAssess},
              AssessmentDecision{AssessmentOutcome::kRefuse}};
    case EventType::kAdviceRequested:
      return {AdviceRequested{kTrialName, AdviceService::kOther}};
    case EventType::kAdviceReceived: {
      std::vector<EventBody> out;
      for (auto& id : open_suffixes(view, workflows::clocks::kAdvicePrefix)) {
        out.push_back(AdviceReceived{std::move(id)});
      }
      return out;
    }
    case EventType::kExceptionRecorded:
      return {ExceptionRecorded{ExceptionLimb::kPersonalCircumstances, std::nullopt, on,
                                std::nullopt, std::nullopt}};
    case EventType::kIssueDecision:
      return {IssueDecision{IssueOutcome::kIssue}, IssueDecision{IssueOutcome::kNoPlan}};
    case EventType::kDraftPlanIssued:
      return {DraftPlanIssued{}};
    case EventType::kSchoolConsulted:
      return {SchoolConsulted{kTrialName}};
    case EventType::kConsultationResponse: {
      std::vector<EventBody> out;
      for (auto& s : open_suffixes(view, workflows::clocks::kConsultationPrefix)) {
        out.push_back(ConsultationResponse{std::move(s), ConsultationOutcome::kAgree});
      }
      return out;
    }
    case EventType::kFamilyResponse:
      return {FamilyResponse{}};
    case EventType::kFinalPlanIssued:
      return {FinalPlanIssued{}};
    case EventType::kAssessmentWithdrawn:
      return {AssessmentWithdrawn{kTrialName}};
    case EventType::kPlanInForce:
      return {PlanInForce{on, std::nullopt}};
    case EventType::kReviewMeetingScheduled:
      return {ReviewMeetingScheduled{on + date::days{14}}};
    case EventType::kReviewMeetingHeld:
      return {ReviewMeetingHeld{}};
    case EventType::kReviewReportReceived:
      return {ReviewReportReceived{}};
    case EventType::kReviewDecision:
      return {ReviewDecision{ReviewOutcome::kMaintain}, ReviewDecision{ReviewOutcome::kAmend},
              ReviewDecision{ReviewOutcome::kCease}};
    case EventType::kAmendmentNoticeIssued:
      return {AmendmentNoticeIssued{}};
    case EventType::kAmendedPlanIssued:
      return {AmendedPlanIssued{}};
    case EventType::kAmendmentWithdrawn:
      return {AmendmentWithdrawn{}};
    case EventType::kPlanCeased:
      return {PlanCeased{kTrialName}};
    case EventType::kTransferExpected:
      return {TransferExpected{Phase::kPost16, on + date::days{180}}};
    case EventType::kMediationRequested:
      return {MediationRequested{}};
    case EventType::kMediationDeclined:
      return {MediationDeclined{}};
    case EventType::kMediationHeld:
      return {MediationHeld{}};
    case EventType::kMediationCertificateIssued:
      return {MediationCertificateIssued{}};
    case EventType::kAppealLodged:
      return {AppealLodged{}};
    case EventType::kAppealDecided:
      return {AppealDecided{AppealOutcome::kAllowed}, AppealDecided{AppealOutcome::kDismissed},
              AppealDecided{AppealOutcome::kWithdrawn}};
    case EventType::kTribunalOrder: {
      std::vector<EventBody> out;
      for (auto kind : {OrderKind::kAssess, OrderKind::kMakePlan, OrderKind::kAmend,
                        OrderKind::kSectionI, OrderKind::kCeaseDismissed}) {
        out.push_back(TribunalOrder{kind, false});
      }
      return out;
    }
    case EventType::kMovedOut:
      return {MovedOut{kTrialName, std::nullopt}};
    case EventType::kPlanTransferred:
      return {PlanTransferred{}};
    case EventType::kTransferredIn:
      return {TransferredIn{kTrialName, on, std::nullopt}};
    case EventType::kTransferNoticeSent:
      return {TransferNoticeSent{}};
    case EventType::kReassessmentRequested:
      return {ReassessmentRequested{}};
    case EventType::kReassessmentDecision:
      return {ReassessmentDecision{AssessmentOutcome::kAssess},
              ReassessmentDecision{AssessmentOutcome::kRefuse}};
    case EventType::kCustodyNotified:
      return {CustodyNotified{}};
    case EventType::kCustodyPlanShared:
      return {CustodyPlanShared{}};
    case EventType::kCustodyEnded:
      return {CustodyEnded{}};
    case EventType::kAgreementCarriedOut:
      return {AgreementCarriedOut{}};
    case EventType::kSettingChanged:
      return {SettingChanged{Setting{kTrialName, Phase::kNone}}};
    case EventType::kCaseClosed:
      return {CaseClosed{kTrialName}};
    case EventType::kCaseOpened:
    case EventType::kCaseworkerAssigned:
    case EventType::kEventVoided:
      return {};
  }
  return {};
}

std::int64_t next_seq(const std::vector<RecordedEvent>& events) {
  std::int64_t seq = 0;
  for (const auto& e : events) {
    seq = std::max(seq, e.seq);
  }
  return seq + 1;
}

// True when the machines take the whole of `events` (the history and what was added to it).
bool takes(std::vector<RecordedEvent> events, const CaseHistory& history) {
  return !workflows::case_as_of(std::move(events), history.rules, history.calendar, std::nullopt)
              .rejection;
}

}  // namespace

std::vector<const EventForm*> offered_forms(const CaseHistory& history, Date on) {
  auto now = workflows::case_as_of(history.events, history.rules, history.calendar, std::nullopt);
  if (now.rejection) {
    return {};
  }
  const auto& case_ref =
      history.events.empty() ? std::string() : history.events.front().event.case_ref;
  const std::int64_t seq = next_seq(history.events);
  std::vector<const EventForm*> out;
  std::vector<RecordedEvent> trial = history.events;
  trial.push_back({});
  for (const auto& form : event_forms()) {
    for (auto& body : variants(form.type, on, now.view)) {
      trial.back() = {seq, Event{case_ref, on, std::nullopt, std::nullopt, std::move(body)}};
      if (takes(trial, history)) {
        out.push_back(&form);
        break;
      }
    }
  }
  return out;
}

const EventForm* needed_first(const CaseHistory& history, const Event& refused) {
  auto now = workflows::case_as_of(history.events, history.rules, history.calendar, std::nullopt);
  if (now.rejection) {
    return nullptr;
  }
  const std::int64_t seq = next_seq(history.events);
  std::vector<RecordedEvent> trial = history.events;
  trial.push_back({});
  trial.push_back({seq + 1, refused});
  for (const auto& form : event_forms()) {
    if (form.type == refused.type()) {
      continue;
    }
    for (auto& body : variants(form.type, refused.on, now.view)) {
      trial[trial.size() - 2] = {
          seq, Event{refused.case_ref, refused.on, std::nullopt, std::nullopt, std::move(body)}};
      if (takes(trial, history)) {
        return &form;
      }
    }
  }
  return nullptr;
}

std::vector<Choice> case_choices(const workflows::CaseView& view, CaseChoices which) {
  std::vector<Choice> out;
  switch (which) {
    case CaseChoices::kNone:
      break;
    case CaseChoices::kAwaitedAdvice:
      for (const auto& c : view.clocks) {
        if (c.name.starts_with(workflows::clocks::kAdvicePrefix) && !c.met_on && !c.ended_on) {
          const auto id = c.name.substr(std::string_view(workflows::clocks::kAdvicePrefix).size());
          std::string words = id;
          for (const auto& service :
               form_for(EventType::kAdviceRequested)->fields.front().choices) {
            if (service.value == c.detail) {
              words = service.words + " (" + id + ")";
            }
          }
          out.push_back({id, words, "Due " + format_date_long(c.due)});
        }
      }
      break;
    case CaseChoices::kOpenConsultations:
      for (auto& s : open_suffixes(view, workflows::clocks::kConsultationPrefix)) {
        out.push_back({s, s, ""});
      }
      break;
  }
  return out;
}

}  // namespace ehcp::adapters::record
