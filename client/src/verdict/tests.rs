//! How verdicts read: every status, reason, standing and warning in words, escaped for the terminal.

use super::*;

const REVOKED: &str = r#"{
	"digest": "0x9f2c5e0d4f8a0c1b6e7d3a2b1c0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29",
	"status": "revoked",
	"revocation": { "reason": "superseded", "block": 1204 },
	"suspendedSince": null,
	"issuer": {
		"account": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
		"key": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
		"name": "Example University",
		"uri": "https://university.example",
		"country": "NL",
		"standing": "withdrawn",
		"withdrawalReason": "merged",
		"standingSinceBlock": 1100,
		"successor": "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"
	},
	"issuedAtBlock": 1180,
	"issuedAtTime": 1795399080000,
	"validFrom": null,
	"validUntil": 1953165600000,
	"achievement": "0x5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e",
	"holderCommitment": null,
	"batch": null,
	"readAt": { "block": 1210, "hash": "0x3b7c3b7c3b7c3b7c3b7c3b7c3b7c3b7c3b7c3b7c3b7c3b7c3b7c3b7c3b7c3b7c", "time": 1795399260000 },
	"someFutureField": true
}"#;

#[test]
fn the_documented_answer_is_understood_and_rendered() {
	let verdict: Verdict = serde_json::from_str(REVOKED).unwrap();
	assert_eq!(verdict.status, Status::Revoked);
	assert!(!verdict.is_valid());
	let text = render(&verdict, Some("diploma.pdf"));
	assert!(
		text.contains("REVOKED for good in block #1204: superseded by a newer credential"),
		"{text}"
	);
	assert!(text.contains("Example University, https://university.example (NL)"), "{text}");
	assert!(
		text.contains("accreditation withdrawn (the institution merged into another)"),
		"{text}"
	);
	assert!(
		text.contains("(5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y) now takes care"),
		"{text}"
	);
	assert!(text.contains("in block #1180 on 2026-11-23"), "{text}");
	assert!(text.contains("from issuance until 2031-11-23"), "{text}");
	assert!(text.contains("diploma.pdf"), "{text}");
}

/// The documented mismatch: the university's badge, anchored only by the training institute.
const MISMATCH: &str = r#"{
	"digest": "0x9f2c5e0d4f8a0c1b6e7d3a2b1c0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29",
	"status": "issuerMismatch",
	"issuer": {
		"account": "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",
		"key": "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",
		"name": "Example Training Institute\u001b[32m",
		"uri": "did:web:training.example",
		"identifiers": [],
		"country": "DE",
		"standing": "accredited",
		"standingSinceBlock": 0
	},
	"claimedIssuer": {
		"identifier": "https://university.example/issuers/registrar",
		"registeredTo": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
	},
	"anchoredBy": ["5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"],
	"warnings": [],
	"readAt": { "block": 1210, "hash": "0x3b7c1e0a9d5f4c2b8a6e0d1f3c5b7a9e2d4f6a8c0b1e3d5f7a9c2b4d6e8f0a1c", "time": 1795399260000 }
}"#;

#[test]
fn a_mismatch_says_what_the_document_names_and_who_anchored_it() {
	let verdict: Verdict = serde_json::from_str(MISMATCH).unwrap();
	assert_eq!(verdict.status, Status::IssuerMismatch);
	assert!(!verdict.is_valid());
	let text = render(&verdict, Some("badge.json"));
	assert!(text.contains("ISSUER MISMATCH"), "{text}");
	assert!(
		text.contains(
			"https://university.example/issuers/registrar (registered to \
			 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty)"
		),
		"{text}"
	);
	assert!(text.contains("Anchored by:  Example Training Institute"), "{text}");
	assert!(text.contains("Account:      5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"));
	assert!(!text.contains("Also anchored"), "{text}");
	// The ANSI escape in the name is shown, not obeyed.
	assert!(text.contains("Example Training Institute\\u{1b}[32m"), "{text}");
	assert!(!text.contains('\u{1b}'), "{text}");
}

