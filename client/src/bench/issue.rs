//! A load generator for issuing (`credchain bench issue`), the way polkadot-stps and sub-flood work:
//!
//! 1. **Signers.** A development chain's sudo key admits fresh bench issuers (no quota limit), each
//!    of which invites delegates that accept — `issuers × (1 + delegates)` signer keys, derived from
//!    the run's tag so that runs never collide.
//! 2. **Signing ahead.** Every transaction is signed before the first is sent, with explicit
//!    consecutive nonces per signer, immortal.
//! 3. **Submission.** Each signer sends its transactions in nonce order over one of several
//!    WebSocket connections with `author_submitAndWatchExtrinsic`, waiting only for the pool to take
//!    each before sending the next; signers run concurrently.
//! 4. **Watching.** Every transaction's status is followed until it is finalized or leaves the pool
//!    (dropped, invalid, usurped, finality timeout), so a transaction the pool loses is counted and
//!    named, never silently missing.
//! 5. **Report.** Finalized credentials per second, submit→finalized latency percentiles, what each
//!    block carried and the share of its weight limit it used, and every refusal with its reason.
//!
//! A run is bounded: at most [`MAX_TRANSACTIONS`] transactions and a timeout after submission
//! starts; a transaction without a final status by then is reported as unanswered.

use std::{
	collections::BTreeMap,
	sync::{
		atomic::{AtomicUsize, Ordering},
		Arc,
	},
	time::{Duration, Instant},
};

use jsonrpsee::{
	core::client::{Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use subxt::utils::{AccountId32, Static};
use tokio::{
	sync::{Notify, Semaphore},
	task::JoinSet,
};

use super::stats::{micros, percentile_ms};
use crate::{
	chain::{BlockLoad, SignedTransaction},
	digest::sha256,
	keys::SigningKey,
	profile::IssuerProfile,
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	CredChain, CredentialTerms, Digest, Error, IssuanceQuota, Result,
};

/// The most transactions one run sends.
pub const MAX_TRANSACTIONS: u32 = 1_000_000;

/// The most bench issuers one run admits.
pub const MAX_ISSUERS: u32 = 16;

/// The most connections one run opens.
pub const MAX_CONNECTIONS: usize = 64;

/// The highest steady submission rate one run may ask for, in transactions per second.
pub const MAX_RATE: f64 = 100_000.0;

/// The longest a run may wait for its transactions once submission starts.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(6 * 3600);

/// The most transactions watched at once on one connection: below the node's default limit of
/// subscriptions per connection (1,024).
const MAX_WATCHED_PER_CONNECTION: usize = 1_000;

/// The most blocks a report describes one by one.
const MAX_REPORTED_BLOCKS: u64 = 5_000;

/// What each transaction does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadMode {
	/// `Credentials.issue`: one credential per transaction.
	Issue,
	/// `Credentials.issue_batch`: `batch_size` credentials per transaction, each its own record.
	IssueBatch,
	/// `Credentials.anchor_batch`: the Merkle root of `batch_size` credentials per transaction.
	AnchorBatch,
	/// The cheapest signed transaction a bench signer may send: `Credentials.suspend` of a digest
	/// never issued, which passes every transaction check, is included, and fails in the pallet after
	/// one read — the cost of the transaction pipeline itself, to compare the others with.
	Baseline,
}

impl LoadMode {
	/// The mode's name on the command line and in reports.
	pub fn name(self) -> &'static str {
		match self {
			Self::Issue => "issue",
			Self::IssueBatch => "issue-batch",
			Self::AnchorBatch => "anchor-batch",
			Self::Baseline => "baseline",
		}
	}

	/// How many credentials one successful transaction of this mode issues.
	pub fn credentials_per_transaction(self, batch_size: u32) -> u32 {
		match self {
			Self::Issue => 1,
			Self::IssueBatch | Self::AnchorBatch => batch_size,
			Self::Baseline => 0,
		}
	}
}

