#include "adapters/report/sen2_return.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "adapters/report/as_it_stood.h"

namespace ehcp::adapters::report {
namespace {

using engine::Date;
using engine::Status;

int age_on(Date dob, Date on) {
  const date::year_month_day b{dob};
  const date::year_month_day o{on};
  int age = static_cast<int>(o.year()) - static_cast<int>(b.year());
  if (o.month() < b.month() || (o.month() == b.month() && o.day() < b.day())) {
    --age;
  }
  return age;
}

bool in(Date d, Date first, Date last) { return first <= d && d <= last; }

// The cases whose codes say "other", kept to name them if there are too many (warnings).
struct OtherUse {
  const char* field;
  std::vector<std::string> cases;
  int counted = 0;  // persons with the field given at all
};

class Accumulator {
 public:
  Accumulator(const config::Sen2Pack& pack, const config::Sen2Year& year, Sen2Return& out)
      : pack_(pack), year_(year), out_(out), v13_(pack.has_v13_fields(year.version)) {}

  void add(const Sen2Person& p) {
    ++out_.persons;
    count(p);
    check(p);
  }

  void finish() {
    for (auto* use : {&need_, &placement_, &source_}) {
      const auto n = static_cast<int>(use->cases.size());
      if (use->counted < pack_.other_share_minimum ||
          n * 100 <= use->counted * pack_.other_share_percent) {
        continue;
      }
      for (const auto& ref : use->cases) {
        out_.findings.push_back({"other_code_overused", false, ref,
                                 std::string(use->field) + " is 'other' for " + std::to_string(n) +
                                     " of " + std::to_string(use->counted) + " (over " +
                                     std::to_string(pack_.other_share_percent) + "%)"});
      }
    }
  }

 private:
  void count(const Sen2Person& p) {
    auto& c = out_.counts;
    const Date first = period_start(year_.census);
    const Date last = period_end(year_.census);
    for (const auto& r : p.requests) {
      if (r.reassessment) {
        continue;
      }
      if (in(r.received, first, last)) {
        ++c.requests;
        c.refused += r.refused ? 1 : 0;
      }
      if (r.no_plan && r.issue_decided && in(*r.issue_decided, first, last)) {
        ++c.assessed_no_plan;
      }
      if (r.plan_issued && in(*r.plan_issued, first, last)) {
        ++c.plans_issued;
        if (!r.disagreement) {
          ++c.timeliness_including;
          c.within_20_including += r.within_20_weeks() ? 1 : 0;
          if (!r.exception) {
            ++c.timeliness_excluding;
            c.within_20_excluding += r.within_20_weeks() ? 1 : 0;
          }
        }
      }
    }
    if (p.active) {
      ++c.plans_in_force;
      ++c.by_age[age_band(age_on(p.child.dob, year_.census))];
      ++c.by_need[p.primary_need.value_or("not recorded")];
    }
    if (p.ceased) {
      ++c.plans_ceased;
    }
  }

  void find(const Sen2Person& p, const char* check, std::string detail, bool blocking = true) {
    out_.findings.push_back({check, blocking, p.case_ref, std::move(detail)});
  }

  void order(const Sen2Person& p, const char* what, Date earlier, const char* then,
             std::optional<Date> later) {
    if (later && *later < earlier) {
      find(p, "dates_out_of_order",
           std::string(then) + " " + engine::format_date(*later) + " is before " + what + " " +
               engine::format_date(earlier));
    }
  }

