//! Proof files: `<document>.proof.json`, written beside each document of a Merkle batch by
//! `credchain issue-batch`, and read to verify, suspend, reinstate or revoke that one credential.
//!
//! ```json
//! {
//!   "version": 1,
//!   "chain": { "genesisHash": "0x…", "name": "CredChain Development" },
//!   "root": "0x…",
//!   "leafCount": 1000,
//!   "leaf": "0x…",
//!   "proof": { "leafIndex": 5, "siblings": ["0x…", "0x…"] }
//! }
//! ```
//!
//! `proof` is exactly the `proof` parameter of the node's `credentials_verifyInBatch` method; `leaf` is
//! the document's digest; `chain.genesisHash` names the chain the batch was anchored on.

use std::{
	ffi::OsString,
	path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};

use crate::{
	bytes32::to_hex,
	merkle::{self, LeafProof, MAX_PROOF_LENGTH},
	Digest, Error, Result,
};

/// The proof file format this client writes and reads.
pub const VERSION: u32 = 1;

/// The suffix added to a document's file name to name its proof file.
pub const SUFFIX: &str = ".proof.json";

/// The chain a batch was anchored on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainRef {
	/// The chain's genesis block hash: its lasting identity.
	#[serde(with = "crate::bytes32::hex32")]
	pub genesis_hash: Digest,
	/// The chain's name, for people (`system_chain`).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub name: Option<String>,
}

/// The contents of a proof file: everything needed to verify one credential of a Merkle batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProofFile {
	/// The format version, [`VERSION`].
	pub version: u32,
	/// The chain the batch was anchored on.
	pub chain: ChainRef,
	/// The batch's Merkle root, as anchored.
	#[serde(with = "crate::bytes32::hex32")]
	pub root: Digest,
	/// The number of credentials in the batch.
	pub leaf_count: u32,
	/// The document's digest.
	#[serde(with = "crate::bytes32::hex32")]
	pub leaf: Digest,
	/// Where the document is in the batch, and the hashes that lead from it to the root.
	pub proof: LeafProof,
}

impl ProofFile {
	/// The document's place in its batch, as verifiers pass it to the node.
	pub fn batch_leaf(&self) -> pallet_credentials_rpc::params::BatchLeaf {
		pallet_credentials_rpc::params::BatchLeaf {
			root: crate::bytes32::to_hex(&self.root),
			leaf_index: self.proof.leaf_index,
			siblings: self
				.proof
				.siblings
				.iter()
				.map(|sibling| crate::bytes32::to_hex(sibling))
				.collect(),
		}
	}
}

/// The proof file of the document at `document`: the same path with `.proof.json` added.
pub fn path_for(document: &Path) -> PathBuf {
	let mut name = OsString::from(document.as_os_str());
	name.push(SUFFIX);
	PathBuf::from(name)
}

/// Whether `path` names a proof file (it ends with `.proof.json`).
pub fn is_proof_file(path: &Path) -> bool {
	path.file_name().and_then(|name| name.to_str()).is_some_and(|name| name.ends_with(SUFFIX))
}

/// Where a proof file meant for `path` is written before it is put in place: `path` with `.partial`
/// added.
pub fn pending_path(path: &Path) -> PathBuf {
	let mut pending = OsString::from(path.as_os_str());
	pending.push(".partial");
	PathBuf::from(pending)
}

/// Puts the pending proof file for `path` in place, replacing any file there.
pub fn commit_pending(path: &Path) -> Result<()> {
	let pending = pending_path(path);
	std::fs::rename(&pending, path).map_err(|error| {
		let _ = std::fs::remove_file(&pending);
		Error::file("write", path, error)
	})
}

/// Removes the pending proof file for `path`, if there is one.
pub fn discard_pending(path: &Path) {
	let _ = std::fs::remove_file(pending_path(path));
}

impl ProofFile {
	/// The proof file for `leaf`, the credential at `proof.leaf_index` of the batch `root` of
	/// `leaf_count` credentials anchored on `chain`.
	pub fn new(
		chain: ChainRef,
		root: Digest,
		leaf_count: u32,
		leaf: Digest,
		proof: LeafProof,
	) -> Self {
		Self { version: VERSION, chain, root, leaf_count, leaf, proof }
	}

	/// Reads and checks the proof file at `path`.
	pub fn read(path: &Path) -> Result<Self> {
		let text = std::fs::read(path).map_err(|error| Error::file("read", path, error))?;
		Self::from_json(&text)
			.map_err(|message| Error::input(format!("{}: {message}", path.display())))
	}

	/// Parses and checks a proof file's contents.
	pub fn from_json(bytes: &[u8]) -> Result<Self, String> {
		let version = serde_json::from_slice::<serde_json::Value>(bytes)
			.map_err(|error| format!("this is not a CredChain proof file (not JSON: {error})"))?
			.get("version")
			.and_then(serde_json::Value::as_u64);
		match version {
			Some(v) if v == u64::from(VERSION) => {}
			Some(v) => {
				return Err(format!(
					"this proof file has format version {v}, which this client does not know (it \
					 reads version {VERSION}): use a newer credchain"
				))
			}
			None => return Err("this is not a CredChain proof file (it has no \"version\")".into()),
		}
		let file: Self = serde_json::from_slice(bytes)
			.map_err(|error| format!("this is not a valid CredChain proof file: {error}"))?;
		if file.proof.siblings.len() > MAX_PROOF_LENGTH {
			return Err(format!(
				"its proof has {} hashes; a batch proof has at most {MAX_PROOF_LENGTH}",
				file.proof.siblings.len()
			));
		}
		if file.proof.leaf_index >= file.leaf_count {
			return Err(format!(
				"its leaf index {} is not below its leaf count {}",
				file.proof.leaf_index, file.leaf_count
			));
		}
		Ok(file)
	}

