// adapters/report/sen2_return.h
//
// The SEN2 return for one collection year, built from every case's history as it stood on the
// year's census date (AsItStood::for_each_case): the XML streamed person by person (optional),
// the headline counts, the return's own checks before submission, and, for `--compare`, a
// one-line summary per person to tell another year's return what changed. Nothing is held per
// person unless summaries are asked for. Read-only.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "adapters/config/sen2_pack.h"
#include "adapters/progress.h"
#include "adapters/report/sen2_xml.h"
#include "adapters/sqlite/database.h"
#include "engine/calendar.h"
#include "engine/rule_pack.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

// The headline figures, as the DfE publishes them for a council (docs/sen2.md).
struct Sen2Counts {
  int requests = 0;          // initial requests received in the calendar year
  int refused = 0;           // ... of which the LA decided not to assess
  int assessed_no_plan = 0;  // assessed, decided in the year not to issue a plan
  int plans_issued = 0;      // new plans issued in the year (initial requests)
  // 20-week timeliness: cases with a mediation, appeal or Tribunal are left out of both rates.
  int timeliness_including = 0;  // new plans counted, exceptions included
  int within_20_including = 0;   // ... of which issued within 20 weeks
  int timeliness_excluding = 0;  // the same, plans with an exception removed
  int within_20_excluding = 0;
  int plans_in_force = 0;              // on the census date
  int plans_ceased = 0;                // in the calendar year
  std::map<std::string, int> by_age;   // plans in force, by the DfE's age bands
  std::map<std::string, int> by_need;  // plans in force, by primary need code
};

// One measure of the headline counts: its key (the published CSV's `measure`) and value.
struct Sen2Measure {
  std::string key;
  std::string label;
  double value = 0;
};
std::vector<Sen2Measure> headline(const Sen2Counts& counts);

// One of the return's own checks failed for a case.
struct Sen2Finding {
  std::string check;  // plan_without_placement, request_source_missing, ...
  bool blocking = true;
  std::string case_ref;
  std::string detail;
};

// What another year's return is compared on, per person.
struct Sen2Summary {
  std::string case_ref;
  bool active = false;
  std::string need;
  std::string placement;
  bool ceased = false;
  int requests = 0;
  bool operator==(const Sen2Summary&) const = default;
};

struct Sen2Return {
  const config::Sen2Year* year = nullptr;
  std::size_t persons = 0;
  Sen2Counts counts;
  std::vector<Sen2Finding> findings;   // by case, in case order; the warnings last
  std::vector<Sen2Summary> summaries;  // in case order, when asked for
  bool blocked() const;
};

struct Sen2Options {
  int year = 0;
  std::string lea;
  std::string release;
  std::ostream* xml = nullptr;  // where to stream the XML; none when null
  bool summaries = false;
  Progress* progress = nullptr;  // told of each case read, when someone is watching
};

// The return for `year` (which the pack must list: kInvalidInput naming the years it has).
engine::Result<Sen2Return> build_sen2_return(sqlite::Database& db, const engine::RuleBook& rules,
                                             const engine::Calendar& calendar,
                                             const config::Sen2Pack& pack,
                                             const Sen2Options& request);

// A person who entered, left or changed between two returns.
struct Sen2Change {
  std::string case_ref;
  std::string change;  // entered | left | changed
  std::string detail;
};
std::vector<Sen2Change> compare_returns(const std::vector<Sen2Summary>& before,
                                        const std::vector<Sen2Summary>& after);

// The DfE's published figures for the council: CSV with the header `year,measure,value`
// (measure: a Sen2Measure key). Errors name the line.
engine::Result<std::map<std::pair<int, std::string>, double>> read_published(
    const std::string& path);

// The DfE's age band of a child of `age` years: "Under 5", "5 to 10", "11 to 15", "16 to 19",
// "20 to 25".
std::string age_band(int age);

}  // namespace ehcp::adapters::report
