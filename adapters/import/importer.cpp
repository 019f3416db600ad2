#include "adapters/import/importer.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <SQLiteCpp/Transaction.h>

#include "adapters/import/parsed_line_stream.h"
#include "adapters/jsonl/event_decoder.h"
#include "adapters/sqlite/case_store.h"
#include "adapters/sqlite/event_store.h"
#include "engine/case_record.h"

namespace ehcp::adapters {
namespace {

using engine::Date;

// What the import knows of a case it has met: whether (and when, and on which line) it was
// opened. opened_line is 0 for a case opened by an earlier import.
struct CaseState {
  std::optional<Date> opened_on;
  std::size_t opened_line = 0;
  bool opened_before = false;  // by an earlier import: its record must be rebuilt from the store
  bool has_new_events = false;
  // This import's events that shape the case record; for a case new in this import they are
  // all the rebuild needs, so nothing is read back from the store.
  std::vector<engine::RecordedEvent> record_events;
};

// An event whose case had not been opened when its line was read: resolved at the end, since
// the case_opened may come later in the same file.
struct Pending {
  std::size_t line;
  std::string case_ref;
  Date on;
};

std::string in_quotes(const std::string& s) { return "'" + s + "'"; }

class Import {
 public:
  Import(sqlite::Database& db, const ImportOptions& options)
      : events_(db.sql()), cases_(db.sql()), options_(options) {}

  void read(std::istream& input) {
    ParsedLineStream lines(input);
    std::vector<ParsedLine> batch;
    while (lines.next(batch)) {
      for (auto& line : batch) {
        report_.lines = line.number;
        take_line(line);
      }
    }
  }

  void resolve_pending() {
    for (const auto& p : pending_) {
      const CaseState& state = cases_met_.at(p.case_ref);
      if (!state.opened_on) {
        fail(p.line, "unknown case " + in_quotes(p.case_ref) +
                         ": no case_opened for it in the database or in this file");
      } else {
        check_not_before_opening(p.line, p.case_ref, p.on, state);
      }
    }
  }

  // Re-derives every case this import added events to, from its whole history.
  engine::Status rebuild_touched_cases() {
    for (auto& [ref, state] : cases_met_) {
      if (!state.has_new_events) {
        continue;
      }
      if (state.opened_before) {
        auto stored = events_.load_case_record_events(ref);
        if (!stored.ok()) {
          return stored.status();
        }
        state.record_events = std::move(stored).value();
      }
      engine::sort_for_replay(state.record_events);
      cases_.put(engine::fold_case_record(state.record_events));
      ++report_.cases_touched;
    }
    return {};
  }

  bool accepted() const { return report_.errors.empty(); }

  ImportReport take_report() {
    std::stable_sort(report_.errors.begin(), report_.errors.end(),
                     [](const LineError& a, const LineError& b) { return a.line < b.line; });
    return std::move(report_);
  }

 private:
  void fail(std::size_t line, std::string reason) {
    report_.errors.push_back({line, std::move(reason)});
  }

  void take_line(ParsedLine& line) {
    const std::size_t line_no = line.number;
    if (!line.error.empty()) {
      return fail(line_no, std::move(line.error));
    }
    if (!line.event) {
      return;  // blank
    }
    engine::Event& event = *line.event;
    if (event.on > options_.as_of) {
      return fail(line_no, "event dated " + engine::format_date(event.on) +
                               " is after the import's as-of date " +
                               engine::format_date(options_.as_of));
    }
    // The line is stored as received (unknown fields kept; export gives it back unchanged).
    // Appending first lets the unique index find a repeated id in one statement; a bad line
    // appended here is rolled back with the rest.
    const auto seq = events_.append(event, line.text, options_.recorded_at);
    if (!seq) {
      return take_repeat(line_no, *event.id, line.text);
    }
    if (first_seq_ == 0) {
      first_seq_ = *seq;
    }
    line_of_seq_.push_back(static_cast<std::uint32_t>(line_no));
    ++report_.applied;
    check_case(line_no, *seq, std::move(event));
  }

  // Same content means the same JSON value: key order and spacing do not matter.
  void take_repeat(std::size_t line_no, const std::string& id, const std::string& text) {
    const auto earlier = events_.find_by_id(id);
    if (earlier) {
      auto stored = jsonl::parse_line(earlier->second);
      auto received = jsonl::parse_line(text);
      if (stored.ok() && received.ok() && stored.value() == received.value()) {
        ++report_.skipped_repeats;
        return;
      }
    }
    std::string where = "an earlier import";
    if (earlier && earlier->first >= first_seq_ && first_seq_ != 0) {
      where = "line " + std::to_string(line_of_seq_[earlier->first - first_seq_]);
    }
    fail(line_no, "id " + in_quotes(id) + " was already used by a different event (" + where + ")");
  }

  CaseState& state_of(const std::string& ref) {
    auto it = cases_met_.find(ref);
    if (it == cases_met_.end()) {
      CaseState state;
      state.opened_on = cases_.opened_on(ref);
      state.opened_before = state.opened_on.has_value();
      it = cases_met_.emplace(ref, std::move(state)).first;
    }
    return it->second;
  }

  void check_case(std::size_t line_no, std::int64_t seq, engine::Event event) {
    CaseState& state = state_of(event.case_ref);
    state.has_new_events = true;
    if (event.type() == engine::EventType::kCaseOpened) {
      if (state.opened_on) {
        const std::string where = state.opened_line > 0
                                      ? "line " + std::to_string(state.opened_line)
                                      : "an earlier import";
        return fail(line_no, "case " + in_quotes(event.case_ref) + " is already open (opened on " +
                                 engine::format_date(*state.opened_on) + ", " + where + ")");
      }
      state.opened_on = event.on;
      state.opened_line = line_no;
    } else if (!state.opened_on) {
      pending_.push_back({line_no, event.case_ref, event.on});
    } else {
      check_not_before_opening(line_no, event.case_ref, event.on, state);
    }
    if (!state.opened_before && engine::shapes_case_record(event.type())) {
      state.record_events.push_back({seq, std::move(event)});
    }
  }

  void check_not_before_opening(std::size_t line_no, const std::string& ref, Date on,
                                const CaseState& state) {
    if (on < *state.opened_on) {
      fail(line_no, "event dated " + engine::format_date(on) + " is before case " + in_quotes(ref) +
                        " was opened on " + engine::format_date(*state.opened_on));
    }
  }

  sqlite::EventStore events_;
  sqlite::CaseStore cases_;
  const ImportOptions& options_;
  ImportReport report_;
  std::unordered_map<std::string, CaseState> cases_met_;
  std::vector<Pending> pending_;
  std::int64_t first_seq_ = 0;
  std::vector<std::uint32_t> line_of_seq_;  // line of each event appended, by seq - first_seq_
};

}  // namespace

engine::Result<ImportReport> import_events(sqlite::Database& db, std::istream& input,
                                           const ImportOptions& options) {
  try {
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    Import import(db, options);
    import.read(input);
    import.resolve_pending();
    if (!import.accepted()) {
      return import.take_report();  // tx rolls back: the database is as it was
    }
    if (auto status = import.rebuild_touched_cases(); !status.ok()) {
      return status;
    }
    tx.commit();
    return import.take_report();
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("import", e.what());
  }
}

}  // namespace ehcp::adapters
