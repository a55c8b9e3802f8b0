//! The JSON shape of the `credentials_*` answers, defined once: the node serializes these types and
//! clients deserialize the same types (`credchain` does). Field names are camelCase; statuses,
//! standings and reasons are camelCase strings; digests and hashes `0x` hex; accounts SS58
//! addresses; times milliseconds since the Unix epoch. `docs/rpc.md` documents it with examples.
//!
//! Reading is lenient, so that an older client still reads a newer node's answers: unknown fields
//! are ignored, missing optional fields are empty, and a status, standing or warning this version
//! does not know reads as `Unrecognized` (a status that is never valid); an unknown reason reads as
//! `other`.

use pallet_credentials_runtime_api as api;
use serde::{Deserialize, Serialize};
use sp_core::{crypto::AccountId32, H256};

pub use api::{RevocationReason, WithdrawalReason};

/// A credential's status as the node judged it at the block it read (precedence in
/// `docs/rpc.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
	/// Issued by the issuer the document names (if it names one), in force, within its validity
	/// window, and its issuer trusted for it.
	Valid,
	/// Revoked for good: see [`Verdict::revocation`].
	Revoked,
	/// Suspended by its issuer; it may be reinstated.
	Suspended,
	/// Its validity window has ended.
	Expired,
	/// Its validity window has not begun.
	NotYetValid,
	/// Governance distrusts what its issuer issued from a block on, and it was issued from then:
	/// see [`Verdict::issuer_revocation`].
	IssuerRevoked,
	/// The document names an issuer that never anchored it; other issuers did.
	IssuerMismatch,
	/// The document names no issuer, and several issuers anchored it.
	AmbiguousIssuer,
	/// No such credential: never issued, or the document was altered.
	Unknown,
	/// The batch exists, but the proof does not lead from the document to it.
	InvalidProof,
	/// A stacked credential one of whose components was revoked (or is from a distrusted
	/// issuer): see [`Verdict::revoked_component`].
	ComponentRevoked,
	/// A status this version does not know (sent by a newer node): never valid.
	#[serde(other)]
	Unrecognized,
}

/// An issuer's standing with the consortium.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Standing {
	/// Registered, not yet accredited: it cannot issue.
	Applicant,
	/// Accredited: it may issue.
	Accredited,
	/// Accreditation suspended: it may not issue for now.
	Suspended,
	/// Accreditation withdrawn for good: see [`IssuerInfo::withdrawal_reason`].
	Withdrawn,
	/// A standing this version does not know (sent by a newer node).
	#[serde(other)]
	Unrecognized,
}

/// What a [`Warning`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WarningKind {
	/// The document names no issuer: the chain alone attributed the record.
	IssuerNotNamed,
	/// The issuer's accreditation is suspended.
	IssuerSuspended,
	/// The issuer's accreditation was withdrawn; the credential predates any distrusted block.
	IssuerWithdrawn,
	/// A warning this version does not know (sent by a newer node).
	#[serde(other)]
	Unrecognized,
}

/// The node's verdict on a credential, read at one block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
	/// The digest (or batch leaf) asked about.
	pub digest: H256,
	/// The status.
	pub status: Status,
	/// Why and when it was revoked, when `status` is `revoked`.
	pub revocation: Option<Revocation>,
	/// The block it was suspended in, when `status` is `suspended`.
	pub suspended_since: Option<u64>,
	/// From which block and why governance distrusts its issuer, when `status` is
	/// `issuerRevoked`.
	pub issuer_revocation: Option<IssuerRevocation>,
	/// The issuer of the record that answers (for `issuerMismatch` with one other anchoring
	/// issuer: that issuer).
	pub issuer: Option<IssuerInfo>,
	/// The issuer identifier the document names, as passed, and whom it is registered to.
	pub claimed_issuer: Option<ClaimedIssuer>,
	/// For `issuerMismatch` and `ambiguousIssuer`: the issuers that did anchor it.
	#[serde(default)]
	pub anchored_by: Vec<AccountId32>,
	/// What a verifier should know besides the status.
	#[serde(default)]
	pub warnings: Vec<Warning>,
	/// The block it was issued in.
	pub issued_at_block: Option<u64>,
	/// The time of that block.
	pub issued_at_time: Option<u64>,
	/// When it becomes valid.
	pub valid_from: Option<u64>,
	/// When it stops being valid.
	pub valid_until: Option<u64>,
	/// The id of what it certifies.
	pub achievement: Option<H256>,
	/// The holder commitment (a salted hash).
	pub holder_commitment: Option<H256>,
	/// The Merkle batch it was verified in.
	pub batch: Option<BatchInfo>,
	/// The block the answer was read at.
	pub read_at: ReadAt,
	/// The first revoked component, when `status` is `componentRevoked`.
	#[serde(default)]
	pub revoked_component: Option<H256>,
	/// What it certifies: its registered achievement, as it stood when it was issued.
	#[serde(default)]
	pub achievement_info: Option<AchievementInfo>,
	/// For a stacked credential: the component credentials it cites, with their status now.
	#[serde(default)]
	pub components: Vec<ComponentInfo>,
	/// Whether the record commits to the holder the verifier passed, if it passed one.
	#[serde(default)]
	pub holder_check: Option<HolderCheck>,
}

