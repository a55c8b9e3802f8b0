//! How many sr25519 signatures this machine checks per second: one thread per core, each checking
//! the same signature of a transaction-sized payload over and over for a while. Every transaction
//! is checked when the pool takes it and again when a block carrying it is imported, so this is a
//! ceiling no transaction rate can pass.

use std::{
	thread,
	time::{Duration, Instant},
};

use sp_core::{sr25519, Pair};

/// The longest measurement.
pub const MAX_DURATION: Duration = Duration::from_secs(60);

/// The size of the signed payload: about that of an `issue` transaction's signing payload.
const PAYLOAD_BYTES: usize = 160;

/// What a measurement found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SignatureRate {
	/// Signatures checked per second by one core.
	pub per_core: f64,
	/// The cores used.
	pub cores: usize,
}

impl SignatureRate {
	/// Signatures checked per second by all the cores together.
	pub fn all_cores(&self) -> f64 {
		self.per_core * self.cores as f64
	}
}

/// Checks signatures on every core for `duration` (at most [`MAX_DURATION`]).
pub fn measure(duration: Duration) -> SignatureRate {
	let duration = duration.min(MAX_DURATION);
	let cores = thread::available_parallelism().map_or(1, |cores| cores.get());
	let (pair, _) = sr25519::Pair::generate();
	let payload = [0x5a_u8; PAYLOAD_BYTES];
	let signature = pair.sign(&payload);
	let public = pair.public();
	let checked: u64 = thread::scope(|scope| {
		let workers: Vec<_> = (0..cores)
			.map(|_| {
				scope.spawn(|| {
					let end = Instant::now() + duration;
					let mut checked = 0u64;
					while Instant::now() < end {
						// Only checks that pass count: a failing one would be a cheaper, meaningless
						// figure.
						checked += u64::from(sr25519::Pair::verify(&signature, payload, &public));
					}
					checked
				})
			})
			.collect();
		workers.into_iter().map(|worker| worker.join().unwrap_or(0)).sum()
	});
	let seconds = duration.as_secs_f64().max(f64::EPSILON);
	SignatureRate { per_core: checked as f64 / seconds / cores as f64, cores }
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_short_measurement_checks_signatures_on_every_core() {
		let rate = measure(Duration::from_millis(50));
		assert!(rate.cores >= 1);
		assert!(rate.per_core > 0.0);
		assert_eq!(rate.all_cores(), rate.per_core * rate.cores as f64);
	}
}
