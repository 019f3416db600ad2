#include "adapters/record/recorder.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "adapters/sqlite/event_store.h"

namespace ehcp::adapters::record {
namespace {

std::set<std::string> ids_of(const Recording& recording) {
  std::set<std::string> ids;
  for (const auto& line : recording.lines) {
    if (auto it = line.find("id"); it != line.end() && it->is_string()) {
      ids.insert(it->get<std::string>());
    }
  }
  return ids;
}

}  // namespace

engine::Result<Recorded> record_lines(sqlite::Database& db, const Recording& recording,
                                      ImportOptions options) {
  std::ostringstream text;
  for (const auto& line : recording.lines) {
    text << line.dump() << '\n';
  }
  options.unchanged_since = CaseVersion{recording.case_ref, recording.version};
  std::istringstream input(text.str());
  auto imported = import_events(db, input, options);
  if (!imported.ok()) {
    return imported.status();
  }
  const ImportReport& report = imported.value();
  Recorded out;
  out.errors = report.errors;
  if (report.applied > 0) {
    out.first_seq = report.first_seq;
    out.last_seq = report.first_seq + static_cast<std::int64_t>(report.applied) - 1;
    return out;
  }
  if (report.changed_since.empty()) {
    return out;
  }
  // What changed since the page was shown. When it is exactly this form's own lines, the form
  // was sent twice and the first sending saved it.
  try {
    sqlite::EventStore events(db.sql());
    auto history = events.load_case(recording.case_ref);
    if (!history.ok()) {
      return history.status();
    }
    const auto ids = ids_of(recording);
    std::size_t own = 0;
    for (auto& e : history.value()) {
      if (std::find(report.changed_since.begin(), report.changed_since.end(), e.seq) ==
          report.changed_since.end()) {
        continue;
      }
      if (e.event.id && ids.contains(*e.event.id)) {
        ++own;
      }
      out.changed_since.push_back(std::move(e));
    }
    std::sort(out.changed_since.begin(), out.changed_since.end(),
              [](const auto& a, const auto& b) { return a.seq < b.seq; });
    if (own == out.changed_since.size() && own == recording.lines.size()) {
      out.first_seq = out.changed_since.front().seq;
      out.last_seq = out.changed_since.back().seq;
      out.changed_since.clear();
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("read the case", e.what());
  }
}

}  // namespace ehcp::adapters::record