/// How to run.
#[derive(Debug)]
pub struct IssueLoadConfig {
	/// The node's WebSocket URL.
	pub url: String,
	/// The development chain's sudo key, which admits the bench issuers.
	pub sudo: SigningKey,
	/// What each transaction does.
	pub mode: LoadMode,
	/// How many transactions to send, 1 to [`MAX_TRANSACTIONS`].
	pub transactions: u32,
	/// Credentials per `issue_batch`, or leaves per anchored batch.
	pub batch_size: u32,
	/// How many bench issuers sign, 1 to [`MAX_ISSUERS`].
	pub issuers: u32,
	/// How many delegates of each issuer sign too (at most the chain's `MaxDelegates`).
	pub delegates_per_issuer: u32,
	/// How many WebSocket connections carry the transactions, 1 to [`MAX_CONNECTIONS`].
	pub connections: usize,
	/// A steady submission rate in transactions per second (up to [`MAX_RATE`]), for latency
	/// under a given load; `None` sends every transaction as fast as the pool takes them.
	pub rate: Option<f64>,
	/// How long to wait for the transactions once submission starts, up to [`MAX_TIMEOUT`].
	pub timeout: Duration,
	/// What distinguishes this run's keys and digests from other runs' on the same chain.
	pub tag: String,
}

/// How one transaction ended.
#[derive(Clone, Debug)]
enum Fate {
	/// Finalized at `at`, `latency` after it was submitted.
	Finalized {
		/// From submission to finality.
		latency: Duration,
		/// When its finality was seen.
		at: Instant,
	},
	/// The node would not take it, with its reason.
	Refused(String),
	/// The pool took it, then let it go without including it (`dropped`, `invalid`, ...).
	LeftPool(String),
	/// No final status before the run's timeout.
	Unanswered,
}

/// What a run measured.
#[derive(Clone, Debug)]
pub struct IssueLoadReport {
	/// What each transaction did.
	pub mode: LoadMode,
	/// How many keys signed.
	pub signers: usize,
	/// Transactions sent.
	pub transactions: u32,
	/// Credentials per successful transaction.
	pub credentials_per_transaction: u32,
	/// How long signing every transaction took.
	pub signing: Duration,
	/// From the first submission to the last finalization seen.
	pub elapsed: Duration,
	/// Transactions whose finalization was seen.
	pub finalized: u32,
	/// Transactions the node would not take, by reason.
	pub refused: BTreeMap<String, u32>,
	/// Transactions the pool took and let go without including them, by status.
	pub left_pool: BTreeMap<String, u32>,
	/// Transactions without a final status when the run timed out.
	pub unanswered: u32,
	/// Submit→finalized latency percentiles, in milliseconds: p50, p95, p99.
	pub latency_ms: [f64; 3],
	/// The blocks that carried the run's transactions, first to last.
	pub blocks: Vec<BlockLoad>,
	/// The most weight normal transactions may use in a block, in picoseconds.
	pub max_normal_ref_time: u64,
	/// One credential this run issued (none for the baseline), for a verification benchmark.
	pub sample_digest: Option<Digest>,
}

impl IssueLoadReport {
	/// Transactions the blocks carried that succeeded.
	pub fn succeeded(&self) -> u64 {
		self.blocks.iter().map(|block| u64::from(block.succeeded)).sum()
	}

	/// Transactions the blocks carried that failed, by reason.
	pub fn failed(&self) -> BTreeMap<String, u32> {
		let mut failed = BTreeMap::new();
		for block in &self.blocks {
			for (reason, count) in &block.failed {
				*failed.entry(reason.clone()).or_default() += count;
			}
		}
		failed
	}

	/// Credentials finalized per second, from the first submission to the last finalization.
	pub fn credentials_per_second(&self) -> f64 {
		let credentials = self.succeeded() * u64::from(self.credentials_per_transaction);
		credentials as f64 / self.elapsed.as_secs_f64().max(f64::EPSILON)
	}

