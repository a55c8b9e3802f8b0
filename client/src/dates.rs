//! Dates as people write them and as the chain keeps them (milliseconds since the Unix epoch, UTC).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// Milliseconds since the Unix epoch, as the chain keeps times.
pub type Millis = u64;

/// Parses a date given on the command line: `YYYY-MM-DD` (midnight UTC at the start of that day) or
/// an RFC 3339 time such as `2026-07-01T09:00:00Z` or `2026-07-01T09:00:00+02:00`.
pub fn parse_date(text: &str) -> Result<Millis, String> {
	let text = text.trim();
	if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
		let midnight = day
			.and_hms_opt(0, 0, 0)
			.ok_or_else(|| format!("{text:?} has no midnight in the calendar"))?;
		return to_millis(text, Utc.from_utc_datetime(&midnight).timestamp_millis());
	}
	match DateTime::parse_from_rfc3339(text) {
		Ok(time) => to_millis(text, time.timestamp_millis()),
		Err(_) => Err(format!(
			"{text:?} is not a date: write YYYY-MM-DD (midnight UTC), or an RFC 3339 time such as \
			 2026-07-01T09:00:00Z or 2026-07-01T09:00:00+02:00"
		)),
	}
}

/// Milliseconds since the epoch, refusing times before 1970, which the chain cannot hold.
fn to_millis(text: &str, millis: i64) -> Result<Millis, String> {
	Millis::try_from(millis)
		.map_err(|_| format!("{text:?} is before 1970, which the chain cannot record"))
}

/// A time from the chain as a UTC date and time, e.g. `2026-07-01 09:00:00 UTC`.
pub fn format_millis(millis: Millis) -> String {
	i64::try_from(millis)
		.ok()
		.and_then(DateTime::<Utc>::from_timestamp_millis)
		.map(|time| time.format("%Y-%m-%d %H:%M:%S UTC").to_string())
		.unwrap_or_else(|| format!("{millis} ms after 1970-01-01 (beyond the calendar)"))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_day_is_midnight_utc() {
		assert_eq!(parse_date("1970-01-02"), Ok(86_400_000));
		assert_eq!(parse_date("2026-07-01"), Ok(1_782_864_000_000));
		assert_eq!(parse_date(" 2026-07-01 "), Ok(1_782_864_000_000));
	}

	#[test]
	fn rfc3339_times_keep_their_offset() {
		assert_eq!(parse_date("2026-07-01T00:00:00Z"), Ok(1_782_864_000_000));
		assert_eq!(parse_date("2026-07-01T02:00:00+02:00"), Ok(1_782_864_000_000));
		assert_eq!(parse_date("2026-07-01T00:00:01.5Z"), Ok(1_782_864_001_500));
	}

	#[test]
	fn malformed_and_early_dates_are_refused() {
		for bad in ["", "tomorrow", "2026-13-01", "2026-02-30", "01/07/2026", "2026-07-01 09:00"] {
			let error = parse_date(bad).expect_err(bad);
			assert!(error.contains("YYYY-MM-DD"), "{bad}: {error}");
		}
		assert!(parse_date("1969-12-31").unwrap_err().contains("before 1970"));
	}

	#[test]
	fn times_print_as_utc() {
		assert_eq!(format_millis(1_782_864_000_000), "2026-07-01 00:00:00 UTC");
		assert_eq!(format_millis(0), "1970-01-01 00:00:00 UTC");
		assert!(format_millis(u64::MAX).contains("beyond the calendar"));
	}
}
