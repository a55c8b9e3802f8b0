//! CredChain's verifier page and its server.
//!
//! An employer opens the page, drops a candidate's credential files, and reads a verdict per
//! credential and a timeline of the holder's learning. The page computes each document's digest in
//! the browser with the client's own digest code compiled to WebAssembly (`verifier/digest-wasm`):
//! the document never leaves the verifier's machine, only its digest does.
//!
//! The server (`credchain serve`) is one origin for all of it:
//! - [`assets`]: the page, its script, style and digest module, embedded in the binary.
//! - [`rpc_proxy`]: `POST /rpc` forwards the verification methods, and only them, to a configured
//!   CredChain node, so validators expose nothing new.
//! - [`rate_limit`]: a per-client request budget on `/rpc`.
//! - [`headers`]: a strict Content-Security-Policy and the other security headers on every answer.
//!
//! Request bodies are bounded ([`VerifierConfig::max_body_bytes`]); malformed requests get 4xx answers
//! with a JSON-RPC error saying what was wrong.

pub mod assets;
pub mod headers;
pub mod rate_limit;
pub mod rpc_proxy;

use std::{net::SocketAddr, num::NonZeroU32, sync::Arc, time::Duration};

use axum::{extract::DefaultBodyLimit, middleware, routing::post, Router};

/// How the verifier server runs.
#[derive(Clone, Debug)]
pub struct VerifierConfig {
	/// The CredChain node the verification methods are forwarded to: http(s):// or ws(s):// (read as
	/// http(s)://, the same port serves both).
	pub node_url: String,
	/// Where the server listens.
	pub listen: SocketAddr,
	/// Requests to `/rpc` each client (IP address) may send per second, on average.
	pub requests_per_second: NonZeroU32,
	/// Requests a client may send at once before the average applies (a verifier dropping 100 files).
	pub burst: NonZeroU32,
	/// The largest request body accepted, in bytes.
	pub max_body_bytes: usize,
	/// How long the node has to answer one request.
	pub node_timeout: Duration,
}

impl VerifierConfig {
	/// The defaults for the node at `node_url`: listening on 127.0.0.1:8080, 50 requests per second
	/// per client with bursts of 300, bodies of at most 16 KiB, 10 seconds for the node.
	pub fn new(node_url: impl Into<String>) -> Self {
		Self {
			node_url: node_url.into(),
			listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
			requests_per_second: NonZeroU32::new(50).expect("not zero"),
			burst: NonZeroU32::new(300).expect("not zero"),
			max_body_bytes: 16 * 1024,
			node_timeout: Duration::from_secs(10),
		}
	}
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
	/// The node URL is not one the server can forward to.
	#[error("the node URL {url:?} cannot be used: {reason}")]
	NodeUrl {
		/// The URL given.
		url: String,
		/// What is wrong with it.
		reason: String,
	},
	/// The listening address is taken or not allowed.
	#[error("cannot listen on {address}: {source}")]
	Listen {
		/// The address.
		address: SocketAddr,
		/// The operating system's reason.
		source: std::io::Error,
	},
	/// The server failed while running.
	#[error("the verifier server failed: {0}")]
	Serve(std::io::Error),
}

/// The server's routes and layers for `config`.
pub fn router(config: &VerifierConfig) -> Result<Router, ServeError> {
	let proxy = Arc::new(rpc_proxy::RpcProxy::new(&config.node_url, config.node_timeout)?);
	let limiter =
		Arc::new(rate_limit::ClientLimiter::new(config.requests_per_second, config.burst));
	rate_limit::forget_idle_clients(limiter.clone());
	let rpc = Router::new()
		.route("/rpc", post(rpc_proxy::handle))
		.with_state(proxy)
		.layer(middleware::from_fn_with_state(limiter, rate_limit::enforce))
		.layer(DefaultBodyLimit::max(config.max_body_bytes));
	Ok(assets::routes().merge(rpc).layer(middleware::map_response(headers::secure)))
}

/// Serves the page on `config.listen` until the process is interrupted (Ctrl-C or SIGTERM).
/// `on_listening` is told the address once the server accepts connections.
pub async fn serve(
	config: VerifierConfig,
	on_listening: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
	let app = router(&config)?;
	let listener = tokio::net::TcpListener::bind(config.listen)
		.await
		.map_err(|source| ServeError::Listen { address: config.listen, source })?;
	let address = listener
		.local_addr()
		.map_err(|source| ServeError::Listen { address: config.listen, source })?;
	on_listening(address);
	axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
		.with_graceful_shutdown(interrupted())
		.await
		.map_err(ServeError::Serve)
}

/// Resolves when the process receives Ctrl-C (SIGINT) or SIGTERM.
async fn interrupted() {
	let ctrl_c = async {
		let _ = tokio::signal::ctrl_c().await;
	};
	#[cfg(unix)]
	let terminate = async {
		match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
			Ok(mut signal) => {
				signal.recv().await;
			}
			Err(_) => std::future::pending::<()>().await,
		}
	};
	#[cfg(not(unix))]
	let terminate = std::future::pending::<()>();
	tokio::select! {
		() = ctrl_c => {},
		() = terminate => {},
	}
}

#[cfg(test)]
mod tests;
