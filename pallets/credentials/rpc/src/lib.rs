//! The `credentials_*` JSON-RPC methods: a verifier's questions, answered in one call each from the
//! runtime's `CredentialsApi`, read at the latest finalized block unless the caller names one.
//! `credentials_verify`'s answers are kept by block ([`cache`]): a verdict read at a block never
//! changes.
//!
//! One trait, [`CredentialsApi`], gives both sides: the node serves it with [`Credentials`] (it
//! only parses parameters, calls the runtime API and shapes the answer; the runtime does the work),
//! and clients call it through the generated [`CredentialsApiClient`], reading the answers into the
//! same [`answers`] types the node writes. `docs/rpc.md` documents the methods with examples.

pub mod answers;
pub mod cache;
pub mod params;
pub mod proofs;

use std::{marker::PhantomData, sync::Arc};

use codec::Encode;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::INTERNAL_ERROR_CODE, ErrorObject, ErrorObjectOwned},
};
use pallet_credentials_runtime_api::CredentialsApi as CredentialsRuntimeApi;
use sc_client_api::ProofProvider;
use sp_api::{ApiExt, ProvideRuntimeApi, StorageProof};
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::AccountId32, H256};
use sp_runtime::traits::{Block as BlockT, Header as HeaderT, NumberFor};

use answers::{AchievementInfo, BlockRef, IssuerInfo, Verdict};
use cache::{VerdictCache, VerdictKey};
use params::{
	invalid_params, parse_account, parse_hash32, parse_holder, parse_issuer_identifier,
	parse_proof, BatchLeaf, BatchProof, HolderParam,
};
use proofs::{runtime_version_key, JustifiedBlock, VerdictProof, WarpProofSource};

/// The verification methods.
#[rpc(client, server, namespace = "credentials")]
pub trait CredentialsApi {
	/// The verdict on the credential whose canonical document has the SHA-256 `digest` (hex), and
	/// names `issuer` (its `issuer` or `issuer.id`, a URI or DID) as its issuer, if it names one;
	/// with `holder`, whether its record commits to that holder (`holderCheck`).
	#[method(name = "verify")]
	fn verify(
		&self,
		digest: String,
		at: Option<String>,
		issuer: Option<String>,
		holder: Option<HolderParam>,
	) -> RpcResult<Verdict>;

	/// The verdict on the credential `leaf` (hex digest), shown by `proof` to belong to the Merkle
	/// batch anchored with `root` (hex), whose document names `issuer`, if it names one.
	#[method(name = "verifyInBatch")]
	fn verify_in_batch(
		&self,
		root: String,
		leaf: String,
		proof: BatchProof,
		at: Option<String>,
		issuer: Option<String>,
	) -> RpcResult<Verdict>;

	/// The issuer registered under `account` (SS58 or hex), or `null`.
	#[method(name = "issuer")]
	fn issuer(&self, account: String, at: Option<String>) -> RpcResult<Option<IssuerInfo>>;

	/// The issuer registered under the identifier `identifier` (its website, DID or another
	/// registered identifier, compared case- and Unicode-normalized), or `null`.
	#[method(name = "issuerByIdentifier")]
	fn issuer_by_identifier(
		&self,
		identifier: String,
		at: Option<String>,
	) -> RpcResult<Option<IssuerInfo>>;

	/// The achievement `id` (hex) at `version` (its latest if not given), or `null`.
	#[method(name = "achievement")]
	fn achievement(
		&self,
		id: String,
		version: Option<u16>,
		at: Option<String>,
	) -> RpcResult<Option<AchievementInfo>>;

	/// The verdict `credentials_verify` gives at the latest block this node holds a GRANDPA
	/// justification of, with the proof that lets a verifier compute it again trusting no node:
	/// that block's header and justification, the authority-set changes from genesis to it, and
	/// every trie node the verdict reads (`docs/proofs.md`). With `batch`, `digest` is a leaf of
	/// that Merkle batch, verified as `credentials_verifyInBatch` does.
	#[method(name = "proveVerdict")]
	fn prove_verdict(
		&self,
		digest: String,
		issuer: Option<String>,
		batch: Option<BatchLeaf>,
	) -> RpcResult<VerdictProof>;
}

