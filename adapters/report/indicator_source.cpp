#include "adapters/report/indicator_source.h"

#include <cstring>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "engine/indicators.h"

namespace ehcp::adapters::report {
namespace {

using engine::Date;

// Each case's mediations, appeals and Tribunal orders: few, so an ordinary map.
using Disagreements = std::map<std::string, std::vector<Date>, std::less<>>;

std::string_view text_of(const SQLite::Column& c) {
  const char* text = c.getText();
  return {text, std::strlen(text)};
}

std::optional<Date> date_of(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : engine::parse_date(text_of(c));
}

// The seqs of every event a correction voids: an event_voided names its target by seq or by id
// (the import has checked that it exists, in the same case, and is not itself a correction).
std::set<std::int64_t> voided_seqs(SQLite::Database& db) {
  std::set<std::int64_t> out;
  SQLite::Statement voids(db, "SELECT payload FROM events WHERE type = 'event_voided'");
  SQLite::Statement by_id(db, "SELECT seq FROM events WHERE idem_id = ?");
  while (voids.executeStep()) {
    const auto payload = nlohmann::json::parse(voids.getColumn(0).getString(), nullptr, false);
    if (payload.contains("seq") && payload["seq"].is_number_integer()) {
      out.insert(payload["seq"].get<std::int64_t>());
    } else if (payload.contains("event") && payload["event"].is_string()) {
      by_id.reset();
      by_id.bind(1, payload["event"].get<std::string>());
      if (by_id.executeStep()) {
        out.insert(by_id.getColumn(0).getInt64());
      }
    }
  }
  return out;
}

Disagreements load_disagreements(SQLite::Database& db, Date to, engine::IndicatorFacts& facts) {
  // A voided mediation, appeal or order never happened, for the counts as for the clocks.
  const std::set<std::int64_t> voided = voided_seqs(db);
  // The same IN list as the partial index events_disagreements, so SQLite uses it.
  SQLite::Statement q(db,
                      "SELECT case_ref, type, on_date, seq FROM events WHERE type IN "
                      "('mediation_requested', 'mediation_held', 'appeal_lodged', "
                      "'tribunal_order') AND on_date <= ?");
  q.bind(1, engine::format_date(to));
  Disagreements by_case;
  while (q.executeStep()) {
    if (voided.contains(q.getColumn(3).getInt64())) {
      continue;
    }
    const std::string_view type = text_of(q.getColumn(1));
    const Date on = *date_of(q.getColumn(2));
    by_case[std::string(text_of(q.getColumn(0)))].push_back(on);
    if (type == "mediation_requested") {
      facts.disagreements.push_back({on, engine::DisagreementKind::kMediation});
    } else if (type == "appeal_lodged") {
      facts.disagreements.push_back({on, engine::DisagreementKind::kAppeal});
    } else if (type == "tribunal_order") {
      facts.disagreements.push_back({on, engine::DisagreementKind::kTribunalOrder});
    }
  }
  return by_case;
}

// The case's first disagreement on or after `requested`.
std::optional<Date> first_disagreement(const Disagreements& by_case, std::string_view ref,
                                       Date requested) {
  const auto found = by_case.find(ref);
  if (found == by_case.end()) {
    return std::nullopt;
  }
  std::optional<Date> first;
  for (const Date on : found->second) {
    if (on >= requested && (!first || on < *first)) {
      first = on;
    }
  }
  return first;
}

// Every needs assessment touching the window, with its child and its three clocks, in one
// query: the clocks come from the covering index clocks_by_case (case, name, start, ...).
void load_assessments(SQLite::Database& db, Date earliest, Date to,
                      const Disagreements& disagreements, engine::IndicatorFacts& facts) {
  const auto join = [](const char* alias, const char* clock) {
    return std::string("LEFT JOIN clocks ") + alias + " ON " + alias +
           ".case_ref = w.case_ref AND " + alias + ".clock = '" + clock + "' AND " + alias +
           ".start = w.opened ";
  };
  SQLite::Statement q(
      db,
      "SELECT w.case_ref, w.opened, w.closed, w.state, k.dob, ifnull(k.gender, ''), "
      "ifnull(k.ethnicity, ''), ifnull(k.team, ''), k.year_group_override, k.opened_on, d.due, "
      "d.met_on, n.met_on, f.due, f.met_on, f.exception_on FROM workflows w JOIN cases k ON "
      "k.case_ref = w.case_ref " +
          join("d", "decision_to_assess") + join("n", "no_plan_notice") + join("f", "final_plan") +
          "WHERE w.workflow = 'assessment' AND w.opened <= ?1 AND (w.closed IS NULL OR "
          "w.closed >= ?2)");
  q.bind(1, engine::format_date(to));
  q.bind(2, engine::format_date(earliest));
  while (q.executeStep()) {
    engine::ChildFacts c;
    c.dob = *date_of(q.getColumn(4));
    c.gender = text_of(q.getColumn(5));
    c.ethnicity = text_of(q.getColumn(6));
    c.team = text_of(q.getColumn(7));
    if (!q.getColumn(8).isNull()) {
      c.out_of_cohort =
          engine::YearGroupOverride{q.getColumn(8).getInt(), *date_of(q.getColumn(9))};
    }
    engine::AssessmentFacts a;
    a.child = static_cast<engine::ChildIndex>(facts.children.size());
    a.requested = *date_of(q.getColumn(1));
    a.closed = date_of(q.getColumn(2));
    a.refused = text_of(q.getColumn(3)) == "refused";
    a.decision_due = date_of(q.getColumn(10)).value_or(a.requested);
    a.decided = date_of(q.getColumn(11));
    a.no_plan_on = date_of(q.getColumn(12));
    a.issue_due = date_of(q.getColumn(13)).value_or(a.requested);
    a.issued = date_of(q.getColumn(14));
    a.issue_excepted_from = date_of(q.getColumn(15));
    if (!disagreements.empty()) {
      a.disagreement_from = first_disagreement(disagreements, text_of(q.getColumn(0)), a.requested);
    }
    facts.children.push_back(std::move(c));
    facts.assessments.push_back(a);
  }
}

// Advice received in the window (clocks_advice_facts).
void load_advice(SQLite::Database& db, Date earliest, Date to, engine::IndicatorFacts& facts) {
  SQLite::Statement q(db,
                      "SELECT start, due, met_on, ifnull(detail, '') FROM clocks WHERE clock >= "
                      "'advice:' AND clock < 'advice;' AND met_on BETWEEN ?2 AND ?1");
  q.bind(1, engine::format_date(to));
  q.bind(2, engine::format_date(earliest));
  while (q.executeStep()) {
    facts.advice.push_back(engine::AdviceFacts{std::string(text_of(q.getColumn(3))),
                                               *date_of(q.getColumn(0)), *date_of(q.getColumn(1)),
                                               date_of(q.getColumn(2))});
  }
}

// Annual reviews (the first review of a plan transferred in among them), review decisions and
// transfers due in the window (clocks_due_facts: the same IN list, so SQLite uses it).
void load_due_clocks(SQLite::Database& db, Date earliest, Date to, engine::IndicatorFacts& facts) {
  SQLite::Statement q(db,
                      "SELECT clock, due, met_on, ended_on, ifnull(detail, '') FROM clocks WHERE "
                      "clock IN ('annual_review', 'transfer_in_review', 'review_decision', "
                      "'phase_transfer') AND due BETWEEN ?2 AND ?1");
  q.bind(1, engine::format_date(to));
  q.bind(2, engine::format_date(earliest));
  while (q.executeStep()) {
    const std::string_view clock = text_of(q.getColumn(0));
    engine::DueFacts d{*date_of(q.getColumn(1)), date_of(q.getColumn(2)), date_of(q.getColumn(3)),
                       std::string(text_of(q.getColumn(4)))};
    if (clock == "annual_review" || clock == "transfer_in_review") {
      facts.annual_reviews.push_back(std::move(d));
    } else if (clock == "review_decision") {
      facts.review_decisions.push_back(std::move(d));
    } else {
      facts.transfers.push_back(std::move(d));
    }
  }
}

}  // namespace

engine::Result<engine::IndicatorFacts> load_indicator_facts(sqlite::Database& db, Date from,
                                                            Date to) {
  const Date earliest = std::min(from, engine::trend_months(to).front().first);
  engine::IndicatorFacts facts;
  try {
    const Disagreements disagreements = load_disagreements(db.sql(), to, facts);
    load_assessments(db.sql(), earliest, to, disagreements, facts);
    load_advice(db.sql(), earliest, to, facts);
    load_due_clocks(db.sql(), earliest, to, facts);
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("board indicators", e.what());
  }
  return facts;
}

}  // namespace ehcp::adapters::report
