//! The node's answers to a verifier (`credentials_verify`, `credentials_verifyInBatch`,
//! `credentials_issuer`: the types of `pallet_credentials_rpc::answers`, which the node writes and
//! this client reads), rendered for a person.

use std::fmt::Write as _;

use pallet_credentials_rpc::answers::{
	IssuerInfo, RevocationReason, Standing, Status, Verdict, Warning, WarningKind, WithdrawalReason,
};
use sp_core::H256;

use crate::{dates::format_millis, text::for_terminal};

/// `0x` and the 64 hex digits of `hash` (its `Display` abbreviates it).
fn hex(hash: &H256) -> String {
	format!("{hash:?}")
}

/// The width of the labels of a rendering.
const LABEL: usize = 14;

/// Appends `label: value` to `out`, the value aligned. Values hold what the node and documents say
/// (names, URIs, identifiers, accounts), so they are escaped for the terminal here, in one place.
fn line(out: &mut String, label: &str, value: impl std::fmt::Display) {
	let value = for_terminal(&value.to_string());
	let _ = writeln!(out, "{:<LABEL$}{value}", format!("{label}:"));
}

/// The status of `verdict` in words, with its details.
pub fn status_in_words(verdict: &Verdict) -> String {
	match verdict.status {
		Status::Valid => "VALID: issued, in force and within its validity window".into(),
		Status::Revoked => match &verdict.revocation {
			Some(revocation) => format!(
				"REVOKED for good in block #{}: {}",
				revocation.block,
				revocation_reason_in_words(revocation.reason)
			),
			None => "REVOKED for good".into(),
		},
		Status::Suspended => match verdict.suspended_since {
			Some(block) => format!("SUSPENDED by its issuer since block #{block}; it may be reinstated"),
			None => "SUSPENDED by its issuer; it may be reinstated".into(),
		},
		Status::Expired => match verdict.valid_until {
			Some(until) => format!("EXPIRED: its validity ended on {}", format_millis(until)),
			None => "EXPIRED: its validity has ended".into(),
		},
		Status::NotYetValid => match verdict.valid_from {
			Some(from) => format!("NOT YET VALID: it becomes valid on {}", format_millis(from)),
			None => "NOT YET VALID".into(),
		},
		Status::Unknown =>
			"UNKNOWN: no credential with this digest was issued on this chain; the document may have \
			 been altered, or it was never issued"
				.into(),
		Status::InvalidProof =>
			"INVALID PROOF: the batch exists, but the proof does not show that this document belongs \
			 to it; the document or its proof file was altered"
				.into(),
		Status::IssuerRevoked => match &verdict.issuer_revocation {
			Some(revocation) => format!(
				"ISSUER REVOKED: the consortium withdrew its issuer ({}) and distrusts what it issued \
				 from block #{} on; this credential was issued from then on",
				withdrawal_reason_in_words(revocation.reason),
				revocation.since_block
			),
			None => "ISSUER REVOKED: the consortium distrusts what its issuer issued".into(),
		},
		Status::IssuerMismatch =>
			"ISSUER MISMATCH: the document names an issuer that never anchored it on this chain; \
			 another issuer did. It does not come from the issuer it names"
				.into(),
		Status::AmbiguousIssuer =>
			"AMBIGUOUS ISSUER: the document names no issuer, and several issuers anchored it; run \
			 again with --issuer <URI> to name the issuer you expect"
				.into(),
		Status::Unrecognized =>
			"a status this version of credchain does not know (the node is newer): treat the \
			 credential as not valid"
				.into(),
	}
}