	/// The file's contents as indented JSON.
	pub fn to_json(&self) -> Vec<u8> {
		let mut json = serde_json::to_vec_pretty(self).unwrap_or_default();
		json.push(b'\n');
		json
	}

	/// Writes the file to `path`, through a pending file beside it so that a reader never sees half
	/// a file.
	pub fn write(&self, path: &Path) -> Result<()> {
		self.write_pending(path)?;
		commit_pending(path)
	}

	/// Writes the file as pending: to [`pending_path`]`(path)`, not yet at `path`. Then either
	/// [`commit_pending`] puts it in place or [`discard_pending`] removes it.
	pub fn write_pending(&self, path: &Path) -> Result<()> {
		let pending = pending_path(path);
		std::fs::write(&pending, self.to_json())
			.map_err(|error| Error::file("write", &pending, error))
	}

	/// Whether the proof leads from the leaf to the root (checked here, as the chain checks it).
	pub fn proof_is_consistent(&self) -> bool {
		merkle::verify(&self.root, self.leaf_count, &self.leaf, &self.proof)
	}

	/// Checks that the file was made for the chain with genesis hash `genesis_hash`.
	pub fn check_chain(&self, path: &Path, genesis_hash: &Digest, url: &str) -> Result<()> {
		if &self.chain.genesis_hash == genesis_hash {
			return Ok(());
		}
		let name = self.chain.name.as_deref().map(|name| format!(" ({name})")).unwrap_or_default();
		Err(Error::Incompatible(format!(
			"the proof file {} was made for another chain{name} with genesis hash {}, but the node at \
			 {url} serves the chain with genesis hash {}: connect to the chain the batch was \
			 anchored on (--url)",
			path.display(),
			to_hex(&self.chain.genesis_hash),
			to_hex(genesis_hash)
		)))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::merkle::MerkleBatch;

	fn sample() -> ProofFile {
		let leaves: Vec<Digest> = (0u8..5).map(|i| [i; 32]).collect();
		let batch = MerkleBatch::build(&leaves).unwrap();
		let chain = ChainRef { genesis_hash: [9; 32], name: Some("CredChain Development".into()) };
		ProofFile::new(chain, batch.root(), batch.leaf_count(), leaves[3], batch.proof(3).unwrap())
	}

	#[test]
	fn json_round_trip_keeps_everything() {
		let file = sample();
		assert!(file.proof_is_consistent());
		let json = file.to_json();
		assert_eq!(ProofFile::from_json(&json).unwrap(), file);

		let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
		assert_eq!(value["version"], 1);
		assert_eq!(value["chain"]["genesisHash"], to_hex(&[9; 32]));
		assert_eq!(value["chain"]["name"], "CredChain Development");
		assert_eq!(value["leafCount"], 5);
		assert_eq!(value["leaf"], to_hex(&[3; 32]));
		assert_eq!(value["proof"]["leafIndex"], 3);
		let siblings = value["proof"]["siblings"].as_array().unwrap();
		assert_eq!(siblings.len(), file.proof.siblings.len());
		assert!(siblings.iter().all(|s| s.as_str().unwrap().starts_with("0x")));
		// The proof object is exactly what credentials_verifyInBatch takes: two fields.
		assert_eq!(value["proof"].as_object().unwrap().len(), 2);
	}

	#[test]
	fn file_round_trip() {
		let dir = std::env::temp_dir().join(format!("credchain-proof-test-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let document = dir.join("diploma.json");
		let path = path_for(&document);
		assert_eq!(path.file_name().unwrap(), "diploma.json.proof.json");
		assert!(is_proof_file(&path) && !is_proof_file(&document));

		let file = sample();
		file.write(&path).unwrap();
		assert_eq!(ProofFile::read(&path).unwrap(), file);
		assert!(!pending_path(&path).exists());

		// A pending file is not in place until committed, and leaves nothing when discarded.
		let other = dir.join("transcript.pdf.proof.json");
		file.write_pending(&other).unwrap();
		assert!(!other.exists() && pending_path(&other).exists());
		discard_pending(&other);
		assert!(!pending_path(&other).exists());
		file.write_pending(&other).unwrap();
		commit_pending(&other).unwrap();
		assert_eq!(ProofFile::read(&other).unwrap(), file);
		std::fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn bad_files_are_explained() {
		assert!(ProofFile::from_json(b"%PDF").unwrap_err().contains("not JSON"));
		assert!(ProofFile::from_json(b"{}").unwrap_err().contains("no \"version\""));
		let mut value = serde_json::to_value(sample()).unwrap();
		value["version"] = 2.into();
		let newer = ProofFile::from_json(value.to_string().as_bytes()).unwrap_err();
		assert!(newer.contains("version 2"), "{newer}");
		let mut value = serde_json::to_value(sample()).unwrap();
		value["proof"]["leafIndex"] = 5.into();
		assert!(ProofFile::from_json(value.to_string().as_bytes())
			.unwrap_err()
			.contains("leaf index 5"));
		let mut value = serde_json::to_value(sample()).unwrap();
		value["root"] = "0x1234".into();
		assert!(ProofFile::from_json(value.to_string().as_bytes()).is_err());
	}

	#[test]
	fn a_file_from_another_chain_is_refused() {
		let file = sample();
		assert!(file.check_chain(Path::new("a.proof.json"), &[9; 32], "ws://x").is_ok());
		let error = file.check_chain(Path::new("a.proof.json"), &[8; 32], "ws://x").unwrap_err();
		assert!(error.to_string().contains("another chain (CredChain Development)"), "{error}");
	}
}