/// Whether a credential's record commits to the holder a verifier was shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum HolderCheck {
	/// The record commits to that identity and salt.
	Confirmed,
	/// The record commits to another holder (or the identity or salt is wrong).
	OtherHolder,
	/// The record commits to no holder.
	NotBound,
	/// An answer this version does not know (sent by a newer node): not a confirmation.
	#[serde(other)]
	Unrecognized,
}

impl From<api::HolderCheck> for HolderCheck {
	fn from(check: api::HolderCheck) -> Self {
		match check {
			api::HolderCheck::Confirmed => Self::Confirmed,
			api::HolderCheck::OtherHolder => Self::OtherHolder,
			api::HolderCheck::NotBound => Self::NotBound,
		}
	}
}

/// A credit value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditsInfo {
	/// The value in hundredths of a credit (7.5 credits: 750).
	pub hundredths: u32,
	/// The credit system: `Ects`, `CreditHours` or `ContinuingEducationUnits`.
	pub system: String,
}

/// How credentials stack into a stacked achievement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
	/// The achievements whose credentials count.
	pub components: Vec<H256>,
	/// How many component credentials, at least.
	pub min_count: u32,
	/// How many credits they must be worth together, in hundredths, if the rule counts credits.
	pub min_credits: Option<u32>,
}

/// An achievement, as a verifier sees it, at one of its versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchievementInfo {
	/// Its id.
	pub id: H256,
	/// The version shown (the one the credential certifies).
	pub version: u16,
	/// Its latest version.
	pub latest_version: u16,
	/// The block the version shown was published in.
	pub published_at_block: u64,
	/// The issuer that owns it.
	pub owner: AccountId32,
	/// Its URI (the Open Badges `Achievement.id`).
	pub uri: String,
	/// Its name.
	pub name: String,
	/// Its kind: an Open Badges 3.0 `achievementType` (`MicroCredential`, `Certificate` …).
	pub kind: String,
	/// Its EQF level (1–8), if any.
	pub eqf_level: Option<u8>,
	/// Its credit value, if any.
	pub credits: Option<CreditsInfo>,
	/// Where its criteria are published, if anywhere.
	pub criteria_uri: Option<String>,
	/// The SHA-256 of its criteria text, if given.
	pub criteria_digest: Option<H256>,
	/// The skills and frameworks it aligns to (URIs).
	#[serde(default)]
	pub skills: Vec<String>,
	/// The language of its texts (BCP 47), if given.
	pub language: Option<String>,
	/// How credentials stack into it, for a stacked achievement.
	pub rule: Option<RuleInfo>,
	/// The issuers besides its owner that may issue it.
	#[serde(default)]
	pub shared_with: Vec<AccountId32>,
	/// The block its owner deprecated it in, if it did.
	pub deprecated_at_block: Option<u64>,
	/// The block the consortium endorsed it in, if it does.
	pub endorsed_at_block: Option<u64>,
}

impl<BlockNumber: Into<u64>> From<api::AchievementSummary<AccountId32, BlockNumber>>
	for AchievementInfo
{
	fn from(achievement: api::AchievementSummary<AccountId32, BlockNumber>) -> Self {
		Self {
			id: H256(achievement.id),
			version: achievement.version,
			latest_version: achievement.latest_version,
			published_at_block: achievement.published_at.into(),
			owner: achievement.owner,
			uri: text(&achievement.uri),
			name: text(&achievement.name),
			kind: format!("{:?}", achievement.kind),
			eqf_level: achievement.eqf_level,
			credits: achievement.credits.map(|credits| CreditsInfo {
				hundredths: credits.hundredths,
				system: format!("{:?}", credits.system),
			}),
			criteria_uri: achievement.criteria_uri.as_deref().map(text),
			criteria_digest: achievement.criteria_digest.map(H256),
			skills: achievement.skills.iter().map(|skill| text(skill)).collect(),
			language: achievement.language.as_deref().map(text),
			rule: achievement.rule.map(|rule| RuleInfo {
				components: rule.components.into_iter().map(H256).collect(),
				min_count: rule.min_count,
				min_credits: rule.min_credits,
			}),
			shared_with: achievement.shared_with,
			deprecated_at_block: achievement.deprecated_at.map(Into::into),
			endorsed_at_block: achievement.endorsed_at.map(Into::into),
		}
	}
}

