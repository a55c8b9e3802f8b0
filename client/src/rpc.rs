//! A verifier's connection to a node: the `credentials_*` JSON-RPC methods (see `docs/rpc.md`), called
//! through the client `pallet-credentials-rpc` generates from the node's own trait and read into its
//! answer types, and the few standard ones a verifier needs, over HTTP (`http://`, `https://`) or WebSocket (`ws://`,
//! `wss://`). Answers are read at the node's latest finalized block.

use std::time::Duration;

use jsonrpsee::{
	core::{client::ClientT, params::ArrayParams, ClientError},
	http_client::{HttpClient, HttpClientBuilder},
	ws_client::{WsClient, WsClientBuilder},
};
use pallet_credentials_rpc::{
	answers::{AchievementInfo, IssuerInfo, Verdict},
	params::{BatchLeaf, BatchProof, HolderParam},
	proofs::VerdictProof,
	CredentialsApiClient,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use subxt::utils::AccountId32;

use crate::{
	bytes32::{self, to_hex},
	merkle::LeafProof,
	Digest, Error, Result,
};

/// How long one request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How long opening a WebSocket connection may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

/// The most requests one connection carries at once.
const MAX_CONCURRENT_REQUESTS: usize = 1024;

/// The JSON-RPC code of a method the node does not have.
const METHOD_NOT_FOUND: i32 = -32601;

/// The transport of a connection.
enum Transport {
	Http(HttpClient),
	Ws(WsClient),
}

/// Runs `$call` on the connection's client, whichever its transport, and awaits it.
macro_rules! with_client {
	($rpc:expr, $client:ident => $call:expr) => {
		match &$rpc.transport {
			Transport::Http($client) => $call.await,
			Transport::Ws($client) => $call.await,
		}
	};
}

/// A connection to a node's JSON-RPC server.
pub struct NodeRpc {
	url: String,
	transport: Transport,
}

impl NodeRpc {
	/// Connects to the node at `url`: `http://`, `https://`, `ws://` or `wss://`.
	pub async fn connect(url: &str) -> Result<Self> {
		let transport = if url.starts_with("http://") || url.starts_with("https://") {
			let client = HttpClientBuilder::default()
				.request_timeout(REQUEST_TIMEOUT)
				.max_concurrent_requests(MAX_CONCURRENT_REQUESTS)
				.build(url)
				.map_err(|error| Error::unreachable(url, error))?;
			Transport::Http(client)
		} else if url.starts_with("ws://") || url.starts_with("wss://") {
			let connecting = WsClientBuilder::default()
				.request_timeout(REQUEST_TIMEOUT)
				.connection_timeout(CONNECT_TIMEOUT)
				.max_concurrent_requests(MAX_CONCURRENT_REQUESTS)
				.build(url);
			let client = tokio::time::timeout(CONNECT_TIMEOUT, connecting)
				.await
				.map_err(|_| {
					Error::unreachable(
						url,
						format!("it did not answer within {} seconds", CONNECT_TIMEOUT.as_secs()),
					)
				})?
				.map_err(|error| Error::unreachable(url, error))?;
			Transport::Ws(client)
		} else {
			return Err(Error::input(format!(
				"{url} is not a node URL: use ws://host:port, wss://host:port, http://host:port or \
				 https://host:port (default {})",
				crate::DEFAULT_URL
			)));
		};
		Ok(Self { url: url.to_string(), transport })
	}

	/// The node's URL.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// Calls `method` with positional `params` and decodes its result.
	pub async fn call<R: DeserializeOwned>(&self, method: &str, params: Vec<Value>) -> Result<R> {
		let mut array = ArrayParams::new();
		for param in params {
			array.insert(param).map_err(|error| {
				Error::input(format!("cannot send the parameters of {method}: {error}"))
			})?;
		}
		let answer = with_client!(self, client => client.request(method, array));
		answer.map_err(|error| self.error(method, error))
	}

	/// The chain's genesis hash (`chain_getBlockHash(0)`).
	pub async fn genesis_hash(&self) -> Result<Digest> {
		let hash: Option<String> = self.call("chain_getBlockHash", vec![Value::from(0)]).await?;
		let hash = hash.ok_or_else(|| {
			Error::Incompatible(format!(
				"the node at {} does not know its chain's first block",
				self.url
			))
		})?;
		bytes32::parse_hex32("the genesis hash", &hash).map_err(|_| {
			Error::Incompatible(format!("the node at {} sent a malformed block hash", self.url))
		})
	}

	/// The chain's name (`system_chain`).
	pub async fn chain_name(&self) -> Result<String> {
		self.call("system_chain", Vec::new()).await
	}

	/// The verdict on the credential with `digest` (`credentials_verify`).
	/// `issuer` is the issuer identifier the document names, if it names one; `holder`, a holder
	/// commitment the verifier computed (only the commitment is sent, never the identity), whose
	/// check the verdict then carries.
	pub async fn verify(
		&self,
		digest: &Digest,
		issuer: Option<&str>,
		holder: Option<&Digest>,
	) -> Result<Verdict> {
		let issuer = issuer.map(str::to_owned);
		let holder = holder.map(|commitment| HolderParam {
			commitment: Some(to_hex(commitment)),
			identity: None,
			salt: None,
		});
		let answer =
			with_client!(self, client => client.verify(to_hex(digest), None, issuer, holder));
		answer.map_err(|error| self.error("credentials_verify", error))
	}

	/// The verdict on the credential with `digest` (a leaf of `batch`, if given), for a document
	/// naming `issuer`, with the proof that lets a verifier compute it again trusting no node
	/// (`credentials_proveVerdict`).
	pub async fn prove_verdict(
		&self,
		digest: &Digest,
		issuer: Option<&str>,
		batch: Option<&BatchLeaf>,
	) -> Result<VerdictProof> {
		let issuer = issuer.map(str::to_owned);
		let batch = batch.cloned();
		let answer =
			with_client!(self, client => client.prove_verdict(to_hex(digest), issuer, batch));
		answer.map_err(|error| self.error("credentials_proveVerdict", error))
	}

	/// The achievement `id` at `version` (its latest if `None`), if registered
	/// (`credentials_achievement`).
	pub async fn achievement(
		&self,
		id: &Digest,
		version: Option<u16>,
	) -> Result<Option<AchievementInfo>> {
		let answer = with_client!(self, client => client.achievement(to_hex(id), version, None));
		answer.map_err(|error| self.error("credentials_achievement", error))
	}

	/// The verdict on the credential `leaf` of the Merkle batch `root`, shown to belong to it by
	/// `proof` (`credentials_verifyInBatch`).
	pub async fn verify_in_batch(
		&self,
		root: &Digest,
		leaf: &Digest,
		proof: &LeafProof,
		issuer: Option<&str>,
	) -> Result<Verdict> {
		let proof = BatchProof {
			leaf_index: proof.leaf_index,
			siblings: proof.siblings.iter().map(|sibling| to_hex(sibling)).collect(),
		};
		let issuer = issuer.map(str::to_owned);
		let answer = with_client!(self, client => client.verify_in_batch(
			to_hex(root),
			to_hex(leaf),
			proof,
			None,
			issuer
		));
		answer.map_err(|error| self.error("credentials_verifyInBatch", error))
	}

	/// The issuer registered under the identifier `uri` (its website, DID or another registered
	/// identifier), if any (`credentials_issuerByIdentifier`).
	pub async fn issuer_by_identifier(&self, uri: &str) -> Result<Option<IssuerInfo>> {
		let answer =
			with_client!(self, client => client.issuer_by_identifier(uri.to_owned(), None));
		answer.map_err(|error| self.error("credentials_issuerByIdentifier", error))
	}

	/// The issuer registered under `account`, if any (`credentials_issuer`).
	pub async fn issuer(&self, account: &AccountId32) -> Result<Option<IssuerInfo>> {
		let answer = with_client!(self, client => client.issuer(to_hex(&account.0), None));
		answer.map_err(|error| self.error("credentials_issuer", error))
	}

	/// The error for a failed call of `method`.
	fn error(&self, method: &str, error: ClientError) -> Error {
		match error {
			ClientError::Call(object) if object.code() == METHOD_NOT_FOUND => {
				Error::Incompatible(format!(
					"the node at {} does not offer {method}: is it a CredChain node?",
					self.url
				))
			}
			ClientError::Call(object) => Error::Rpc {
				url: self.url.clone(),
				method: method.to_string(),
				code: object.code(),
				message: object.message().to_string(),
			},
			ClientError::ParseError(error) => Error::Incompatible(format!(
				"the answer of the node at {} to {method} is not what this client expects ({error})",
				self.url
			)),
			ClientError::RequestTimeout => Error::unreachable(
				&self.url,
				format!("it did not answer {method} within {} seconds", REQUEST_TIMEOUT.as_secs()),
			),
			other => Error::unreachable(&self.url, other),
		}
	}
}
