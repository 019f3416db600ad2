#include "adapters/render/transfer_render.h"

#include "adapters/render/table.h"

namespace ehcp::adapters::render {
namespace {

std::string or_dash(const std::string& text) { return text.empty() ? "-" : text; }

std::string named_on(const report::TransferRow& r) {
  return r.named_on ? engine::format_date(*r.named_on) : "";
}

Table plans_table(const report::TransferReport& report, bool names) {
  Table t;
  t.headers = {"case"};
  if (names) {
    t.headers.emplace_back("child");
  }
  for (const char* h : {"transfer", "setting", "due", "status", "named on", "caseworker", "team"}) {
    t.headers.emplace_back(h);
  }
  for (const auto& r : report.rows) {
    std::vector<std::string> row = {r.case_ref};
    if (names) {
      row.push_back(r.child);
    }
    for (const auto& cell :
         {r.transfer, r.setting, engine::format_date(r.due),
          std::string(report::to_string(r.standing)), named_on(r), r.caseworker, r.team}) {
      row.push_back(cell);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string percent(int part, int whole) {
  return whole == 0 ? "-" : std::to_string((part * 100 + whole / 2) / whole) + "%";
}

}  // namespace

std::string transfers_to_text(const report::TransferReport& report, bool names) {
  std::string out = "Phase transfers in September " + std::to_string(report.year) + ", as of " +
                    engine::format_date(report.as_of) + "\n\n";
  if (report.rows.empty()) {
    return out + "No plan has a phase transfer due for September " + std::to_string(report.year) +
           ".\n";
  }
  Table counts;
  counts.headers = {"transfer",           "plans",         "named on time", "named late",
                    "not named, overdue", "not named yet", "not applicable"};
  for (const auto& g : report.groups) {
    counts.rows.push_back({g.transfer, std::to_string(g.plans), std::to_string(g.named_on_time),
                           std::to_string(g.named_late), std::to_string(g.overdue),
                           std::to_string(g.due_ahead), std::to_string(g.not_applicable)});
  }
  out += to_text(counts);
  if (report.post16_plans > 0) {
    out += "\nPost-16: " + std::to_string(report.post16_named_by_end_of_may) + " of " +
           std::to_string(report.post16_plans) + " plans (" +
           percent(report.post16_named_by_end_of_may, report.post16_plans) +
           ") named a setting by 31 May " + std::to_string(report.year) + ".\n";
  }
  Table plans = plans_table(report, names);
  for (auto& row : plans.rows) {
    for (auto& cell : row) {
      cell = or_dash(cell);
    }
  }
  return out + "\n" + to_text(plans);
}

std::string transfers_to_csv(const report::TransferReport& report, bool names) {
  return to_csv(plans_table(report, names));
}

nlohmann::ordered_json transfers_to_json(const report::TransferReport& report) {
  nlohmann::ordered_json out;
  out["year"] = report.year;
  out["as_of"] = engine::format_date(report.as_of);
  nlohmann::ordered_json groups = nlohmann::ordered_json::array();
  for (const auto& g : report.groups) {
    groups.push_back({{"transfer", g.transfer},
                      {"plans", g.plans},
                      {"named_on_time", g.named_on_time},
                      {"named_late", g.named_late},
                      {"overdue", g.overdue},
                      {"not_named_yet", g.due_ahead},
                      {"not_applicable", g.not_applicable}});
  }
  out["transfers"] = std::move(groups);
  out["post16"] = {{"plans", report.post16_plans},
                   {"named_by_end_of_may", report.post16_named_by_end_of_may}};
  nlohmann::ordered_json plans = nlohmann::ordered_json::array();
  for (const auto& r : report.rows) {
    nlohmann::ordered_json p;
    p["case"] = r.case_ref;
    if (!r.child.empty()) {
      p["child"] = r.child;
    }
    p["transfer"] = r.transfer;
    p["year_group"] = r.year_group;
    p["setting"] = r.setting;
    p["start"] = engine::format_date(r.start);
    p["due"] = engine::format_date(r.due);
    p["status"] = std::string(report::to_string(r.standing));
    p["named_on"] = r.named_on ? nlohmann::ordered_json(engine::format_date(*r.named_on))
                               : nlohmann::ordered_json();
    p["caseworker"] = r.caseworker;
    p["team"] = r.team;
    plans.push_back(std::move(p));
  }
  out["plans"] = std::move(plans);
  return out;
}

}  // namespace ehcp::adapters::render
