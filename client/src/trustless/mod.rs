//! Verification that trusts no server (`docs/proofs.md`).
//!
//! A node's `credentials_proveVerdict` answer carries a verdict with its proof: the header of a
//! finalized block, the GRANDPA justification that finalized it, the authority-set changes from
//! genesis to it, and every trie node the verdict reads at that block. Saved with the chain it
//! belongs to and the credential it is about, it is a proof file ([`file`]). Checking one needs
//! only the chain spec ([`chain_spec`]: the genesis authorities and genesis hash), no network:
//!
//! 1. [`finality`]: each set change's justification is signed by more than two thirds of the set in
//!    force (the genesis set first), its header names the next set, and the block's own
//!    justification is signed by the last set;
//! 2. [`state`]: the trie nodes hang from that block's state root, and the credentials pallet's own
//!    `verify` — the code the runtime runs, compiled into this client — computes the verdict over
//!    them. A node left out makes the check fail; an altered one does not hash into the root.
//!
//! `credchain verify --offline` checks a saved proof; `credchain verify --light` asks a node for a
//! fresh one and checks it the same way, so a node can refuse to answer, but not lie.

pub mod chain_spec;
pub mod file;
pub mod finality;
pub mod state;

use std::time::Duration;

use pallet_credentials_rpc::{
	answers::{BlockRef, Verdict},
	params::BatchLeaf,
};
use sp_core::H256;

pub use chain_spec::TrustAnchor;
pub use file::VerdictProofFile;

use crate::Digest;

/// Why a proof does not establish a verdict. Each has a name ([`ProofError::name`]) for scripts.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProofError {
	/// The chain spec cannot be read or does not build a genesis.
	#[error("cannot use the chain spec {path}: {reason}")]
	ChainSpec {
		/// The chain spec's path.
		path: String,
		/// Why.
		reason: String,
	},
	/// The file is not a CredChain proof this client reads.
	#[error("{0}")]
	UnsupportedFormat(String),
	/// A part of the proof does not decode.
	#[error("the proof's {part} is malformed: {reason}")]
	Malformed {
		/// Which part.
		part: String,
		/// Why.
		reason: String,
	},
	/// The proof is of another chain than the chain spec's.
	#[error(
		"the proof is of the chain whose genesis is {proof:?}, but the chain spec ({spec_name}) \
		 describes the chain whose genesis is {spec:?}"
	)]
	WrongChain {
		/// The genesis hash the proof names.
		proof: H256,
		/// The chain spec's genesis hash.
		spec: H256,
		/// The chain spec's name.
		spec_name: String,
	},
	/// The proof is about another document than the one given.
	#[error(
		"the proof is about the credential {proof:?}, but the document's digest is {document:?} \
		 (another or an altered document)"
	)]
	DocumentMismatch {
		/// The digest the proof is about.
		proof: H256,
		/// The document's digest.
		document: H256,
	},
	/// The proof was made for another claimed issuer than the document names.
	#[error(
		"the proof was made for the issuer {proof:?}, but the document names {document:?}: export \
		 the proof from the document itself"
	)]
	IssuerMismatch {
		/// The issuer the proof was made for.
		proof: Option<String>,
		/// The issuer the document names.
		document: Option<String>,
	},
	/// A set change's justification is not signed by the authority set in force.
	#[error(
		"authority-set change {index} (block #{number}) is not finalized by the set in force: \
		 {reason}"
	)]
	SetChangeNotFinalized {
		/// Its position among the set changes, from 0.
		index: usize,
		/// The block's number.
		number: u32,
		/// Why the justification fails.
		reason: String,
	},
	/// A set change's header announces no next set.
	#[error("authority-set change {index} (block #{number}) announces no new authority set")]
	NoSetChange {
		/// Its position among the set changes, from 0.
		index: usize,
		/// The block's number.
		number: u32,
	},
	/// A justification finalizes another block than the header it comes with.
	#[error("the justification of {part} finalizes another block than its header")]
	JustificationTarget {
		/// Which header: the block's, or a set change's.
		part: String,
	},
	/// The block's justification is not signed by the authority set in force.
	#[error("block #{number} is not finalized by the authority set in force: {reason}")]
	BlockNotFinalized {
		/// The block's number.
		number: u32,
		/// Why the justification fails.
		reason: String,
	},
	/// The block the proof names is not the block its header describes.
	#[error("the proof names block #{claimed_number} {claimed:?}, but its header is of block #{number} {hash:?}")]
	BlockMismatch {
		/// The number the proof names.
		claimed_number: u64,
		/// The hash the proof names.
		claimed: H256,
		/// The header's number.
		number: u32,
		/// The header's hash.
		hash: H256,
	},
	/// The trie nodes do not lead to the block's state root.
	#[error("the storage proof does not match block #{number}'s state root")]
	StateRootMismatch {
		/// The block's number.
		number: u32,
	},
	/// The verdict reads a trie node the proof lacks (left out, or altered).
	#[error("the storage proof lacks a trie node the verdict reads (left out or altered)")]
	StateIncomplete,
	/// A fresh proof was asked for, and the node sent one of an older block: it may be hiding what
	/// changed since.
	#[error(
		"the proof is of block #{number}, {age_seconds} seconds old, older than the {max_age_seconds} \
		 seconds allowed: the node may be hiding a later change (or finality has stalled)"
	)]
	Stale {
		/// The block's number.
		number: u64,
		/// How old the block is, by this computer's clock.
		age_seconds: u64,
		/// The most allowed.
		max_age_seconds: u64,
	},
	/// The chain's runtime at that block is not the one this client computes verdicts with.
	#[error(
		"the block's runtime is {chain}, but this client computes verdicts as {client}: use a \
		 client built for that runtime"
	)]
	RuntimeMismatch {
		/// The chain's runtime name and spec version.
		chain: String,
		/// This client's.
		client: String,
	},
}

