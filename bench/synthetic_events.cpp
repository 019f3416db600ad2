#include "bench/synthetic_events.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <random>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace ehcp::bench {
namespace {

namespace chr = std::chrono;
using Json = nlohmann::ordered_json;  // keeps fields in the order written, for readable lines
using Day = std::int32_t;             // days since 1970-01-01

constexpr Day day_of(int y, unsigned m, unsigned d) {
  return static_cast<Day>(
      chr::sys_days{chr::year{y} / chr::month{m} / chr::day{d}}.time_since_epoch().count());
}

constexpr Day kFirstRequest = day_of(2023, 1, 3);
constexpr Day kLastRequest = day_of(2025, 12, 31);
constexpr Day kLastEvent = day_of(2026, 6, 30);
constexpr Day kFirstDob = day_of(2008, 1, 1);
constexpr Day kLastDob = day_of(2022, 12, 31);

std::string format_day(Day day) {
  const chr::year_month_day ymd{chr::sys_days{chr::days{day}}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

bool is_weekend(Day day) {
  const unsigned wd = chr::weekday{chr::sys_days{chr::days{day}}}.c_encoding();
  return wd == 0 || wd == 6;
}

// Council offices record things on working days; the fixed holidays cover the quietest days.
bool is_closed(Day day) {
  if (is_weekend(day)) {
    return true;
  }
  const chr::year_month_day ymd{chr::sys_days{chr::days{day}}};
  const unsigned m = static_cast<unsigned>(ymd.month());
  const unsigned d = static_cast<unsigned>(ymd.day());
  return (m == 12 && (d == 25 || d == 26)) || (m == 1 && d == 1);
}

Day working_day_on_or_after(Day day) {
  while (is_closed(day)) {
    ++day;
  }
  return day;
}

const std::vector<Day>& request_days() {
  static const std::vector<Day> kDays = [] {
    std::vector<Day> days;
    for (Day d = kFirstRequest; d <= kLastRequest; ++d) {
      if (!is_closed(d)) {
        days.push_back(d);
      }
    }
    return days;
  }();
  return kDays;
}

// Cases are numbered in the order their requests arrived, spread evenly over 2023-2025.
Day request_day(std::uint64_t case_number, std::uint64_t planned_cases) {
  const auto& days = request_days();
  const std::uint64_t planned = std::max<std::uint64_t>(planned_cases, 1);
  const std::uint64_t index = (case_number - 1) * days.size() / planned;
  return days[std::min<std::uint64_t>(index, days.size() - 1)];
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Draws from mt19937_64 with our own arithmetic: the std distributions differ between standard
// libraries, and the same seed should give the same file everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [lo, hi].
  int between(int lo, int hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<int>(engine_() % span);
  }
  bool chance(double p) { return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < p; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(N) - 1))];
  }

 private:
  std::mt19937_64 engine_;
};

// Synthetic names only: common given names with invented family names and places.
constexpr std::array<std::string_view, 40> kGivenNames = {
    "Ada", "Ben",  "Cal",  "Dev",  "Ella",  "Finn", "Gita",  "Hugo", "Isla",  "Jay",
    "Kai", "Lena", "Milo", "Nia",  "Omar",  "Pia",  "Quinn", "Rosa", "Sami",  "Tariq",
    "Uma", "Vik",  "Wren", "Xena", "Yusuf", "Zara", "Alfie", "Bea",  "Cyrus", "Dina",
    "Eli", "Faye", "Gus",  "Hana", "Ivo",   "Jude", "Kemi",  "Leo",  "Maya",  "Noor"};
constexpr std::array<std::string_view, 32> kFamilyNames = {
    "Example",     "Sample",     "Placeholder",  "Specimen",  "Ashcombe",  "Brindlewood",
    "Cobblefield", "Dunmarsh",   "Elderby",      "Fernworth", "Gorsemoor", "Hollinshaw",
    "Ivythorne",   "Jessamy",    "Kettleby",     "Larkspur",  "Mossgrove", "Nettlefold",
    "Oakhurst",    "Pemberline", "Quillfeather", "Rushmere",  "Saltonby",  "Thistlewood",
    "Underhill",   "Vantry",     "Willowmere",   "Yarrowby",  "Zeddicott", "Applewick",
    "Bramblecot",  "Cinderford"};
