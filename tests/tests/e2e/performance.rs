//! The load generators in their short smoke versions, so that they cannot rot (their real runs are
//! benchmarks: `scripts/bench-issue.sh`, `scripts/bench-scale.sh`, `docs/performance.md`), and
//! what a registrar's parallel scripts and a full transaction pool do to issuing.

use std::time::Duration;

use credchain_e2e::{
	cli::{pdf, Client, Run, ERROR, NOT_VALID, VALID},
	Node, NodeConfig,
};

/// The value after `name:` on its line of a report.
fn field<'a>(run: &'a Run, name: &str) -> &'a str {
	let prefix = format!("{name}:");
	run.stdout
		.lines()
		.find_map(|line| line.strip_prefix(prefix.as_str()))
		.map(str::trim)
		.unwrap_or_else(|| panic!("the report has no `{name}` line:\n{}", run.stdout))
}

/// The first number of `text`.
fn first_number(text: &str) -> f64 {
	text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
		.find(|word| !word.is_empty())
		.and_then(|number| number.parse().ok())
		.unwrap_or_else(|| panic!("no number in {text:?}"))
}

/// Runs `credchain bench issue` with `args` after the run's shape (one issuer, three delegates, two
/// connections, a two-minute timeout) and asserts its exit code.
fn bench(client: &Client, code: i32, args: &[&str]) -> Run {
	bench_for(client, code, "120", args)
}

/// [`bench`] with a timeout of `timeout` seconds.
fn bench_for(client: &Client, code: i32, timeout: &str, args: &[&str]) -> Run {
	let mut all =
		vec!["bench", "issue", "--issuers", "1", "--delegates", "3", "--connections", "2"];
	all.extend_from_slice(&["--timeout", timeout]);
	all.extend_from_slice(args);
	client.run(&all).expect(code)
}

#[tokio::test(flavor = "multi_thread")]
async fn parallel_issuing_and_the_load_generators_smoke_runs() {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let dir = tempfile::tempdir().expect("a temporary folder");

	// A registrar's two scripts issue with the same key at the same moment: the second takes the
	// nonce after the first's, from the pool, and both succeed.
	let documents: Vec<_> = (0..2)
		.map(|index| {
			let path = dir.path().join(format!("diploma-{index}.pdf"));
			std::fs::write(&path, pdf(&format!("Diploma {index}"))).unwrap();
			path
		})
		.collect();
	let runs: Vec<Run> = std::thread::scope(|scope| {
		let workers: Vec<_> = documents
			.iter()
			.map(|path| {
				let client = &client;
				scope.spawn(move || {
					client.run(&["issue", path.to_str().unwrap(), "--issuer-key", "//Bob"])
				})
			})
			.collect();
		workers.into_iter().map(|worker| worker.join().expect("an issuing script")).collect()
	});
	for run in runs {
		run.expect(0).says("Issued");
	}
	for path in &documents {
		client.run(&["verify", path.to_str().unwrap()]).expect(VALID).says("Example University");
	}

	// Single issues from four keys: every transaction finalized and succeeded, none lost.
	let issued = bench(&client, 0, &["--mode", "issue", "--transactions", "120"]);
	assert!(field(&issued, "finalized")
		.starts_with("120 transactions (120 succeeded, 120 credentials)"));
	assert_eq!(field(&issued, "signers"), "4");
	assert!(first_number(field(&issued, "rate")) > 0.0, "{issued:?}");
	assert!(field(&issued, "latency").contains("p99"), "{issued:?}");
	assert!(field(&issued, "fullest").contains("of the normal weight limit"), "{issued:?}");
	assert!(first_number(field(&issued, "ceiling")) > 0.0, "{issued:?}");
	for absent in ["refused:", "left pool:", "unanswered:", "failed:"] {
		assert!(!issued.stdout.contains(absent), "{issued:?}");
	}

	// A steady load: 20 transactions at 5 per second cannot all be sent in less than 3.8 s (the
	// last is due 19/5 s after the first), and are all finalized.
	let paced = bench(&client, 0, &["--mode", "issue", "--transactions", "20", "--rate", "5"]);
	let finalized = field(&paced, "finalized");
	assert!(finalized.starts_with("20 transactions (20 succeeded"), "{paced:?}");
	let seconds = first_number(finalized.split(" in ").nth(1).expect("a duration"));
	assert!(seconds >= 3.8, "20 transactions at 5/s all finalized in {seconds} s: {paced:?}");
	bench(&client, ERROR, &["--mode", "issue", "--transactions", "2", "--rate", "0"])
		.complains("--rate must be more than 0");

	// Batches: their credentials are on chain, one of them verifies.
	let batches =
		bench(&client, 0, &["--mode", "issue-batch", "--transactions", "4", "--batch-size", "25"]);
	assert!(
		field(&batches, "finalized").starts_with("4 transactions (4 succeeded, 100 credentials)")
	);
	let sample = field(&batches, "sample").to_string();
	client.run(&["verify", sample.as_str()]).expect(VALID).says("Bench issuer");

	bench(&client, 0, &["--mode", "anchor-batch", "--transactions", "4", "--batch-size", "1000"])
		.says("4 succeeded, 4000 credentials");

	// The baseline's transactions are included and fail in the pallet, as designed.
	let baseline = bench(&client, 0, &["--mode", "baseline", "--transactions", "12"]);
	assert!(field(&baseline, "finalized").starts_with("12 transactions (0 succeeded"));
	assert!(field(&baseline, "failed").starts_with("12 ×"), "{baseline:?}");

	// `bench fill` issues in full batches.
	client
		.run(&[
			"bench",
			"fill",
			"--credentials",
			"450",
			"--batch-size",
			"100",
			"--issuers",
			"1",
			"--delegates",
			"1",
			"--timeout",
			"120",
		])
		.expect(0)
		.says("5 transactions (5 succeeded, 500 credentials)");

	let signatures = client.run(&["bench", "signatures", "--duration", "1"]).expect(0);
	assert!(first_number(field(&signatures, "per core")) > 100.0, "{signatures:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_pool_s_refusals_are_reported_never_lost() {
	// A pool of 40 transactions (and 4 future ones) against 300 sent at once.
	let node = Node::start(NodeConfig::dev().with_args(["--pool-limit".into(), "40".into()])).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let client = Client::new(&node);
	let run = bench_for(&client, NOT_VALID, "30", &["--mode", "issue", "--transactions", "300"]);
	let finalized = first_number(field(&run, "finalized")) as u64;
	let lost: u64 = run
		.stdout
		.lines()
		.filter(|line| {
			line.starts_with("refused:")
				|| line.starts_with("left pool:")
				|| line.starts_with("unanswered:")
		})
		.map(|line| first_number(line.split_once(':').unwrap().1) as u64)
		.sum();
	assert!(finalized < 300, "{run:?}");
	assert_eq!(finalized + lost, 300, "every transaction is accounted for: {run:?}");
}
