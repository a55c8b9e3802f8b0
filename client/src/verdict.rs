//! The node's answers to a verifier (the JSON of `credentials_verify`, `credentials_verifyInBatch` and
//! `credentials_issuer`, documented in `docs/rpc.md`), and their rendering for a person.
//!
//! Unknown fields are ignored and unknown statuses, standings and reasons are kept as they came, so
//! that an older client still reads a newer node's answers; an unknown status is never valid.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::{dates::format_millis, text::for_terminal};

/// A credential's status as the node judged it at the block it read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Status {
	/// Issued, in force and within its validity window.
	Valid,
	/// Revoked for good.
	Revoked,
	/// Suspended by its issuer; it may be reinstated.
	Suspended,
	/// Its validity window has ended.
	Expired,
	/// Its validity window has not begun.
	NotYetValid,
	/// No such credential: never issued, or the document was altered.
	Unknown,
	/// The batch exists, but the proof does not lead from the document to it.
	InvalidProof,
	/// Governance distrusts what its issuer issued from a block on, and it was issued from then.
	IssuerRevoked,
	/// The document names an issuer that never anchored it; other issuers did.
	IssuerMismatch,
	/// The document names no issuer, and several issuers anchored it.
	AmbiguousIssuer,
	/// A status this client does not know.
	Other(String),
}

impl From<String> for Status {
	fn from(name: String) -> Self {
		match name.as_str() {
			"valid" => Self::Valid,
			"revoked" => Self::Revoked,
			"suspended" => Self::Suspended,
			"expired" => Self::Expired,
			"notYetValid" => Self::NotYetValid,
			"unknown" => Self::Unknown,
			"invalidProof" => Self::InvalidProof,
			"issuerRevoked" => Self::IssuerRevoked,
			"issuerMismatch" => Self::IssuerMismatch,
			"ambiguousIssuer" => Self::AmbiguousIssuer,
			_ => Self::Other(name),
		}
	}
}

impl From<Status> for String {
	fn from(status: Status) -> Self {
		match status {
			Status::Valid => "valid".into(),
			Status::Revoked => "revoked".into(),
			Status::Suspended => "suspended".into(),
			Status::Expired => "expired".into(),
			Status::NotYetValid => "notYetValid".into(),
			Status::Unknown => "unknown".into(),
			Status::InvalidProof => "invalidProof".into(),
			Status::IssuerRevoked => "issuerRevoked".into(),
			Status::IssuerMismatch => "issuerMismatch".into(),
			Status::AmbiguousIssuer => "ambiguousIssuer".into(),
			Status::Other(name) => name,
		}
	}
}

/// Why and when a credential was revoked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Revocation {
	/// `issuedInError`, `superseded`, `fraudOrMisconduct`, `holderRequest` or `other`.
	pub reason: String,
	/// The block it was revoked in.
	pub block: u64,
}

/// An issuer, as a verifier sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerInfo {
	/// Its account (SS58): its lasting identity.
	pub account: String,
	/// The account (SS58) that signs for it now.
	#[serde(default)]
	pub key: Option<String>,
	/// Its name.
	#[serde(default)]
	pub name: String,
	/// Its website or DID URI.
	#[serde(default)]
	pub uri: String,
	/// Further identifiers its documents may name as their issuer.
	#[serde(default)]
	pub identifiers: Vec<String>,
	/// Its ISO 3166-1 alpha-2 country code.
	#[serde(default)]
	pub country: String,
	/// `applicant`, `accredited`, `suspended` or `withdrawn`.
	pub standing: String,
	/// Why its accreditation was withdrawn, when it was.
	#[serde(default)]
	pub withdrawal_reason: Option<String>,
	/// The block its standing last changed in.
	#[serde(default)]
	pub standing_since_block: u64,
	/// The first block whose credentials from it are distrusted, if governance named one.
	#[serde(default)]
	pub distrusted_from_block: Option<u64>,
	/// The institution that took over its credentials (SS58), if any.
	#[serde(default)]
	pub successor: Option<String>,
	/// That institution's name.
	#[serde(default)]
	pub successor_name: Option<String>,
}

/// Governance's distrust of a credential's issuer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerRevocation {
	/// The first distrusted block.
	pub since_block: u64,
	/// Why the issuer was withdrawn (a withdrawal reason's JSON name).
	pub reason: String,
}