/// Serves the verification methods from a client's runtime API.
pub struct Credentials<C, Block: BlockT> {
	client: Arc<C>,
	/// `credentials_verify`'s answers by block, digest and claimed issuer.
	verdicts: VerdictCache,
	/// Where `credentials_proveVerdict` gets finality proofs from, if this server offers them.
	warp_proofs: Option<WarpProofSource<Block::Hash>>,
	_block: PhantomData<Block>,
}

impl<C, Block: BlockT> Credentials<C, Block> {
	/// A server reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, verdicts: VerdictCache::default(), warp_proofs: None, _block: PhantomData }
	}

	/// Offers `credentials_proveVerdict`, with finality proofs from `warp_proofs`.
	pub fn with_proofs(self, warp_proofs: WarpProofSource<Block::Hash>) -> Self {
		Self { warp_proofs: Some(warp_proofs), ..self }
	}
}

/// An internal error with `message`.
fn internal_error(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(INTERNAL_ERROR_CODE, message, None::<()>)
}

impl<C, Block> Credentials<C, Block>
where
	Block: BlockT<Hash = H256>,
	NumberFor<Block>: Into<u64>,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CredentialsRuntimeApi<Block, AccountId32, NumberFor<Block>>,
{
	/// The block to read at: the one named, which must exist, or the latest finalized one.
	fn block(&self, at: Option<String>) -> Result<BlockRef, ErrorObjectOwned> {
		let hash = match at {
			Some(at) => H256(parse_hash32("at", &at)?),
			None => self.client.info().finalized_hash,
		};
		let header = self
			.client
			.header(hash)
			.map_err(|error| internal_error(error.to_string()))?
			.ok_or_else(|| invalid_params(format!("`at`: unknown block {hash:?}")))?;
		Ok(BlockRef { number: (*header.number()).into(), hash })
	}

	/// Runs `call` against the runtime API at `at`.
	fn with_api<R>(
		&self,
		at: BlockRef,
		call: impl FnOnce(&C::Api, H256) -> Result<R, sp_api::ApiError>,
	) -> RpcResult<R> {
		let api = self.client.runtime_api();
		call(&api, at.hash).map_err(|error| runtime_error(at.hash, error))
	}
}

/// The error when the runtime could not answer at block `hash`.
fn runtime_error(hash: H256, error: impl std::fmt::Display) -> ErrorObjectOwned {
	internal_error(format!("the runtime could not answer at block {hash:?}: {error}"))
}

