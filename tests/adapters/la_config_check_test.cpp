// tests for the strict checks of the LA configuration (adapters/config/la_config.h,
// config_reader.h): every problem listed, each starting with its key path, nothing silently
// ignored. Issue 14 part 5 and issue 17 faults 4 and 8.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <unistd.h>

#include "adapters/config/config_reader.h"
#include "adapters/config/la_config.h"

using namespace ehcp;
using adapters::config::la_config_from_json;

namespace {

std::string error_of(const std::string& text) {
  auto config = la_config_from_json(nlohmann::json::parse(text));
  return config.ok() ? "(accepted)" : config.status().message();
}

// One closure entry, for the calendar checks.
std::string closure(const char* kind, const char* from, const char* to, const char* name,
                    const char* setting = nullptr) {
  return std::string(R"({"kind": ")") + kind + R"(", "from": ")" + from + R"(", "to": ")" + to +
         R"(", "name": ")" + name + "\"" +
         (setting == nullptr ? std::string() : std::string(R"(, "setting": ")") + setting + "\"") +
         "}";
}

std::string closures(const std::vector<std::string>& entries) {
  std::string list;
  for (const auto& e : entries) {
    list += (list.empty() ? "" : ", ") + e;
  }
  return R"({"calendar": {"closures": [)" + list + "]}}";
}

}  // namespace

TEST_CASE("a misspelt key anywhere is refused, naming its path and the nearest known key") {
  // The issue's own case: a council's closures under the wrong key counted as working days.
  CHECK(error_of(R"({"calendar": {"office_closures": []}})") ==
        "calendar.office_closures: unknown key; did you mean calendar.closures?");
  CHECK(error_of(R"({"calender": {}})") == "calender: unknown key; did you mean calendar?");
  CHECK(error_of(closures({R"({"kind": "office_closure", "from": "2026-12-29",
      "to": "2026-12-31", "nmae": "Christmas"})"})) ==
        "calendar.closures[0].nmae: unknown key; did you mean calendar.closures[0].name?\n"
        "calendar.closures[0].name: missing");
  CHECK(error_of(
            R"({"calendar": {"holidays": [{"date": "2027-06-04", "name": "x", "dates": 1}]}})") ==
        "calendar.holidays[0].dates: unknown key; did you mean calendar.holidays[0].date?");
  CHECK(error_of(R"({"notify": {"head_of_servce": "hos@exampleshire.invalid"}})") ==
        "notify.head_of_servce: unknown key; did you mean notify.head_of_service?");
  CHECK(error_of(R"({"nightly": {"outbox": "/srv/outbox"}})") ==
        "nightly.outbox: unknown key; did you mean nightly.outbox_dir?");
  CHECK(error_of(R"({"rules": {"overides": []}})") ==
        "rules.overides: unknown key; did you mean rules.overrides?");
  CHECK(error_of(R"({"rules": {"overrides": [{"clock": "draft_plan", "counting": "weeks_after",
      "amount": 16, "ammount": 15}]}})") ==
        "rules.overrides[0].ammount: unknown key; did you mean rules.overrides[0].amount?");
  CHECK(error_of(R"({"rules": {"escalation": {"final_plan": [
      {"rung": "due", "notfy": ["caseworker"]}]}}})") ==
        "rules.escalation.final_plan[0].notfy: unknown key; did you mean "
        "rules.escalation.final_plan[0].notify?\n"
        "rules.escalation.final_plan[0].notify: missing");
  CHECK(error_of(R"({"indicators": {"rating": {"bands": [
      {"name": "Green", "meaning": "ok", "color": "#00703c"}]}}})") ==
        "indicators.rating.bands[0].color: unknown key; did you mean "
        "indicators.rating.bands[0].colour?\n"
        "indicators.rating.bands[0].colour: missing");
  CHECK(error_of(R"({"indicators": {"targets": {"plans_within_20_weeks": [
      {"from": "2026-01", "target": 50}]}}})")
            .starts_with("indicators.targets.plans_within_20_weeks: no such indicator; did you "
                         "mean indicators.targets.plans_within_20_weeks_"));
  // Nothing near: the message lists what the object takes.
  CHECK(error_of(R"({"calendar": {"zzz": 1}})") ==
        "calendar.zzz: unknown key (calendar takes holidays, not_holidays, closures)");
  CHECK(error_of(R"({"colour": "blue"})") ==
        "colour: unknown key (the configuration takes la, calendar, rules, notify, nightly, "
        "indicators)");
}

