#include "adapters/config/config_reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

namespace ehcp::adapters::config {
namespace {

constexpr std::size_t kShownLength = 80;  // longer values are cut in messages
constexpr std::size_t kMaxDomainLength = 253;
constexpr std::size_t kMaxLabelLength = 63;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    out += (out.empty() ? "" : ", ") + n;
  }
  return out;
}

bool is_label(std::string_view label) {
  const auto ok = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; };
  return !label.empty() && label.size() <= kMaxLabelLength && label.front() != '-' &&
         label.back() != '-' && std::all_of(label.begin(), label.end(), ok);
}

}  // namespace

void Problems::add(const std::string& path, const std::string& what) {
  list_.push_back(path + ": " + what);
}

engine::Status Problems::status() const {
  if (list_.empty()) {
    return {};
  }
  std::string message;
  for (const auto& p : list_) {
    message += (message.empty() ? "" : "\n") + p;
  }
  return engine::Status::invalid_input(message);
}

std::string key_path(const std::string& path, std::string_view key) {
  // A key with a line break in it would break the one-problem-a-line listing: quote it.
  const std::string shown_key =
      has_control_character(key) ? nlohmann::json(std::string(key)).dump() : std::string(key);
  return path.empty() ? shown_key : path + "." + shown_key;
}

std::string index_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string shown(const nlohmann::json& value) {
  if (value.is_array()) {
    return "an array";
  }
  if (value.is_object()) {
    return "an object";
  }
  std::string text = value.dump();
  if (text.size() > kShownLength) {
    text = text.substr(0, kShownLength) + "...";
  }
  return text;
}

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

bool is_domain(std::string_view text) {
  if (text.empty() || text.size() > kMaxDomainLength) {
    return false;
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    if (!is_label(text.substr(start, dot == std::string_view::npos ? dot : dot - start))) {
      return false;
    }
    if (dot == std::string_view::npos) {
      return true;
    }
    start = dot + 1;
  }
}

bool is_address(std::string_view text) {
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0) {
    return false;
  }
  const std::string_view local = text.substr(0, at);
  const auto atext = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           (c != '\0' && std::strchr("!#$%&'*+-/=?^_`{|}~.", c) != nullptr);
  };
  return std::all_of(local.begin(), local.end(), atext) && local.front() != '.' &&
         local.back() != '.' && local.find("..") == std::string_view::npos &&
         is_domain(text.substr(at + 1));
}

std::optional<std::string> text_at(const nlohmann::json& value, const std::string& path,
                                   Problems& problems) {
  if (!value.is_string()) {
    problems.add(path, "must be a string, not " + shown(value));
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (has_control_character(text)) {
    problems.add(path,
                 "must not hold a control character (a line break, a tab), not " + shown(value));
    return std::nullopt;
  }
  return text;
}

ConfigObject::ConfigObject(const nlohmann::json& value, std::string path, Problems& problems,
                           std::string_view shape)
    : path_(std::move(path)), problems_(problems) {
  if (value.is_object()) {
    object_ = &value;
    return;
  }
  problems_.add(path_.empty() ? "the configuration" : path_,
                "must be an object" + (shape.empty() ? "" : " " + std::string(shape)) + ", not " +
                    shown(value));
}

ConfigObject::ConfigObject(const nlohmann::json& value, std::string path,
                           std::vector<std::string> known, Problems& problems,
                           std::string_view shape)
    : ConfigObject(value, std::move(path), problems, shape) {
  if (object_ == nullptr) {
    return;
  }
  for (const auto& [key, field] : value.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) {
      continue;
    }
    if (const auto near = nearest(key, known)) {
      problems_.add(path_of(key), "unknown key; did you mean " + path_of(*near) + "?");
    } else {
      problems_.add(path_of(key), "unknown key (" + (path_.empty() ? "the configuration" : path_) +
                                      " takes " + joined(known) + ")");
    }
  }
}

const nlohmann::json* ConfigObject::find(std::string_view key, Need need) const {
  if (object_ != nullptr) {
    const auto it = object_->find(key);
    if (it != object_->end() && !it->is_null()) {
      return &*it;
    }
  }
  if (need == Need::kRequired && object_ != nullptr) {
    problems_.add(path_of(key), "missing");
  }
  return nullptr;
}