impl ProofError {
	/// The reason's name, for scripts and tests.
	pub fn name(&self) -> &'static str {
		match self {
			Self::ChainSpec { .. } => "chainSpec",
			Self::UnsupportedFormat(_) => "unsupportedFormat",
			Self::Malformed { .. } => "malformed",
			Self::WrongChain { .. } => "wrongChain",
			Self::DocumentMismatch { .. } => "documentMismatch",
			Self::IssuerMismatch { .. } => "issuerMismatch",
			Self::SetChangeNotFinalized { .. } => "setChangeNotFinalized",
			Self::NoSetChange { .. } => "noSetChange",
			Self::JustificationTarget { .. } => "justificationTarget",
			Self::BlockNotFinalized { .. } => "blockNotFinalized",
			Self::BlockMismatch { .. } => "blockMismatch",
			Self::StateRootMismatch { .. } => "stateRootMismatch",
			Self::StateIncomplete => "stateIncomplete",
			Self::Stale { .. } => "stale",
			Self::RuntimeMismatch { .. } => "runtimeMismatch",
		}
	}
}

/// What a verifier asks a proof: the credential's digest, the issuer its document names (if
/// any) and, optionally, the holder commitment to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
	/// The document's digest.
	pub digest: Digest,
	/// The issuer identifier the document names.
	pub issuer: Option<String>,
	/// The holder commitment the verifier computed from the holder's identity and salt.
	pub holder: Option<Digest>,
	/// For a credential of a Merkle batch: the batch and the leaf's place in it.
	pub batch: Option<BatchLeaf>,
}

/// A verdict a proof established.
#[derive(Clone, Debug)]
pub struct ProvenVerdict {
	/// The verdict, computed from the proven state.
	pub verdict: Verdict,
	/// The finalized block it holds at.
	pub block: BlockRef,
	/// How many authority-set changes were followed from genesis.
	pub set_changes: usize,
	/// The chain spec's name.
	pub chain_name: String,
}

impl ProvenVerdict {
	/// Whether the proven block is at most `max_age` old at `now` (ms since the Unix epoch), as
	/// its own proven timestamp says: what a verifier who asked for a fresh proof requires, since
	/// a node could otherwise answer with the proof of an older block.
	pub fn ensure_fresh(&self, max_age: Duration, now: u64) -> Result<(), ProofError> {
		let age = now.saturating_sub(self.verdict.read_at.time);
		let max_age_ms = u64::try_from(max_age.as_millis()).unwrap_or(u64::MAX);
		if age > max_age_ms {
			return Err(ProofError::Stale {
				number: self.block.number,
				age_seconds: age / 1000,
				max_age_seconds: max_age.as_secs(),
			});
		}
		Ok(())
	}
}

/// Checks `proof` against `anchor` (from the chain spec) for `question`: the verdict it proves.
pub fn check(
	proof: &VerdictProofFile,
	anchor: &TrustAnchor,
	question: &Question,
) -> Result<ProvenVerdict, ProofError> {
	if proof.chain.genesis_hash != anchor.genesis_hash {
		return Err(ProofError::WrongChain {
			proof: proof.chain.genesis_hash,
			spec: anchor.genesis_hash,
			spec_name: anchor.chain_name.clone(),
		});
	}
	if proof.digest.0 != question.digest {
		return Err(ProofError::DocumentMismatch {
			proof: proof.digest,
			document: H256(question.digest),
		});
	}
	if proof.issuer != question.issuer {
		return Err(ProofError::IssuerMismatch {
			proof: proof.issuer.clone(),
			document: question.issuer.clone(),
		});
	}
	let answer = &proof.proof;
	let header = finality::finalized_header(
		anchor.authorities.clone(),
		&answer.set_changes,
		&answer.header,
		&answer.justification,
	)?;
	let block = BlockRef { number: header.number.into(), hash: header.hash() };
	if block != answer.block {
		return Err(ProofError::BlockMismatch {
			claimed_number: answer.block.number,
			claimed: answer.block.hash,
			number: header.number,
			hash: block.hash,
		});
	}
	let nodes = answer.storage_proof.iter().map(|node| node.0.clone());
	let issuer = question.issuer.as_ref().map(|issuer| issuer.as_bytes().to_vec());
	let batch = question.batch.as_ref().map(BatchLeaf::parse).transpose().map_err(|error| {
		ProofError::Malformed { part: "batch".into(), reason: error.message().to_string() }
	})?;
	let verdict =
		state::verdict_at(&header, nodes, question.digest, issuer, question.holder, batch)?;
	Ok(ProvenVerdict {
		verdict: Verdict::from_runtime(H256(question.digest), verdict, block),
		block,
		set_changes: answer.set_changes.len(),
		chain_name: anchor.chain_name.clone(),
	})
}
