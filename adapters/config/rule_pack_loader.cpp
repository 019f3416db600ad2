#include "adapters/config/rule_pack_loader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "adapters/jsonl/field_reader.h"

namespace ehcp::adapters::config {
namespace {

using engine::Status;
using jsonl::FieldReader;

constexpr const char* kNationalPacks =
#include "adapters/rule_packs/england.inc"
    ;

// Reads "fixed_date" of `item` into `rule`, if there.
Status read_fixed_date(const nlohmann::json& item, const std::string& where,
                       engine::ClockRule& rule) {
  const auto it = item.find("fixed_date");
  if (it == item.end()) {
    return {};
  }
  const auto md = it->is_string() ? parse_month_day(it->get<std::string>()) : std::nullopt;
  if (!md) {
    return Status::invalid_input(where +
                                 ": field 'fixed_date' must be a month and day MM-DD "
                                 "that every year has (\"02-15\"), not " +
                                 it->dump());
  }
  rule.fixed_date = *md;
  return {};
}

engine::Result<engine::ClockRule> read_rule(const nlohmann::json& item, const std::string& where) {
  if (!item.is_object()) {
    return Status::invalid_input(where + " must be an object");
  }
  FieldReader r(item);
  engine::ClockRule rule;
  rule.clock = r.required_string("clock");
  rule.limb = r.optional_string("limb").value_or("");
  rule.workflow = r.required_string("workflow");
  rule.counting = r.required_enum("counting", engine::parse_counting, engine::accepted_counting);
  rule.amount = r.optional_int("amount").value_or(-1);
  rule.statutory = r.optional_bool("statutory", true);
  rule.family = r.optional_bool("family", false);
  rule.source = r.required_string("source");
  rule.measured_from = r.required_string("measured_from");
  rule.action = r.optional_string("action").value_or("");
  if (r.error()) {
    return Status::invalid_input(where + ": " + *r.error());
  }
  if (rule.amount < 0) {
    return Status::invalid_input(where + ": field 'amount' must be a whole number, 0 or more");
  }
  if (auto status = read_fixed_date(item, where, rule); !status.ok()) {
    return status;
  }
  const auto limbs = item.find("exceptions");
  if (limbs != item.end()) {
    if (!limbs->is_array()) {
      return Status::invalid_input(where + ": field 'exceptions' must be an array");
    }
    for (const auto& limb : *limbs) {
      const auto parsed =
          limb.is_string() ? engine::parse_exception_limb(limb.get<std::string>()) : std::nullopt;
      if (!parsed) {
        return Status::invalid_input(where + ": field 'exceptions' must list " +
                                     engine::accepted_exception_limb() + ", not " + limb.dump());
      }
      rule.exception_limbs.push_back(*parsed);
    }
  }
  return rule;
}

engine::Result<std::vector<engine::EscalationRung>> read_ladder(const nlohmann::json& ladder,
                                                                const std::string& where) {
  if (!ladder.is_array()) {
    return Status::invalid_input(where + " must be an array");
  }
  std::vector<engine::EscalationRung> rungs;
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    const std::string at = where + "[" + std::to_string(i) + "]";
    if (!ladder[i].is_object()) {
      return Status::invalid_input(at + " must be an object {rung, offset, working_days, notify}");
    }
    FieldReader r(ladder[i]);
    engine::EscalationRung rung;
    rung.name = r.required_string("rung");
    rung.offset = r.optional_int("offset").value_or(0);
    rung.working_days = r.optional_bool("working_days", false);
    if (r.error()) {
      return Status::invalid_input(at + ": " + *r.error());
    }
    const auto notify = ladder[i].find("notify");
    if (notify == ladder[i].end() || !notify->is_array() || notify->empty()) {
      return Status::invalid_input(at + ": field 'notify' must list at least one role");
    }
    for (const auto& role : *notify) {
      if (!role.is_string() || !engine::is_escalation_role(role.get<std::string>())) {
        return Status::invalid_input(at + ": field 'notify' must list roles of " +
                                     std::string(engine::kEscalationRoles) + ", not " +
                                     role.dump());
      }
      rung.notify.push_back(role.get<std::string>());
    }
    for (const auto& earlier : rungs) {
      if (earlier.name == rung.name) {
        return Status::invalid_input(at + ": rung '" + rung.name + "' appears twice");
      }
    }
    rungs.push_back(std::move(rung));
  }
  return rungs;
}

// A whole number of at least `min` in `object`'s field `name`, else an error naming it.
engine::Result<int> read_count(const nlohmann::json& object, const char* name,
                               const std::string& where, int min) {
  const auto it = object.find(name);
  if (it == object.end() || !it->is_number_integer() || it->get<int>() < min) {
    return Status::invalid_input(where + ": field '" + name + "' must be a whole number, " +
                                 std::to_string(min) + " or more");
  }
  return it->get<int>();
}

engine::Result<engine::ExceptionThresholds> read_thresholds(const nlohmann::json& item,
                                                            const std::string& where) {
  if (!item.is_object()) {
    return Status::invalid_input(
        where + " must be an object {absence_weeks, closure_weeks, closure_window_weeks, source}");
  }
  engine::ExceptionThresholds t;
  for (auto [name, field] :
       {std::pair{"absence_weeks", &t.absence_weeks}, std::pair{"closure_weeks", &t.closure_weeks},
        std::pair{"closure_window_weeks", &t.closure_window_weeks}}) {
    auto count = read_count(item, name, where, 1);
    if (!count.ok()) {
      return count.status();
    }
    *field = count.value();
  }
  FieldReader r(item);
  t.source = r.required_string("source");
  if (r.error()) {
    return Status::invalid_input(where + ": " + *r.error());
  }
  return t;
}

engine::Result<engine::AdulthoodRule> read_adulthood(const nlohmann::json& item,
                                                     const std::string& where) {
  if (!item.is_object()) {
    return Status::invalid_input(where + " must be an object {from_year_group, source}");
  }
  engine::AdulthoodRule rule;
  auto year = read_count(item, "from_year_group", where, 0);
  if (!year.ok()) {
    return year.status();
  }
  rule.from_year_group = year.value();
  FieldReader r(item);
  rule.source = r.required_string("source");
  if (r.error()) {
    return Status::invalid_input(where + ": " + *r.error());
  }
  return rule;
}

}  // namespace