#[test]
fn a_mismatch_with_an_unregistered_identifier_and_several_anchors() {
	let verdict: Verdict = serde_json::from_value(serde_json::json!({
		"digest": "0x0000000000000000000000000000000000000000000000000000000000000000", "status": "issuerMismatch",
		"claimedIssuer": { "identifier": "https://forger.example/\u{202e}gpj", "registeredTo": null },
		"anchoredBy": ["5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
			"5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"],
		"readAt": { "block": 50, "hash": "0xabababababababababababababababababababababababababababababababab", "time": 0 }
	}))
	.unwrap();
	let text = render(&verdict, None);
	assert!(
		text.contains(
			"Names issuer: https://forger.example/\\u{202e}gpj (registered to no issuer on this \
			 chain)"
		),
		"{text}"
	);
	assert!(
		text.contains(
			"Anchored by:  5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty, \
			 5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"
		),
		"{text}"
	);
	assert!(!text.contains('\u{202e}'), "{text}");
}

#[test]
fn an_ambiguous_document_asks_for_the_issuer() {
	let verdict: Verdict = serde_json::from_value(serde_json::json!({
		"digest": "0x0000000000000000000000000000000000000000000000000000000000000000", "status": "ambiguousIssuer",
		"anchoredBy": ["5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
			"5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"],
		"warnings": [{ "kind": "issuerNotNamed" }],
		"readAt": { "block": 50, "hash": "0xabababababababababababababababababababababababababababababababab", "time": 0 }
	}))
	.unwrap();
	assert_eq!(verdict.status, Status::AmbiguousIssuer);
	assert!(!verdict.is_valid());
	let text = render(&verdict, Some("diploma.pdf"));
	assert!(text.contains("Status:       AMBIGUOUS ISSUER: "), "{text}");
	assert!(text.contains("run again with --issuer <URI>"), "{text}");
	assert!(text.contains("Anchored by:  5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty, "));
	assert!(!text.contains("Issuer:"), "{text}");
}

#[test]
fn suspended_and_merged_issuers_are_warnings() {
	let json = REVOKED.replace("\"status\": \"revoked\"", "\"status\": \"valid\"").replace(
		"\"someFutureField\": true",
		"\"warnings\": [{\"kind\": \"issuerWithdrawn\", \"sinceBlock\": 1100, \
		 \"reason\": \"merged\"}, {\"kind\": \"issuerSuspended\", \"sinceBlock\": 7}]",
	);
	let mut verdict: Verdict = serde_json::from_str(&json).unwrap();
	verdict.issuer.as_mut().unwrap().successor_name = Some("Other University".into());
	assert!(verdict.is_valid());
	let text = render(&verdict, None);
	assert!(
		text.contains(
			"Warning:      its issuer was withdrawn since block #1100 (the institution merged \
			 into another); the credential keeps its own status; Other University takes care of \
			 its credentials"
		),
		"{text}"
	);
	assert!(
		text.contains(
			"Warning:      its issuer's accreditation is suspended since block #7; the \
			 credential keeps its own status"
		),
		"{text}"
	);
	assert!(text.contains("Successor:    Other University (5FLSig"), "{text}");
}

#[test]
fn an_issuer_shows_its_key_identifiers_and_distrusted_block() {
	let issuer: IssuerInfo = serde_json::from_value(serde_json::json!({
		"account": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
		"key": "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",
		"name": "Example University", "uri": "https://university.example",
		"identifiers": ["did:web:university.example", "https://university.example/issuers/1"],
		"country": "NL", "standing": "withdrawn", "withdrawalReason": "misconduct",
		"standingSinceBlock": 90, "distrustedFromBlock": 40
	}))
	.unwrap();
	let text = render_issuer(&issuer);
	assert!(
		text.contains(
			"Signing key:  5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y (moved there by \
			 governance)"
		),
		"{text}"
	);
	assert!(
		text.contains(
			"Identifiers:  did:web:university.example, https://university.example/issuers/1"
		),
		"{text}"
	);
	assert!(text.contains("Distrusted:   what it issued from block #40 on"), "{text}");
	let own = IssuerInfo { key: issuer.account.clone(), ..issuer };
	assert!(render_issuer(&own).contains("(its own account)"));
}

