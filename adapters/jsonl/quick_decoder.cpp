#include "adapters/jsonl/quick_decoder.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "adapters/jsonl/event_bodies.h"
#include "engine/event_validation.h"

namespace ehcp::adapters::jsonl {
namespace {

enum class Kind : std::uint8_t { kString, kNumber, kTrue, kFalse, kNull, kObject };

// One key and its value as they lie in the text: a string's bytes between its quotes (still
// escaped when `escaped`), a number's digits, or a nested object's members.
struct Member {
  std::string_view key;
  Kind kind = Kind::kNull;
  std::string_view text;
  bool escaped = false;
  std::uint16_t first = 0;  // a nested object's members: nested_[first, first + count)
  std::uint16_t count = 0;
  bool used = false;  // read by a body or the header; an unread one is an unknown key
};

// Events have a dozen keys, a child six: more is a shape this scanner leaves to the DOM.
constexpr std::size_t kMaxMembers = 32;

// Scans one JSON object, at most two deep, checking what nlohmann checks of what it accepts:
// the grammar, control characters and UTF-8 in strings, no repeated key, nothing after it.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool scan() {
    space();
    std::uint16_t count = 0;
    if (!object(top_.data(), top_count_, count, 1)) {
      return false;
    }
    space();
    return p_ == end_;
  }

  Member* top() { return top_.data(); }
  std::size_t top_count() const { return top_count_; }
  Member* nested(const Member& m) { return nested_.data() + m.first; }

  bool all_used() const {
    for (std::size_t i = 0; i < top_count_; ++i) {
      if (!top_[i].used) {
        return false;
      }
    }
    for (std::size_t i = 0; i < nested_count_; ++i) {
      if (!nested_[i].used) {
        return false;
      }
    }
    return true;
  }

 private:
  void space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) {
      ++p_;
    }
  }

  // An object at `depth` into `into` (from `used`), its member count in `count`.
  bool object(Member* into, std::size_t& used, std::uint16_t& count, int depth) {
    if (p_ == end_ || *p_ != '{') {
      return false;
    }
    ++p_;
    space();
    const std::size_t first = used;
    if (p_ != end_ && *p_ == '}') {
      ++p_;
      count = 0;
      return true;
    }
    while (true) {
      if (used == kMaxMembers || p_ == end_ || *p_ != '"') {
        return false;
      }
      Member& m = into[used];
      bool escaped = false;
      if (!string(m.key, escaped) || escaped) {
        return false;
      }
      for (std::size_t i = first; i < used; ++i) {
        if (into[i].key == m.key) {
          return false;  // repeated: the strict decoder's to refuse
        }
      }
      ++used;
      space();
      if (p_ == end_ || *p_ != ':') {
        return false;
      }
      ++p_;
      space();
      if (!value(m, depth)) {
        return false;
      }
      space();
      if (p_ == end_) {
        return false;
      }
      if (*p_ == '}') {
        ++p_;
        count = static_cast<std::uint16_t>(used - first);
        return true;
      }
      if (*p_ != ',') {
        return false;
      }
      ++p_;
      space();
    }
  }

  bool value(Member& m, int depth) {
    if (p_ == end_) {
      return false;
    }
    switch (*p_) {
      case '"':
        m.kind = Kind::kString;
        return string(m.text, m.escaped);
      case '{': {
        if (depth >= 2) {
          return false;
        }
        m.kind = Kind::kObject;
        m.first = static_cast<std::uint16_t>(nested_count_);
        return object(nested_.data(), nested_count_, m.count, depth + 1);
      }
      case 't':
        m.kind = Kind::kTrue;
        return literal("true");
      case 'f':
        m.kind = Kind::kFalse;
        return literal("false");
      case 'n':
        m.kind = Kind::kNull;
        return literal("null");
      default:
        m.kind = Kind::kNumber;
        return number(m.text);
    }
  }

  bool literal(const char* word) {
    const std::size_t n = std::strlen(word);
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) {
      return false;
    }
    p_ += n;
    return true;
  }

  // A whole number of at most 18 digits (so any fits an int64), no "-0", no fraction or
  // exponent: anything else is the DOM's to judge.
  bool number(std::string_view& out) {
    const char* start = p_;
    if (p_ != end_ && *p_ == '-') {
      ++p_;
    }
    const char* digits = p_;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
      ++p_;
    }
    const auto n = p_ - digits;
    if (n == 0 || n > 18 || (digits[0] == '0' && (n > 1 || digits != start))) {
      return false;
    }
    if (p_ != end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) {
      return false;
    }
    out = std::string_view(start, static_cast<std::size_t>(p_ - start));
    return true;
  }

  // A string's bytes between its quotes. The escapes of one character are understood; \u is
  // left to the DOM. Bytes from 0x80 must be UTF-8 as RFC 3629 (and nlohmann's lexer) has it.
  bool string(std::string_view& out, bool& escaped) {
    ++p_;
    const char* start = p_;
    escaped = false;
    while (p_ != end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out = std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (c < 0x20) {
        return false;
      }
      if (c == '\\') {
        if (++p_ == end_ || std::strchr("\"\\/bfnrt", *p_) == nullptr || *p_ == '\0') {
          return false;
        }
        escaped = true;
        ++p_;
        continue;
      }
      if (c < 0x80) {
        ++p_;
        continue;
      }
      if (!utf8()) {
        return false;
      }
    }
    return false;
  }

  bool utf8() {
    const auto at = [&](std::ptrdiff_t i) {
      return p_ + i < end_ ? static_cast<unsigned char>(p_[i]) : 0u;
    };
    const auto tail = [](unsigned char b) { return b >= 0x80 && b <= 0xBF; };
    const unsigned c = at(0);
    std::ptrdiff_t n = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;  // the second byte's range
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c == 0xE0) {
      n = 3, lo = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      n = 3;
    } else if (c == 0xED) {
      n = 3, hi = 0x9F;
    } else if (c == 0xF0) {
      n = 4, lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
      n = 4;
    } else if (c == 0xF4) {
      n = 4, hi = 0x8F;
    } else {
      return false;
    }
    if (at(1) < lo || at(1) > hi) {
      return false;
    }
    for (std::ptrdiff_t i = 2; i < n; ++i) {
      if (!tail(static_cast<unsigned char>(at(i)))) {
        return false;
      }
    }
    p_ += n;
    return true;
  }

  const char* p_;
  const char* end_;
  std::array<Member, kMaxMembers> top_;
  std::array<Member, kMaxMembers> nested_;
  std::size_t top_count_ = 0;
  std::size_t nested_count_ = 0;
};

