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
  CHECK(error_of("[]") == "the configuration must be a JSON object");
  CHECK(error_of(R"({"calendar": 1})") == "calendar must be an object");
  CHECK(error_of(R"({"calendar": {"closures": {}}})") == "calendar.closures must be an array");
  CHECK(error_of(R"({"calendar": {"closures": [{"kind": "office_closure", "from": "2026-12-29",
      "to": "2026-02-30", "name": "x"}]}})") ==
        "calendar.closures[0]: field 'to': impossible date 2026-02-30");
  CHECK(error_of(R"({"calendar": {"closures": [{"kind": "office_closure", "from": "2026-12-29",
      "to": "2026-12-31"}]}})") == "calendar.closures[0]: missing field 'name'");
  CHECK(error_of(R"({"calendar": {"closures": [{"kind": "holiday", "from": "2026-12-29",
      "to": "2026-12-31", "name": "x"}]}})") ==
        "calendar.closures[0]: field 'kind' must be school_holiday or office_closure, not "
        "'holiday'");
  CHECK(error_of(R"({"calendar": {"closures": [{"kind": "office_closure", "from": "2026-12-31",
      "to": "2026-12-29", "name": "x"}]}})")
            .starts_with("calendar.closures[0]: "));
  CHECK(error_of(R"({"calendar": {"not_holidays": ["2026-06-01"]}})") ==
        "calendar.not_holidays[0]: 2026-06-01 is not a bank holiday");
  CHECK(error_of(R"({"calendar": {"holidays": [{"date": "2026-06-01"}]}})") ==
        "calendar.holidays[0]: missing field 'name'");
}

TEST_CASE("a configuration file that cannot be read says which") {
  auto config = adapters::config::load_la_config("/nonexistent/la.json");
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().message() == "cannot read configuration /nonexistent/la.json");
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
        "nightly.at must be a London time HH:MM, not '2:00'");
}
