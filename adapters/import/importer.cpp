#include "adapters/import/importer.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <SQLiteCpp/Transaction.h>

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
  bool has_new_events = false;
};

// An event whose case had not been opened when its line was read: resolved at the end, since
// the case_opened may come later in the same file.
struct Pending {
  std::size_t line;
  std::string case_ref;
  Date on;
};

std::string quoted(const std::string& s) { return "'" + s + "'"; }

class Import {
 public:
  Import(sqlite::Database& db, const ImportOptions& options)
      : events_(db.sql()), cases_(db.sql()), options_(options) {}

  void read(std::istream& input) {
    std::string line;
    while (std::getline(input, line)) {
      ++report_.lines;
      take_line(report_.lines, line);
    }
  }

  void resolve_pending() {
    for (const auto& p : pending_) {
      const CaseState& state = cases_met_.at(p.case_ref);
      if (!state.opened_on) {
        fail(p.line, "unknown case " + quoted(p.case_ref) +
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
      auto history = events_.load_case(ref);
      if (!history.ok()) {
        return history.status();
      }
      engine::sort_for_replay(history.value());
      cases_.put(engine::fold_case_record(history.value()));
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

  void take_line(std::size_t line_no, std::string& line) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();  // CRLF files from Windows tools
    }
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) {
      line.erase(0, 3);  // a UTF-8 byte-order mark
    }
    if (line.find_first_not_of(" \t") == std::string::npos) {
      return;
    }
    auto object = jsonl::parse_line(line);
    if (!object.ok()) {
      return fail(line_no, object.status().message());
    }
    auto decoded = jsonl::decode_event(object.value());
    if (!decoded.ok()) {
      return fail(line_no, decoded.status().message());
    }
    const engine::Event& event = decoded.value();
    if (event.on > options_.as_of) {
      return fail(line_no, "event dated " + engine::format_date(event.on) +
                               " is after the import's as-of date " +
                               engine::format_date(options_.as_of));
    }
    // Appending first lets the unique index find a repeated id in one statement; a bad line
    // appended here is rolled back with the rest.
    const std::string payload = object.value().dump();
    const auto seq = events_.append(event, payload, options_.recorded_at);
    if (!seq) {
      return take_repeat(line_no, *event.id, payload);
    }
    if (first_seq_ == 0) {
      first_seq_ = *seq;
    }
    line_of_seq_.push_back(static_cast<std::uint32_t>(line_no));
    ++report_.applied;
    check_case(line_no, event);
  }

  void take_repeat(std::size_t line_no, const std::string& id, const std::string& payload) {
    const auto earlier = events_.find_by_id(id);
    if (earlier && earlier->second == payload) {
      ++report_.skipped_repeats;
      return;
    }
    std::string where = "an earlier import";
    if (earlier && earlier->first >= first_seq_ && first_seq_ != 0) {
      where = "line " + std::to_string(line_of_seq_[earlier->first - first_seq_]);
    }
    fail(line_no, "id " + quoted(id) + " was already used by a different event (" + where + ")");
  }

  CaseState& state_of(const std::string& ref) {
    auto it = cases_met_.find(ref);
    if (it == cases_met_.end()) {
      CaseState state;
      state.opened_on = cases_.opened_on(ref);
      it = cases_met_.emplace(ref, state).first;
    }
    return it->second;
  }

  void check_case(std::size_t line_no, const engine::Event& event) {
    CaseState& state = state_of(event.case_ref);
    state.has_new_events = true;
    if (event.type() == engine::EventType::kCaseOpened) {
      if (state.opened_on) {
        const std::string where = state.opened_line > 0
                                      ? "line " + std::to_string(state.opened_line)
                                      : "an earlier import";
        return fail(line_no, "case " + quoted(event.case_ref) + " is already open (opened on " +
                                 engine::format_date(*state.opened_on) + ", " + where + ")");
      }
      state.opened_on = event.on;
      state.opened_line = line_no;
      return;
    }
    if (!state.opened_on) {
      pending_.push_back({line_no, event.case_ref, event.on});
      return;
    }
    check_not_before_opening(line_no, event.case_ref, event.on, state);
  }

  void check_not_before_opening(std::size_t line_no, const std::string& ref, Date on,
                                const CaseState& state) {
    if (on < *state.opened_on) {
      fail(line_no, "event dated " + engine::format_date(on) + " is before case " + quoted(ref) +
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