	/// Transactions included per second of chain time, from the first block that carried the run's
	/// transactions to the last (by the blocks' timestamps, counting the first block's slot); `None`
	/// when the load fit in one block, whose duration the blocks do not tell.
	pub fn transactions_per_chain_second(&self) -> Option<f64> {
		let (first, last) = (self.blocks.first()?, self.blocks.last()?);
		let span_ms = last.timestamp_ms.saturating_sub(first.timestamp_ms) + self.slot_ms()?;
		let carried: u64 = self.blocks.iter().map(|block| u64::from(block.transactions())).sum();
		Some(carried as f64 * 1000.0 / (span_ms as f64).max(1.0))
	}

	/// The time between blocks (the median gap of the reported blocks), in milliseconds; `None`
	/// with fewer than two blocks.
	pub fn slot_ms(&self) -> Option<u64> {
		let mut gaps: Vec<u64> = self
			.blocks
			.windows(2)
			.map(|pair| pair[1].timestamp_ms.saturating_sub(pair[0].timestamp_ms))
			.collect();
		gaps.sort_unstable();
		gaps.get(gaps.len() / 2).copied()
	}

	/// The most transactions one block carried.
	pub fn fullest_block(&self) -> Option<&BlockLoad> {
		self.blocks.iter().max_by_key(|block| block.transactions())
	}
}

/// Sets up the signers, signs, submits and watches the load `config` describes, and reports.
pub async fn run(config: &IssueLoadConfig, progress: &dyn Fn(&str)) -> Result<IssueLoadReport> {
	check(config)?;
	let chain = CredChain::connect(&config.url).await?;
	let max_batch = chain.max_batch_size().await?;
	if matches!(config.mode, LoadMode::IssueBatch) && config.batch_size > max_batch {
		return Err(Error::input(format!(
			"--batch-size {} is larger than this chain's largest batch ({max_batch})",
			config.batch_size
		)));
	}

	progress(&format!(
		"admitting {} bench issuer(s) with {} delegate(s) each",
		config.issuers, config.delegates_per_issuer
	));
	let signers = prepare_signers(&chain, config).await?;

	progress(&format!(
		"signing {} {} transactions with {} keys",
		config.transactions,
		config.mode.name(),
		signers.len()
	));
	let signing_started = Instant::now();
	let (queues, sample_digest) = sign_all(&chain, config, &signers).await?;
	let signing = signing_started.elapsed();

	let max_normal_ref_time = chain.max_normal_ref_time().await?;
	let first_block = chain.finalized_number().await? + 1;
	progress(&format!(
		"submitting over {} connections and waiting for finality",
		config.connections
	));
	let started = Instant::now();
	let fates = submit_all(config, queues).await?;
	let mut elapsed = Duration::ZERO;
	let mut latencies = Vec::new();
	let mut refused = BTreeMap::new();
	let mut left_pool = BTreeMap::new();
	let mut unanswered = 0;
	for fate in fates {
		match fate {
			Fate::Finalized { latency, at } => {
				elapsed = elapsed.max(at.duration_since(started));
				latencies.push(micros(latency));
			}
			Fate::Refused(reason) => *refused.entry(reason).or_default() += 1,
			Fate::LeftPool(status) => *left_pool.entry(status).or_default() += 1,
			Fate::Unanswered => unanswered += 1,
		}
	}
	latencies.sort_unstable();

	progress("reading the blocks that carried the load");
	let last_block = chain.finalized_number().await?;
	let blocks = read_blocks(&chain, first_block, last_block).await?;
	Ok(IssueLoadReport {
		mode: config.mode,
		signers: signers.len(),
		transactions: config.transactions,
		credentials_per_transaction: config.mode.credentials_per_transaction(config.batch_size),
		signing,
		elapsed,
		finalized: latencies.len() as u32,
		refused,
		left_pool,
		unanswered,
		latency_ms: [0.50, 0.95, 0.99].map(|quantile| percentile_ms(&latencies, quantile)),
		blocks,
		max_normal_ref_time,
		sample_digest,
	})
}

