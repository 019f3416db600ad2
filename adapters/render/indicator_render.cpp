// The board pack as text, CSV and JSON: indicators_to_text, _csv and _json of
// indicator_render.h; the HTML page is in indicator_html.cpp.
#include "adapters/render/indicator_render.h"

#include <string>
#include <vector>

#include "adapters/render/detail/indicator_parts.h"
#include "adapters/render/table.h"

namespace ehcp::adapters::render {
namespace {

using detail::count_text;
using detail::figure_text;
using detail::month_key;
using detail::rating_text;
using detail::target_text;
using Cells = std::vector<std::string>;

nlohmann::ordered_json number_or_null(const std::optional<double>& v, engine::IndicatorUnit unit) {
  if (!v) {
    return nullptr;
  }
  if (unit == engine::IndicatorUnit::kCount) {
    return static_cast<long long>(std::llround(*v));
  }
  return detail::rounded(*v);
}

// `rated`: the figure is one the council rates (breakdown rows are not).
nlohmann::ordered_json figure_json(const engine::IndicatorPack& p, const engine::Figure& f,
                                   engine::IndicatorUnit unit, bool rated = true) {
  nlohmann::ordered_json j;
  j["value"] = number_or_null(f.value, unit);
  j["suppressed"] = f.suppressed;
  if (unit != engine::IndicatorUnit::kCount) {
    const bool shown = f.value && !f.suppressed;
    j["numerator"] = shown ? nlohmann::ordered_json(f.numerator) : nlohmann::ordered_json();
    j["denominator"] = shown ? nlohmann::ordered_json(f.denominator) : nlohmann::ordered_json();
  }
  j["target"] = f.target ? nlohmann::ordered_json(*f.target) : nlohmann::ordered_json();
  const std::string rating = rated ? rating_text(p, f) : std::string();
  j["rating"] = rating.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(rating);
  return j;
}

nlohmann::ordered_json count_json(const engine::CountCell& c) {
  return c.suppressed ? nlohmann::ordered_json() : nlohmann::ordered_json(c.value);
}

nlohmann::ordered_json band_json(const engine::RatingBand& b) {
  nlohmann::ordered_json j;
  j["name"] = b.name;
  j["meaning"] = b.meaning;
  j["colour"] = b.colour;
  j["at_least"] = b.at_least ? nlohmann::ordered_json(*b.at_least) : nlohmann::ordered_json();
  return j;
}

// Every period in the CSV reads FIRST..LAST (ISO dates, both days counted): the pack's period,
// and each month of its trend, so that one column never mixes "2026-03" and a range.
std::string period_key(engine::Date from, engine::Date to) {
  return engine::format_date(from) + ".." + engine::format_date(to);
}

std::string period_key(const engine::IndicatorPack& p) { return period_key(p.from, p.to); }

std::string period_key(const engine::Month& m) {
  const auto month = date::year{m.year} / date::month{m.month};
  return period_key(engine::Date{month / date::day{1}}, engine::Date{month / date::last});
}

// The unit a CSV value is in, for the reader's BI tool.
std::string csv_unit(engine::IndicatorUnit unit) {
  switch (unit) {
    case engine::IndicatorUnit::kPercent:
      return "%";
    case engine::IndicatorUnit::kWeeks:
      return "weeks";
    case engine::IndicatorUnit::kCount:
      return "cases";
  }
  return "cases";
}

Cells csv_figure(const std::string& kind, const std::string& id, const std::string& group,
                 const std::string& period, const engine::IndicatorPack& p, const engine::Figure& f,
                 engine::IndicatorUnit unit) {
  const bool shown = f.value && !f.suppressed;
  const bool counted = unit != engine::IndicatorUnit::kCount && shown;
  return {kind,
          id,
          group,
          period,
          csv_unit(unit),
          f.suppressed ? detail::kWithheld
                       : (f.value ? detail::number_text(*f.value, unit) : std::string()),
          counted ? std::to_string(f.numerator) : "",
          counted ? std::to_string(f.denominator) : "",
          f.target ? detail::number_text(*f.target, unit) : "",
          kind == "indicator" ? rating_text(p, f) : ""};
}

Cells csv_count(const std::string& kind, const std::string& id, const std::string& group,
                const std::string& period, const engine::CountCell& c) {
  return {kind,          id, group, period, csv_unit(engine::IndicatorUnit::kCount),
          count_text(c), "", "",    "",     ""};
}

}  // namespace

std::string indicators_to_text(const engine::IndicatorPack& p) {
  std::string out = "Board indicators for " + p.period + " (c: fewer than 5, withheld; " +
                    detail::kNoCases + ": no cases)\n\n";
  Table t{{"section", "indicator", "value", "target", "rating"}, {}};
  for (const auto& i : p.indicators) {
    t.rows.push_back({i.section, i.title, figure_text(i.figure, i.unit),
                      target_text(i.figure, i.unit), rating_text(p, i.figure)});
  }
  out += to_text(t);
  for (const auto& d : p.distributions) {
    Table dt{{d.title, "count"}, {}};
    for (std::size_t k = 0; k < d.labels.size(); ++k) {
      dt.rows.push_back({d.labels[k], count_text(d.counts[k])});
    }
    dt.rows.push_back({"Total", count_text(d.total)});
    out += "\n" + to_text(dt);
  }
  return out;
}

std::string indicator_headlines_to_text(const engine::IndicatorPack& p) {
  Table t{{"indicator", "value", "target", "rating"}, {}};
  for (const auto& id : detail::headline_ids()) {
    for (const auto& i : p.indicators) {
      if (i.id == id) {
        t.rows.push_back({i.title, figure_text(i.figure, i.unit), target_text(i.figure, i.unit),
                          rating_text(p, i.figure)});
      }
    }
  }
  return to_text(t);
}

std::string indicators_to_csv(const engine::IndicatorPack& p) {
  Table t{{"kind", "id", "group", "period", "unit", "value", "numerator", "denominator", "target",
           "rating"},
          {}};
  const std::string period = period_key(p);
  for (const auto& i : p.indicators) {
    t.rows.push_back(csv_figure("indicator", i.id, "", period, p, i.figure, i.unit));
    for (std::size_t m = 0; m < p.months.size(); ++m) {
      t.rows.push_back(
          csv_figure("indicator", i.id, "", period_key(p.months[m]), p, i.trend[m], i.unit));
    }
  }
  for (const auto& d : p.distributions) {
    for (std::size_t k = 0; k < d.labels.size(); ++k) {
      t.rows.push_back(csv_count("distribution", d.id, d.labels[k], period, d.counts[k]));
    }
    t.rows.push_back(csv_count("distribution", d.id, "Total", period, d.total));
  }
  for (const auto& b : p.breakdowns) {
    for (const auto& r : b.rows) {
      t.rows.push_back(csv_count("breakdown", b.id + ".requests", r.group, period, r.requests));
      t.rows.push_back(csv_count("breakdown", b.id + ".plans", r.group, period, r.plans));
      t.rows.push_back(csv_figure("breakdown", b.id + ".within_20_weeks", r.group, period, p,
                                  r.within_20_weeks, engine::IndicatorUnit::kPercent));
    }
  }
  return to_csv(t);
}

nlohmann::ordered_json indicators_to_json(const engine::IndicatorPack& p, const std::string& la) {
  nlohmann::ordered_json out;
  out["la"] = la;
  out["from"] = engine::format_date(p.from);
  out["to"] = engine::format_date(p.to);
  out["period"] = p.period;
  out["suppression"] =
      "counts from 1 to 4 are withheld (null, suppressed: true), with a second count where one "
      "alone could be worked out from a total; figures made from a withheld count are withheld";
  if (p.scheme) {
    nlohmann::ordered_json scheme;
    scheme["bands"] = nlohmann::ordered_json::array();
    for (const auto& b : p.scheme->bands) {
      scheme["bands"].push_back(band_json(b));
    }
    scheme["unrated"] = band_json(p.scheme->unrated);
    out["rating_scheme"] = scheme;
  } else {
    out["rating_scheme"] = nullptr;
  }
  out["months"] = nlohmann::ordered_json::array();
  for (const auto& m : p.months) {
    out["months"].push_back(month_key(m));
  }
  out["indicators"] = nlohmann::ordered_json::array();
  for (const auto& i : p.indicators) {
    nlohmann::ordered_json j;
    j["id"] = i.id;
    j["section"] = i.section;
    j["title"] = i.title;
    j["cohort"] = i.cohort;
    j["unit"] = detail::unit_name(i.unit);
    j["higher_is_better"] = i.higher_is_better;
    j.update(figure_json(p, i.figure, i.unit));
    j["trend"] = nlohmann::ordered_json::array();
    for (std::size_t m = 0; m < p.months.size(); ++m) {
      nlohmann::ordered_json point;
      point["month"] = month_key(p.months[m]);
      point.update(figure_json(p, i.trend[m], i.unit));
      j["trend"].push_back(point);
    }
    out["indicators"].push_back(j);
  }
  out["distributions"] = nlohmann::ordered_json::array();
  for (const auto& d : p.distributions) {
    nlohmann::ordered_json j;
    j["id"] = d.id;
    j["title"] = d.title;
    j["cohort"] = d.cohort;
    j["rows"] = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < d.labels.size(); ++k) {
      j["rows"].push_back({{"label", d.labels[k]},
                           {"count", count_json(d.counts[k])},
                           {"suppressed", d.counts[k].suppressed}});
    }
    j["total"] = count_json(d.total);
    out["distributions"].push_back(j);
  }
  out["breakdowns"] = nlohmann::ordered_json::array();
  for (const auto& b : p.breakdowns) {
    nlohmann::ordered_json j;
    j["id"] = b.id;
    j["title"] = b.title;
    j["rows"] = nlohmann::ordered_json::array();
    for (const auto& r : b.rows) {
      nlohmann::ordered_json row;
      row["group"] = r.group;
      row["requests"] = count_json(r.requests);
      row["plans"] = count_json(r.plans);
      row["within_20_weeks"] =
          figure_json(p, r.within_20_weeks, engine::IndicatorUnit::kPercent, false);
      j["rows"].push_back(row);
    }
    j["requests_total"] = count_json(b.requests_total);
    j["plans_total"] = count_json(b.plans_total);
    out["breakdowns"].push_back(j);
  }
  return out;
}

}  // namespace ehcp::adapters::render
