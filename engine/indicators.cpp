#include "engine/indicators.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <utility>

#include "engine/counting.h"
#include "engine/suppression.h"

namespace ehcp::engine {
namespace {

constexpr int kMonthsOfTrend = 12;
// The SEN2 band "20 weeks to 1 year" (a reporting band, not a limit).
constexpr int kBandOneYearMonths = 12;
constexpr double kDaysPerWeek = 7.0;
constexpr double kPercent = 100.0;
constexpr int kBeforeNursery = -2;  // year_group_name calls every group below -1 "Early years"

// An inclusive range of days: the period, or one month of the trend.
struct Window {
  Date a;
  Date b;
  bool has(Date d) const { return d >= a && d <= b; }
  bool has(const std::optional<Date>& d) const { return d && has(*d); }
};

bool by(const std::optional<Date>& d, Date day) { return d && *d <= day; }

// Counts in a sentence: a small one is withheld there too.
std::string count_words(int n) {
  return is_small_count(n) ? std::string("fewer than 5") : std::to_string(n);
}

Figure count_figure(int n) {
  Figure f;
  if (is_small_count(n)) {
    f.suppressed = true;
    return f;
  }
  f.value = n;
  f.numerator = n;
  f.denominator = n;
  return f;
}

Figure rate_figure(int numerator, int denominator) {
  Figure f;
  if (denominator == 0) {
    return f;
  }
  if (is_small_count(numerator) || is_small_count(denominator)) {
    f.suppressed = true;
    return f;
  }
  f.value = kPercent * numerator / denominator;
  f.numerator = numerator;
  f.denominator = denominator;
  return f;
}

// Mean or median weeks from a list of elapsed days.
Figure weeks_figure(std::vector<int> days, bool median) {
  Figure f;
  const int n = static_cast<int>(days.size());
  if (n == 0) {
    return f;
  }
  if (is_small_count(n)) {
    f.suppressed = true;
    return f;
  }
  f.denominator = n;
  if (median) {
    std::sort(days.begin(), days.end());
    const auto mid = static_cast<std::size_t>(n / 2);
    const double middle =
        n % 2 == 1 ? days[mid] : (static_cast<double>(days[mid - 1]) + days[mid]) / 2.0;
    f.value = middle / kDaysPerWeek;
  } else {
    const double total = std::accumulate(days.begin(), days.end(), 0.0);
    f.value = total / n / kDaysPerWeek;
  }
  return f;
}

CountCell cell(int n, bool hidden) { return hidden ? CountCell{0, true} : CountCell{n, false}; }

int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }

// ---------------------------------------------------------------------------------------------
// The cohorts

bool excepted(const AssessmentFacts& a) {
  return a.issued && a.issue_excepted_from && *a.issue_excepted_from <= *a.issued;
}

// New plans issued in `w`, as SEN2 counts them for the 20-week rates.
struct PlanCohort {
  int issued = 0;
  int disagreement = 0;  // left out of both rates
  int excepted = 0;      // left out of the rate excluding exceptions
  int including = 0;     // the cohort including exceptions
  int including_on_time = 0;
  int excluding = 0;
  int excluding_on_time = 0;
};

PlanCohort plan_cohort(const std::vector<AssessmentFacts>& all, const Window& w) {
  PlanCohort c;
  for (const auto& a : all) {
    if (!w.has(a.issued)) {
      continue;
    }
    ++c.issued;
    if (by(a.disagreement_from, w.b)) {
      ++c.disagreement;
      continue;
    }
    const bool on_time = *a.issued <= a.issue_due;
    ++c.including;
    c.including_on_time += on_time ? 1 : 0;
    if (excepted(a)) {
      ++c.excepted;
      continue;
    }
    ++c.excluding;
    c.excluding_on_time += on_time ? 1 : 0;
  }
  return c;
}

std::vector<int> days_to_issue(const std::vector<AssessmentFacts>& all, const Window& w) {
  std::vector<int> days;
  for (const auto& a : all) {
    if (w.has(a.issued)) {
      days.push_back(days_between(a.requested, *a.issued));
    }
  }
  return days;
}

bool in_progress_at(const AssessmentFacts& a, Date day) {
  return a.requested <= day && !by(a.closed, day);
}

// Clocks due in `w` that still applied on their due day: (met by `deadline(clock)`, cohort).
template <typename Keep, typename Deadline>
std::pair<int, int> due_rate(const std::vector<DueFacts>& all, const Window& w, Keep keep,
                             Deadline deadline) {
  int on_time = 0;
  int cohort = 0;
  for (const auto& d : all) {
    if (!w.has(d.due) || !keep(d)) {
      continue;
    }
    if (!by(d.met_on, w.b) && by(d.ended_on, d.due)) {
      continue;  // stopped applying (the plan ceased) by the day it fell due
    }
    ++cohort;
    on_time += by(d.met_on, deadline(d)) ? 1 : 0;
  }
  return {on_time, cohort};
}

bool limb_is(const DueFacts& d, std::string_view limb) { return d.detail == limb; }

// The end of May of the year a post-16 transfer falls due, or the window's end if earlier.
Date end_of_may_or(Date due, Date window_end) {
  const int year = static_cast<int>(date::year_month_day{due}.year());
  return std::min(post16_place_named_by(year), window_end);
}

std::string service_label(const std::string& service) {
  static const std::map<std::string, std::string> kLabels = {
      {"education", "Education"},
      {"educational_psychology", "Educational psychology"},
      {"health", "Health"},
      {"social_care", "Social care"},
      {"early_years", "Early years"},
      {"school", "School"},
      {"other", "Other"}};
  const auto found = kLabels.find(service);
  return found == kLabels.end() ? service : found->second;
}

// The services every pack shows (rules.md §7), then any other that gave advice.
std::vector<std::string> services_of(const std::vector<AdviceFacts>& advice) {
  std::vector<std::string> services = {"education", "educational_psychology", "health",
                                       "social_care"};
  for (const char* more : {"early_years", "school", "other"}) {
    if (std::any_of(advice.begin(), advice.end(),
                    [&](const AdviceFacts& a) { return a.service == more; })) {
      services.emplace_back(more);
    }
  }
  return services;
}

// ---------------------------------------------------------------------------------------------
// The indicators, each a figure for any window and its cohort in words

struct Definition {
  std::string id;
  std::string section;
  std::string title;
  IndicatorUnit unit = IndicatorUnit::kCount;
  bool higher_is_better = true;
  std::function<Figure(const Window&)> figure;
  std::function<std::string(const Window&, const std::string& period)> cohort;
};

std::vector<Definition> definitions(const IndicatorFacts& f) {
  const auto& as = f.assessments;
  const auto count_of = [&as](auto keep) {
    return [&as, keep](const Window& w) {
      return count_figure(static_cast<int>(std::count_if(
          as.begin(), as.end(), [&](const AssessmentFacts& a) { return keep(a, w); })));
    };
  };
  const auto plain = [](std::string words) {
    return [words](const Window&, const std::string& period) { return words + " " + period; };
  };
  const std::string kRequests = "Requests and decisions";
  const std::string kAdvice = "Advice within 6 weeks";
  const std::string kPlans = "New EHC plans";
  const std::string kProgress = "Assessments in progress";
  const std::string kReviews = "Annual reviews";
  const std::string kTransfers = "Phase transfers";
  const std::string kDisagreements = "Mediations and appeals";

  std::vector<Definition> out;
  out.push_back(
      {"requests_received", kRequests, "Requests for an EHC needs assessment received",
       IndicatorUnit::kCount, true,
       count_of([](const AssessmentFacts& a, const Window& w) { return w.has(a.requested); }),
       plain("requests received")});
  out.push_back({"requests_refused", kRequests, "Requests refused (decided not to assess)",
                 IndicatorUnit::kCount, false,
                 count_of([](const AssessmentFacts& a, const Window& w) {
                   return a.refused && w.has(a.decided);
                 }),
                 plain("decisions not to assess made")});
  out.push_back({"assessments_agreed", kRequests, "Decisions to assess", IndicatorUnit::kCount,
                 true, count_of([](const AssessmentFacts& a, const Window& w) {
                   return !a.refused && w.has(a.decided);
                 }),
                 plain("decisions to assess made")});
  out.push_back(
      {"assessed_no_plan", kRequests, "Assessed, decided not to issue a plan",
       IndicatorUnit::kCount, false,
       count_of([](const AssessmentFacts& a, const Window& w) { return w.has(a.no_plan_on); }),
       plain("decisions not to issue a plan made")});
  out.push_back({"decisions_within_6_weeks", kRequests,
                 "Decisions whether to assess within 6 weeks", IndicatorUnit::kPercent, true,
                 [&as](const Window& w) {
                   int on_time = 0;
                   int cohort = 0;
                   for (const auto& a : as) {
                     if (w.has(a.decided)) {
                       ++cohort;
                       on_time += *a.decided <= a.decision_due ? 1 : 0;
                     }
                   }
                   return rate_figure(on_time, cohort);
                 },
                 plain("decisions whether to assess made")});

  const auto advice_rate = [&f](std::optional<std::string> service) {
    return [&f, service](const Window& w) {
      int on_time = 0;
      int cohort = 0;
      for (const auto& a : f.advice) {
        if (w.has(a.received) && (!service || a.service == *service)) {
          ++cohort;
          on_time += *a.received <= a.due ? 1 : 0;
        }
      }
      return rate_figure(on_time, cohort);
    };
  };
  out.push_back({"advice_within_6_weeks", kAdvice, "Advice within 6 weeks, all services",
                 IndicatorUnit::kPercent, true, advice_rate(std::nullopt),
                 plain("advice received from every service")});
  for (const auto& service : services_of(f.advice)) {
    const std::string label = service_label(service);
    out.push_back({"advice_within_6_weeks:" + service, kAdvice, label, IndicatorUnit::kPercent,
                   true, advice_rate(service), plain(label + " advice received")});
  }

  out.push_back(
      {"plans_issued", kPlans, "New EHC plans issued", IndicatorUnit::kCount, true,
       count_of([](const AssessmentFacts& a, const Window& w) { return w.has(a.issued); }),
       plain("new plans issued")});
  const auto plans_cohort_words = [&as](bool excluding) {
    return [&as, excluding](const Window& w, const std::string& period) {
      const PlanCohort c = plan_cohort(as, w);
      std::string words = "new plans issued " + period + " (" + count_words(c.issued) +
                          "), leaving out " + count_words(c.disagreement) +
                          " with a mediation, appeal or Tribunal";
      if (excluding) {
        words += " and " + count_words(c.excepted) + " with an exception";
      }
      return words;
    };
  };
  out.push_back({"plans_within_20_weeks_including_exceptions", kPlans,
                 "New plans issued within 20 weeks, including exceptions", IndicatorUnit::kPercent,
                 true,
                 [&as](const Window& w) {
                   const PlanCohort c = plan_cohort(as, w);
                   return rate_figure(c.including_on_time, c.including);
                 },
                 plans_cohort_words(false)});
  out.push_back({"plans_within_20_weeks_excluding_exceptions", kPlans,
                 "New plans issued within 20 weeks, excluding exceptions", IndicatorUnit::kPercent,
                 true,
                 [&as](const Window& w) {
                   const PlanCohort c = plan_cohort(as, w);
                   return rate_figure(c.excluding_on_time, c.excluding);
                 },
                 plans_cohort_words(true)});
  out.push_back({"mean_weeks_to_issue", kPlans, "Mean weeks from request to plan",
                 IndicatorUnit::kWeeks, false,
                 [&as](const Window& w) { return weeks_figure(days_to_issue(as, w), false); },
                 plain("every new plan issued")});
  out.push_back({"median_weeks_to_issue", kPlans, "Median weeks from request to plan",
                 IndicatorUnit::kWeeks, false,
                 [&as](const Window& w) { return weeks_figure(days_to_issue(as, w), true); },
                 plain("every new plan issued")});

  const auto at_end = [](std::string words) {
    return [words](const Window& w, const std::string&) {
      return words + " " + format_date_words(w.b);
    };
  };
  out.push_back(
      {"assessments_in_progress", kProgress, "Assessments in progress", IndicatorUnit::kCount,
       false,
       count_of([](const AssessmentFacts& a, const Window& w) { return in_progress_at(a, w.b); }),
       at_end("requests not yet refused, withdrawn or finished on")});
  out.push_back({"in_progress_over_20_weeks", kProgress, "Assessments in progress past 20 weeks",
                 IndicatorUnit::kCount, false,
                 count_of([](const AssessmentFacts& a, const Window& w) {
                   return in_progress_at(a, w.b) && w.b > a.issue_due;
                 }),
                 at_end("assessments in progress with the 20-week limit passed on")});

  const auto due_rate_of = [](const std::vector<DueFacts>& v, std::string_view limb,
                              bool end_of_may) {
    return [&v, limb, end_of_may](const Window& w) {
      const auto keep = [limb](const DueFacts& d) { return limb.empty() || limb_is(d, limb); };
      const auto deadline = [&w, end_of_may](const DueFacts& d) {
        return end_of_may ? end_of_may_or(d.due, w.b) : d.due;
      };
      const auto [on_time, cohort] = due_rate(v, w, keep, deadline);
      return rate_figure(on_time, cohort);
    };
  };
  const auto due_words = [](std::string words) {
    return [words](const Window&, const std::string& period) {
      return words + " " + period + ", leaving out those whose plan ceased first";
    };
  };
  out.push_back({"annual_reviews_on_time", kReviews, "Annual reviews completed within 12 months",
                 IndicatorUnit::kPercent, true, due_rate_of(f.annual_reviews, "", false),
                 due_words("annual reviews due")});
  out.push_back({"review_decisions_on_time", kReviews,
                 "Review decisions within 4 weeks of the meeting", IndicatorUnit::kPercent, true,
                 due_rate_of(f.review_decisions, "", false), due_words("review decisions due")});
  out.push_back({"transfers_by_15_february", kTransfers,
                 "School phase transfers named by 15 February", IndicatorUnit::kPercent, true,
                 due_rate_of(f.transfers, "school", false),
                 due_words("transfers between school phases (reg 18(1)(b)) due")});
  out.push_back({"transfers_by_31_march", kTransfers, "Post-16 transfers named by 31 March",
                 IndicatorUnit::kPercent, true, due_rate_of(f.transfers, "post16", false),
                 due_words("transfers from school to post-16 (reg 18(1)(a)) due")});
  out.push_back({"post16_named_by_end_of_may", kTransfers,
                 "Post-16 transfers named by the end of May", IndicatorUnit::kPercent, true,
                 due_rate_of(f.transfers, "post16", true),
                 due_words("transfers from school to post-16 due")});

  const auto disagreements = [&f](DisagreementKind kind) {
    return [&f, kind](const Window& w) {
      return count_figure(static_cast<int>(std::count_if(
          f.disagreements.begin(), f.disagreements.end(),
          [&](const DisagreementFacts& d) { return d.kind == kind && w.has(d.on); })));
    };
  };
  out.push_back({"mediations_requested", kDisagreements, "Mediations requested",
                 IndicatorUnit::kCount, false, disagreements(DisagreementKind::kMediation),
                 plain("mediation requests recorded")});
  out.push_back({"appeals_lodged", kDisagreements, "Appeals to the Tribunal lodged",
                 IndicatorUnit::kCount, false, disagreements(DisagreementKind::kAppeal),
                 plain("appeals recorded")});
  out.push_back({"tribunal_orders", kDisagreements, "Tribunal orders", IndicatorUnit::kCount, false,
                 disagreements(DisagreementKind::kTribunalOrder),
                 plain("Tribunal orders recorded")});
  return out;
}

void rate_against_target(Figure& figure, const IndicatorTargets& targets, const std::string& id,
                         int year, unsigned month, bool higher_is_better) {
  figure.target = target_in(targets, id, year, month);
  if (targets.scheme && figure.target && figure.value && !targets.scheme->bands.empty()) {
    figure.band = rate(*targets.scheme, *figure.value, *figure.target, higher_is_better);
  }
}

// ---------------------------------------------------------------------------------------------
// Distributions

Distribution distribution(std::string id, std::string title, std::string cohort,
                          std::vector<std::string> labels, const std::vector<int>& counts) {
  Distribution d{std::move(id), std::move(title), std::move(cohort), std::move(labels), {}, {}};
  const auto hidden = suppress_parts(counts);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    d.counts.push_back(cell(counts[i], hidden[i]));
  }
  const int total = std::accumulate(counts.begin(), counts.end(), 0);
  d.total = cell(total, is_small_count(total));
  return d;
}

