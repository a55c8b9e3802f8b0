//! The JSON shape of the `credentials_*` answers: readable field names, statuses and reasons as
//! strings, digests as `0x` hex, accounts as SS58 addresses, times as milliseconds since the Unix
//! epoch. Documented with examples in `docs/rpc.md`.

use credchain_runtime::{AccountId, BlockNumber};
use pallet_credentials_runtime_api::{
	ClaimedIssuer, CredentialTerms, Digest, IssuerStanding, IssuerSummary, RevocationReason,
	Verdict, VerdictStatus, VerdictWarning, WithdrawalReason,
};
use serde::Serialize;
use sp_core::{crypto::Ss58Codec, H256};

/// The block an answer was read at.
#[derive(Clone, Copy, Debug)]
pub struct ReadAt {
	/// Its hash.
	pub hash: H256,
	/// Its number.
	pub number: BlockNumber,
}

/// `0x`-prefixed lower-case hex.
fn hex(bytes: &[u8]) -> String {
	format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&bytes))
}

/// An SS58 address with the generic Substrate prefix (42).
fn address(account: &AccountId) -> String {
	account.to_ss58check()
}

/// A verdict.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct VerdictJson {
	/// The digest (or batch leaf) asked about.
	pub digest: String,
	/// `valid`, `revoked`, `suspended`, `expired`, `notYetValid`, `issuerRevoked`,
	/// `issuerMismatch`, `ambiguousIssuer`, `unknown` or `invalidProof` (precedence in
	/// `docs/rpc.md`).
	pub status: &'static str,
	/// Why and when it was revoked, when `status` is `revoked`.
	pub revocation: Option<RevocationJson>,
	/// The block it was suspended in, when `status` is `suspended`.
	pub suspended_since: Option<BlockNumber>,
	/// From which block and why governance distrusts its issuer, when `status` is `issuerRevoked`.
	pub issuer_revocation: Option<IssuerRevocationJson>,
	/// The issuer of the record that answers (for `issuerMismatch` with one other anchoring
	/// issuer: that issuer).
	pub issuer: Option<IssuerJson>,
	/// The issuer identifier the document names, as passed, and whom it is registered to.
	pub claimed_issuer: Option<ClaimedIssuerJson>,
	/// For `issuerMismatch` and `ambiguousIssuer`: the issuers (SS58) that did anchor it.
	pub anchored_by: Vec<String>,
	/// What a verifier should know besides the status.
	pub warnings: Vec<WarningJson>,
	/// The block it was issued in.
	pub issued_at_block: Option<BlockNumber>,
	/// The time of that block, ms since the Unix epoch.
	pub issued_at_time: Option<u64>,
	/// When it becomes valid, ms since the Unix epoch.
	pub valid_from: Option<u64>,
	/// When it stops being valid, ms since the Unix epoch.
	pub valid_until: Option<u64>,
	/// The id of what it certifies.
	pub achievement: Option<String>,
	/// The holder commitment (a salted hash).
	pub holder_commitment: Option<String>,
	/// The Merkle batch it was verified in.
	pub batch: Option<BatchJson>,
	/// The block the answer was read at.
	pub read_at: ReadAtJson,
}

/// A revocation.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct RevocationJson {
	/// `issuedInError`, `superseded`, `fraudOrMisconduct`, `holderRequest` or `other`.
	pub reason: &'static str,
	/// The block it was revoked in.
	pub block: BlockNumber,
}

/// Governance's distrust of an issuer, from a block on.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct IssuerRevocationJson {
	/// The first distrusted block.
	pub since_block: BlockNumber,
	/// Why the issuer was withdrawn: `misconduct`, `standardsNotMet`, `voluntary` or `other`.
	pub reason: &'static str,
}

/// The issuer a document names.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ClaimedIssuerJson {
	/// The identifier, as passed (invalid UTF-8 replaced).
	pub identifier: String,
	/// The issuer registered under it (SS58), or `null` if none is.
	pub registered_to: Option<String>,
}

