// adapters/render/queue_render.h
//
// How `ehcp queue` prints: a table for the morning (with, when several caseworkers are listed,
// the manager's counts by caseworker and stage), CSV for a spreadsheet, JSON for other systems.
// Takes values; writes nothing itself.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/report/work_queue.h"

namespace ehcp::adapters::render {

std::string queue_to_text(const report::WorkQueue& queue, bool names);
// The first `rows` items only, under the same heading (the whole queue's counts) and a line
// saying how many more there are: a glimpse of a queue, as `ehcp demo` shows one.
std::string queue_top_to_text(const report::WorkQueue& queue, bool names, std::size_t rows);
std::string queue_to_csv(const report::WorkQueue& queue, bool names);
nlohmann::ordered_json queue_to_json(const report::WorkQueue& queue);

}  // namespace ehcp::adapters::render
