//! A per-client request budget on `/rpc`: each IP address may send
//! [`requests_per_second`](crate::VerifierConfig::requests_per_second) on average, in bursts of at
//! most [`burst`](crate::VerifierConfig::burst) (a verifier dropping a hundred files at once). A
//! client over its budget gets `429 Too Many Requests` with `Retry-After` and a JSON-RPC error, and
//! the node never sees the request.
//!
//! Behind a reverse proxy every request comes from the proxy's address; rate-limit in the proxy then.

use std::{
	net::{IpAddr, SocketAddr},
	num::NonZeroU32,
	sync::Arc,
	time::Duration,
};

use axum::{
	extract::{ConnectInfo, Request, State},
	http::{header, HeaderValue, StatusCode},
	middleware::Next,
	response::{IntoResponse, Response},
};
use governor::{
	clock::{Clock, DefaultClock},
	DefaultKeyedRateLimiter, Quota, RateLimiter,
};

use crate::rpc_proxy::error_answer;

/// JSON-RPC error code for a client over its request budget.
pub const RATE_LIMITED: i32 = -32005;

/// How often clients that have been idle long enough to have their whole budget back are forgotten,
/// so the limiter's memory follows the clients of the last minute, not all clients ever seen.
const FORGET_IDLE_EVERY: Duration = Duration::from_secs(60);

/// The request budgets of the clients seen recently.
pub struct ClientLimiter {
	limiter: DefaultKeyedRateLimiter<IpAddr>,
}

impl ClientLimiter {
	/// Budgets of `per_second` requests per second on average, `burst` at once.
	pub fn new(per_second: NonZeroU32, burst: NonZeroU32) -> Self {
		Self { limiter: RateLimiter::keyed(Quota::per_second(per_second).allow_burst(burst)) }
	}

	/// Takes one request from `client`'s budget, or says how long until it has one.
	pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
		self.limiter
			.check_key(&client)
			.map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
	}
}

/// Forgets idle clients every [`FORGET_IDLE_EVERY`], for as long as the server runs.
pub fn forget_idle_clients(limiter: Arc<ClientLimiter>) {
	tokio::spawn(async move {
		let mut every = tokio::time::interval(FORGET_IDLE_EVERY);
		loop {
			every.tick().await;
			limiter.limiter.retain_recent();
			limiter.limiter.shrink_to_fit();
		}
	});
}

/// Middleware: refuses a request from a client over its budget.
pub async fn enforce(
	State(limiter): State<Arc<ClientLimiter>>,
	ConnectInfo(peer): ConnectInfo<SocketAddr>,
	request: Request,
	next: Next,
) -> Response {
	match limiter.check(peer.ip()) {
		Ok(()) => next.run(request).await,
		Err(wait) => {
			let seconds = wait.as_secs() + 1;
			let mut response = error_answer(
				StatusCode::TOO_MANY_REQUESTS,
				serde_json::Value::Null,
				RATE_LIMITED,
				format!("too many requests from this address: try again in {seconds} s"),
			)
			.into_response();
			response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
			response
		}
	}
}