std::vector<Distribution> distributions(const IndicatorFacts& f, const Window& w,
                                        const std::string& period) {
  std::vector<int> bands(3, 0);
  for (const auto& a : f.assessments) {
    if (!w.has(a.issued)) {
      continue;
    }
    if (*a.issued <= a.issue_due) {
      ++bands[0];
    } else if (*a.issued <= add_months_clamped(a.requested, kBandOneYearMonths)) {
      ++bands[1];
    } else {
      ++bands[2];
    }
  }
  std::vector<int> ages(4, 0);
  for (const auto& a : f.assessments) {
    if (!in_progress_at(a, w.b)) {
      continue;
    }
    if (w.b <= a.decision_due) {
      ++ages[0];
    } else if (w.b <= a.issue_due) {
      ++ages[1];
    } else if (w.b <= add_months_clamped(a.requested, kBandOneYearMonths)) {
      ++ages[2];
    } else {
      ++ages[3];
    }
  }
  return {distribution("plans_by_time_taken", "New plans by time from request to issue",
                       "new plans issued " + period,
                       {"Within 20 weeks", "Over 20 weeks, up to 1 year", "Over 1 year"}, bands),
          distribution("in_progress_by_age", "Assessments in progress by time since request",
                       "assessments in progress on " + format_date_words(w.b),
                       {"Up to 6 weeks", "Over 6 weeks, up to 20 weeks",
                        "Over 20 weeks, up to 1 year", "Over 1 year"},
                       ages)};
}