TEST_CASE("every problem of a configuration is listed, one a line, not only the first") {
  const auto message = error_of(R"({"la": "Exampleshire",
      "calendar": {"office_closures": [], "holidays": [{"date": "2026-02-30", "name": "x"}]},
      "notify": {"from": "nobody"}, "nightly": {"at": "2am"}})");
  CHECK(message ==
        "calendar.office_closures: unknown key; did you mean calendar.closures?\n"
        "calendar.holidays[0].date: impossible date 2026-02-30\n"
        "notify.from: must be an e-mail address local@domain (no spaces or control characters), "
        "not \"nobody\"\n"
        "nightly.at: must be a London time HH:MM, not '2am'");
}

TEST_CASE("a value of the wrong type is refused, naming its path and the type expected") {
  CHECK(error_of(R"({"la": ["Exampleshire"]})") == "la: must be a string, not an array");
  CHECK(error_of(R"({"calendar": {"holidays": {"date": "2027-06-04"}}})") ==
        "calendar.holidays: must be an array, not an object");
  CHECK(error_of(R"({"calendar": {"closures": ["2026-12-29"]}})") ==
        "calendar.closures[0]: must be an object {kind, from, to, name, setting}, not "
        "\"2026-12-29\"");
  CHECK(error_of(R"({"calendar": {"not_holidays": [20260525]}})") ==
        "calendar.not_holidays[0]: must be a date YYYY-MM-DD, not 20260525");
  CHECK(error_of(R"({"nightly": {"reports_dir": 5}})") ==
        "nightly.reports_dir: must be a string, not 5");
  CHECK(error_of(R"({"rules": {"count_event_day": "yes"}})") ==
        "rules.count_event_day: must be true or false, not \"yes\"");
  CHECK(error_of(R"({"rules": {"overrides": [{"clock": "draft_plan", "counting": "weeks_after",
      "amount": "16"}]}})") ==
        "rules.overrides[0].amount: must be a whole number from 0 to 1000, not \"16\"");
  CHECK(error_of(R"({"rules": {"overrides": {"clock": "draft_plan"}}})") ==
        "rules.overrides: must be an array, not an object");
  CHECK(error_of(R"({"rules": {"escalation": {"final_plan": [
      {"rung": "due", "offset": 1.5, "notify": ["caseworker"]}]}}})") ==
        "rules.escalation.final_plan[0].offset: must be a whole number from -366 to 366, not 1.5");
  CHECK(error_of(R"({"indicators": {"targets": {"plans_issued": [
      {"from": "2026-01", "target": "5"}]}}})") ==
        "indicators.targets.plans_issued[0].target: must be a number from 0 to 1000000, not "
        "\"5\"");
  CHECK(error_of(R"({"indicators": {"rating": {"bands": [
      {"name": "Green", "meaning": "ok", "colour": "#00703c", "at_least": "0"},
      {"name": "Red", "meaning": "not", "colour": "#d4351c"}]}}})") ==
        "indicators.rating.bands[0].at_least: must be a number from -1000000 to 1000000, not "
        "\"0\"");
}

TEST_CASE("the calendar refuses impossible and implausible dates and repeated holidays") {
  CHECK(error_of(R"({"calendar": {"holidays": [{"date": "2027-02-29", "name": "x"}]}})") ==
        "calendar.holidays[0].date: impossible date 2027-02-29");
  // 2206 for 2026: outside the years the calendar computes bank holidays for, it counts for
  // nothing.
  CHECK(error_of(R"({"calendar": {"holidays": [{"date": "2206-06-04", "name": "x"}]}})") ==
        "calendar.holidays[0].date: 2206-06-04 is outside 1995–2100, the years the calendar "
        "knows");
  CHECK(error_of(closures({closure("office_closure", "1926-12-29", "1926-12-31", "x")})) ==
        "calendar.closures[0].from: 1926-12-29 is outside 1995–2100, the years the calendar "
        "knows\n"
        "calendar.closures[0].to: 1926-12-31 is outside 1995–2100, the years the calendar knows");
  CHECK(error_of(R"({"calendar": {"holidays": [{"date": "2027-06-04", "name": "One-off"},
      {"date": "2027-06-04", "name": "One-off again"}]}})") ==
        "calendar.holidays[1].date: 2027-06-04 is already a holiday at calendar.holidays[0]");
  CHECK(error_of(R"({"calendar": {"holidays": [{"date": "2027-06-04", "name": ""}]}})") ==
        "calendar.holidays[0].name: must not be empty");
  CHECK(error_of(R"({"calendar": {"not_holidays": ["2026-06-01", "2026-13-01"]}})") ==
        "calendar.not_holidays[0]: 2026-06-01 is not a bank holiday\n"
        "calendar.not_holidays[1]: must be a date YYYY-MM-DD, not \"2026-13-01\"");
}

