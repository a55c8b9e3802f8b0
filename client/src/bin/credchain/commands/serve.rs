//! `credchain serve`: the verifier page, for employers and admissions offices, forwarding only the
//! verification methods to a CredChain node (`credchain-verifier`).

use std::{net::SocketAddr, num::NonZeroU32};

use clap::Args;
use credchain_client::{Error, Result};
use credchain_verifier::{serve, VerifierConfig};

use super::Outcome;

/// Serves the page until interrupted.
pub async fn run(url: &str, args: ServeArgs) -> Result<Outcome> {
	let node_url = args.node.unwrap_or_else(|| url.to_string());
	let mut config = VerifierConfig::new(node_url.clone());
	config.listen = args.listen;
	config.requests_per_second = args.requests_per_second;
	config.burst = args.burst;
	serve(config, |address| {
		println!("Verifier page: http://{address}/ (verifying against the node at {node_url})");
	})
	.await
	.map_err(|error| Error::input(error.to_string()))?;
	Ok(Outcome::Success)
}

/// `credchain serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
	/// The CredChain node verification requests are forwarded to (http://, https://, ws:// or
	/// wss://); defaults to --url. Any node will do: it only answers the verification methods.
	#[arg(long, value_name = "URL")]
	pub node: Option<String>,

	/// The address the page is served on. Serve it to the public through a TLS reverse proxy.
	#[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
	pub listen: SocketAddr,

	/// Verification requests each client (IP address) may send per second, on average.
	#[arg(long, value_name = "N", default_value = "50")]
	pub requests_per_second: NonZeroU32,

	/// Verification requests a client may send at once (a verifier dropping many files).
	#[arg(long, value_name = "N", default_value = "300")]
	pub burst: NonZeroU32,
}