/// A component credential a stacked credential cites, with its status now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ComponentInfo {
	/// Its digest.
	pub digest: H256,
	/// Its issuer.
	pub issuer: AccountId32,
	/// The achievement it certifies.
	pub achievement: Option<H256>,
	/// Its status now.
	pub status: Status,
}

impl Verdict {
	/// Whether the credential is valid: the only status a verifier may accept.
	pub fn is_valid(&self) -> bool {
		self.status == Status::Valid
	}

	/// The runtime's `verdict` on `digest`, read at `block`, in this shape.
	pub fn from_runtime<BlockNumber: Into<u64>>(
		digest: H256,
		verdict: api::Verdict<AccountId32, BlockNumber>,
		block: BlockRef,
	) -> Self {
		let (status, revocation, suspended_since, issuer_revocation, revoked_component) =
			status_of(verdict.status);
		let terms = verdict.terms.unwrap_or_default();
		Self {
			digest,
			status,
			revocation,
			suspended_since,
			issuer_revocation,
			issuer: verdict.issuer.map(IssuerInfo::from),
			claimed_issuer: verdict.claimed_issuer.map(|claim| ClaimedIssuer {
				identifier: text(&claim.identifier),
				registered_to: claim.registered_to,
			}),
			anchored_by: verdict.anchored_by,
			warnings: verdict.warnings.into_iter().map(Warning::from).collect(),
			issued_at_block: verdict.issued_at.map(Into::into),
			issued_at_time: verdict.issued_on,
			valid_from: terms.valid_from,
			valid_until: terms.valid_until,
			achievement: terms.achievement.map(H256),
			holder_commitment: terms.holder.map(H256),
			batch: verdict
				.batch
				.map(|batch| BatchInfo { root: H256(batch.root), leaf_count: batch.leaf_count }),
			read_at: ReadAt { block: block.number, hash: block.hash, time: verdict.read_on },
			revoked_component,
			achievement_info: verdict.achievement.map(AchievementInfo::from),
			components: verdict
				.components
				.into_iter()
				.map(|component| ComponentInfo {
					digest: H256(component.digest),
					issuer: component.issuer,
					achievement: component.achievement.map(H256),
					status: status_of(component.status).0,
				})
				.collect(),
			holder_check: verdict.holder_check.map(HolderCheck::from),
		}
	}
}

/// A runtime status in this shape, with the details it carries: revocation, suspension,
/// distrust, revoked component.
fn status_of<BlockNumber: Into<u64>>(
	status: api::VerdictStatus<BlockNumber>,
) -> (Status, Option<Revocation>, Option<u64>, Option<IssuerRevocation>, Option<H256>) {
	use api::VerdictStatus as Runtime;
	let (mut revocation, mut suspended_since, mut issuer_revocation, mut component) =
		(None, None, None, None);
	let status = match status {
		Runtime::Valid => Status::Valid,
		Runtime::Revoked { reason, at } => {
			revocation = Some(Revocation { reason, block: at.into() });
			Status::Revoked
		}
		Runtime::Suspended { since } => {
			suspended_since = Some(since.into());
			Status::Suspended
		}
		Runtime::Expired { .. } => Status::Expired,
		Runtime::NotYetValid { .. } => Status::NotYetValid,
		Runtime::IssuerRevoked { since, reason } => {
			issuer_revocation = Some(IssuerRevocation { since_block: since.into(), reason });
			Status::IssuerRevoked
		}
		Runtime::IssuerMismatch => Status::IssuerMismatch,
		Runtime::AmbiguousIssuer => Status::AmbiguousIssuer,
		Runtime::Unknown => Status::Unknown,
		Runtime::InvalidProof => Status::InvalidProof,
		Runtime::ComponentRevoked { component: digest } => {
			component = Some(H256(digest));
			Status::ComponentRevoked
		}
	};
	(status, revocation, suspended_since, issuer_revocation, component)
}

/// A block: its number and hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockRef {
	/// The block's number.
	pub number: u64,
	/// The block's hash.
	pub hash: H256,
}

/// Why and when a credential was revoked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Revocation {
	/// Why.
	pub reason: RevocationReason,
	/// The block it was revoked in.
	pub block: u64,
}