TEST_CASE("a closure that ends before it starts, overlaps or repeats another is refused") {
  const auto christmas = closure("office_closure", "2026-12-29", "2026-12-31", "Christmas");
  CHECK(error_of(closures(
            {christmas, closure("office_closure", "2026-12-31", "2026-12-29", "Reversed")})) ==
        "calendar.closures[1].to: 2026-12-29 is before from 2026-12-31");
  CHECK(error_of(closures(
            {christmas, closure("office_closure", "2026-12-31", "2027-01-04", "New Year")})) ==
        "calendar.closures[1]: overlaps calendar.closures[0] 'Christmas' 2026-12-29 to "
        "2026-12-31");
  CHECK(error_of(closures({christmas, christmas})) ==
        "calendar.closures[1]: repeats calendar.closures[0] 'Christmas' 2026-12-29 to "
        "2026-12-31");
  // A school holiday over an office closure, and two settings' holidays over the same days,
  // are ordinary.
  CHECK(error_of(
            closures({christmas, closure("school_holiday", "2026-12-21", "2027-01-01", "Christmas"),
                      closure("school_holiday", "2026-12-21", "2027-01-01", "Christmas",
                              "Oak Lane Primary")})) == "(accepted)");
  CHECK(error_of(closures(
            {closure("school_holiday", "2026-07-23", "2026-09-02", "Summer", "Oak Lane Primary"),
             closure("school_holiday", "2026-08-30", "2026-09-04", "Late summer",
                     "Oak Lane Primary")})) ==
        "calendar.closures[1]: overlaps calendar.closures[0] 'Summer' 2026-07-23 to 2026-09-02");
}

TEST_CASE("an override or ladder naming an unknown clock or limb names the nearest clock") {
  CHECK(error_of(R"({"rules": {"overrides": [
      {"clock": "draft_plna", "counting": "weeks_after", "amount": 16}]}})") ==
        "rules.overrides[0].clock: no rule pack has a clock 'draft_plna'; did you mean "
        "draft_plan?");
  CHECK(error_of(R"({"rules": {"overrides": [
      {"clock": "final_plan", "limb": "detaned", "counting": "weeks_after", "amount": 16}]}})") ==
        "rules.overrides[0].limb: clock 'final_plan' has no limb 'detaned' (its limbs: "
        "detained)");
  CHECK(error_of(R"({"rules": {"overrides": [
      {"clock": "draft_plan", "limb": "x", "counting": "weeks_after", "amount": 16}]}})") ==
        "rules.overrides[0].limb: clock 'draft_plan' has no limbs, not 'x'");
  CHECK(error_of(R"({"rules": {"overrides": [
      {"clock": "phase_transfer", "counting": "months_before", "amount": 6}]}})") ==
        "rules.overrides[0].limb: missing: clock 'phase_transfer' has limbs post16, "
        "post16_to_post16, school");
  CHECK(error_of(R"({"rules": {"escalation": {"final_pln": [
      {"rung": "due", "notify": ["caseworker"]}]}}})") ==
        "rules.escalation.final_pln: no rule pack has a clock named 'final_pln'; did you mean "
        "final_plan?");
  CHECK(error_of(R"({"rules": {"escalation": {"advice:ep": [
      {"rung": "due", "notify": ["caseworker"]}]}}})") ==
        "rules.escalation.advice:ep: no rule pack has a clock named 'advice:ep'; did you mean "
        "advice?");
  CHECK(error_of(R"({"rules": {"last_year_group": {"frist": 4}}})") ==
        "rules.last_year_group.frist: not a phase; did you mean rules.last_year_group.first?");
  // Both problems of two bad overrides, and neither applied.
  CHECK(error_of(R"({"rules": {"overrides": [
      {"clock": "teleport", "counting": "weeks_after", "amount": 1},
      {"clock": "draft_plan", "counting": "fortnights", "amount": 1}]}})")
            .starts_with("rules.overrides[0].clock: no rule pack has a clock 'teleport'\n"
                         "rules.overrides[1].counting: must be weeks_after, "));
}