constexpr std::array<std::string_view, 24> kPlaces = {
    "Hillside",    "Oak Lane",   "Riverside", "Meadow View",  "Elm Park",     "Brookfield",
    "Kingsmead",   "Ashgrove",   "Fernhill",  "Larkrise",     "Millbrook",    "Thornbury",
    "Willow Bank", "Chalk Hill", "Heathside", "Orchard Way",  "Sandpit Lane", "Beacon Rise",
    "Castle Mead", "Foxcote",    "Greenacre", "Harbour Road", "Juniper Vale", "Mill Street"};
constexpr std::array<std::string_view, 4> kTeams = {"North", "South", "East", "West"};
constexpr int kCaseworkersPerTeam = 5;
constexpr std::array<std::string_view, 10> kEthnicities = {"WBRI", "WOTH", "MWBC", "MOTH", "AIND",
                                                           "APKN", "BAFR", "BCRB", "CHNE", "AOTH"};

struct Setting {
  std::string name;
  std::string phase;
};

constexpr int kCaseworkersPerSizedTeam = 10;

// A caseworker is fixed by team and index, so the same person recurs across cases.
std::string caseworker_name(std::size_t team, int index, int per_team = kCaseworkersPerTeam) {
  const std::size_t k = team * static_cast<std::size_t>(per_team) + static_cast<std::size_t>(index);
  if (per_team != kCaseworkersPerTeam) {
    // Many teams: the name alone would repeat, so the team number keeps people apart.
    return std::string(kGivenNames[(k * 7 + 3) % kGivenNames.size()]) + " " +
           std::string(kFamilyNames[(k * 11 + 5) % kFamilyNames.size()]) + " " +
           std::to_string(team + 1) + "." + std::to_string(index + 1);
  }
  return std::string(kGivenNames[(k * 7 + 3) % kGivenNames.size()]) + " " +
         std::string(kFamilyNames[(k * 11 + 5) % kFamilyNames.size()]);
}

Json setting_json(const Setting& s) { return Json{{"name", s.name}, {"phase", s.phase}}; }

// A setting of the phase that fits a child of `age` (whole years), or a special school.
Setting setting_for_age(Random& rng, int age, bool special) {
  const std::string place(rng.pick(kPlaces));
  if (age >= 4 && special) {
    return {place + " Special School", "special"};
  }
  if (age < 4) {
    return {place + (rng.chance(0.5) ? " Nursery" : " Pre-school"), "early_years"};
  }
  if (age <= 10) {
    if (rng.chance(0.15)) {
      return age <= 6 ? Setting{place + " Infant School", "infant"}
                      : Setting{place + " Junior School", "junior"};
    }
    return {place + " Primary School", "primary"};
  }
  if (age <= 15) {
    return {place + (rng.chance(0.5) ? " Academy" : " High School"), "secondary"};
  }
  return {place + " College", "post16"};
}

int whole_years(Day from, Day to) {
  const chr::year_month_day a{chr::sys_days{chr::days{from}}};
  const chr::year_month_day b{chr::sys_days{chr::days{to}}};
  int years = static_cast<int>(b.year()) - static_cast<int>(a.year());
  if (std::pair(static_cast<unsigned>(b.month()), static_cast<unsigned>(b.day())) <
      std::pair(static_cast<unsigned>(a.month()), static_cast<unsigned>(a.day()))) {
    --years;
  }
  return years;
}