/// Governance's distrust of a credential's issuer, from a block on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerRevocation {
	/// The first distrusted block.
	pub since_block: u64,
	/// Why the issuer was withdrawn.
	pub reason: WithdrawalReason,
}

/// The issuer a document names, and whom the chain registered that identifier to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimedIssuer {
	/// The identifier, as passed (invalid UTF-8 replaced).
	pub identifier: String,
	/// The issuer registered under it, or `null` if none is.
	pub registered_to: Option<AccountId32>,
}

/// Something a verifier should know besides the status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
	/// What it is about.
	pub kind: WarningKind,
	/// For `issuerSuspended` and `issuerWithdrawn`: since which block.
	pub since_block: Option<u64>,
	/// For `issuerWithdrawn`: why.
	pub reason: Option<WithdrawalReason>,
	/// For `issuerWithdrawn`: the first distrusted block, if any (this credential predates it).
	pub distrusted_from_block: Option<u64>,
}

impl<BlockNumber: Into<u64>> From<api::VerdictWarning<BlockNumber>> for Warning {
	fn from(warning: api::VerdictWarning<BlockNumber>) -> Self {
		let none = Self {
			kind: WarningKind::Unrecognized,
			since_block: None,
			reason: None,
			distrusted_from_block: None,
		};
		match warning {
			api::VerdictWarning::IssuerNotNamed => {
				Self { kind: WarningKind::IssuerNotNamed, ..none }
			}
			api::VerdictWarning::IssuerSuspended { since } => {
				Self { kind: WarningKind::IssuerSuspended, since_block: Some(since.into()), ..none }
			}
			api::VerdictWarning::IssuerWithdrawn { reason, since, distrusted_from } => Self {
				kind: WarningKind::IssuerWithdrawn,
				since_block: Some(since.into()),
				reason: Some(reason),
				distrusted_from_block: distrusted_from.map(Into::into),
			},
		}
	}
}

/// The Merkle batch a credential was verified in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchInfo {
	/// Its root.
	pub root: H256,
	/// Its number of credentials.
	pub leaf_count: u32,
}

/// The block an answer was read at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadAt {
	/// Its number.
	pub block: u64,
	/// Its hash.
	pub hash: H256,
	/// Its time: expiry is judged against it.
	pub time: u64,
}

/// An issuer, as a verifier sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerInfo {
	/// Its account: its identity, which never changes.
	pub account: AccountId32,
	/// The account that signs as the issuer now.
	pub key: AccountId32,
	/// Its name.
	pub name: String,
	/// Its website or DID URI.
	pub uri: String,
	/// Further identifiers its documents may name as their issuer.
	#[serde(default)]
	pub identifiers: Vec<String>,
	/// Its ISO 3166-1 alpha-2 country code.
	pub country: String,
	/// Its standing.
	pub standing: Standing,
	/// Why its accreditation was withdrawn, when `standing` is `withdrawn`.
	pub withdrawal_reason: Option<WithdrawalReason>,
	/// The block its standing last changed in.
	pub standing_since_block: u64,
	/// The first block whose credentials from it are distrusted, if governance named one.
	pub distrusted_from_block: Option<u64>,
	/// The institution that took over its credentials, if any.
	pub successor: Option<AccountId32>,
	/// That institution's name.
	pub successor_name: Option<String>,
}

impl<BlockNumber: Into<u64>> From<api::IssuerSummary<AccountId32, BlockNumber>> for IssuerInfo {
	fn from(issuer: api::IssuerSummary<AccountId32, BlockNumber>) -> Self {
		let (standing, withdrawal_reason) = match issuer.standing {
			api::IssuerStanding::Applicant => (Standing::Applicant, None),
			api::IssuerStanding::Accredited => (Standing::Accredited, None),
			api::IssuerStanding::Suspended => (Standing::Suspended, None),
			api::IssuerStanding::Withdrawn(reason) => (Standing::Withdrawn, Some(reason)),
		};
		Self {
			account: issuer.account,
			key: issuer.key,
			name: text(&issuer.name),
			uri: text(&issuer.uri),
			identifiers: issuer.identifiers.iter().map(|id| text(id)).collect(),
			country: text(&issuer.country),
			standing,
			withdrawal_reason,
			standing_since_block: issuer.standing_since.into(),
			distrusted_from_block: issuer.distrusted_from.map(Into::into),
			successor: issuer.successor,
			successor_name: issuer.successor_name.as_deref().map(text),
		}
	}
}

