//! The credential a command is about — a document, whose digest is computed, or a bare digest —
//! and the proof file that shows it belongs to a Merkle batch.

use std::path::{Path, PathBuf};

use credchain_client::{
	bytes32::{self, to_hex},
	digest::digest_file,
	proof_file::{self, ProofFile},
	Digest, Error, Result,
};

/// The credential a command is about: a document (whose digest was computed) or a bare digest.
#[derive(Clone, Debug)]
pub struct Target {
	/// The credential's digest.
	pub digest: Digest,
	/// The document, if one was given.
	pub document: Option<PathBuf>,
}

impl Target {
	/// `0x…  file` (or just the digest), to name the credential in output.
	pub fn describe(&self) -> String {
		match &self.document {
			Some(document) => format!("{}  {}", to_hex(&self.digest), document.display()),
			None => to_hex(&self.digest),
		}
	}
}

/// Reads a FILE-OR-DIGEST argument: an existing file is hashed; otherwise 64 hex digits are a digest.
pub fn resolve_target(text: &str) -> Result<Target> {
	let path = Path::new(text);
	if path.exists() {
		let document = digest_file(path)?;
		return Ok(Target { digest: document.digest, document: Some(path.to_path_buf()) });
	}
	if bytes32::is_hex32(text) {
		return Ok(Target { digest: bytes32::parse_hex32("the digest", text)?, document: None });
	}
	Err(Error::input(format!(
		"{text} is neither a document that exists nor a digest (64 hex digits, with or without 0x)"
	)))
}

/// A credential's proof file, when it was issued in a Merkle batch.
#[derive(Clone, Debug)]
pub struct FoundProof {
	/// Where it is.
	pub path: PathBuf,
	/// What it says.
	pub file: ProofFile,
}

impl FoundProof {
	/// Whether the proof is for the credential `target` (its leaf is the target's digest).
	pub fn matches(&self, target: &Target) -> bool {
		self.file.leaf == target.digest
	}

	/// Why the proof is not for `target`, for an error or a note.
	pub fn mismatch(&self, target: &Target) -> String {
		let what = match &target.document {
			Some(document) => format!("{} (digest {})", document.display(), to_hex(&target.digest)),
			None => to_hex(&target.digest),
		};
		format!(
			"the proof file {} is for the credential {}, not for {what}: the document was altered after \
			 it was issued, or this is another document's proof file",
			self.path.display(),
			to_hex(&self.file.leaf)
		)
	}
}

/// The proof file for `target`: `explicit` if given, else `<document>.proof.json` beside the
/// document if it exists, else none.
pub fn find_proof(target: &Target, explicit: Option<&Path>) -> Result<Option<FoundProof>> {
	let path = match (explicit, &target.document) {
		(Some(path), _) => path.to_path_buf(),
		(None, Some(document)) => {
			let beside = proof_file::path_for(document);
			if !beside.exists() {
				return Ok(None);
			}
			beside
		}
		(None, None) => return Ok(None),
	};
	let file = ProofFile::read(&path)?;
	Ok(Some(FoundProof { path, file }))
}
