//! Summaries of measured latencies.

use std::time::Duration;

/// The `quantile` (0 to 1) of sorted latencies in microseconds, in milliseconds (nearest rank).
pub fn percentile_ms(sorted_us: &[u32], quantile: f64) -> f64 {
	if sorted_us.is_empty() {
		return 0.0;
	}
	let rank = (quantile * sorted_us.len() as f64).ceil() as usize;
	let index = rank.clamp(1, sorted_us.len()) - 1;
	f64::from(sorted_us[index]) / 1000.0
}

/// `duration` in whole microseconds, saturating at `u32::MAX` (71 minutes).
pub fn micros(duration: Duration) -> u32 {
	u32::try_from(duration.as_micros()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn percentiles_use_the_nearest_rank() {
		let latencies: Vec<u32> = (1..=100).map(|ms| ms * 1000).collect();
		assert_eq!(percentile_ms(&latencies, 0.50), 50.0);
		assert_eq!(percentile_ms(&latencies, 0.99), 99.0);
		assert_eq!(percentile_ms(&[7000], 0.99), 7.0);
		assert_eq!(percentile_ms(&[], 0.5), 0.0);
	}

	#[test]
	fn long_durations_saturate() {
		assert_eq!(micros(Duration::from_millis(3)), 3000);
		assert_eq!(micros(Duration::from_secs(10_000)), u32::MAX);
	}
}