#[test]
fn the_readme_shows_the_real_mismatch_output() {
	let verdict: Verdict = serde_json::from_str(&MISMATCH.replace("\\u001b[32m", "")).unwrap();
	let text = render(&verdict, Some("badge.json"));
	let readme = include_str!("../../README.md");
	assert!(readme.contains(&format!("```text\n{text}```")), "README.md should show:\n{text}");
}

#[test]
fn a_document_without_issuer_shows_the_chain_identity_with_a_reminder() {
	let json = REVOKED
		.replace("\"status\": \"revoked\"", "\"status\": \"valid\"")
		.replace("\"someFutureField\": true", "\"warnings\": [{\"kind\": \"issuerNotNamed\"}]");
	let verdict: Verdict = serde_json::from_str(&json).unwrap();
	let text = render(&verdict, Some("diploma.pdf"));
	let issuer = text.find("Issuer:").expect("the issuer");
	let names = text.find("Names issuer: none: the document does not name its issuer");
	let issued = text.find("Issued:").expect("the issuance");
	assert!(issuer < names.expect("the reminder") && names < Some(issued), "{text}");
	assert!(text.contains("Warning:      the document does not name its issuer"), "{text}");
}

#[test]
fn issuer_revoked_and_withdrawn_warnings_are_in_words() {
	let revoked: Verdict = serde_json::from_value(serde_json::json!({
		"digest": "0x0000000000000000000000000000000000000000000000000000000000000000", "status": "issuerRevoked",
		"issuerRevocation": { "sinceBlock": 40, "reason": "misconduct" },
		"readAt": { "block": 50, "hash": "0xabababababababababababababababababababababababababababababababab", "time": 0 }
	}))
	.unwrap();
	assert!(!revoked.is_valid());
	assert!(
		render(&revoked, None).contains(
			"ISSUER REVOKED: the consortium withdrew its issuer (fraud or \
		 misconduct) and distrusts what it issued from block #40 on"
		),
		"{}",
		render(&revoked, None)
	);
	let warned: Verdict = serde_json::from_value(serde_json::json!({
		"digest": "0x0000000000000000000000000000000000000000000000000000000000000000", "status": "valid",
		"warnings": [{ "kind": "issuerWithdrawn", "sinceBlock": 45, "reason": "misconduct",
			"distrustedFromBlock": 40 }],
		"readAt": { "block": 50, "hash": "0xabababababababababababababababababababababababababababababababab", "time": 0 }
	}))
	.unwrap();
	assert!(warned.is_valid());
	assert!(
		render(&warned, None).contains(
			"distrusts what it issued from block #40 on; this credential \
		 was issued before that"
		),
		"{}",
		render(&warned, None)
	);
}

#[test]
fn unknown_statuses_are_never_valid() {
	let json = REVOKED.replace("\"revoked\"", "\"quarantined\"");
	let verdict: Verdict = serde_json::from_str(&json).unwrap();
	assert_eq!(verdict.status, Status::Unrecognized);
	assert!(!verdict.is_valid());
	assert!(status_in_words(&verdict).contains("treat the credential as not valid"));
}

#[test]
fn an_unknown_credential_renders_without_issuer() {
	let verdict: Verdict = serde_json::from_value(serde_json::json!({
		"digest": "0x0000000000000000000000000000000000000000000000000000000000000000", "status": "unknown",
		"readAt": { "block": 3, "hash": "0xabababababababababababababababababababababababababababababababab", "time": 0 }
	}))
	.unwrap();
	let text = render(&verdict, None);
	assert!(text.contains("UNKNOWN: no credential with this digest"), "{text}");
	assert!(!text.contains("Issuer:"), "{text}");
	assert_eq!(serde_json::to_value(&verdict).unwrap()["status"], "unknown");
}
