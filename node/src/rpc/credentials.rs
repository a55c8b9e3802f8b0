//! `credentials_*` JSON-RPC methods: a verifier's questions, answered in one call each from the
//! runtime's `CredentialsApi`, read at the latest finalized block unless the caller names one.
//!
//! This module only parses parameters, calls the runtime API and renders the answer (see
//! [`super::verdict_json`]); the runtime does the work.

use std::sync::Arc;

use credchain_runtime::{opaque::Block, AccountId, BlockNumber};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{
		error::{INTERNAL_ERROR_CODE, INVALID_PARAMS_CODE},
		ErrorObject, ErrorObjectOwned,
	},
};
use pallet_credentials_runtime_api::{CredentialsApi as CredentialsRuntimeApi, Digest};
use serde::Deserialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::traits::Block as BlockT;

use super::verdict_json::{IssuerJson, ReadAt, VerdictJson};

/// The deepest Merkle proof a batch can need (a tree of up to 2³² leaves).
const MAX_PROOF_DEPTH: usize = 32;

/// A Merkle proof as verifiers pass it: the leaf's index and its sibling hashes, leaf to root.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProofParam {
	/// The index of the leaf in the batch (0-based).
	pub leaf_index: u32,
	/// The sibling hashes from the leaf up to the root, hex.
	pub siblings: Vec<String>,
}

/// The verification methods.
#[rpc(server, namespace = "credentials")]
pub trait CredentialsRpc {
	/// The verdict on the credential whose canonical document has the SHA-256 `digest` (hex).
	#[method(name = "verify")]
	fn verify(&self, digest: String, at: Option<String>) -> RpcResult<VerdictJson>;

	/// The verdict on the credential `leaf` (hex digest), shown by `proof` to belong to the Merkle
	/// batch anchored with `root` (hex).
	#[method(name = "verifyInBatch")]
	fn verify_in_batch(
		&self,
		root: String,
		leaf: String,
		proof: ProofParam,
		at: Option<String>,
	) -> RpcResult<VerdictJson>;

	/// The issuer registered under `account` (SS58 or hex), or `null`.
	#[method(name = "issuer")]
	fn issuer(&self, account: String, at: Option<String>) -> RpcResult<Option<IssuerJson>>;
}

/// Serves the verification methods from a client's runtime API.
pub struct Credentials<C> {
	client: Arc<C>,
}

impl<C> Credentials<C> {
	/// A server reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// An invalid-params error with `message`.
fn invalid_params(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(INVALID_PARAMS_CODE, message, None::<()>)
}

/// Parses `value`, the parameter `name`, as exactly 32 bytes of hex with an optional `0x`.
pub fn parse_hash32(name: &str, value: &str) -> Result<[u8; 32], ErrorObjectOwned> {
	let bytes = sp_core::bytes::from_hex(value).map_err(|_| {
		invalid_params(format!("`{name}` must be hex (with or without 0x), got {value:?}"))
	})?;
	<[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
		invalid_params(format!(
			"`{name}` must be 32 bytes (64 hex digits), got {} bytes",
			bytes.len()
		))
	})
}

/// Parses an account given as SS58 or as 32 bytes of hex.
pub fn parse_account(value: &str) -> Result<AccountId, ErrorObjectOwned> {
	if value.starts_with("0x") {
		return parse_hash32("account", value).map(AccountId::from);
	}
	AccountId::from_ss58check(value).map_err(|error| {
		invalid_params(format!("`account` must be an SS58 address or 32 bytes of hex: {error}"))
	})
}

impl<C> Credentials<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CredentialsRuntimeApi<Block, AccountId, BlockNumber>,
{
	/// The block to read at: the one named, which must exist, or the latest finalized one.
	fn block(&self, at: Option<String>) -> Result<ReadAt, ErrorObjectOwned> {
		let hash = match at {
			Some(at) => H256(parse_hash32("at", &at)?),
			None => self.client.info().finalized_hash,
		};
		let header = self
			.client
			.header(hash)
			.map_err(|error| {
				ErrorObject::owned(INTERNAL_ERROR_CODE, error.to_string(), None::<()>)
			})?
			.ok_or_else(|| invalid_params(format!("`at`: unknown block {hash:?}")))?;
		Ok(ReadAt { hash, number: *sp_runtime::traits::Header::number(&header) })
	}

	/// Runs `call` against the runtime API at `at`.
	fn with_api<R>(
		&self,
		at: &ReadAt,
		call: impl FnOnce(
			&<C as ProvideRuntimeApi<Block>>::Api,
			<Block as BlockT>::Hash,
		) -> Result<R, sp_api::ApiError>,
	) -> RpcResult<R> {
		let api = self.client.runtime_api();
		call(&api, at.hash).map_err(|error| {
			ErrorObject::owned(
				INTERNAL_ERROR_CODE,
				format!("the runtime could not answer at block {:?}: {error}", at.hash),
				None::<()>,
			)
		})
	}
}

impl<C> CredentialsRpcServer for Credentials<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CredentialsRuntimeApi<Block, AccountId, BlockNumber>,
{
	fn verify(&self, digest: String, at: Option<String>) -> RpcResult<VerdictJson> {
		let digest = parse_hash32("digest", &digest)?;
		let at = self.block(at)?;
		let verdict = self.with_api(&at, |api, hash| api.verify(hash, digest))?;
		Ok(VerdictJson::new(digest, verdict, at))
	}

	fn verify_in_batch(
		&self,
		root: String,
		leaf: String,
		proof: ProofParam,
		at: Option<String>,
	) -> RpcResult<VerdictJson> {
		let root = parse_hash32("root", &root)?;
		let leaf = parse_hash32("leaf", &leaf)?;
		if proof.siblings.len() > MAX_PROOF_DEPTH {
			return Err(invalid_params(format!(
				"`proof.siblings` has {} hashes; a batch proof has at most {MAX_PROOF_DEPTH}",
				proof.siblings.len()
			)));
		}
		let siblings = proof
			.siblings
			.iter()
			.enumerate()
			.map(|(i, sibling)| parse_hash32(&format!("proof.siblings[{i}]"), sibling))
			.collect::<Result<Vec<Digest>, _>>()?;
		let at = self.block(at)?;
		let verdict = self.with_api(&at, |api, hash| {
			api.verify_in_batch(hash, root, leaf, proof.leaf_index, siblings)
		})?;
		Ok(VerdictJson::new(leaf, verdict, at))
	}

	fn issuer(&self, account: String, at: Option<String>) -> RpcResult<Option<IssuerJson>> {
		let account = parse_account(&account)?;
		let at = self.block(at)?;
		let summary = self.with_api(&at, |api, hash| api.issuer(hash, account))?;
		Ok(summary.map(IssuerJson::from))
	}
}
