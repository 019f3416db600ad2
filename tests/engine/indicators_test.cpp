// The board's indicators against hand-computed fixtures: each cohort rule of rules.md §7 (the
// SEN2 exception and disagreement rules above all), suppression, ratings and the trend.
#include "engine/indicators.h"

#include <string>

#include <catch2/catch.hpp>

#include "engine/suppression.h"

namespace ehcp::engine {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

const Date kFrom = d(2026, 1, 1);
const Date kTo = d(2026, 3, 31);

// Builds facts one assessment at a time; every child is a girl in Year 5 in the North team
// unless a test says otherwise.
struct Fixture {
  IndicatorFacts facts;

  ChildIndex child(std::string gender = "Female", std::string team = "North",
                   Date dob = d(2016, 3, 10), std::string ethnicity = "White British") {
    facts.children.push_back(ChildFacts{dob, std::nullopt, gender, ethnicity, team});
    return static_cast<ChildIndex>(facts.children.size() - 1);
  }

  // A plan requested on `requested` and issued `days` later (due 20 weeks after the request).
  AssessmentFacts& plan(Date requested, int days, ChildIndex who) {
    AssessmentFacts a;
    a.child = who;
    a.requested = requested;
    a.decision_due = requested + date::days{42};
    a.decided = requested + date::days{40};
    a.issue_due = requested + date::days{140};
    a.issued = requested + date::days{days};
    a.closed = a.issued;
    facts.assessments.push_back(a);
    return facts.assessments.back();
  }

  AssessmentFacts& plan(Date requested, int days) { return plan(requested, days, child()); }

  void plans(int n, Date requested, int days, std::optional<Date> excepted_from = std::nullopt,
             std::optional<Date> disagreement_from = std::nullopt) {
    for (int i = 0; i < n; ++i) {
      auto& a = plan(requested, days);
      a.issue_excepted_from = excepted_from;
      a.disagreement_from = disagreement_from;
    }
  }

