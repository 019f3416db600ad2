// `ehcp report sen2` through the real binary, on a synthetic council whose return for the
// census date 21 January 2027 is worked out by hand below: the counts (requests, assessments,
// the 20-week rates with and without exceptions, plans by age and need), the XML against
// docs/sen2.xsd with xmllint, each of the return's checks with a failing case, and the
// difference from the 2026 return beside published figures.
#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/sandbox.h"

using ehcp::test::Sandbox;

namespace {

const std::string kSchema = std::string(EHCP_FIXTURES) + "/../../docs/sen2.xsd";

std::string line(const std::string& ref, const std::string& type, const std::string& on,
                 const std::string& more = "") {
  return R"({"case":")" + ref + R"(","type":")" + type + R"(","on":")" + on + "\"" +
         (more.empty() ? "" : "," + more) + "}\n";
}

std::string opened(const std::string& ref, const std::string& on, const std::string& dob,
                   const std::string& setting) {
  return line(ref, "case_opened", on,
              R"("child":{"given_name":"Ada","family_name":"Quorbly-)" + ref + R"(","dob":")" +
                  dob + R"(","gender":"F","ethnicity":"WBRI"})" +
                  (setting.empty() ? "" : R"(,"setting":)" + setting));
}

const std::string kMainstream =
    R"({"name":"Oak Lane Primary","phase":"primary","placement":"mainstream"})";
const std::string kSpecial = R"({"name":"Hill Special School","phase":"special",)"
                             R"("placement":"special"})";
const std::string kNursery =
    R"({"name":"Brook Nursery","phase":"early_years","placement":"early_years"})";
const std::string kNoPlacement = R"({"name":"Elm Academy","phase":"secondary"})";

// A request on 2 February 2026 (20 weeks: 22 June 2026) assessed and ending in a final plan.
std::string assessed(const std::string& ref, const std::string& dob, const std::string& setting,
                     const std::string& final_on, const std::string& need, bool excepted) {
  std::string out = opened(ref, "2026-02-02", dob, setting);
  out += line(ref, "assessment_requested", "2026-02-02", R"("source":"parent")");
  out += line(ref, "assessment_decision", "2026-03-09", R"("outcome":"assess")");
  if (excepted) {
    out += line(ref, "exception_recorded", "2026-03-20", R"("limb":"personal_circumstances")");
  }
  out += line(ref, "issue_decision", "2026-04-20", R"("outcome":"issue")");
  out += line(ref, "draft_plan_issued", "2026-05-04");
  out += line(ref, "final_plan_issued", final_on, R"("primary_need":")" + need + "\"");
  return out;
}

std::string legacy(const std::string& ref, const std::string& dob, const std::string& setting,
                   const std::string& need, const std::string& made = "2020-01-10") {
  return opened(ref, "2025-09-01", dob, setting) +
         line(ref, "plan_in_force", "2025-09-01",
              R"("made":")" + made + R"(","last_reviewed":"2025-03-01","primary_need":")" + need +
                  "\"");
}