impl<C, Block> CredentialsApiServer for Credentials<C, Block>
where
	Block: BlockT<Hash = H256>,
	NumberFor<Block>: Into<u64>,
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ ProofProvider<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: CredentialsRuntimeApi<Block, AccountId32, NumberFor<Block>>,
{
	fn verify(
		&self,
		digest: String,
		at: Option<String>,
		issuer: Option<String>,
		holder: Option<HolderParam>,
	) -> RpcResult<Verdict> {
		let digest = parse_hash32("digest", &digest)?;
		let claimed = issuer.map(|issuer| parse_issuer_identifier("issuer", issuer)).transpose()?;
		let holder = holder.as_ref().map(parse_holder).transpose()?;
		let at = self.block(at)?;
		let key = VerdictKey { block: at.hash, digest, claimed_issuer: claimed.clone(), holder };
		if let Some(verdict) = self.verdicts.get(&key) {
			return Ok(verdict);
		}
		let verdict = self.with_api(at, |api, hash| api.verify(hash, digest, claimed, holder))?;
		let verdict = Verdict::from_runtime(H256(digest), verdict, at);
		self.verdicts.insert(key, verdict.clone());
		Ok(verdict)
	}

	fn verify_in_batch(
		&self,
		root: String,
		leaf: String,
		proof: BatchProof,
		at: Option<String>,
		issuer: Option<String>,
	) -> RpcResult<Verdict> {
		let claimed = issuer.map(|issuer| parse_issuer_identifier("issuer", issuer)).transpose()?;
		let siblings = parse_proof(&proof)?;
		let root = parse_hash32("root", &root)?;
		let leaf = parse_hash32("leaf", &leaf)?;
		let at = self.block(at)?;
		let verdict = self.with_api(at, |api, hash| {
			api.verify_in_batch(hash, root, leaf, proof.leaf_index, siblings, claimed)
		})?;
		Ok(Verdict::from_runtime(H256(leaf), verdict, at))
	}

	fn issuer(&self, account: String, at: Option<String>) -> RpcResult<Option<IssuerInfo>> {
		let account = parse_account(&account)?;
		let at = self.block(at)?;
		let summary = self.with_api(at, |api, hash| api.issuer(hash, account))?;
		Ok(summary.map(IssuerInfo::from))
	}

	fn issuer_by_identifier(
		&self,
		identifier: String,
		at: Option<String>,
	) -> RpcResult<Option<IssuerInfo>> {
		let identifier = parse_issuer_identifier("identifier", identifier)?;
		let at = self.block(at)?;
		let summary = self.with_api(at, |api, hash| api.issuer_by_identifier(hash, identifier))?;
		Ok(summary.map(IssuerInfo::from))
	}

	fn achievement(
		&self,
		id: String,
		version: Option<u16>,
		at: Option<String>,
	) -> RpcResult<Option<AchievementInfo>> {
		let id = parse_hash32("id", &id)?;
		if version == Some(0) {
			return Err(invalid_params("`version` counts from 1"));
		}
		let at = self.block(at)?;
		let summary = self.with_api(at, |api, hash| api.achievement(hash, id, version))?;
		Ok(summary.map(AchievementInfo::from))
	}

	fn prove_verdict(
		&self,
		digest: String,
		issuer: Option<String>,
		batch: Option<BatchLeaf>,
	) -> RpcResult<VerdictProof> {
		let digest = parse_hash32("digest", &digest)?;
		let claimed = issuer.map(|issuer| parse_issuer_identifier("issuer", issuer)).transpose()?;
		let batch = batch.as_ref().map(BatchLeaf::parse).transpose()?;
		let warp_proofs = self
			.warp_proofs
			.as_ref()
			.ok_or_else(|| internal_error("this node does not serve proofs"))?;
		let warp_proof = warp_proofs(self.client.info().genesis_hash)
			.map_err(|error| internal_error(format!("no finality proof: {error}")))?;
		let justified = JustifiedBlock::<Block>::from_warp_proof(&warp_proof)
			.map_err(|error| internal_error(format!("no finality proof: {error}")))?;
		let at = justified.block_ref();

		let mut api = self.client.runtime_api();
		api.record_proof();
		let verdict = match batch {
			Some((root, leaf_index, siblings)) => {
				api.verify_in_batch(at.hash, root, digest, leaf_index, siblings, claimed)
			}
			None => api.verify(at.hash, digest, claimed, None),
		}
		.map_err(|error| runtime_error(at.hash, error))?;
		let read = api.extract_proof().ok_or_else(|| internal_error("no proof was recorded"))?;
		let version_key = runtime_version_key();
		let version = self
			.client
			.read_proof(at.hash, &mut std::iter::once(&version_key[..]))
			.map_err(|error| runtime_error(at.hash, error))?;
		let storage_proof = StorageProof::merge([read, version]);
		Ok(VerdictProof {
			block: at,
			header: justified.header.encode().into(),
			justification: justified.justification.encode().into(),
			set_changes: justified.set_changes,
			storage_proof: storage_proof.into_iter_nodes().map(Into::into).collect(),
			verdict: Verdict::from_runtime(H256(digest), verdict, at),
		})
	}
}
