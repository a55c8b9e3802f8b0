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

/// One runner's share of the chains, from its own seed: every chain is checked, and what their blocks
/// carried added to `total`.
fn run_chains(cases: u32, seed: u64, total: &Mutex<Tally>) -> Result<(), String> {
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
	runner
		.run(&vec(block(MAX_TRANSACTIONS), 1..=MAX_BLOCKS), |blocks| {
			let mut chain = Chain::development();
			for transactions in &blocks {
				chain.apply_block(transactions).map_err(TestCaseError::fail)?;
			}
			total.lock().expect("no runner panics holding it").add(chain.tally());
			Ok(())
		})
		.map_err(|failure| format!("seed {seed}: {failure}"))
}

#[test]
fn random_blocks_of_random_calls_keep_every_invariant() {
	let cases = setting("CREDCHAIN_FUZZ_CASES", DEFAULT_CASES.into()) as u32;
	let seed = setting("CREDCHAIN_FUZZ_SEED", 1);
	// One runner per core, each with its share of the chains and its own seed (`seed`, `seed + 1`,
	// ...): the same setting and core count make the same run.
	let runners = setting(
		"CREDCHAIN_FUZZ_THREADS",
		std::thread::available_parallelism().map_or(1, |cores| cores.get() as u64),
	)
	.clamp(1, u64::from(cases.max(1))) as u32;
	let total = Mutex::new(Tally::default());
	let started = Instant::now();
	let failures: Vec<String> = std::thread::scope(|scope| {
		let runners: Vec<_> = (0..runners)
			.map(|runner| {
				let share = cases / runners + u32::from(runner < cases % runners);
				let total = &total;
				scope.spawn(move || run_chains(share, seed + u64::from(runner), total))
			})
			.collect();
		runners
			.into_iter()
			.filter_map(|runner| runner.join().expect("a runner reports, never panics").err())
			.collect()
	});
	let result = if failures.is_empty() { Ok(()) } else { Err(failures.join("\n")) };
	let total = total.into_inner().expect("the run is over");
	let seconds = started.elapsed().as_secs_f64();
	println!(
		"fuzzed: seed {seed} ({runners} runners), {cases} chains, {} blocks, {} calls ({} succeeded, {} failed in \
		 the pallet, {} refused as invalid) in {seconds:.1} s ({:.0} calls/s, shrinking \
		 included); panics and broken invariants: {}",
		total.blocks,
		total.calls(),
		total.succeeded,
		total.failed(),
		total.invalid(),
		total.calls() as f64 / seconds,
		if result.is_ok() { "0" } else { "see below" },
	);
	for (heading, counts) in [("failed", &total.failed), ("invalid", &total.invalid)] {
		let mut counts: Vec<_> = counts.iter().collect();
		counts.sort_by(|a, b| b.1.cmp(a.1));
		for (reason, count) in counts {
			println!("  {heading}: {count} × {reason}");
		}
	}
	if let Err(failure) = result {
		panic!("{failure}");
	}
}
