//! Verification: one answer with everything a verifier needs about a credential — its status at the
//! time of the question, whether the record belongs to the issuer the document names, that issuer's
//! identity and standing, when it was issued and its validity window. The runtime API
//! (`pallets/credentials/runtime-api`) exposes these functions.
//!
//! ## Which record answers
//! Several issuers may have anchored one digest (none can take it from another). A verifier passes
//! the issuer identifier its document names (`issuer` / `issuer.id` of a W3C VC or Open Badges 3.0
//! credential); the record of the issuer registered under that identifier answers. If that issuer
//! has no record of the digest but others do, the answer is `IssuerMismatch`; if the document names
//! no issuer (a PDF) and several issuers anchored it, `AmbiguousIssuer`; a single record answers
//! with the warning `IssuerNotNamed`.
//!
//! ## Precedence
//! The first that applies: `Unknown` (no record at all), `InvalidProof` (batch proof fails),
//! `IssuerMismatch`, `AmbiguousIssuer`, then, on the record that answers: `Revoked`, `Suspended`,
//! `NotYetValid`, `Expired`, `IssuerRevoked` (issued from the block governance distrusted its issuer
//! from), `ComponentRevoked` (a stacked credential one of whose components is revoked, or from a
//! distrusted issuer), and finally `Valid`. `docs/rpc.md` has the same table.
//!
//! ## What was achieved
//! A verdict on a credential that names a registered achievement carries that achievement as it
//! stood when the credential was issued (the version then in force; see `achievement_view`); a
//! stacked credential's verdict lists its components with their status now. A verifier who was
//! shown the holder's identity and salt passes their commitment and learns whether the record
//! commits to that holder.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::{
	achievement_view::{AchievementSummary, ComponentVerdict, HolderCheck},
	batches::verify_leaf,
	Config, CountryCode, CredentialRecordOf, CredentialStatus, CredentialTerms, Digest,
	IssuerStanding, Issuers, Moment, Pallet, RevocationReason, WithdrawalReason,
};

/// A credential's status as a verifier sees it now.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum VerdictStatus<BlockNumber> {
	/// Issued by the issuer the document names (if it names one), in force, within its validity
	/// window, and its issuer is trusted for it.
	Valid,
	/// Revoked for good.
	Revoked {
		/// Why.
		reason: RevocationReason,
		/// The block it was revoked in.
		at: BlockNumber,
	},
	/// Suspended by its issuer; it may be reinstated.
	Suspended {
		/// The block it was suspended in.
		since: BlockNumber,
	},
	/// Its validity window ended.
	Expired {
		/// When (ms since the Unix epoch).
		at: Moment,
	},
	/// Its validity window has not begun.
	NotYetValid {
		/// When it begins (ms since the Unix epoch).
		from: Moment,
	},
	/// Governance withdrew its issuer and distrusts what that issuer issued from block `since`
	/// on, which includes this credential.
	IssuerRevoked {
		/// The first distrusted block.
		since: BlockNumber,
		/// Why the issuer was withdrawn.
		reason: WithdrawalReason,
	},
	/// The document names an issuer that has no record of it; other issuers anchored it. The
	/// document does not come from the issuer it names.
	IssuerMismatch,
	/// The document names no issuer, and several issuers anchored it: the verifier must say
	/// which issuer it expects.
	AmbiguousIssuer,
	/// No credential with this digest was issued (or the document was altered).
	Unknown,
	/// The batch exists, but the proof does not show the leaf is in it.
	InvalidProof,
	/// A stacked credential one of whose components was revoked (or was issued by an issuer
	/// governance distrusts for it): the award no longer stands.
	ComponentRevoked {
		/// The first such component's digest.
		component: Digest,
	},
}

/// Something a verifier should know about a verdict, whatever its status.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum VerdictWarning<BlockNumber> {
	/// The document names no issuer (a PDF, or no issuer identifier was passed): the record was
	/// attributed by the chain alone; check the issuer shown is the one expected.
	IssuerNotNamed,
	/// The issuer's accreditation is suspended now.
	IssuerSuspended {
		/// Since which block.
		since: BlockNumber,
	},
	/// The issuer's accreditation was withdrawn; the credential stays as its status says (issued
	/// before any distrusted block).
	IssuerWithdrawn {
		/// Why.
		reason: WithdrawalReason,
		/// In which block.
		since: BlockNumber,
		/// The first distrusted block, if governance named one.
		distrusted_from: Option<BlockNumber>,
	},
}

