// web/pages/event_form_html.h
//
// One event's form as HTML: its date and its fields, each with what was entered and its error,
// the case's own choices filled in (the advice it awaits), and the error summary linking to
// each problem. Shared by recording an event and by correcting one. Pure.
#pragma once

#include <string>
#include <vector>

#include "adapters/record/event_forms.h"
#include "adapters/record/form_line.h"
#include "web/form_html.h"
#include "workflows/case_view.h"

namespace ehcp::web::pages {

// The summary of `problems`, each linked to its field of `form`.
std::string form_error_summary(const adapters::record::EventForm& form,
                               const std::vector<form::Problem>& problems);

// The questions of `form` (the date first), filled with `values`.
std::string event_fields_html(const adapters::record::EventForm& form,
                              const adapters::record::FormValues& values,
                              const std::vector<form::Problem>& problems,
                              const workflows::CaseView& view);

// A fresh idempotency id for a form: saving it twice records its event once.
std::string new_event_id();

}  // namespace ehcp::web::pages
