//! The digest of a credential document: what CredChain records on chain instead of the document.
//!
//! - A **JSON document** (any file whose content parses as JSON: an Open Badges 3.0 credential, a W3C
//!   Verifiable Credential) is first put in its RFC 8785 canonical form (JSON Canonicalization
//!   Scheme: keys sorted, no insignificant whitespace, numbers and strings written one way), then
//!   hashed with SHA-256. Re-indenting the document or reordering its keys does not change its
//!   digest; changing any value does.
//! - **Any other file** (a PDF, an image, a file that only looks like JSON) is hashed with SHA-256 as
//!   it is, byte for byte.
//!
//! A JSON document whose objects repeat a key is refused: RFC 8785 requires unique keys, and a
//! repeated key could show one value to a reader and hash another.
//!
//! This crate is the one implementation of that rule. The `credchain` client uses it natively, and the
//! verifier page runs it in the browser, compiled to WebAssembly (`verifier/digest-wasm`), so a
//! document never leaves the verifier's machine and both always agree.
//!
//! [`holder`] computes and reads holder commitments (Open Badges 3.0 identity hashes).
//!
//! [`statements`] reads what a JSON credential says about itself (holder, achievement, issuer,
//! validity), for showing next to what the chain confirms.

mod canonical;
pub mod holder;
pub mod statements;
mod unique_keys;

use core::fmt;

use sha2::{Digest as _, Sha256};

pub use canonical::{canonical_json, JsonForm};
pub use statements::{named_issuer, DocumentStatements};

/// A 32-byte SHA-256 digest.
pub type Digest = [u8; 32];

/// The largest document read whole to check whether it is JSON; a larger file is hashed as bytes.
pub const MAX_JSON_BYTES: u64 = 64 * 1024 * 1024;

/// Why a document has no digest: it is JSON, but cannot be put in RFC 8785 canonical form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigestError(pub String);

impl fmt::Display for DigestError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for DigestError {}

/// How a document was hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
	/// Its RFC 8785 canonical JSON form was hashed.
	Json,
	/// Its bytes were hashed as they are.
	Bytes,
}

impl DocumentKind {
	/// A short machine-readable name: `json` or `bytes`.
	pub fn as_str(self) -> &'static str {
		match self {
			Self::Json => "json",
			Self::Bytes => "bytes",
		}
	}
}

impl fmt::Display for DocumentKind {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(match self {
			Self::Json => "canonical JSON",
			Self::Bytes => "bytes",
		})
	}
}

/// A document's digest and how it was computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentDigest {
	/// The SHA-256 digest.
	pub digest: Digest,
	/// Whether the canonical JSON form or the raw bytes were hashed.
	pub kind: DocumentKind,
}

/// Everything a verifier learns from a document held in memory, without asking the chain.
#[derive(Clone, Debug, PartialEq)]
pub struct Inspection {
	/// Its digest.
	pub digest: DocumentDigest,
	/// Why a document that looks like JSON (it starts like a JSON value) was hashed as bytes: the
	/// JSON parser's complaint. `None` for JSON documents and for files that do not look like JSON.
	pub not_json: Option<String>,
	/// What a JSON document states about itself; `None` for other files.
	pub statements: Option<DocumentStatements>,
}

/// The digest of the document in memory `bytes`: canonical JSON if it parses as JSON, its bytes
/// otherwise. Fails only for a JSON document that repeats a key in one object.
pub fn digest_bytes(bytes: &[u8]) -> Result<DocumentDigest, DigestError> {
	Ok(inspect(bytes)?.digest)
}

/// The digest of the document in memory `bytes`, why it is not JSON if it looks like JSON, and what
/// it states about itself if it is. Fails only for a JSON document that repeats a key in one object.
pub fn inspect(bytes: &[u8]) -> Result<Inspection, DigestError> {
	Ok(match canonical::json_form(bytes)? {
		JsonForm::Canonical { canonical, value } => Inspection {
			digest: DocumentDigest { digest: sha256(&canonical), kind: DocumentKind::Json },
			not_json: None,
			statements: Some(DocumentStatements::of(&value)),
		},
		JsonForm::NotJson { reason } => Inspection {
			digest: DocumentDigest { digest: sha256(bytes), kind: DocumentKind::Bytes },
			not_json: reason,
			statements: None,
		},
	})
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> Digest {
	Sha256::digest(bytes).into()
}

/// Whether the first non-blank byte of `bytes` can start a JSON value: only such a file is read whole
/// and tried as JSON.
pub fn may_start_json(bytes: &[u8]) -> bool {
	bytes.iter().find(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r')).is_some_and(|first| {
		matches!(first, b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')
	})
}

/// The digest of a document too large (or not starting like JSON) to be read whole, hashed as bytes
/// piece by piece.
#[derive(Clone, Default)]
pub struct BytesHasher(Sha256);

impl BytesHasher {
	/// A hasher that has seen no bytes.
	pub fn new() -> Self {
		Self::default()
	}

	/// Hashes the next piece of the document.
	pub fn update(&mut self, bytes: &[u8]) {
		self.0.update(bytes);
	}

	/// The digest of every piece hashed so far.
	pub fn finish(self) -> DocumentDigest {
		DocumentDigest { digest: self.0.finalize().into(), kind: DocumentKind::Bytes }
	}
}

/// `bytes` as 0x-prefixed lower-case hex, the way the chain's RPC writes digests.
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

#[cfg(test)]
mod tests;