/// What a verifier learns about an issuer.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct IssuerSummary<AccountId, BlockNumber> {
	/// Its identity: the account it registered with, which never changes.
	pub account: AccountId,
	/// The account that signs as the issuer now.
	pub key: AccountId,
	/// Its name, UTF-8.
	pub name: Vec<u8>,
	/// Its website or DID URI, UTF-8.
	pub uri: Vec<u8>,
	/// Further identifiers its documents may name as their issuer, UTF-8.
	pub identifiers: Vec<Vec<u8>>,
	/// Its ISO 3166-1 alpha-2 country code.
	pub country: CountryCode,
	/// Its standing now.
	pub standing: IssuerStanding,
	/// The block its standing last changed in.
	pub standing_since: BlockNumber,
	/// The first block whose credentials from it are distrusted, if governance named one.
	pub distrusted_from: Option<BlockNumber>,
	/// The institution that took over its credentials, if any.
	pub successor: Option<AccountId>,
	/// That institution's name, UTF-8.
	pub successor_name: Option<Vec<u8>>,
}

/// The issuer a document names, as the verifier passed it, and whom the chain registered it to.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ClaimedIssuer<AccountId> {
	/// The identifier, as given.
	pub identifier: Vec<u8>,
	/// The issuer registered under it (compared in normalized form), if any.
	pub registered_to: Option<AccountId>,
}

/// The Merkle batch a credential was verified in.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct BatchSummary {
	/// The batch's root.
	pub root: Digest,
	/// Its number of leaves.
	pub leaf_count: u32,
}

/// The answer to "is this credential valid?", read at one block.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Verdict<AccountId, BlockNumber> {
	/// The credential's status now.
	pub status: VerdictStatus<BlockNumber>,
	/// The issuer of the record that answers; for `IssuerMismatch` with one other anchoring
	/// issuer, that issuer.
	pub issuer: Option<IssuerSummary<AccountId, BlockNumber>>,
	/// The issuer the document names, if the verifier passed one.
	pub claimed_issuer: Option<ClaimedIssuer<AccountId>>,
	/// For `IssuerMismatch` and `AmbiguousIssuer`: the issuers that did anchor the digest (at
	/// most [`MAX_LISTED_ANCHORS`]).
	pub anchored_by: Vec<AccountId>,
	/// What the verifier should know besides the status.
	pub warnings: Vec<VerdictWarning<BlockNumber>>,
	/// The block it was issued in.
	pub issued_at: Option<BlockNumber>,
	/// The time of that block (ms since the Unix epoch).
	pub issued_on: Option<Moment>,
	/// Its terms: validity window, achievement id, holder commitment.
	pub terms: Option<CredentialTerms>,
	/// The Merkle batch it belongs to, when verified in one.
	pub batch: Option<BatchSummary>,
	/// The block the answer was read at.
	pub read_at: BlockNumber,
	/// The time of that block (ms since the Unix epoch): the time expiry is judged against.
	pub read_on: Moment,
	/// The achievement it certifies, as it stood when it was issued, if it names a registered one.
	pub achievement: Option<AchievementSummary<AccountId, BlockNumber>>,
	/// For a stacked credential: the component credentials it cites, with their status now.
	pub components: Vec<ComponentVerdict<AccountId, BlockNumber>>,
	/// Whether the record commits to the holder the verifier passed, if it passed one.
	pub holder_check: Option<HolderCheck>,
}

/// The most issuers a verdict lists as having anchored one digest or root.
pub const MAX_LISTED_ANCHORS: usize = 8;

/// A verdict with this runtime's types.
pub type VerdictOf<T> = Verdict<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// An issuer summary with this runtime's types.
pub type IssuerSummaryOf<T> =
	IssuerSummary<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// Which record of a digest answers the verifier, if any.
enum Attribution<Record, AccountId> {
	/// This one.
	Record(Record),
	/// None: the named issuer has no record, these issuers do.
	Mismatch(Vec<AccountId>),
	/// None: the document names no issuer and these issuers all have a record.
	Ambiguous(Vec<AccountId>),
	/// None: nobody anchored the digest.
	Unknown,
}

