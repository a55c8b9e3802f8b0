//! The digest of a credential document: what goes on chain instead of the document.
//!
//! - A **JSON document** (any file whose content parses as JSON: an Open Badges 3.0 credential, a W3C
//!   Verifiable Credential) is first put in its RFC 8785 canonical form (JSON Canonicalization
//!   Scheme: keys sorted, no insignificant whitespace, numbers and strings written one way), then
//!   hashed with SHA-256. Re-indenting the document or reordering its keys does not change its
//!   digest; changing any value does.
//! - **Any other file** (a PDF, an image) is hashed with SHA-256 as it is, byte for byte.
//!
//! A JSON document whose objects repeat a key is refused: RFC 8785 requires unique keys, and a
//! repeated key could show one value to a reader and hash another.
//!
//! Files are read in chunks; only a file that may be JSON (its first non-blank byte can start a JSON
//! value) and is at most [`MAX_JSON_BYTES`] long is held in memory whole. A larger file is hashed
//! as bytes.

use std::{collections::HashSet, fmt, fs::File, io::Read, path::Path};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use sha2::{Digest as _, Sha256};

use crate::{Digest, Error, Result};

/// The largest file the client reads whole to check whether it is a JSON document.
pub const MAX_JSON_BYTES: u64 = 64 * 1024 * 1024;

/// The size of the chunks files are read in.
const CHUNK: usize = 64 * 1024;

/// How a document was hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
	/// Its RFC 8785 canonical JSON form was hashed.
	Json,
	/// Its bytes were hashed as they are.
	Bytes,
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

/// The digest of the document in memory `bytes`: canonical JSON if it parses as JSON, its bytes
/// otherwise. Fails only for a JSON document that repeats a key in one object.
pub fn digest_bytes(bytes: &[u8]) -> Result<DocumentDigest> {
	match canonical_json(bytes)? {
		Some(canonical) => {
			Ok(DocumentDigest { digest: sha256(&canonical), kind: DocumentKind::Json })
		}
		None => Ok(DocumentDigest { digest: sha256(bytes), kind: DocumentKind::Bytes }),
	}
}

/// The issuer a W3C Verifiable Credential or Open Badges 3.0 document names: its `issuer` when that is
/// a string, else `issuer.id` when that is a string; `None` for any other document (a PDF, JSON
/// without an issuer).
pub fn named_issuer(bytes: &[u8]) -> Option<String> {
	let document: serde_json::Value = serde_json::from_slice(bytes).ok()?;
	match document.get("issuer")? {
		serde_json::Value::String(id) => Some(id.clone()),
		issuer => issuer.get("id")?.as_str().map(str::to_string),
	}
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
		let mut hasher = Sha256::new();
		hasher.update(&whole);
		drop(whole);
		return stream_rest(hasher, &mut file).map_err(read_error);
	}

	let mut hasher = Sha256::new();
	hasher.update(&head);
	stream_rest(hasher, &mut file).map_err(read_error)
}

/// Hashes the rest of `file` into `hasher`, chunk by chunk.
fn stream_rest(mut hasher: Sha256, file: &mut File) -> std::io::Result<DocumentDigest> {
	let mut chunk = vec![0u8; CHUNK];
	loop {
		let read = file.read(&mut chunk)?;
		if read == 0 {
			break;
		}
		hasher.update(&chunk[..read]);
	}
	Ok(DocumentDigest { digest: hasher.finalize().into(), kind: DocumentKind::Bytes })
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

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> Digest {
	Sha256::digest(bytes).into()
}

/// Whether the first non-blank byte of `bytes` can start a JSON value.
fn may_start_json(bytes: &[u8]) -> bool {
	bytes.iter().find(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r')).is_some_and(|first| {
		matches!(first, b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')
	})
}

/// The RFC 8785 canonical form of `bytes` if they are a JSON document, `None` if they are not JSON.
/// Fails for a JSON document that repeats a key in one object.
pub fn canonical_json(bytes: &[u8]) -> Result<Option<Vec<u8>>> {
	if !may_start_json(bytes) {
		return Ok(None);
	}
	// First pass: is it JSON, and are its keys unique?
	if let Err(error) = serde_json::from_slice::<UniqueKeys>(bytes) {
		return match error.classify() {
			serde_json::error::Category::Data => Err(Error::input(format!(
				"this JSON document cannot be put in RFC 8785 canonical form: {error}"
			))),
			_ => Ok(None),
		};
	}
	let value: serde_json::Value = match serde_json::from_slice(bytes) {
		Ok(value) => value,
		Err(_) => return Ok(None),
	};
	serde_json_canonicalizer::to_vec(&value).map(Some).map_err(|error| {
		Error::input(format!("this JSON document cannot be put in canonical form: {error}"))
	})
}

/// A JSON value that is only accepted when no object in it repeats a key.
struct UniqueKeys;

impl<'de> Deserialize<'de> for UniqueKeys {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		deserializer.deserialize_any(UniqueKeysVisitor)
	}
}

/// Walks a JSON value, refusing objects with a repeated key.
struct UniqueKeysVisitor;

impl<'de> Visitor<'de> for UniqueKeysVisitor {
	type Value = UniqueKeys;

	fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str("a JSON value")
	}

	fn visit_bool<E: de::Error>(self, _: bool) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_i64<E: de::Error>(self, _: i64) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_i128<E: de::Error>(self, _: i128) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_u64<E: de::Error>(self, _: u64) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_u128<E: de::Error>(self, _: u128) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_f64<E: de::Error>(self, _: f64) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_str<E: de::Error>(self, _: &str) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_unit<E: de::Error>(self) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_none<E: de::Error>(self) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
		while seq.next_element::<UniqueKeys>()?.is_some() {}
		Ok(UniqueKeys)
	}

	fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
		let mut keys = HashSet::new();
		while let Some(key) = map.next_key::<String>()? {
			if keys.contains(&key) {
				return Err(de::Error::custom(format!(
					"the key {key:?} appears twice in one object"
				)));
			}
			map.next_value::<UniqueKeys>()?;
			keys.insert(key);
		}
		Ok(UniqueKeys)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const CREDENTIAL: &str = r#"{
		"@context": ["https://www.w3.org/ns/credentials/v2"],
		"type": ["VerifiableCredential", "OpenBadgeCredential"],
		"name": "MSc Data Engineering",
		"credentialSubject": { "id": "did:example:123", "score": 8.5, "passed": true }
	}"#;

	#[test]
	fn json_digest_ignores_whitespace_and_key_order() {
		let original = digest_bytes(CREDENTIAL.as_bytes()).unwrap();
		assert_eq!(original.kind, DocumentKind::Json);

		let compact = r#"{"credentialSubject":{"passed":true,"score":8.5,"id":"did:example:123"},"name":"MSc Data Engineering","type":["VerifiableCredential","OpenBadgeCredential"],"@context":["https://www.w3.org/ns/credentials/v2"]}"#;
		assert_eq!(digest_bytes(compact.as_bytes()).unwrap(), original);

		let reindented = serde_json::to_vec_pretty(
			&serde_json::from_str::<serde_json::Value>(CREDENTIAL).unwrap(),
		)
		.unwrap();
		assert_eq!(digest_bytes(&reindented).unwrap(), original);

		let with_crlf = format!("\r\n\t{}\r\n", CREDENTIAL.replace('\n', "\r\n"));
		assert_eq!(digest_bytes(with_crlf.as_bytes()).unwrap(), original);
	}

	#[test]
	fn json_digest_changes_when_a_value_changes() {
		let original = digest_bytes(CREDENTIAL.as_bytes()).unwrap();
		for changed in [
			CREDENTIAL.replace("MSc Data Engineering", "MSc Data Engineerinf"),
			CREDENTIAL.replace("8.5", "9.5"),
			CREDENTIAL.replace("true", "false"),
			CREDENTIAL.replace("\"OpenBadgeCredential\"", "\"OpenBadgeCredential\", \"X\""),
		] {
			let digest = digest_bytes(changed.as_bytes()).unwrap();
			assert_eq!(digest.kind, DocumentKind::Json);
			assert_ne!(digest.digest, original.digest, "{changed}");
		}
	}

	#[test]
	fn json_digest_is_sha256_of_the_canonical_form() {
		let digest = digest_bytes(br#"{ "b": 1, "a": [true, null, "x"] }"#).unwrap();
		assert_eq!(digest.digest, sha256(br#"{"a":[true,null,"x"],"b":1}"#));
		// RFC 8785 writes numbers the ECMAScript way: 1.0 is 1, 1e2 is 100.
		let numbers = digest_bytes(br#"{"n": 1.0, "m": 1e2}"#).unwrap();
		assert_eq!(numbers.digest, sha256(br#"{"m":100,"n":1}"#));
	}

	#[test]
	fn other_files_hash_their_raw_bytes() {
		// SHA-256 test vectors (FIPS 180-2): "abc" and the empty message.
		let abc = digest_bytes(b"abc").unwrap();
		assert_eq!(abc.kind, DocumentKind::Bytes);
		assert_eq!(
			hex::encode(abc.digest),
			"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
		);
		let empty = digest_bytes(b"").unwrap();
		assert_eq!(
			hex::encode(empty.digest),
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
		);

		// A PDF-like file and a file that starts like JSON but is not JSON.
		let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
		assert_eq!(
			digest_bytes(pdf).unwrap(),
			DocumentDigest { digest: sha256(pdf), kind: DocumentKind::Bytes }
		);
		let almost = b"{ this is not json }";
		assert_eq!(digest_bytes(almost).unwrap().kind, DocumentKind::Bytes);
		assert_eq!(digest_bytes(almost).unwrap().digest, sha256(almost));
	}

	#[test]
	fn repeated_keys_are_refused() {
		let error = digest_bytes(br#"{"grade": "A", "grade": "F"}"#).unwrap_err().to_string();
		assert!(error.contains("\"grade\" appears twice"), "{error}");
		assert!(digest_bytes(br#"[{"a": 1}, {"a": 2}]"#).is_ok());
	}

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

	#[test]
	fn the_issuer_a_credential_names_is_read_from_either_form() {
		let object = br#"{"issuer": {"id": "https://university.example/issuers/1", "name": "U"}}"#;
		assert_eq!(named_issuer(object).as_deref(), Some("https://university.example/issuers/1"));
		let string = br#"{"issuer": "did:web:university.example"}"#;
		assert_eq!(named_issuer(string).as_deref(), Some("did:web:university.example"));
		assert_eq!(named_issuer(br#"{"issuer": {"name": "U"}}"#), None);
		assert_eq!(named_issuer(br#"{"issuer": 7}"#), None);
		assert_eq!(named_issuer(br#"{"credentialSubject": {}}"#), None);
		assert_eq!(named_issuer(b"%PDF-1.7 binary"), None);
	}
}
