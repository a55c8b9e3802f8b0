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

/// The longest issuer identifier accepted, in bytes: longer than any the runtime registers
/// (`MaxUriLength`), so a longer one is refused before the runtime is called.
const MAX_ISSUER_IDENTIFIER_LENGTH: usize = 512;

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
	/// The verdict on the credential whose canonical document has the SHA-256 `digest` (hex), and
	/// names `issuer` (its `issuer` or `issuer.id`, a URI or DID) as its issuer, if it names one.
	#[method(name = "verify")]
	fn verify(
		&self,
		digest: String,
		at: Option<String>,
		issuer: Option<String>,
	) -> RpcResult<VerdictJson>;

	/// The verdict on the credential `leaf` (hex digest), shown by `proof` to belong to the Merkle
	/// batch anchored with `root` (hex), whose document names `issuer`, if it names one.
	#[method(name = "verifyInBatch")]
	fn verify_in_batch(
		&self,
		root: String,
		leaf: String,
		proof: ProofParam,
		at: Option<String>,
		issuer: Option<String>,
	) -> RpcResult<VerdictJson>;

	/// The issuer registered under `account` (SS58 or hex), or `null`.
	#[method(name = "issuer")]
	fn issuer(&self, account: String, at: Option<String>) -> RpcResult<Option<IssuerJson>>;

	/// The issuer registered under the identifier `identifier` (its website, DID or another
	/// registered identifier, compared case- and Unicode-normalized), or `null`.
	#[method(name = "issuerByIdentifier")]
	fn issuer_by_identifier(
		&self,
		identifier: String,
		at: Option<String>,
	) -> RpcResult<Option<IssuerJson>>;
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

/// The longest SS58 address of a 32-byte account (a two-byte network prefix): 50 characters.
const MAX_SS58_LENGTH: usize = 50;

/// Parses `value`, the parameter `name`, as exactly 32 bytes of hex: 64 hex digits, with an optional
/// `0x`, and nothing else (no whitespace, no odd length). The length is checked before anything is
/// decoded, so the cost is bounded whatever the caller sends.
pub fn parse_hash32(name: &str, value: &str) -> Result<[u8; 32], ErrorObjectOwned> {
	let digits = value.strip_prefix("0x").unwrap_or(value);
	if digits.len() != 64 {
		return Err(invalid_params(format!(
			"`{name}` must be 32 bytes: 64 hex digits with an optional 0x, got {} characters",
			value.chars().count()
		)));
	}
	let mut bytes = [0u8; 32];
	for (byte, pair) in bytes.iter_mut().zip(digits.as_bytes().chunks_exact(2)) {
		let (Some(high), Some(low)) = (hex_digit(pair[0]), hex_digit(pair[1])) else {
			return Err(invalid_params(format!(
				"`{name}` must be 64 hex digits (0-9, a-f, A-F) with an optional 0x, and nothing \
				 else"
			)));
		};
		*byte = high << 4 | low;
	}
	Ok(bytes)
}

/// The value of one ASCII hex digit.
fn hex_digit(digit: u8) -> Option<u8> {
	(digit as char).to_digit(16).map(|value| value as u8)
}

/// Checks `value`, the issuer identifier parameter `name`: at most
/// [`MAX_ISSUER_IDENTIFIER_LENGTH`] bytes and not empty.
pub fn parse_issuer_identifier(name: &str, value: String) -> Result<Vec<u8>, ErrorObjectOwned> {
	if value.is_empty() || value.len() > MAX_ISSUER_IDENTIFIER_LENGTH {
		return Err(invalid_params(format!(
			"`{name}` must be an issuer URI or DID of 1 to {MAX_ISSUER_IDENTIFIER_LENGTH} bytes, \
			 got {} bytes",
			value.len()
		)));
	}
	Ok(value.into_bytes())
}

/// Parses an account given as SS58 or as 32 bytes of hex. The length is checked before SS58 is
/// decoded (base58 decoding costs the square of its input's length).
pub fn parse_account(value: &str) -> Result<AccountId, ErrorObjectOwned> {
	if value.starts_with("0x") {
		return parse_hash32("account", value).map(AccountId::from);
	}
	if value.len() > MAX_SS58_LENGTH {
		return Err(invalid_params(format!(
			"`account` must be an SS58 address (at most {MAX_SS58_LENGTH} characters) or 0x and 64 \
			 hex digits, got {} characters",
			value.chars().count()
		)));
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
	fn verify(
		&self,
		digest: String,
		at: Option<String>,
		issuer: Option<String>,
	) -> RpcResult<VerdictJson> {
		let digest = parse_hash32("digest", &digest)?;
		let claimed = issuer.map(|issuer| parse_issuer_identifier("issuer", issuer)).transpose()?;
		let at = self.block(at)?;
		let verdict = self.with_api(&at, |api, hash| api.verify(hash, digest, claimed))?;
		Ok(VerdictJson::new(digest, verdict, at))
	}

	fn verify_in_batch(
		&self,
		root: String,
		leaf: String,
		proof: ProofParam,
		at: Option<String>,
		issuer: Option<String>,
	) -> RpcResult<VerdictJson> {
		let claimed = issuer.map(|issuer| parse_issuer_identifier("issuer", issuer)).transpose()?;
		if proof.siblings.len() > MAX_PROOF_DEPTH {
			return Err(invalid_params(format!(
				"`proof.siblings` has {} hashes; a batch proof has at most {MAX_PROOF_DEPTH}",
				proof.siblings.len()
			)));
		}
		let root = parse_hash32("root", &root)?;
		let leaf = parse_hash32("leaf", &leaf)?;
		let siblings = proof
			.siblings
			.iter()
			.enumerate()
			.map(|(i, sibling)| parse_hash32(&format!("proof.siblings[{i}]"), sibling))
			.collect::<Result<Vec<Digest>, _>>()?;
		let at = self.block(at)?;
		let verdict = self.with_api(&at, |api, hash| {
			api.verify_in_batch(hash, root, leaf, proof.leaf_index, siblings, claimed)
		})?;
		Ok(VerdictJson::new(leaf, verdict, at))
	}

	fn issuer(&self, account: String, at: Option<String>) -> RpcResult<Option<IssuerJson>> {
		let account = parse_account(&account)?;
		let at = self.block(at)?;
		let summary = self.with_api(&at, |api, hash| api.issuer(hash, account))?;
		Ok(summary.map(IssuerJson::from))
	}

	fn issuer_by_identifier(
		&self,
		identifier: String,
		at: Option<String>,
	) -> RpcResult<Option<IssuerJson>> {
		let identifier = parse_issuer_identifier("identifier", identifier)?;
		let at = self.block(at)?;
		let summary = self.with_api(&at, |api, hash| api.issuer_by_identifier(hash, identifier))?;
		Ok(summary.map(IssuerJson::from))
	}
}