// Builds one case's history; events are collected loosely and put in date order at the end.
class CaseBuilder {
 public:
  CaseBuilder(std::uint64_t seed, std::uint64_t case_number, std::uint64_t planned_cases,
              const std::string& ref_prefix, std::uint64_t cases_per_team)
      : team_count_(cases_per_team == 0
                        ? 0
                        : std::max<std::uint64_t>(
                              1, (planned_cases + cases_per_team / 2) / cases_per_team)),
        rng_(splitmix64(seed ^ splitmix64(case_number))),
        case_number_(case_number),
        request_(request_day(case_number, planned_cases)) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%07llu", static_cast<unsigned long long>(case_number));
    ref_ = ref_prefix + digits;
  }

  std::vector<EventGenerator::PlannedEvent> build() {
    open_case();
    assess();
    return finish();
  }

 private:
  struct Draft {
    Day day;
    const char* type;
    std::string by;
    Json fields;
  };

  // A working day lo..hi calendar days after `day`, counted in working days so that the
  // weekdays come out even (shifting weekend dates to Monday would pile events on Mondays).
  Day after(Day day, int lo, int hi) {
    int working = rng_.between(lo, hi) * 5 / 7;
    Day d = working_day_on_or_after(day);
    while (working > 0) {
      ++d;
      if (!is_closed(d)) {
        --working;
      }
    }
    return d;
  }

  void add(Day day, const char* type, const std::string& by, Json fields = Json::object()) {
    drafts_.push_back({day, type, by, std::move(fields)});
  }

  std::string team_name() const {
    if (team_count_ == 0) {
      return std::string(kTeams[team_]);
    }
    char name[32];
    std::snprintf(name, sizeof name, "Team %03zu", team_ + 1);
    return name;
  }

  std::string pick_caseworker() {
    const int per_team = team_count_ == 0 ? kCaseworkersPerTeam : kCaseworkersPerSizedTeam;
    return caseworker_name(team_, rng_.between(0, per_team - 1), per_team);
  }

  void open_case() {
    team_ = team_count_ == 0
                ? static_cast<std::size_t>(rng_.between(0, static_cast<int>(kTeams.size()) - 1))
                : static_cast<std::size_t>(rng_.between(0, static_cast<int>(team_count_) - 1));
    caseworker_ = pick_caseworker();
    intake_ = "intake." + team_name();
    std::transform(intake_.begin(), intake_.end(), intake_.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });

    // Most cases are opened by the request itself; some were known to the team a little earlier.
    const Day opened =
        rng_.chance(0.85) ? request_ : working_day_on_or_after(request_ - rng_.between(5, 30));
    const Day dob = rng_.between(kFirstDob, std::min(kLastDob, opened - 30));
    age_ = whole_years(dob, request_);
    Json child{{"given_name", rng_.pick(kGivenNames)},
               {"family_name", rng_.pick(kFamilyNames)},
               {"dob", format_day(dob)},
               {"gender", rng_.chance(0.7) ? "M" : "F"},
               {"ethnicity", rng_.pick(kEthnicities)}};
    if (rng_.chance(0.8)) {
      char upn[16];
      std::snprintf(upn, sizeof upn, "Z%012llu", static_cast<unsigned long long>(case_number_));
      child["upn"] = upn;
    }
    Json fields{{"child", std::move(child)}, {"caseworker", caseworker_}, {"team", team_name()}};
    if (age_ >= 2) {  // the youngest are often in no setting yet
      current_ = setting_for_age(rng_, age_, rng_.chance(0.08));
      fields["setting"] = setting_json(current_);
    }
    add(opened, "case_opened", intake_, std::move(fields));

    const char* source = "parent";
    if (age_ >= 16 && rng_.chance(0.3)) {
      source = "young_person";
    } else if (rng_.chance(0.1)) {
      source = "other";
    } else if (age_ >= 4 && rng_.chance(0.45)) {
      source = "school";
    }
    add(request_, "assessment_requested", intake_, Json{{"source", source}});
  }

  void assess() {
    // Reg 5: decide within 6 weeks; most do, some run late.
    const Day decision = rng_.chance(0.88) ? after(request_, 21, 42) : after(request_, 43, 70);
    const bool assess = rng_.chance(0.75);
    add(decision, "assessment_decision", caseworker_,
        Json{{"outcome", assess ? "assess" : "refuse"}});
    if (!assess) {
      return;
    }
    if (rng_.chance(0.08)) {  // a handover mid-assessment
      caseworker_ = pick_caseworker();
      add(after(decision, 1, 20), "caseworker_assigned", caseworker_,
          Json{{"caseworker", caseworker_}, {"team", team_name()}});
    }

    struct Advice {
      const char* id;
      const char* service;
    };
    std::vector<Advice> advice = {{"ep", "educational_psychology"},
                                  {"health", "health"},
                                  {"education", age_ < 4 ? "early_years" : "education"}};
    if (rng_.chance(0.5)) {
      advice.push_back({"social_care", "social_care"});
    }
    Day last_received = decision;
    for (const auto& a : advice) {
      // Reg 8: advice within 6 weeks of the request; educational psychology is often late.
      const double late = std::string_view(a.id) == "ep" ? 0.3 : 0.12;
      const Day requested = after(decision, 0, 5);
      const Day received = rng_.chance(late) ? after(requested, 43, 80) : after(requested, 14, 42);
      add(requested, "advice_requested", caseworker_,
          Json{{"advice", a.id}, {"service", a.service}});
      add(received, "advice_received", caseworker_, Json{{"advice", a.id}});
      last_received = std::max(last_received, received);
    }

    const Day issue = after(last_received, 3, 15);
    const bool plan = rng_.chance(0.95);
    add(issue, "issue_decision", caseworker_, Json{{"outcome", plan ? "issue" : "no_plan"}});
    if (!plan) {
      return;
    }
    plan_stage(issue);
  }

  void plan_stage(Day issue) {
    const Day draft = after(issue, 0, 7);
    add(draft, "draft_plan_issued", caseworker_);
    if (rng_.chance(0.45)) {  // the family has 15 days to comment on the draft
      Json fields = Json::object();
      if (rng_.chance(0.5)) {
        fields["no_further_representations"] = true;
      }
      add(after(draft, 5, 15), "family_response", caseworker_, std::move(fields));
    }

    // The family's preference: usually the current setting, else a new (often special) one.
    const int age_at_plan = age_ + (current_.phase == "early_years" ? 1 : 0);
    Setting school = !current_.name.empty() && current_.phase != "early_years" && rng_.chance(0.65)
                         ? current_
                         : setting_for_age(rng_, std::max(age_at_plan, 4), rng_.chance(0.3));
    Day consulted = after(draft, 0, 3);
    Day responded = after(consulted, 7, 25);
    add(consulted, "school_consulted", caseworker_, Json{{"setting", school.name}});
    if (rng_.chance(0.15)) {
      add(responded, "consultation_response", caseworker_,
          Json{{"setting", school.name}, {"outcome", "decline"}});
      Setting next = setting_for_age(rng_, std::max(age_at_plan, 4), rng_.chance(0.5));
      if (next.name == school.name) {
        next.name = "New " + next.name;  // a different school, not the one that declined
      }
      school = std::move(next);
      consulted = after(responded, 1, 5);
      responded = after(consulted, 7, 20);
      add(consulted, "school_consulted", caseworker_, Json{{"setting", school.name}});
    }
    add(responded, "consultation_response", caseworker_,
        Json{{"setting", school.name}, {"outcome", "agree"}});

    const Day final_plan = after(std::max(responded, draft + 15), 1, 20);
    add(final_plan, "final_plan_issued", caseworker_,
        Json{{"names_setting", setting_json(school)}});
    review_each_year(final_plan);
  }

  // The plan's annual reviews until the last date: a meeting 10-12 months in (now and then
  // late), notice 2-4 weeks before it (sometimes short), the report and decision after it, and
  // now and then an amendment. Each decision anchors the next review.
  void review_each_year(Day anchor) {
    while (anchor + 300 <= kLastEvent) {
      const Day meeting =
          working_day_on_or_after(anchor + rng_.between(300, rng_.chance(0.15) ? 400 : 355));
      add(meeting - rng_.between(rng_.chance(0.2) ? 8 : 15, 30), "review_meeting_scheduled",
          caseworker_, Json{{"meeting", format_day(meeting)}});
      add(meeting, "review_meeting_held", caseworker_);
      add(meeting + rng_.between(5, rng_.chance(0.2) ? 30 : 14), "review_report_received",
          caseworker_);
      const Day decision = meeting + rng_.between(7, rng_.chance(0.2) ? 45 : 28);
      if (rng_.chance(0.2)) {
        add(decision, "review_decision", caseworker_, Json{{"outcome", "amend"}});
        const Day notice = decision + rng_.between(0, 10);
        add(notice, "amendment_notice_issued", caseworker_);
        add(notice + rng_.between(20, 70), "amended_plan_issued", caseworker_);
      } else {
        add(decision, "review_decision", caseworker_, Json{{"outcome", "maintain"}});
      }
      anchor = decision;
    }
  }

  std::vector<EventGenerator::PlannedEvent> finish() {
    // Stable: same-day events keep their logical order (a request before its receipt).
    std::stable_sort(drafts_.begin(), drafts_.end(),
                     [](const Draft& a, const Draft& b) { return a.day < b.day; });
    std::vector<EventGenerator::PlannedEvent> events;
    events.reserve(drafts_.size());
    for (auto& d : drafts_) {
      if (d.day > kLastEvent) {
        break;  // still in progress on the last date: the rest has not happened yet
      }
      char id[48];
      std::snprintf(id, sizeof id, "%s-%02zu", ref_.c_str(), events.size() + 1);
      Json line{
          {"case", ref_}, {"type", d.type}, {"on", format_day(d.day)}, {"id", id}, {"by", d.by}};
      line.update(d.fields);
      events.push_back({d.day, line.dump()});
    }
    return events;
  }

  std::uint64_t team_count_;  // 0: the four named teams
  Random rng_;
  std::uint64_t case_number_;
  Day request_;
  std::string ref_;
  std::size_t team_ = 0;
  std::string caseworker_;
  std::string intake_;
  int age_ = 0;
  Setting current_;
  std::vector<Draft> drafts_;
};

}  // namespace