TEST_CASE("an address or domain with a line break, or not local@domain, is refused") {
  // A CR LF in the sender would end up in every message's headers (issue 17 fault 8).
  CHECK(error_of(R"({"notify": {"from": "ehcp@exampleshire.invalid\r\nBcc: x@evil.invalid"}})") ==
        "notify.from: must be an e-mail address local@domain (no spaces or control characters), "
        "not \"ehcp@exampleshire.invalid\\r\\nBcc: x@evil.invalid\"");
  CHECK(error_of(R"({"notify": {"domain": "exampleshire.invalid\n"}})") ==
        "notify.domain: must be a mail domain of letters, digits, '-' and dots (council.gov.uk), "
        "not \"exampleshire.invalid\\n\"");
  for (const char* domain : {"exampleshire..invalid", ".invalid", "-x.invalid", "a b.invalid",
                             "exampleshire.invalid.", ""}) {
    INFO(domain);
    CHECK(error_of(std::string(R"({"notify": {"domain": ")") + domain + "\"}}")
              .starts_with("notify.domain: must be a mail domain"));
  }
  for (const char* address :
       {"Jo Bloggs@exampleshire.invalid", "<jo@exampleshire.invalid>", "jo@b@exampleshire.invalid",
        "jo@", "@exampleshire.invalid", "jo.@exampleshire.invalid", "jo..b@exampleshire.invalid",
        "jo@exampleshire.invalid\\t", "jo,b@exampleshire.invalid"}) {
    INFO(address);
    CHECK(error_of(std::string(R"({"notify": {"team_managers": {"North": ")") + address + "\"}}}")
              .starts_with("notify.team_managers.North: must be an e-mail address"));
  }
  CHECK(error_of(R"({"notify": {"caseworkers": {"Jo\nBloggs": "jo@exampleshire.invalid"}}})") ==
        "notify.caseworkers.\"Jo\\nBloggs\": a name must be text, not empty, without control "
        "characters");
  // Any text in the configuration: a closure's name goes into reports.
  CHECK(error_of(closures(
            {closure("office_closure", "2026-12-29", "2026-12-31", "Christmas\\r\\nclosure")})) ==
        "calendar.closures[0].name: must not hold a control character (a line break, a tab), "
        "not \"Christmas\\r\\nclosure\"");
  CHECK(error_of(R"({"notify": {"from": "send.ehcp+alerts@exampleshire.gov.uk",
      "domain": "exampleshire-council.gov.uk",
      "caseworkers": {"Jo Bloggs": "o'neill.jo@exampleshire.gov.uk"}}})") == "(accepted)");
  CHECK(error_of(R"({"notify": {"board": "send.board@exampleshire.gov.uk"}})") == "(accepted)");
  CHECK(error_of(R"({"notify": {"board": 7}})").starts_with("notify.board: "));
  // An empty head of service still means the default, head-of-service@domain.
  CHECK(error_of(R"({"notify": {"head_of_service": ""}})") == "(accepted)");
}

TEST_CASE("numbers must be finite and within a sensible range, each naming its path") {
  const auto target = [](const char* indicator, const char* value) {
    return error_of(std::string(R"({"indicators": {"targets": {")") + indicator +
                    R"(": [{"from": "2026-01", "target": )" + value + "}]}}}");
  };
  // A percentage target is 0 to 100; 1e308 was accepted before (issue 17 fault 8).
  CHECK(target("decisions_within_6_weeks", "1e308") ==
        "indicators.targets.decisions_within_6_weeks[0].target: must be a number from 0 to 100, "
        "not 1e+308");
  CHECK(target("advice_within_6_weeks:health", "101") ==
        "indicators.targets.advice_within_6_weeks:health[0].target: must be a number from 0 to "
        "100, not 101");
  CHECK(
      target("decisions_within_6_weeks", "-1").ends_with("must be a number from 0 to 100, not -1"));
  CHECK(target("mean_weeks_to_issue", "20") == "(accepted)");
  CHECK(target("mean_weeks_to_issue", "1000") ==
        "indicators.targets.mean_weeks_to_issue[0].target: must be a number from 0 to 260, not "
        "1000");
  CHECK(target("plans_issued", "500") == "(accepted)");
  CHECK(error_of(R"({"indicators": {"rating": {"bands": [
      {"name": "Green", "meaning": "ok", "colour": "#00703c", "at_least": -1e308},
      {"name": "Red", "meaning": "not", "colour": "#d4351c"}]}}})") ==
        "indicators.rating.bands[0].at_least: must be a number from -1000000 to 1000000, not "
        "-1e+308");
  CHECK(error_of(R"({"rules": {"overrides": [
      {"clock": "draft_plan", "counting": "weeks_after", "amount": 100000}]}})") ==
        "rules.overrides[0].amount: must be a whole number from 0 to 1000, not 100000");
  CHECK(error_of(R"({"rules": {"overrides": [
      {"clock": "draft_plan", "counting": "weeks_after", "amount": 18446744073709551615}]}})") ==
        "rules.overrides[0].amount: must be a whole number from 0 to 1000, not "
        "18446744073709551615");
  CHECK(error_of(R"({"rules": {"escalation": {"*": [
      {"rung": "late", "offset": 100000, "notify": ["caseworker"]}]}}})") ==
        "rules.escalation.*[0].offset: must be a whole number from -366 to 366, not 100000");
}