// ---------------------------------------------------------------------------------------------
// Breakdowns

int age_on(Date dob, Date on) {
  const date::year_month_day b{dob};
  const date::year_month_day d{on};
  int age = static_cast<int>(d.year()) - static_cast<int>(b.year());
  if (date::month_day{d.month(), d.day()} < date::month_day{b.month(), b.day()}) {
    --age;
  }
  return age;
}

// A breakdown's group: its place in the order, and its name.
using GroupKey = std::pair<int, std::string>;

// SEN2's age bands, by age at the request.
GroupKey age_band(int age) {
  constexpr int kUnderFive = 5;
  constexpr int kEleven = 11;
  constexpr int kSixteen = 16;
  constexpr int kTwenty = 20;
  if (age < kUnderFive) {
    return {0, "Under 5"};
  }
  if (age < kEleven) {
    return {1, "5 to 10"};
  }
  if (age < kSixteen) {
    return {2, "11 to 15"};
  }
  if (age < kTwenty) {
    return {3, "16 to 19"};
  }
  return {4, "20 to 25"};
}

// Recorded values in alphabetical order, then the unrecorded.
GroupKey recorded(const std::string& value, const char* missing) {
  return value.empty() ? GroupKey{1, missing} : GroupKey{0, value};
}

struct GroupTally {
  int requests = 0;
  int plans = 0;
  int on_time = 0;
  int cohort = 0;
};

