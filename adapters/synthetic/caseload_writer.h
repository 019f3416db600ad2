// adapters/synthetic/caseload_writer.h
//
// Writes a synthetic caseload as JSON Lines, one event a line, as it is made: memory stays the
// same whatever the number of cases (caseload_stream.h). What `ehcp generate` and `ehcp demo`
// both write.
#pragma once

#include <cstdint>
#include <ostream>

#include "adapters/progress.h"
#include "adapters/synthetic/caseload.h"
#include "engine/status.h"

namespace ehcp::adapters::synthetic {

struct WrittenCaseload {
  std::uint64_t events = 0;
  std::uint64_t cases = 0;
};

// Writes every case of `caseload` to `out` and flushes it; a storage error if the stream fails
// (a full disk), with what was written so far left in place. `progress`, when set, is told the
// cases written ("writing").
engine::Result<WrittenCaseload> write_caseload(const Caseload& caseload, std::ostream& out,
                                               Progress* progress = nullptr);

}  // namespace ehcp::adapters::synthetic