/// Checks the configuration's bounds.
fn check(config: &IssueLoadConfig) -> Result<()> {
	if config.transactions == 0 || config.transactions > MAX_TRANSACTIONS {
		return Err(Error::input(format!(
			"--transactions must be between 1 and {MAX_TRANSACTIONS}"
		)));
	}
	if config.issuers == 0 || config.issuers > MAX_ISSUERS {
		return Err(Error::input(format!("--issuers must be between 1 and {MAX_ISSUERS}")));
	}
	if config.connections == 0 || config.connections > MAX_CONNECTIONS {
		return Err(Error::input(format!("--connections must be between 1 and {MAX_CONNECTIONS}")));
	}
	if config.rate.is_some_and(|rate| !(rate > 0.0 && rate <= MAX_RATE)) {
		return Err(Error::input(format!(
			"--rate must be more than 0 and at most {MAX_RATE} transactions per second"
		)));
	}
	if config.timeout.is_zero() || config.timeout > MAX_TIMEOUT {
		return Err(Error::input(format!(
			"--timeout must be between 1 and {} seconds",
			MAX_TIMEOUT.as_secs()
		)));
	}
	if matches!(config.mode, LoadMode::IssueBatch | LoadMode::AnchorBatch) && config.batch_size == 0
	{
		return Err(Error::input("--batch-size must be at least 1"));
	}
	if config.tag.is_empty() || !config.tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
		return Err(Error::input("--tag must be letters, digits and dashes"));
	}
	Ok(())
}

/// Admits the run's bench issuers (no quota limit) and their delegates; returns every signer key,
/// issuers first.
async fn prepare_signers(chain: &CredChain, config: &IssueLoadConfig) -> Result<Vec<SigningKey>> {
	let issuer_key =
		|i: u32| SigningKey::from_secret(&format!("//CredChainBench//{}//issuer{i}", config.tag));
	let issuers: Vec<SigningKey> = (0..config.issuers).map(issuer_key).collect::<Result<_>>()?;
	let unlimited = IssuanceQuota { per_block: 100_000_000, per_day: 100_000_000 };
	// The sudo key's transactions take consecutive nonces in this order, so each issuer is admitted
	// before its quota is set, in the same block or an earlier one.
	futures::future::try_join_all(issuers.iter().enumerate().map(|(index, issuer)| async move {
		let profile = IssuerProfile::new(
			&format!("Bench issuer {index} ({})", config.tag),
			&format!("https://bench-{index}.{}.credchain.invalid", config.tag.to_ascii_lowercase()),
			"ZZ",
		)?;
		chain.admit_issuer(&config.sudo, &issuer.account(), &profile).await?;
		chain.set_issuance_quota(&config.sudo, &issuer.account(), Some(unlimited)).await
	}))
	.await?;

	let mut delegates = Vec::new();
	for (i, _) in issuers.iter().enumerate() {
		for d in 0..config.delegates_per_issuer {
			let secret = format!("//CredChainBench//{}//issuer{i}//delegate{d}", config.tag);
			delegates.push((i, SigningKey::from_secret(&secret)?));
		}
	}
	let issuer_keys = &issuers;
	futures::future::try_join_all(delegates.iter().map(|(i, delegate)| async move {
		chain.add_delegate(&issuer_keys[*i], &delegate.account()).await
	}))
	.await?;
	futures::future::try_join_all(delegates.iter().map(|(i, delegate)| async move {
		chain.accept_delegation(delegate, &issuer_keys[*i].account()).await
	}))
	.await?;
	Ok(issuers.into_iter().chain(delegates.into_iter().map(|(_, key)| key)).collect())
}

/// The digest of credential `index` of transaction `transaction` of the run `tag`.
fn bench_digest(tag: &str, transaction: u32, index: u32) -> Digest {
	sha256(format!("credchain-bench/{tag}/{transaction}/{index}").as_bytes())
}

