//! A load generator for a running node: concurrent workers ask the same verification question over
//! and over — `credentials_verify`, or the plain `state_getStorage` of the same credential's record
//! for comparison — and the run reports throughput, latency percentiles and errors.
//!
//! A run is bounded twice: by its duration (a request still unanswered a few seconds after the end is
//! given up and counted as an error) and by a cap on the number of requests.

use std::{
	sync::{
		atomic::{AtomicU64, Ordering},
		Arc,
	},
	time::Duration,
};

use serde_json::Value;
use tokio::time::Instant;

use super::stats::{micros, percentile_ms};
use crate::{bytes32::to_hex, rpc::NodeRpc, Digest, Error, Result};

/// The most concurrent workers a run may have.
pub const MAX_CONCURRENCY: usize = 1024;

/// The longest run.
pub const MAX_DURATION: Duration = Duration::from_secs(3600);

/// The default cap on the number of requests of a run.
pub const DEFAULT_MAX_REQUESTS: u64 = 10_000_000;

/// The most connections a run opens; workers share them.
pub const MAX_CONNECTIONS: usize = 32;

/// How long after the end of a run an unanswered request is given up.
const GRACE: Duration = Duration::from_secs(5);

/// What each request asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BenchTarget {
	/// `credentials_verify(digest)`: the verifier's question, answered by the runtime.
	Verify,
	/// `state_getStorage(key)` of this storage key (the digest's `Credentials::Credentials` record,
	/// from [`crate::CredChain::credential_storage_key`]): a plain read.
	Storage(Vec<u8>),
}

/// How to run.
#[derive(Clone, Debug)]
pub struct BenchConfig {
	/// The node's URL (`ws://`, `wss://`, `http://` or `https://`).
	pub url: String,
	/// The number of concurrent workers, 1 to [`MAX_CONCURRENCY`].
	pub concurrency: usize,
	/// How long to run, up to [`MAX_DURATION`].
	pub duration: Duration,
	/// The credential asked about.
	pub digest: Digest,
	/// What to ask.
	pub target: BenchTarget,
	/// The cap on the number of requests.
	pub max_requests: u64,
}

/// What a run measured.
#[derive(Clone, Debug)]
pub struct BenchReport {
	/// The method asked.
	pub method: &'static str,
	/// Requests sent (answered or not).
	pub requests: u64,
	/// Requests that failed or timed out.
	pub errors: u64,
	/// How long the run took.
	pub elapsed: Duration,
	/// The median latency of answered requests, in milliseconds.
	pub p50_ms: f64,
	/// The 99th-percentile latency of answered requests, in milliseconds.
	pub p99_ms: f64,
	/// The slowest answered request, in milliseconds.
	pub max_ms: f64,
	/// The first error, if any.
	pub first_error: Option<String>,
}

impl BenchReport {
	/// Requests per second over the run.
	pub fn requests_per_second(&self) -> f64 {
		let seconds = self.elapsed.as_secs_f64();
		if seconds > 0.0 {
			self.requests as f64 / seconds
		} else {
			0.0
		}
	}
}

/// What one worker measured.
#[derive(Default)]
struct WorkerReport {
	latencies_us: Vec<u32>,
	errors: u64,
	first_error: Option<String>,
}

/// Runs the load described by `config` and reports what it measured.
pub async fn run(config: &BenchConfig) -> Result<BenchReport> {
	if config.concurrency == 0 || config.concurrency > MAX_CONCURRENCY {
		return Err(Error::input(format!("--concurrency must be between 1 and {MAX_CONCURRENCY}")));
	}
	if config.duration.is_zero() || config.duration > MAX_DURATION {
		return Err(Error::input(format!(
			"--duration must be between 1 and {} seconds",
			MAX_DURATION.as_secs()
		)));
	}
	if config.max_requests == 0 {
		return Err(Error::input("--max-requests must be at least 1"));
	}

	let (method, param) = match &config.target {
		BenchTarget::Verify => ("credentials_verify", to_hex(&config.digest)),
		BenchTarget::Storage(key) => ("state_getStorage", format!("0x{}", hex::encode(key))),
	};
	let params = Arc::new(vec![Value::from(param)]);

	let connections = config.concurrency.min(MAX_CONNECTIONS);
	let mut pool = Vec::with_capacity(connections);
	for _ in 0..connections {
		pool.push(Arc::new(NodeRpc::connect(&config.url).await?));
	}
	// One request first, so that a node without the method fails the run with a clear error.
	pool[0].call::<Value>(method, params.to_vec()).await?;

	let sent = Arc::new(AtomicU64::new(0));
	let start = Instant::now();
	let deadline = start + config.duration;
	let workers: Vec<_> = (0..config.concurrency)
		.map(|index| {
			let rpc = Arc::clone(&pool[index % connections]);
			let params = Arc::clone(&params);
			let sent = Arc::clone(&sent);
			let max_requests = config.max_requests;
			tokio::spawn(
				async move { work(rpc, method, params, deadline, sent, max_requests).await },
			)
		})
		.collect();

	let mut latencies = Vec::new();
	let mut errors = 0;
	let mut first_error = None;
	for worker in futures::future::join_all(workers).await {
		match worker {
			Ok(report) => {
				latencies.extend(report.latencies_us);
				errors += report.errors;
				first_error = first_error.or(report.first_error);
			}
			Err(error) => {
				errors += 1;
				first_error = first_error.or(Some(format!("a worker stopped: {error}")));
			}
		}
	}
	let elapsed = start.elapsed();
	latencies.sort_unstable();
	let requests = latencies.len() as u64 + errors;
	Ok(BenchReport {
		method,
		requests,
		errors,
		elapsed,
		p50_ms: percentile_ms(&latencies, 0.50),
		p99_ms: percentile_ms(&latencies, 0.99),
		max_ms: latencies.last().map_or(0.0, |us| f64::from(*us) / 1000.0),
		first_error,
	})
}

/// One worker: asks until the deadline or the request cap.
async fn work(
	rpc: Arc<NodeRpc>,
	method: &'static str,
	params: Arc<Vec<Value>>,
	deadline: Instant,
	sent: Arc<AtomicU64>,
	max_requests: u64,
) -> WorkerReport {
	let mut report = WorkerReport::default();
	while Instant::now() < deadline && sent.fetch_add(1, Ordering::Relaxed) < max_requests {
		let asked = Instant::now();
		let answer =
			tokio::time::timeout_at(deadline + GRACE, rpc.call::<Value>(method, params.to_vec()))
				.await;
		match answer {
			Ok(Ok(_)) => {
				report.latencies_us.push(micros(asked.elapsed()));
			}
			Ok(Err(error)) => {
				report.errors += 1;
				report.first_error.get_or_insert_with(|| error.to_string());
			}
			Err(_) => {
				report.errors += 1;
				report
					.first_error
					.get_or_insert_with(|| "a request was not answered in time".into());
			}
		}
	}
	report
}
