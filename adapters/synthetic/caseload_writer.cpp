#include "adapters/synthetic/caseload_writer.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "adapters/synthetic/caseload_stream.h"

namespace ehcp::adapters::synthetic {

engine::Result<WrittenCaseload> write_caseload(const Caseload& caseload, std::ostream& out) {
  CaseloadStream stream(caseload);
  std::string line;
  while (stream.next(line) && out) {
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
  out.flush();
  if (!out) {
    return engine::Status::storage("writing the synthetic caseload", std::strerror(errno));
  }
  return WrittenCaseload{stream.events_written(), stream.cases_started()};
}

}  // namespace ehcp::adapters::synthetic
