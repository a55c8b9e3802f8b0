//! `credchain bench`: load generators for a running node — verification (`verify`), issuing
//! (`issue`, and `fill` to grow a chain to a given number of credentials) — and this machine's
//! signature-checking rate (`signatures`).

use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};
use credchain_client::{
	bench::{
		issue::{self, IssueLoadConfig, IssueLoadReport, LoadMode},
		signatures,
		verify::{self, BenchConfig, BenchTarget, DEFAULT_MAX_REQUESTS},
	},
	bytes32::{parse_hex32, to_hex},
	digest::sha256,
	keys::SigningKey,
	text::for_terminal,
	Error, Result,
};

use super::Outcome;

/// Runs a benchmark against the node at `url`.
pub async fn run(url: &str, command: BenchCommand) -> Result<Outcome> {
	match command {
		BenchCommand::Verify(args) => bench_verify(url, args).await,
		BenchCommand::Issue(args) => bench_issue(url, args).await,
		BenchCommand::Fill(args) => bench_fill(url, args).await,
		BenchCommand::Signatures(args) => {
			bench_signatures(&args);
			Ok(Outcome::Success)
		}
	}
}

/// `bench verify`.
async fn bench_verify(url: &str, args: BenchVerifyArgs) -> Result<Outcome> {
	let digest = match &args.digest {
		Some(text) => parse_hex32("--digest", text)?,
		None => sha256(b""),
	};
	let target = if args.storage {
		// The key as the node's own metadata defines it.
		let chain = super::connect(url).await?;
		BenchTarget::Storage(chain.credential_storage_key(digest).await?)
	} else {
		BenchTarget::Verify
	};
	let config = BenchConfig {
		url: url.to_string(),
		concurrency: args.concurrency,
		duration: Duration::from_secs(args.duration),
		digest,
		target,
		max_requests: args.max_requests,
	};
	eprintln!(
		"Sending {} to {url} from {} workers for up to {} s (at most {} requests), about {}...",
		if args.storage { "state_getStorage" } else { "credentials_verify" },
		config.concurrency,
		args.duration,
		config.max_requests,
		to_hex(&digest)
	);
	let report = verify::run(&config).await?;
	println!("method:      {}", report.method);
	println!("concurrency: {}", config.concurrency);
	println!("duration:    {:.1} s", report.elapsed.as_secs_f64());
	println!("requests:    {} ({} errors)", report.requests, report.errors);
	println!("throughput:  {:.1} requests/s", report.requests_per_second());
	println!(
		"latency:     p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
		report.p50_ms, report.p99_ms, report.max_ms
	);
	if let Some(error) = &report.first_error {
		println!("first error: {}", for_terminal(error));
	}
	Ok(Outcome::Success)
}

/// `credchain bench ...`.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
	/// Send verification requests from concurrent workers for a while, then report requests per
	/// second, latency percentiles and errors.
	Verify(BenchVerifyArgs),
	/// Sign transactions ahead across many keys (bench issuers and delegates the sudo key of a
	/// development chain admits), submit them pipelined, follow each until it is finalized or leaves
	/// the pool, and report credentials per second, latency, block fill and every refusal.
	Issue(BenchIssueArgs),
	/// Grow a development chain by a number of credentials, issued in full batches, and report how
	/// it went (then measure the database and verification at that size, see
	/// scripts/bench-scale.sh).
	Fill(BenchFillArgs),
	/// Measure how many sr25519 signatures this machine checks per second, on every core.
	Signatures(BenchSignaturesArgs),
}

/// `bench issue`.
async fn bench_issue(url: &str, args: BenchIssueArgs) -> Result<Outcome> {
	let rate = signatures::measure(Duration::from_secs(1));
	let config = args.load.config(url, args.mode.into(), args.transactions, args.batch_size)?;
	let report = issue::run(&config, &|step| eprintln!("{step}...")).await?;
	print_issue_report(&report);
	println!(
		"ceiling:     {:.0} sr25519 signature checks/s on {} cores ({:.0} per core, measured before \
		 the load)",
		rate.all_cores(),
		rate.cores,
		rate.per_core
	);
	Ok(load_outcome(&report))
}

