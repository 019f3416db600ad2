#include "workflows/detail/repeated_event.h"

namespace ehcp::workflows::detail {

std::optional<std::string> already_done(engine::EventType type, std::string_view noun) {
  const std::string of(noun);
  using T = engine::EventType;
  switch (type) {
    case T::kAssessmentDecision:
      return "the decision whether to assess was already made";
    case T::kReassessmentDecision:
      return "the decision whether to re-assess was already made";
    case T::kIssueDecision:
      return "the decision whether to issue a plan was already made";
    case T::kFinalPlanIssued:
      return "the final plan was already issued";
    case T::kAssessmentWithdrawn:
      return "the " + of + " was already withdrawn";
    case T::kReviewMeetingHeld:
      return "the review meeting was already held";
    case T::kReviewDecision:
      return "the review decision was already made";
    case T::kMediationHeld:
      return "the mediation was already held";
    case T::kMediationDeclined:
      return "mediation was already declined";
    case T::kMediationCertificateIssued:
      return "the mediation certificate was already issued";
    case T::kAppealDecided:
      return "the appeal was already decided";
    case T::kPlanTransferred:
      return "the plan was already sent to the new LA";
    case T::kTransferNoticeSent:
      return "the notice of the plan transferred in was already sent";
    case T::kCustodyPlanShared:
      return "the plan was already shared";
    case T::kCustodyEnded:
      return "the young person was already released";
    default:
      return std::nullopt;
  }
}

std::string already_on(const std::string& what, engine::Date on) {
  return what + " on " + engine::format_date_words(on);
}

}  // namespace ehcp::workflows::detail
