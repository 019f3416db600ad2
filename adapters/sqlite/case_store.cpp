#include "adapters/sqlite/case_store.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "adapters/sqlite/detail/nullable_text.h"

namespace ehcp::adapters::sqlite {
namespace {

constexpr const char* kColumns =
    "case_ref, opened_on, given_name, family_name, dob, gender, ethnicity, upn, caseworker, team, "
    "setting_name, setting_phase, year_group_override, closed_on, close_reason";

template <typename T, typename F>
void bind_optional(SQLite::Statement& s, int index, const std::optional<T>& value, F convert) {
  if (value) {
    s.bind(index, convert(*value));
  } else {
    s.bind(index);  // NULL
  }
}

using detail::text_or_null;

std::optional<engine::Date> date_or_null(const SQLite::Column& c) {
  if (c.isNull()) {
    return std::nullopt;
  }
  return engine::parse_date(c.getString());
}

engine::CaseRecord read_row(SQLite::Statement& s) {
  engine::CaseRecord r;
  r.case_ref = s.getColumn(0).getString();
  r.opened_on = *engine::parse_date(s.getColumn(1).getString());
  r.child.given_name = s.getColumn(2).getString();
  r.child.family_name = s.getColumn(3).getString();
  r.child.dob = *engine::parse_date(s.getColumn(4).getString());
  r.child.gender = text_or_null(s.getColumn(5));
  r.child.ethnicity = text_or_null(s.getColumn(6));
  r.child.upn = text_or_null(s.getColumn(7));
  r.caseworker = text_or_null(s.getColumn(8));
  r.team = text_or_null(s.getColumn(9));
  if (!s.getColumn(10).isNull()) {
    r.setting = engine::Setting{
        s.getColumn(10).getString(),
        engine::parse_phase(s.getColumn(11).getString()).value_or(engine::Phase::kNone)};
  }
  if (!s.getColumn(12).isNull()) {
    r.year_group_override = s.getColumn(12).getInt();
  }
  r.closed_on = date_or_null(s.getColumn(13));
  r.close_reason = text_or_null(s.getColumn(14));
  return r;
}

// The cases of team ?1 a search for ?2 finds, ?3 being it in lower case and ?4 the first text
// after every one that starts with it; the unary + keeps the reference and UPN parts on their
// own indexes rather than the team's.
constexpr const char* kFound =
    "SELECT case_ref FROM cases WHERE case_ref = ?2 COLLATE NOCASE AND +team = ?1 "
    "UNION SELECT case_ref FROM cases WHERE upn = ?2 COLLATE NOCASE AND +team = ?1 "
    "UNION SELECT case_ref FROM cases WHERE team = ?1 "
    "AND (given_name || ' ' || family_name) COLLATE NOCASE >= ?3 "
    "AND (given_name || ' ' || family_name) COLLATE NOCASE < ?4 "
    "UNION SELECT case_ref FROM cases WHERE team = ?1 "
    "AND family_name COLLATE NOCASE >= ?3 AND family_name COLLATE NOCASE < ?4";

void bind_search(SQLite::Statement& s, const std::string& team, const std::string& query) {
  std::string lower = query;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  s.bind(1, team);
  s.bind(2, query);
  s.bind(3, lower);
  s.bind(4, lower + '\xff');  // no UTF-8 text has the byte 0xFF: after every continuation
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  return first == std::string::npos ? ""
                                    : s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
}

}  // namespace

CaseStore::CaseStore(SQLite::Database& db)
    : db_(db),
      opened_(db, "SELECT opened_on FROM cases WHERE case_ref = ?"),
      put_(db, std::string("INSERT OR REPLACE INTO cases (") + kColumns +
                   ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

std::optional<engine::Date> CaseStore::opened_on(const std::string& case_ref) {
  opened_.reset();
  opened_.bind(1, case_ref);
  if (!opened_.executeStep()) {
    return std::nullopt;
  }
  return engine::parse_date(opened_.getColumn(0).getString());
}

void CaseStore::put(const engine::CaseRecord& r) {
  const auto same = [](const std::string& s) { return s; };
  const auto date = [](engine::Date d) { return engine::format_date(d); };
  put_.reset();
  put_.bind(1, r.case_ref);
  put_.bind(2, engine::format_date(r.opened_on));
  put_.bind(3, r.child.given_name);
  put_.bind(4, r.child.family_name);
  put_.bind(5, engine::format_date(r.child.dob));
  bind_optional(put_, 6, r.child.gender, same);
  bind_optional(put_, 7, r.child.ethnicity, same);
  bind_optional(put_, 8, r.child.upn, same);
  bind_optional(put_, 9, r.caseworker, same);
  bind_optional(put_, 10, r.team, same);
  if (r.setting) {
    put_.bind(11, r.setting->name);
    put_.bind(12, std::string(engine::to_string(r.setting->phase)));
  } else {
    put_.bind(11);
    put_.bind(12);
  }
  bind_optional(put_, 13, r.year_group_override, [](int v) { return v; });
  bind_optional(put_, 14, r.closed_on, date);
  bind_optional(put_, 15, r.close_reason, same);
  put_.exec();
}

std::optional<engine::CaseRecord> CaseStore::get(const std::string& case_ref) {
  SQLite::Statement s(db_, std::string("SELECT ") + kColumns + " FROM cases WHERE case_ref = ?");
  s.bind(1, case_ref);
  if (!s.executeStep()) {
    return std::nullopt;
  }
  return read_row(s);
}

std::vector<engine::CaseRecord> CaseStore::list(const CaseFilter& filter) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM cases WHERE 1 = 1";
  if (filter.team) {
    sql += " AND team = :team";
  }
  if (filter.caseworker) {
    sql += " AND caseworker = :caseworker";
  }
  if (!filter.include_closed) {
    sql += " AND closed_on IS NULL";
  }
  sql += " ORDER BY case_ref";
  SQLite::Statement s(db_, sql);
  if (filter.team) {
    s.bind(":team", *filter.team);
  }
  if (filter.caseworker) {
    s.bind(":caseworker", *filter.caseworker);
  }
  std::vector<engine::CaseRecord> out;
  while (s.executeStep()) {
    out.push_back(read_row(s));
  }
  return out;
}

CaseSearch CaseStore::search(const std::string& team, const std::string& query, std::size_t limit) {
  CaseSearch out;
  const std::string q = trimmed(query);
  if (q.empty()) {
    return out;
  }
  SQLite::Statement count(db_, std::string("SELECT count(*) FROM (") + kFound + ")");
  bind_search(count, team, q);
  count.executeStep();
  out.matches = static_cast<std::size_t>(count.getColumn(0).getInt64());
  SQLite::Statement s(db_, std::string("SELECT ") + kColumns + " FROM cases WHERE case_ref IN (" +
                               kFound + ") ORDER BY case_ref LIMIT ?5");
  bind_search(s, team, q);
  s.bind(5, static_cast<std::int64_t>(limit));
  while (s.executeStep()) {
    out.cases.push_back(read_row(s));
  }
  return out;
}

}  // namespace ehcp::adapters::sqlite