std::string unescaped(const Member& m) {
  if (!m.escaped) {
    return std::string(m.text);
  }
  std::string out;
  out.reserve(m.text.size());
  for (std::size_t i = 0; i < m.text.size(); ++i) {
    char c = m.text[i];
    if (c == '\\') {
      switch (m.text[++i]) {
        case 'b':
          c = '\b';
          break;
        case 'f':
          c = '\f';
          break;
        case 'n':
          c = '\n';
          break;
        case 'r':
          c = '\r';
          break;
        case 't':
          c = '\t';
          break;
        default:
          c = m.text[i];
          break;  // " \ /
      }
    }
    out.push_back(c);
  }
  return out;
}

std::int64_t whole(std::string_view text) {
  const bool negative = !text.empty() && text[0] == '-';
  std::int64_t n = 0;
  for (std::size_t i = negative ? 1 : 0; i < text.size(); ++i) {
    n = n * 10 + (text[i] - '0');
  }
  return negative ? -n : n;
}

// FieldReader's members over the scanned members of one object. A problem of any kind only
// marks the reader failed: the strict decoder words it, when it is one.
class QuickReader {
 public:
  QuickReader(Scanner& scanner, Member* members, std::size_t count)
      : scanner_(scanner), members_(members), count_(count) {}

  std::string required_string(const char* name) {
    const Member* m = find(name);
    if (m == nullptr || m->kind != Kind::kString) {
      failed_ = true;
      return {};
    }
    return unescaped(*m);
  }
  std::optional<std::string> optional_string(const char* name) {
    if (find(name) == nullptr) {
      return std::nullopt;
    }
    return required_string(name);
  }
  engine::Date required_date(const char* name) {
    const Member* m = find(name);
    if (m == nullptr || m->kind != Kind::kString) {
      failed_ = true;
      return {};
    }
    if (auto d = m->escaped ? engine::parse_date(unescaped(*m)) : engine::parse_date(m->text)) {
      return *d;
    }
    failed_ = true;
    return {};
  }
  std::optional<engine::Date> optional_date(const char* name) {
    if (find(name) == nullptr) {
      return std::nullopt;
    }
    return required_date(name);
  }
  std::optional<int> optional_int(const char* name) {
    const auto n = optional_int64(name);
    constexpr std::int64_t kLimit = 1000;  // as FieldReader::optional_int
    if (!n || *n < -kLimit || *n > kLimit) {
      failed_ = failed_ || n.has_value();
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }
  std::optional<std::int64_t> optional_int64(const char* name) {
    const Member* m = find(name);
    if (m == nullptr) {
      return std::nullopt;
    }
    if (m->kind != Kind::kNumber) {
      failed_ = true;
      return std::nullopt;
    }
    return whole(m->text);
  }
  bool optional_bool(const char* name, bool absent_value) {
    const Member* m = find(name);
    if (m == nullptr) {
      return absent_value;
    }
    if (m->kind != Kind::kTrue && m->kind != Kind::kFalse) {
      failed_ = true;
      return absent_value;
    }
    return m->kind == Kind::kTrue;
  }
  engine::Setting required_setting(const char* name) {
    const Member* m = object(name);
    engine::Setting setting;
    if (m == nullptr) {
      return setting;
    }
    QuickReader nested(scanner_, scanner_.nested(*m), m->count);
    setting = bodies::setting_fields(nested);
    failed_ = failed_ || nested.failed_;
    return setting;
  }
  std::optional<engine::Setting> optional_setting(const char* name) {
    if (find(name) == nullptr) {
      return std::nullopt;
    }
    return required_setting(name);
  }
  engine::Child required_child(const char* name) {
    const Member* m = object(name);
    engine::Child child;
    if (m == nullptr) {
      return child;
    }
    QuickReader nested(scanner_, scanner_.nested(*m), m->count);
    child = bodies::child_fields(nested);
    failed_ = failed_ || nested.failed_;
    return child;
  }
  std::optional<std::string> optional_code(const char* name, const config::Sen2CodeList& codes) {
    auto text = optional_string(name);
    if (text && codes.find(*text) == nullptr) {
      failed_ = true;
      return std::nullopt;
    }
    return text;
  }

  template <typename Parse, typename Accepted>
  auto required_enum(const char* name, Parse parse, Accepted)
      -> std::remove_reference_t<decltype(*parse(std::string_view{}))> {
    using E = std::remove_reference_t<decltype(*parse(std::string_view{}))>;
    const Member* m = find(name);
    if (m != nullptr && m->kind == Kind::kString && !m->escaped) {
      if (auto value = parse(m->text)) {
        return *value;
      }
    }
    failed_ = true;  // an escaped name too: no enum name has a character to escape
    return E{};
  }
  template <typename Parse, typename Accepted>
  auto optional_enum(const char* name, Parse parse, Accepted accepted)
      -> std::optional<std::remove_reference_t<decltype(*parse(std::string_view{}))>> {
    if (find(name) == nullptr) {
      return std::nullopt;
    }
    return required_enum(name, parse, accepted);
  }

  bool failed() const { return failed_; }

 private:
  // The member named `name`, marked read; nullptr when absent or null (as FieldReader::find).
  const Member* find(const char* name) {
    const std::string_view wanted(name);
    for (std::size_t i = 0; i < count_; ++i) {
      if (members_[i].key == wanted) {
        members_[i].used = true;
        return members_[i].kind == Kind::kNull ? nullptr : &members_[i];
      }
    }
    return nullptr;
  }
  const Member* object(const char* name) {
    const Member* m = find(name);
    if (m == nullptr || m->kind != Kind::kObject) {
      failed_ = true;
      return nullptr;
    }
    return m;
  }

  Scanner& scanner_;
  Member* members_;
  std::size_t count_;
  bool failed_ = false;
};

}  // namespace

std::optional<engine::Event> quick_decode(std::string_view payload) {
  Scanner scanner(payload);
  if (!scanner.scan()) {
    return std::nullopt;
  }
  QuickReader reader(scanner, scanner.top(), scanner.top_count());
  const std::string type_name = reader.required_string("type");
  const auto type = engine::parse_event_type(type_name);
  if (reader.failed() || !type) {
    return std::nullopt;
  }
  engine::Event event;
  event.case_ref = reader.required_string("case");
  event.on = reader.required_date("on");
  event.id = reader.optional_string("id");
  event.by = reader.optional_string("by");
  event.body = kEventBodies<QuickReader>[static_cast<std::size_t>(*type)](reader);
  if (reader.failed() || !scanner.all_used() || event.type() != *type ||
      engine::event_problem(event)) {
    return std::nullopt;
  }
  return event;
}

}  // namespace ehcp::adapters::jsonl