/// Signs every transaction of the run, dealt round-robin to the signers: one queue per signer, in
/// nonce order. Also returns one credential the run issues.
async fn sign_all(
	chain: &CredChain,
	config: &IssueLoadConfig,
	signers: &[SigningKey],
) -> Result<(Vec<Vec<SignedTransaction>>, Option<Digest>)> {
	let signer_count = signers.len() as u32;
	let mut queues = Vec::with_capacity(signers.len());
	for (s, key) in signers.iter().enumerate() {
		let numbers: Vec<u32> =
			(s as u32..config.transactions).step_by(signer_count as usize).collect();
		let queue = match config.mode {
			LoadMode::Issue => {
				let calls: Vec<_> = numbers
					.iter()
					.map(|&n| {
						let terms = Static(CredentialTerms::default());
						runtime::tx().credentials().issue(bench_digest(&config.tag, n, 0), terms)
					})
					.collect();
				chain.sign_ahead(key, &calls).await?
			}
			LoadMode::IssueBatch => {
				let calls: Vec<_> = numbers
					.iter()
					.map(|&n| {
						let credentials = (0..config.batch_size)
							.map(|i| {
								Static(pallet_credentials::CredentialInput {
									digest: bench_digest(&config.tag, n, i),
									terms: CredentialTerms::default(),
								})
							})
							.collect();
						runtime::tx().credentials().issue_batch(BoundedVec(credentials))
					})
					.collect();
				chain.sign_ahead(key, &calls).await?
			}
			LoadMode::AnchorBatch => {
				let calls: Vec<_> = numbers
					.iter()
					.map(|&n| {
						// The root of a batch this run never publishes: anchoring costs the same.
						runtime::tx().credentials().anchor_batch(
							bench_digest(&config.tag, n, u32::MAX),
							config.batch_size,
							Static(CredentialTerms::default()),
						)
					})
					.collect();
				chain.sign_ahead(key, &calls).await?
			}
			LoadMode::Baseline => {
				let calls: Vec<_> = numbers
					.iter()
					.map(|&n| {
						let never_issued = bench_digest(&config.tag, n, u32::MAX - 1);
						runtime::tx().credentials().suspend(never_issued, None::<AccountId32>)
					})
					.collect();
				chain.sign_ahead(key, &calls).await?
			}
		};
		queues.push(queue);
	}
	let sample = match config.mode {
		LoadMode::Issue | LoadMode::IssueBatch => Some(bench_digest(&config.tag, 0, 0)),
		LoadMode::AnchorBatch | LoadMode::Baseline => None,
	};
	Ok((queues, sample))
}

/// Submits every queue (each in order, queues concurrently) and watches every transaction until it
/// ends or the run times out.
async fn submit_all(
	config: &IssueLoadConfig,
	queues: Vec<Vec<SignedTransaction>>,
) -> Result<Vec<Fate>> {
	let mut connections = Vec::with_capacity(config.connections);
	for _ in 0..config.connections {
		let client = WsClientBuilder::default()
			.max_concurrent_requests(MAX_WATCHED_PER_CONNECTION * 2)
			.request_timeout(Duration::from_secs(120))
			.build(&config.url)
			.await
			.map_err(|error| Error::unreachable(&config.url, error))?;
		connections.push((Arc::new(client), Arc::new(Semaphore::new(MAX_WATCHED_PER_CONNECTION))));
	}
	let start = tokio::time::Instant::now();
	let deadline = start + config.timeout;
	let signers = queues.len();
	let mut senders = JoinSet::new();
	for (index, queue) in queues.into_iter().enumerate() {
		let (client, slots) = connections[index % connections.len()].clone();
		let pace = config.rate.map(|rate| Pace { start, rate, signer: index, signers });
		senders.spawn(send_queue(client, slots, queue, pace, deadline));
	}
	let mut fates = Vec::with_capacity(config.transactions as usize);
	while let Some(sent) = senders.join_next().await {
		let mut watchers =
			sent.map_err(|error| Error::Uncertain(format!("a sender stopped: {error}")))?;
		while let Some(fate) = watchers.join_next().await {
			fates.push(
				fate.unwrap_or_else(|error| Fate::LeftPool(format!("watcher stopped: {error}"))),
			);
		}
	}
	Ok(fates)
}

