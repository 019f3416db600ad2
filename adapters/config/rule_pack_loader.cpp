#include "adapters/config/rule_pack_loader.h"

#include <algorithm>
#include <map>

#include "adapters/jsonl/field_reader.h"

namespace ehcp::adapters::config {
namespace {

using engine::Status;
using jsonl::FieldReader;

constexpr const char* kNationalPacks =
#include "adapters/rule_packs/england.inc"
    ;

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

// "escalation": {"*": [rungs], "final_plan": [rungs]}: "*" replaces every pack's ladder, a
// clock (or family) name gives that clock its own. "*" applies first, whatever the key order.
Status apply_ladder_overrides(engine::RuleBook& book, const nlohmann::json& ladders) {
  if (!ladders.is_object()) {
    return Status::invalid_input(
        "rules.escalation must be an object {\"*\" or clock name: [rungs]}");
  }
  std::vector<std::string> keys;
  for (const auto& [key, value] : ladders.items()) {
    keys.push_back(key);
  }
  std::stable_partition(keys.begin(), keys.end(), [](const std::string& k) { return k == "*"; });
  for (const auto& key : keys) {
    const std::string where = "rules.escalation." + key;
    auto rungs = read_ladder(ladders.at(key), where);
    if (!rungs.ok()) {
      return rungs.status();
    }
    if (rungs.value().empty()) {
      return Status::invalid_input(where + " must list at least one rung");
    }
    if (auto status = book.set_ladder(key, rungs.value()); !status.ok()) {
      return Status::invalid_input(where + ": " + status.message());
    }
  }
  return {};
}

}  // namespace

engine::Result<engine::RuleBook> rule_book_from_json(const nlohmann::json& document) {
  const auto packs = document.find("packs");
  if (!document.is_object() || packs == document.end() || !packs->is_array()) {
    return Status::invalid_input("rule packs: expected {\"packs\": [...]}");
  }
  engine::RuleBook book;
  std::map<std::string, std::vector<engine::ClockRule>> rules_by_pack;
  std::map<std::string, std::vector<engine::EscalationRung>> ladders_by_pack;
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
      const auto parent = rules_by_pack.find(*inherit);
      if (parent == rules_by_pack.end()) {
        return Status::invalid_input(where + ": inherits '" + *inherit +
                                     "', which no earlier pack is named");
      }
      pack.rules = parent->second;
      pack.escalation = ladders_by_pack[*inherit];
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
    rules_by_pack[pack.name] = pack.rules;
    ladders_by_pack[pack.name] = pack.escalation;
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

Status apply_rule_overrides(engine::RuleBook& book, const nlohmann::json& rules) {
  if (!rules.is_object()) {
    return Status::invalid_input("rules must be an object");
  }
  FieldReader r(rules);
  const bool count_event_day = r.optional_bool("count_event_day", false);
  if (r.error()) {
    return Status::invalid_input("rules: " + *r.error());
  }
  book.set_count_event_day(count_event_day);
  const auto anchor = r.optional_string("review_anchor").value_or("decision");
  const auto under_five = r.optional_int("under_five_review_months");
  if (r.error()) {
    return Status::invalid_input("rules: " + *r.error());
  }
  if (anchor != "decision" && anchor != "meeting") {
    return Status::invalid_input("rules.review_anchor must be decision or meeting, not '" + anchor +
                                 "'");
  }
  book.set_review_anchor(anchor == "meeting" ? engine::ReviewAnchor::kMeeting
                                             : engine::ReviewAnchor::kDecision);
  if (under_five) {
    if (*under_five < 3 || *under_five > 6) {
      return Status::invalid_input("rules.under_five_review_months must be 3 to 6, not " +
                                   std::to_string(*under_five));
    }
    engine::ClockRule early;
    early.clock = "early_review";
    early.counting = engine::Counting::kMonthsStartingWith;
    early.amount = *under_five;
    if (auto status = book.override_rule(early); !status.ok()) {
      return Status::internal("rules.under_five_review_months: " + status.message());
    }
    book.set_under_five_reviews(true);
  }
  if (const auto last = rules.find("last_year_group"); last != rules.end()) {
    if (!last->is_object()) {
      return Status::invalid_input("rules.last_year_group must be an object {phase: year group}");
    }
    for (const auto& [name, group] : last->items()) {
      const auto phase = engine::parse_phase(name);
      if (!phase) {
        return Status::invalid_input("rules.last_year_group: '" + name + "' is not a phase (" +
                                     engine::accepted_phase() + ")");
      }
      if (!group.is_number_integer() || group.get<int>() < -1 || group.get<int>() > 14) {
        return Status::invalid_input("rules.last_year_group." + name +
                                     " must be a year group from -1 (nursery) to 14");
      }
      book.set_last_year_group(*phase, group.get<int>());
    }
  }
  if (const auto ladders = rules.find("escalation"); ladders != rules.end()) {
    if (auto status = apply_ladder_overrides(book, *ladders); !status.ok()) {
      return status;
    }
  }
  const auto overrides = rules.find("overrides");
  if (overrides == rules.end()) {
    return {};
  }
  if (!overrides->is_array()) {
    return Status::invalid_input("rules.overrides must be an array");
  }
  for (std::size_t i = 0; i < overrides->size(); ++i) {
    const std::string where = "rules.overrides[" + std::to_string(i) + "]";
    const auto& item = (*overrides)[i];
    if (!item.is_object()) {
      return Status::invalid_input(where + " must be an object {clock, counting, amount}");
    }
    FieldReader o(item);
    engine::ClockRule rule;
    rule.clock = o.required_string("clock");
    rule.limb = o.optional_string("limb").value_or("");  // one limb of a clock with several
    rule.counting = o.required_enum("counting", engine::parse_counting, engine::accepted_counting);
    const auto amount = o.optional_int("amount");
    if (o.error()) {
      return Status::invalid_input(where + ": " + *o.error());
    }
    if (!amount || *amount < 0) {
      return Status::invalid_input(where + ": field 'amount' must be a whole number, 0 or more");
    }
    rule.amount = *amount;
    if (auto status = book.override_rule(rule); !status.ok()) {
      return Status::invalid_input(where + ": " + status.message());
    }
  }
  return {};
}

}  // namespace ehcp::adapters::config