  void check(const Sen2Person& p) {
    if (p.active) {
      if (!p.setting || !p.setting->placement) {
        find(p, "plan_without_placement",
             p.setting ? "the setting '" + p.setting->name + "' has no placement type"
                       : "the plan in force has no setting");
      }
      if (!p.primary_need) {
        find(p, "need_missing", "the plan in force has no primary need", false);
      }
      order(p, "the birth date", p.child.dob, "the plan's start", p.active->start);
      order(p, "the plan's start", p.active->start, "the last review", p.active->last_review);
    }
    for (const auto& r : p.requests) {
      const std::string when = "request of " + engine::format_date(r.received);
      if (v13_ && !r.source) {
        find(p, "request_source_missing", when + " has no request source");
      }
      order(p, "the birth date", p.child.dob, ("the " + when).c_str(), r.received);
      order(p, "the request", r.received, "the decision to assess", r.decided);
      order(p, "the request", r.received, "the outcome", r.outcome_date);
      order(p, "the request", r.received, "the plan", r.plan_issued);
      if (r.outcome == "open" && r.ended_unfinished) {
        find(p, "assessment_without_outcome",
             when + " ended on " + engine::format_date(*r.ended_unfinished) +
                 " with no outcome recorded");
      } else if (r.plan_issued && !r.reassessment && !r.issue_decided) {
        find(p, "assessment_without_outcome",
             when + ": plan issued on " + engine::format_date(*r.plan_issued) +
                 " with no decision to issue recorded");
      }
    }
    const auto other = [&](OtherUse& use, const std::optional<std::string>& code, const char* o) {
      if (code) {
        ++use.counted;
        if (*code == o) {
          use.cases.push_back(p.case_ref);
        }
      }
    };
    if (p.active) {
      other(need_, p.primary_need, "OTH");
      other(placement_, p.setting ? p.setting->placement : std::nullopt, "other");
    }
    for (const auto& r : p.requests) {
      other(source_, r.source, "other");
    }
  }

  const config::Sen2Pack& pack_;
  const config::Sen2Year& year_;
  Sen2Return& out_;
  bool v13_;
  OtherUse need_{"primary need", {}, 0};
  OtherUse placement_{"placement type", {}, 0};
  OtherUse source_{"request source", {}, 0};
};

}  // namespace

std::string age_band(int age) {
  if (age < 5) {
    return "Under 5";
  }
  if (age <= 10) {
    return "5 to 10";
  }
  if (age <= 15) {
    return "11 to 15";
  }
  if (age <= 19) {
    return "16 to 19";
  }
  return "20 to 25";
}

std::vector<Sen2Measure> headline(const Sen2Counts& c) {
  const auto rate = [](int n, int d) { return d == 0 ? 0.0 : 100.0 * n / d; };
  return {
      {"requests", "Requests for assessment received", double(c.requests)},
      {"refused", "Requests refused (decided not to assess)", double(c.refused)},
      {"assessed_no_plan", "Assessed, decided not to issue a plan", double(c.assessed_no_plan)},
      {"plans_issued", "New plans issued", double(c.plans_issued)},
      {"within_20_weeks_including_exceptions",
       "New plans issued within 20 weeks, including exceptions (%)",
       rate(c.within_20_including, c.timeliness_including)},
      {"within_20_weeks_excluding_exceptions",
       "New plans issued within 20 weeks, excluding exceptions (%)",
       rate(c.within_20_excluding, c.timeliness_excluding)},
      {"plans_in_force", "Plans in force on the census date", double(c.plans_in_force)},
      {"plans_ceased", "Plans ceased", double(c.plans_ceased)},
  };
}

bool Sen2Return::blocked() const {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Sen2Finding& f) { return f.blocking; });
}

engine::Result<Sen2Return> build_sen2_return(sqlite::Database& db, const engine::RuleBook& rules,
                                             const engine::Calendar& calendar,
                                             const config::Sen2Pack& pack,
                                             const Sen2Options& options) {
  const config::Sen2Year* year = pack.year(options.year);
  if (year == nullptr) {
    std::string years;
    for (const auto& y : pack.years) {
      years += (years.empty() ? "" : ", ") + std::to_string(y.year);
    }
    return Status::invalid_input("no SEN2 census date for " + std::to_string(options.year) +
                                 " in the rule pack (it has " + years + ")");
  }
  Sen2Return out;
  out.year = year;
  std::optional<Sen2XmlWriter> xml;
  if (options.xml) {
    xml.emplace(*options.xml, pack, Sen2Header{year, options.lea, options.release});
  }
  Accumulator totals(pack, *year, out);
  AsItStood stood(db, rules, calendar, year->census);
  const Date census = year->census;
  const std::string stage = "for " + std::to_string(options.year) + ", reading";
  std::uint64_t read = 0;
  std::uint64_t cases = 0;
  if (options.progress != nullptr) {
    cases =
        static_cast<std::uint64_t>(db.sql().execAndGet("SELECT count(*) FROM cases").getInt64());
  }
  auto status = stood.for_each_case<Sen2Person>(
      [census](AsItStood::CaseHistory&& h) { return sen2_person(h.case_ref, h.events, census); },
      [&](Sen2Person&& p) {
        report_progress(options.progress, stage, "cases", ++read, cases);
        if (!p.listed()) {
          return;
        }
        if (xml) {
          xml->person(p);
        }
        totals.add(p);
        if (options.summaries) {
          out.summaries.push_back({p.case_ref, p.active.has_value(),
                                   p.active ? p.primary_need.value_or("") : "",
                                   p.active && p.setting ? p.setting->placement.value_or("") : "",
                                   p.ceased.has_value(), static_cast<int>(p.requests.size())});
        }
      },
      sen2_event_types());
  if (!status.ok()) {
    return status;
  }
  if (xml) {
    xml->finish();
  }
  totals.finish();
  std::stable_sort(
      out.findings.begin(), out.findings.end(),
      [](const Sen2Finding& a, const Sen2Finding& b) { return a.blocking && !b.blocking; });
  return out;
}