TEST_CASE("a configuration file that is a directory is refused naming it, not thrown") {
  // Reading a directory through a stream threw std::ios_base::failure out of main (SIGABRT).
  const auto dir =
      std::filesystem::temp_directory_path() / ("ehcp-config-dir-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto config = adapters::config::load_la_config(dir.string());
  std::filesystem::remove(dir);
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().code() == engine::ErrorCode::kInvalidInput);
  CHECK(config.status().message() ==
        "cannot read configuration " + dir.string() + ": it is a directory, not a file");
}

TEST_CASE("a configuration file's problems follow a line naming the file and their number") {
  const auto path = std::filesystem::temp_directory_path() /
                    ("ehcp-config-" + std::to_string(::getpid()) + ".json");
  { std::ofstream(path) << R"({"calendar": {"office_closures": []}, "nightly": {"at": "2:00"}})"; }
  const auto config = adapters::config::load_la_config(path.string());
  std::filesystem::remove(path);
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().message() ==
        path.string() +
            ": 2 problems in the configuration:\n"
            "calendar.office_closures: unknown key; did you mean calendar.closures?\n"
            "nightly.at: must be a London time HH:MM, not '2:00'");
}

TEST_CASE("a key given twice in one object of a configuration file is refused naming it") {
  // JSON keeps the last: the first calendar, with its closure, would be lost without a word.
  const auto path = std::filesystem::temp_directory_path() /
                    ("ehcp-config-repeat-" + std::to_string(::getpid()) + ".json");
  {
    std::ofstream(path) << R"({"calendar": {"closures": [
        {"kind": "office_closure", "from": "2026-12-29", "to": "2026-12-31", "name": "Christmas"},
        {"kind": "office_closure", "from": "2027-03-30", "to": "2027-03-31", "name": "Stocktake",
         "name": "Audit"}]},
      "la": "Exampleshire", "calendar": {}})";
  }
  const auto config = adapters::config::load_la_config(path.string());
  std::filesystem::remove(path);
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().message() ==
        path.string() +
            ": 2 problems in the configuration:\n"
            "calendar.closures[1].name: given twice in one object (JSON keeps only the last)\n"
            "calendar: given twice in one object (JSON keeps only the last)");
}

TEST_CASE("the example configuration and every scenario's configuration load") {
  const std::filesystem::path root = std::filesystem::path(EHCP_FIXTURES) / ".." / "..";
  std::vector<std::filesystem::path> files = {root / "examples" / "la-config.json"};
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(root / "tests" / "scenarios")) {
    if (entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  CHECK(files.size() > 1);
  for (const auto& file : files) {
    INFO(file.string());
    const auto config = adapters::config::load_la_config(file.string());
    CHECK((config.ok() ? std::string("(loaded)") : config.status().message()) == "(loaded)");
  }
}

TEST_CASE("the nearest known name is suggested only when near enough to be what was meant") {
  using adapters::config::nearest;
  const std::vector<std::string> keys = {"holidays", "not_holidays", "closures"};
  CHECK(nearest("closure", keys) == "closures");
  CHECK(nearest("office_closures", keys) == "closures");  // one inside the other
  CHECK(nearest("hollidays", keys) == "holidays");
  CHECK(nearest("nothing_like", keys) == std::nullopt);
  CHECK(nearest("x", keys) == std::nullopt);
  CHECK(nearest("closures", {}) == std::nullopt);
}