/// Picks the record that answers: that of the issuer `claim` is registered to, or, when the
/// document names no issuer, the only one. `own` reads one issuer's record, `all` every record (at
/// most [`MAX_LISTED_ANCHORS`]), `issuer_of` gives a record's issuer.
fn attribute<Record, AccountId: Clone>(
	claim: Option<&ClaimedIssuer<AccountId>>,
	own: impl FnOnce(&AccountId) -> Option<Record>,
	all: impl FnOnce() -> Vec<Record>,
	issuer_of: impl Fn(&Record) -> &AccountId,
) -> Attribution<Record, AccountId> {
	if let Some(claim) = claim {
		if let Some(record) = claim.registered_to.as_ref().and_then(own) {
			return Attribution::Record(record);
		}
	}
	let mut records = all();
	let anchors = || records.iter().map(|record| issuer_of(record).clone()).collect();
	match (claim, records.len()) {
		(_, 0) => Attribution::Unknown,
		(Some(_), _) => Attribution::Mismatch(anchors()),
		(None, 1) => Attribution::Record(records.remove(0)),
		(None, _) => Attribution::Ambiguous(anchors()),
	}
}

/// The parts of a credential or batch record a verdict is made from.
struct Answer<AccountId, BlockNumber> {
	issuer: AccountId,
	issued_at: BlockNumber,
	issued_on: Moment,
	terms: CredentialTerms,
	status: CredentialStatus<AccountId, BlockNumber>,
	batch: Option<BatchSummary>,
	/// The credential's digest, for a record of one credential (not a batch leaf).
	digest: Option<Digest>,
}

impl<T: Config> Pallet<T> {
	/// What a verifier learns about `account`, if it is a registered issuer.
	pub fn issuer_summary(account: T::AccountId) -> Option<IssuerSummaryOf<T>> {
		let record = Issuers::<T>::get(&account)?;
		let successor_name = record
			.successor
			.as_ref()
			.and_then(Issuers::<T>::get)
			.map(|successor| successor.profile.name.into_inner());
		Some(IssuerSummary {
			account,
			key: record.key,
			name: record.profile.name.into_inner(),
			uri: record.profile.uri.into_inner(),
			identifiers: record.profile.identifiers.into_iter().map(|id| id.into_inner()).collect(),
			country: record.profile.country,
			standing: record.standing,
			standing_since: record.standing_since,
			distrusted_from: record.distrusted_from,
			successor: record.successor,
			successor_name,
		})
	}

	/// What a verifier learns about the issuer registered under the identifier `uri`.
	pub fn issuer_summary_by_identifier(uri: Vec<u8>) -> Option<IssuerSummaryOf<T>> {
		Self::issuer_summary(Self::issuer_by_identifier(&uri)?)
	}

	/// The claimed issuer `identifier`, with the issuer registered under it.
	fn claim(identifier: Option<Vec<u8>>) -> Option<ClaimedIssuer<T::AccountId>> {
		identifier.map(|identifier| ClaimedIssuer {
			registered_to: Self::issuer_by_identifier(&identifier),
			identifier,
		})
	}

	/// The verdict on the credential `digest`, issued one by one or in an `issue_batch`, for a
	/// document that names `claimed_issuer` as its issuer (`None`: it names none), checked against
	/// the holder commitment `holder` if the verifier passes one.
	pub fn verify(
		digest: Digest,
		claimed_issuer: Option<Vec<u8>>,
		holder: Option<Digest>,
	) -> VerdictOf<T> {
		let (read_at, read_on) = Self::now();
		let claim = Self::claim(claimed_issuer);
		let attribution = attribute(
			claim.as_ref(),
			|issuer| Self::credential_of(&digest, issuer),
			|| Self::credentials_of_digest(&digest, MAX_LISTED_ANCHORS),
			|record| &record.issuer,
		);
		let record = match attribution {
			Attribution::Record(record) => record,
			other => return Self::unattributed(other.into(), claim, None, read_at, read_on),
		};
		let holder_check = holder.map(|shown| HolderCheck::of(record.terms.holder, &shown));
		let answer = Answer {
			issuer: record.issuer,
			issued_at: record.issued_at,
			issued_on: record.issued_on,
			terms: record.terms,
			status: record.status,
			batch: None,
			digest: Some(digest),
		};
		Verdict { holder_check, ..Self::answered(answer, claim, read_at, read_on) }
	}

