//! Crash-restart under load (`docs/reliability.md`): the four validators of a local consortium and
//! an RPC node while three issuer keys issue credentials through the RPC node. Round after round a
//! validator picked by the run's seed is killed (SIGKILL, as a crash or a power cut would) and
//! restarted on its own database; then the whole network is stopped and started again, and the RPC
//! node is killed while a verifier queries it. Checked: every credential the client reported
//! finalized verifies `valid` on every node, finality goes on after every kill and the restarted
//! node catches up, every node restarts on its database, and no node's log shows a panic.
//!
//! The test suite runs [`DEFAULT_ROUNDS`] rounds; `scripts/chaos.sh` runs more
//! (`CREDCHAIN_CHAOS_ROUNDS`, `CREDCHAIN_CHAOS_SEED`) and prints the report.
//!
//! Also here: a validator whose disk fills up stops cleanly, saying so, refuses to start while the
//! disk is still full, and goes on where it stopped once space is freed.

use std::{
	path::{Path, PathBuf},
	process::Command,
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc,
	},
	time::{Duration, Instant},
};

use codec::Encode;
use credchain_client::{keys::SigningKey, CredChain, CredentialTerms, Digest};
use credchain_e2e::{hex_encode, http, local_chain_with_issuers, Node, NodeConfig};
use serde_json::Value;
use sp_crypto_hashing::blake2_256;

/// Rounds of the short version the test suite runs.
const DEFAULT_ROUNDS: u32 = 2;

/// The most rounds one run may ask for: each lasts about half a minute.
const MAX_ROUNDS: u32 = 500;

/// The validators of the local consortium.
const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// The keys that issue during the run: Bob's university, its registrar's delegate key (Dave) and
/// Charlie's training institute, accredited at genesis (`local_chain_with_issuers`).
const ISSUING_KEYS: [&str; 3] = ["Bob", "Dave", "Charlie"];

/// How long finality may take to move again after a kill, or a restarted node to catch up, before
/// the run fails.
const RECOVERY_TIMEOUT: Duration = Duration::from_secs(120);

/// A number from the environment variable `name`, or `default`.
fn setting(name: &str, default: u64) -> u64 {
	match std::env::var(name) {
		Ok(text) => {
			text.parse().unwrap_or_else(|_| panic!("{name} must be a number, not {text:?}"))
		}
		Err(_) => default,
	}
}

/// The run's deterministic choices: a number in `0..bound` for the `what` of round `round`.
fn choose(seed: u64, round: u32, what: &str, bound: u64) -> u64 {
	let hash = blake2_256(&(seed, round, what).encode());
	u64::from_le_bytes(hash[..8].try_into().expect("eight bytes")) % bound
}

/// Starts the consortium: the four validators, then Ferdie's RPC node; each restarts with every
/// other node as a bootnode, so that whichever comes back first finds the others.
async fn start_network() -> Vec<Node> {
	let chain = format!("--chain={}", local_chain_with_issuers().display());
	let mut nodes = Vec::new();
	let mut addresses: Vec<String> = Vec::new();
	for name in VALIDATORS.iter().copied().chain(["ferdie"]) {
		let config = if name == "ferdie" {
			NodeConfig::local_node(name)
		} else {
			NodeConfig::local_validator(name)
		};
		let config = config.with_chain(&chain).with_args(
			addresses.iter().map(|address| format!("--bootnodes={address}")).collect::<Vec<_>>(),
		);
		let node = Node::start(config).await;
		addresses.push(node.multiaddr().await);
		nodes.push(node);
	}
	for (index, node) in nodes.iter_mut().enumerate() {
		let others = addresses.iter().enumerate().filter(|(other, _)| *other != index);
		node.add_restart_args(others.map(|(_, address)| format!("--bootnodes={address}")));
	}
	nodes
}

/// What the issuing load produced: the digests the client reported finalized, and its errors.
#[derive(Default)]
struct Issued {
	finalized: Vec<Digest>,
	errors: Vec<String>,
}

