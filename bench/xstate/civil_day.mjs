// bench/xstate/civil_day.mjs
//
// Civil dates as whole days since 1970-01-01 (UTC days, no time of day, no zone), the same
// numbers ehcp's engine::Date (date::sys_days) holds, so sums of due dates compare exactly
// with the C++ side. Howard Hinnant's days_from_civil / civil_from_days in plain arithmetic:
// faster than building a Date for each, which matters because the peer formats a date into
// every clock's basis text inside the timed loop, as ehcp does.

// Days since 1970-01-01 of the proleptic Gregorian date y-m-d.
export function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// The day written YYYY-MM-DD; throws on any other shape or a day that does not exist, as
// ehcp's decoder rejects "2026-02-30" rather than rolling it into March.
export function parseDay(text) {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new Error(`not a date: ${text}`);
  }
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  const day = daysFromCivil(y, m, d);
  if (m < 1 || m > 12 || d < 1 || formatDay(day) !== text) {
    throw new Error(`impossible date ${text}`);
  }
  return day;
}

function pad2(n) {
  return n < 10 ? `0${n}` : `${n}`;
}

// YYYY-MM-DD (years 1000-9999, all a bench meets).
export function formatDay(days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
