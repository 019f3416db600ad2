// adapters/synthetic/caseload_shape.h
//
// The shape of a synthetic caseload: every proportion and delay the generator draws from, in
// one place, with where it comes from. docs/synthetic-caseload.md shows what a run measures.
// Rough national figures (DfE "Education, health and care plans" 2023-2024) set the main ones:
// about a quarter of requests refused, about half of new plans issued after 20 weeks, about 72%
// of children with plans boys. The rest are plausible readings, not statistics.
//
//   caseload    the 3 years to the as-of date; 55% plans made before ehcp went live at the
//               start of those years (loaded with plan_in_force over its first 10 working days,
//               a fifth with an annual review already overdue), 45% requests received during
//               them, growing 10% a year, fewer in August and at Christmas and Easter
//   children    72% boys; DfE ethnicity main codes weighted as in the plan population (about
//               two-thirds WBRI); year group from the date of birth, 1% taught a year below
//               their cohort; ages at request 0-24 (most 5-15); settings by year group
//               (special schools 12% of primary age, 30% of secondary age)
//   requests    from parents 58%, schools 34%, others 8% (from 16: the young person 35%);
//               25% refused, 10% of those asked again later; decisions 85% within 6 weeks
//   advice      education (early years for children below Reception), educational psychology,
//               health and social care; within 6 weeks: education 88%, early years 85%, social
//               care 80%, health 68%, educational psychology 60%, the rest a tail to 12-19 weeks
//   exceptions  8% of assessments: personal circumstances 35%, missed appointments 30%,
//               absence 20%, school closure over the summer 15% (where the summer falls in the
//               20 weeks; otherwise personal circumstances)
//   outcomes    2% withdrawn, 7% of decisions not to issue a plan; drafts consulted with a
//               school that declines 12% of the time; a backlog (a panel, a signature) before
//               8% of final plans: with late advice, about half come after 20 weeks
//   plans       reviewed each year: 70% of meetings within 11 months of the last decision, the
//               rest up to 15 months; 15% amended (5% of amendments withdrawn); ceased each
//               review for 1% of under-16s, 5% of 16-18s, 25% of 19-24s, all at 25
//   transfers   the derived phase transfers (nursery, Year 2 infant, Year 6, Year 11) reviewed
//               in the autumn and amended to name the next setting: 80% before 15 February,
//               72% before 31 March for post-16; some post-16 and special-school moves recorded
//               as transfer_expected
//   moves       1.5% of plans each year move out of the area (the LA aware 1-10 weeks ahead for
//               75%, otherwise up to 6 weeks after; the plan sent on the move day or within the
//               15 working days for 80%; 85% of cases then closed); 6% of the cases beginning
//               after go-live are plans transferred in from another LA (the family told within
//               6 weeks for 85%; 10% with a review already overdue)
//   re-assess   2% of plans each year: 10% on the LA's own initiative, the rest asked for (decided
//               within 15 days 85%, refused 30%); advice from education and the educational
//               psychologist (health 50%, social care 30%); 10% leave the plan unchanged, the
//               rest amended, 70% within 14 weeks of the decision; never across an amendment
//   custody     0.6% of young people aged 14-17 with plans each year are detained (an
//               establishment named 90%; the plan shared within 5 working days 80%), for 3
//               weeks to 9 months; no plan is ceased during a detention
// None of these last three is a published statistic: a few hundred children are held in youth
// custody in England at any time, moves and re-assessments are not counted nationally.
#pragma once

#include <array>
#include <string_view>