/// Issues credentials with `key` through `url`, one after another, until `stop` is set.
async fn issue_until(url: String, name: &'static str, seed: u64, stop: Arc<AtomicBool>) -> Issued {
	let key = SigningKey::from_secret(&format!("//{name}")).expect("a well-known key");
	let chain = CredChain::connect(&url).await.expect("the RPC node answers");
	let mut issued = Issued::default();
	let mut counter = 0u64;
	while !stop.load(Ordering::Relaxed) {
		let digest = blake2_256(&(seed, name, counter).encode());
		counter += 1;
		match chain.issue(&key, digest, &CredentialTerms::default()).await {
			Ok(_) => issued.finalized.push(digest),
			Err(error) => {
				issued.errors.push(format!("{name}: {error}"));
				tokio::time::sleep(Duration::from_millis(500)).await;
			}
		}
	}
	issued
}

/// Waits until `node`'s finalized block reaches `number`; returns how long it took.
async fn time_to_finalize(node: &Node, number: u64, what: &str) -> Duration {
	let start = Instant::now();
	let deadline = start + RECOVERY_TIMEOUT;
	loop {
		if node.try_finalized_number().await.is_some_and(|finalized| finalized >= number) {
			return start.elapsed();
		}
		assert!(
			Instant::now() < deadline,
			"{what}: node {} did not finalize block {number} within {RECOVERY_TIMEOUT:?}:\n{}",
			node.name(),
			node.log_tail()
		);
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
}

/// The verdict status of `digest` on `node`.
async fn status_on(node: &Node, digest: &Digest) -> String {
	let verdict: Value =
		node.call("credentials_verify", vec![format!("0x{}", hex_encode(digest)).into()]).await;
	verdict["status"].as_str().unwrap_or_default().to_string()
}

/// The lines of `node`'s log that tell of a panic. (Not "Essential task ... failed": the node
/// logs that for its transaction pool's task on every shutdown, a clean one included.)
fn panics_in(node: &Node) -> Vec<String> {
	node.log().lines().filter(|line| line.contains("panicked")).map(str::to_string).collect()
}

/// Queries `credentials_verify` of `digest` on `node`'s port every 50 ms until `stop` is set;
/// returns (answers `valid`, other answers, failed requests).
async fn query_until(port: u16, digest: Digest, stop: Arc<AtomicBool>) -> (u32, Vec<String>, u32) {
	let url = format!("http://127.0.0.1:{port}/");
	let body = serde_json::json!({
		"jsonrpc": "2.0", "id": 1, "method": "credentials_verify",
		"params": [format!("0x{}", hex_encode(&digest))],
	})
	.to_string();
	let (mut valid, mut wrong, mut failed) = (0, Vec::new(), 0);
	while !stop.load(Ordering::Relaxed) {
		match http::try_post(&url, "application/json", &body).await {
			Ok((200, answer)) => {
				let answer: Value = serde_json::from_slice(&answer).unwrap_or_default();
				match answer["result"]["status"].as_str() {
					Some("valid") => valid += 1,
					_ => wrong.push(answer.to_string()),
				}
			}
			Ok(_) | Err(_) => failed += 1,
		}
		tokio::time::sleep(Duration::from_millis(50)).await;
	}
	(valid, wrong, failed)
}

#[tokio::test(flavor = "multi_thread")]
async fn validators_killed_under_load_lose_no_finalized_credential() {
	let rounds = setting("CREDCHAIN_CHAOS_ROUNDS", DEFAULT_ROUNDS.into());
	assert!((1..=MAX_ROUNDS.into()).contains(&rounds), "CREDCHAIN_CHAOS_ROUNDS: 1 to {MAX_ROUNDS}");
	let rounds = rounds as u32;
	let seed = setting("CREDCHAIN_CHAOS_SEED", 1);
	let mut nodes = start_network().await;
	let ferdie = VALIDATORS.len();
	let url = format!("ws://127.0.0.1:{}", nodes[ferdie].rpc_port());
	time_to_finalize(&nodes[ferdie], 2, "the consortium's start").await;

	// The load: each issuing key issues one credential after another through the RPC node.
	let stop_load = Arc::new(AtomicBool::new(false));
	let load: Vec<_> = ISSUING_KEYS
		.iter()
		.map(|name| tokio::spawn(issue_until(url.clone(), name, seed, stop_load.clone())))
		.collect();

	let (mut worst_finality, mut worst_catch_up) = (Duration::ZERO, Duration::ZERO);
	for round in 0..rounds {
		tokio::time::sleep(Duration::from_secs(4 + choose(seed, round, "load", 8))).await;
		let victim = choose(seed, round, "victim", VALIDATORS.len() as u64) as usize;
		let finalized = nodes[ferdie].finalized_number().await;
		nodes[victim].kill();
		// Three validators of four still make the two thirds GRANDPA needs.
		let finality =
			time_to_finalize(&nodes[ferdie], finalized + 3, "finality after a kill").await;
		tokio::time::sleep(Duration::from_secs(choose(seed, round, "down", 5))).await;
		let restarted = Instant::now();
		nodes[victim].restart().await;
		let network = nodes[ferdie].finalized_number().await;
		let catch_up = restarted.elapsed()
			+ time_to_finalize(&nodes[victim], network, "a restarted validator catching up").await;
		println!(
			"round {round}: killed {} at #{finalized}; finality moved 3 blocks in {:.1} s; \
			 restarted, caught up with #{network} in {:.1} s",
			VALIDATORS[victim],
			finality.as_secs_f64(),
			catch_up.as_secs_f64()
		);
		worst_finality = worst_finality.max(finality);
		worst_catch_up = worst_catch_up.max(catch_up);
	}

	stop_load.store(true, Ordering::Relaxed);
	let mut issued = Issued::default();
	for task in load {
		let part = task.await.expect("an issuing task ends");
		issued.finalized.extend(part.finalized);
		issued.errors.extend(part.errors);
	}
	assert!(!issued.finalized.is_empty(), "nothing was issued under the load: {:?}", issued.errors);

	// The whole network stops (as for maintenance) and starts again on its databases.
	let before = nodes[ferdie].finalized_number().await;
	for node in nodes.iter_mut() {
		node.stop_cleanly(Duration::from_secs(60));
	}
	let restarted = Instant::now();
	for node in nodes.iter_mut() {
		node.restart().await;
	}
	for node in &nodes {
		time_to_finalize(node, before + 2, "finality after the whole network restarted").await;
	}
	let network_restart = restarted.elapsed();

	// The RPC node is killed while a verifier queries it; it answers again once restarted, and
	// never with anything but the truth.
	let sample = issued.finalized[0];
	let stop_queries = Arc::new(AtomicBool::new(false));
	let queries = tokio::spawn(query_until(nodes[ferdie].rpc_port(), sample, stop_queries.clone()));
	tokio::time::sleep(Duration::from_secs(2)).await;
	nodes[ferdie].kill();
	tokio::time::sleep(Duration::from_secs(2)).await;
	nodes[ferdie].restart().await;
	tokio::time::sleep(Duration::from_secs(2)).await;
	stop_queries.store(true, Ordering::Relaxed);
	let (valid_answers, wrong_answers, failed_queries) = queries.await.expect("the verifier ends");
	assert!(wrong_answers.is_empty(), "the RPC node answered wrongly: {wrong_answers:?}");
	assert!(valid_answers > 0, "the verifier got no answer at all");

	// Nothing reported finalized is lost, on any node.
	for node in &nodes {
		for digest in &issued.finalized {
			let status = status_on(node, digest).await;
			assert_eq!(
				status,
				"valid",
				"node {}: 0x{} is {status}",
				node.name(),
				hex_encode(digest)
			);
		}
	}
	for node in &nodes {
		let panics = panics_in(node);
		assert!(panics.is_empty(), "node {} panicked: {panics:#?}", node.name());
	}
	println!(
		"chaos report: seed {seed}, {rounds} rounds, {rounds} validator kills and 1 RPC-node kill; \
		 {} credentials finalized, 0 lost (each valid on all {} nodes); {} issuing errors {:?}; \
		 worst finality after a kill {:.1} s, worst catch-up of a restarted validator {:.1} s; \
		 whole network restarted and finalizing again in {:.1} s; verifier during the RPC-node \
		 kill: {valid_answers} valid answers, {failed_queries} failed requests, 0 wrong answers",
		issued.finalized.len(),
		nodes.len(),
		issued.errors.len(),
		issued.errors.iter().take(5).collect::<Vec<_>>(),
		worst_finality.as_secs_f64(),
		worst_catch_up.as_secs_f64(),
		network_restart.as_secs_f64(),
	);
}

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped. Mounting needs root (or
/// `CAP_SYS_ADMIN`), which the project's test machines and CI have.
struct SmallDisk {
	path: PathBuf,
}

impl SmallDisk {
	fn mount(size: &str) -> SmallDisk {
		let path = tempfile::Builder::new()
			.prefix("credchain-e2e-disk-")
			.tempdir()
			.expect("a temporary folder can be made")
			.keep();
		let status = Command::new("mount")
			.args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
			.arg(&path)
			.status()
			.expect("mount runs");
		assert!(
			status.success(),
			"cannot mount a {size} tmpfs on {} (this test needs root or CAP_SYS_ADMIN)",
			path.display()
		);
		SmallDisk { path }
	}

	fn path(&self) -> &Path {
		&self.path
	}

	/// Free space in MiB.
	fn free_mib(&self) -> u64 {
		let output = Command::new("df")
			.args(["--output=avail", "--block-size=1M"])
			.arg(&self.path)
			.output()
			.expect("df runs");
		String::from_utf8_lossy(&output.stdout)
			.lines()
			.nth(1)
			.and_then(|line| line.trim().parse().ok())
			.expect("df prints the free space")
	}
}

impl Drop for SmallDisk {
	fn drop(&mut self) {
		let _ = Command::new("umount").arg("-l").arg(&self.path).status();
		let _ = std::fs::remove_dir_all(&self.path);
	}
}

/// Writes a file of zeros of `mib` MiB.
fn fill(path: &Path, mib: u64) {
	use std::io::Write;
	let mut file = std::fs::File::create(path).expect("the filler can be created");
	let chunk = vec![0u8; 1 << 20];
	for _ in 0..mib {
		if file.write_all(&chunk).is_err() {
			break;
		}
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_validator_whose_disk_fills_stops_cleanly_and_goes_on_once_space_is_freed() {
	const THRESHOLD_MIB: u64 = 64;
	let disk = SmallDisk::mount("192m");
	let mut node = Node::start(NodeConfig::dev().in_folder(disk.path()).with_args([
		format!("--db-storage-threshold={THRESHOLD_MIB}"),
		"--db-storage-polling-period=1".into(),
	]))
	.await;
	let key = SigningKey::from_secret("//Bob").expect("a well-known key");
	let chain = CredChain::connect(&format!("ws://127.0.0.1:{}", node.rpc_port()))
		.await
		.expect("the node answers");
	let digest = blake2_256(b"issued before the disk filled up");
	chain.issue(&key, digest, &CredentialTerms::default()).await.expect("Bob issues");
	drop(chain);
	let finalized = node.finalized_number().await;

	// Something else fills the disk until less than the threshold is free.
	let filler = disk.path().join("filler");
	fill(&filler, disk.free_mib() - THRESHOLD_MIB / 2);
	assert!(disk.free_mib() < THRESHOLD_MIB, "the filler left {} MiB free", disk.free_mib());
	let status = node.wait_for_exit(Duration::from_secs(60));
	assert!(!status.success(), "a node out of disk space exited as if all were well");
	let log = node.log();
	assert!(log.contains("dropped below threshold"), "no clear log line:\n{}", node.log_tail());
	assert!(!log.contains("panicked"), "the node panicked:\n{}", node.log_tail());

	// Started again on the full disk, it refuses at once, saying why.
	let status = node.start_and_wait_for_exit(Duration::from_secs(120));
	assert!(!status.success());
	let tail = node.log_tail();
	assert!(tail.contains("Out of storage space: available"), "no clear refusal:\n{tail}");

	// Space freed, it goes on from its database: the credential is there, blocks are finalized.
	std::fs::remove_file(&filler).expect("the filler can be removed");
	node.restart().await;
	time_to_finalize(&node, finalized + 3, "finality after space was freed").await;
	assert_eq!(status_on(&node, &digest).await, "valid");
	let panics = panics_in(&node);
	assert!(panics.is_empty(), "the node panicked: {panics:#?}");
}