// The council, by hand, for the 2027 return (period 1 January - 31 December 2026):
//   P1 within 20 weeks (15 June); P2 on the 20-week day itself (22 June); P3 late with an
//   exception; P4 late with a mediation after it (out of both rates); O1 requested in November
//   2025, plan in March 2026 within 20 weeks (a plan of 2026, not a request of 2026).
//   R1 refused; R2 assessing on the census date; N1 assessed, no plan.
//   L1 a plan loaded in force; C1 ceased in July 2026 (left England); F1 ceased after the
//   census date, so in force on it, and in a setting with no placement type.
// Requests 7 (P1-4, R1, R2, N1), refused 1, assessed no plan 1, plans issued 5 (P1-4, O1).
// Including exceptions: P1, P2, P3, O1 counted (P4 had a mediation), 3 within: 75%.
// Excluding: P3 removed as well: 3 of 3, 100%. In force on 21 January 2027: P1-4, O1, L1, F1.
// Ages then: P3 4 (under 5); P2 6 and F1 9, the day before his 10th birthday (5 to 10); P1 11
// and O1 14 (11 to 15); L1 16 and P4 18 (16 to 19).
std::string council() {
  std::string out;
  out += assessed("P1", "2015-05-10", kMainstream, "2026-06-15", "ASD", false);
  out += assessed("P2", "2020-03-01", kSpecial, "2026-06-22", "SEMH", false);
  out += assessed("P3", "2023-01-01", kNursery, "2026-08-03", "ASD", true);
  out += assessed("P4", "2008-09-01", kSpecial, "2026-08-10", "SLCN", false);
  out += line("P4", "mediation_requested", "2026-08-20");
  out += opened("O1", "2025-11-03", "2012-06-01", kMainstream);
  out += line("O1", "assessment_requested", "2025-11-03", R"("source":"school")");
  out += line("O1", "assessment_decision", "2025-12-08", R"("outcome":"assess")");
  out += line("O1", "issue_decision", "2026-01-19", R"("outcome":"issue")");
  out += line("O1", "draft_plan_issued", "2026-02-02");
  out += line("O1", "final_plan_issued", "2026-03-09", R"("primary_need":"OTH")");
  out += opened("R1", "2026-03-02", "2016-04-04", kMainstream);
  out += line("R1", "assessment_requested", "2026-03-02", R"("source":"young_person")");
  out += line("R1", "assessment_decision", "2026-04-06", R"("outcome":"refuse")");
  out += opened("R2", "2026-10-05", "2016-04-04", kMainstream);
  out += line("R2", "assessment_requested", "2026-10-05", R"("source":"parent")");
  out += line("R2", "assessment_decision", "2026-11-09", R"("outcome":"assess")");
  out += opened("N1", "2026-04-01", "2014-04-04", kMainstream);
  out += line("N1", "assessment_requested", "2026-04-01", R"("source":"parent")");
  out += line("N1", "assessment_decision", "2026-05-05", R"("outcome":"assess")");
  out += line("N1", "issue_decision", "2026-07-01", R"("outcome":"no_plan")");
  out += legacy("L1", "2010-02-02", kSpecial, "MLD");
  out += legacy("C1", "2011-02-02", kMainstream, "HI");
  out += line("C1", "plan_ceased", "2026-07-15",
              R"("reason":"moved to Wales","cease_reason":"left_england")");
  out += legacy("F1", "2017-01-22", kNoPlacement, "PD");
  out +=
      line("F1", "plan_ceased", "2027-02-10", R"("reason":"needs met","cease_reason":"needs_met")");
  return out;
}

struct Loaded {
  Sandbox box;
  explicit Loaded(const std::string& events = council()) {
    REQUIRE(box.ehcp("init").exit_code == 0);
    const auto imported = box.ehcp("import - --as-of 2027-03-01", events);
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
  }
  ehcp::test::Outcome sen2(const std::string& args) const {
    return box.ehcp("report sen2 --year 2027 --lea 202 --as-of 2027-03-01 " + args);
  }
};

double measure(const nlohmann::json& counts, const std::string& key) {
  for (const auto& m : counts["measures"]) {
    if (m["measure"] == key) {
      return m["value"].get<double>();
    }
  }
  FAIL("no measure " << key);
  return -1;
}

}  // namespace

