#include "adapters/render/words.h"

#include <array>
#include <map>
#include <utility>

#include <date/date.h>

#include "engine/academic_year.h"
#include "engine/event_fields.h"
#include "engine/event_validation.h"

namespace ehcp::adapters::render {
namespace {

using Titles = std::map<std::string_view, std::string_view, std::less<>>;

// Clocks named in full ("decision_to_assess"), as workflows/clock_names.h lists them.
const Titles& whole_clock_titles() {
  static const Titles titles = {
      {"decision_to_assess", "Decision whether to assess"},
      {"no_plan_notice", "Notice of a decision not to issue a plan"},
      {"final_plan", "Final plan"},
      {"draft_plan", "Draft plan"},
      {"draft_representations", "The family's time to comment on the draft plan"},
      {"annual_review", "Annual review"},
      {"early_review", "Early review (under 5)"},
      {"review_notice", "Notice of the review meeting"},
      {"review_report", "Review report"},
      {"review_decision", "Decision after the review"},
      {"amended_plan", "Amended plan"},
      {"amendment_representations", "The family's time to comment on the amendments"},
      {"phase_transfer", "Plan naming the next school or institution"},
      {"transfer_out", "Plan sent to the new LA"},
      {"transfer_in_notice", "Notice to the family of the plan transferred in"},
      {"transfer_in_review", "First review of the plan transferred in"},
      {"reassessment_decision", "Decision whether to re-assess"},
      {"reassessment_plan", "Plan after re-assessment"},
      {"custody_share_plan", "Plan shared with the youth offending team"},
      {"mediation_contact", "The family's time to contact a mediation adviser"},
      {"mediation_certificate", "Mediation certificate"},
      {"mediation_held", "Mediation"},
      {"appeal_window", "The family's time to appeal"},
  };
  return titles;
}

// An advice clock's service, as its detail spells it.
std::string_view service_title(std::string_view service) {
  static const Titles titles = {
      {"education", "Education advice"},
      {"educational_psychology", "Educational psychology advice"},
      {"health", "Health advice"},
      {"social_care", "Social care advice"},
      {"early_years", "Early years advice"},
      {"school", "School advice"},
  };
  auto it = titles.find(service);
  return it == titles.end() ? std::string_view() : it->second;
}

std::string order_title(std::string_view kind) {
  static const Titles titles = {
      {"assess", "Order to assess"},
      {"make_plan", "Order to make a plan"},
      {"amend", "Order to amend the plan"},
      {"section_i", "Order to name the school or institution"},
      {"cease_dismissed", "Appeal against ceasing dismissed: cease the plan"},
      {"other", "Mediation agreement on health or social care"},
  };
  auto it = titles.find(kind);
  return it == titles.end() ? "Order (" + std::string(kind) + ")" : std::string(it->second);
}

constexpr std::string_view kAdvice = "advice:";
constexpr std::string_view kConsultation = "consultation:";
constexpr std::string_view kOrder = "order:";

constexpr std::array<std::string_view, engine::kEventTypeCount> kEventTitles = {
    "Case opened",
    "Caseworker assigned",
    "Setting changed",
    "Case closed",
    "Assessment requested",
    "Decision whether to assess",
    "Advice requested",
    "Advice received",
    "Exception recorded",
    "Decision whether to issue a plan",
    "Draft plan issued",
    "School or setting consulted",
    "Consultation response",
    "The family's comments",
    "Final plan issued",
    "Assessment withdrawn",
    "Plan in force",
    "Review meeting arranged",
    "Review meeting held",
    "Review report received",
    "Review decision",
    "Amendment notice issued",
    "Amended plan issued",
    "Amendment withdrawn",
    "Plan ceased",
    "Phase transfer expected",
    "Mediation requested",
    "Mediation declined",
    "Mediation held",
    "Mediation certificate issued",
    "Appeal lodged",
    "Appeal decided",
    "Tribunal order",
    "Moved to another LA",
    "Plan sent to the new LA",
    "Plan transferred in from another LA",
    "Family told of the transfer",
    "Re-assessment requested",
    "Decision whether to re-assess",
    "Detention notified",
    "Plan shared with the youth offending team",
    "Detention ended",
    "Mediation agreement carried out",
    "Event voided (a correction)",
};

// A state's title in any workflow, unless the workflow has its own below.
const Titles& state_titles() {
  static const Titles titles = {
      // The assessment and the re-assessment.
      {"awaiting_decision", "Waiting for the decision whether to assess"},
      {"gathering_advice", "Gathering advice"},
      {"drafting", "Drafting the plan"},
      {"consulting", "Draft plan issued: consulting"},
      {"finalised", "Final plan issued"},
      {"refused", "Assessment refused"},
      {"no_plan", "Decided not to issue a plan"},
      {"withdrawn", "Withdrawn"},
      {"plan_issued", "Plan issued after re-assessment"},
      {"plan_unchanged", "Plan unchanged after re-assessment"},
      // The review.
      {"awaiting_meeting", "Review meeting to be arranged"},
      {"meeting_scheduled", "Review meeting arranged"},
      {"meeting_held", "Review meeting held"},
      {"maintained", "Plan maintained"},
      {"ceasing", "Decided to cease the plan"},
      {"awaiting_amendment_notice", "Decided to amend: amendment notice to send"},
      {"amending", "Amending the plan"},
      {"amended", "Plan amended"},
      {"amendment_withdrawn", "Amendment withdrawn"},
      // Disagreements.
      {"starting", "Starting"},
      {"awaiting_mediation", "Mediation to be held"},
      {"awaiting_certificate", "Mediation certificate to be issued"},
      {"certificate_issued", "Mediation certificate issued"},
      {"appealed", "Appeal lodged"},
      {"appeal_allowed", "Appeal allowed"},
      {"appeal_dismissed", "Appeal dismissed"},
      {"appeal_withdrawn", "Appeal withdrawn"},
      {"carrying_out_orders", "Carrying out orders"},
      {"orders_carried_out", "Orders carried out"},
      // Moves between LAs.
      {"sending_plan", "Plan to send to the new LA"},
      {"plan_sent", "Plan sent to the new LA"},
      {"moved_away", "Moved away (no plan to send)"},
      {"awaiting_notice", "Family to be told of the transfer"},
      {"notice_sent", "Family told of the transfer"},
      // Custody.
      {"detained", "Detained"},
      {"sharing_plan", "Plan to share with the youth offending team"},
      {"plan_shared", "Plan shared"},
      {"released", "Released"},
      // Phase transfers.
      {"awaiting_amendment", "Plan to name the next school or institution"},
      {"named", "Next school or institution named"},
      {"ended", "Ended with the plan"},
  };
  return titles;
}

// An identifier with no title yet: shown as it is, so that nothing is hidden.
std::string as_itself(std::string_view id) { return std::string(id); }

}  // namespace

std::string clock_title(std::string_view name, std::string_view detail) {
  if (name.starts_with(kAdvice)) {
    const std::string_view id = name.substr(kAdvice.size());
    const std::string_view service = service_title(detail);
    return service.empty() ? "Advice (" + std::string(id) + ")" : std::string(service);
  }
  if (name.starts_with(kConsultation)) {
    return "Consultation with " + std::string(name.substr(kConsultation.size()));
  }
  if (name.starts_with(kOrder)) {
    return order_title(name.substr(kOrder.size()));
  }
  const auto& titles = whole_clock_titles();
  auto it = titles.find(name);
  return it == titles.end() ? as_itself(name) : std::string(it->second);
}

std::string clock_title(const engine::Clock& clock) {
  return clock_title(clock.name, clock.detail);
}

std::vector<std::string> clock_titles(std::span<const ClockLabel> clocks) {
  std::vector<std::string> base;
  base.reserve(clocks.size());
  for (const auto& c : clocks) {
    base.push_back(clock_title(c.name, c.detail));
  }
  std::vector<std::string> out = base;
  for (std::size_t i = 0; i < clocks.size(); ++i) {
    if (!clocks[i].name.starts_with(kAdvice) || out[i].ends_with(")")) {
      continue;  // only advice of one service shares a title; an id already shown is enough
    }
    for (std::size_t j = 0; j < clocks.size(); ++j) {
      if (clocks[j].case_ref == clocks[i].case_ref && clocks[j].name != clocks[i].name &&
          base[j] == base[i]) {
        out[i] += " (" + std::string(clocks[i].name.substr(kAdvice.size())) + ")";
        break;
      }
    }
  }
  return out;
}

std::vector<std::string> clock_titles(std::span<const engine::Clock> clocks) {
  std::vector<ClockLabel> labels;
  labels.reserve(clocks.size());
  for (const auto& c : clocks) {
    labels.push_back({c.name, c.detail, {}});
  }
  return clock_titles(labels);
}

std::string workflow_title(std::string_view workflow) {
  static const Titles titles = {
      {"assessment", "Needs assessment"},
      {"ordered_assessment", "Needs assessment under an order"},
      {"review", "Review"},
      {"transfer", "Phase transfer"},
      {"move", "Move between LAs"},
      {"reassessment", "Re-assessment"},
      {"custody", "Youth custody"},
      {"disagreement", "Mediation and appeal"},
  };
  auto it = titles.find(workflow);
  return it == titles.end() ? as_itself(workflow) : std::string(it->second);
}

std::string state_title(std::string_view workflow, std::string_view state) {
  if (workflow == "reassessment") {
    if (state == "awaiting_decision") {
      return "Waiting for the decision whether to re-assess";
    }
    if (state == "refused") {
      return "Re-assessment refused";
    }
  }
  const auto& titles = state_titles();
  auto it = titles.find(state);
  return it == titles.end() ? as_itself(state) : std::string(it->second);
}

std::string flag_title(std::string_view flag) {
  static const Titles titles = {
      {"preparation_for_adulthood", "From Year 9: preparation for adulthood"},
      {"mediation", "Mediation"},
      {"tribunal", "Tribunal"},
  };
  auto it = titles.find(flag);
  return it == titles.end() ? as_itself(flag) : std::string(it->second);
}

std::string_view event_title(engine::EventType type) {
  return kEventTitles.at(static_cast<std::size_t>(type));
}

std::string event_title(std::string_view type) {
  const auto parsed = engine::parse_event_type(type);
  return parsed ? std::string(event_title(*parsed)) : as_itself(type);
}

std::string year_group_or_age(int year_group, engine::Date dob, engine::Date on) {
  if (year_group <= engine::kMaxYearGroup) {
    return engine::year_group_name(year_group);
  }
  const date::year_month_day born{dob};
  const date::year_month_day today{on};
  int age = static_cast<int>(today.year()) - static_cast<int>(born.year());
  if (date::month_day{today.month(), today.day()} < date::month_day{born.month(), born.day()}) {
    --age;  // the birthday is still to come this year
  }
  return "Aged " + std::to_string(age);
}

}  // namespace ehcp::adapters::render