/// A warning: `kind` is `issuerNotNamed`, `issuerSuspended` or `issuerWithdrawn`.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct WarningJson {
	/// What the warning is about.
	pub kind: &'static str,
	/// For `issuerSuspended` and `issuerWithdrawn`: since which block.
	pub since_block: Option<BlockNumber>,
	/// For `issuerWithdrawn`: why.
	pub reason: Option<&'static str>,
	/// For `issuerWithdrawn`: the first distrusted block, if any (this credential predates it).
	pub distrusted_from_block: Option<BlockNumber>,
}

/// A Merkle batch.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct BatchJson {
	/// Its root.
	pub root: String,
	/// Its number of leaves.
	pub leaf_count: u32,
}

/// The block an answer was read at.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ReadAtJson {
	/// Its number.
	pub block: BlockNumber,
	/// Its hash.
	pub hash: String,
	/// Its time, ms since the Unix epoch: expiry is judged against it.
	pub time: u64,
}

/// An issuer.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct IssuerJson {
	/// Its account (SS58): its identity, which never changes.
	pub account: String,
	/// The account (SS58) that signs as the issuer now.
	pub key: String,
	/// Its name.
	pub name: String,
	/// Its website or DID URI.
	pub uri: String,
	/// Further identifiers its documents may name as their issuer.
	pub identifiers: Vec<String>,
	/// Its ISO 3166-1 alpha-2 country code.
	pub country: String,
	/// `applicant`, `accredited`, `suspended` or `withdrawn`.
	pub standing: &'static str,
	/// Why its accreditation was withdrawn, when `standing` is `withdrawn`.
	pub withdrawal_reason: Option<&'static str>,
	/// The block its standing last changed in.
	pub standing_since_block: BlockNumber,
	/// The first block whose credentials from it are distrusted, if governance named one.
	pub distrusted_from_block: Option<BlockNumber>,
	/// The institution that took over its credentials (SS58), if any.
	pub successor: Option<String>,
	/// That institution's name.
	pub successor_name: Option<String>,
}

impl VerdictJson {
	/// Renders `verdict` on `digest`, read at `at`.
	pub fn new(digest: Digest, verdict: Verdict<AccountId, BlockNumber>, at: ReadAt) -> Self {
		let (mut revocation, mut suspended_since, mut issuer_revocation) = (None, None, None);
		let status = match verdict.status {
			VerdictStatus::Valid => "valid",
			VerdictStatus::Revoked { reason, at } => {
				revocation = Some(RevocationJson { reason: revocation_reason(reason), block: at });
				"revoked"
			}
			VerdictStatus::Suspended { since } => {
				suspended_since = Some(since);
				"suspended"
			}
			VerdictStatus::Expired { .. } => "expired",
			VerdictStatus::NotYetValid { .. } => "notYetValid",
			VerdictStatus::IssuerRevoked { since, reason } => {
				issuer_revocation = Some(IssuerRevocationJson {
					since_block: since,
					reason: withdrawal_reason(reason),
				});
				"issuerRevoked"
			}
			VerdictStatus::IssuerMismatch => "issuerMismatch",
			VerdictStatus::AmbiguousIssuer => "ambiguousIssuer",
			VerdictStatus::Unknown => "unknown",
			VerdictStatus::InvalidProof => "invalidProof",
		};
		let terms = verdict.terms.unwrap_or_else(CredentialTerms::default);
		Self {
			digest: hex(&digest),
			status,
			revocation,
			suspended_since,
			issuer_revocation,
			issuer: verdict.issuer.map(IssuerJson::from),
			claimed_issuer: verdict.claimed_issuer.map(ClaimedIssuerJson::from),
			anchored_by: verdict.anchored_by.iter().map(address).collect(),
			warnings: verdict.warnings.into_iter().map(WarningJson::from).collect(),
			issued_at_block: verdict.issued_at,
			issued_at_time: verdict.issued_on,
			valid_from: terms.valid_from,
			valid_until: terms.valid_until,
			achievement: terms.achievement.map(|id| hex(&id)),
			holder_commitment: terms.holder.map(|commitment| hex(&commitment)),
			batch: verdict
				.batch
				.map(|batch| BatchJson { root: hex(&batch.root), leaf_count: batch.leaf_count }),
			read_at: ReadAtJson {
				block: at.number,
				hash: hex(at.hash.as_bytes()),
				time: verdict.read_on,
			},
		}
	}
}

