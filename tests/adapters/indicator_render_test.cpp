// The board pack's renderings: golden files for every format of one sample pack, and the
// properties a board member, a screen reader and a BI tool rely on.
#include "adapters/render/indicator_render.h"

#include <cctype>
#include <cmath>
#include <string>

#include <catch2/catch.hpp>

#include "adapters/render/detail/svg_chart.h"
#include "adapters/render/ethnicity_names.h"
#include "adapters/render/table.h"
#include "engine/indicators.h"
#include "tests/adapters/golden.h"

using namespace ehcp;
using ehcp::test::check_golden;

namespace {

engine::Date d(int y, unsigned m, unsigned day) { return engine::make_date(y, m, day); }

// Twelve plans issued in March 2026 (8 on time, 4 late: a suppressed remainder), 7 in
// December 2025 all on time, 3 pieces of health advice (withheld) and 6 of education advice.
engine::IndicatorFacts sample_facts() {
  engine::IndicatorFacts f;
  // Ethnicity as cases record it: the DfE's codes.
  f.children.push_back({d(2016, 3, 10), std::nullopt, "Female", "WBRI", "North"});
  f.children.push_back({d(2012, 9, 1), std::nullopt, "Male", "MWBC", "South"});
  const auto plan = [&f](engine::ChildIndex child, engine::Date requested, int days) {
    engine::AssessmentFacts a;
    a.child = child;
    a.requested = requested;
    a.decision_due = requested + date::days{42};
    a.decided = requested + date::days{35};
    a.issue_due = requested + date::days{140};
    a.issued = requested + date::days{days};
    a.closed = a.issued;
    f.assessments.push_back(a);
  };
  for (int i = 0; i < 8; ++i) {
    plan(0, d(2025, 10, 20), 135);
  }
  for (int i = 0; i < 4; ++i) {
    plan(1, d(2025, 10, 20), 150);
  }
  for (int i = 0; i < 7; ++i) {
    plan(i % 2, d(2025, 7, 20), 140);
  }
  for (int i = 0; i < 6; ++i) {
    f.advice.push_back({"education", d(2026, 1, 5), d(2026, 2, 16), d(2026, 3, 2)});
  }
  for (int i = 0; i < 3; ++i) {
    f.advice.push_back({"health", d(2026, 2, 5), d(2026, 3, 19), d(2026, 3, 9)});
  }
  return f;
}

engine::IndicatorTargets sample_targets() {
  engine::IndicatorTargets t;
  t.scheme = engine::RatingScheme{
      {{"Green", "on or above target", "#00703c", 0.0},
       {"Amber", "up to 10 points short", "#ffdd00", -10.0},
       {"Red", "more than 10 points short", "#d4351c", std::nullopt}},
      {"Grey", "being addressed elsewhere, or too few cases", "#b1b4b6", std::nullopt}};
  t.trajectories["plans_within_20_weeks_excluding_exceptions"] = {{2025, 10, 60}, {2026, 1, 70}};
  t.trajectories["advice_within_6_weeks:health"] = {{2025, 1, 80}};
  return t;
}

engine::IndicatorPack sample_pack() {
  return engine::compose_indicator_pack(sample_facts(), d(2026, 3, 1), d(2026, 3, 31),
                                        sample_targets());
}

const std::string kLa = "Sampleshire Council (synthetic) & partners";

}  // namespace

TEST_CASE("every format of the sample pack matches its golden file", "[indicator_render]") {
  const auto pack = sample_pack();
  check_golden("kpi.txt", adapters::render::indicators_to_text(pack));
  check_golden("kpi.csv", adapters::render::indicators_to_csv(pack));
  check_golden("kpi.json", adapters::render::indicators_to_json(pack, kLa).dump(2) + "\n");
  check_golden("kpi.html", adapters::render::indicators_to_html(pack, kLa));
}