std::optional<std::string> ConfigObject::text(std::string_view key, Need need) const {
  const auto* value = find(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  return text_at(*value, path_of(key), problems_);
}

std::optional<std::string> ConfigObject::name(std::string_view key, Need need) const {
  auto value = text(key, need);
  if (value && value->empty()) {
    problems_.add(path_of(key), "must not be empty");
    return std::nullopt;
  }
  return value;
}

std::optional<engine::Date> ConfigObject::date(std::string_view key, Need need) const {
  const auto* value = find(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (value->is_string()) {
    const auto& text = value->get_ref<const std::string&>();
    if (auto d = engine::parse_date(text)) {
      return d;
    }
    // Tell an impossible day (2026-02-30) from text that is not a date at all.
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
      problems_.add(path_of(key), "impossible date " + text);
      return std::nullopt;
    }
  }
  problems_.add(path_of(key), "must be a date YYYY-MM-DD, not " + shown(*value));
  return std::nullopt;
}

std::optional<std::int64_t> ConfigObject::whole(std::string_view key, std::int64_t min,
                                                std::int64_t max, Need need) const {
  const auto* value = find(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  std::optional<std::int64_t> n;
  if (value->is_number_unsigned()) {
    // Beyond int64 perhaps: compared as unsigned before any cast.
    const auto u = value->get<std::uint64_t>();
    if (max >= 0 && u <= static_cast<std::uint64_t>(max)) {
      n = static_cast<std::int64_t>(u);
    }
  } else if (value->is_number_integer()) {
    n = value->get<std::int64_t>();
  }
  const bool in_range = n && *n >= min && *n <= max;
  if (!in_range) {
    problems_.add(path_of(key), "must be a whole number from " + std::to_string(min) + " to " +
                                    std::to_string(max) + ", not " + shown(*value));
    return std::nullopt;
  }
  return n;
}

std::optional<double> ConfigObject::number(std::string_view key, double min, double max,
                                           Need need) const {
  const auto* value = find(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  const auto format = [](double x) {
    std::string s = nlohmann::json(x).dump();
    if (s.size() > 2 && s.ends_with(".0")) {
      s.resize(s.size() - 2);
    }
    return s;
  };
  if (!value->is_number() || !std::isfinite(value->get<double>()) || value->get<double>() < min ||
      value->get<double>() > max) {
    problems_.add(path_of(key), "must be a number from " + format(min) + " to " + format(max) +
                                    ", not " + shown(*value));
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<bool> ConfigObject::flag(std::string_view key) const {
  const auto* value = find(key);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_boolean()) {
    problems_.add(path_of(key), "must be true or false, not " + shown(*value));
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::string> ConfigObject::address(std::string_view key, Need need) const {
  const auto* value = find(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_string() || !is_address(value->get_ref<const std::string&>())) {
    problems_.add(path_of(key),
                  "must be an e-mail address local@domain (no spaces or control characters), "
                  "not " +
                      shown(*value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::string> ConfigObject::domain(std::string_view key, Need need) const {
  const auto* value = find(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_string() || !is_domain(value->get_ref<const std::string&>())) {
    problems_.add(path_of(key),
                  "must be a mail domain of letters, digits, '-' and dots (council.gov.uk), "
                  "not " +
                      shown(*value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

const nlohmann::json* ConfigObject::array(std::string_view key, Need need) const {
  const auto* value = find(key, need);
  if (value != nullptr && !value->is_array()) {
    problems_.add(path_of(key), "must be an array, not " + shown(*value));
    return nullptr;
  }
  return value;
}

const nlohmann::json* ConfigObject::object(std::string_view key, std::string_view shape,
                                           Need need) const {
  const auto* value = find(key, need);
  if (value != nullptr && !value->is_object()) {
    problems_.add(path_of(key), "must be an object" +
                                    (shape.empty() ? "" : " " + std::string(shape)) + ", not " +
                                    shown(*value));
    return nullptr;
  }
  return value;
}

}  // namespace ehcp::adapters::config