impl From<IssuerSummary<AccountId, BlockNumber>> for IssuerJson {
	fn from(issuer: IssuerSummary<AccountId, BlockNumber>) -> Self {
		let (standing, withdrawal_reason) = match issuer.standing {
			IssuerStanding::Applicant => ("applicant", None),
			IssuerStanding::Accredited => ("accredited", None),
			IssuerStanding::Suspended => ("suspended", None),
			IssuerStanding::Withdrawn(reason) => ("withdrawn", Some(withdrawal_reason(reason))),
		};
		Self {
			account: address(&issuer.account),
			key: address(&issuer.key),
			name: text(&issuer.name),
			uri: text(&issuer.uri),
			identifiers: issuer.identifiers.iter().map(|id| text(id)).collect(),
			country: text(&issuer.country),
			standing,
			withdrawal_reason,
			standing_since_block: issuer.standing_since,
			distrusted_from_block: issuer.distrusted_from,
			successor: issuer.successor.as_ref().map(address),
			successor_name: issuer.successor_name.as_deref().map(text),
		}
	}
}

impl From<ClaimedIssuer<AccountId>> for ClaimedIssuerJson {
	fn from(claim: ClaimedIssuer<AccountId>) -> Self {
		Self {
			identifier: text(&claim.identifier),
			registered_to: claim.registered_to.as_ref().map(address),
		}
	}
}

impl From<VerdictWarning<BlockNumber>> for WarningJson {
	fn from(warning: VerdictWarning<BlockNumber>) -> Self {
		let none = Self { kind: "", since_block: None, reason: None, distrusted_from_block: None };
		match warning {
			VerdictWarning::IssuerNotNamed => Self { kind: "issuerNotNamed", ..none },
			VerdictWarning::IssuerSuspended { since } => {
				Self { kind: "issuerSuspended", since_block: Some(since), ..none }
			}
			VerdictWarning::IssuerWithdrawn { reason, since, distrusted_from } => Self {
				kind: "issuerWithdrawn",
				since_block: Some(since),
				reason: Some(withdrawal_reason(reason)),
				distrusted_from_block: distrusted_from,
			},
		}
	}
}

/// Text the chain stores as UTF-8 bytes, with anything invalid replaced. JSON escapes control
/// characters itself; clients that print it to a terminal must escape them (the chain refuses
/// them in new names and identifiers, but not in records from before storage version 2).
fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// The JSON name of a revocation reason.
fn revocation_reason(reason: RevocationReason) -> &'static str {
	match reason {
		RevocationReason::IssuedInError => "issuedInError",
		RevocationReason::Superseded => "superseded",
		RevocationReason::FraudOrMisconduct => "fraudOrMisconduct",
		RevocationReason::HolderRequest => "holderRequest",
		RevocationReason::Other => "other",
	}
}

/// The JSON name of a withdrawal reason.
fn withdrawal_reason(reason: WithdrawalReason) -> &'static str {
	match reason {
		WithdrawalReason::Closed => "closed",
		WithdrawalReason::Merged => "merged",
		WithdrawalReason::StandardsNotMet => "standardsNotMet",
		WithdrawalReason::Misconduct => "misconduct",
		WithdrawalReason::Voluntary => "voluntary",
		WithdrawalReason::Other => "other",
	}
}
