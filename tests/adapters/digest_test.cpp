// tests for adapters/notify/digest.h: one digest per person per night, its cases grouped by step
// of the ladder and by clock, most urgent first, in words taken from each row's own message;
// case references only.
#include "adapters/notify/digest.h"

#include <catch2/catch.hpp>

#include "adapters/sqlite/outbox_store.h"

using namespace ehcp;
using adapters::notify::digests_of;
using adapters::sqlite::OutboxMessage;

namespace {

// A row as the tick writes it (escalation_message.cpp): the body's "On" and "Next action" lines
// are what a digest quotes.
OutboxMessage row(std::int64_t id, const std::string& ref, const std::string& clock,
                  const std::string& rung, engine::Date due, const std::string& standing,
                  const std::string& address = "ada.example@council.invalid") {
  OutboxMessage m;
  m.id = id;
  m.case_ref = ref;
  m.clock = clock;
  m.start = engine::make_date(2026, 1, 5);
  m.due = due;
  m.rung = rung;
  m.role = "caseworker";
  m.recipient = "Ada Example";
  m.address = address;
  m.subject = "[ehcp] one clock";
  m.body = "Case: " + ref + "\nClock: " + clock +
           " (assessment, statutory)\nOn 2026-05-26: " + standing +
           "\nNext action: issue the final EHC plan\nCaseworker: Ada Example\n";
  m.created_on = engine::make_date(2026, 5, 26);
  m.created_at = "2026-05-26T01:00:0" + std::to_string(id) + "Z";
  return m;
}

}  // namespace

TEST_CASE("a person's rows of one night make one digest grouped by step and clock") {
  const auto may = [](unsigned d) { return engine::make_date(2026, 5, d); };
  const std::vector<OutboxMessage> rows = {
      row(1, "A-3", "final_plan", "due_soon", may(29), "due in 3 working days"),
      row(2, "A-1", "final_plan", "overdue", may(22), "overdue by 4 days"),
      row(3, "A-2", "advice_health", "overdue", may(20), "overdue by 6 days"),
      row(4, "A-4", "final_plan", "overdue", may(19), "overdue by 7 days"),
      row(5, "B-1", "final_plan", "due", may(26), "due today", "tm.east@council.invalid"),
  };
  const auto digests = digests_of(rows);
  REQUIRE(digests.size() == 2);
  const auto& ada = digests[0];
  CHECK(ada.ids == std::vector<std::int64_t>{1, 2, 3, 4});
  CHECK(ada.mail.id == 1);
  CHECK(ada.mail.address == "ada.example@council.invalid");
  CHECK(ada.mail.recipient == "Ada Example");
  CHECK(ada.mail.case_ref.empty());
  CHECK(ada.mail.rung.empty());
  CHECK(ada.mail.created_at == "2026-05-26T01:00:01Z");
  CHECK(ada.mail.subject == "[ehcp] Your cases on Tue 26 May 2026: 3 overdue, 1 due soon");
  // Overdue before due soon; within a step, clocks by their earliest due date (final_plan's A-4
  // on the 19th before advice_health's A-2 on the 20th), cases by due date.
  CHECK(ada.mail.body ==
        "Your cases in ehcp on Tuesday 26 May 2026: 3 overdue, 1 due soon.\n"
        "\n"
        "Overdue (3)\n"
        "  Final plan\n"
        "    A-4: due Tue 19 May 2026, overdue by 7 days. Next action: issue the final EHC plan.\n"
        "    A-1: due Fri 22 May 2026, overdue by 4 days. Next action: issue the final EHC plan.\n"
        "  advice_health\n"
        "    A-2: due Wed 20 May 2026, overdue by 6 days. Next action: issue the final EHC plan.\n"
        "\n"
        "Due soon (1)\n"
        "  Final plan\n"
        "    A-3: due Fri 29 May 2026, due in 3 working days. Next action: issue the final EHC "
        "plan.\n"
        "\n"
        "A case is listed here on the night its clock reaches each step of the escalation "
        "ladder.\n"
        "Open one in ehcp: ehcp case show <reference>. This message names no child: cases are "
        "given by reference only.\n");
  CHECK(digests[1].ids == std::vector<std::int64_t>{5});
  CHECK(digests[1].mail.subject == "[ehcp] Your cases on Tue 26 May 2026: 1 due today");
  CHECK(digests[1].mail.body.find("    B-1: due Tue 26 May 2026. Next action:") !=
        std::string::npos);
}

TEST_CASE(
    "the same person's rows of two nights make two digests, and the same rows the same "
    "bytes") {
  auto first = row(1, "A-1", "final_plan", "due_soon", engine::make_date(2026, 6, 5), "x");
  auto second = row(2, "A-1", "final_plan", "due", engine::make_date(2026, 6, 5), "due today");
  second.created_on = engine::make_date(2026, 6, 5);
  const auto digests = digests_of({second, first});
  REQUIRE(digests.size() == 2);
  CHECK(digests[0].ids == std::vector<std::int64_t>{1});
  CHECK(digests[1].ids == std::vector<std::int64_t>{2});
  CHECK(digests_of({first, second})[0].mail.body == digests[0].mail.body);
}

TEST_CASE("a digest never carries more than the rows' references, dates and standing") {
  auto m = row(1, "A-1", "final_plan", "overdue", engine::make_date(2026, 5, 22), "overdue");
  m.body += "Child: Zebedee Example\n";  // even were a row to hold a name, no digest shows it
  const auto digest = digests_of({m}).front();
  CHECK(digest.mail.body.find("Zebedee") == std::string::npos);
  CHECK(digest.mail.subject.find("Zebedee") == std::string::npos);
}
