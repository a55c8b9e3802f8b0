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

	let reindented =
		serde_json::to_vec_pretty(&serde_json::from_str::<serde_json::Value>(CREDENTIAL).unwrap())
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
		to_hex(&abc.digest),
		"0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
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
fn a_file_that_only_looks_like_json_says_why_it_was_hashed_as_bytes() {
	let broken = inspect(b"{\"name\": \"Ada\",\n \"grade\": }").unwrap();
	assert_eq!(broken.digest.kind, DocumentKind::Bytes);
	let reason = broken.not_json.expect("a reason for a broken JSON file");
	assert!(reason.contains("line 2"), "{reason}");
	assert_eq!(broken.statements, None);

	let pdf = inspect(b"%PDF-1.7").unwrap();
	assert_eq!((pdf.not_json, pdf.statements), (None, None));
}

#[test]
fn repeated_keys_are_refused() {
	let error = digest_bytes(br#"{"grade": "A", "grade": "F"}"#).unwrap_err().to_string();
	assert!(error.contains("\"grade\" appears twice"), "{error}");
	assert!(digest_bytes(br#"[{"a": 1}, {"a": 2}]"#).is_ok());
}

#[test]
fn bytes_hashed_in_pieces_have_the_digest_of_the_whole() {
	let big: Vec<u8> = (0..200_017).map(|i| (i * 7 % 251) as u8).collect();
	let mut hasher = BytesHasher::new();
	for piece in big.chunks(65_536) {
		hasher.update(piece);
	}
	assert_eq!(hasher.finish(), DocumentDigest { digest: sha256(&big), kind: DocumentKind::Bytes });
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

#[test]
fn an_open_badge_states_its_holder_achievement_and_validity() {
	let badge = include_bytes!("../../../tests/fixtures/open-badge.json");
	let statements = inspect(badge).unwrap().statements.expect("an Open Badge is JSON");
	assert_eq!(statements.issuer, named_issuer(badge));
	assert!(statements.issuer.is_some());
	assert!(statements.holder_id.is_some(), "{statements:?}");
	assert!(statements.achievement_name.is_some(), "{statements:?}");
	assert!(statements.types.as_ref().is_some_and(|types| types.len() >= 2), "{statements:?}");

	let vc_1_1 =
		br#"{"issuanceDate": "2024-06-30T00:00:00Z", "expirationDate": "2030-01-01T00:00:00Z",
		"credentialSubject": [{"name": "Ada"}, {"name": "Grace"}], "type": "VerifiableCredential"}"#;
	let statements = inspect(vc_1_1).unwrap().statements.unwrap();
	assert_eq!(statements.valid_from.as_deref(), Some("2024-06-30T00:00:00Z"));
	assert_eq!(statements.valid_until.as_deref(), Some("2030-01-01T00:00:00Z"));
	assert_eq!(statements.holder_name.as_deref(), Some("Ada"));
	assert_eq!(statements.types, Some(vec!["VerifiableCredential".to_string()]));
	assert_eq!(statements.achievement_name, None);
}

mod holder_binding {
	use crate::holder::{holder_commitment, identity_hash, parse_identity_hash};

	/// Vectors computed independently (Python's hashlib: `sha256(identity + salt)`).
	#[test]
	fn a_commitment_is_the_sha256_of_identity_then_salt() {
		let commitment = holder_commitment("alice@example.edu", "b7e2c0a4d19f4e8a9c3d5f6a7b8c9d0e");
		assert_eq!(
			hex::encode(commitment),
			"db0e28d42c867476b25579f90713944cd8ed225bf5e1fa34f8294c55e97ad8f8"
		);
		assert_eq!(
			hex::encode(holder_commitment("did:example:élève", "salt-é")),
			"4fa824637dd98cfde3d442d07c4a4f0fefaf72e3d78f75195efcfc739cfdfa5d"
		);
		assert_ne!(commitment, holder_commitment("alice@example.edu", "another salt"));
		assert_ne!(
			commitment,
			holder_commitment("Alice@example.edu", "b7e2c0a4d19f4e8a9c3d5f6a7b8c9d0e")
		);
	}

	#[test]
	fn an_open_badge_s_hashed_identity_is_read_and_a_plain_or_md5_one_is_not() {
		let hash = identity_hash(&holder_commitment("alice@example.edu", "s"));
		let badge = |identifier: &str| {
			format!(r#"{{"credentialSubject": {{"identifier": {identifier}}}}}"#).into_bytes()
		};
		let hashed = format!(
			r#"[{{"type": "IdentityObject", "identityType": "emailAddress", "hashed": false,
			"identityHash": "alice@example.edu"}},
			{{"type": "IdentityObject", "identityType": "emailAddress", "hashed": true,
			"identityHash": "md5$9e107d9d372bb6826bd81d3542a419d6", "salt": "s"}},
			{{"type": "IdentityObject", "identityType": "emailAddress", "hashed": true,
			"identityHash": "{hash}", "salt": "s"}}]"#
		);
		let statements = crate::inspect(&badge(&hashed)).unwrap().statements.unwrap();
		assert_eq!(statements.holder_identity_hash.as_deref(), Some(hash.as_str()));
		let one = format!(r#"{{"hashed": true, "identityHash": "{hash}"}}"#);
		let statements = crate::inspect(&badge(&one)).unwrap().statements.unwrap();
		assert_eq!(statements.holder_identity_hash.as_deref(), Some(hash.as_str()));
		let plain = r#"{"hashed": false, "identityHash": "alice@example.edu"}"#;
		let statements = crate::inspect(&badge(plain)).unwrap().statements.unwrap();
		assert_eq!(statements.holder_identity_hash, None);
	}

	#[test]
	fn identity_hashes_are_read_and_written_as_open_badges_writes_them() {
		let commitment = holder_commitment("alice@example.edu", "s");
		let written = identity_hash(&commitment);
		assert!(written.starts_with("sha256$") && written.len() == 7 + 64, "{written}");
		assert_eq!(parse_identity_hash(&written), Some(commitment));
		assert_eq!(
			parse_identity_hash(&written.to_uppercase().replace("SHA256$", "sha256$")),
			Some(commitment)
		);
		for other in [
			"md5$9e107d9d372bb6826bd81d3542a419d6",
			"alice@example.edu",
			"sha256$abc",
			"sha256$",
			"",
		] {
			assert_eq!(parse_identity_hash(other), None, "{other}");
		}
	}
}
