// engine/indicators.h
//
// The board's indicators (rules.md §7) from the facts of engine/indicator_facts.h. The cohorts,
// as the pack states them in words:
//  - Requests received, refused, assessed, assessed without a plan, plans issued: by the day it
//    happened. Decisions within 6 weeks and advice within 6 weeks: decisions made and advice
//    received in the period, on time when on or before the due day.
//  - Plans within 20 weeks (SEN2): new plans issued in the period, on time when issued on or
//    before the 20-week due day. A case with a mediation, appeal or Tribunal order on or after
//    its request and by the period's end is left out of both rates; "excluding exceptions" also
//    leaves out every plan whose 20-week limit had an exception by the day it was issued.
//  - Mean and median weeks to issue, and the bands: every new plan issued in the period.
//  - Assessments in progress: requested by the period's end and not finished then, by age.
//  - Annual reviews, review decisions and transfers: those due in the period (on time when met
//    by the due day); a clock that stopped applying (the plan ceased) by its due day is left out.
//    Transfers by 15 February are those under reg 18(1)(b), by 31 March under 18(1)(a); the
//    post-16 share named by the end of May counts namings by 31 May or the period's end.
//  - Mediations, appeals and Tribunal orders: recorded in the period.
// Every figure is also given for each of the 12 months to the period's end. Pure; thread-safe.
#pragma once

#include "engine/indicator_facts.h"
#include "engine/indicator_pack.h"
#include "engine/rating_scheme.h"

namespace ehcp::engine {

// The end of May of a move's year: by then a post-16 place should be named (CoP 9.179, a
// reporting convention, not a limit the rule pack counts). The board's measure and the transfer
// report both read it here.
inline constexpr date::month_day kPost16PlaceNamedBy = date::May / 31;

// The day kPost16PlaceNamedBy falls on in `year`.
inline Date post16_place_named_by(int year) {
  return make_date(year, static_cast<unsigned>(kPost16PlaceNamedBy.month()),
                   static_cast<unsigned>(kPost16PlaceNamedBy.day()));
}

// "1 January – 31 March 2026", "March 2026" for a whole month, "1 December 2025 –
// 28 February 2026".
std::string period_words(Date from, Date to);

// The 12 calendar months ending with the month of `to`, the last cut at `to`.
std::vector<Month> trend_months(Date to);

// Every indicator id a pack can hold, for checking a council's targets against: the advice
// rate has one per service the contract names ("advice_within_6_weeks:health").
std::vector<std::string> indicator_ids();

// Precondition: from <= to.
IndicatorPack compose_indicator_pack(const IndicatorFacts& facts, Date from, Date to,
                                     const IndicatorTargets& targets);

}  // namespace ehcp::engine
