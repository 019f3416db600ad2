// tests for adapters/config/la_config.h: the LA's calendar comes from data, errors name the entry.
#include "adapters/config/la_config.h"

#include <catch2/catch.hpp>

using namespace ehcp;
using adapters::config::la_config_from_json;
using engine::make_date;

namespace {
std::string error_of(const char* text) {
  auto config = la_config_from_json(nlohmann::json::parse(text));
  return config.ok() ? "(accepted)" : config.status().message();
}
}  // namespace

TEST_CASE("an LA's office closure removes working days; its school holidays do not") {
  auto config = la_config_from_json(nlohmann::json::parse(R"({"calendar": {"closures": [
      {"kind": "office_closure", "from": "2026-12-29", "to": "2026-12-31", "name": "Christmas"},
      {"kind": "school_holiday", "from": "2026-07-23", "to": "2026-09-02", "name": "Summer"}]}})"));
  REQUIRE(config.ok());
  const auto& cal = config.value().calendar;
  CHECK_FALSE(cal.is_working_day(make_date(2026, 12, 29)));
  CHECK(cal.is_working_day(make_date(2026, 7, 24)));
  // 3 working days from Wed 23 Dec 2026: 24, then 25/28 bank holidays, 29–31 closed, 1 Jan
  // bank holiday, so Mon 4 and Tue 5 Jan.
  CHECK(cal.add_working_days(make_date(2026, 12, 23), 3) == make_date(2027, 1, 5));
  REQUIRE(cal.school_closures_of_at_least(28).size() == 1);
  CHECK(cal.school_closures_of_at_least(28)[0].name == "Summer");
}

TEST_CASE("an LA can add a one-off holiday and remove one, without a rebuild") {
  auto config = la_config_from_json(nlohmann::json::parse(R"({"calendar": {
      "holidays": [{"date": "2027-06-04", "name": "A new one-off bank holiday"}],
      "not_holidays": ["2027-05-31"]}})"));
  REQUIRE(config.ok());
  const auto& cal = config.value().calendar;
  CHECK(cal.holiday_name(make_date(2027, 6, 4)) == "A new one-off bank holiday");
  CHECK(cal.is_working_day(make_date(2027, 5, 31)));
}

TEST_CASE("a bad configuration entry is rejected naming the entry and field") {
  CHECK(error_of("[]") == "the configuration: must be an object, not an array");
  CHECK(error_of(R"({"calendar": 1})") ==
        "calendar: must be an object {holidays, not_holidays, closures}, not 1");
  CHECK(error_of(R"({"calendar": {"closures": {}}})") ==
        "calendar.closures: must be an array, not an object");
  CHECK(error_of(R"({"calendar": {"closures": [{"kind": "office_closure", "from": "2026-12-29",
      "to": "2026-02-30", "name": "x"}]}})") ==
        "calendar.closures[0].to: impossible date 2026-02-30");
  CHECK(error_of(R"({"calendar": {"closures": [{"kind": "office_closure", "from": "2026-12-29",
      "to": "2026-12-31"}]}})") == "calendar.closures[0].name: missing");
  CHECK(error_of(R"({"calendar": {"closures": [{"kind": "holiday", "from": "2026-12-29",
      "to": "2026-12-31", "name": "x"}]}})") ==
        "calendar.closures[0].kind: must be school_holiday or office_closure, not "
        "\"holiday\"");
  CHECK(error_of(R"({"calendar": {"closures": [{"kind": "office_closure", "from": "2026-12-31",
      "to": "2026-12-29", "name": "x"}]}})") ==
        "calendar.closures[0].to: 2026-12-29 is before from 2026-12-31");
  CHECK(error_of(R"({"calendar": {"not_holidays": ["2026-06-01"]}})") ==
        "calendar.not_holidays[0]: 2026-06-01 is not a bank holiday");
  CHECK(error_of(R"({"calendar": {"holidays": [{"date": "2026-06-01"}]}})") ==
        "calendar.holidays[0].name: missing");
}

TEST_CASE("a configuration file that cannot be read says which") {
  auto config = adapters::config::load_la_config("/nonexistent/la.json");
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().message() ==
        "cannot read configuration /nonexistent/la.json: no such file");
}