/// The issuer a document names, and whom the chain registered that identifier to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimedIssuer {
	/// The identifier, as the document gives it.
	pub identifier: String,
	/// The issuer registered under it (SS58), if any.
	#[serde(default)]
	pub registered_to: Option<String>,
}

/// Something a verifier should know besides the status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
	/// `issuerNotNamed`, `issuerSuspended` or `issuerWithdrawn`.
	pub kind: String,
	/// Since which block (suspension, withdrawal).
	#[serde(default)]
	pub since_block: Option<u64>,
	/// Why the issuer was withdrawn.
	#[serde(default)]
	pub reason: Option<String>,
	/// The first distrusted block, which this credential predates.
	#[serde(default)]
	pub distrusted_from_block: Option<u64>,
}

/// The Merkle batch a credential was verified in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchInfo {
	/// Its root.
	pub root: String,
	/// Its number of credentials.
	pub leaf_count: u64,
}

/// The block an answer was read at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadAt {
	/// Its number.
	pub block: u64,
	/// Its hash.
	pub hash: String,
	/// Its time (ms since the Unix epoch): what expiry was judged against.
	pub time: u64,
}

/// The node's verdict on a credential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
	/// The digest asked about.
	pub digest: String,
	/// The status.
	pub status: Status,
	/// Why and when it was revoked, when it was.
	#[serde(default)]
	pub revocation: Option<Revocation>,
	/// The block it was suspended in, when it is.
	#[serde(default)]
	pub suspended_since: Option<u64>,
	/// From which block and why governance distrusts its issuer, when it does.
	#[serde(default)]
	pub issuer_revocation: Option<IssuerRevocation>,
	/// The issuer of the record that answers (for a mismatch with one other issuer: that one).
	#[serde(default)]
	pub issuer: Option<IssuerInfo>,
	/// The issuer the document names, when the verifier passed one.
	#[serde(default)]
	pub claimed_issuer: Option<ClaimedIssuer>,
	/// For a mismatch or ambiguity: the issuers (SS58) that did anchor the digest.
	#[serde(default)]
	pub anchored_by: Vec<String>,
	/// What a verifier should know besides the status.
	#[serde(default)]
	pub warnings: Vec<Warning>,
	/// The block it was issued in.
	#[serde(default)]
	pub issued_at_block: Option<u64>,
	/// The time of that block (ms since the Unix epoch).
	#[serde(default)]
	pub issued_at_time: Option<u64>,
	/// When it becomes valid (ms since the Unix epoch).
	#[serde(default)]
	pub valid_from: Option<u64>,
	/// When it stops being valid (ms since the Unix epoch).
	#[serde(default)]
	pub valid_until: Option<u64>,
	/// The id of what it certifies.
	#[serde(default)]
	pub achievement: Option<String>,
	/// The holder commitment.
	#[serde(default)]
	pub holder_commitment: Option<String>,
	/// The Merkle batch it was verified in.
	#[serde(default)]
	pub batch: Option<BatchInfo>,
	/// The block the answer was read at.
	pub read_at: ReadAt,
}

/// The width of the labels of a rendering.
const LABEL: usize = 14;

/// Appends `label: value` to `out`, the value aligned. Values hold what the node and documents say
/// (names, URIs, identifiers, accounts), so they are escaped for the terminal here, in one place.
fn line(out: &mut String, label: &str, value: impl std::fmt::Display) {
	let value = for_terminal(&value.to_string());
	let _ = writeln!(out, "{:<LABEL$}{value}", format!("{label}:"));
}

impl Verdict {
	/// Whether the credential is valid: the only status a verifier may accept.
	pub fn is_valid(&self) -> bool {
		self.status == Status::Valid
	}

