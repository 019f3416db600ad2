// tests for adapters/escalation/recipient.h: who each escalation role is for a case, with
// addresses from the LA's "notify" section or derived from names, and who stands in for nobody.
#include "adapters/escalation/recipient.h"

#include <catch2/catch.hpp>

using namespace ehcp;
using adapters::config::NotifyConfig;
using adapters::escalation::address_slug;
using adapters::escalation::Recipient;
using adapters::escalation::recipient_for;

namespace {

NotifyConfig configured() {
  NotifyConfig notify;
  notify.domain = "exampleshire.invalid";
  notify.caseworkers = {{"Omar Quillfeather", "o.quillfeather@exampleshire.invalid"}};
  notify.team_managers = {{"East", "east-send@exampleshire.invalid"}};
  notify.head_of_service = "send-head@exampleshire.invalid";
  return notify;
}

// Nobody listed: every address is derived.
NotifyConfig unlisted() {
  NotifyConfig notify;
  notify.domain = "exampleshire.invalid";
  return notify;
}

void check(const Recipient& r, const char* role, const char* name, const char* address,
           bool stand_in) {
  CHECK(r.role == role);
  CHECK(r.name == name);
  CHECK(r.address == address);
  CHECK(r.stand_in == stand_in);
}

}  // namespace

TEST_CASE("a name's address slug is its letters and digits in lower case, words joined by dots") {
  CHECK(address_slug("Omar Quillfeather") == "omar.quillfeather");
  CHECK(address_slug("  Omar   Quillfeather  ") == "omar.quillfeather");
  CHECK(address_slug("Mary-Jane O'Dowd") == "mary.jane.odowd");
  CHECK(address_slug("Dr. Zed_Ortolan") == "dr.zed.ortolan");
  CHECK(address_slug("Team 3 (East)") == "team.3.east");
  CHECK(address_slug("-Omar-") == "omar");
  // Letters outside ASCII are dropped, not transliterated.
  CHECK(address_slug("Zo\u00eb \u00c5ngstr\u00f6m") == "zo.ngstrm");
  CHECK(address_slug("") == "unnamed");
  CHECK(address_slug("!!! ???") == "unnamed");
  CHECK(address_slug("\u00c9\u00e9") == "unnamed");
}

TEST_CASE("the caseworker role is the case's caseworker, at a listed or derived address") {
  check(recipient_for("caseworker", "Omar Quillfeather", "East", configured()), "caseworker",
        "Omar Quillfeather", "o.quillfeather@exampleshire.invalid", false);
  check(recipient_for("caseworker", "Priya Nettleford", "East", configured()), "caseworker",
        "Priya Nettleford", "priya.nettleford@exampleshire.invalid", false);
  check(recipient_for("caseworker", "Omar Quillfeather", "East", unlisted()), "caseworker",
        "Omar Quillfeather", "omar.quillfeather@exampleshire.invalid", false);
}

TEST_CASE("an unassigned case's caseworker message goes to its team manager as a stand-in") {
  check(recipient_for("caseworker", "", "East", configured()), "caseworker", "Team manager, East",
        "east-send@exampleshire.invalid", true);
  check(recipient_for("caseworker", "", "North West", unlisted()), "caseworker",
        "Team manager, North West", "team-manager.north.west@exampleshire.invalid", true);
}

TEST_CASE("with no caseworker and no team, the head of service stands in") {
  check(recipient_for("caseworker", "", "", configured()), "caseworker", "Head of service",
        "send-head@exampleshire.invalid", true);
  check(recipient_for("caseworker", "", "", unlisted()), "caseworker", "Head of service",
        "head-of-service@exampleshire.invalid", true);
}

TEST_CASE("the team manager role is the case's team's manager, or the head of service") {
  check(recipient_for("team_manager", "Omar Quillfeather", "East", configured()), "team_manager",
        "Team manager, East", "east-send@exampleshire.invalid", false);
  check(recipient_for("team_manager", "Omar Quillfeather", "West", configured()), "team_manager",
        "Team manager, West", "team-manager.west@exampleshire.invalid", false);
  check(recipient_for("team_manager", "Omar Quillfeather", "", configured()), "team_manager",
        "Head of service", "send-head@exampleshire.invalid", true);
}

TEST_CASE("the head of service role is the listed head of service, or the derived address") {
  check(recipient_for("head_of_service", "Omar Quillfeather", "East", configured()),
        "head_of_service", "Head of service", "send-head@exampleshire.invalid", false);
  check(recipient_for("head_of_service", "", "", unlisted()), "head_of_service", "Head of service",
        "head-of-service@exampleshire.invalid", false);
}
