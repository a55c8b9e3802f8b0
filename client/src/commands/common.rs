//! What several commands share: reading the credential a command is about, its proof file, the
//! terms and keys given on the command line, and the digests of many documents.

use std::{
	collections::{HashMap, HashSet},
	path::{Path, PathBuf},
};

use credchain_client::{
	bytes32::{self, to_hex},
	digest::digest_file,
	keys::SigningKey,
	proof_file::{self, ProofFile},
	terms::{parse_achievement, CredentialTerms},
	Digest, Error, Result,
};

use crate::{cli::TermsArgs, progress};

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

/// The credential terms given on the command line, checked.
pub fn terms_from(args: &TermsArgs, holder: Option<&str>) -> Result<CredentialTerms> {
	let terms = CredentialTerms {
		valid_from: args.valid_from,
		valid_until: args.valid_until,
		achievement: args.achievement.as_deref().map(parse_achievement).transpose()?,
		holder: holder.map(|text| bytes32::parse_hex32("--holder", text)).transpose()?,
	};
	terms.check()?;
	Ok(terms)
}

/// A line that tells the registrar which achievement id text became, if it was hashed.
pub fn achievement_note(args: &TermsArgs, terms: &CredentialTerms) -> Option<String> {
	let text = args.achievement.as_deref()?;
	let id = terms.achievement?;
	(!bytes32::is_hex32(text))
		.then(|| format!("Achievement id {} is the SHA-256 of {:?}.", to_hex(&id), text))
}

/// The signing key given with `option`.
pub fn load_key(argument: &str, option: &str) -> Result<SigningKey> {
	SigningKey::from_argument(argument, option)
}

/// The digests of `documents`, with a progress bar when there are many.
pub fn digest_all(documents: &[PathBuf]) -> Result<Vec<Digest>> {
	let bar = progress::bar(documents.len(), "hashing", documents.len() >= progress::MANY);
	let mut digests = Vec::with_capacity(documents.len());
	for document in documents {
		match digest_file(document) {
			Ok(digest) => digests.push(digest.digest),
			Err(error) => {
				bar.abandon();
				return Err(error);
			}
		}
		bar.inc(1);
	}
	bar.finish_and_clear();
	Ok(digests)
}

/// Refuses two documents with the same digest: a digest is issued only once.
pub fn ensure_distinct(documents: &[PathBuf], digests: &[Digest]) -> Result<()> {
	let mut seen: HashMap<&Digest, &Path> = HashMap::with_capacity(digests.len());
	for (document, digest) in documents.iter().zip(digests) {
		if let Some(first) = seen.insert(digest, document.as_path()) {
			return Err(Error::input(format!(
				"{} and {} have the same content (digest {}): each credential must be a distinct \
				 document, since a digest is issued only once",
				first.display(),
				document.display(),
				to_hex(digest)
			)));
		}
	}
	Ok(())
}

/// The documents named by `paths`: files as given, and the files of folders (not sub-folders,
/// hidden files, or proof files), in name order; each once.
pub fn collect_documents(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
	let mut documents = Vec::new();
	let mut seen = HashSet::new();
	for path in paths {
		let metadata = std::fs::metadata(path).map_err(|error| Error::file("read", path, error))?;
		let found = if metadata.is_dir() {
			folder_documents(path)?
		} else if proof_file::is_proof_file(path) {
			return Err(Error::input(format!(
				"{} is a proof file, not a credential document",
				path.display()
			)));
		} else {
			vec![path.clone()]
		};
		for document in found {
			if seen.insert(document.clone()) {
				documents.push(document);
			}
		}
	}
	Ok(documents)
}

/// The documents of the folder `folder`, in name order.
fn folder_documents(folder: &Path) -> Result<Vec<PathBuf>> {
	let entries =
		std::fs::read_dir(folder).map_err(|error| Error::file("list the folder", folder, error))?;
	let mut documents = Vec::new();
	for entry in entries {
		let entry = entry.map_err(|error| Error::file("list the folder", folder, error))?;
		let path = entry.path();
		let name = entry.file_name();
		let name = name.to_string_lossy();
		if name.starts_with('.') || proof_file::is_proof_file(&path) || name.ends_with(".partial") {
			continue;
		}
		// Follows symbolic links: a link to a document is a document.
		if std::fs::metadata(&path).map(|metadata| metadata.is_file()).unwrap_or(false) {
			documents.push(path);
		}
	}
	documents.sort();
	Ok(documents)
}
