// The board pack as one self-contained HTML page: indicators_to_html of indicator_render.h.
// A4, OFFICIAL-SENSITIVE, no scripts or external assets; every chart has a text alternative
// and its figures in a table after it, and no rating rests on colour alone (its name is
// written).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "adapters/render/detail/html_page.h"
#include "adapters/render/detail/indicator_parts.h"
#include "adapters/render/detail/svg_chart.h"
#include "adapters/render/ethnicity_names.h"
#include "adapters/render/indicator_render.h"

namespace ehcp::adapters::render {
namespace {

using detail::ChartBar;
using detail::ChartSeries;
using detail::count_text;
using detail::escape;
using detail::figure_text;
using detail::html_section;
using detail::html_table;
using detail::HtmlColumn;
using detail::HtmlTable;
using detail::LineChart;
using detail::month_label;
using detail::rating_text;
using detail::target_text;
using engine::Indicator;
using engine::IndicatorPack;
using engine::IndicatorUnit;
using Cells = std::vector<std::string>;

constexpr std::string_view kPackStyle = R"(
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid #0b0c0c;
  margin-right: 4px; vertical-align: baseline; }
.tile .detail { display: block; font-size: 9pt; }
figure { margin: 6px 0 10px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9.5pt; font-weight: bold; margin-bottom: 2px; }
svg.chart { width: 100%; height: auto; font: 10px Arial, Helvetica, sans-serif; }
.cohort { font-size: 9pt; }
)";

constexpr const char* kPalette[] = {"#1d70b8", "#4c2c92", "#0b0c0c", "#00703c"};
constexpr const char* kNeutralColour = "#505a5f";

const Indicator* find(const IndicatorPack& p, const std::string& id) {
  for (const auto& i : p.indicators) {
    if (i.id == id) {
      return &i;
    }
  }
  return nullptr;
}

std::string band_colour(const IndicatorPack& p, const engine::Figure& f) {
  if (!p.scheme) {
    return kNeutralColour;
  }
  return f.band ? p.scheme->bands[*f.band].colour : p.scheme->unrated.colour;
}

std::string swatch(const std::string& colour) {
  return "<span class=\"swatch\" style=\"background:" + colour + "\" aria-hidden=\"true\"></span>";
}

// The rating as a cell: a swatch (for those who see colour) and the name (for everyone).
std::string rating_cell(const IndicatorPack& p, const engine::Figure& f) {
  const std::string name = rating_text(p, f);
  return name.empty() ? std::string() : swatch(band_colour(p, f)) + escape(name);
}

// A table of cells that are already HTML, the first naming its row.
std::string raw_table(const std::string& caption, const Cells& headers, std::vector<Cells> rows,
                      std::vector<HtmlColumn> columns) {
  return html_table(
      HtmlTable{caption, {headers, std::move(rows)}, {}, true, std::move(columns), true});
}

std::string heading(const IndicatorPack& p, const std::string& la) {
  std::string out = "<h1>SEND board indicators";
  out += la.empty() ? std::string() : ": " + escape(la);
  out += "</h1>\n<p>" + escape(p.period) + ", with the trend over the 12 months to " +
         escape(engine::format_date_words(p.to)) + ".</p>\n";
  out +=
      "<p>Every figure is computed from the recorded history of each case. No child is named "
      "and no date of birth is shown. Counts from 1 to 4 are withheld and shown as "
      "<strong>c</strong>, as published statistics do; <strong>\u2013</strong> means no cases."
      "</p>\n";
  return out;
}

std::string rating_key(const IndicatorPack& p) {
  std::string out = "<h2>How figures are rated</h2>\n";
  if (!p.scheme) {
    return out + "<p>The council has set no rating scheme, so no figure is rated.</p>\n";
  }
  std::vector<Cells> rows;
  const auto key_row = [&rows](const engine::RatingBand& b) {
    rows.push_back({swatch(b.colour) + escape(b.name), escape(b.meaning)});
  };
  for (const auto& b : p.scheme->bands) {
    key_row(b);
  }
  key_row(p.scheme->unrated);
  return out + raw_table("The council's rating bands, best first", {"Rating", "Meaning"}, rows, {});
}

