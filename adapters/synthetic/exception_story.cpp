#include "adapters/synthetic/exception_story.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "adapters/synthetic/office_days.h"

namespace ehcp::adapters::synthetic {
namespace {

using office_days::after;

enum Limb : std::size_t { kPersonal, kMissedAppointment, kAbsence, kSchoolClosure };

constexpr double kPersonalForOneAdvice = 0.3;
constexpr double kHalf = 0.5;
// The 20 weeks of the 6/16/20-week clocks, in days.
constexpr int kTwentyWeeks = 140;
// A summer closure: schools shut about 22 July and reopen about 3 September; the limb's
// window runs from a week before each.
constexpr unsigned kJuly = 7;
constexpr unsigned kAugust = 8;
constexpr unsigned kWindowOpensDay = 15;
constexpr unsigned kWindowClosesDay = 27;

constexpr std::array<std::string_view, 4> kCircumstances = {
    "child in hospital", "bereavement in the family", "family crisis", "parent seriously ill"};

// The educational psychologist's or the health service's advice: the ones with appointments.
AdviceAsked& with_appointments(Random& rng, std::vector<AdviceAsked>& asked) {
  const auto is = [](std::string_view id) {
    return [id](const AdviceAsked& a) { return a.advice->advice == id; };
  };
  const std::string_view id =
      rng.chance(kHalf) ? shape::kPsychologyAdvice.advice : shape::kHealthAdvice.advice;
  return *std::find_if(asked.begin(), asked.end(), is(id));
}

void record(CaseStory& c, engine::Date on, std::string_view limb, engine::Date from,
            engine::Date to, std::string_view note, const AdviceAsked* advice = nullptr) {
  JsonObject fields;
  fields.text("limb", limb);
  if (advice != nullptr) {
    fields.text("advice", advice->advice->advice);
  }
  fields.date("from", from).date("to", to).text("note", note);
  c.add(on, "exception_recorded", fields);
}

}  // namespace

int tell_exception(CaseStory& c, engine::Date request, std::vector<AdviceAsked>& asked) {
  auto& rng = c.rng;
  if (!rng.chance(shape::kExceptionShare)) {
    return 0;
  }
  std::size_t limb = rng.weighted(shape::kExceptionLimbs);
  const date::year y = date::year_month_day{request}.year();
  const engine::Date summer_from{y / kJuly / kWindowOpensDay};
  const engine::Date summer_to{y / kAugust / kWindowClosesDay};
  if (limb == kSchoolClosure &&
      (request > summer_to || request + date::days{kTwentyWeeks} < summer_from)) {
    limb = kPersonal;  // no summer inside this assessment's 20 weeks
  }
  switch (limb) {
    case kSchoolClosure:
      record(c, after(rng, summer_to, 0, 10), "school_closure", summer_from, summer_to,
             "school closed for the summer when its advice was asked");
      return rng.between(10, 30);
    case kAbsence: {
      const engine::Date from = request + date::days{rng.between(14, 85)};
      const engine::Date to = from + date::days{rng.between(30, 70)};
      record(c, after(rng, to, 0, 10), "absence", from, to, "family abroad");
      return rng.between(20, 60);
    }
    case kMissedAppointment: {
      AdviceAsked& advice = with_appointments(rng, asked);
      const engine::Date missed = advice.requested + date::days{rng.between(7, 30)};
      advice.received = std::max(advice.received, after(rng, missed, 20, 60));
      record(c, after(rng, missed, 1, 10), "missed_appointment", missed, missed,
             "missed appointment", &advice);
      return 0;
    }
    default:
      break;
  }
  const std::string_view note = rng.pick(kCircumstances);
  if (rng.chance(kPersonalForOneAdvice)) {
    AdviceAsked& advice = with_appointments(rng, asked);
    const engine::Date from = advice.requested + date::days{rng.between(3, 30)};
    const engine::Date to = from + date::days{rng.between(10, 40)};
    advice.received = std::max(advice.received, after(rng, to, 3, 20));
    record(c, after(rng, to, 0, 10), "personal_circumstances", from, to, note, &advice);
    return 0;
  }
  const engine::Date from = request + date::days{rng.between(20, 90)};
  const engine::Date to = from + date::days{rng.between(14, 60)};
  record(c, after(rng, to, 0, 10), "personal_circumstances", from, to, note);
  return rng.between(10, 50);
}

}  // namespace ehcp::adapters::synthetic