	/// The status in words, with its details.
	pub fn status_in_words(&self) -> String {
		match &self.status {
			Status::Valid => "VALID: issued, in force and within its validity window".into(),
			Status::Revoked => match &self.revocation {
				Some(revocation) => format!(
					"REVOKED for good in block #{}: {}",
					revocation.block,
					revocation_reason_in_words(&revocation.reason)
				),
				None => "REVOKED for good".into(),
			},
			Status::Suspended => match self.suspended_since {
				Some(block) => format!("SUSPENDED by its issuer since block #{block}; it may be reinstated"),
				None => "SUSPENDED by its issuer; it may be reinstated".into(),
			},
			Status::Expired => match self.valid_until {
				Some(until) => format!("EXPIRED: its validity ended on {}", format_millis(until)),
				None => "EXPIRED: its validity has ended".into(),
			},
			Status::NotYetValid => match self.valid_from {
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
			Status::IssuerRevoked => match &self.issuer_revocation {
				Some(revocation) => format!(
					"ISSUER REVOKED: the consortium withdrew its issuer ({}) and distrusts what it issued \
					 from block #{} on; this credential was issued from then on",
					withdrawal_reason_in_words(&revocation.reason),
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
			Status::Other(name) => format!(
				"{name} (a status this version of credchain does not know: treat the credential as not valid)"
			),
		}
	}

	/// The verdict for a person, one fact per line. `subject` names what was verified (a file).
	pub fn render(&self, subject: Option<&str>) -> String {
		let mut out = String::new();
		match subject {
			Some(subject) => line(&mut out, "Credential", format!("{}  {subject}", self.digest)),
			None => line(&mut out, "Credential", &self.digest),
		}
		line(&mut out, "Status", self.status_in_words());
		self.render_attribution(&mut out);
		if let Some(block) = self.issued_at_block {
			let when = self
				.issued_at_time
				.map(|time| format!(" on {}", format_millis(time)))
				.unwrap_or_default();
			line(&mut out, "Issued", format!("in block #{block}{when}"));
		}
		if self.issued_at_block.is_some() {
			line(&mut out, "Valid", self.window_in_words());
		}
		if let Some(achievement) = &self.achievement {
			line(&mut out, "Achievement", achievement);
		}
		if let Some(commitment) = &self.holder_commitment {
			line(&mut out, "Holder", format!("commitment {commitment}"));
		}
		if let Some(batch) = &self.batch {
			line(
				&mut out,
				"Batch",
				format!(
					"one of {} credentials anchored with root {}",
					batch.leaf_count, batch.root
				),
			);
		}
		line(
			&mut out,
			"Checked at",
			format!(
				"block #{} ({}), {}",
				self.read_at.block,
				self.read_at.hash,
				format_millis(self.read_at.time)
			),
		);
		for warning in &self.warnings {
			line(&mut out, "Warning", self.warning_in_words(warning));
		}
		out
	}

	/// Who the document says issued it, and who anchored it on chain. A document that names no
	/// issuer is attributed by the chain alone: the on-chain issuer comes first, then a reminder to
	/// check it is the one expected.
	fn render_attribution(&self, out: &mut String) {
		if let Some(claim) = &self.claimed_issuer {
			let registered = match &claim.registered_to {
				Some(account) => format!("registered to {account}"),
				None => "registered to no issuer on this chain".into(),
			};
			line(out, "Names issuer", format!("{} ({registered})", claim.identifier));
		}
		if let Some(issuer) = &self.issuer {
			// In a mismatch, the issuer the node describes is not the one named but the one that
			// anchored the document.
			let label =
				if self.status == Status::IssuerMismatch { "Anchored by" } else { "Issuer" };
			render_issuer_lines(out, label, issuer, false);
			if self.claimed_issuer.is_none() {
				line(
					out,
					"Names issuer",
					"none: the document does not name its issuer; check that the issuer above is \
					 the one you expect",
				);
			}
		}
		let described = self.issuer.as_ref().map(|issuer| issuer.account.as_str());
		let others: Vec<&str> = self
			.anchored_by
			.iter()
			.map(String::as_str)
			.filter(|account| Some(*account) != described)
			.collect();
		if !others.is_empty() {
			let label = if described.is_some() { "Also anchored" } else { "Anchored by" };
			line(out, label, others.join(", "));
		}
	}

	/// A warning in words.
	fn warning_in_words(&self, warning: &Warning) -> String {
		let since =
			warning.since_block.map(|block| format!(" since block #{block}")).unwrap_or_default();
		match warning.kind.as_str() {
			"issuerNotNamed" => {
				"the document does not name its issuer: the chain attributes it to the \
				issuer above, which you must check is the one you expect"
					.into()
			}
			"issuerSuspended" => format!(
				"its issuer's accreditation is suspended{since}; the credential keeps its own status"
			),
			"issuerWithdrawn" => {
				let reason = warning.reason.as_deref().unwrap_or("other");
				let successor = self
					.issuer
					.as_ref()
					.and_then(|issuer| issuer.successor_name.as_deref())
					.map(|name| format!("; {name} takes care of its credentials"))
					.unwrap_or_default();
				match warning.distrusted_from_block {
					Some(from) => format!(
						"its issuer was withdrawn{since} ({}), and the consortium distrusts what it issued \
						 from block #{from} on; this credential was issued before that{successor}",
						withdrawal_reason_in_words(reason)
					),
					None => format!(
						"its issuer was withdrawn{since} ({}); the credential keeps its own status{successor}",
						withdrawal_reason_in_words(reason)
					),
				}
			}
			other => format!("{other} (a warning this version of credchain does not know)"),
		}
	}

	/// The validity window in words.
	fn window_in_words(&self) -> String {
		match (self.valid_from, self.valid_until) {
			(None, None) => "from issuance, with no end".into(),
			(Some(from), None) => format!("from {}, with no end", format_millis(from)),
			(None, Some(until)) => format!("from issuance until {}", format_millis(until)),
			(Some(from), Some(until)) => {
				format!("from {} until {}", format_millis(from), format_millis(until))
			}
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
	match &issuer.key {
		Some(key) if *key != issuer.account => {
			line(out, "Signing key", format!("{key} (moved there by governance)"))
		}
		Some(key) if show_own_key => line(out, "Signing key", format!("{key} (its own account)")),
		_ => {}
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
	match issuer.standing.as_str() {
		"accredited" => format!("accredited {since}"),
		"applicant" => format!("applicant, not yet accredited ({since})"),
		"suspended" => {
			format!("accreditation suspended {since}: it may not issue new credentials for now")
		}
		"withdrawn" => {
			let reason = issuer
				.withdrawal_reason
				.as_deref()
				.map(|reason| format!(" ({})", withdrawal_reason_in_words(reason)))
				.unwrap_or_default();
			format!(
				"accreditation withdrawn{reason} {since}: it issues no more credentials, and what it issued \
				 stays on record"
			)
		}
		other => format!("{other} {since}"),
	}
}

/// A revocation reason (its JSON name) in words.
pub fn revocation_reason_in_words(reason: &str) -> String {
	match reason {
		"issuedInError" => "it was issued in error".into(),
		"superseded" => "superseded by a newer credential".into(),
		"fraudOrMisconduct" => "fraud or misconduct".into(),
		"holderRequest" => "at the holder's request".into(),
		"other" => "for another reason, recorded off chain".into(),
		other => format!("reason \"{other}\""),
	}
}

/// A withdrawal reason (its JSON name) in words.
pub fn withdrawal_reason_in_words(reason: &str) -> String {
	match reason {
		"closed" => "the institution closed".into(),
		"merged" => "the institution merged into another".into(),
		"standardsNotMet" => "it no longer meets the consortium's standards".into(),
		"misconduct" => "fraud or misconduct".into(),
		"voluntary" => "at its own request".into(),
		"other" => "for another reason, recorded off chain".into(),
		other => format!("reason \"{other}\""),
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
		"achievement": "0x5a1e",
		"holderCommitment": null,
		"batch": null,
		"readAt": { "block": 1210, "hash": "0x3b7c", "time": 1795399260000 },
		"someFutureField": true
	}"#;

	#[test]
	fn the_documented_answer_is_understood_and_rendered() {
		let verdict: Verdict = serde_json::from_str(REVOKED).unwrap();
		assert_eq!(verdict.status, Status::Revoked);
		assert!(!verdict.is_valid());
		let text = verdict.render(Some("diploma.pdf"));
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
		let text = verdict.render(Some("badge.json"));
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
			"digest": "0x00", "status": "issuerMismatch",
			"claimedIssuer": { "identifier": "https://forger.example/\u{202e}gpj", "registeredTo": null },
			"anchoredBy": ["5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
				"5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"],
			"readAt": { "block": 50, "hash": "0xab", "time": 0 }
		}))
		.unwrap();
		let text = verdict.render(None);
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
			"digest": "0x00", "status": "ambiguousIssuer",
			"anchoredBy": ["5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
				"5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"],
			"warnings": [{ "kind": "issuerNotNamed" }],
			"readAt": { "block": 50, "hash": "0xab", "time": 0 }
		}))
		.unwrap();
		assert_eq!(verdict.status, Status::AmbiguousIssuer);
		assert!(!verdict.is_valid());
		let text = verdict.render(Some("diploma.pdf"));
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
		let text = verdict.render(None);
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
		let own = IssuerInfo { key: Some(issuer.account.clone()), ..issuer };
		assert!(render_issuer(&own).contains("(its own account)"));
	}