std::vector<Sen2Change> compare_returns(const std::vector<Sen2Summary>& before,
                                        const std::vector<Sen2Summary>& after) {
  std::vector<Sen2Change> out;
  std::size_t i = 0;
  std::size_t j = 0;
  const auto described = [](const Sen2Summary& s) {
    std::string d = s.active ? "plan in force" : (s.ceased ? "plan ceased" : "no plan");
    if (!s.need.empty()) {
      d += ", need " + s.need;
    }
    if (!s.placement.empty()) {
      d += ", placement " + s.placement;
    }
    return d + ", " + std::to_string(s.requests) + " request(s)";
  };
  while (i < before.size() || j < after.size()) {
    if (j == after.size() || (i < before.size() && before[i].case_ref < after[j].case_ref)) {
      out.push_back({before[i].case_ref, "left", described(before[i])});
      ++i;
    } else if (i == before.size() || after[j].case_ref < before[i].case_ref) {
      out.push_back({after[j].case_ref, "entered", described(after[j])});
      ++j;
    } else {
      const auto& b = before[i];
      const auto& a = after[j];
      std::string d;
      const auto note = [&d](const std::string& what, const std::string& was,
                             const std::string& now) {
        if (was != now) {
          d += (d.empty() ? "" : "; ") + what + " " + (was.empty() ? "none" : was) + " -> " +
               (now.empty() ? "none" : now);
        }
      };
      note("plan", b.active ? "in force" : (b.ceased ? "ceased" : ""),
           a.active ? "in force" : (a.ceased ? "ceased" : ""));
      note("need", b.need, a.need);
      note("placement", b.placement, a.placement);
      note("requests", std::to_string(b.requests), std::to_string(a.requests));
      if (!d.empty()) {
        out.push_back({a.case_ref, "changed", d});
      }
      ++i;
      ++j;
    }
  }
  return out;
}

engine::Result<std::map<std::pair<int, std::string>, double>> read_published(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return Status::invalid_input("--published: cannot read '" + path + "'");
  }
  std::map<std::pair<int, std::string>, double> out;
  std::string line;
  int number = 0;
  const auto keys = headline(Sen2Counts{});
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    const std::string where = path + " line " + std::to_string(number) + ": ";
    if (number == 1) {
      if (line != "year,measure,value") {
        return Status::invalid_input(where + "the header must be 'year,measure,value', not '" +
                                     line + "'");
      }
      continue;
    }
    if (line.empty()) {
      continue;
    }
    std::stringstream fields(line);
    std::string year;
    std::string measure;
    std::string value;
    std::getline(fields, year, ',');
    std::getline(fields, measure, ',');
    std::getline(fields, value);
    if (std::none_of(keys.begin(), keys.end(),
                     [&](const Sen2Measure& m) { return m.key == measure; })) {
      std::string names;
      for (const auto& m : keys) {
        names += (names.empty() ? "" : "|") + m.key;
      }
      return Status::invalid_input(where + "field 'measure' must be " + names + ", not '" +
                                   measure + "'");
    }
    try {
      std::size_t used = 0;
      const int y = std::stoi(year, &used);
      if (used != year.size()) {
        throw std::invalid_argument(year);
      }
      const double v = std::stod(value, &used);
      if (used != value.size()) {
        throw std::invalid_argument(value);
      }
      out[{y, measure}] = v;
    } catch (const std::exception&) {
      return Status::invalid_input(where +
                                   "'year' must be a whole number and 'value' a number, "
                                   "not '" +
                                   year + "' and '" + value + "'");
    }
  }
  return out;
}

}  // namespace ehcp::adapters::report