/// Text the chain stores as UTF-8 bytes, with anything invalid replaced. JSON escapes control
/// characters itself; clients that print it to a terminal must escape them (the chain refuses
/// them in new names and identifiers, but not in records from before storage version 2).
fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn names_are_camel_case_and_reasons_are_the_pallets_own() {
		let revocation = Revocation { reason: RevocationReason::FraudOrMisconduct, block: 7 };
		assert_eq!(
			serde_json::to_value(revocation).unwrap(),
			json!({ "reason": "fraudOrMisconduct", "block": 7 })
		);
		let distrust =
			IssuerRevocation { since_block: 40, reason: WithdrawalReason::StandardsNotMet };
		assert_eq!(
			serde_json::to_value(distrust).unwrap(),
			json!({ "sinceBlock": 40, "reason": "standardsNotMet" })
		);
		assert_eq!(serde_json::to_value(Status::NotYetValid).unwrap(), json!("notYetValid"));
	}

	#[test]
	fn a_newer_nodes_names_are_read_as_unrecognized_never_as_valid() {
		let status: Status = serde_json::from_value(json!("quarantined")).unwrap();
		assert_eq!(status, Status::Unrecognized);
		let standing: Standing = serde_json::from_value(json!("probation")).unwrap();
		assert_eq!(standing, Standing::Unrecognized);
		let reason: RevocationReason = serde_json::from_value(json!("courtOrder")).unwrap();
		assert_eq!(reason, RevocationReason::Other);
	}

	#[test]
	fn a_minimal_answer_reads_with_everything_optional_empty() {
		let verdict: Verdict = serde_json::from_value(json!({
			"digest": format!("0x{}", "ab".repeat(32)),
			"status": "unknown",
			"readAt": { "block": 3, "hash": format!("0x{}", "cd".repeat(32)), "time": 0 },
			"someFutureField": true
		}))
		.unwrap();
		assert_eq!(verdict.status, Status::Unknown);
		assert!(verdict.issuer.is_none() && verdict.anchored_by.is_empty());
		assert!(!verdict.is_valid());
		let back = serde_json::to_value(&verdict).unwrap();
		assert_eq!(back["digest"], format!("0x{}", "ab".repeat(32)));
		assert_eq!(back["readAt"]["hash"], format!("0x{}", "cd".repeat(32)));
	}

	#[test]
	fn a_runtime_verdict_becomes_the_documented_shape() {
		let alice = AccountId32::new([1; 32]);
		let verdict = api::Verdict::<AccountId32, u32> {
			status: api::VerdictStatus::Revoked { reason: RevocationReason::Superseded, at: 9 },
			issuer: Some(api::IssuerSummary {
				account: alice.clone(),
				key: alice.clone(),
				name: b"Example University".to_vec(),
				uri: b"https://university.example".to_vec(),
				identifiers: vec![],
				country: *b"NL",
				standing: api::IssuerStanding::Withdrawn(WithdrawalReason::Merged),
				standing_since: 8,
				distrusted_from: None,
				successor: None,
				successor_name: None,
			}),
			claimed_issuer: None,
			anchored_by: vec![],
			warnings: vec![api::VerdictWarning::IssuerWithdrawn {
				reason: WithdrawalReason::Merged,
				since: 8,
				distrusted_from: None,
			}],
			issued_at: Some(5),
			issued_on: Some(1_000),
			terms: Some(api::CredentialTerms { achievement: Some([2; 32]), ..Default::default() }),
			batch: None,
			read_at: 10,
			read_on: 2_000,
			achievement: None,
			components: vec![],
			holder_check: Some(api::HolderCheck::OtherHolder),
		};
		let block = BlockRef { number: 10, hash: H256([4; 32]) };
		let answer = Verdict::from_runtime(H256([3; 32]), verdict, block);
		let json = serde_json::to_value(&answer).unwrap();
		assert_eq!(json["status"], "revoked");
		assert_eq!(json["revocation"], json!({ "reason": "superseded", "block": 9 }));
		assert_eq!(json["issuer"]["standing"], "withdrawn");
		assert_eq!(json["issuer"]["withdrawalReason"], "merged");
		assert_eq!(json["issuer"]["account"], alice.to_string());
		assert_eq!(json["warnings"][0]["kind"], "issuerWithdrawn");
		assert_eq!(json["achievement"], format!("0x{}", "02".repeat(32)));
		assert_eq!(json["holderCheck"], "otherHolder");
		assert_eq!(
			json["readAt"],
			json!({ "block": 10, "hash": format!("0x{}", "04".repeat(32)), "time": 2000 })
		);
		let read: Verdict = serde_json::from_value(json).unwrap();
		assert_eq!(read, answer);
	}
}