std::vector<EventGenerator::PlannedEvent> EventGenerator::make_case(std::uint64_t seed,
                                                                    std::uint64_t case_number,
                                                                    std::uint64_t planned_cases,
                                                                    const std::string& ref_prefix,
                                                                    std::uint64_t cases_per_team) {
  return CaseBuilder(seed, case_number, planned_cases, ref_prefix, cases_per_team).build();
}

EventGenerator::EventGenerator(GeneratorOptions options) : options_(std::move(options)) {
  options_.window = std::max<std::size_t>(options_.window, 1);
}

bool EventGenerator::fill_block() {
  block_.clear();
  next_in_block_ = 0;
  for (std::size_t i = 0; i < options_.window && cases_made_ < options_.max_cases; ++i) {
    ++cases_made_;
    auto events = make_case(options_.seed, cases_made_, options_.planned_cases, options_.ref_prefix,
                            options_.cases_per_team);
    for (std::size_t k = 0; k < events.size(); ++k) {
      block_.push_back({events[k].day, std::move(events[k].json), k == 0});
    }
  }
  // Stable, and the block was built case by case: each case's own order survives, and
  // same-day events of different cases keep case-number order, so the stream is reproducible.
  std::stable_sort(block_.begin(), block_.end(),
                   [](const BlockEvent& a, const BlockEvent& b) { return a.day < b.day; });
  return !block_.empty();
}

bool EventGenerator::next(std::string& line) {
  if (events_written_ >= options_.max_events) {
    return false;
  }
  if (next_in_block_ == block_.size() && !fill_block()) {
    return false;
  }
  BlockEvent& event = block_[next_in_block_++];
  line = std::move(event.json);
  if (event.opens_case) {
    ++cases_started_;  // every other event of a case comes after its case_opened
  }
  ++events_written_;
  return true;
}

}  // namespace ehcp::bench
