#include "adapters/import/parsed_line_stream.h"

#include "adapters/jsonl/event_decoder.h"

namespace ehcp::adapters {

ParsedLine parse_event_line(std::size_t number, std::string text) {
  ParsedLine parsed;
  parsed.number = number;
  parsed.text = std::move(text);
  if (parsed.text.find_first_not_of(" \t") == std::string::npos) {
    return parsed;
  }
  auto object = jsonl::parse_line(parsed.text);
  if (!object.ok()) {
    parsed.error = object.status().message();
    return parsed;
  }
  auto event = jsonl::decode_event(object.value());
  if (!event.ok()) {
    parsed.error = event.status().message();
    return parsed;
  }
  parsed.event = std::move(event).value();
  return parsed;
}

ParsedLineStream::ParsedLineStream(std::istream& input)
    : input_(input), reader_([this] { produce(); }) {}

ParsedLineStream::~ParsedLineStream() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  reader_.join();
}

void ParsedLineStream::produce() {
  try {
    std::size_t number = 0;
    std::string text;
    bool more = true;
    while (more) {
      std::vector<ParsedLine> batch;
      batch.reserve(kBatchLines);
      while (batch.size() < kBatchLines && (more = static_cast<bool>(std::getline(input_, text)))) {
        ++number;
        if (!text.empty() && text.back() == '\r') {
          text.pop_back();  // CRLF files from Windows tools
        }
        if (number == 1 && text.starts_with("\xEF\xBB\xBF")) {
          text.erase(0, 3);  // a UTF-8 byte-order mark
        }
        batch.push_back(parse_event_line(number, std::move(text)));
        text.clear();
      }
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return queue_.size() < kMaxQueuedBatches || stopping_; });
      if (stopping_) {
        return;
      }
      if (!batch.empty()) {
        queue_.push_back(std::move(batch));
      }
      lock.unlock();
      changed_.notify_all();
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    failure_ = std::current_exception();
  }
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  changed_.notify_all();
}

bool ParsedLineStream::next(std::vector<ParsedLine>& batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !queue_.empty() || done_; });
  if (!queue_.empty()) {
    batch = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    changed_.notify_all();
    return true;
  }
  if (failure_) {
    std::rethrow_exception(failure_);
  }
  return false;
}

}  // namespace ehcp::adapters