TEST_CASE("the nightly run's time is a London time HH:MM, 00:00 to 23:59") {
  const auto at = la_config_from_json(nlohmann::json::parse(R"({"nightly": {"at": "23:05"}})"));
  REQUIRE(at.ok());
  CHECK(at.value().nightly.hour == 23);
  CHECK(at.value().nightly.minute == 5);
  const auto defaults = la_config_from_json(nlohmann::json::object());
  REQUIRE(defaults.ok());
  CHECK(defaults.value().nightly.hour == 2);
  CHECK(defaults.value().nightly.minute == 0);
  for (const char* bad : {"24:00", "02:60", "2:00", "02:00:00", "+1:00", "02-00", " 2:00", ""}) {
    INFO(bad);
    CHECK_FALSE(adapters::config::parse_time_of_day(bad));
  }
  CHECK(error_of(R"({"nightly": {"at": "2:00"}})") ==
        "nightly.at: must be a London time HH:MM, not '2:00'");
}

TEST_CASE("an LA's escalation ladder for one clock replaces the pack's for that clock only") {
  auto config = la_config_from_json(nlohmann::json::parse(R"({"rules": {"escalation": {
      "final_plan": [
        {"rung": "due", "offset": 0, "notify": ["caseworker"]},
        {"rung": "late", "offset": 5, "working_days": true,
         "notify": ["team_manager", "head_of_service"]}]}}})"));
  REQUIRE(config.ok());
  const auto& book = config.value().rules;
  const auto request = make_date(2026, 1, 5);
  const auto ladder = book.ladder_for("final_plan", request);
  REQUIRE(ladder.size() == 2);
  CHECK(ladder[0].name == "due");
  CHECK(ladder[0].offset == 0);
  CHECK_FALSE(ladder[0].working_days);
  CHECK(ladder[0].notify == std::vector<std::string>{"caseworker"});
  CHECK(ladder[1].name == "late");
  CHECK(ladder[1].offset == 5);
  CHECK(ladder[1].working_days);
  CHECK(ladder[1].notify == std::vector<std::string>{"team_manager", "head_of_service"});
  // Other clocks keep the default four rungs.
  REQUIRE(book.ladder_for("decision_to_assess", request).size() == 4);
  CHECK(book.ladder_for("decision_to_assess", request)[0].name == "due_soon");
}

TEST_CASE("an LA's '*' ladder applies to every clock, a named clock's own to that clock") {
  auto config = la_config_from_json(nlohmann::json::parse(R"({"rules": {"escalation": {
      "advice": [{"rung": "chase", "offset": -3, "working_days": true, "notify": ["caseworker"]}],
      "*": [{"rung": "due", "offset": 0, "notify": ["caseworker", "team_manager"]}]}}})"));
  REQUIRE(config.ok());
  const auto& book = config.value().rules;
  const auto start = make_date(2026, 2, 12);
  REQUIRE(book.ladder_for("advice:ep", start).size() == 1);
  CHECK(book.ladder_for("advice:ep", start)[0].name == "chase");
  REQUIRE(book.ladder_for("final_plan", start).size() == 1);
  CHECK(book.ladder_for("final_plan", start)[0].name == "due");
  // "*" reaches the 2020 pack too.
  REQUIRE(book.ladder_for("final_plan", make_date(2020, 6, 1)).size() == 1);
  CHECK(book.ladder_for("final_plan", make_date(2020, 6, 1))[0].name == "due");
}

TEST_CASE("a bad escalation ladder is rejected naming the clock, the rung and the field") {
  CHECK(error_of(R"({"rules": {"escalation": []}})") ==
        "rules.escalation: must be an object {\"*\" or clock name: [rungs]}, not an array");
  CHECK(error_of(R"({"rules": {"escalation": {"final_plan": {}}}})") ==
        "rules.escalation.final_plan: must be an array of rungs, not an object");
  CHECK(error_of(R"({"rules": {"escalation": {"final_plan": []}}})") ==
        "rules.escalation.final_plan: must list at least one rung");
  CHECK(error_of(R"({"rules": {"escalation": {"final_plan": ["due"]}}})") ==
        "rules.escalation.final_plan[0]: must be an object {rung, offset, working_days, notify}, "
        "not \"due\"");
  CHECK(error_of(R"({"rules": {"escalation": {"final_plan": [{"notify": ["caseworker"]}]}}})") ==
        "rules.escalation.final_plan[0].rung: missing");
  CHECK(error_of(R"({"rules": {"escalation": {"final_plan": [
      {"rung": "due", "notify": ["caseworker"]},
      {"rung": "late", "offset": 1, "notify": ["director"]}]}}})") ==
        "rules.escalation.final_plan[1].notify[0]: must be a role of caseworker, "
        "team_manager, head_of_service, not \"director\"");
  CHECK(error_of(R"({"rules": {"escalation": {"final_plan": [{"rung": "due"}]}}})") ==
        "rules.escalation.final_plan[0].notify: missing");
  CHECK(error_of(R"({"rules": {"escalation": {"final_plan": [
      {"rung": "due", "notify": ["caseworker"]},
      {"rung": "due", "offset": 1, "notify": ["team_manager"]}]}}})") ==
        "rules.escalation.final_plan[1].rung: 'due' appears twice in the ladder");
  CHECK(error_of(R"({"rules": {"escalation": {"teleport": [
      {"rung": "due", "notify": ["caseworker"]}]}}})") ==
        "rules.escalation.teleport: no rule pack has a clock named 'teleport'");
}

