//! The proof file, `<document>.credchain-proof.json`: a node's `credentials_proveVerdict` answer
//! with the chain it belongs to and the question it answers, versioned (`docs/proofs.md`).

use std::path::{Path, PathBuf};

use pallet_credentials_rpc::{params::BatchLeaf, proofs::VerdictProof};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sp_core::H256;

use super::{ProofError, Question};
use crate::{Error, Result};

/// The `format` of a proof file.
pub const FORMAT: &str = "credchain-verdict-proof";

/// The `version` of the format this client writes and reads.
pub const VERSION: u64 = 1;

/// What ends a proof file's name, after its document's.
pub const SUFFIX: &str = ".credchain-proof.json";

/// A proof file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerdictProofFile {
	/// Always [`FORMAT`].
	pub format: String,
	/// The format's version: [`VERSION`].
	pub version: u64,
	/// The chain the proof belongs to.
	pub chain: ChainRef,
	/// The credential's digest.
	pub digest: H256,
	/// The issuer identifier the document names, which the verdict was computed for.
	pub issuer: Option<String>,
	/// For a credential of a Merkle batch: the batch's root and the leaf's place in it.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub batch: Option<BatchLeaf>,
	/// The node's answer: the block, its finality, the trie nodes, the node's verdict.
	#[serde(flatten)]
	pub proof: VerdictProof,
}

/// The chain a proof belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainRef {
	/// Its name, as the node gave it (informative).
	pub name: String,
	/// Its genesis block's hash.
	pub genesis_hash: H256,
}

impl VerdictProofFile {
	/// The proof file of the node's answer `proof` to `question`.
	pub fn new(chain: ChainRef, question: &Question, proof: VerdictProof) -> Self {
		Self {
			format: FORMAT.into(),
			version: VERSION,
			chain,
			digest: H256(question.digest),
			issuer: question.issuer.clone(),
			batch: question.batch.clone(),
			proof,
		}
	}

	/// The proof file beside `document`.
	pub fn path_for(document: &Path) -> PathBuf {
		let mut name = document.as_os_str().to_owned();
		name.push(SUFFIX);
		PathBuf::from(name)
	}

	/// Reads the proof file at `path`.
	pub fn read(path: &Path) -> Result<Self> {
		let bytes = std::fs::read(path).map_err(|error| Error::file("read", path, error))?;
		Self::from_json(&bytes).map_err(|error| {
			Error::Unproven(ProofError::UnsupportedFormat(format!("{}: {error}", path.display())))
		})
	}

	/// A proof file from its JSON `bytes`; why not, in words.
	pub fn from_json(bytes: &[u8]) -> Result<Self, String> {
		let value: Value =
			serde_json::from_slice(bytes).map_err(|error| format!("it is not JSON ({error})"))?;
		if value["format"] != FORMAT {
			return Err(format!("it is not a CredChain proof file (its format is not {FORMAT:?})"));
		}
		let version = value["version"].as_u64();
		if version != Some(VERSION) {
			return Err(format!(
				"it is a version {} proof file; this client reads version {VERSION}",
				version.map_or("unknown".into(), |version| version.to_string())
			));
		}
		serde_json::from_value(value).map_err(|error| format!("it is malformed ({error})"))
	}

	/// Writes the proof file to `path`.
	pub fn write(&self, path: &Path) -> Result<u64> {
		let json = serde_json::to_vec_pretty(self)
			.map_err(|error| Error::input(format!("cannot write the proof: {error}")))?;
		std::fs::write(path, &json).map_err(|error| Error::file("write", path, error))?;
		Ok(json.len() as u64)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_this_format_and_version_are_read() {
		let error = |json: &str| VerdictProofFile::from_json(json.as_bytes()).unwrap_err();
		assert!(error("{").contains("not JSON"), "{}", error("{"));
		let other = error(r#"{"format": "credchain-batch-proof", "version": 1}"#);
		assert!(other.contains("not a CredChain proof file"), "{other}");
		let newer = error(r#"{"format": "credchain-verdict-proof", "version": 2}"#);
		assert!(newer.contains("version 2 proof file; this client reads version 1"), "{newer}");
		let unversioned = error(r#"{"format": "credchain-verdict-proof"}"#);
		assert!(unversioned.contains("version unknown"), "{unversioned}");
		let incomplete = error(r#"{"format": "credchain-verdict-proof", "version": 1}"#);
		assert!(incomplete.contains("malformed"), "{incomplete}");
	}

	#[test]
	fn a_proof_file_sits_beside_its_document() {
		let path = VerdictProofFile::path_for(Path::new("/tmp/diploma.json"));
		assert_eq!(path, Path::new("/tmp/diploma.json.credchain-proof.json"));
	}
}
