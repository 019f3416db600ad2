// adapters/config/sen2_pack.h
//
// The "sen2" section of the national rule pack (adapters/rule_packs/england.json): each
// collection year's census date and specification version, as the DfE publishes them (never
// computed), and the code lists events and the return use (cease reasons, placements, needs,
// request sources, assessment outcomes), each code with the DfE's value for the XML. Read once
// from the compiled-in pack; immutable afterwards, so safe to share across threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::adapters::config {

struct Sen2Code {
  std::string code;  // as events carry it ("SEMH", "special", "left_england")
  std::string dfe;   // as the return writes it
  std::string label;
  bool unverified = false;
};

struct Sen2CodeList {
  std::string source;
  std::vector<Sen2Code> codes;
  const Sen2Code* find(std::string_view code) const;
  // "a|b|c", for error messages.
  std::string accepted() const;
};

struct Sen2Year {
  int year = 0;
  engine::Date census;
  std::string version;  // "1.3"
};

struct Sen2Pack {
  std::vector<Sen2Year> years;
  std::string request_source_from;  // the first version with a request source, and the
                                    // annual-review draft and phase-transfer dates
  int other_share_percent = 10;     // "other" codes above this share of the cases warn
  int other_share_minimum = 20;     // ... once there are at least this many cases
  Sen2CodeList cease_reasons;
  Sen2CodeList placements;
  Sen2CodeList needs;
  Sen2CodeList request_sources;
  Sen2CodeList assessment_outcomes;

  const Sen2Year* year(int collection_year) const;
  // Whether `version` carries the v1.3 fields (request source, draft and transfer dates).
  bool has_v13_fields(const std::string& version) const;
};

// The pack read from `section` (the "sen2" object); errors name the list and entry.
engine::Result<Sen2Pack> sen2_pack_from_json(const std::string& section_json);

// The compiled-in pack. Aborts with a message if the shipped pack is malformed (a build error
// that the rule-pack tests catch first).
const Sen2Pack& national_sen2_pack();

// "1.10" > "1.9": versions compare by their numbers.
bool version_at_least(const std::string& version, const std::string& least);

}  // namespace ehcp::adapters::config
