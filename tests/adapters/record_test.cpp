// tests for adapters/record/: a filled form becomes the line the importer takes and is refused
// for the importer's own reasons; what a case is offered, and what a refused event needed first,
// come from the machines; saving checks the case's version and records a form sent twice once;
// the changes to the clocks after a save.
#include <sstream>

#include <catch2/catch.hpp>

#include "adapters/config/la_config.h"
#include "adapters/import/importer.h"
#include "adapters/jsonl/event_decoder.h"
#include "adapters/record/clock_changes.h"
#include "adapters/record/event_forms.h"
#include "adapters/record/form_line.h"
#include "adapters/record/offered_events.h"
#include "adapters/record/recorder.h"
#include "adapters/sqlite/event_store.h"
#include "workflows/case_as_of.h"

using namespace ehcp;
using adapters::record::FormValues;
using adapters::sqlite::Database;

namespace {

const engine::Date kToday = engine::make_date(2026, 11, 25);

const adapters::config::LaConfig& config() {
  static const auto loaded = adapters::config::default_la_config();
  REQUIRE(loaded.ok());
  return loaded.value();
}

adapters::ImportOptions options() {
  return {kToday, "2026-11-25T09:00:00Z", config().rules, config().calendar, nullptr, std::nullopt};
}

std::unique_ptr<Database> fresh_db() {
  auto db = Database::open(":memory:", Database::Mode::kCreate);
  REQUIRE(db.ok());
  REQUIRE(db.value()->migrate().ok());
  return std::move(db).value();
}

adapters::ImportReport import_text(Database& db, const std::string& text) {
  std::istringstream in(text);
  auto report = adapters::import_events(db, in, options());
  REQUIRE(report.ok());
  return std::move(report).value();
}

// R-1: opened 20 Feb 2026, a request received Mon 2 Mar 2026 and a decision to assess on 10 Apr.
const char* kHistory =
    R"({"case":"R-1","type":"case_opened","on":"2026-02-20","child":{"given_name":"Rowan","family_name":"Example","dob":"2018-05-04"},"caseworker":"Priya Shah","team":"South"}
{"case":"R-1","type":"assessment_requested","on":"2026-03-02","source":"parent"}
{"case":"R-1","type":"assessment_decision","on":"2026-04-10","outcome":"assess"}
)";

std::vector<engine::RecordedEvent> history(Database& db) {
  auto events = adapters::sqlite::EventStore(db.sql()).load_case("R-1");
  REQUIRE(events.ok());
  return std::move(events).value();
}

const adapters::record::EventForm& form(const char* type) {
  const auto* f = adapters::record::form_named(type);
  REQUIRE(f != nullptr);
  return *f;
}

}  // namespace

TEST_CASE(
    "a filled form is the line it stands for: dates put together, blanks left out, objects nested",
    "[record]") {
  const FormValues values = {{"on-day", "3"},
                             {"on-month", "12"},
                             {"on-year", "2026"},
                             {"names_setting.name", "  Oak Lane Primary "},
                             {"names_setting.phase", ""}};
  const auto line = adapters::record::form_line(form("final_plan_issued"), values,
                                                {"R-1", "Priya Shah", "web-1"});
  CHECK(line == nlohmann::json::parse(
                    R"({"case":"R-1","type":"final_plan_issued","on":"2026-12-03","id":"web-1",
                        "by":"Priya Shah","names_setting":{"name":"Oak Lane Primary"}})"));
  // And back: the values a correction's form shows for the event as recorded.
  const auto shown = adapters::record::values_of(form("final_plan_issued"), line);
  CHECK(shown.at("on-day") == "3");
  CHECK(shown.at("on-month") == "12");
  CHECK(shown.at("names_setting.name") == "Oak Lane Primary");
  // A ticked box is true; a date typed as words is passed on as typed, for the importer to refuse.
  const auto ticked = adapters::record::form_line(form("family_response"),
                                                  {{"on-day", "x"},
                                                   {"on-month", "1"},
                                                   {"on-year", "2026"},
                                                   {"no_further_representations", "true"}},
                                                  {"R-1", "", ""});
  CHECK(ticked.at("on") == "2026-01-x");
  CHECK(ticked.at("no_further_representations") == true);
  CHECK(!ticked.contains("by"));
}