std::optional<date::month_day> parse_month_day(const std::string& text) {
  const auto digits = [&](std::size_t at) {
    return std::isdigit(static_cast<unsigned char>(text[at])) &&
           std::isdigit(static_cast<unsigned char>(text[at + 1]));
  };
  if (text.size() != 5 || text[2] != '-' || !digits(0) || !digits(3)) {
    return std::nullopt;
  }
  const date::month_day md{date::month{static_cast<unsigned>(std::stoi(text.substr(0, 2)))},
                           date::day{static_cast<unsigned>(std::stoi(text.substr(3, 2)))}};
  if (!md.ok() || md == date::February / 29) {
    return std::nullopt;
  }
  return md;
}

engine::Result<engine::RuleBook> rule_book_from_json(const nlohmann::json& document) {
  const auto packs = document.find("packs");
  if (!document.is_object() || packs == document.end() || !packs->is_array()) {
    return Status::invalid_input("rule packs: expected {\"packs\": [...]}");
  }
  engine::RuleBook book;
  std::map<std::string, engine::RulePack> read_packs;  // by name, for "inherit"
  for (std::size_t i = 0; i < packs->size(); ++i) {
    const auto& item = (*packs)[i];
    const std::string where = "packs[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      return Status::invalid_input(where + " must be an object");
    }
    FieldReader r(item);
    engine::RulePack pack;
    pack.name = r.required_string("name");
    pack.effective_from = r.required_date("effective_from");
    pack.effective_to = r.optional_date("effective_to");
    pack.count_event_day = r.optional_bool("count_event_day", false);
    pack.general_exception = r.optional_string("general_exception");
    const auto inherit = r.optional_string("inherit");
    if (r.error()) {
      return Status::invalid_input(where + ": " + *r.error());
    }
    if (inherit) {
      const auto parent = read_packs.find(*inherit);
      if (parent == read_packs.end()) {
        return Status::invalid_input(where + ": inherits '" + *inherit +
                                     "', which no earlier pack is named");
      }
      pack.rules = parent->second.rules;
      pack.escalation = parent->second.escalation;
      pack.exception_thresholds = parent->second.exception_thresholds;
      pack.preparation_for_adulthood = parent->second.preparation_for_adulthood;
    }
    if (const auto it = item.find("exception_thresholds"); it != item.end()) {
      auto thresholds = read_thresholds(*it, where + ".exception_thresholds");
      if (!thresholds.ok()) {
        return thresholds.status();
      }
      pack.exception_thresholds = std::move(thresholds).value();
    }
    if (const auto it = item.find("preparation_for_adulthood"); it != item.end()) {
      auto adulthood = read_adulthood(*it, where + ".preparation_for_adulthood");
      if (!adulthood.ok()) {
        return adulthood.status();
      }
      pack.preparation_for_adulthood = std::move(adulthood).value();
    }
    if (const auto ladder = item.find("escalation"); ladder != item.end()) {
      auto rungs = read_ladder(*ladder, where + ".escalation");
      if (!rungs.ok()) {
        return rungs.status();
      }
      pack.escalation = std::move(rungs).value();
    }
    if (const auto rules = item.find("rules"); rules != item.end()) {
      if (!rules->is_array()) {
        return Status::invalid_input(where + ": field 'rules' must be an array");
      }
      for (std::size_t j = 0; j < rules->size(); ++j) {
        auto rule = read_rule((*rules)[j], where + ".rules[" + std::to_string(j) + "]");
        if (!rule.ok()) {
          return rule.status();
        }
        std::erase_if(pack.rules, [&](const auto& r2) {
          return r2.clock == rule.value().clock && r2.limb == rule.value().limb;
        });
        pack.rules.push_back(std::move(rule).value());
      }
    }
    read_packs[pack.name] = pack;
    if (auto status = book.add(std::move(pack)); !status.ok()) {
      return Status::invalid_input(where + ": " + status.message());
    }
  }
  return book;
}

const nlohmann::json& national_packs_json() {
  static const nlohmann::json kParsed = nlohmann::json::parse(kNationalPacks);
  return kParsed;
}

engine::Result<engine::RuleBook> national_rule_book() {
  return rule_book_from_json(national_packs_json());
}

}  // namespace ehcp::adapters::config
