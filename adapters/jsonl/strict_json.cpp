#include "adapters/jsonl/strict_json.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace ehcp::adapters::jsonl {
namespace {

using Json = nlohmann::json;
using DomParser = nlohmann::detail::json_sax_dom_parser<Json>;

// One object's keys: a short list (events have a dozen keys), a hash set past that, so that a
// hostile object of 100,000 keys is still checked in linear time.
class KeySet {
 public:
  // False when `key` is already there.
  bool insert(const std::string& key) {
    if (!many_.empty()) {
      return many_.insert(key).second;
    }
    for (const auto& k : few_) {
      if (k == key) {
        return false;
      }
    }
    few_.push_back(key);
    if (few_.size() > kFew) {
      many_.insert(few_.begin(), few_.end());
    }
    return true;
  }

 private:
  static constexpr std::size_t kFew = 16;
  std::vector<std::string> few_;
  std::unordered_set<std::string> many_;
};

// nlohmann's own DOM builder, with the checks in front of it. sax_parse is a template on the
// handler type, so these hide (not override) the base's members and cost no virtual call.
class StrictDomParser : public DomParser {
 public:
  explicit StrictDomParser(Json& result) : DomParser(result, true) {}

  bool start_object(std::size_t length) {
    if (!deeper()) {
      return false;
    }
    keys_.emplace_back();
    owners_.push_back(pending_key_);
    pending_key_.clear();
    return DomParser::start_object(length);
  }

  bool key(std::string& name) {
    if (!keys_.back().insert(name)) {
      problem_ = "repeated key '" + name + "'" +
                 (owners_.back().empty() ? std::string() : " in '" + owners_.back() + "'") +
                 ": each key may appear once in an object";
      return false;
    }
    pending_key_ = name;
    return DomParser::key(name);
  }

  bool end_object() {
    keys_.pop_back();
    owners_.pop_back();
    --depth_;
    return DomParser::end_object();
  }

  bool start_array(std::size_t length) {
    if (!deeper()) {
      return false;
    }
    pending_key_.clear();
    return DomParser::start_array(length);
  }

  bool end_array() {
    --depth_;
    return DomParser::end_array();
  }

  const std::string& problem() const { return problem_; }

 private:
  bool deeper() {
    if (++depth_ > kMaxDepth) {
      problem_ = "nested more than " + std::to_string(kMaxDepth) + " arrays or objects deep";
      return false;
    }
    return true;
  }

  std::size_t depth_ = 0;
  std::vector<KeySet> keys_;
  std::vector<std::string> owners_;  // the key each open object is the value of ("" if none)
  std::string pending_key_;
  std::string problem_;
};

}  // namespace

engine::Result<Json> parse_strict(std::string_view text) {
  Json result;
  StrictDomParser parser(result);
  try {
    if (!Json::sax_parse(text, &parser) || result.is_discarded()) {
      return engine::Status::invalid_input(parser.problem().empty() ? "malformed JSON"
                                                                    : parser.problem());
    }
  } catch (const Json::exception& error) {
    // A syntax error (parse_error), or a number too large for a double (out_of_range 406,
    // "number overflow parsing '2e308'", found by the fuzz target). nlohmann's message names
    // the byte or the number; drop its "[json.exception...]".
    std::string what = error.what();
    if (const auto pos = what.find("] "); pos != std::string::npos) {
      what = what.substr(pos + 2);
    }
    return engine::Status::invalid_input("malformed JSON: " + what);
  }
  return result;
}

}  // namespace ehcp::adapters::jsonl
