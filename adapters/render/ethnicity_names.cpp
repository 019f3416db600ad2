#include "adapters/render/ethnicity_names.h"

#include <array>
#include <utility>

namespace ehcp::adapters::render {
namespace {

// The DfE's main ethnicity codes (common basic data set), with the two codes for no answer.
constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kEthnicityNames{{
    {"WBRI", "White British"},
    {"WIRI", "White Irish"},
    {"WIRT", "Traveller of Irish heritage"},
    {"WROM", "Gypsy/Roma"},
    {"WOTH", "Any other White background"},
    {"MWBC", "White and Black Caribbean"},
    {"MWBA", "White and Black African"},
    {"MWAS", "White and Asian"},
    {"MOTH", "Any other mixed background"},
    {"AIND", "Indian"},
    {"APKN", "Pakistani"},
    {"ABAN", "Bangladeshi"},
    {"AOTH", "Any other Asian background"},
    {"BCRB", "Black Caribbean"},
    {"BAFR", "Black African"},
    {"BOTH", "Any other Black background"},
    {"CHNE", "Chinese"},
    {"OOTH", "Any other ethnic group"},
    {"REFU", "Refused"},
    {"NOBT", "Information not yet obtained"},
}};

}  // namespace

std::string ethnicity_name(std::string_view code) {
  for (const auto& [c, name] : kEthnicityNames) {
    if (c == code) {
      return std::string(name);
    }
  }
  return std::string(code);
}

}  // namespace ehcp::adapters::render