TEST_CASE("the notify section names who is told, and refuses an address without '@'") {
  auto config = la_config_from_json(nlohmann::json::parse(R"({"notify": {
      "from": "send-alerts@exampleshire.invalid", "domain": "exampleshire.invalid",
      "caseworkers": {"Omar Quillfeather": "o.quillfeather@exampleshire.invalid"},
      "team_managers": {"East": "east-send@exampleshire.invalid"},
      "head_of_service": "hos@exampleshire.invalid", "board": "send-board@exampleshire.invalid"}})"));
  REQUIRE(config.ok());
  const auto& notify = config.value().notify;
  CHECK(notify.from == "send-alerts@exampleshire.invalid");
  CHECK(notify.domain == "exampleshire.invalid");
  CHECK(notify.caseworkers == std::map<std::string, std::string>{
                                  {"Omar Quillfeather", "o.quillfeather@exampleshire.invalid"}});
  CHECK(notify.team_managers ==
        std::map<std::string, std::string>{{"East", "east-send@exampleshire.invalid"}});
  CHECK(notify.head_of_service == "hos@exampleshire.invalid");
  CHECK(notify.board == "send-board@exampleshire.invalid");

  auto defaults = la_config_from_json(nlohmann::json::object());
  REQUIRE(defaults.ok());
  CHECK(defaults.value().notify.from == "ehcp@council.invalid");
  CHECK(defaults.value().notify.domain == "council.invalid");
  CHECK(defaults.value().notify.caseworkers.empty());
  CHECK(defaults.value().notify.head_of_service.empty());
  CHECK(defaults.value().notify.board.empty());  // no board address: the pack is not sent

  CHECK(error_of(R"({"notify": []})") == "notify: must be an object, not an array");
  CHECK(error_of(R"({"notify": {"from": "ehcp.exampleshire.invalid"}})") ==
        "notify.from: must be an e-mail address local@domain (no spaces or control "
        "characters), not \"ehcp.exampleshire.invalid\"");
  CHECK(error_of(R"({"notify": {"head_of_service": "hos"}})") ==
        "notify.head_of_service: must be an e-mail address local@domain (no spaces or control "
        "characters), not \"hos\"");
  // The board's address, for the monthly pack: checked the same way, named by its path.
  CHECK(error_of(R"({"notify": {"board": "the board"}})") ==
        "notify.board: must be an e-mail address local@domain (no spaces or control "
        "characters), not \"the board\"");
  CHECK(error_of(R"({"notify": {"caseworkers": {"Omar Quillfeather": "omar"}}})") ==
        "notify.caseworkers.Omar Quillfeather: must be an e-mail address local@domain (no "
        "spaces or control characters), not \"omar\"");
  CHECK(error_of(R"({"notify": {"team_managers": {"East": 7}}})") ==
        "notify.team_managers.East: must be an e-mail address local@domain (no spaces or "
        "control characters), not 7");
  CHECK(error_of(R"({"notify": {"caseworkers": ["omar@exampleshire.invalid"]}})") ==
        "notify.caseworkers: must be an object {name: address}, not an array");
  CHECK(error_of(R"({"notify": {"domain": 3}})") ==
        "notify.domain: must be a mail domain of letters, digits, '-' and dots (council.gov.uk), "
        "not 3");
}