	/// The verdict on the credential `leaf`, claimed by `proof` to be the leaf at `leaf_index` of
	/// the Merkle batch `root`, for a document that names `claimed_issuer` as its issuer.
	pub fn verify_in_batch(
		root: Digest,
		leaf: Digest,
		leaf_index: u32,
		proof: Vec<Digest>,
		claimed_issuer: Option<Vec<u8>>,
	) -> VerdictOf<T> {
		let (read_at, read_on) = Self::now();
		let claim = Self::claim(claimed_issuer);
		let attribution = attribute(
			claim.as_ref(),
			|issuer| Self::batch_of(&root, issuer),
			|| Self::batches_of_root(&root, MAX_LISTED_ANCHORS),
			|(_, batch)| &batch.issuer,
		);
		let (slot, batch) = match attribution {
			Attribution::Record(found) => found,
			other => return Self::unattributed(other.into(), claim, None, read_at, read_on),
		};
		let summary = BatchSummary { root, leaf_count: batch.leaf_count };
		if !verify_leaf(&root, batch.leaf_count, leaf_index, &leaf, &proof) {
			let unproven = Unattributed::InvalidProof;
			return Self::unattributed(unproven, claim, Some(summary), read_at, read_on);
		}
		// A revoked batch outranks its leaves; otherwise a leaf's own status outranks the batch's.
		let status = match (&batch.status, Self::leaf_status(&root, slot, &batch.issuer, &leaf)) {
			(CredentialStatus::Revoked { .. }, _) | (_, None) => batch.status,
			(_, Some(leaf_status)) => leaf_status,
		};
		let answer = Answer {
			issuer: batch.issuer,
			issued_at: batch.issued_at,
			issued_on: batch.issued_on,
			terms: batch.terms,
			status,
			batch: Some(summary),
			digest: None,
		};
		Self::answered(answer, claim, read_at, read_on)
	}

	/// The verdict when a record answers: its status judged at `read_on`, then against its
	/// issuer's standing, then, for a stacked credential, against its components.
	fn answered(
		answer: Answer<T::AccountId, BlockNumberFor<T>>,
		claim: Option<ClaimedIssuer<T::AccountId>>,
		read_at: BlockNumberFor<T>,
		read_on: Moment,
	) -> VerdictOf<T> {
		let components = answer
			.digest
			.map(|digest| Self::component_verdicts(&digest, &answer.issuer, read_on))
			.unwrap_or_default();
		let achievement = answer
			.terms
			.achievement
			.and_then(|id| Self::certified_achievement(id, &answer.issued_at));
		let issuer = Self::issuer_summary(answer.issuer);
		let mut status = status_at(&answer.status, &answer.terms, read_on);
		let mut warnings = Vec::new();
		if claim.is_none() {
			warnings.push(VerdictWarning::IssuerNotNamed);
		}
		if let Some(issuer) = &issuer {
			match distrust(&status, &answer.issued_at, issuer.standing, issuer.distrusted_from) {
				Some(distrusted) => status = distrusted,
				None => match issuer.standing {
					IssuerStanding::Withdrawn(reason) => {
						warnings.push(VerdictWarning::IssuerWithdrawn {
							reason,
							since: issuer.standing_since.clone(),
							distrusted_from: issuer.distrusted_from.clone(),
						});
					}
					IssuerStanding::Suspended => {
						warnings.push(VerdictWarning::IssuerSuspended {
							since: issuer.standing_since.clone(),
						});
					}
					_ => {}
				},
			}
		}
		if status == VerdictStatus::Valid {
			if let Some(fallen) = components.iter().find(|component| {
				matches!(
					component.status,
					VerdictStatus::Revoked { .. } | VerdictStatus::IssuerRevoked { .. }
				)
			}) {
				status = VerdictStatus::ComponentRevoked { component: fallen.digest };
			}
		}
		Verdict {
			status,
			issuer,
			claimed_issuer: claim,
			anchored_by: Vec::new(),
			warnings,
			issued_at: Some(answer.issued_at),
			issued_on: Some(answer.issued_on),
			terms: Some(answer.terms),
			batch: answer.batch,
			read_at,
			read_on,
			achievement,
			components,
			holder_check: None,
		}
	}

