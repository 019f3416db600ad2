#include "adapters/synthetic/caseload_writer.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "adapters/synthetic/caseload_stream.h"

namespace ehcp::adapters::synthetic {

engine::Result<WrittenCaseload> write_caseload(const Caseload& caseload, std::ostream& out,
                                               Progress* progress) {
  CaseloadStream stream(caseload);
  std::string line;
  std::uint64_t lines = 0;
  while (stream.next(line) && out) {
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    if (++lines % 4096 == 0) {
      report_progress(progress, "writing", "cases", stream.cases_started(),
                      caseload.options().cases);
    }
  }
  out.flush();
  if (!out) {
    return engine::Status::storage("writing the synthetic caseload", std::strerror(errno));
  }
  return WrittenCaseload{stream.events_written(), stream.cases_started()};
}

}  // namespace ehcp::adapters::synthetic