TEST_CASE("a form is refused for exactly the importer's reason for the same line", "[record]") {
  auto db = fresh_db();
  REQUIRE(import_text(*db, kHistory).accepted());
  const auto version = adapters::sqlite::EventStore(db->sql()).last_seq("R-1");
  struct Bad {
    const char* type;
    FormValues values;
    const char* field;  // the field the form's error belongs to ("" for the event as a whole)
    const char* words;  // what the form says
  };
  const std::vector<Bad> bad = {
      {"issue_decision",
       {{"on-day", "30"}, {"on-month", "2"}, {"on-year", "2026"}, {"outcome", "issue"}},
       "on",
       "Date of the decision must be a real date"},
      {"issue_decision",
       {{"on-day", "1"}, {"on-month", "6"}, {"on-year", "2026"}},
       "outcome",
       "Select an answer: What was decided?"},
      {"advice_received",
       {{"on-day", "1"}, {"on-month", "6"}, {"on-year", "2026"}},
       "advice",
       "Select an answer: Which advice arrived?"},
      {"advice_requested",
       {{"on-month", "6"}, {"on-year", "2026"}, {"advice", "ep"}, {"service", "psychic"}},
       "on",
       "Date the adviser received the request must be a real date"},
      {"draft_plan_issued", {}, "on", "Enter the date the draft was sent"},
      {"draft_plan_issued",
       {{"on-day", "5"}, {"on-month", "6"}, {"on-year", "2026"}},
       "",
       "Cannot be taken while the assessment is at the stage: gathering advice"},
      {"issue_decision",
       {{"on-day", "1"}, {"on-month", "12"}, {"on-year", "2026"}, {"outcome", "issue"}},
       "",
       "after"},
  };
  for (const auto& b : bad) {
    INFO(b.type << " " << b.words);
    const auto line =
        adapters::record::form_line(form(b.type), b.values, {"R-1", "Priya Shah", ""});
    const auto by_file = import_text(*db, line.dump() + "\n");
    REQUIRE(by_file.errors.size() == 1);
    auto by_form = adapters::record::record_lines(*db, {"R-1", version, {line}}, options());
    REQUIRE(by_form.ok());
    REQUIRE(by_form.value().errors.size() == 1);
    CHECK(by_form.value().errors[0].reason == by_file.errors[0].reason);
    CHECK(!by_form.value().saved());
    const auto error =
        adapters::record::form_error(form(b.type), "R-1", by_form.value().errors[0].reason);
    CHECK(error.field == b.field);
    CHECK_THAT(error.message, Catch::Contains(b.words));
  }
  CHECK(adapters::sqlite::EventStore(db->sql()).last_seq("R-1") == version);  // nothing saved
}

TEST_CASE(
    "a case is offered the events its machines can take now, and told what a refused one needed",
    "[record]") {
  auto db = fresh_db();
  REQUIRE(import_text(*db, kHistory).accepted());
  auto titles = [&](const std::vector<engine::RecordedEvent>& events) {
    std::vector<std::string> out;
    for (const auto* f :
         adapters::record::offered_forms({events, config().rules, config().calendar}, kToday)) {
      out.push_back(f->title());
    }
    return out;
  };
  auto offered = titles(history(*db));
  CHECK_THAT(offered, Catch::VectorContains(std::string("Advice requested")));
  CHECK_THAT(offered, Catch::VectorContains(std::string("Decision whether to issue a plan")));
  CHECK_FALSE(std::count(offered.begin(), offered.end(), "Advice received"));
  CHECK_FALSE(std::count(offered.begin(), offered.end(), "Request for an assessment"));
  CHECK_FALSE(std::count(offered.begin(), offered.end(), "Review meeting held"));
  REQUIRE(
      import_text(
          *db,
          R"({"case":"R-1","type":"advice_requested","on":"2026-04-14","advice":"ep","service":"educational_psychology"})"
          "\n")
          .accepted());
  const auto events = history(*db);
  CHECK_THAT(titles(events), Catch::VectorContains(std::string("Advice received")));
  // The advice the case awaits is the form's choice.
  const auto view =
      workflows::case_as_of(events, config().rules, config().calendar, std::nullopt).view;
  const auto awaited =
      adapters::record::case_choices(view, adapters::record::CaseChoices::kAwaitedAdvice);
  REQUIRE(awaited.size() == 1);
  CHECK(awaited[0].value == "ep");
  CHECK(awaited[0].words == "Educational psychology (ep)");
  // A draft plan while advice is gathered needs the decision to issue one first.
  const engine::Event draft{"R-1", engine::make_date(2026, 6, 5), std::nullopt, std::nullopt,
                            engine::DraftPlanIssued{}};
  const auto* first =
      adapters::record::needed_first({events, config().rules, config().calendar}, draft);
  REQUIRE(first != nullptr);
  CHECK(first->type == engine::EventType::kIssueDecision);
}

