//! The digest of a credential document read from a file: what goes on chain instead of the document.
//!
//! The rule itself (RFC 8785 canonical JSON + SHA-256 for JSON documents, SHA-256 of the bytes for any
//! other file) is the `credchain-digest` crate, shared with the verifier page, which runs it in the
//! browser as WebAssembly; its items are re-exported here.
//!
//! Files are read in chunks; only a file that may be JSON (its first non-blank byte can start a JSON
//! value) and is at most [`MAX_JSON_BYTES`] long is held in memory whole. A larger file is hashed
//! as bytes.

use std::{fs::File, io::Read, path::Path};

pub use credchain_digest::{
	holder, inspect, may_start_json, named_issuer, sha256, BytesHasher, DigestError,
	DocumentDigest, DocumentKind, DocumentStatements, Inspection, MAX_JSON_BYTES,
};

use crate::{Error, Result};

/// The size of the chunks files are read in.
const CHUNK: usize = 64 * 1024;

impl From<DigestError> for Error {
	fn from(error: DigestError) -> Self {
		Error::input(error.0)
	}
}

/// The largest file read as a JSON credential to see what it states: larger files are not
/// credentials (a PDF, an archive).
const MAX_JSON_CREDENTIAL_SIZE: u64 = 16 << 20;

/// What the JSON credential in the file at `path` states about itself (the issuer it names, its
/// holder's hashed identity, its achievement); `None` for a document that is not JSON, or larger
/// than a JSON credential.
pub fn document_statements_of_file(path: &Path) -> Result<Option<DocumentStatements>> {
	let read_error = |error| Error::file("read", path, error);
	let size = std::fs::metadata(path).map_err(read_error)?.len();
	if size > MAX_JSON_CREDENTIAL_SIZE {
		return Ok(None);
	}
	let inspection = inspect(&std::fs::read(path).map_err(read_error)?)?;
	Ok(inspection.statements)
}

/// The digest of the document in memory `bytes`: canonical JSON if it parses as JSON, its bytes
/// otherwise. Fails only for a JSON document that repeats a key in one object.
pub fn digest_bytes(bytes: &[u8]) -> Result<DocumentDigest> {
	Ok(credchain_digest::digest_bytes(bytes)?)
}

/// The digest of the document in the file at `path` (see the [module docs](self)).
pub fn digest_file(path: &Path) -> Result<DocumentDigest> {
	let read_error = |error| Error::file("read", path, error);
	let mut file = File::open(path).map_err(read_error)?;
	if file.metadata().map_err(read_error)?.is_dir() {
		return Err(Error::input(format!("{} is a folder, not a document", path.display())));
	}

	// The first chunk tells whether the file may be JSON.
	let mut head = vec![0u8; CHUNK];
	let head_len = read_full(&mut file, &mut head).map_err(read_error)?;
	head.truncate(head_len);

	if may_start_json(&head) {
		let mut whole = head;
		let rest_limit = MAX_JSON_BYTES.saturating_sub(whole.len() as u64) + 1;
		(&mut file).take(rest_limit).read_to_end(&mut whole).map_err(read_error)?;
		if whole.len() as u64 <= MAX_JSON_BYTES {
			return digest_bytes(&whole).map_err(|error| match error {
				Error::Input(message) => Error::input(format!("{}: {message}", path.display())),
				other => other,
			});
		}
		// Too large to be taken for a JSON document: hash it as bytes.
		let mut hasher = BytesHasher::new();
		hasher.update(&whole);
		drop(whole);
		return stream_rest(hasher, &mut file).map_err(read_error);
	}

	let mut hasher = BytesHasher::new();
	hasher.update(&head);
	stream_rest(hasher, &mut file).map_err(read_error)
}

/// Hashes the rest of `file` into `hasher`, chunk by chunk.
fn stream_rest(mut hasher: BytesHasher, file: &mut File) -> std::io::Result<DocumentDigest> {
	let mut chunk = vec![0u8; CHUNK];
	loop {
		let read = file.read(&mut chunk)?;
		if read == 0 {
			break;
		}
		hasher.update(&chunk[..read]);
	}
	Ok(hasher.finish())
}

/// Reads until `buffer` is full or the file ends; returns how many bytes were read.
fn read_full(file: &mut File, buffer: &mut [u8]) -> std::io::Result<usize> {
	let mut filled = 0;
	while filled < buffer.len() {
		match file.read(&mut buffer[filled..]) {
			Ok(0) => break,
			Ok(read) => filled += read,
			Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
			Err(error) => return Err(error),
		}
	}
	Ok(filled)
}

#[cfg(test)]
mod tests {
	use super::*;

	const CREDENTIAL: &str =
		r#"{"name": "MSc Data Engineering", "credentialSubject": {"id": "did:example:123"}}"#;

	#[test]
	fn files_are_hashed_like_bytes_in_memory() {
		let dir =
			std::env::temp_dir().join(format!("credchain-digest-test-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let json = dir.join("badge.json");
		std::fs::write(&json, CREDENTIAL).unwrap();
		assert_eq!(digest_file(&json).unwrap(), digest_bytes(CREDENTIAL.as_bytes()).unwrap());

		// A binary file larger than one chunk.
		let big: Vec<u8> = (0..(3 * CHUNK + 17)).map(|i| (i * 7 % 251) as u8).collect();
		let pdf = dir.join("big.pdf");
		std::fs::write(&pdf, &big).unwrap();
		assert_eq!(
			digest_file(&pdf).unwrap(),
			DocumentDigest { digest: sha256(&big), kind: DocumentKind::Bytes }
		);

		let missing = digest_file(&dir.join("missing.pdf")).unwrap_err().to_string();
		assert!(
			missing.starts_with("cannot read ") && missing.contains("missing.pdf"),
			"{missing}"
		);
		assert!(digest_file(&dir).is_err());
		std::fs::remove_dir_all(&dir).unwrap();
	}
}