/// `bench fill`.
async fn bench_fill(url: &str, args: BenchFillArgs) -> Result<Outcome> {
	if args.credentials == 0 {
		return Err(Error::input("--credentials must be at least 1"));
	}
	let transactions = args.credentials.div_ceil(u64::from(args.batch_size));
	let transactions = u32::try_from(transactions)
		.ok()
		.filter(|count| *count <= issue::MAX_TRANSACTIONS)
		.ok_or_else(|| Error::input("--credentials is more than one run may issue"))?;
	let config = args.load.config(url, LoadMode::IssueBatch, transactions, args.batch_size)?;
	let report = issue::run(&config, &|step| eprintln!("{step}...")).await?;
	print_issue_report(&report);
	Ok(load_outcome(&report))
}

/// A load run succeeded if every transaction was finalized and none failed.
fn load_outcome(report: &IssueLoadReport) -> Outcome {
	let expected_failures = matches!(report.mode, LoadMode::Baseline);
	let complete = report.finalized == report.transactions;
	if complete && (expected_failures || report.failed().is_empty()) {
		Outcome::Success
	} else {
		Outcome::NotValid
	}
}

/// Prints what a load run measured, one `name: value` line each, for people and scripts.
fn print_issue_report(report: &IssueLoadReport) {
	let credentials = report.succeeded() * u64::from(report.credentials_per_transaction);
	println!("mode:        {}", report.mode.name());
	println!("signers:     {}", report.signers);
	println!(
		"sent:        {} transactions of {} credential(s), signed in {:.1} s",
		report.transactions,
		report.credentials_per_transaction,
		report.signing.as_secs_f64()
	);
	println!(
		"finalized:   {} transactions ({} succeeded, {} credentials) in {:.1} s",
		report.finalized,
		report.succeeded(),
		credentials,
		report.elapsed.as_secs_f64()
	);
	println!("rate:        {:.1} credentials/s finalized", report.credentials_per_second());
	match (report.transactions_per_chain_second(), report.slot_ms()) {
		(Some(rate), Some(slot_ms)) => {
			println!("chain rate:  {rate:.1} transactions/s included ({slot_ms} ms blocks)")
		}
		_ => println!("chain rate:  unknown (the load fit in one block)"),
	}
	let [p50, p95, p99] = report.latency_ms;
	println!("latency:     submit→finalized p50 {p50:.0} ms, p95 {p95:.0} ms, p99 {p99:.0} ms");
	if let Some(fullest) = report.fullest_block() {
		println!(
			"fullest:     block #{} with {} transactions, {:.1}% of the normal weight limit",
			fullest.number,
			fullest.transactions(),
			percent(fullest.normal_ref_time, report.max_normal_ref_time)
		);
	}
	for block in &report.blocks {
		println!(
			"block:       #{} {} transactions, {:.1}% of the normal weight limit",
			block.number,
			block.transactions(),
			percent(block.normal_ref_time, report.max_normal_ref_time)
		);
	}
	for (reason, count) in report.failed() {
		println!("failed:      {count} × {}", for_terminal(&reason));
	}
	for (reason, count) in &report.refused {
		println!("refused:     {count} × {}", for_terminal(reason));
	}
	for (status, count) in &report.left_pool {
		println!("left pool:   {count} × {}", for_terminal(status));
	}
	if report.unanswered > 0 {
		println!("unanswered:  {} (no final status before the timeout)", report.unanswered);
	}
	if let Some(digest) = report.sample_digest {
		println!("sample:      {}", to_hex(&digest));
	}
}

/// `part` as a percentage of `whole`.
fn percent(part: u64, whole: u64) -> f64 {
	part as f64 * 100.0 / (whole.max(1) as f64)
}

/// `bench signatures`.
fn bench_signatures(args: &BenchSignaturesArgs) {
	let rate = signatures::measure(Duration::from_secs(args.duration.clamp(1, 60)));
	println!("cores:       {}", rate.cores);
	println!("per core:    {:.0} sr25519 signature checks/s", rate.per_core);
	println!("all cores:   {:.0} sr25519 signature checks/s", rate.all_cores());
}

/// The way a load run's transactions are made, on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
	/// One credential per `issue` transaction.
	Issue,
	/// `--batch-size` credentials per `issue_batch` transaction, each its own record.
	IssueBatch,
	/// A Merkle root of `--batch-size` credentials per `anchor_batch` transaction.
	AnchorBatch,
	/// The cheapest signed transaction (a `suspend` of a digest never issued, which fails after
	/// one read): the transaction pipeline's own cost.
	Baseline,
}

impl From<ModeArg> for LoadMode {
	fn from(mode: ModeArg) -> Self {
		match mode {
			ModeArg::Issue => Self::Issue,
			ModeArg::IssueBatch => Self::IssueBatch,
			ModeArg::AnchorBatch => Self::AnchorBatch,
			ModeArg::Baseline => Self::Baseline,
		}
	}
}

