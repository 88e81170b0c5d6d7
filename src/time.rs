//! ISO-8601 instants and Amazon's `START--END` intervals. Offsets in, UTC out.
//!
//! The core never reads the clock: the caller passes `now`.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, SecondsFormat, TimeDelta, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// `hours` as a duration, saturating at chrono's bounds: windows and lead times come from the
/// input, and `TimeDelta::hours` panics out of range.
pub fn hours(hours: i64) -> TimeDelta {
    TimeDelta::try_hours(hours).unwrap_or(if hours < 0 {
        TimeDelta::MIN
    } else {
        TimeDelta::MAX
    })
}

/// `days` as a duration, saturating at chrono's bounds (see [`hours`]).
pub fn days(days: i64) -> TimeDelta {
    TimeDelta::try_days(days).unwrap_or(if days < 0 {
        TimeDelta::MIN
    } else {
        TimeDelta::MAX
    })
}

/// `t + delta`, saturating at the ends of chrono's range (years ±262,143) where `+` would
/// panic: a deadline that far off is as good as never, and comparisons still order right.
///
/// ```
/// use vendor_central_connector::time::{hours, parse_instant, saturating_add};
/// let t = parse_instant("2026-11-22T08:00:00Z").unwrap();
/// assert_eq!(saturating_add(t, hours(24)), parse_instant("2026-11-23T08:00:00Z").unwrap());
/// assert_eq!(saturating_add(t, hours(i64::MAX)), chrono::DateTime::<chrono::Utc>::MAX_UTC);
/// ```
pub fn saturating_add(t: DateTime<Utc>, delta: TimeDelta) -> DateTime<Utc> {
    t.checked_add_signed(delta)
        .unwrap_or(if delta < TimeDelta::zero() {
            DateTime::<Utc>::MIN_UTC
        } else {
            DateTime::<Utc>::MAX_UTC
        })
}

/// `t - delta`, saturating like [`saturating_add`].
pub fn saturating_sub(t: DateTime<Utc>, delta: TimeDelta) -> DateTime<Utc> {
    t.checked_sub_signed(delta)
        .unwrap_or(if delta < TimeDelta::zero() {
            DateTime::<Utc>::MAX_UTC
        } else {
            DateTime::<Utc>::MIN_UTC
        })
}

/// Prefix of deserialisation errors raised here, so [`crate::input`] can classify them.
pub(crate) const DATE_ERROR_TAG: &str = "invalid date-time: ";

/// Parses an ISO-8601 instant. An offset (`Z`, `+02:00`) is honoured; a date-time without one is
/// taken as UTC (Amazon's own sandbox requests omit it); a bare date is midnight UTC.
///
/// ```
/// use vendor_central_connector::time::{parse_instant, format_instant};
/// let t = parse_instant("2019-08-20T17:51:00+02:00").unwrap();
/// assert_eq!(format_instant(&t), "2019-08-20T15:51:00Z");
/// assert!(parse_instant("2019-09-2100:00:00").is_err());
/// ```
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>, String> {
    let trimmed = text.trim();
    let instant = parse_any_instant(trimmed).ok_or_else(|| {
        format!("`{trimmed}` is not an ISO-8601 date-time (expected e.g. 2026-11-22T08:00:00Z)")
    })?;
    // Four-digit years only, once in UTC: what is output must read back, here and at Amazon
    // (`9999-12-31T23:59:59-23:59` would print as `+10000-…`). It also keeps every date far
    // from chrono's limits, so adding a deadline to it never overflows.
    if !(0..=9999).contains(&instant.year()) {
        return Err(format!(
            "`{trimmed}` falls outside the years 0000–9999 once converted to UTC"
        ));
    }
    Ok(instant)
}

/// The instant of `trimmed` in any of the accepted spellings, whatever its year.
fn parse_any_instant(trimmed: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(trimmed) {
        return Some(t.with_timezone(&Utc));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(trimmed, format) {
            return Some(t.and_utc());
        }
    }
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// Formats an instant as ISO-8601 UTC with a `Z`, with fractional seconds only when present.
pub fn format_instant(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// The Sunday (`YYYY-MM-DD`) starting the week of `t`: Amazon's vendor weeks (chargebacks,
/// scorecards) run Sunday to Saturday.
///
/// ```
/// use vendor_central_connector::time::{parse_instant, week_start};
/// assert_eq!(week_start(parse_instant("2026-12-02T10:00:00Z").unwrap()), "2026-11-29");
/// assert_eq!(week_start(parse_instant("2026-11-29T00:00:00Z").unwrap()), "2026-11-29");
/// ```
pub fn week_start(t: DateTime<Utc>) -> String {
    let date = t.date_naive();
    let back = days(i64::from(date.weekday().num_days_from_sunday()));
    date.checked_sub_signed(back)
        .unwrap_or(date)
        .format("%Y-%m-%d")
        .to_string()
}

/// Parses Amazon's `DateTimeInterval`: two instants separated by `--`.
///
/// ```
/// use vendor_central_connector::time::parse_interval;
/// let (start, end) = parse_interval("2019-08-21T07:00:00Z--2019-08-27T07:00:00Z").unwrap();
/// assert!(start < end);
/// ```
pub fn parse_interval(text: &str) -> Result<(DateTime<Utc>, DateTime<Utc>), String> {
    let (start, end) = text
        .split_once("--")
        .ok_or_else(|| format!("`{text}` is not an interval `START--END`"))?;
    let start = parse_instant(start)?;
    let end = parse_instant(end)?;
    if end < start {
        return Err(format!("`{text}` ends before it starts"));
    }
    Ok((start, end))
}

/// An instant read from any ISO-8601 spelling [`parse_instant`] accepts, written back in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub DateTime<Utc>);

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_instant(&self.0))
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InstantVisitor;
        impl de::Visitor<'_> for InstantVisitor {
            type Value = Instant;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO-8601 date-time string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Instant, E> {
                parse_instant(v)
                    .map(Instant)
                    .map_err(|m| E::custom(format!("{DATE_ERROR_TAG}{m}")))
            }
        }
        deserializer.deserialize_str(InstantVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_converted_to_utc() {
        let t = parse_instant("2026-11-22T01:00:00-05:00").unwrap();
        assert_eq!(format_instant(&t), "2026-11-22T06:00:00Z");
    }

    #[test]
    fn fractional_seconds_survive_only_when_present() {
        let t = parse_instant("2021-03-12T17:35:26.308Z").unwrap();
        assert_eq!(format_instant(&t), "2021-03-12T17:35:26.308Z");
        let t = parse_instant("2019-09-21T00:00:00").unwrap();
        assert_eq!(format_instant(&t), "2019-09-21T00:00:00Z");
    }

    #[test]
    fn bad_spellings_and_intervals_are_refused() {
        for bad in [
            "",
            "yesterday",
            "2019-13-01T00:00:00Z",
            "2019-02-30",
            "2019-09-2100:00:00",
        ] {
            assert!(parse_instant(bad).is_err(), "{bad}");
        }
        assert!(parse_interval("2019-08-21T07:00:00Z").is_err());
        assert!(parse_interval("2019-08-27T07:00:00Z--2019-08-21T07:00:00Z").is_err());
    }

    #[test]
    fn instant_deserialises_with_a_tagged_error() {
        let err = serde_json::from_str::<Instant>("\"soon\"").unwrap_err();
        assert!(err.to_string().starts_with(DATE_ERROR_TAG));
        let ok: Instant = serde_json::from_str("\"2026-11-22T08:00:00+01:00\"").unwrap();
        assert_eq!(ok.to_string(), "2026-11-22T07:00:00Z");
    }
}