namespace ehcp::adapters::synthetic::shape {

// --- the caseload over time
inline constexpr int kHistoryYears = 3;
inline constexpr double kLegacyShare = 0.55;
inline constexpr int kLegacyLoadWorkingDays = 10;
inline constexpr double kLegacyReviewOverdueShare = 0.2;
inline constexpr double kRequestGrowthPerYear = 0.10;
// Requests received on a working day, by month (January first): fewer in the school holidays.
inline constexpr std::array<double, 12> kRequestsByMonth = {1.0, 1.0,  1.1, 0.85, 1.1, 1.1,
                                                            1.0, 0.45, 0.8, 1.15, 1.2, 0.8};

// --- children
inline constexpr double kBoysShare = 0.72;
// DfE ethnicity main codes and their rough shares among children with plans (percent).
inline constexpr std::array<std::string_view, 20> kEthnicities = {
    "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
    "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"};
inline constexpr std::array<double, 20> kEthnicityWeights = {66.0, 0.4, 0.3, 5.0, 0.6, 1.8, 0.8,
                                                             1.3,  2.4, 1.6, 3.6, 1.5, 1.5, 1.3,
                                                             3.8,  0.8, 0.3, 2.0, 0.5, 2.5};
inline constexpr double kUpnShare = 0.9;  // of children of school age
inline constexpr double kOutOfCohortShare = 0.01;
// Age bands (first and last whole year) and their weights, at the request and at go-live.
struct AgeBand {
  int first;
  int last;
};
inline constexpr std::array<AgeBand, 6> kAgeBands = {AgeBand{0, 2},   AgeBand{3, 4},
                                                     AgeBand{5, 10},  AgeBand{11, 15},
                                                     AgeBand{16, 19}, AgeBand{20, 24}};
inline constexpr std::array<double, 6> kAgeAtRequest = {6, 14, 44, 26, 8, 2};
inline constexpr std::array<double, 6> kAgeOfLegacyPlans = {1, 3, 33, 36, 21, 6};

// --- settings
inline constexpr double kSpecialPrimaryAge = 0.12;
inline constexpr double kSpecialSecondaryAge = 0.30;
inline constexpr double kSpecialPost16 = 0.15;
inline constexpr double kSeparateInfantJunior = 0.10;
inline constexpr double kNoSettingSchoolAge = 0.03;  // educated otherwise than at school
inline constexpr double kNoSettingPost16 = 0.08;     // employment, apprenticeship, not in education

// --- requests and the needs assessment
inline constexpr std::array<double, 3> kSourceUnder16 = {58, 34, 8};      // parent, school, other
inline constexpr std::array<double, 4> kSourceFrom16 = {35, 35, 20, 10};  // + young_person first
inline constexpr double kRefuseShare = 0.25;
inline constexpr double kDecisionOnTime = 0.85;
inline constexpr double kAskAgainAfterRefusal = 0.10;
inline constexpr double kClosedAfterRefusal = 0.40;
inline constexpr double kWithdrawnShare = 0.02;
inline constexpr double kExceptionShare = 0.08;
// personal circumstances, missed appointment, absence, school closure
inline constexpr std::array<double, 4> kExceptionLimbs = {35, 30, 20, 15};
inline constexpr double kNoPlanShare = 0.07;
inline constexpr double kFamilyResponds = 0.5;
inline constexpr double kNoFurtherRepresentations = 0.4;
inline constexpr double kConsultationDeclined = 0.12;
inline constexpr double kNamesCurrentSetting = 0.65;
inline constexpr double kFinalPlanBacklog = 0.08;
inline constexpr double kCaseworkerChangesInAssessment = 0.08;

// Each service's advice: the share received within 6 weeks, and the latest day of the tail.
struct AdviceDelay {
  std::string_view advice;
  std::string_view service;
  double on_time;
  int latest_day;
};
inline constexpr AdviceDelay kEducationAdvice{"education", "education", 0.88, 85};
inline constexpr AdviceDelay kEarlyYearsAdvice{"early_years", "early_years", 0.85, 85};
inline constexpr AdviceDelay kSocialCareAdvice{"social_care", "social_care", 0.80, 95};
inline constexpr AdviceDelay kHealthAdvice{"health", "health", 0.68, 115};
inline constexpr AdviceDelay kPsychologyAdvice{"ep", "educational_psychology", 0.60, 135};

// --- plans: reviews, amendments, ceasing, transfers
inline constexpr double kReviewOnTime = 0.70;
inline constexpr double kShortNotice = 0.15;
inline constexpr double kMeetingRearranged = 0.05;
inline constexpr double kReportLate = 0.20;
inline constexpr double kDecisionLate = 0.15;
inline constexpr double kAmendShare = 0.15;
inline constexpr double kAmendmentWithdrawn = 0.05;
inline constexpr double kAmendedPlanLate = 0.25;
inline constexpr double kFamilyRespondsToAmendment = 0.3;
inline constexpr double kCeaseUnder16 = 0.01;
inline constexpr double kCease16To18 = 0.05;
inline constexpr double kCeaseFrom19 = 0.25;
inline constexpr int kPlansEndAtAge = 25;
inline constexpr double kCeasedInsideAppealWindow = 0.10;
inline constexpr double kClosedAfterCeasing = 0.60;
inline constexpr double kCaseworkerChangesEachYear = 0.08;
inline constexpr double kTransferOnTime = 0.80;
inline constexpr double kPost16TransferOnTime = 0.72;
inline constexpr double kPost16Moves = 0.12;             // each year of Years 12 and 13 at college
inline constexpr double kSpecialSchoolToCollege = 0.35;  // after Year 11

// --- moves between LAs, re-assessment and custody (rules.md §5)
inline constexpr double kMoveOutPerYear = 0.015;  // of plans, each year
inline constexpr double kAwareBeforeMove = 0.75;  // told 1-10 weeks ahead; the rest after it
inline constexpr double kPlanSentOnTime = 0.80;   // on the move day or within 15 working days
inline constexpr double kClosedAfterMove = 0.85;
inline constexpr double kTransferredInShare = 0.06;    // of the cases beginning after go-live
inline constexpr double kTransferNoticeOnTime = 0.85;  // within 6 weeks of the transfer
inline constexpr double kTransferredInReviewOverdue = 0.10;
inline constexpr double kReassessmentPerYear = 0.02;         // of plans, each year
inline constexpr double kReassessmentByLa = 0.10;            // the LA's own initiative: no request
inline constexpr double kReassessmentDecisionOnTime = 0.85;  // within 15 days of the request
inline constexpr double kReassessmentRefused = 0.30;
inline constexpr double kReassessmentHealthAdvice = 0.5;
inline constexpr double kReassessmentSocialCareAdvice = 0.3;
inline constexpr double kReassessmentPlanUnchanged = 0.10;
inline constexpr double kReassessmentPlanOnTime = 0.70;  // within 14 weeks of the decision
inline constexpr int kCustodyFromAge = 14;
inline constexpr int kCustodyToAge = 17;
inline constexpr double kCustodyPerYear = 0.006;  // of young people of those ages with plans
inline constexpr double kCustodyEstablishmentNamed = 0.9;
inline constexpr double kCustodyPlanSharedOnTime = 0.8;  // within 5 working days
struct DayRange {
  int first;
  int last;
};
inline constexpr DayRange kCustodyDays{21, 270};  // from the notification to the release

}  // namespace ehcp::adapters::synthetic::shape
