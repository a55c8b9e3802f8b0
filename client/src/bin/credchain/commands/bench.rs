//! `credchain bench verify`: a bounded load generator for a running node's verification method.

use std::time::Duration;

use clap::{Args, Subcommand};
use credchain_client::{
	bench::{self, BenchConfig, BenchTarget},
	bytes32::{parse_hex32, to_hex},
	digest::sha256,
	CredChain, Result,
};

use super::Outcome;

/// Runs a benchmark against the node at `url`.
pub async fn run(url: &str, command: BenchCommand) -> Result<Outcome> {
	match command {
		BenchCommand::Verify(args) => verify(url, args).await,
	}
}

/// `bench verify`.
async fn verify(url: &str, args: BenchVerifyArgs) -> Result<Outcome> {
	let digest = match &args.digest {
		Some(text) => parse_hex32("--digest", text)?,
		None => sha256(b""),
	};
	let target = if args.storage {
		// The key as the node's own metadata defines it.
		let chain = CredChain::connect(url).await?;
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
	let report = bench::run(&config).await?;
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
		println!("first error: {}", credchain_client::text::for_terminal(error));
	}
	Ok(Outcome::Success)
}

/// `credchain bench ...`.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
	/// Send verification requests from concurrent workers for a while, then report requests per
	/// second, latency percentiles and errors.
	Verify(BenchVerifyArgs),
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
	#[arg(long, value_name = "N", default_value_t = credchain_client::bench::DEFAULT_MAX_REQUESTS)]
	pub max_requests: u64,
}