std::string headlines(const IndicatorPack& p) {
  std::string out = "<h2>Headlines</h2>\n<ul class=\"tiles\">\n";
  for (const auto& id : detail::headline_ids()) {
    const Indicator* i = find(p, id);
    if (i == nullptr) {
      continue;
    }
    out += "<li class=\"tile\" style=\"border-left-color:" + band_colour(p, i->figure) +
           "\"><span class=\"label\">" + escape(i->title) + "</span> <span class=\"count\">" +
           escape(figure_text(i->figure, i->unit)) + "</span> <span class=\"detail\">";
    const std::string target = target_text(i->figure, i->unit);
    const std::string rating = rating_text(p, i->figure);
    out += target.empty() ? "No target" : "Target " + escape(target);
    out += rating.empty() ? std::string() : "; rated " + escape(rating);
    out += "</span></li>\n";
  }
  return out + "</ul>\n";
}

std::vector<std::string> sections_of(const IndicatorPack& p) {
  std::vector<std::string> sections;
  for (const auto& i : p.indicators) {
    if (std::find(sections.begin(), sections.end(), i.section) == sections.end()) {
      sections.push_back(i.section);
    }
  }
  return sections;
}

std::vector<const Indicator*> in_section(const IndicatorPack& p, const std::string& section) {
  std::vector<const Indicator*> out;
  for (const auto& i : p.indicators) {
    if (i.section == section) {
      out.push_back(&i);
    }
  }
  return out;
}

std::string figures_table(const IndicatorPack& p, const std::string& section) {
  std::vector<Cells> rows;
  for (const Indicator* i : in_section(p, section)) {
    rows.push_back({escape(i->title), "<span class=\"cohort\">" + escape(i->cohort) + "</span>",
                    escape(figure_text(i->figure, i->unit)),
                    escape(target_text(i->figure, i->unit)), rating_cell(p, i->figure)});
  }
  return raw_table(section + ", " + p.period,
                   {"Indicator", "Who is counted", "Figure", "Target", "Rating"}, rows,
                   {HtmlColumn::kText, HtmlColumn::kText, HtmlColumn::kCount, HtmlColumn::kCount,
                    HtmlColumn::kText});
}

// What the chart shows, in words: the text alternative.
std::string describe(const IndicatorPack& p, const Indicator& i) {
  std::optional<std::size_t> low;
  std::optional<std::size_t> high;
  std::optional<std::size_t> latest;
  for (std::size_t m = 0; m < i.trend.size(); ++m) {
    if (!i.trend[m].value) {
      continue;
    }
    latest = m;
    if (!low || *i.trend[m].value < *i.trend[*low].value) {
      low = m;
    }
    if (!high || *i.trend[m].value > *i.trend[*high].value) {
      high = m;
    }
  }
  std::string out = i.title + ": ";
  if (!latest) {
    return out + "no month has a figure to show. ";
  }
  const auto at = [&](std::size_t m) {
    return figure_text(i.trend[m], i.unit) + " in " + month_label(p.months[m]);
  };
  out += "latest " + at(*latest);
  const std::string target = target_text(i.trend[*latest], i.unit);
  out += target.empty() ? std::string() : " against a target of " + target;
  out += "; lowest " + at(*low) + ", highest " + at(*high) + ". ";
  return out;
}

