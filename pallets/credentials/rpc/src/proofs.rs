//! `credentials_proveVerdict`: a verdict together with everything a verifier needs to compute it
//! again without trusting this node (`docs/proofs.md`).
//!
//! The node picks the latest block it holds a GRANDPA justification of, runs the runtime's
//! `CredentialsApi::verify` there while recording every trie node the call reads, and adds the
//! chain of authority-set changes from genesis to that block — the fragments warp sync uses, each
//! set's last header with the justification that finalized it. A verifier who knows the genesis
//! authorities (from the chain spec) checks the justifications, hashes the header, checks the trie
//! nodes against its state root and runs the same verdict code over them: a node can refuse to
//! answer, but not lie.

use std::sync::Arc;

use codec::{Decode, DecodeAll, Encode};
use sc_consensus_grandpa::{warp_proof::WarpSyncFragment, GrandpaJustification};
use serde::{Deserialize, Serialize};
use sp_core::Bytes;
use sp_crypto_hashing::twox_128;
use sp_runtime::traits::{Block as BlockT, Header as HeaderT};

use crate::answers::{BlockRef, Verdict};

/// Where a server gets GRANDPA warp-sync proofs from: given a finalized block, the SCALE encoding
/// of the authority-set changes since it and the latest justification (the node's warp-sync
/// provider).
pub type WarpProofSource<Hash> = Arc<dyn Fn(Hash) -> Result<Vec<u8>, String> + Send + Sync>;

/// The storage key of `frame_system::LastRuntimeUpgrade`: the runtime's name and spec version,
/// which tell a verifier whether its verdict code is the chain's.
pub fn runtime_version_key() -> Vec<u8> {
	[twox_128(b"System"), twox_128(b"LastRuntimeUpgrade")].concat()
}

/// A verdict with its proof: what `credentials_proveVerdict` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerdictProof {
	/// The block the verdict was read at: the latest block the node holds a GRANDPA
	/// justification of.
	pub block: BlockRef,
	/// That block's header, SCALE-encoded.
	pub header: Bytes,
	/// The GRANDPA justification that finalized it, SCALE-encoded.
	pub justification: Bytes,
	/// The authority-set changes from genesis to it, oldest first.
	pub set_changes: Vec<SetChange>,
	/// Every trie node the verdict reads at that block, and those of the runtime's version.
	pub storage_proof: Vec<Bytes>,
	/// The node's own verdict, for reference only: a verifier computes it again from the proof.
	pub verdict: Verdict,
}

/// One authority-set change: the last block a set finalized, whose header announces the next
/// set, and the justification by which that set finalized it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetChange {
	/// The header, SCALE-encoded.
	pub header: Bytes,
	/// The justification, SCALE-encoded.
	pub justification: Bytes,
}

/// The SCALE layout of a GRANDPA warp-sync proof (`sc_consensus_grandpa::warp_proof`), whose
/// fields that crate keeps private.
#[derive(Decode)]
pub struct WarpFragments<Block: BlockT> {
	/// Each set's last block with its justification, then (if newer) the latest justified block.
	pub fragments: Vec<WarpSyncFragment<Block>>,
	/// Whether the fragments reach the current authority set (a proof is cut at 8 MiB).
	pub is_finished: bool,
}

/// A finalized block with its justification and the set changes before it.
pub struct JustifiedBlock<Block: BlockT> {
	/// The block's header.
	pub header: Block::Header,
	/// The justification that finalized it.
	pub justification: GrandpaJustification<Block>,
	/// The authority-set changes from genesis to it.
	pub set_changes: Vec<SetChange>,
}

impl<Block: BlockT> JustifiedBlock<Block> {
	/// The latest justified block of the warp-sync proof `encoded` (made from genesis), or why
	/// there is none.
	pub fn from_warp_proof(encoded: &[u8]) -> Result<Self, String> {
		let WarpFragments::<Block> { mut fragments, is_finished } =
			WarpFragments::decode_all(&mut &encoded[..])
				.map_err(|error| format!("the node's warp-sync proof does not decode: {error}"))?;
		if !is_finished {
			return Err(
				"the chain has more authority-set changes than one proof holds (8 MiB)".into()
			);
		}
		let last = fragments.pop().ok_or_else(|| {
			"no block has a GRANDPA justification yet: ask again once finality has progressed"
				.to_string()
		})?;
		let set_changes = fragments
			.into_iter()
			.map(|fragment| SetChange {
				header: Bytes(fragment.header.encode()),
				justification: Bytes(fragment.justification.encode()),
			})
			.collect();
		Ok(Self { header: last.header, justification: last.justification, set_changes })
	}

	/// The block's number and hash.
	pub fn block_ref(&self) -> BlockRef
	where
		sp_runtime::traits::NumberFor<Block>: Into<u64>,
		Block: BlockT<Hash = sp_core::H256>,
	{
		BlockRef { number: (*self.header.number()).into(), hash: self.header.hash() }
	}
}
