#include "adapters/import/importer.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <SQLiteCpp/Transaction.h>

#include "adapters/detail/on_every_core.h"
#include "adapters/import/case_rebuilder.h"
#include "adapters/import/parsed_line_stream.h"
#include "adapters/jsonl/event_decoder.h"
#include "adapters/jsonl/quick_decoder.h"
#include "adapters/sqlite/case_store.h"
#include "adapters/sqlite/derivation_store.h"
#include "adapters/sqlite/event_store.h"
#include "engine/case_record.h"
#include "engine/event_validation.h"
#include "workflows/corrections.h"

namespace ehcp::adapters {
namespace {

using engine::Date;

// What the import knows of a case it has met: whether (and when, and on which line) it was
// opened. opened_line is 0 for a case opened by an earlier import.
struct CaseState {
  std::optional<Date> opened_on;
  std::size_t opened_line = 0;
  bool opened_before = false;  // by an earlier import: its history is read back from the store
  bool has_new_events = false;
  std::size_t first_new_line = 0;  // the first line of this import with an event for the case
  // For a case new in this import, its lines as received, by seq: all its history, so it is
  // derived without reading the store back.
  std::vector<std::pair<std::int64_t, std::string>> new_lines;
};

// How many new cases are derived at once: bounds the memory their results take.
constexpr std::size_t kDeriveBatch = 4096;

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
    std::uint64_t bytes = 0;
    while (lines.next(batch)) {
      for (auto& line : batch) {
        report_.lines = line.number;
        bytes += line.text.size() + 1;
        take_line(line);
      }
      // The lines to come, estimated from the file's size and the lines' length so far.
      const std::uint64_t expected =
          options_.input_bytes > 0 && bytes > 0 ? report_.lines * options_.input_bytes / bytes : 0;
      report_progress(options_.progress, "reading", "lines", report_.lines, expected);
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

  // Re-evaluates every case this import added events to, from its whole history, and keeps
  // its record and clocks. A history the machines cannot take is a bad line. Cases new in
  // this import are derived from the lines kept in memory, on every core, in batches; cases
  // that already had events are read back from the store.
  engine::Status rebuild_touched_cases(CaseRebuilder& rebuilder) {
    std::vector<std::pair<const std::string*, CaseState*>> fresh;
    std::uint64_t to_derive = 0;
    for (const auto& entry : cases_met_) {
      to_derive += entry.second.has_new_events ? 1 : 0;
    }
    std::uint64_t derived_cases = 0;
    for (auto& [ref, state] : cases_met_) {
      if (!state.has_new_events) {
        continue;
      }
      if (!state.opened_before) {
        fresh.emplace_back(&ref, &state);
        continue;
      }
      if (++derived_cases % 256 == 0) {
        report_progress(options_.progress, "deriving", "cases", derived_cases, to_derive);
      }
      auto rejection = rebuilder.rebuild(ref);
      if (!rejection.ok()) {
        return rejection.status();
      }
      take_rebuilt(ref, state, rejection.value());
    }
    for (std::size_t first = 0; first < fresh.size(); first += kDeriveBatch) {
      const std::size_t last = std::min(fresh.size(), first + kDeriveBatch);
      auto derived = derive_in_parallel(fresh, first, last);
      if (!derived.ok()) {
        return derived.status();
      }
      for (std::size_t i = first; i < last; ++i) {
        const DerivedCase& d = derived.value()[i - first];
        if (!d.rejection) {
          rebuilder.write_new(d);
        }
        take_rebuilt(*fresh[i].first, *fresh[i].second, d.rejection);
        fresh[i].second->new_lines = {};  // frees the lines as soon as they are used
      }
      derived_cases += last - first;
      report_progress(options_.progress, "deriving", "cases", derived_cases, to_derive);
    }
    return {};
  }

  bool accepted() const { return report_.errors.empty(); }

  std::int64_t first_seq() const { return first_seq_; }

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
    if (auto problem = engine::after_as_of_problem(event, options_.as_of)) {
      return fail(line_no, std::move(*problem));
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
    if (!report_.latest_on || *report_.latest_on < event.on) {
      report_.latest_on = event.on;
    }
    CaseState& state = check_case(line_no, event);
    if (const auto* void_body = std::get_if<engine::EventVoided>(&event.body)) {
      check_void_target(line_no, event.case_ref, *void_body);
    }
    if (!state.opened_before) {
      state.new_lines.emplace_back(*seq, std::move(line.text));
    }
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

  void take_rebuilt(const std::string& ref, const CaseState& state,
                    const std::optional<workflows::Rejection>& rejection) {
    if (!rejection) {
      ++report_.cases_touched;
      return;
    }
    const bool new_event = first_seq_ != 0 && rejection->seq >= first_seq_;
    const std::size_t line =
        new_event ? line_of_seq_[static_cast<std::size_t>(rejection->seq - first_seq_)]
                  : state.first_new_line;
    fail(line,
         "case " + in_quotes(ref) + ": " + rejection->reason +
             (new_event ? ""
                        : " (an event recorded earlier, #" + std::to_string(rejection->seq) + ")"));
  }

  // Derives fresh[first, last) on every core (detail/on_every_core.h). Pure work: the
  // threads touch no storage.
  engine::Result<std::vector<DerivedCase>> derive_in_parallel(
      const std::vector<std::pair<const std::string*, CaseState*>>& fresh, std::size_t first,
      std::size_t last) {
    std::vector<DerivedCase> out(last - first);
    std::vector<std::string> failures(detail::derive_threads());
    detail::on_every_core([&](std::size_t t, std::size_t threads) {
      for (std::size_t i = first + t; i < last; i += threads) {
        std::vector<engine::RecordedEvent> events;
        events.reserve(fresh[i].second->new_lines.size());
        for (const auto& [seq, text] : fresh[i].second->new_lines) {
          // Text the strict decoder accepted when read: the quick decoder reads it the same.
          if (auto quick = jsonl::quick_decode(text)) {
            events.push_back({seq, std::move(*quick)});
            continue;
          }
          auto object = jsonl::parse_line(text);
          auto event = object.ok() ? jsonl::decode_event(object.value())
                                   : engine::Result<engine::Event>(object.status());
          if (!event.ok()) {  // it decoded when read: only a programmer error gets here
            failures[t] =
                "re-reading event " + std::to_string(seq) + ": " + event.status().message();
            return;
          }
          events.push_back({seq, std::move(event).value()});
        }
        out[i - first] =
            derive_case(*fresh[i].first, std::move(events), options_.rules, options_.calendar);
      }
    });
    for (const auto& failure : failures) {
      if (!failure.empty()) {
        return engine::Status::internal(failure);
      }
    }
    return out;
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

  // Checks the event against what is known of its case, and returns that case's state.
  CaseState& check_case(std::size_t line_no, const engine::Event& event) {
    CaseState& state = state_of(event.case_ref);
    if (!state.has_new_events) {
      state.has_new_events = true;
      state.first_new_line = line_no;
    }
    if (event.type() == engine::EventType::kCaseOpened) {
      if (state.opened_on) {
        const std::string where = state.opened_line > 0
                                      ? "line " + std::to_string(state.opened_line)
                                      : "an earlier import";
        fail(line_no, "case " + in_quotes(event.case_ref) + " is already open (opened on " +
                          engine::format_date(*state.opened_on) + ", " + where + ")");
        return state;
      }
      state.opened_on = event.on;
      state.opened_line = line_no;
    } else if (!state.opened_on) {
      pending_.push_back({line_no, event.case_ref, event.on});
    } else {
      check_not_before_opening(line_no, event.case_ref, event.on, state);
    }
    return state;
  }

  // A void names an event already stored (by an earlier import or an earlier line of this
  // file: lines are appended as they are read) of the same case, of a type that can be voided.
  // Whether it was voided already, and what its voiding leaves, is for the evaluation to say
  // (workflows/corrections.h), which has the whole history.
  void check_void_target(std::size_t line_no, const std::string& ref,
                         const engine::EventVoided& body) {
    const std::string field = body.event ? "field 'event'" : "field 'seq'";
    std::optional<std::pair<std::int64_t, std::string>> stored;
    if (body.event) {
      stored = events_.find_by_id(*body.event);
      if (!stored) {
        return fail(line_no, field + ": no event with id " + in_quotes(*body.event) +
                                 " has been recorded (in the database or earlier in this file)");
      }
    } else if (auto payload = events_.find_by_seq(*body.seq)) {
      stored.emplace(*body.seq, std::move(*payload));
    } else {
      return fail(line_no,
                  field + ": no event #" + std::to_string(*body.seq) + " has been recorded");
    }
    auto object = jsonl::parse_line(stored->second);
    auto event = object.ok() ? jsonl::decode_event(object.value())
                             : engine::Result<engine::Event>(object.status());
    if (!event.ok()) {  // it decoded when it was imported: only a damaged store gets here
      return fail(line_no, field + ": event #" + std::to_string(stored->first) +
                               " cannot be read back: " + event.status().message());
    }
    const engine::RecordedEvent target{stored->first, std::move(event).value()};
    if (target.event.case_ref != ref) {
      return fail(line_no, field + ": " + workflows::describe_event(target) + " is in case " +
                               in_quotes(target.event.case_ref) + ", not " + in_quotes(ref));
    }
    if (const auto why = workflows::why_not_voidable(target.event.type())) {
      fail(line_no, field + ": " + workflows::describe_event(target) + " " + *why);
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
    sqlite::DerivationStore derivation(db.sql());
    if (options.derivation) {
      // Checked inside the transaction: no other writer can re-derive between check and write.
      if (auto status = derivation.check(*options.derivation); !status.ok()) {
        return status;
      }
    }
    if (options.unchanged_since) {
      ImportReport report;
      report.changed_since = sqlite::EventStore(db.sql()).seqs_after(
          options.unchanged_since->case_ref, options.unchanged_since->last_seq);
      if (!report.changed_since.empty()) {
        return report;  // tx rolls back; nothing was read
      }
    }
    Import import(db, options);
    import.read(input);
    import.resolve_pending();
    if (!import.accepted()) {
      return import.take_report();  // tx rolls back: the database is as it was
    }
    CaseRebuilder rebuilder(db, options.rules, options.calendar);
    if (auto status = import.rebuild_touched_cases(rebuilder); !status.ok()) {
      return status;
    }
    if (!import.accepted()) {
      return import.take_report();  // a history the machines cannot take: nothing applied
    }
    const auto first_seq = import.first_seq();
    auto report = import.take_report();
    report.first_seq = first_seq;
    if (report.latest_on) {
      sqlite::EventStore(db.sql()).note_latest_on(*report.latest_on);
    }
    if (options.derivation) {
      auto recorded = derivation.get();
      if (!recorded.ok()) {
        return recorded.status();
      }
      if (!recorded.value()) {
        if (auto status = derivation.stamp(*options.derivation, options.recorded_at);
            !status.ok()) {
          return status;
        }
      }
    }
    report_progress(options.progress, "saving", "", 0, 0);
    tx.commit();
    return report;
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("import", e.what());
  }
}

}  // namespace ehcp::adapters
