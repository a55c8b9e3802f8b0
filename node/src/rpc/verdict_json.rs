//! The JSON shape of the `credentials_*` answers: readable field names, statuses and reasons as
//! strings, digests as `0x` hex, accounts as SS58 addresses, times as milliseconds since the Unix
//! epoch. Documented with examples in `docs/rpc.md`.

use credchain_runtime::{AccountId, BlockNumber};
use pallet_credentials_runtime_api::{
	CredentialTerms, Digest, IssuerStanding, IssuerSummary, RevocationReason, Verdict,
	VerdictStatus, WithdrawalReason,
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
	/// `valid`, `revoked`, `suspended`, `expired`, `notYetValid`, `unknown` or `invalidProof`.
	pub status: &'static str,
	/// Why and when it was revoked, when `status` is `revoked`.
	pub revocation: Option<RevocationJson>,
	/// The block it was suspended in, when `status` is `suspended`.
	pub suspended_since: Option<BlockNumber>,
	/// Its issuer, when the credential is known.
	pub issuer: Option<IssuerJson>,
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
	/// Its account (SS58).
	pub account: String,
	/// Its name.
	pub name: String,
	/// Its website or DID URI.
	pub uri: String,
	/// Its ISO 3166-1 alpha-2 country code.
	pub country: String,
	/// `applicant`, `accredited`, `suspended` or `withdrawn`.
	pub standing: &'static str,
	/// Why its accreditation was withdrawn, when `standing` is `withdrawn`.
	pub withdrawal_reason: Option<&'static str>,
	/// The block its standing last changed in.
	pub standing_since_block: BlockNumber,
	/// The institution that took over its credentials (SS58), if any.
	pub successor: Option<String>,
}

impl VerdictJson {
	/// Renders `verdict` on `digest`, read at `at`.
	pub fn new(digest: Digest, verdict: Verdict<AccountId, BlockNumber>, at: ReadAt) -> Self {
		let (status, revocation, suspended_since) = match verdict.status {
			VerdictStatus::Valid => ("valid", None, None),
			VerdictStatus::Revoked { reason, at } => (
				"revoked",
				Some(RevocationJson { reason: revocation_reason(reason), block: at }),
				None,
			),
			VerdictStatus::Suspended { since } => ("suspended", None, Some(since)),
			VerdictStatus::Expired { .. } => ("expired", None, None),
			VerdictStatus::NotYetValid { .. } => ("notYetValid", None, None),
			VerdictStatus::Unknown => ("unknown", None, None),
			VerdictStatus::InvalidProof => ("invalidProof", None, None),
		};
		let terms = verdict.terms.unwrap_or_else(CredentialTerms::default);
		Self {
			digest: hex(&digest),
			status,
			revocation,
			suspended_since,
			issuer: verdict.issuer.map(IssuerJson::from),
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
			name: String::from_utf8_lossy(&issuer.name).into_owned(),
			uri: String::from_utf8_lossy(&issuer.uri).into_owned(),
			country: String::from_utf8_lossy(&issuer.country).into_owned(),
			standing,
			withdrawal_reason,
			standing_since_block: issuer.standing_since,
			successor: issuer.successor.as_ref().map(address),
		}
	}
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
