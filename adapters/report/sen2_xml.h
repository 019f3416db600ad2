// adapters/report/sen2_xml.h
//
// Writes the SEN2 return as XML (docs/sen2.xsd) one person at a time, straight to a stream, so
// that a national caseload never has to be held in memory: the header, then each person as
// it comes, then the closing tags. Codes are written as the DfE's values from the rule pack.
// The field set follows the collection's specification version: from v1.3 the request
// source, the annual-review draft date and the phase-transfer due and final dates. One per
// return; not thread-safe.
#pragma once

#include <ostream>
#include <string>

#include "adapters/config/sen2_pack.h"
#include "adapters/report/sen2_person.h"

namespace ehcp::adapters::report {

struct Sen2Header {
  const config::Sen2Year* year = nullptr;
  std::string lea;      // the council's LA number, three digits
  std::string release;  // ehcp's version
};

class Sen2XmlWriter {
 public:
  Sen2XmlWriter(std::ostream& out, const config::Sen2Pack& pack, Sen2Header header);
  void person(const Sen2Person& p);
  void finish();

 private:
  void element(const char* name, const std::string& value);
  void date(const char* name, const std::optional<engine::Date>& value);
  std::string dfe(const config::Sen2CodeList& list, const std::string& code) const;

  std::ostream& out_;
  const config::Sen2Pack& pack_;
  Sen2Header header_;
  bool v13_ = false;
  std::string depth_;  // the indentation of the element being written
  std::string buffer_;
};

// `text` with &, <, >, " and ' escaped for XML.
std::string xml_escaped(const std::string& text);

}  // namespace ehcp::adapters::report