TEST_CASE("report sen2 --counts gives the hand-counted return for 21 January 2027") {
  Loaded l;
  const auto r = l.sen2("--counts --format json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto counts = nlohmann::json::parse(r.out);
  CHECK(counts["census_date"] == "2027-01-21");
  CHECK(counts["persons"] == 11);
  CHECK(measure(counts, "requests") == 7);
  CHECK(measure(counts, "refused") == 1);
  CHECK(measure(counts, "assessed_no_plan") == 1);
  CHECK(measure(counts, "plans_issued") == 5);
  CHECK(measure(counts, "within_20_weeks_including_exceptions") == 75.0);
  CHECK(measure(counts, "within_20_weeks_excluding_exceptions") == 100.0);
  CHECK(measure(counts, "plans_in_force") == 7);
  CHECK(measure(counts, "plans_ceased") == 1);
  CHECK(counts["plans_by_age"] ==
        nlohmann::json{{"Under 5", 1}, {"5 to 10", 2}, {"11 to 15", 2}, {"16 to 19", 2}});
  CHECK(counts["plans_by_need"] ==
        nlohmann::json{{"ASD", 2}, {"SEMH", 1}, {"SLCN", 1}, {"OTH", 1}, {"MLD", 1}, {"PD", 1}});
}

TEST_CASE("report sen2 writes XML that the structure file accepts, with the v1.3 fields") {
  Loaded l;
  const auto out = l.box.path("sen2.xml");
  const auto r = l.sen2("--out " + out.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  const auto xml = ehcp::test::slurp(out);
  CHECK(xml.find("<ReferenceDate>2027-01-21</ReferenceDate>") != std::string::npos);
  CHECK(xml.find("<LEA>202</LEA>") != std::string::npos);
  CHECK(xml.find("<RequestSource>") != std::string::npos);  // the 2027 pack's version is 1.3
  CHECK(xml.find("<CeaseReason>6</CeaseReason>") != std::string::npos);  // left England
  CHECK(xml.find("<SENtype>ASD</SENtype>") != std::string::npos);
  CHECK((std::filesystem::status(out).permissions() & std::filesystem::perms::group_read) ==
        std::filesystem::perms::none);
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
    WARN(
        "xmllint is missing (apt-get install libxml2-utils): the XML is not checked against "
        "docs/sen2.xsd");
    return;
  }
  const std::string check = "xmllint --noout --schema " + kSchema + " " + out.string() + " >" +
                            l.box.path("lint").string() + " 2>&1";
  const int status = std::system(check.c_str());
  INFO(ehcp::test::slurp(l.box.path("lint")));
  CHECK(status == 0);
  // An earlier specification version has no request source.
  const auto before = l.box.ehcp("report sen2 --year 2025 --lea 202 --as-of 2027-03-01");
  REQUIRE(before.exit_code == 0);
  CHECK(before.out.find("<SpecVersion>1.2</SpecVersion>") != std::string::npos);
  CHECK(before.out.find("<RequestSource>") == std::string::npos);
}

TEST_CASE("report sen2 --checks names each failing case and exits 2 when one blocks") {
  std::string events;
  events += legacy("K1", "2012-01-01", "", "MLD");  // no setting: no placement
  events += legacy("K2", "2012-01-01", kSpecial, "MLD");
  events += line("K2", "reassessment_requested", "2026-05-01");  // no source
  events += legacy("K3", "2021-01-01", kSpecial, "MLD");         // made (2020) before birth
  events += opened("K4", "2026-03-02", "2014-01-01", kMainstream);
  events += line("K4", "assessment_requested", "2026-03-02", R"("source":"parent")");
  events += line("K4", "assessment_decision", "2026-04-06", R"("outcome":"assess")");
  events += line("K4", "case_closed", "2026-06-01", R"("reason":"family moved abroad")");
  // A plan from another LA, reviewed there before it came: nothing out of order.
  events += opened("T1", "2025-10-01", "2012-01-01", kSpecial);
  events += line("T1", "transferred_in", "2025-10-01",
                 R"("from_la":"Elsewhere","made":"2019-01-01","last_reviewed":"2025-06-01",)"
                 R"("primary_need":"SLD")");
  // 18 plans with a need and 3 with "other": 3 of 22 is over 10%.
  for (int i = 0; i < 21; ++i) {
    events += legacy("M" + std::to_string(10 + i), "2012-01-01", kSpecial, i < 3 ? "OTH" : "SLD");
  }
  Loaded l(events);
  const auto r = l.sen2("--checks --format json");
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("blocking check") != std::string::npos);
  const auto findings = nlohmann::json::parse(r.out)["findings"];
  const auto has = [&](const std::string& ref, const std::string& check, bool blocking) {
    for (const auto& f : findings) {
      if (f["case"] == ref && f["check"] == check && f["blocking"] == blocking) {
        return true;
      }
    }
    return false;
  };
  CHECK(has("K1", "plan_without_placement", true));
  CHECK(has("K2", "request_source_missing", true));
  CHECK(has("K3", "dates_out_of_order", true));
  CHECK(has("K4", "assessment_without_outcome", true));
  CHECK(has("M10", "other_code_overused", false));
  CHECK(has("M12", "other_code_overused", false));
  CHECK_FALSE(has("M13", "other_code_overused", false));
  CHECK_FALSE(has("T1", "dates_out_of_order", true));
  CHECK(findings.size() == 7);
  const auto table = l.sen2("--checks");
  CHECK(table.out.find("K4") != std::string::npos);
  const auto csv = l.sen2("--checks --format csv");
  CHECK(csv.out.rfind("case,check,blocking,detail\r\n", 0) == 0);

  // Warnings alone do not block.
  std::string clean;
  for (int i = 0; i < 21; ++i) {
    clean += legacy("M" + std::to_string(10 + i), "2012-01-01", kSpecial, i < 3 ? "OTH" : "SLD");
  }
  Loaded ok(clean);
  const auto passed = ok.sen2("--checks --format json");
  CHECK(passed.exit_code == 0);
  CHECK(nlohmann::json::parse(passed.out)["blocked"] == false);
}