	#[test]
	fn the_readme_shows_the_real_mismatch_output() {
		let verdict: Verdict = serde_json::from_str(&MISMATCH.replace("\\u001b[32m", "")).unwrap();
		let text = verdict.render(Some("badge.json"));
		let readme = include_str!("../README.md");
		assert!(readme.contains(&format!("```text\n{text}```")), "README.md should show:\n{text}");
	}

	#[test]
	fn a_document_without_issuer_shows_the_chain_identity_with_a_reminder() {
		let json = REVOKED
			.replace("\"status\": \"revoked\"", "\"status\": \"valid\"")
			.replace("\"someFutureField\": true", "\"warnings\": [{\"kind\": \"issuerNotNamed\"}]");
		let verdict: Verdict = serde_json::from_str(&json).unwrap();
		let text = verdict.render(Some("diploma.pdf"));
		let issuer = text.find("Issuer:").expect("the issuer");
		let names = text.find("Names issuer: none: the document does not name its issuer");
		let issued = text.find("Issued:").expect("the issuance");
		assert!(issuer < names.expect("the reminder") && names < Some(issued), "{text}");
		assert!(text.contains("Warning:      the document does not name its issuer"), "{text}");
	}

	#[test]
	fn issuer_revoked_and_withdrawn_warnings_are_in_words() {
		let revoked: Verdict = serde_json::from_value(serde_json::json!({
			"digest": "0x00", "status": "issuerRevoked",
			"issuerRevocation": { "sinceBlock": 40, "reason": "misconduct" },
			"readAt": { "block": 50, "hash": "0xab", "time": 0 }
		}))
		.unwrap();
		assert!(!revoked.is_valid());
		assert!(
			revoked.render(None).contains(
				"ISSUER REVOKED: the consortium withdrew its issuer (fraud or \
			 misconduct) and distrusts what it issued from block #40 on"
			),
			"{}",
			revoked.render(None)
		);
		let warned: Verdict = serde_json::from_value(serde_json::json!({
			"digest": "0x00", "status": "valid",
			"warnings": [{ "kind": "issuerWithdrawn", "sinceBlock": 45, "reason": "misconduct",
				"distrustedFromBlock": 40 }],
			"readAt": { "block": 50, "hash": "0xab", "time": 0 }
		}))
		.unwrap();
		assert!(warned.is_valid());
		assert!(
			warned.render(None).contains(
				"distrusts what it issued from block #40 on; this credential \
			 was issued before that"
			),
			"{}",
			warned.render(None)
		);
		let ambiguous = Status::from("ambiguousIssuer".to_string());
		assert_eq!(ambiguous, Status::AmbiguousIssuer);
	}

	#[test]
	fn unknown_statuses_are_never_valid() {
		let json = REVOKED.replace("\"revoked\"", "\"quarantined\"");
		let verdict: Verdict = serde_json::from_str(&json).unwrap();
		assert_eq!(verdict.status, Status::Other("quarantined".into()));
		assert!(!verdict.is_valid());
		assert!(verdict.status_in_words().contains("treat the credential as not valid"));
	}

	#[test]
	fn an_unknown_credential_renders_without_issuer() {
		let verdict: Verdict = serde_json::from_value(serde_json::json!({
			"digest": "0x00", "status": "unknown",
			"readAt": { "block": 3, "hash": "0xab", "time": 0 }
		}))
		.unwrap();
		let text = verdict.render(None);
		assert!(text.contains("UNKNOWN: no credential with this digest"), "{text}");
		assert!(!text.contains("Issuer:"), "{text}");
		assert_eq!(serde_json::to_value(&verdict).unwrap()["status"], "unknown");
	}
}