/// `verdict` for a person, one fact per line. `subject` names what was verified (a file).
pub fn render(verdict: &Verdict, subject: Option<&str>) -> String {
	let mut out = String::new();
	match subject {
		Some(subject) => {
			line(&mut out, "Credential", format!("{}  {subject}", hex(&verdict.digest)))
		}
		None => line(&mut out, "Credential", hex(&verdict.digest)),
	}
	line(&mut out, "Status", status_in_words(verdict));
	render_attribution(verdict, &mut out);
	if let Some(block) = verdict.issued_at_block {
		let when = verdict
			.issued_at_time
			.map(|time| format!(" on {}", format_millis(time)))
			.unwrap_or_default();
		line(&mut out, "Issued", format!("in block #{block}{when}"));
		line(&mut out, "Valid", window_in_words(verdict));
	}
	if let Some(achievement) = &verdict.achievement {
		line(&mut out, "Achievement", hex(achievement));
	}
	if let Some(commitment) = &verdict.holder_commitment {
		line(&mut out, "Holder", format!("commitment {}", hex(commitment)));
	}
	if let Some(batch) = &verdict.batch {
		line(
			&mut out,
			"Batch",
			format!(
				"one of {} credentials anchored with root {}",
				batch.leaf_count,
				hex(&batch.root)
			),
		);
	}
	line(
		&mut out,
		"Checked at",
		format!(
			"block #{} ({}), {}",
			verdict.read_at.block,
			hex(&verdict.read_at.hash),
			format_millis(verdict.read_at.time)
		),
	);
	for warning in &verdict.warnings {
		line(&mut out, "Warning", warning_in_words(verdict, warning));
	}
	out
}

/// Who the document says issued it, and who anchored it on chain. A document that names no issuer
/// is attributed by the chain alone: the on-chain issuer comes first, then a reminder to check it
/// is the one expected.
fn render_attribution(verdict: &Verdict, out: &mut String) {
	if let Some(claim) = &verdict.claimed_issuer {
		let registered = match &claim.registered_to {
			Some(account) => format!("registered to {account}"),
			None => "registered to no issuer on this chain".into(),
		};
		line(out, "Names issuer", format!("{} ({registered})", claim.identifier));
	}
	if let Some(issuer) = &verdict.issuer {
		// In a mismatch, the issuer the node describes is not the one named but the one that
		// anchored the document.
		let label = if verdict.status == Status::IssuerMismatch { "Anchored by" } else { "Issuer" };
		render_issuer_lines(out, label, issuer, false);
		if verdict.claimed_issuer.is_none() {
			line(
				out,
				"Names issuer",
				"none: the document does not name its issuer; check that the issuer above is the \
				 one you expect",
			);
		}
	}
	let described = verdict.issuer.as_ref().map(|issuer| &issuer.account);
	let others: Vec<String> = verdict
		.anchored_by
		.iter()
		.filter(|account| Some(*account) != described)
		.map(ToString::to_string)
		.collect();
	if !others.is_empty() {
		let label = if described.is_some() { "Also anchored" } else { "Anchored by" };
		line(out, label, others.join(", "));
	}
}

/// `warning`, one of the warnings of `verdict`, in words.
fn warning_in_words(verdict: &Verdict, warning: &Warning) -> String {
	let since =
		warning.since_block.map(|block| format!(" since block #{block}")).unwrap_or_default();
	match warning.kind {
		WarningKind::IssuerNotNamed => {
			"the document does not name its issuer: the chain attributes \
		                                it to the issuer above, which you must check is the one you \
		                                expect"
				.into()
		}
		WarningKind::IssuerSuspended => format!(
			"its issuer's accreditation is suspended{since}; the credential keeps its own status"
		),
		WarningKind::IssuerWithdrawn => {
			let reason =
				withdrawal_reason_in_words(warning.reason.unwrap_or(WithdrawalReason::Other));
			let successor = verdict
				.issuer
				.as_ref()
				.and_then(|issuer| issuer.successor_name.as_deref())
				.map(|name| format!("; {name} takes care of its credentials"))
				.unwrap_or_default();
			match warning.distrusted_from_block {
				Some(from) => format!(
					"its issuer was withdrawn{since} ({reason}), and the consortium distrusts what it \
					 issued from block #{from} on; this credential was issued before that{successor}"
				),
				None => format!(
					"its issuer was withdrawn{since} ({reason}); the credential keeps its own \
					 status{successor}"
				),
			}
		}
		WarningKind::Unrecognized => "a warning this version of credchain does not know (the node \
		                              is newer)"
			.into(),
	}
}

