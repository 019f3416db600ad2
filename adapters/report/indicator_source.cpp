#include "adapters/report/indicator_source.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "engine/indicators.h"

namespace ehcp::adapters::report {
namespace {

using engine::Date;

// Looked up by the string_view SQLite hands out, so a national scan allocates no key per row.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct CaseEntry {
  engine::ChildIndex child = 0;
  std::vector<std::pair<Date, std::size_t>> assessments;  // requested -> index in the facts
  std::vector<Date> disagreements;                        // every one, in no order
};

using Cases = std::unordered_map<std::string, CaseEntry, StringHash, std::equal_to<>>;

std::string_view text_of(const SQLite::Column& c) {
  const char* text = c.getText();
  return {text, std::strlen(text)};
}

std::optional<Date> date_of(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : engine::parse_date(text_of(c));
}

// The case's entry, made (with its child's place) on first sight.
CaseEntry& entry_for(Cases& cases, engine::IndicatorFacts& facts, std::string_view ref) {
  auto found = cases.find(ref);
  if (found == cases.end()) {
    found = cases.emplace(std::string(ref), CaseEntry{}).first;
    found->second.child = static_cast<engine::ChildIndex>(facts.children.size());
    facts.children.emplace_back();
  }
  return found->second;
}

void load_assessments(SQLite::Database& db, Date earliest, Date to, Cases& cases,
                      engine::IndicatorFacts& facts) {
  SQLite::Statement q(db,
                      "SELECT case_ref, opened, closed, state FROM workflows WHERE workflow = "
                      "'assessment' AND opened <= ?1 AND (closed IS NULL OR closed >= ?2)");
  q.bind(1, engine::format_date(to));
  q.bind(2, engine::format_date(earliest));
  while (q.executeStep()) {
    CaseEntry& entry = entry_for(cases, facts, text_of(q.getColumn(0)));
    engine::AssessmentFacts a;
    a.child = entry.child;
    a.requested = *date_of(q.getColumn(1));
    a.closed = date_of(q.getColumn(2));
    a.refused = text_of(q.getColumn(3)) == "refused";
    entry.assessments.emplace_back(a.requested, facts.assessments.size());
    facts.assessments.push_back(a);
  }
}

engine::AssessmentFacts* assessment_of(Cases& cases, engine::IndicatorFacts& facts,
                                       std::string_view ref, Date requested) {
  const auto found = cases.find(ref);
  if (found == cases.end()) {
    return nullptr;
  }
  for (const auto& [on, index] : found->second.assessments) {
    if (on == requested) {
      return &facts.assessments[index];
    }
  }
  return nullptr;
}

void load_clocks(SQLite::Database& db, Date earliest, Date to, Cases& cases,
                 engine::IndicatorFacts& facts) {
  // One pass over the table: the assessments' own clocks whatever their dates (matched to the
  // assessments above by case and request day), advice received in the window, and reviews
  // and transfers due in it.
  SQLite::Statement q(
      db,
      "SELECT case_ref, clock, start, due, met_on, ended_on, exception_on, ifnull(detail, '') "
      "FROM clocks WHERE start <= ?1 AND (clock IN ('decision_to_assess', 'no_plan_notice', "
      "'final_plan') OR (substr(clock, 1, 7) = 'advice:' AND met_on BETWEEN ?2 AND ?1) OR "
      "(clock IN ('annual_review', 'review_decision', 'phase_transfer') AND due BETWEEN ?2 AND "
      "?1))");
  q.bind(1, engine::format_date(to));
  q.bind(2, engine::format_date(earliest));
  while (q.executeStep()) {
    const std::string_view ref = text_of(q.getColumn(0));
    const std::string_view clock = text_of(q.getColumn(1));
    const Date start = *date_of(q.getColumn(2));
    const Date due = *date_of(q.getColumn(3));
    const auto met_on = date_of(q.getColumn(4));
    if (clock == "decision_to_assess" || clock == "no_plan_notice" || clock == "final_plan") {
      engine::AssessmentFacts* a = assessment_of(cases, facts, ref, start);
      if (a == nullptr) {
        continue;  // an assessment wholly outside the window
      }
      if (clock == "decision_to_assess") {
        a->decision_due = due;
        a->decided = met_on;
      } else if (clock == "no_plan_notice") {
        a->no_plan_on = met_on;
      } else {
        a->issue_due = due;
        a->issued = met_on;
        a->issue_excepted_from = date_of(q.getColumn(6));
      }
      continue;
    }
    const engine::ChildIndex child = entry_for(cases, facts, ref).child;
    if (clock.starts_with("advice:")) {
      facts.advice.push_back(
          engine::AdviceFacts{child, std::string(text_of(q.getColumn(7))), start, due, met_on});
      continue;
    }
    engine::DueFacts d{child, due, met_on, date_of(q.getColumn(5)),
                       std::string(text_of(q.getColumn(7)))};
    if (clock == "annual_review") {
      facts.annual_reviews.push_back(std::move(d));
    } else if (clock == "review_decision") {
      facts.review_decisions.push_back(std::move(d));
    } else {
      facts.transfers.push_back(std::move(d));
    }
  }
}

void load_disagreements(SQLite::Database& db, Date to, Cases& cases,
                        engine::IndicatorFacts& facts) {
  // The same IN list as the partial index events_disagreements, so SQLite uses it.
  SQLite::Statement q(db,
                      "SELECT case_ref, type, on_date FROM events WHERE type IN "
                      "('mediation_requested', 'mediation_held', 'appeal_lodged', "
                      "'tribunal_order') AND on_date <= ?");
  q.bind(1, engine::format_date(to));
  while (q.executeStep()) {
    CaseEntry& entry = entry_for(cases, facts, text_of(q.getColumn(0)));
    const std::string_view type = text_of(q.getColumn(1));
    const Date on = *date_of(q.getColumn(2));
    entry.disagreements.push_back(on);
    if (type == "mediation_requested") {
      facts.disagreements.push_back({entry.child, on, engine::DisagreementKind::kMediation});
    } else if (type == "appeal_lodged") {
      facts.disagreements.push_back({entry.child, on, engine::DisagreementKind::kAppeal});
    } else if (type == "tribunal_order") {
      facts.disagreements.push_back({entry.child, on, engine::DisagreementKind::kTribunalOrder});
    }
  }
  // Each assessment's first disagreement on or after its request.
  for (auto& [ref, entry] : cases) {
    for (const auto& [requested, index] : entry.assessments) {
      for (const Date on : entry.disagreements) {
        auto& from = facts.assessments[index].disagreement_from;
        if (on >= requested && (!from || on < *from)) {
          from = on;
        }
      }
    }
  }
}

void load_children(SQLite::Database& db, const Cases& cases, engine::IndicatorFacts& facts) {
  SQLite::Statement q(db,
                      "SELECT case_ref, dob, ifnull(gender, ''), ifnull(ethnicity, ''), "
                      "ifnull(team, ''), year_group_override, opened_on FROM cases");
  while (q.executeStep()) {
    const auto found = cases.find(text_of(q.getColumn(0)));
    if (found == cases.end()) {
      continue;
    }
    engine::ChildFacts& c = facts.children[found->second.child];
    c.dob = *date_of(q.getColumn(1));
    c.gender = q.getColumn(2).getString();
    c.ethnicity = q.getColumn(3).getString();
    c.team = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull()) {
      c.out_of_cohort =
          engine::YearGroupOverride{q.getColumn(5).getInt(), *date_of(q.getColumn(6))};
    }
  }
}

}  // namespace

engine::Result<engine::IndicatorFacts> load_indicator_facts(sqlite::Database& db, Date from,
                                                            Date to) {
  const Date earliest = std::min(from, engine::trend_months(to).front().first);
  engine::IndicatorFacts facts;
  Cases cases;
  try {
    load_assessments(db.sql(), earliest, to, cases, facts);
    load_clocks(db.sql(), earliest, to, cases, facts);
    load_disagreements(db.sql(), to, cases, facts);
    load_children(db.sql(), cases, facts);
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("board indicators", e.what());
  }
  return facts;
}

}  // namespace ehcp::adapters::report