TEST_CASE(
    "a save over an event recorded since the form was shown is refused with that event; a form "
    "sent twice is saved once",
    "[record]") {
  auto db = fresh_db();
  REQUIRE(import_text(*db, kHistory).accepted());
  const auto version = adapters::sqlite::EventStore(db->sql()).last_seq("R-1");
  const auto line = [](const char* id, const char* on) {
    return nlohmann::json{
        {"case", "R-1"}, {"type", "advice_requested"},       {"on", on},
        {"id", id},      {"advice", std::string("a-") + id}, {"service", "health"}};
  };
  auto first = adapters::record::record_lines(*db, {"R-1", version, {line("web-a", "2026-04-14")}},
                                              options());
  REQUIRE(first.ok());
  REQUIRE(first.value().saved());
  CHECK(first.value().first_seq == version + 1);
  CHECK(first.value().last_seq == version + 1);
  // Someone else's form, opened at the same version.
  auto second = adapters::record::record_lines(*db, {"R-1", version, {line("web-b", "2026-04-15")}},
                                               options());
  REQUIRE(second.ok());
  CHECK(!second.value().saved());
  REQUIRE(second.value().changed_since.size() == 1);
  CHECK(second.value().changed_since[0].seq == version + 1);
  CHECK(second.value().changed_since[0].event.id == std::optional<std::string>("web-a"));
  // The first form sent again: already saved, nothing added.
  auto again = adapters::record::record_lines(*db, {"R-1", version, {line("web-a", "2026-04-14")}},
                                              options());
  REQUIRE(again.ok());
  CHECK(again.value().saved());
  CHECK(again.value().first_seq == version + 1);
  CHECK(adapters::sqlite::EventStore(db->sql()).last_seq("R-1") == version + 1);
  // The second saved again at the version it was shown after the refusal.
  auto retried = adapters::record::record_lines(
      *db, {"R-1", version + 1, {line("web-b", "2026-04-15")}}, options());
  REQUIRE(retried.ok());
  CHECK(retried.value().saved());
}

TEST_CASE("the clocks a save met, started and ended are found by evaluating with and without it",
          "[record]") {
  auto db = fresh_db();
  REQUIRE(import_text(*db, kHistory).accepted());
  const auto events = history(*db);
  // The decision (seq 3) met decision_to_assess; the request (seq 2) started it and the rest.
  const auto decision =
      adapters::record::clock_changes(events, 3, 3, config().rules, config().calendar);
  REQUIRE(decision.met.size() == 1);
  CHECK(decision.met[0].name == "decision_to_assess");
  CHECK(decision.started.empty());
  const auto request =
      adapters::record::clock_changes(events, 2, 2, config().rules, config().calendar);
  std::vector<std::string> started;
  for (const auto& c : request.started) {
    started.push_back(c.name);
  }
  CHECK_THAT(started, Catch::VectorContains(std::string("final_plan")));
  CHECK_THAT(started, Catch::VectorContains(std::string("decision_to_assess")));
  // A refusal to issue ends the final plan's clock.
  REQUIRE(import_text(
              *db, R"({"case":"R-1","type":"issue_decision","on":"2026-06-01","outcome":"no_plan"})"
                   "\n")
              .accepted());
  const auto after = history(*db);
  const auto refusal = adapters::record::clock_changes(after, after.back().seq, after.back().seq,
                                                       config().rules, config().calendar);
  std::vector<std::string> ended;
  for (const auto& c : refusal.ended) {
    ended.push_back(c.name);
  }
  CHECK_THAT(ended, Catch::VectorContains(std::string("final_plan")));
}

TEST_CASE(
    "every event type a caseworker records has a form, and each form's fields are the contract's",
    "[record]") {
  for (std::size_t i = 0; i < engine::kEventTypeCount; ++i) {
    const auto type = static_cast<engine::EventType>(i);
    const bool elsewhere = type == engine::EventType::kCaseOpened ||
                           type == engine::EventType::kCaseworkerAssigned ||
                           type == engine::EventType::kEventVoided;
    INFO(engine::to_string(type));
    CHECK((adapters::record::form_for(type) == nullptr) == elsewhere);
  }
  // Each choice's values are the vocabulary's: a form filled with each decodes.
  for (const auto& f : adapters::record::event_forms()) {
    for (const auto& field : f.fields) {
      for (const auto& c : field.choices) {
        FormValues values = {
            {"on-day", "1"}, {"on-month", "6"}, {"on-year", "2026"}, {field.name, c.value}};
        const auto line = adapters::record::form_line(f, values, {"R-1", "", ""});
        const auto decoded = adapters::jsonl::decode_event(line);
        INFO(f.title() << " " << field.name << "=" << c.value << ": "
                       << (decoded.ok() ? "" : decoded.status().message()));
        // Other required fields may be missing; the choice itself must never be the problem.
        CHECK((decoded.ok() ||
               decoded.status().message().find("'" + field.name + "'") == std::string::npos));
      }
    }
  }
}