	/// The status of the credential `record` at time `now`, judged against its issuer's standing:
	/// what a component of a stacked credential is judged by.
	pub(crate) fn judged_status(
		record: &CredentialRecordOf<T>,
		now: Moment,
	) -> VerdictStatus<BlockNumberFor<T>> {
		let status = status_at(&record.status, &record.terms, now);
		let Some(issuer) = Issuers::<T>::get(&record.issuer) else { return status };
		distrust(&status, &record.issued_at, issuer.standing, issuer.distrusted_from)
			.unwrap_or(status)
	}

	/// The verdict when no record answers.
	fn unattributed(
		why: Unattributed<T::AccountId>,
		claim: Option<ClaimedIssuer<T::AccountId>>,
		batch: Option<BatchSummary>,
		read_at: BlockNumberFor<T>,
		read_on: Moment,
	) -> VerdictOf<T> {
		let (status, anchored_by) = match why {
			Unattributed::Mismatch(anchors) => (VerdictStatus::IssuerMismatch, anchors),
			Unattributed::Ambiguous(anchors) => (VerdictStatus::AmbiguousIssuer, anchors),
			Unattributed::Unknown => (VerdictStatus::Unknown, Vec::new()),
			Unattributed::InvalidProof => (VerdictStatus::InvalidProof, Vec::new()),
		};
		let issuer = match &anchored_by[..] {
			[only] if status == VerdictStatus::IssuerMismatch => Self::issuer_summary(only.clone()),
			_ => None,
		};
		Verdict {
			status,
			issuer,
			claimed_issuer: claim,
			anchored_by,
			warnings: Vec::new(),
			issued_at: None,
			issued_on: None,
			terms: None,
			batch,
			read_at,
			read_on,
			achievement: None,
			components: Vec::new(),
			holder_check: None,
		}
	}
}

/// Why no record answers a verifier.
enum Unattributed<AccountId> {
	/// The named issuer has no record; these issuers do.
	Mismatch(Vec<AccountId>),
	/// The document names no issuer; these issuers all have a record.
	Ambiguous(Vec<AccountId>),
	/// Nobody anchored the digest.
	Unknown,
	/// The batch proof does not hold.
	InvalidProof,
}

impl<Record, AccountId> From<Attribution<Record, AccountId>> for Unattributed<AccountId> {
	/// Why no record answers, for an attribution that found none (a record is handled before).
	fn from(attribution: Attribution<Record, AccountId>) -> Self {
		match attribution {
			Attribution::Record(_) | Attribution::Unknown => Self::Unknown,
			Attribution::Mismatch(anchors) => Self::Mismatch(anchors),
			Attribution::Ambiguous(anchors) => Self::Ambiguous(anchors),
		}
	}
}

/// `IssuerRevoked`, when a credential otherwise `status`, issued in block `issued_at` by an issuer
/// in `standing`, falls from the block governance distrusts that issuer from.
fn distrust<BlockNumber: Clone + PartialOrd>(
	status: &VerdictStatus<BlockNumber>,
	issued_at: &BlockNumber,
	standing: IssuerStanding,
	distrusted_from: Option<BlockNumber>,
) -> Option<VerdictStatus<BlockNumber>> {
	match (standing, distrusted_from) {
		(IssuerStanding::Withdrawn(reason), Some(from))
			if *status == VerdictStatus::Valid && *issued_at >= from =>
		{
			Some(VerdictStatus::IssuerRevoked { since: from, reason })
		}
		_ => None,
	}
}

/// A recorded status, judged at time `now` against the validity window: revocation outranks
/// suspension, which outranks the window. A credential is valid from `valid_from` (inclusive) until
/// `valid_until` (exclusive).
fn status_at<AccountId, BlockNumber: Clone>(
	status: &CredentialStatus<AccountId, BlockNumber>,
	terms: &CredentialTerms,
	now: Moment,
) -> VerdictStatus<BlockNumber> {
	match status {
		CredentialStatus::Revoked { reason, at, .. } => {
			VerdictStatus::Revoked { reason: *reason, at: at.clone() }
		}
		CredentialStatus::Suspended { since, .. } => {
			VerdictStatus::Suspended { since: since.clone() }
		}
		CredentialStatus::Active => match (terms.valid_from, terms.valid_until) {
			(Some(from), _) if now < from => VerdictStatus::NotYetValid { from },
			(_, Some(until)) if now >= until => VerdictStatus::Expired { at: until },
			_ => VerdictStatus::Valid,
		},
	}
}
