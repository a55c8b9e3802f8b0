//! The node's answers to a verifier (the JSON of `credentials_verify`, `credentials_verifyInBatch` and
//! `credentials_issuer`, documented in `docs/rpc.md`), and their rendering for a person.
//!
//! Unknown fields are ignored and unknown statuses, standings and reasons are kept as they came, so
//! that an older client still reads a newer node's answers; an unknown status is never valid.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::dates::format_millis;

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
	/// Its name.
	#[serde(default)]
	pub name: String,
	/// Its website or DID URI.
	#[serde(default)]
	pub uri: String,
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
	/// The institution that took over its credentials (SS58), if any.
	#[serde(default)]
	pub successor: Option<String>,
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
	/// Its issuer, when the credential is known.
	#[serde(default)]
	pub issuer: Option<IssuerInfo>,
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
const LABEL: usize = 13;

/// Appends `label: value` to `out`, the value aligned.
fn line(out: &mut String, label: &str, value: impl std::fmt::Display) {
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
		if let Some(issuer) = &self.issuer {
			render_issuer_lines(&mut out, issuer);
		}
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
		if let Some(issuer) = self.issuer.as_ref().filter(|issuer| issuer.standing != "accredited")
		{
			if self.is_valid() {
				let _ = writeln!(
					out,
					"Note: the credential is valid, but its issuer's standing is now \"{}\"; the credential \
					 keeps its own status, and it is up to you to weigh both.",
					issuer.standing
				);
			}
		}
		out
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

/// An issuer for a person, one fact per line.
pub fn render_issuer(issuer: &IssuerInfo) -> String {
	let mut out = String::new();
	render_issuer_lines(&mut out, issuer);
	out
}

/// Appends the lines that describe `issuer` to `out`.
fn render_issuer_lines(out: &mut String, issuer: &IssuerInfo) {
	let country =
		if issuer.country.is_empty() { String::new() } else { format!(" ({})", issuer.country) };
	let site = if issuer.uri.is_empty() { String::new() } else { format!(", {}", issuer.uri) };
	line(out, "Issuer", format!("{}{site}{country}", issuer.name));
	line(out, "Account", &issuer.account);
	line(out, "Standing", standing_in_words(issuer));
	if let Some(successor) = &issuer.successor {
		line(out, "Successor", format!("{successor} now takes care of its credentials"));
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
			text.contains("5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y now takes care"),
			"{text}"
		);
		assert!(text.contains("in block #1180 on 2026-11-23"), "{text}");
		assert!(text.contains("from issuance until 2031-11-23"), "{text}");
		assert!(text.contains("diploma.pdf"), "{text}");
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