Breakdown breakdown(const IndicatorFacts& f, const Window& w, std::string id, std::string title,
                    const std::function<GroupKey(const ChildFacts&, Date)>& group_of) {
  std::map<GroupKey, GroupTally> tallies;
  for (const auto& a : f.assessments) {
    const bool requested = w.has(a.requested);
    const bool issued = w.has(a.issued);
    if (!requested && !issued) {
      continue;
    }
    GroupTally& t = tallies[group_of(f.children[a.child], a.requested)];
    t.requests += requested ? 1 : 0;
    if (issued) {
      ++t.plans;
      if (!by(a.disagreement_from, w.b) && !excepted(a)) {
        ++t.cohort;
        t.on_time += *a.issued <= a.issue_due ? 1 : 0;
      }
    }
  }
  Breakdown out{std::move(id), std::move(title), {}, {}, {}};
  std::vector<int> requests;
  std::vector<int> plans;
  for (const auto& [key, t] : tallies) {
    requests.push_back(t.requests);
    plans.push_back(t.plans);
  }
  const auto requests_hidden = suppress_parts(requests);
  const auto plans_hidden = suppress_parts(plans);
  std::size_t i = 0;
  for (const auto& [key, t] : tallies) {
    BreakdownRow row{key.second, cell(t.requests, requests_hidden[i]),
                     cell(t.plans, plans_hidden[i]), rate_figure(t.on_time, t.cohort)};
    if (row.plans.suppressed && row.within_20_weeks.value) {
      row.within_20_weeks = Figure{};  // its counts would give the withheld number away
      row.within_20_weeks.suppressed = true;
    }
    out.rows.push_back(std::move(row));
    ++i;
  }
  const int request_total = std::accumulate(requests.begin(), requests.end(), 0);
  const int plan_total = std::accumulate(plans.begin(), plans.end(), 0);
  out.requests_total = cell(request_total, is_small_count(request_total));
  out.plans_total = cell(plan_total, is_small_count(plan_total));
  return out;
}

