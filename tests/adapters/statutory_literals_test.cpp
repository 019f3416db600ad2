// tests/adapters/statutory_literals_test.cpp
//
// Every statutory number belongs in adapters/rule_packs/england.json: this reads the sources of
// engine/ and workflows/ (from the source tree, comments stripped) and fails on a period or a
// date written in code. It catches
//  - a named constant with a number whose name speaks of a period or a year: `constexpr int
//    kRepresentationDays = 15`, `constexpr date::days kOneWeek{7}`, `const unsigned
//    kPost16FixedMonth = 3`, `kPreparationForAdulthoodYear = 9` (Day, Week, Month, Year and
//    their plurals as a word in the name: kWeekendFlag is not one);
//  - a bare period: `date::days{15}`, `date::months{2}` (0 and 1 days are arithmetic, not law);
//  - a count of months or working days written into the call: `add_months_clamped(d, 2)`,
//    `add_working_days(d, 10)`;
//  - a fixed date in a computed year: `make_date(year, 3, 31)`, `day_before(year, 2, 15)`.
// It cannot see a limit hidden in a constant with another name, or in arithmetic such as
// `7 * 4`; review still matters. Facts of the calendar and reporting conventions that are not
// law are listed below with the reason each may stay, and each must still be there.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace {

namespace fs = std::filesystem;

struct Allowed {
  const char* file;  // relative to the source tree
  const char* what;  // the constant's name, or the matched text
  const char* why;
};

const std::vector<Allowed> kAllowed = {
    {"engine/counting.cpp", "kDaysInWeek", "the calendar: a week is 7 days"},
    {"workflows/exceptions.cpp", "kDaysInWeek", "the calendar: a week is 7 days"},
    {"engine/indicators.cpp", "kDaysPerWeek", "the calendar, for mean weeks to issue"},
    {"engine/bank_holidays.h", "kFirstBankHolidayYear", "the range of the published table"},
    {"engine/bank_holidays.h", "kLastBankHolidayYear", "the range of the published table"},
    {"engine/academic_year.cpp", "make_date(year, 9, 1)", "the academic year starts 1 September"},
    {"engine/event_validation.h", "kMinYearGroup", "nursery, the first year group with a plan"},
    {"engine/event_validation.h", "kMaxYearGroup", "Year 14, the last year group with a plan"},
    {"engine/phase_transfer.cpp", "kFirstPost16LeavingYearGroup",
     "Year 11 ends compulsory secondary education: which limb of reg 18, not a limit"},
    {"workflows/transfer/phase_transfers.cpp", "kLastTransferYears",
     "how far ahead transfers are derived (to Year 14)"},
    {"workflows/detail/case_evaluation_plan.cpp", "kUnderFiveMonths", "a child's age of 5"},
    {"engine/indicators.cpp", "kMonthsOfTrend", "the board pack's 12-month trend (reporting)"},
    {"engine/indicators.cpp", "kBandOneYearMonths", "the SEN2 band '20 weeks to 1 year'"},
    {"engine/breach_report.h", "kDueSoonWorkingDays",
     "the breach report's and the queue's 'due soon' horizon (reporting, not an LA's ladder)"},
};

// Files whose numbers are their own cited data (each bank holiday with its proclamation).
const std::set<std::string> kSkipped = {"engine/bank_holidays.cpp"};

struct Pattern {
  std::regex regex;
  int name_group;  // the group that names the finding (0: the whole match)
};

std::vector<Pattern> patterns() {
  return {
      {std::regex(
           R"(\b(constexpr|const)\b[^;]*\b(k\w*?(Day|Days|Week|Weeks|Month|Months|Year|Years)(?![a-z])\w*)\s*(=|\{)\s*[-+]?[0-9])"),
       2},
      {std::regex(R"(date::(days|weeks|months|years)\s*\{\s*[-+]?([2-9]|[0-9]{2,})\s*\})"), 0},
      {std::regex(R"(\b(add_months_clamped|add_working_days)\s*\([^,()]+,\s*[-+]?[0-9]+\s*\))"), 0},
      {std::regex(
           R"(\b(make_date|day_before)\s*\(\s*[A-Za-z_][\w.]*\s*,\s*[0-9]+\s*,\s*[0-9]+\s*\))"),
       0},
  };
}

bool allowed(const std::string& file, const std::string& what, std::set<std::string>& seen) {
  for (const auto& a : kAllowed) {
    if (file == a.file && what == a.what) {
      seen.insert(std::string(a.file) + " " + a.what);
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("no statutory limit is written as a number in engine/ or workflows/",
          "[source][rule_pack]") {
  const fs::path root = EHCP_SOURCE_DIR;
  const auto found = patterns();
  std::vector<std::string> findings;
  std::set<std::string> seen;
  int files = 0;
  for (const char* dir : {"engine", "workflows"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const auto ext = entry.path().extension();
      const std::string file = fs::relative(entry.path(), root).generic_string();
      if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp") || kSkipped.count(file)) {
        continue;
      }
      ++files;
      std::ifstream in(entry.path());
      std::string line;
      for (int number = 1; std::getline(in, line); ++number) {
        const std::string code = line.substr(0, line.find("//"));
        for (const auto& p : found) {
          for (auto it = std::sregex_iterator(code.begin(), code.end(), p.regex);
               it != std::sregex_iterator(); ++it) {
            const std::string what = (*it)[p.name_group].str();
            if (!allowed(file, what, seen)) {
              findings.push_back(file + ":" + std::to_string(number) + ": " + it->str());
            }
          }
        }
      }
    }
  }
  CHECK(files > 50);  // the tree was found
  for (const auto& f : findings) {
    UNSCOPED_INFO(f << "  (a limit belongs in adapters/rule_packs/england.json)");
  }
  CHECK(findings.empty());
  for (const auto& a : kAllowed) {  // an allowance no longer needed must go
    INFO(a.file << " " << a.what << " is allowed but no longer there");
    CHECK(seen.count(std::string(a.file) + " " + a.what) == 1);
  }
}