TEST_CASE("the nightly section takes a London time HH:MM and where files go") {
  auto config = la_config_from_json(nlohmann::json::parse(
      R"({"nightly": {"at": "02:00", "reports_dir": "/srv/ehcp/reports",
          "outbox_dir": "/srv/ehcp/outbox"}})"));
  REQUIRE(config.ok());
  CHECK(config.value().nightly.hour == 2);
  CHECK(config.value().nightly.minute == 0);
  CHECK(config.value().nightly.reports_dir == "/srv/ehcp/reports");
  CHECK(config.value().nightly.outbox_dir == "/srv/ehcp/outbox");

  auto late = la_config_from_json(nlohmann::json::parse(R"({"nightly": {"at": "23:59"}})"));
  REQUIRE(late.ok());
  CHECK(late.value().nightly.hour == 23);
  CHECK(late.value().nightly.minute == 59);
  CHECK(late.value().nightly.reports_dir.empty());

  auto defaults = la_config_from_json(nlohmann::json::object());
  REQUIRE(defaults.ok());
  CHECK(defaults.value().nightly.hour == 2);
  CHECK(defaults.value().nightly.minute == 0);

  for (const char* at :
       {"2:00", "24:00", "12:60", "+1:00", "-0:30", " 2:00", "02:+5", "0200", "02:00:00", ""}) {
    const std::string text = std::string(R"({"nightly": {"at": ")") + at + "\"}}";
    CHECK(error_of(text.c_str()) ==
          std::string("nightly.at: must be a London time HH:MM, not '") + at + "'");
  }
  CHECK(error_of(R"({"nightly": "02:00"})") == "nightly: must be an object, not \"02:00\"");
}

TEST_CASE("the council's name comes from 'la'") {
  auto config = la_config_from_json(nlohmann::json::parse(R"({"la": "Exampleshire Council"})"));
  REQUIRE(config.ok());
  CHECK(config.value().la == "Exampleshire Council");
  CHECK(error_of(R"({"la": 1})") == "la: must be a string, not 1");
}

TEST_CASE("the review options: the anchor of later reviews and the under-5s' target") {
  const auto config = la_config_from_json(nlohmann::json::parse(
      R"({"rules": {"review_anchor": "meeting", "under_five_review_months": 4}})"));
  REQUIRE(config.ok());
  const auto& book = config.value().rules;
  CHECK(book.review_anchor() == engine::ReviewAnchor::kMeeting);
  CHECK(book.under_five_reviews());
  const auto* early = book.rule_for("early_review", make_date(2026, 1, 5));
  REQUIRE(early != nullptr);
  CHECK(early->amount == 4);
  CHECK_FALSE(early->statutory);
  const auto defaults = la_config_from_json(nlohmann::json::object());
  REQUIRE(defaults.ok());
  CHECK(defaults.value().rules.review_anchor() == engine::ReviewAnchor::kDecision);
  CHECK_FALSE(defaults.value().rules.under_five_reviews());
  CHECK(error_of(R"({"rules": {"review_anchor": "report"}})") ==
        "rules.review_anchor: must be decision or meeting, not 'report'");
  CHECK(error_of(R"({"rules": {"under_five_review_months": 12}})") ==
        "rules.under_five_review_months: must be a whole number from 3 to 6, not 12");
}

TEST_CASE("a three-tier area gives the last year group of its first and middle schools") {
  const auto config = la_config_from_json(
      nlohmann::json::parse(R"({"rules": {"last_year_group": {"first": 4, "middle": 8}}})"));
  REQUIRE(config.ok());
  const auto& last = config.value().rules.transfer_options().last_year_group;
  CHECK(last.at(engine::Phase::kFirst) == 4);
  CHECK(last.at(engine::Phase::kMiddle) == 8);
  CHECK(last.at(engine::Phase::kPrimary) == 6);  // the national ones stay
  CHECK(error_of(R"({"rules": {"last_year_group": {"upper": 11}}})")
            .starts_with("rules.last_year_group.upper: not a phase ("));
  CHECK(error_of(R"({"rules": {"last_year_group": {"first": 15}}})") ==
        "rules.last_year_group.first: must be a year group from -1 (nursery) to 14, not 15");
}