std::vector<Breakdown> breakdowns(const IndicatorFacts& f, const Window& w) {
  std::vector<Breakdown> out;
  out.push_back(breakdown(f, w, "age", "By age at request", [](const ChildFacts& c, Date on) {
    return age_band(age_on(c.dob, on));
  }));
  out.push_back(breakdown(f, w, "gender", "By gender", [](const ChildFacts& c, Date) {
    return recorded(c.gender, "Not recorded");
  }));
  out.push_back(breakdown(f, w, "ethnicity", "By ethnicity", [](const ChildFacts& c, Date) {
    return recorded(c.ethnicity, "Not recorded");
  }));
  out.push_back(
      breakdown(f, w, "year_group", "By year group at request", [](const ChildFacts& c, Date on) {
        // Every group before nursery is "Early years": one row, not one per year of age.
        const int group = std::max(year_group(c.dob, on, c.out_of_cohort), kBeforeNursery);
        return GroupKey{group, year_group_name(group)};
      }));
  out.push_back(breakdown(f, w, "team", "By team", [](const ChildFacts& c, Date) {
    return recorded(c.team, "Unassigned");
  }));
  return out;
}

}  // namespace

std::vector<std::string> indicator_ids() {
  std::vector<AdviceFacts> every_service;
  for (const char* service : {"early_years", "school", "other"}) {
    every_service.push_back(AdviceFacts{service, {}, {}, std::nullopt});
  }
  const IndicatorFacts facts{{}, {}, every_service, {}, {}, {}, {}};
  std::vector<std::string> ids;
  for (const auto& d : definitions(facts)) {
    ids.push_back(d.id);
  }
  return ids;
}