std::string line_chart(const IndicatorPack& p, const std::string& section,
                       const std::vector<const Indicator*>& plotted, std::size_t& charts) {
  LineChart c;
  c.id = "chart-" + std::to_string(++charts);
  c.title = section + ": the 12 months to " + month_label(p.months.back());
  for (const auto& m : p.months) {
    c.x_labels.push_back(month_label(m).substr(0, 3));
  }
  double largest = 0;
  std::size_t colour = 0;
  for (const Indicator* i : plotted) {
    // A target is dashed in its indicator's colour, so two trajectories stay apart.
    const std::string hue = kPalette[colour++ % std::size(kPalette)];
    ChartSeries s{i->title, {}, hue, false};
    ChartSeries target{"Target for " + i->title, {}, hue, true};
    bool any_target = false;
    for (const auto& f : i->trend) {
      s.values.push_back(f.value);
      target.values.push_back(f.target);
      any_target = any_target || f.target.has_value();
      largest = std::max({largest, f.value.value_or(0), f.target.value_or(0)});
    }
    c.description += describe(p, *i);
    c.series.push_back(std::move(s));
    if (any_target) {
      c.series.push_back(std::move(target));
    }
  }
  if (plotted.front()->unit == IndicatorUnit::kPercent) {
    c.y_max = 100;
  } else {
    c.y_suffix = "";
    c.y_max = std::max(4.0, largest);
  }
  c.description +=
      "Withheld months leave a gap. The target is dashed. The table after the "
      "chart gives every value.";
  return "<figure>\n<figcaption>" + escape(c.title) + "</figcaption>\n" + svg_line_chart(c) +
         "</figure>\n";
}

std::string advice_bars(const IndicatorPack& p, const std::vector<const Indicator*>& services,
                        std::size_t& charts) {
  detail::BarChart c;
  c.id = "chart-" + std::to_string(++charts);
  c.title = "Advice within 6 weeks by service, " + p.period;
  std::string words;
  for (const Indicator* i : services) {
    c.bars.push_back(ChartBar{i->title, i->figure.value, figure_text(i->figure, i->unit),
                              i->figure.target, band_colour(p, i->figure)});
    words += (words.empty() ? "" : "; ") + i->title + " " + figure_text(i->figure, i->unit);
  }
  c.description = "Share of advice received within 6 weeks, by service: " + words +
                  ". A dashed mark shows a target where one is set.";
  return "<figure>\n<figcaption>" + escape(c.title) + "</figcaption>\n" + svg_bar_chart(c) +
         "</figure>\n";
}

std::string trend_table(const IndicatorPack& p, const std::string& section,
                        const std::vector<const Indicator*>& indicators) {
  Cells headers{"Month"};
  std::vector<HtmlColumn> columns{HtmlColumn::kText};
  for (const Indicator* i : indicators) {
    headers.push_back(i->title);
    columns.push_back(HtmlColumn::kCount);
  }
  std::vector<Cells> rows;
  for (std::size_t m = 0; m < p.months.size(); ++m) {
    Cells row{escape(month_label(p.months[m]))};
    for (const Indicator* i : indicators) {
      const auto& f = i->trend[m];
      std::string cell = escape(figure_text(f, i->unit));
      const std::string target = target_text(f, i->unit);
      if (!target.empty()) {
        cell += " <span class=\"cohort\">(target " + escape(target) + ")</span>";
      }
      const std::string rated = rating_cell(p, f);
      cell += rated.empty() ? std::string() : "<br>" + rated;
      row.push_back(cell);
    }
    rows.push_back(row);
  }
  return raw_table(section + " by month, " + month_label(p.months.front()) + " to " +
                       month_label(p.months.back()),
                   headers, rows, columns);
}

std::string section_html(const IndicatorPack& p, const std::string& section, std::size_t& charts) {
  std::string out = "<h2>" + escape(section) + "</h2>\n" + figures_table(p, section);
  const auto all = in_section(p, section);
  std::vector<const Indicator*> plotted;
  std::vector<const Indicator*> services;
  for (const Indicator* i : all) {
    if (i->id.find(':') != std::string::npos) {
      services.push_back(i);
    } else if (i->unit == IndicatorUnit::kPercent || section == "Assessments in progress") {
      plotted.push_back(i);
    }
  }
  if (!services.empty()) {
    out += advice_bars(p, services, charts);
  }
  const bool seasonal = section == "Phase transfers";  // due in February and March only
  if (!plotted.empty() && !seasonal) {
    out += line_chart(p, section, plotted, charts);
  }
  out += trend_table(p, section, all);
  return out;
}