TEST_CASE("the HTML pack stands alone, and a screen reader can follow it", "[indicator_render]") {
  const std::string html = adapters::render::indicators_to_html(sample_pack(), kLa);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("Sampleshire Council (synthetic) &amp; partners") != std::string::npos);
  // Every chart is an image named by its title and described in words.
  std::size_t charts = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++charts;
    const auto end = html.find("</svg>", at);
    const std::string svg = html.substr(at, end - at);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("<title id=") != std::string::npos);
    CHECK(svg.find("<desc id=") != std::string::npos);
  }
  CHECK(charts >= 3);
  CHECK(html.find("New plans issued within 20 weeks, excluding exceptions: latest 66.7% in Mar "
                  "2026 against a target of 70.0%") != std::string::npos);
  CHECK(html.find("<caption>") != std::string::npos);
  CHECK(html.find("<th scope=\"col\"") != std::string::npos);
  CHECK(html.find("<th scope=\"row\"") != std::string::npos);
  // Ratings are written, never colour alone.
  CHECK(html.find("aria-hidden=\"true\"></span>Amber") != std::string::npos);
}

TEST_CASE("a withheld figure shows as c with no count beside it in any format",
          "[indicator_render]") {
  const auto pack = sample_pack();
  const auto json = adapters::render::indicators_to_json(pack, kLa);
  int found = 0;
  for (const auto& i : json["indicators"]) {
    if (i["id"] == "advice_within_6_weeks:health") {
      ++found;
      CHECK(i["value"].is_null());
      CHECK(i["suppressed"] == true);
      CHECK(i["numerator"].is_null());
      CHECK(i["denominator"].is_null());
      CHECK(i["rating"] == "Grey");  // a target, but too few cases to rate
    }
  }
  CHECK(found == 1);
  const std::string csv = adapters::render::indicators_to_csv(pack);
  CHECK(
      csv.find("indicator,advice_within_6_weeks:health,,2026-03-01..2026-03-31,%,c,,,80.0,Grey") !=
      std::string::npos);
}

TEST_CASE("a council without a rating scheme gets unrated figures, not a default scheme",
          "[indicator_render]") {
  const auto pack =
      engine::compose_indicator_pack(sample_facts(), d(2026, 3, 1), d(2026, 3, 31), {});
  const std::string html = adapters::render::indicators_to_html(pack, "");
  CHECK(html.find("The council has set no rating scheme, so no figure is rated.") !=
        std::string::npos);
  CHECK(html.find("Green") == std::string::npos);
  CHECK(html.find("Amber") == std::string::npos);
  CHECK(adapters::render::indicators_to_json(pack, "")["rating_scheme"].is_null());
}

TEST_CASE("text tables align cells by characters, not bytes", "[table]") {
  const adapters::render::Table t{{"a", "b"}, {{"\u2013", "x"}, {"ab", "y"}}};
  CHECK(adapters::render::to_text(t) == "a   b\n--  -\n\u2013   x\nab  y\n");
}

TEST_CASE("the board pack's HTML footer names the ehcp version that made it",
          "[indicator_render]") {
  const std::string html = adapters::render::indicators_to_html(sample_pack(), kLa, "0.1.0 <x>");
  CHECK(
      html.ends_with("<footer><p>Made by ehcp 0.1.0 &lt;x&gt;</p>\n"
                     "<p class=\"marking\">OFFICIAL-SENSITIVE</p></footer>\n</body>\n</html>\n"));
}

TEST_CASE("the board pack names ethnicities, not the DfE's codes", "[indicator_render]") {
  CHECK(adapters::render::ethnicity_name("WBRI") == "White British");
  CHECK(adapters::render::ethnicity_name("MWBC") == "White and Black Caribbean");
  CHECK(adapters::render::ethnicity_name("NOBT") == "Information not yet obtained");
  CHECK(adapters::render::ethnicity_name("XLOC") == "XLOC");  // a council's own: as it is
  const std::string html = adapters::render::indicators_to_html(sample_pack(), kLa);
  CHECK(html.find("<th scope=\"row\">White British</th>") != std::string::npos);
  CHECK(html.find("White and Black Caribbean") != std::string::npos);
  CHECK(html.find("WBRI") == std::string::npos);
  CHECK(html.find("MWBC") == std::string::npos);
  // CSV and JSON keep the code, for other systems.
  CHECK(adapters::render::indicators_to_csv(sample_pack()).find(",WBRI,") != std::string::npos);
}