/// What every load run needs: who signs, over how many connections, for how long.
#[derive(Debug, Args)]
pub struct LoadArgs {
	/// The development chain's sudo key, which admits the bench issuers.
	#[arg(long, value_name = "KEY", default_value = "//Alice")]
	pub sudo_key: String,

	/// How many bench issuers sign (1 to 16).
	#[arg(long, value_name = "N", default_value_t = 2)]
	pub issuers: u32,

	/// How many delegates of each bench issuer sign too (at most the chain's limit, 32).
	#[arg(long, value_name = "N", default_value_t = 32)]
	pub delegates: u32,

	/// How many WebSocket connections carry the transactions (1 to 64).
	#[arg(long, value_name = "N", default_value_t = 16)]
	pub connections: usize,

	/// Send at a steady rate (transactions per second, over every signer) instead of as fast as
	/// the pool takes them: latency under a given load.
	#[arg(long, value_name = "PER_SECOND")]
	pub rate: Option<f64>,

	/// How long to wait for the transactions once submission starts, in seconds.
	#[arg(long, value_name = "SECONDS", default_value_t = 600)]
	pub timeout: u64,

	/// What distinguishes this run's keys and digests from other runs on the same chain (letters,
	/// digits, dashes). Default: the current time.
	#[arg(long, value_name = "TAG")]
	pub tag: Option<String>,
}

impl LoadArgs {
	/// The load run these arguments describe.
	fn config(
		&self,
		url: &str,
		mode: LoadMode,
		transactions: u32,
		batch_size: u32,
	) -> Result<IssueLoadConfig> {
		Ok(IssueLoadConfig {
			url: url.to_string(),
			sudo: SigningKey::from_argument(&self.sudo_key, "--sudo-key")?,
			mode,
			transactions,
			batch_size,
			issuers: self.issuers,
			delegates_per_issuer: self.delegates,
			connections: self.connections,
			rate: self.rate,
			timeout: Duration::from_secs(self.timeout),
			tag: self
				.tag
				.clone()
				.unwrap_or_else(|| format!("run{}", chrono::Utc::now().format("%Y%m%d%H%M%S%3f"))),
		})
	}
}

/// `credchain bench issue`.
#[derive(Debug, Args)]
pub struct BenchIssueArgs {
	/// What each transaction does.
	#[arg(long, value_enum, default_value_t = ModeArg::Issue)]
	pub mode: ModeArg,

	/// How many transactions to send (1 to 1,000,000).
	#[arg(long, value_name = "N", default_value_t = 10_000)]
	pub transactions: u32,

	/// Credentials per issue_batch, or leaves per anchored batch.
	#[arg(long, value_name = "N", default_value_t = 1_000)]
	pub batch_size: u32,

	#[command(flatten)]
	pub load: LoadArgs,
}

/// `credchain bench fill`.
#[derive(Debug, Args)]
pub struct BenchFillArgs {
	/// How many credentials to issue.
	#[arg(long, value_name = "N", default_value_t = 1_000_000)]
	pub credentials: u64,

	/// Credentials per issue_batch transaction.
	#[arg(long, value_name = "N", default_value_t = 1_000)]
	pub batch_size: u32,

	#[command(flatten)]
	pub load: LoadArgs,
}

/// `credchain bench signatures`.
#[derive(Debug, Args)]
pub struct BenchSignaturesArgs {
	/// How long to measure, in seconds (1 to 60).
	#[arg(long, value_name = "SECONDS", default_value_t = 3)]
	pub duration: u64,
}

/// `credchain bench verify`.
#[derive(Debug, Args)]
pub struct BenchVerifyArgs {
	/// The number of concurrent workers (1 to 1024).
	#[arg(long, value_name = "N", default_value_t = 8)]
	pub concurrency: usize,

	/// How long to run, in seconds (1 to 3600).
	#[arg(long, value_name = "SECONDS", default_value_t = 10)]
	pub duration: u64,

	/// The credential digest to ask about. Default: the digest of an empty document.
	#[arg(long, value_name = "HEX")]
	pub digest: Option<String>,

	/// Read the credential's storage record with state_getStorage instead of calling
	/// credentials_verify, for comparison (needs a ws:// or wss:// URL, to read the node's metadata).
	#[arg(long)]
	pub storage: bool,

	/// Stop after this many requests even if time remains.
	#[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_REQUESTS)]
	pub max_requests: u64,
}