  IndicatorPack pack(Date from = kFrom, Date to = kTo, const IndicatorTargets& targets = {}) const {
    return compose_indicator_pack(facts, from, to, targets);
  }
};

// The item of `items` (indicators, distributions or breakdowns) with this id.
template <typename Item>
const Item& by_id(const std::vector<Item>& items, const std::string& id) {
  for (const auto& x : items) {
    if (x.id == id) {
      return x;
    }
  }
  FAIL("no " << id);
  throw std::logic_error("unreachable");
}

const Indicator& find(const IndicatorPack& p, const std::string& id) {
  return by_id(p.indicators, id);
}
const Distribution& distribution(const IndicatorPack& p, const std::string& id) {
  return by_id(p.distributions, id);
}
const Breakdown& breakdown(const IndicatorPack& p, const std::string& id) {
  return by_id(p.breakdowns, id);
}

TEST_CASE(
    "the 20-week rates follow SEN2: exceptions leave both numerator and denominator, "
    "mediation and Tribunal cases leave both rates",
    "[indicators]") {
  Fixture f;
  const Date req = d(2025, 10, 1);        // 20 weeks: due 2026-02-18
  f.plans(11, req, 130);                  // on time
  f.plans(1, req, 130, d(2026, 3, 1));    // on time; the exception came after the plan: counts
  f.plans(5, req, 150);                   // late
  f.plans(5, req, 150, d(2025, 12, 1));   // late with an exception
  f.plans(7, req, 120, d(2025, 11, 20));  // on time with an exception
  f.plans(5, req, 160, std::nullopt, d(2026, 2, 1));   // late, mediation by the period's end
  f.plans(5, req, 160, std::nullopt, d(2026, 4, 10));  // late, appeal after it: still counted
  f.plans(6, d(2025, 6, 1), 120);                      // issued in 2025: outside the period

  const auto p = f.pack();
  CHECK(find(p, "plans_issued").figure.value == 39.0);

  const auto& including = find(p, "plans_within_20_weeks_including_exceptions").figure;
  // 39 issued, 5 with mediation out: 34, of which 11 + 1 + 7 = 19 on time.
  CHECK(including.numerator == 19);
  CHECK(including.denominator == 34);
  CHECK(*including.value == Approx(100.0 * 19 / 34));

  const auto& excluding = find(p, "plans_within_20_weeks_excluding_exceptions");
  // Also without the 12 with an exception by the day of issue: 22, of which 12 on time.
  CHECK(excluding.figure.numerator == 12);
  CHECK(excluding.figure.denominator == 22);
  CHECK(excluding.cohort ==
        "new plans issued 1 January \u2013 31 March 2026 (39), leaving out 5 with a mediation, "
        "appeal or Tribunal and 12 with an exception");
  CHECK(find(p, "plans_within_20_weeks_including_exceptions").cohort ==
        "new plans issued 1 January \u2013 31 March 2026 (39), leaving out 5 with a mediation, "
        "appeal or Tribunal");
}

TEST_CASE("mean and median weeks to issue, and the bands of time taken", "[indicators]") {
  Fixture f;
  const Date req = d(2025, 1, 6);
  for (int days : {70, 140, 147, 154, 400}) {
    f.plans(5, req, days);
  }
  const auto p = f.pack(d(2025, 1, 1), d(2026, 3, 31));
  // (70 + 140 + 147 + 154 + 400) / 5 = 182.2 days; the 13th of 25 is 147 days.
  CHECK(*find(p, "mean_weeks_to_issue").figure.value == Approx(182.2 / 7));
  CHECK(*find(p, "median_weeks_to_issue").figure.value == Approx(21.0));
  CHECK_FALSE(find(p, "mean_weeks_to_issue").higher_is_better);

  const auto& bands = distribution(p, "plans_by_time_taken");
  REQUIRE(bands.counts.size() == 3);
  CHECK(bands.counts[0].value == 10);  // 70 and 140 days: on or before the 20-week due day
  CHECK(bands.counts[1].value == 10);  // 147 and 154
  CHECK(bands.counts[2].value == 5);   // 400 days: over a year
  CHECK(bands.total.value == 25);
}

TEST_CASE("decisions whether to assess, refusals and no-plan decisions", "[indicators]") {
  Fixture f;
  for (int i = 0; i < 8; ++i) {
    AssessmentFacts a;
    a.child = f.child();
    a.requested = d(2026, 1, 5);
    a.decision_due = d(2026, 2, 16);
    a.issue_due = d(2026, 5, 25);
    a.decided = i < 6 ? d(2026, 2, 10) : d(2026, 2, 20);
    a.refused = i < 5;
    a.closed = a.refused ? a.decided : std::nullopt;
    f.facts.assessments.push_back(a);
  }
  for (int i = 0; i < 5; ++i) {
    auto& a = f.plan(d(2025, 10, 1), 300);
    a.issued.reset();
    a.no_plan_on = d(2026, 3, 2);
    a.closed = a.no_plan_on;
  }
  const auto p = f.pack();
  CHECK(find(p, "requests_received").figure.value == 8.0);
  CHECK(find(p, "requests_refused").figure.value == 5.0);
  CHECK(find(p, "assessments_agreed").figure.suppressed);  // 3 in the period
  CHECK(find(p, "assessed_no_plan").figure.value == 5.0);
  const auto& within = find(p, "decisions_within_6_weeks").figure;
  // Decisions made in the period: the 8 from January; the October ones were decided in
  // November.
  CHECK(within.numerator == 6);
  CHECK(within.denominator == 8);
  CHECK(*within.value == Approx(75.0));
}

TEST_CASE("advice within 6 weeks, for each service and overall", "[indicators]") {
  Fixture f;
  const auto advice = [&](const char* service, int n, bool on_time) {
    for (int i = 0; i < n; ++i) {
      f.facts.advice.push_back(AdviceFacts{service, d(2026, 1, 5), d(2026, 2, 16),
                                           on_time ? d(2026, 2, 16) : d(2026, 2, 17)});
    }
  };
  advice("education", 5, true);
  advice("educational_psychology", 5, true);
  advice("educational_psychology", 5, false);
  advice("health", 3, true);
  const auto p = f.pack();
  CHECK(*find(p, "advice_within_6_weeks:education").figure.value == Approx(100.0));
  CHECK(*find(p, "advice_within_6_weeks:educational_psychology").figure.value == Approx(50.0));
  CHECK(find(p, "advice_within_6_weeks:health").figure.suppressed);
  CHECK_FALSE(find(p, "advice_within_6_weeks:social_care").figure.value);
  CHECK_FALSE(find(p, "advice_within_6_weeks:social_care").figure.suppressed);
  CHECK(find(p, "advice_within_6_weeks:educational_psychology").title == "Educational psychology");
  // 13 of 18 on time overall.
  CHECK(*find(p, "advice_within_6_weeks").figure.value == Approx(100.0 * 13 / 18));
}

TEST_CASE("reviews and transfers are counted in the cohort of their due day", "[indicators]") {
  Fixture f;
  const Date due = d(2026, 2, 10);
  for (int i = 0; i < 6; ++i) {
    f.facts.annual_reviews.push_back(DueFacts{due, due, std::nullopt, ""});
  }
  for (int i = 0; i < 4; ++i) {
    f.facts.annual_reviews.push_back(DueFacts{due, d(2026, 3, 1), std::nullopt, ""});
  }
  f.facts.annual_reviews.push_back(DueFacts{due, std::nullopt, std::nullopt, ""});    // overdue
  f.facts.annual_reviews.push_back(DueFacts{due, d(2026, 4, 2), std::nullopt, ""});   // after
  f.facts.annual_reviews.push_back(DueFacts{due, std::nullopt, d(2026, 1, 20), ""});  // ceased
  f.facts.annual_reviews.push_back(DueFacts{d(2026, 4, 1), std::nullopt, std::nullopt, ""});

  for (int i = 0; i < 10; ++i) {
    f.facts.transfers.push_back(
        DueFacts{d(2026, 2, 14), i < 5 ? d(2026, 2, 1) : d(2026, 2, 20), std::nullopt, "school"});
    f.facts.transfers.push_back(
        DueFacts{d(2026, 3, 30), i < 5 ? d(2026, 3, 2) : d(2026, 5, 20), std::nullopt, "post16"});
  }
  const auto p = f.pack();
  const auto& reviews = find(p, "annual_reviews_on_time").figure;
  // Due in the period and still applying: 12 (the ceased one is out); met by the due day: 6.
  CHECK(reviews.numerator == 6);
  CHECK(reviews.denominator == 12);
  CHECK(*find(p, "transfers_by_15_february").figure.value == Approx(50.0));
  CHECK(*find(p, "transfers_by_31_march").figure.value == Approx(50.0));
  // At 31 March only the five named by then count; by June the May namings do too.
  CHECK(*find(p, "post16_named_by_end_of_may").figure.value == Approx(50.0));
  const auto june = f.pack(kFrom, d(2026, 6, 30));
  CHECK(*find(june, "post16_named_by_end_of_may").figure.value == Approx(100.0));
}

TEST_CASE("assessments in progress at the period's end, by time since request", "[indicators]") {
  Fixture f;
  const auto open = [&](Date requested, int n) {
    for (int i = 0; i < n; ++i) {
      auto& a = f.plan(requested, 0);
      a.issued.reset();
      a.closed.reset();
      a.decided.reset();
    }
  };
  open(d(2026, 3, 1), 5);   // 30 days
  open(d(2025, 12, 1), 6);  // 17 weeks
  open(d(2025, 9, 1), 7);   // 30 weeks
  open(d(2024, 12, 1), 1);  // over a year
  open(d(2026, 4, 2), 3);   // requested after the period
  const auto p = f.pack();
  CHECK(find(p, "assessments_in_progress").figure.value == 19.0);
  CHECK(find(p, "in_progress_over_20_weeks").figure.value == 8.0);
  const auto& ages = distribution(p, "in_progress_by_age");
  CHECK(ages.counts[1].value == 6);
  CHECK(ages.counts[2].value == 7);
  // One over a year is withheld, and so the next smallest (5) with it, so neither can be had
  // from the total by subtraction.
  CHECK(ages.counts[3].suppressed);
  CHECK(ages.counts[3].value == 0);
  CHECK(ages.counts[0].suppressed);
  CHECK_FALSE(ages.counts[1].suppressed);
  CHECK(ages.total.value == 19);
}

TEST_CASE("counts from 1 to 4 are withheld, with a second count where one alone would show",
          "[indicators][suppression]") {
  CHECK_FALSE(is_small_count(0));
  CHECK(is_small_count(1));
  CHECK(is_small_count(4));
  CHECK_FALSE(is_small_count(5));
  CHECK(suppress_parts(std::vector<int>{10, 3, 7, 0}) ==
        std::vector<bool>{false, true, true, false});
  CHECK(suppress_parts(std::vector<int>{10, 3, 2, 8}) ==
        std::vector<bool>{false, true, true, false});
  CHECK(suppress_parts(std::vector<int>{10, 30, 0}) == std::vector<bool>{false, false, false});
  CHECK(suppress_parts(std::vector<int>{4}) == std::vector<bool>{true});

  Fixture f;
  f.plans(3, d(2025, 10, 1), 130);
  const auto p = f.pack();
  const auto& issued = find(p, "plans_issued").figure;
  CHECK(issued.suppressed);
  CHECK_FALSE(issued.value);
  CHECK(issued.numerator == 0);
  const auto& rate = find(p, "plans_within_20_weeks_including_exceptions");
  CHECK(rate.figure.suppressed);
  CHECK(rate.figure.denominator == 0);
  CHECK(rate.cohort ==
        "new plans issued 1 January \u2013 31 March 2026 (fewer than 5), leaving out 0 with a "
        "mediation, appeal or Tribunal");
}

IndicatorTargets oxfordshire_style() {
  IndicatorTargets t;
  t.scheme = RatingScheme{{{"Blue", "well ahead of target", "#1d70b8", 10.0},
                           {"Green", "on or above target", "#00703c", 0.0},
                           {"Amber", "within 10 points of target", "#f47738", -10.0},
                           {"Red", "more than 10 points below target", "#d4351c", std::nullopt}},
                          {"Grey", "no target or too few cases", "#b1b4b6", std::nullopt}};
  t.trajectories["plans_within_20_weeks_excluding_exceptions"] = {
      {2025, 6, 50}, {2025, 9, 60}, {2025, 12, 70}, {2026, 3, 80}};
  t.trajectories["mean_weeks_to_issue"] = {{2025, 1, 20}};
  return t;
}

TEST_CASE("ratings come from the council's bands against the target in force that month",
          "[indicators][rating]") {
  const auto t = oxfordshire_style();
  CHECK_FALSE(target_in(t, "plans_within_20_weeks_excluding_exceptions", 2025, 5));
  CHECK(target_in(t, "plans_within_20_weeks_excluding_exceptions", 2025, 8) == 50.0);
  CHECK(target_in(t, "plans_within_20_weeks_excluding_exceptions", 2026, 3) == 80.0);
  CHECK(target_in(t, "plans_within_20_weeks_excluding_exceptions", 2027, 1) == 80.0);
  CHECK_FALSE(target_in(t, "requests_received", 2026, 3));

  const RatingScheme& s = *t.scheme;
  CHECK(rate(s, 90, 80, true) == 0);    // +10: Blue
  CHECK(rate(s, 80, 80, true) == 1);    // on target: Green
  CHECK(rate(s, 79.9, 80, true) == 2);  // Amber
  CHECK(rate(s, 70, 80, true) == 2);    // -10: still Amber
  CHECK(rate(s, 69.9, 80, true) == 3);  // Red
  CHECK(rate(s, 19, 20, false) == 1);   // lower is better: a week under target is Green
  CHECK(rate(s, 31, 20, false) == 3);

  Fixture f;
  const Date req = d(2025, 10, 20);  // due 9 March 2026
  f.plans(15, req, 135);             // 4 March
  f.plans(5, req, 150);              // 19 March: 75% in March against 80%, Amber
  f.plans(6, d(2025, 7, 1), 130);    // 8 November: 100% against 60%, Blue
  const auto p = f.pack(d(2026, 3, 1), d(2026, 3, 31), t);
  const auto& rate20 = find(p, "plans_within_20_weeks_excluding_exceptions");
  CHECK(*rate20.figure.value == Approx(75.0));
  CHECK(rate20.figure.target == 80.0);
  CHECK(rate20.figure.band == 2u);
  REQUIRE(p.months.size() == 12);
  CHECK(p.months.front().year == 2025);
  CHECK(p.months.front().month == 4u);
  CHECK(p.months.back().month == 3u);
  // November 2025 (the eighth month): six plans issued on 8 November, all on time.
  CHECK(*rate20.trend[7].value == Approx(100.0));
  CHECK(rate20.trend[7].target == 60.0);
  CHECK(rate20.trend[7].band == 0u);
  CHECK_FALSE(rate20.trend[0].target);  // April 2025: before the trajectory began
  CHECK_FALSE(rate20.trend[0].band);
  CHECK_FALSE(find(p, "requests_received").figure.band);  // no target
}

TEST_CASE("breakdowns by age, gender, ethnicity, year group and team", "[indicators]") {
  Fixture f;
  const Date req = d(2026, 1, 12);
  for (int i = 0; i < 6; ++i) {
    f.plan(req, 100, f.child("Female", "North", d(2016, 3, 10), "White British"));
  }
  for (int i = 0; i < 5; ++i) {
    f.plan(req, 300, f.child("Male", "South", d(2022, 6, 1), "Asian or Asian British"));
  }
  for (int i = 0; i < 2; ++i) {
    f.plan(req, 300, f.child("", "", d(2009, 1, 1), ""));
  }
  const auto p = f.pack();
  const auto& gender = breakdown(p, "gender");
  REQUIRE(gender.rows.size() == 3);
  CHECK(gender.rows[0].group == "Female");
  CHECK(gender.rows[0].requests.value == 6);
  CHECK(gender.rows[0].plans.value == 0);  // issued in April, after the period
  CHECK(gender.rows[1].group == "Male");
  CHECK(gender.rows[2].group == "Not recorded");
  CHECK(gender.rows[2].requests.suppressed);
  CHECK(gender.rows[1].requests.suppressed);  // the next smallest, so 2 cannot be subtracted out
  CHECK(gender.requests_total.value == 13);

  const auto& age = breakdown(p, "age");
  REQUIRE(age.rows.size() == 3);
  CHECK(age.rows[0].group == "Under 5");
  CHECK(age.rows[1].group == "5 to 10");
  CHECK(age.rows[2].group == "16 to 19");

  const auto& years = breakdown(p, "year_group");
  REQUIRE(years.rows.size() == 3);
  CHECK(years.rows[0].group == "Nursery");  // born June 2022: nursery in 2025/26
  CHECK(years.rows[1].group == "Year 5");
  CHECK(years.rows[2].group == "Year 12");

  const auto& team = breakdown(p, "team");
  CHECK(team.rows.back().group == "Unassigned");
  CHECK(breakdown(p, "ethnicity").rows[0].group == "Asian or Asian British");
}

TEST_CASE("the period in words, and the 12 months of the trend", "[indicators]") {
  CHECK(period_words(d(2026, 1, 1), d(2026, 3, 31)) == "1 January \u2013 31 March 2026");
  CHECK(period_words(d(2026, 2, 1), d(2026, 2, 28)) == "February 2026");
  CHECK(period_words(d(2025, 12, 1), d(2026, 2, 28)) == "1 December 2025 \u2013 28 February 2026");
  CHECK(period_words(d(2026, 2, 1), d(2026, 2, 20)) == "1 February \u2013 20 February 2026");
  const auto months = trend_months(d(2026, 2, 20));
  REQUIRE(months.size() == 12);
  CHECK(months.front().first == d(2025, 3, 1));
  CHECK(months.back().first == d(2026, 2, 1));
  CHECK(months.back().last == d(2026, 2, 20));
  CHECK(months[10].last == d(2026, 1, 31));
}

}  // namespace
}  // namespace ehcp::engine