/// A steady submission schedule: the signers take turns, so the run's `k`-th transaction (the
/// `k / signers`-th of signer `k % signers`) is due `k / rate` seconds after the start.
#[derive(Clone, Copy, Debug)]
struct Pace {
	/// When the first transaction is due.
	start: tokio::time::Instant,
	/// Transactions per second, over every signer.
	rate: f64,
	/// This signer's place in the turn.
	signer: usize,
	/// How many signers take turns.
	signers: usize,
}

impl Pace {
	/// When this signer's `position`-th transaction is due.
	fn due(&self, position: usize) -> tokio::time::Instant {
		let turn = position * self.signers + self.signer;
		self.start + Duration::from_secs_f64(turn as f64 / self.rate)
	}
}

/// Why a transaction is given up on when an earlier one of its signer's left the pool without being
/// included: its nonce can never be reached, so the pool keeps it in its future queue for good.
const STRANDED: &str = "stranded: an earlier transaction of its signer left the pool";

/// Where one signer's queue stands: the first of its transactions (by position) that left the pool
/// without being included, which strands every later one.
#[derive(Debug)]
struct QueueState {
	/// The position of the first transaction that left the pool; `usize::MAX` while none has.
	first_left: AtomicUsize,
	/// Wakes the watchers when `first_left` moves.
	moved: Notify,
}

impl QueueState {
	fn new() -> Self {
		Self { first_left: AtomicUsize::new(usize::MAX), moved: Notify::new() }
	}

	/// The transaction at `position` left the pool (or was never taken).
	fn left(&self, position: usize) {
		self.first_left.fetch_min(position, Ordering::SeqCst);
		self.moved.notify_waiters();
	}

	/// Waits until a transaction before `position` has left the pool.
	async fn stranded(&self, position: usize) {
		loop {
			let moved = self.moved.notified();
			if self.first_left.load(Ordering::SeqCst) < position {
				return;
			}
			moved.await;
		}
	}
}

/// Sends one signer's transactions in nonce order, each once the pool took the one before (and,
/// with a `pace`, not before it is due); returns the tasks watching them. Once one of them is
/// refused or leaves the pool, the later ones are reported stranded instead of awaited.
async fn send_queue(
	client: Arc<WsClient>,
	slots: Arc<Semaphore>,
	queue: Vec<SignedTransaction>,
	pace: Option<Pace>,
	deadline: tokio::time::Instant,
) -> JoinSet<Fate> {
	let state = Arc::new(QueueState::new());
	let mut watchers = JoinSet::new();
	for (position, transaction) in queue.into_iter().enumerate() {
		if let Some(pace) = pace {
			tokio::time::sleep_until(pace.due(position).min(deadline)).await;
		}
		let Ok(slot) = tokio::time::timeout_at(deadline, Arc::clone(&slots).acquire_owned()).await
		else {
			watchers.spawn(async { Fate::Unanswered });
			continue;
		};
		let Ok(slot) = slot else {
			watchers.spawn(async { Fate::Unanswered });
			continue;
		};
		let submitted = Instant::now();
		let hex = format!("0x{}", hex::encode(&transaction.bytes));
		let subscription: std::result::Result<Subscription<Value>, _> = client
			.subscribe(
				"author_submitAndWatchExtrinsic",
				rpc_params![hex],
				"author_unwatchExtrinsic",
			)
			.await;
		match subscription {
			Ok(subscription) => {
				let state = Arc::clone(&state);
				watchers.spawn(async move {
					let fate = tokio::select! {
						fate = watch(subscription, submitted, deadline) => fate,
						() = state.stranded(position) => Fate::LeftPool(STRANDED.into()),
					};
					if matches!(fate, Fate::LeftPool(_)) {
						state.left(position);
					}
					drop(slot);
					fate
				});
			}
			Err(error) => {
				state.left(position);
				let reason = refusal_reason(&error.to_string());
				watchers.spawn(async move { Fate::Refused(reason) });
			}
		}
	}
	watchers
}