std::string distributions_html(const IndicatorPack& p) {
  std::string out = "<h2>Time taken and work in progress</h2>\n";
  for (const auto& d : p.distributions) {
    HtmlTable t{d.title + ": " + d.cohort,
                {{"Group", "Count"}, {}},
                {"Total", count_text(d.total)},
                true,
                {HtmlColumn::kText, HtmlColumn::kCount}};
    for (std::size_t k = 0; k < d.labels.size(); ++k) {
      t.table.rows.push_back({d.labels[k], count_text(d.counts[k])});
    }
    out += html_table(t);
  }
  return out;
}

std::string breakdowns_html(const IndicatorPack& p) {
  std::string out =
      "<h2>Breakdowns</h2>\n<p>Requests received and new plans issued " + escape(p.period) +
      ", with the share of those plans issued within 20 weeks (excluding exceptions, as the "
      "headline rate), by each child's age and year group at the request, gender, ethnicity "
      "and team.</p>\n";
  for (const auto& b : p.breakdowns) {
    HtmlTable t{b.title + ", " + p.period,
                {{"Group", "Requests", "New plans", "Within 20 weeks"}, {}},
                {"Total", count_text(b.requests_total), count_text(b.plans_total), ""},
                true,
                {HtmlColumn::kText, HtmlColumn::kCount, HtmlColumn::kCount, HtmlColumn::kCount}};
    for (const auto& r : b.rows) {
      // Ethnicity is recorded as the DfE's code; the board reads its name.
      const std::string group = b.id == "ethnicity" ? ethnicity_name(r.group) : r.group;
      t.table.rows.push_back({group, count_text(r.requests), count_text(r.plans),
                              figure_text(r.within_20_weeks, IndicatorUnit::kPercent)});
    }
    out += html_section("<h3>" + escape(b.title) + "</h3>\n" + html_table(t));
  }
  return out;
}

std::string about(const IndicatorPack& p) {
  std::string out = "<section class=\"note\">\n<h2>About these figures</h2>\n<ul>\n";
  out +=
      "<li><strong>Plans within 20 weeks</strong> are counted as SEN2 counts them: new plans "
      "issued in the period, on time when issued by the 20-week due day. Cases with a "
      "mediation, appeal or Tribunal order are left out of both rates; the rate excluding "
      "exceptions also leaves out every plan whose 20-week limit had a statutory exception.</li>\n";
  out +=
      "<li><strong>Decisions and advice</strong> are counted when made or received in the "
      "period; <strong>reviews and transfers</strong> when due in it, leaving out those whose "
      "plan ceased first.</li>\n";
  out +=
      "<li><strong>Assessments in progress</strong> are those requested and not yet refused, "
      "withdrawn or finished on the last day of the period (or of each month).</li>\n";
  out +=
      "<li><strong>Withheld figures</strong>: a count from 1 to 4 is shown as c. Where one count "
      "in a table could be worked out from its total, the next smallest is withheld too. A "
      "percentage or average made from a withheld count is withheld.</li>\n";
  out +=
      "<li>Breakdowns use each case's team today. Targets and rating bands are the "
      "council's own";
  out += p.scheme ? std::string(".") : std::string(": none is set.");
  out += "</li>\n";
  return out + "</ul>\n</section>\n";
}

}  // namespace

std::string indicators_to_html(const IndicatorPack& p, const std::string& la,
                               const std::string& version) {
  std::string title = "SEND board indicators, " + p.period;
  title += la.empty() ? std::string() : " \u2013 " + la;
  std::string out = detail::html_page_start(title, kPackStyle);
  out += heading(p, la);
  out += html_section(rating_key(p));
  out += html_section(headlines(p));
  std::size_t charts = 0;
  for (const auto& section : sections_of(p)) {
    out += section_html(p, section, charts);
  }
  out += distributions_html(p);
  out += breakdowns_html(p);
  out += about(p);
  out += detail::html_page_end(version);
  return out;
}

}  // namespace ehcp::adapters::render