TEST_CASE("an LA sets its own rating bands and target trajectories for the board pack") {
  auto config = la_config_from_json(nlohmann::json::parse(R"({"indicators": {
    "rating": {"bands": [
      {"name": "Blue", "meaning": "completed", "colour": "#1d70b8", "at_least": 10},
      {"name": "Green", "meaning": "on track", "colour": "#00703C", "at_least": 0},
      {"name": "Red", "meaning": "off track", "colour": "#d4351c"}],
      "unrated": {"name": "White", "meaning": "not yet started", "colour": "#ffffff"}},
    "targets": {"plans_within_20_weeks_excluding_exceptions": [
      {"from": "2018-06", "target": 50}, {"from": "2018-09", "target": 60}],
      "advice_within_6_weeks:health": [{"from": "2018-01", "target": 90}]}}})"));
  REQUIRE(config.ok());
  const auto& indicators = config.value().indicators;
  REQUIRE(indicators.scheme);
  REQUIRE(indicators.scheme->bands.size() == 3);
  CHECK(indicators.scheme->bands[0].name == "Blue");
  CHECK(indicators.scheme->bands[1].at_least == 0.0);
  CHECK_FALSE(indicators.scheme->bands[2].at_least);
  CHECK(indicators.scheme->unrated.name == "White");
  CHECK(engine::target_in(indicators, "plans_within_20_weeks_excluding_exceptions", 2018, 8) ==
        50.0);
  CHECK(engine::target_in(indicators, "plans_within_20_weeks_excluding_exceptions", 2019, 1) ==
        60.0);
  CHECK(engine::target_in(indicators, "advice_within_6_weeks:health", 2018, 1) == 90.0);

  // Without the section nothing is rated: no scheme is built in.
  auto bare = la_config_from_json(nlohmann::json::parse("{}"));
  REQUIRE(bare.ok());
  CHECK_FALSE(bare.value().indicators.scheme);
  CHECK(bare.value().indicators.trajectories.empty());
}

TEST_CASE("a bad rating band or target is rejected naming the entry") {
  const auto band = [](const char* bands) {
    return std::string(R"({"indicators": {"rating": {"bands": )") + bands + "}}}";
  };
  CHECK(error_of(band("[]").c_str()) ==
        "indicators.rating.bands: must list at least one band, best band first");
  CHECK(error_of(band(R"([{"name": "Green", "meaning": "ok", "colour": "green"}])").c_str()) ==
        "indicators.rating.bands[0].colour: must be #rrggbb, not 'green'");
  CHECK(error_of(band(R"([{"name": "Green", "meaning": "ok", "colour": "#00703c", "at_least": 0}])")
                     .c_str()) ==
        "indicators.rating.bands[0].at_least: the last band takes every figure the others do "
        "not, so it has no at_least");
  CHECK(error_of(band(R"([{"name": "Green", "meaning": "ok", "colour": "#00703c"},
                          {"name": "Red", "meaning": "not", "colour": "#d4351c"}])")
                     .c_str()) ==
        "indicators.rating.bands[0].at_least: missing (only the last band has none)");
  CHECK(error_of(band(R"([{"name": "Green", "meaning": "ok", "colour": "#00703c", "at_least": -5},
                          {"name": "Amber", "meaning": "so-so", "colour": "#ffdd00", "at_least": 0},
                          {"name": "Red", "meaning": "not", "colour": "#d4351c"}])")
                     .c_str()) ==
        "indicators.rating.bands[1].at_least: must be lower than the band before it");
  CHECK(error_of(band(R"([{"name": "", "meaning": "ok", "colour": "#00703c"}])").c_str()) ==
        "indicators.rating.bands[0].name: must not be empty");
  CHECK(
      error_of(
          R"({"indicators": {"targets": {"plans_in_20_weeks": [{"from": "2026-01", "target": 5}]}}})")
          .starts_with("indicators.targets.plans_in_20_weeks: no such indicator (known: "
                       "requests_received, "));
  CHECK(
      error_of(
          R"({"indicators": {"targets": {"plans_issued": [{"from": "2026-13", "target": 5}]}}})") ==
      "indicators.targets.plans_issued[0].from: must be a month YYYY-MM, not '2026-13'");
  CHECK(
      error_of(
          R"({"indicators": {"targets": {"plans_issued": [{"from": "2026-01", "target": "5"}]}}})") ==
      "indicators.targets.plans_issued[0].target: must be a number from 0 to 1000000, not \"5\"");
  CHECK(error_of(R"({"indicators": {"targets": {"plans_issued": [{"from": "2026-04", "target": 5},
      {"from": "2026-04", "target": 6}]}}})") ==
        "indicators.targets.plans_issued[1].from: must come after the step before it");
}