std::string period_words(Date from, Date to) {
  const date::year_month_day a{from};
  const date::year_month_day b{to};
  const bool whole_month =
      a.year() == b.year() && a.month() == b.month() && a.day() == date::day{1} &&
      b.day() == date::year_month_day_last{b.year() / b.month() / date::last}.day();
  if (whole_month) {
    return format_month_words(from);
  }
  if (a.year() == b.year()) {
    const std::string first = format_date_words(from);
    // "1 January" without the year, which the end gives.
    return first.substr(0, first.rfind(' ')) + " \u2013 " + format_date_words(to);
  }
  return format_date_words(from) + " \u2013 " + format_date_words(to);
}

std::vector<Month> trend_months(Date to) {
  const date::year_month_day end{to};
  std::vector<Month> months;
  date::year_month ym = end.year() / end.month() - date::months{kMonthsOfTrend - 1};
  for (int i = 0; i < kMonthsOfTrend; ++i, ym += date::months{1}) {
    Month m;
    m.year = static_cast<int>(ym.year());
    m.month = static_cast<unsigned>(ym.month());
    m.first = Date{ym / date::day{1}};
    m.last = std::min(Date{date::year_month_day_last{ym / date::last}}, to);
    months.push_back(m);
  }
  return months;
}

IndicatorPack compose_indicator_pack(const IndicatorFacts& facts, Date from, Date to,
                                     const IndicatorTargets& targets) {
  IndicatorPack pack;
  pack.from = from;
  pack.to = to;
  pack.period = period_words(from, to);
  pack.months = trend_months(to);
  pack.scheme = targets.scheme;
  const Window period{from, to};
  const date::year_month_day end{to};
  for (const auto& d : definitions(facts)) {
    Indicator indicator{d.id,   d.section,          d.title,          d.cohort(period, pack.period),
                        d.unit, d.higher_is_better, d.figure(period), {}};
    rate_against_target(indicator.figure, targets, d.id, static_cast<int>(end.year()),
                        static_cast<unsigned>(end.month()), d.higher_is_better);
    for (const auto& m : pack.months) {
      Figure f = d.figure(Window{m.first, m.last});
      rate_against_target(f, targets, d.id, m.year, m.month, d.higher_is_better);
      indicator.trend.push_back(f);
    }
    pack.indicators.push_back(std::move(indicator));
  }
  pack.distributions = distributions(facts, period, pack.period);
  pack.breakdowns = breakdowns(facts, period);
  return pack;
}

}  // namespace ehcp::engine
