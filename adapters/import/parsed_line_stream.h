// adapters/import/parsed_line_stream.h
//
// Reads JSON Lines from a stream and parses each line into an event on a background thread,
// handing the results over in order, in bounded batches. Import is CPU-bound in two halves,
// JSON parsing and SQLite, so on a two-core machine the halves overlap. Memory stays bounded:
// at most kMaxQueuedBatches batches wait. One consumer; the stream must outlive this object.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <istream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/event.h"

namespace ehcp::adapters {

// One line of input: blank (no event, no error), rejected (error), or an event.
struct ParsedLine {
  std::size_t number = 0;
  std::string text;  // as received, without a CR line ending or a leading byte-order mark
  std::optional<engine::Event> event;
  std::string error;  // why the line is rejected, when it is
};

class ParsedLineStream {
 public:
  static constexpr std::size_t kBatchLines = 2048;
  static constexpr std::size_t kMaxQueuedBatches = 8;

  explicit ParsedLineStream(std::istream& input);
  ~ParsedLineStream();
  ParsedLineStream(const ParsedLineStream&) = delete;
  ParsedLineStream& operator=(const ParsedLineStream&) = delete;

  // The next batch, in input order; false once the input is exhausted. Rethrows anything the
  // reading thread threw (such as bad_alloc).
  bool next(std::vector<ParsedLine>& batch);

 private:
  void produce();

  std::istream& input_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<ParsedLine>> queue_;
  bool done_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread reader_;
};

// Parses one line's text (already stripped) into a ParsedLine: JSON, then the event's fields.
ParsedLine parse_event_line(std::size_t number, std::string text);

}  // namespace ehcp::adapters
