#include "workflows/corrections.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace ehcp::workflows {
namespace {

using engine::EventType;
using engine::RecordedEvent;

bool is_void(const RecordedEvent& r) { return r.event.type() == EventType::kEventVoided; }

// Finds what each void names and checks it may be voided. Indexes are into `events`.
class Resolver {
 public:
  explicit Resolver(const std::vector<RecordedEvent>& events)
      : events_(events), voided_by_(events.size()) {
    for (std::size_t i = 0; i < events.size(); ++i) {
      by_seq_.emplace(events[i].seq, i);
      if (events[i].event.id) {
        by_id_.emplace(*events[i].event.id, i);
      }
    }
  }

  // The index of the event the void at `v` takes out; nullopt, with rejection() set, when it
  // cannot be taken.
  std::optional<std::size_t> take(std::size_t v) {
    const RecordedEvent& correction = events_[v];
    const auto& body = std::get<engine::EventVoided>(correction.event.body);
    const auto found = find(body);
    if (!found) {
      const std::string named =
          body.seq ? "#" + std::to_string(*body.seq) : "with id '" + body.event.value_or("") + "'";
      return reject(v, "no event " + named + " in case '" + correction.event.case_ref + "'");
    }
    const std::size_t t = *found;
    const RecordedEvent& target = events_[t];
    if (target.seq >= correction.seq) {
      return reject(v, "names " + describe_event(target) +
                           ", recorded after it: a correction voids only what was recorded "
                           "before it");
    }
    if (const auto why = why_not_voidable(target.event.type())) {
      return reject(v, describe_event(target) + " " + *why);
    }
    if (const auto earlier = voided_by_[t]) {
      const RecordedEvent& first = events_[*earlier];
      return reject(v, describe_event(target) + " was already voided by #" +
                           std::to_string(first.seq) + " on " +
                           engine::format_date(first.event.on));
    }
    voided_by_[t] = v;
    return t;
  }

  const std::optional<std::size_t>& voided_by(std::size_t i) const { return voided_by_[i]; }
  std::optional<Rejection>& rejection() { return rejection_; }

 private:
  std::optional<std::size_t> find(const engine::EventVoided& body) const {
    if (body.seq) {
      const auto it = by_seq_.find(*body.seq);
      return it == by_seq_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
    const auto it = by_id_.find(body.event.value_or(""));
    return it == by_id_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }

  std::optional<std::size_t> reject(std::size_t v, const std::string& reason) {
    const RecordedEvent& correction = events_[v];
    rejection_ =
        Rejection{correction.seq,
                  "event_voided on " + engine::format_date(correction.event.on) + ": " + reason};
    return std::nullopt;
  }

  const std::vector<RecordedEvent>& events_;
  std::unordered_map<std::int64_t, std::size_t> by_seq_;
  std::unordered_map<std::string_view, std::size_t> by_id_;
  std::vector<std::optional<std::size_t>> voided_by_;
  std::optional<Rejection> rejection_;
};

}  // namespace

std::optional<std::string> why_not_voidable(EventType type) {
  if (type == EventType::kEventVoided) {
    // Un-voiding by voiding a void would make a history hard to read: the event comes again.
    return "is a correction, which cannot be voided: to undo it, record the event it voided "
           "again, under a new id";
  }
  if (type == EventType::kCaseOpened) {
    return "cannot be voided: close the case instead (case_closed), and open the right one "
           "under a new reference";
  }
  return std::nullopt;
}

std::string describe_event(const RecordedEvent& recorded) {
  return std::string(engine::to_string(recorded.event.type())) + " on " +
         engine::format_date(recorded.event.on) + " (#" + std::to_string(recorded.seq) + ")";
}

Corrected apply_corrections(std::vector<RecordedEvent> events) {
  Corrected out;
  if (std::none_of(events.begin(), events.end(), is_void)) {
    out.events = std::move(events);  // nearly every case: nothing to look up
    return out;
  }
  // Voids in arrival order, so "already voided" names the first of two.
  std::vector<std::size_t> voids;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (is_void(events[i])) {
      voids.push_back(i);
    }
  }
  std::sort(voids.begin(), voids.end(),
            [&](std::size_t a, std::size_t b) { return events[a].seq < events[b].seq; });
  Resolver resolver(events);
  for (const std::size_t v : voids) {
    const auto t = resolver.take(v);
    if (!t) {
      out.rejection = std::move(resolver.rejection());
      out.corrections.clear();
      std::erase_if(events, is_void);
      out.events = std::move(events);
      return out;
    }
    out.corrections.push_back({events[*t], events[v]});
  }
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (!is_void(events[i]) && !resolver.voided_by(i)) {
      out.events.push_back(std::move(events[i]));
    }
  }
  return out;
}

}  // namespace ehcp::workflows