TEST_CASE("report sen2 --compare lists who entered, left or changed, beside published figures") {
  Loaded l;
  std::ofstream(l.box.path("published.csv"))
      << "year,measure,value\n2026,plans_in_force,3\n2027,requests,6\n";
  const auto r = l.sen2("--compare 2026 --published " + l.box.path("published.csv").string() +
                        " --format json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  // 2026 (15 January, period 2025): O1 requested, L1, C1 and F1 in force.
  int entered = 0;
  for (const auto& c : j["changes"]) {
    if (c["change"] == "entered") {
      ++entered;
    }
    CHECK(c["change"] != "left");
    CHECK(c["case"] != "L1");  // unchanged
    if (c["case"] == "C1") {
      CHECK(c["detail"] ==
            "plan in force -> ceased; need HI -> none; placement mainstream -> none");
    }
  }
  CHECK(entered == 7);
  CHECK(j["changes"].size() == 9);
  bool seen = false;
  for (const auto& h : j["headline"]) {
    if (h["measure"] == "plans_in_force") {
      CHECK(h["2026"] == 3);
      CHECK(h["2027"] == 7);
      CHECK(h["published_2026"] == 3);
      seen = true;
    }
    if (h["measure"] == "requests") {
      CHECK(h["2026"] == 1);
      CHECK(h["published_2027"] == 6);
    }
  }
  CHECK(seen);
  std::ofstream(l.box.path("bad.csv")) << "year,measure,value\n2026,plans,3\n";
  const auto bad = l.sen2("--compare 2026 --published " + l.box.path("bad.csv").string());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("line 2") != std::string::npos);
}

TEST_CASE("report sen2 refuses a year with no census date and a bad LA number") {
  Loaded l;
  const auto year = l.box.ehcp("report sen2 --year 2030 --lea 202 --as-of 2027-03-01");
  CHECK(year.exit_code == 1);
  CHECK(year.err.find("2023, 2024, 2025, 2026, 2027") != std::string::npos);
  const auto lea = l.box.ehcp("report sen2 --year 2027 --lea 20 --as-of 2027-03-01");
  CHECK(lea.exit_code == 1);
  CHECK(lea.err.find("--lea") != std::string::npos);
}