/// The validity window of `verdict` in words.
fn window_in_words(verdict: &Verdict) -> String {
	match (verdict.valid_from, verdict.valid_until) {
		(None, None) => "from issuance, with no end".into(),
		(Some(from), None) => format!("from {}, with no end", format_millis(from)),
		(None, Some(until)) => format!("from issuance until {}", format_millis(until)),
		(Some(from), Some(until)) => {
			format!("from {} until {}", format_millis(from), format_millis(until))
		}
	}
}

/// An issuer for a person, one fact per line (`credchain issuer show`).
pub fn render_issuer(issuer: &IssuerInfo) -> String {
	let mut out = String::new();
	render_issuer_lines(&mut out, "Issuer", issuer, true);
	out
}

/// Appends the lines that describe `issuer` to `out`, the first labelled `label`. Its signing key
/// is shown when governance moved it away from its account, or always with `show_own_key`.
fn render_issuer_lines(out: &mut String, label: &str, issuer: &IssuerInfo, show_own_key: bool) {
	let country =
		if issuer.country.is_empty() { String::new() } else { format!(" ({})", issuer.country) };
	let site = if issuer.uri.is_empty() { String::new() } else { format!(", {}", issuer.uri) };
	line(out, label, format!("{}{site}{country}", issuer.name));
	line(out, "Account", &issuer.account);
	if issuer.key != issuer.account {
		line(out, "Signing key", format!("{} (moved there by governance)", issuer.key));
	} else if show_own_key {
		line(out, "Signing key", format!("{} (its own account)", issuer.key));
	}
	if !issuer.identifiers.is_empty() {
		line(out, "Identifiers", issuer.identifiers.join(", "));
	}
	line(out, "Standing", standing_in_words(issuer));
	if let Some(from) = issuer.distrusted_from_block {
		line(out, "Distrusted", format!("what it issued from block #{from} on"));
	}
	if let Some(successor) = &issuer.successor {
		let name =
			issuer.successor_name.as_deref().map(|name| format!("{name} ")).unwrap_or_default();
		line(out, "Successor", format!("{name}({successor}) now takes care of its credentials"));
	}
}

/// An issuer's standing in words.
pub fn standing_in_words(issuer: &IssuerInfo) -> String {
	let since = format!("since block #{}", issuer.standing_since_block);
	match issuer.standing {
		Standing::Accredited => format!("accredited {since}"),
		Standing::Applicant => format!("applicant, not yet accredited ({since})"),
		Standing::Suspended => {
			format!("accreditation suspended {since}: it may not issue new credentials for now")
		}
		Standing::Withdrawn => {
			let reason = issuer
				.withdrawal_reason
				.map(|reason| format!(" ({})", withdrawal_reason_in_words(reason)))
				.unwrap_or_default();
			format!(
				"accreditation withdrawn{reason} {since}: it issues no more credentials, and what it \
				 issued stays on record"
			)
		}
		Standing::Unrecognized => {
			format!("a standing this version of credchain does not know ({since})")
		}
	}
}

/// A revocation reason in words.
pub fn revocation_reason_in_words(reason: RevocationReason) -> &'static str {
	match reason {
		RevocationReason::IssuedInError => "it was issued in error",
		RevocationReason::Superseded => "superseded by a newer credential",
		RevocationReason::FraudOrMisconduct => "fraud or misconduct",
		RevocationReason::HolderRequest => "at the holder's request",
		RevocationReason::Other => "for another reason, recorded off chain",
	}
}

/// A withdrawal reason in words.
pub fn withdrawal_reason_in_words(reason: WithdrawalReason) -> &'static str {
	match reason {
		WithdrawalReason::Closed => "the institution closed",
		WithdrawalReason::Merged => "the institution merged into another",
		WithdrawalReason::StandardsNotMet => "it no longer meets the consortium's standards",
		WithdrawalReason::Misconduct => "fraud or misconduct",
		WithdrawalReason::Voluntary => "at its own request",
		WithdrawalReason::Other => "for another reason, recorded off chain",
	}
}

#[cfg(test)]
mod tests {
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
		let readme = include_str!("../README.md");
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
}
