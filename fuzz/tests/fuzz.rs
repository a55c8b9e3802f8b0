//! Random blocks of random calls against the real runtime (`credchain_runtime_fuzz`): after every
//! block nothing panicked, every pallet's invariants hold and the weight limits were kept.
//!
//! The test suite runs a short seeded version ([`DEFAULT_CASES`] chains); `scripts/fuzz.sh` runs
//! enough for a million calls or more (`CREDCHAIN_FUZZ_CASES`, `CREDCHAIN_FUZZ_SEED`) and prints the
//! figures. A failing case is shrunk to a short one and its seed kept in `fuzz/regressions.txt`,
//! which every later run replays first.
#![cfg(feature = "try-runtime")]

use std::{sync::Mutex, time::Instant};

use credchain_runtime_fuzz::{
	calls::block,
	chain::{Chain, Tally},
};
use proptest::{
	collection::vec,
	test_runner::{
		Config, FileFailurePersistence, RngAlgorithm, TestCaseError, TestRng, TestRunner,
	},
};

/// Chains the test suite's short version builds.
const DEFAULT_CASES: u32 = 48;

/// The most blocks of one chain, and transactions of one block.
const MAX_BLOCKS: usize = 24;
const MAX_TRANSACTIONS: usize = 12;

/// A number from the environment variable `name`, or `default`.
fn setting(name: &str, default: u64) -> u64 {
	std::env::var(name).map_or(default, |text| {
		text.parse().unwrap_or_else(|_| panic!("{name} must be a number, not {text:?}"))
	})
}

#[test]
fn random_blocks_of_random_calls_keep_every_invariant() {
	let cases = setting("CREDCHAIN_FUZZ_CASES", DEFAULT_CASES.into()) as u32;
	let seed = setting("CREDCHAIN_FUZZ_SEED", 1);
	let mut seed_bytes = [0u8; 32];
	seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
	let config = Config {
		cases,
		failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
			env!("CARGO_MANIFEST_DIR"),
			"/regressions.txt"
		)))),
		..Config::default()
	};
	let mut runner =
		TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
	let total = Mutex::new(Tally::default());
	let started = Instant::now();
	let result = runner.run(&vec(block(MAX_TRANSACTIONS), 1..=MAX_BLOCKS), |blocks| {
		let mut chain = Chain::development();
		for transactions in &blocks {
			chain.apply_block(transactions).map_err(TestCaseError::fail)?;
		}
		total.lock().expect("no other test holds it").add(chain.tally());
		Ok(())
	});
	let total = *total.lock().expect("the run is over");
	println!(
		"fuzzed: seed {seed}, {cases} chains, {} blocks, {} calls ({} succeeded, {} failed in \
		 the pallet, {} refused as invalid) in {:.1} s (shrinking included); panics and broken \
		 invariants: {}",
		total.blocks,
		total.calls(),
		total.succeeded,
		total.failed,
		total.invalid,
		started.elapsed().as_secs_f64(),
		if result.is_ok() { "0" } else { "see below" },
	);
	if let Err(failure) = result {
		panic!("{failure}");
	}
}