/// Follows one transaction's statuses until it is finalized or leaves the pool.
async fn watch(
	mut subscription: Subscription<Value>,
	submitted: Instant,
	deadline: tokio::time::Instant,
) -> Fate {
	loop {
		let status = match tokio::time::timeout_at(deadline, subscription.next()).await {
			Err(_) => return Fate::Unanswered,
			Ok(None) => return Fate::LeftPool("the node ended the subscription".into()),
			Ok(Some(Err(error))) => return Fate::LeftPool(format!("unreadable status: {error}")),
			Ok(Some(Ok(status))) => status,
		};
		match status_name(&status).as_str() {
			"future" | "ready" | "broadcast" | "inBlock" | "retracted" => continue,
			"finalized" => {
				return Fate::Finalized { latency: submitted.elapsed(), at: Instant::now() }
			}
			other => return Fate::LeftPool(other.to_string()),
		}
	}
}

/// The name of a transaction status as the node sends it: `"ready"`, or the key of
/// `{"finalized": hash}`.
fn status_name(status: &Value) -> String {
	match status {
		Value::String(name) => name.clone(),
		Value::Object(fields) => fields.keys().next().cloned().unwrap_or_default(),
		other => other.to_string(),
	}
}

/// A submission error without what varies from one transaction to the next (hashes, nonces).
fn refusal_reason(error: &str) -> String {
	error.split(": 0x").next().unwrap_or(error).chars().take(200).collect()
}