TEST_CASE("the board pack has one <main> landmark holding its content", "[indicator_render]") {
  const std::string html = adapters::render::indicators_to_html(sample_pack(), kLa, "0.1.0");
  const auto main = html.find("<main>");
  REQUIRE(main != std::string::npos);
  CHECK(html.find("<main>", main + 1) == std::string::npos);
  CHECK(main < html.find("<h1>"));
  CHECK(html.find("</main>") < html.find("<footer>"));
}

TEST_CASE("the year-group breakdown lists the years before nursery once, as Early years",
          "[indicator_render]") {
  engine::IndicatorFacts f;
  // At a request in January 2026: three groups before nursery (born 2022-2024), and nursery.
  for (const int born : {2024, 2023, 2022, 2021}) {
    f.children.push_back({d(born, 10, 1), std::nullopt, "Female", "WBRI", "North"});
  }
  for (std::size_t c = 0; c < f.children.size(); ++c) {
    for (int i = 0; i < 5; ++i) {  // five each: no count is withheld
      engine::AssessmentFacts a;
      a.child = static_cast<engine::ChildIndex>(c);
      a.requested = d(2026, 1, 5);
      a.decision_due = a.requested + date::days{42};
      a.issue_due = a.requested + date::days{140};
      f.assessments.push_back(a);
    }
  }
  const auto pack = engine::compose_indicator_pack(f, d(2026, 1, 1), d(2026, 3, 31), {});
  const engine::Breakdown* years = nullptr;
  for (const auto& b : pack.breakdowns) {
    years = b.id == "year_group" ? &b : years;
  }
  REQUIRE(years != nullptr);
  int early = 0;
  for (const auto& r : years->rows) {
    early += r.group == "Early years" ? 1 : 0;
  }
  CHECK(early == 1);
  REQUIRE_FALSE(years->rows.empty());
  CHECK(years->rows.front().group == "Early years");
  CHECK(years->rows.front().requests.value == 15);  // the three years' five requests each
  const std::string html = adapters::render::indicators_to_html(pack, kLa);
  const auto first = html.find(">Early years<");
  REQUIRE(first != std::string::npos);
  CHECK(html.find(">Early years<", first + 1) == std::string::npos);
}

TEST_CASE("chart axes go up in round steps of 1, 2 or 5 times a power of ten", "[svg_chart]") {
  using adapters::render::detail::round_axis;
  const auto check = [](double largest, double max, double step) {
    const auto a = round_axis(largest);
    INFO("largest " << largest);
    CHECK(a.max == Approx(max));
    CHECK(a.step == Approx(step));
  };
  check(100, 100, 20);    // a percentage: 0, 20 .. 100
  check(206.1, 250, 50);  // once 75.6 / 151.2 / 226.9 (206.1 * 1.1 in four)
  check(4, 4, 1);
  check(7, 8, 2);
  check(23, 25, 5);
  check(0, 1, 0.2);
  check(0.37, 0.4, 0.1);
  check(1234, 1500, 500);
  for (const double largest : {3.0, 17.0, 99.0, 151.2, 226.9, 4999.0, 81234.0}) {
    const auto a = round_axis(largest);
    INFO("largest " << largest);
    CHECK(a.max >= largest);
    CHECK(a.steps() <= 5);
    const double mantissa = a.step / std::pow(10.0, std::floor(std::log10(a.step)));
    CHECK((mantissa == Approx(1) || mantissa == Approx(2) || mantissa == Approx(5)));
  }
}

TEST_CASE("the board pack's count charts tick in round numbers", "[indicator_render]") {
  const std::string html = adapters::render::indicators_to_html(sample_pack(), kLa);
  // Every tick label of every chart is a whole multiple of its round step: none has a decimal
  // point the data did not need, such as 75.6.
  std::size_t at = 0;
  int ticks = 0;
  while ((at = html.find("text-anchor=\"end\">", at)) != std::string::npos) {
    at += 18;
    const std::string label = html.substr(at, html.find('<', at) - at);
    if (!label.empty() && std::isdigit(static_cast<unsigned char>(label[0]))) {
      ++ticks;
      CHECK(label.find('.') == std::string::npos);
    }
  }
  CHECK(ticks > 0);
}
