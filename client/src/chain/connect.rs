//! Connecting to a node, and what the chain says about itself: its identity (genesis hash, name)
//! and the limits its runtime sets on what issuers send.

use std::{collections::HashMap, time::Duration};

use subxt::{
	constants::Address as ConstantAddress,
	error::OnlineClientAtBlockError,
	rpcs::{client::RpcParams, RpcClient},
	OnlineClient, OnlineClientAtBlock,
};

use super::{ChainConfig, CredChain};
use crate::{runtime, Digest, Error, Result};

/// How long connecting to a node may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// Checks that `url` can carry transactions: they need a WebSocket connection.
pub fn require_websocket(url: &str) -> Result<()> {
	if url.starts_with("ws://") || url.starts_with("wss://") {
		Ok(())
	} else if url.starts_with("http://") || url.starts_with("https://") {
		Err(Error::input(format!(
			"sending transactions needs a WebSocket connection to the node: use --url ws://… or \
			 wss://… (the same host and port) instead of {url}"
		)))
	} else {
		Err(Error::input(format!(
			"{url} is not a node URL: use ws://host:port or wss://host:port (default {})",
			crate::DEFAULT_URL
		)))
	}
}

impl CredChain {
	/// Connects to the node at `url` (`ws://` or `wss://`).
	pub async fn connect(url: &str) -> Result<Self> {
		require_websocket(url)?;
		let connecting = async {
			let rpc = RpcClient::from_insecure_url(url)
				.await
				.map_err(|error| Error::unreachable(url, error))?;
			let api = OnlineClient::<ChainConfig>::from_rpc_client(rpc.clone())
				.await
				.map_err(|error| Error::unreachable(url, error))?;
			Ok::<_, Error>((rpc, api))
		};
		let (rpc, api) =
			tokio::time::timeout(CONNECT_TIMEOUT, connecting).await.map_err(|_| {
				Error::unreachable(
					url,
					format!("it did not answer within {} seconds", CONNECT_TIMEOUT.as_secs()),
				)
			})??;
		Ok(Self {
			url: url.to_string(),
			rpc,
			api,
			next_nonces: tokio::sync::Mutex::new(HashMap::new()),
			notices: None,
		})
	}

	/// The node's URL.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// The chain's genesis hash: its lasting identity.
	pub fn genesis_hash(&self) -> Digest {
		self.api.genesis_hash().0
	}

	/// The chain's name (`system_chain`), e.g. "CredChain Development".
	pub async fn chain_name(&self) -> Result<String> {
		self.rpc
			.request::<String>("system_chain", RpcParams::new())
			.await
			.map_err(|error| Error::unreachable(&self.url, error))
	}

	/// The most credentials one `issue_batch` may carry (`Credentials::MaxBatchSize`).
	pub async fn max_batch_size(&self) -> Result<u32> {
		self.constant(runtime::constants().credentials().max_batch_size()).await
	}

	/// How long an issuer's profile may be on this chain, read at one block.
	pub async fn profile_limits(&self) -> Result<ProfileLimits> {
		let at = self.at_finalized().await?;
		let credentials = runtime::constants().credentials();
		Ok(ProfileLimits {
			max_name_length: self.constant_at(&at, credentials.max_name_length())?,
			max_uri_length: self.constant_at(&at, credentials.max_uri_length())?,
			max_identifiers: self.constant_at(&at, credentials.max_identifiers())?,
		})
	}

	/// The client at the latest finalized block.
	pub(super) async fn at_finalized(&self) -> Result<OnlineClientAtBlock<ChainConfig>> {
		read_new_block(header_not_served, || self.api.at_current_block())
			.await
			.map_err(|error| Error::unreachable(&self.url, error))
	}

	/// The runtime constant at `address`, read at the latest finalized block.
	async fn constant<A: ConstantAddress>(&self, address: A) -> Result<A::Target> {
		let at = self.at_finalized().await?;
		self.constant_at(&at, address)
	}

	/// The runtime constant at `address`, read at the block `at`.
	fn constant_at<A: ConstantAddress>(
		&self,
		at: &OnlineClientAtBlock<ChainConfig>,
		address: A,
	) -> Result<A::Target> {
		at.constants().entry(address).map_err(|error| {
			Error::Incompatible(format!(
				"the chain at {} has no such constant as this client expects ({error}): is it a \
				 CredChain node of the same version?",
				self.url
			))
		})
	}
}

/// How long an issuer's profile may be: the credentials pallet's constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfileLimits {
	/// The longest name, in bytes (`Credentials::MaxNameLength`).
	pub max_name_length: u32,
	/// The longest website, DID or other identifier, in bytes (`Credentials::MaxUriLength`).
	pub max_uri_length: u32,
	/// The most identifiers besides the website or DID (`Credentials::MaxIdentifiers`).
	pub max_identifiers: u32,
}

/// How many times a block the node just announced is asked for before giving up.
const BLOCK_READ_ATTEMPTS: u32 = 8;

/// Runs `read` (which reads a block the node just announced) until it no longer fails with an
/// error `not_served` recognizes, at most [`BLOCK_READ_ATTEMPTS`] times, 200 ms, 400 ms, … apart.
/// A node announces a block (its latest finalized block, or the block a watched transaction was
/// finalized in) and may still answer a request for its header with nothing: subxt asks the node's
/// `archive` methods first and falls back to its `chainHead` subscription, which holds only the
/// blocks it follows. Seen when dozens of transactions on one connection were finalized at once, on
/// a development node and on a busy RPC node; a later request is served. Other errors return at once.
pub(super) async fn read_new_block<R, E, F>(
	not_served: impl Fn(&E) -> bool,
	mut read: impl FnMut() -> F,
) -> std::result::Result<R, E>
where
	F: std::future::Future<Output = std::result::Result<R, E>>,
{
	let mut attempt = 0;
	loop {
		attempt += 1;
		match read().await {
			Err(error) if not_served(&error) && attempt < BLOCK_READ_ATTEMPTS => {
				tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt))).await
			}
			result => return result,
		}
	}
}

/// Whether building a client at a block failed only because the node did not serve its header.
pub(super) fn header_not_served(error: &OnlineClientAtBlockError) -> bool {
	matches!(error, OnlineClientAtBlockError::BlockHeaderNotFound { .. })
}
