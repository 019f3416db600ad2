// tests/engine/phase_transfer_test.cpp
//
// engine/phase_transfer.h: transfers derived from a date of birth, a setting's phase history
// and the day the plan was first known (rules.md §4, reg 18), and the due date of a
// transfer_expected move. Every date is hand-computed; the children are synthetic.
#include "engine/phase_transfer.h"

#include <optional>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/workflows/rule_fixtures.h"

namespace ehcp::engine {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

// A setting of one phase from `from` on, for the whole history.
std::vector<PhaseFrom> only(Phase phase, Date from) { return {PhaseFrom{from, phase}}; }

std::vector<Transfer> derive(Date dob, const std::vector<PhaseFrom>& phases, Date made,
                             int until_year, const TransferOptions& options = {},
                             const std::optional<YearGroupOverride>& out_of_cohort = {}) {
  return derive_transfers(dob, out_of_cohort, phases, made, until_year, options,
                          test::reg18_rules());
}

TEST_CASE("children born on 31 August and 1 September transfer a year apart", "[phase_transfer]") {
  const auto primary = only(Phase::kPrimary, d(2019, 9, 1));
  // Born 2015-08-31: academic year of birth 2014, Year 6 in 2025/26.
  const auto youngest = derive(d(2015, 8, 31), primary, d(2024, 10, 1), 2026);
  REQUIRE(youngest.size() == 1);
  CHECK(youngest[0].academic_year == 2025);
  CHECK(youngest[0].from_year_group == 6);
  CHECK(youngest[0].start == d(2025, 9, 1));
  CHECK(youngest[0].due == d(2026, 2, 14));
  // Born 2015-09-01: academic year of birth 2015, Year 6 in 2026/27.
  const auto oldest = derive(d(2015, 9, 1), primary, d(2024, 10, 1), 2026);
  REQUIRE(oldest.size() == 1);
  CHECK(oldest[0].academic_year == 2026);
  CHECK(oldest[0].start == d(2026, 9, 1));
  CHECK(oldest[0].due == d(2027, 2, 14));
}

TEST_CASE("primary Year 6 to Year 7 is due on 14 February of the year of transfer",
          "[phase_transfer]") {
  const auto transfers =
      derive(d(2015, 10, 10), only(Phase::kPrimary, d(2020, 9, 1)), d(2025, 3, 1), 2030);
  // Born 2015-10-10: Year 6 in 2026/27, moving in September 2027. Primary has no later transfer.
  REQUIRE(transfers.size() == 1);
  CHECK(transfers[0] == Transfer{2026, Phase::kPrimary, 6, d(2026, 9, 1), d(2027, 2, 14),
                                 "reg 18(1)(b): plan amended before 15 February 2027 for the "
                                 "transfer from Year 6 (primary) in September 2027",
                                 "school"});
}

TEST_CASE("infant Year 2 to Year 3 is a transfer from an infant school only", "[phase_transfer]") {
  const Date dob = d(2018, 3, 10);  // academic year of birth 2017: Year 2 in 2024/25
  const auto infant = derive(dob, only(Phase::kInfant, d(2022, 9, 1)), d(2023, 10, 1), 2024);
  REQUIRE(infant.size() == 1);
  CHECK(infant[0].academic_year == 2024);
  CHECK(infant[0].from_phase == Phase::kInfant);
  CHECK(infant[0].from_year_group == 2);
  CHECK(infant[0].due == d(2025, 2, 14));
  CHECK(infant[0].basis ==
        "reg 18(1)(b): plan amended before 15 February 2025 for the transfer from Year 2 "
        "(infant) in September 2025");
  CHECK(derive(dob, only(Phase::kPrimary, d(2022, 9, 1)), d(2023, 10, 1), 2024).empty());
}

TEST_CASE("nursery to Reception is due on 14 February of the year the child starts Reception",
          "[phase_transfer]") {
  // Born 2022-03-10: nursery (−1) in 2025/26, Reception from September 2026.
  const auto transfers =
      derive(d(2022, 3, 10), only(Phase::kEarlyYears, d(2024, 9, 1)), d(2025, 6, 1), 2025);
  REQUIRE(transfers.size() == 1);
  CHECK(transfers[0] == Transfer{2025, Phase::kEarlyYears, -1, d(2025, 9, 1), d(2026, 2, 14),
                                 "reg 18(1)(b): plan amended before 15 February 2026 for the "
                                 "transfer from Nursery (early_years) in September 2026",
                                 "school"});
}

TEST_CASE("secondary Year 11 to post-16 is due on 30 March", "[phase_transfer]") {
  // Born 2010-05-05: academic year of birth 2009, Year 9 in 2023/24, Year 11 in 2025/26.
  const auto transfers =
      derive(d(2010, 5, 5), only(Phase::kSecondary, d(2020, 9, 1)), d(2024, 1, 10), 2028);
  REQUIRE(transfers.size() == 1);
  CHECK(transfers[0] == Transfer{2025, Phase::kSecondary, 11, d(2025, 9, 1), d(2026, 3, 30),
                                 "reg 18(1)(a): plan amended before 31 March 2026 for the "
                                 "transfer from Year 11 (secondary) in September 2026",
                                 "post16"});
}

TEST_CASE("a child taught out of cohort transfers with their taught year group",
          "[phase_transfer]") {
  const Date dob = d(2015, 10, 10);  // cohort: Year 5 in 2025/26, Year 6 in 2026/27
  const auto primary = only(Phase::kPrimary, d(2020, 9, 1));
  const Date made = d(2025, 10, 1);

  const auto in_cohort = derive(dob, primary, made, 2027);
  REQUIRE(in_cohort.size() == 1);
  CHECK(in_cohort[0].due == d(2027, 2, 14));

  // Held back: Year 4 in 2025/26, so Year 6 in 2027/28.
  const auto held_back = derive(dob, primary, made, 2027, {}, YearGroupOverride{4, d(2025, 11, 3)});
  REQUIRE(held_back.size() == 1);
  CHECK(held_back[0].academic_year == 2027);
  CHECK(held_back[0].from_year_group == 6);
  CHECK(held_back[0].due == d(2028, 2, 14));

  // Moved up: Year 6 in 2025/26, the year the plan was made.
  const auto moved_up = derive(dob, primary, made, 2027, {}, YearGroupOverride{6, d(2025, 11, 3)});
  REQUIRE(moved_up.size() == 1);
  CHECK(moved_up[0].academic_year == 2025);
  CHECK(moved_up[0].start == made);
  CHECK(moved_up[0].due == d(2026, 2, 14));
}

TEST_CASE("a three-tier area transfers from first and middle schools by the LA's year groups",
          "[phase_transfer]") {
  // Born 2014-01-20: academic year of birth 2013, Year 3 in 2021/22, Year 4 in 2022/23,
  // Year 8 in 2026/27, Year 11 in 2029/30.
  const Date dob = d(2014, 1, 20);
  const std::vector<PhaseFrom> phases = {PhaseFrom{d(2018, 9, 1), Phase::kFirst},
                                         PhaseFrom{d(2023, 9, 1), Phase::kMiddle},
                                         PhaseFrom{d(2027, 9, 1), Phase::kSecondary}};
  TransferOptions three_tier;
  three_tier.last_year_group[Phase::kFirst] = 4;
  three_tier.last_year_group[Phase::kMiddle] = 8;
  const auto transfers = derive(dob, phases, d(2021, 11, 1), 2030, three_tier);
  REQUIRE(transfers.size() == 3);
  CHECK(transfers[0].academic_year == 2022);
  CHECK(transfers[0].from_phase == Phase::kFirst);
  CHECK(transfers[0].from_year_group == 4);
  CHECK(transfers[0].start == d(2022, 9, 1));
  CHECK(transfers[0].due == d(2023, 2, 14));
  CHECK(transfers[1].academic_year == 2026);
  CHECK(transfers[1].from_phase == Phase::kMiddle);
  CHECK(transfers[1].from_year_group == 8);
  CHECK(transfers[1].due == d(2027, 2, 14));
  CHECK(transfers[1].basis ==
        "reg 18(1)(b): plan amended before 15 February 2027 for the transfer from Year 8 "
        "(middle) in September 2027");
  CHECK(transfers[2].academic_year == 2029);
  CHECK(transfers[2].from_phase == Phase::kSecondary);
  CHECK(transfers[2].due == d(2030, 3, 30));

  SECTION("without the LA's year groups first and middle schools derive nothing") {
    const auto national = derive(dob, phases, d(2021, 11, 1), 2030);
    REQUIRE(national.size() == 1);
    CHECK(national[0].from_phase == Phase::kSecondary);
  }
  SECTION("until_year bounds the list") {
    CHECK(derive(dob, phases, d(2021, 11, 1), 2021, three_tier).empty());
    CHECK(derive(dob, phases, d(2021, 11, 1), 2022, three_tier).size() == 1);
    CHECK(derive(dob, phases, d(2021, 11, 1), 2026, three_tier).size() == 2);
    CHECK(derive(dob, phases, d(2021, 11, 1), 2020, three_tier).empty());
  }
}

TEST_CASE("a special school derives nothing unless the LA gives its last year group",
          "[phase_transfer]") {
  const Date dob = d(2015, 8, 31);  // academic year of birth 2014: Year 14 in 2033/34
  const auto special = only(Phase::kSpecial, d(2019, 9, 1));
  CHECK(derive(dob, special, d(2020, 1, 1), 2040).empty());
  CHECK(derive(dob, only(Phase::kPost16, d(2019, 9, 1)), d(2020, 1, 1), 2040).empty());
  CHECK(derive(dob, only(Phase::kNone, d(2019, 9, 1)), d(2020, 1, 1), 2040).empty());

  // A special school to 19 leaves secondary education for post-16: reg 18(1)(a).
  TransferOptions to_nineteen;
  to_nineteen.last_year_group[Phase::kSpecial] = 14;
  const auto transfers = derive(dob, special, d(2020, 1, 1), 2040, to_nineteen);
  REQUIRE(transfers.size() == 1);
  CHECK(transfers[0] == Transfer{2033, Phase::kSpecial, 14, d(2033, 9, 1), d(2034, 3, 30),
                                 "reg 18(1)(a): plan amended before 31 March 2034 for the "
                                 "transfer from Year 14 (special) in September 2034",
                                 "post16"});
}

TEST_CASE("a post-16 setting with an LA last year group transfers 5 months before September",
          "[phase_transfer]") {
  // Born 2010-05-05: academic year of birth 2009, Year 10 in 2024/25, Year 11 in 2025/26,
  // Year 12 in 2026/27 (no transfer), Year 13 in 2027/28.
  const std::vector<PhaseFrom> phases = {PhaseFrom{d(2019, 9, 1), Phase::kSecondary},
                                         PhaseFrom{d(2026, 9, 1), Phase::kPost16}};
  TransferOptions options;
  options.last_year_group[Phase::kPost16] = 13;
  const auto transfers = derive(d(2010, 5, 5), phases, d(2025, 6, 1), 2028, options);
  REQUIRE(transfers.size() == 2);
  CHECK(transfers[0].from_phase == Phase::kSecondary);
  CHECK(transfers[0].due == d(2026, 3, 30));
  CHECK(transfers[1] ==
        Transfer{2027, Phase::kPost16, 13, d(2027, 9, 1), d(2028, 4, 1),
                 "reg 18(2): plan amended at least 5 months before the transfer from Year 13 "
                 "(post16) in September 2028, by 1 April 2028 (the move taken as "
                 "1 September 2028)",
                 "post16_to_post16"});
}

TEST_CASE("a plan first known after 14 February of the transfer year gets no transfer that year",
          "[phase_transfer]") {
  const Date dob = d(2015, 9, 1);  // Year 6 in 2026/27: due 2027-02-14
  const auto primary = only(Phase::kPrimary, d(2019, 9, 1));
  CHECK(derive(dob, primary, d(2027, 2, 15), 2026).empty());
  CHECK(derive(dob, primary, d(2027, 8, 31), 2030).empty());

  const auto on_the_day = derive(dob, primary, d(2027, 2, 14), 2026);
  REQUIRE(on_the_day.size() == 1);
  CHECK(on_the_day[0].start == d(2027, 2, 14));
  CHECK(on_the_day[0].due == d(2027, 2, 14));
}

TEST_CASE("a plan made mid-Year 6 before 14 February starts that year's transfer on the day made",
          "[phase_transfer]") {
  const auto transfers =
      derive(d(2015, 9, 1), only(Phase::kPrimary, d(2019, 9, 1)), d(2027, 1, 20), 2026);
  REQUIRE(transfers.size() == 1);
  CHECK(transfers[0].academic_year == 2026);
  CHECK(transfers[0].start == d(2027, 1, 20));
  CHECK(transfers[0].due == d(2027, 2, 14));
}

TEST_CASE("the phase in force on the due date decides the transfer", "[phase_transfer]") {
  const Date dob = d(2018, 3, 10);  // Year 2 in 2024/25 (due 2025-02-14), Year 6 in 2028/29
  const Date made = d(2023, 10, 1);

  SECTION("an infant school, then a junior school, gives two transfers") {
    const std::vector<PhaseFrom> phases = {PhaseFrom{d(2021, 9, 1), Phase::kInfant},
                                           PhaseFrom{d(2025, 9, 1), Phase::kJunior}};
    const auto transfers = derive(dob, phases, made, 2030);
    REQUIRE(transfers.size() == 2);
    CHECK(transfers[0].from_phase == Phase::kInfant);
    CHECK(transfers[0].due == d(2025, 2, 14));
    CHECK(transfers[1].from_phase == Phase::kJunior);
    CHECK(transfers[1].from_year_group == 6);
    CHECK(transfers[1].due == d(2029, 2, 14));
  }
  SECTION("a move to a primary school on or before the due date removes the infant transfer") {
    for (const Date changed : {d(2025, 2, 10), d(2025, 2, 14)}) {
      const std::vector<PhaseFrom> phases = {PhaseFrom{d(2021, 9, 1), Phase::kInfant},
                                             PhaseFrom{changed, Phase::kPrimary}};
      const auto transfers = derive(dob, phases, made, 2030);
      REQUIRE(transfers.size() == 1);
      CHECK(transfers[0].from_phase == Phase::kPrimary);
      CHECK(transfers[0].academic_year == 2028);
    }
  }
  SECTION("a move to a primary school after the due date keeps it") {
    const std::vector<PhaseFrom> phases = {PhaseFrom{d(2021, 9, 1), Phase::kInfant},
                                           PhaseFrom{d(2025, 2, 15), Phase::kPrimary}};
    const auto transfers = derive(dob, phases, made, 2030);
    REQUIRE(transfers.size() == 2);
    CHECK(transfers[0].from_phase == Phase::kInfant);
    CHECK(transfers[1].from_phase == Phase::kPrimary);
  }
  SECTION("no phase known on the due date derives nothing") {
    CHECK(derive(dob, only(Phase::kInfant, d(2025, 2, 15)), made, 2024).empty());
    CHECK(derive(dob, {}, made, 2030).empty());
  }
}

TEST_CASE("the phase in force is the latest entry on or before the day", "[phase_transfer]") {
  const std::vector<PhaseFrom> unsorted = {PhaseFrom{d(2025, 9, 1), Phase::kSecondary},
                                           PhaseFrom{d(2019, 9, 1), Phase::kPrimary},
                                           PhaseFrom{d(2025, 9, 1), Phase::kSpecial}};
  CHECK(phase_on(unsorted, d(2019, 8, 31)) == std::nullopt);
  CHECK(phase_on(unsorted, d(2019, 9, 1)) == Phase::kPrimary);
  CHECK(phase_on(unsorted, d(2025, 8, 31)) == Phase::kPrimary);
  CHECK(phase_on(unsorted, d(2025, 9, 1)) == Phase::kSpecial);  // same day: the later entry
  CHECK(phase_on(unsorted, d(2040, 1, 1)) == Phase::kSpecial);
  CHECK(phase_on({}, d(2025, 9, 1)) == std::nullopt);
}

TEST_CASE("children born on 29 February transfer with their cohort", "[phase_transfer]") {
  // Born 2016-02-29: academic year of birth 2015, nursery in 2019/20, Year 6 in 2026/27.
  const std::vector<PhaseFrom> phases = {PhaseFrom{d(2019, 9, 1), Phase::kEarlyYears},
                                         PhaseFrom{d(2020, 9, 1), Phase::kPrimary}};
  const auto transfers = derive(d(2016, 2, 29), phases, d(2019, 11, 1), 2030);
  REQUIRE(transfers.size() == 2);
  CHECK(transfers[0].from_year_group == -1);
  CHECK(transfers[0].due == d(2020, 2, 14));
  CHECK(transfers[1].from_year_group == 6);
  CHECK(transfers[1].due == d(2027, 2, 14));

  // Born 2020-02-29: academic year of birth 2019, Year 11 in 2035/36.
  const auto secondary =
      derive(d(2020, 2, 29), only(Phase::kSecondary, d(2031, 9, 1)), d(2032, 2, 29), 2040);
  REQUIRE(secondary.size() == 1);
  CHECK(secondary[0].academic_year == 2035);
  CHECK(secondary[0].due == d(2036, 3, 30));
}

TEST_CASE("an expected post-16 move is due 5 months before it, month-end clamped",
          "[phase_transfer]") {
  CHECK(expected_transfer_due(Phase::kPost16, Phase::kPost16, d(2027, 1, 31),
                              test::reg18_rules()) == d(2026, 8, 31));
  CHECK(expected_transfer_due(Phase::kPost16, Phase::kPost16, d(2027, 7, 31),
                              test::reg18_rules()) == d(2027, 2, 28));
  CHECK(expected_transfer_due(Phase::kPost16, Phase::kPost16, d(2028, 7, 29),
                              test::reg18_rules()) == d(2028, 2, 29));
  CHECK(expected_transfer_due(Phase::kPost16, Phase::kPost16, d(2027, 9, 1), test::reg18_rules()) ==
        d(2027, 4, 1));
  CHECK(expected_transfer_basis(Phase::kPost16, Phase::kPost16, d(2027, 1, 31),
                                test::reg18_rules()) ==
        "reg 18(2): plan amended at least 5 months before the move from post16 to post16 on "
        "31 January 2027, by 31 August 2026");
  CHECK(expected_transfer_limb(Phase::kPost16, Phase::kPost16) == "post16_to_post16");
}

TEST_CASE("an expected move from secondary or special school to post-16 is due on 30 March",
          "[phase_transfer]") {
  CHECK(expected_transfer_due(Phase::kPost16, Phase::kSecondary, d(2027, 9, 1),
                              test::reg18_rules()) == d(2027, 3, 30));
  CHECK(expected_transfer_due(Phase::kPost16, Phase::kSpecial, d(2027, 9, 6),
                              test::reg18_rules()) == d(2027, 3, 30));
  CHECK(expected_transfer_basis(Phase::kPost16, Phase::kSecondary, d(2027, 9, 1),
                                test::reg18_rules()) ==
        "reg 18(1)(a): plan amended before 31 March 2027 for the move from secondary to post16 "
        "on 1 September 2027");
  CHECK(expected_transfer_limb(Phase::kPost16, Phase::kSecondary) == "post16");
}

TEST_CASE("an expected school move is due on 14 February of the move's year", "[phase_transfer]") {
  CHECK(expected_transfer_due(Phase::kMiddle, Phase::kFirst, d(2027, 9, 1), test::reg18_rules()) ==
        d(2027, 2, 14));
  CHECK(expected_transfer_due(Phase::kSecondary, Phase::kMiddle, d(2028, 9, 4),
                              test::reg18_rules()) == d(2028, 2, 14));
  CHECK(expected_transfer_due(Phase::kSpecial, Phase::kPrimary, d(2027, 1, 5),
                              test::reg18_rules()) == d(2027, 2, 14));
  CHECK(
      expected_transfer_basis(Phase::kMiddle, Phase::kFirst, d(2027, 9, 1), test::reg18_rules()) ==
      "reg 18(1)(b): plan amended before 15 February 2027 for the move from first to middle "
      "on 1 September 2027");
  CHECK(expected_transfer_limb(Phase::kMiddle, Phase::kFirst) == "school");
}

}  // namespace
}  // namespace ehcp::engine