/// What each finalized block from `first` to `last` carried, without the empty blocks at either
/// end (before the first transaction arrived, after the last).
async fn read_blocks(chain: &CredChain, first: u64, last: u64) -> Result<Vec<BlockLoad>> {
	let last = last.min(first + MAX_REPORTED_BLOCKS);
	let mut blocks = Vec::new();
	for number in first..=last {
		blocks.push(chain.block_load(number).await?);
	}
	while blocks.last().is_some_and(|block| block.transactions() == 0) {
		blocks.pop();
	}
	let leading = blocks.iter().take_while(|block| block.transactions() == 0).count();
	blocks.drain(..leading);
	Ok(blocks)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn block(number: u64, timestamp_ms: u64, succeeded: u32) -> BlockLoad {
		BlockLoad { number, timestamp_ms, succeeded, ..BlockLoad::default() }
	}

	fn report(blocks: Vec<BlockLoad>) -> IssueLoadReport {
		IssueLoadReport {
			mode: LoadMode::IssueBatch,
			signers: 2,
			transactions: 30,
			credentials_per_transaction: 10,
			signing: Duration::ZERO,
			elapsed: Duration::from_secs(10),
			finalized: 30,
			refused: BTreeMap::new(),
			left_pool: BTreeMap::new(),
			unanswered: 0,
			latency_ms: [0.0; 3],
			blocks,
			max_normal_ref_time: 1,
			sample_digest: None,
		}
	}

	#[test]
	fn rates_count_successful_transactions_and_chain_time() {
		let report = report(vec![block(5, 12_000, 10), block(6, 18_000, 15), block(7, 24_000, 5)]);
		assert_eq!(report.succeeded(), 30);
		assert_eq!(report.credentials_per_second(), 30.0);
		assert_eq!(report.slot_ms(), Some(6_000));
		// 30 transactions over three six-second slots.
		let rate = report.transactions_per_chain_second().expect("three blocks have a duration");
		assert!((rate - 30.0 / 18.0).abs() < 1e-9);
		assert_eq!(report.fullest_block().map(|block| block.number), Some(6));
	}

	#[test]
	fn a_load_in_one_block_has_no_chain_rate() {
		let report = report(vec![block(5, 12_000, 30)]);
		assert_eq!(report.slot_ms(), None);
		assert_eq!(report.transactions_per_chain_second(), None);
	}

	#[test]
	fn statuses_are_named_by_their_key() {
		assert_eq!(status_name(&serde_json::json!("ready")), "ready");
		assert_eq!(status_name(&serde_json::json!({"finalized": "0x01"})), "finalized");
		assert_eq!(status_name(&serde_json::json!("dropped")), "dropped");
	}

	#[test]
	fn refusals_lose_what_varies_between_transactions() {
		assert_eq!(
			refusal_reason("Invalid Transaction: Stale: 0x1234"),
			"Invalid Transaction: Stale"
		);
	}

	#[test]
	fn bench_digests_differ_by_run_transaction_and_index() {
		let digests = [
			bench_digest("a", 0, 0),
			bench_digest("a", 0, 1),
			bench_digest("a", 1, 0),
			bench_digest("b", 0, 0),
		];
		for (i, a) in digests.iter().enumerate() {
			for b in &digests[i + 1..] {
				assert_ne!(a, b);
			}
		}
	}

	#[test]
	fn bad_configurations_are_refused_before_connecting() {
		let config = |transactions, issuers, tag: &str| IssueLoadConfig {
			url: "ws://127.0.0.1:1".into(),
			sudo: SigningKey::from_secret("//Alice").unwrap(),
			mode: LoadMode::Issue,
			transactions,
			batch_size: 1,
			issuers,
			delegates_per_issuer: 0,
			connections: 1,
			rate: None,
			timeout: Duration::from_secs(1),
			tag: tag.into(),
		};
		assert!(check(&config(0, 1, "t")).is_err());
		assert!(check(&config(MAX_TRANSACTIONS + 1, 1, "t")).is_err());
		assert!(check(&config(1, 0, "t")).is_err());
		assert!(check(&config(1, 1, "a/b")).is_err());
		assert!(check(&config(1, 1, "run-1")).is_ok());
		for rate in [0.0, -1.0, f64::NAN, MAX_RATE * 2.0] {
			assert!(check(&IssueLoadConfig { rate: Some(rate), ..config(1, 1, "t") }).is_err());
		}
		assert!(check(&IssueLoadConfig { rate: Some(0.5), ..config(1, 1, "t") }).is_ok());
	}

	#[tokio::test]
	async fn a_transaction_behind_one_that_left_the_pool_is_stranded() {
		let state = Arc::new(QueueState::new());
		let later = tokio::spawn({
			let state = Arc::clone(&state);
			async move { state.stranded(7).await }
		});
		tokio::task::yield_now().await;
		assert!(!later.is_finished(), "stranded before anything left the pool");
		state.left(7);
		tokio::time::sleep(Duration::from_millis(20)).await;
		assert!(!later.is_finished(), "stranded by its own leaving");
		state.left(3);
		tokio::time::timeout(Duration::from_secs(5), later)
			.await
			.expect("a transaction behind one that left is stranded")
			.expect("the waiter does not panic");
		// Those before the first that left are not.
		let earlier = state.stranded(3);
		assert!(tokio::time::timeout(Duration::from_millis(20), earlier).await.is_err());
	}

	#[test]
	fn a_paced_run_sends_the_signers_turns_at_the_rate() {
		let start = tokio::time::Instant::now();
		let pace = |signer| Pace { start, rate: 10.0, signer, signers: 3 };
		// Turns: signer 0, 1, 2, then signer 0 again; one every 100 ms.
		assert_eq!(pace(0).due(0), start);
		assert_eq!(pace(2).due(0), start + Duration::from_millis(200));
		assert_eq!(pace(0).due(1), start + Duration::from_millis(300));
		assert_eq!(pace(1).due(4), start + Duration::from_millis(1_300));
	}
}
