#include "adapters/report/sen2_xml.h"

#include "adapters/render/detail/html_page.h"

namespace ehcp::adapters::report {

// The HTML pages' escaping: its five references (' as &#39;) are XML's too.
std::string xml_escaped(const std::string& text) { return render::detail::escape(text); }

Sen2XmlWriter::Sen2XmlWriter(std::ostream& out, const config::Sen2Pack& pack, Sen2Header header)
    : out_(out), pack_(pack), header_(std::move(header)) {
  v13_ = pack_.has_v13_fields(header_.year->version);
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       << "<Message>\n"
       << "  <Header>\n"
       << "    <CollectionDetails>\n"
       << "      <Collection>SEN2</Collection>\n"
       << "      <Year>" << header_.year->year << "</Year>\n"
       << "      <ReferenceDate>" << engine::format_date(header_.year->census)
       << "</ReferenceDate>\n"
       << "      <SpecVersion>" << xml_escaped(header_.year->version) << "</SpecVersion>\n"
       << "    </CollectionDetails>\n"
       << "    <Source>\n"
       << "      <SourceLevel>L</SourceLevel>\n"
       << "      <LEA>" << xml_escaped(header_.lea) << "</LEA>\n"
       << "      <SoftwareCode>ehcp</SoftwareCode>\n"
       << "      <Release>" << xml_escaped(header_.release) << "</Release>\n"
       << "      <SerialNo>1</SerialNo>\n"
       << "    </Source>\n"
       << "  </Header>\n"
       << "  <Persons>\n";
}

void Sen2XmlWriter::element(const char* name, const std::string& value) {
  buffer_ += depth_;
  buffer_ += '<';
  buffer_ += name;
  buffer_ += '>';
  buffer_ += xml_escaped(value);
  buffer_ += "</";
  buffer_ += name;
  buffer_ += ">\n";
}

void Sen2XmlWriter::date(const char* name, const std::optional<engine::Date>& value) {
  if (value) {
    element(name, engine::format_date(*value));
  }
}

std::string Sen2XmlWriter::dfe(const config::Sen2CodeList& list, const std::string& code) const {
  const auto* found = list.find(code);
  return found ? found->dfe : code;
}

void Sen2XmlWriter::person(const Sen2Person& p) {
  buffer_.clear();
  const auto open = [&](const char* name) {
    buffer_ += depth_ + "<" + name + ">\n";
    depth_ += "  ";
  };
  const auto close = [&](const char* name) {
    depth_.resize(depth_.size() - 2);
    buffer_ += depth_ + "</" + name + ">\n";
  };
  depth_ = "    ";
  open("Person");
  element("Surname", p.child.family_name);
  element("Forename", p.child.given_name);
  element("PersonBirthDate", engine::format_date(p.child.dob));
  if (p.child.gender) {
    element("Sex", *p.child.gender);
  }
  if (p.child.ethnicity) {
    element("Ethnicity", *p.child.ethnicity);
  }
  if (p.child.upn) {
    element("UPN", *p.child.upn);
  }
  element("CaseReference", p.case_ref);
  if (!p.requests.empty()) {
    open("Requests");
    for (const auto& r : p.requests) {
      open("Request");
      element("ReceivedDate", engine::format_date(r.received));
      if (v13_ && r.source) {
        element("RequestSource", dfe(pack_.request_sources, *r.source));
      }
      element("Reassessment", r.reassessment ? "1" : "0");
      open("Assessment");
      element("AssessmentOutcome", dfe(pack_.assessment_outcomes, r.outcome));
      date("AssessmentOutcomeDate", r.outcome_date);
      element("Week20", r.exception ? "1" : "0");
      if (r.plan_issued) {
        open("NamedPlan");
        element("StartDate", engine::format_date(*r.plan_issued));
        open("PlanDetail");
        element("Within20Weeks", r.within_20_weeks() ? "1" : "0");
        element("Disagreement", r.disagreement ? "1" : "0");
        close("PlanDetail");
        close("NamedPlan");
      }
      close("Assessment");
      close("Request");
    }
    close("Requests");
  }
  if (p.active) {
    const auto& plan = *p.active;
    open("ActivePlans");
    element("StartDate", engine::format_date(plan.start));
    date("LastReviewDate", plan.last_review);
    if (v13_) {
      date("ReviewDraftDate", plan.review_draft);
      date("PhaseTransferDueDate", plan.transfer_due);
      date("PhaseTransferFinalDate", plan.transfer_final);
    }
    if (p.setting) {
      open("PlacementDetail");
      if (p.setting->placement) {
        element("SENSetting", dfe(pack_.placements, *p.setting->placement));
      }
      element("SettingName", p.setting->name);
      close("PlacementDetail");
    }
    if (p.primary_need) {
      open("SENneed");
      element("SENtype", dfe(pack_.needs, *p.primary_need));
      element("SENtypeRank", "1");
      close("SENneed");
    }
    close("ActivePlans");
  }
  if (p.ceased) {
    open("CeasedPlan");
    element("StartDate", engine::format_date(p.ceased->start));
    date("CeaseDate", p.ceased->ended);
    if (p.ceased->cease_reason) {
      element("CeaseReason", dfe(pack_.cease_reasons, *p.ceased->cease_reason));
    }
    element("TransferredOut", p.ceased->transferred_out ? "1" : "0");
    close("CeasedPlan");
  }
  close("Person");
  out_ << buffer_;
}

void Sen2XmlWriter::finish() {
  out_ << "  </Persons>\n</Message>\n";
  out_.flush();
}

}  // namespace ehcp::adapters::report
