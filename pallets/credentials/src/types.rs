//! The types the credentials pallet stores and takes as call arguments.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	pallet_prelude::ConstU32, traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;

/// A 32-byte digest: the SHA-256 of a credential's canonical document, a Merkle root, or an id.
pub type Digest = [u8; 32];

/// Milliseconds since the Unix epoch.
pub type Moment = u64;

/// An ISO 3166-1 alpha-2 country code, two upper-case ASCII letters (`b"NL"`).
pub type CountryCode = [u8; 2];

/// The deepest Merkle proof a batch leaf can need: a tree of up to 2³² leaves.
pub type MerkleProof = BoundedVec<Digest, ConstU32<32>>;

/// The key under which a name or identifier is reserved for one issuer: the BLAKE2-256 of its
/// normalized form (see `identity::normalized`), so that names differing only in case, Unicode
/// composition or compatibility forms share one key.
pub type IdentityKey = [u8; 32];

/// What an institution tells the chain about itself when it applies to issue credentials.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxName, MaxUri, MaxIdentifiers))]
#[codec(mel_bound())]
pub struct IssuerProfile<MaxName: Get<u32>, MaxUri: Get<u32>, MaxIdentifiers: Get<u32>> {
	/// The institution's name, UTF-8. Unique across issuers once normalized.
	pub name: BoundedVec<u8, MaxName>,
	/// The institution's website or DID URI, UTF-8: its main identifier. Unique across issuers
	/// once normalized.
	pub uri: BoundedVec<u8, MaxUri>,
	/// Where the institution is established.
	pub country: CountryCode,
	/// Further identifiers its credential documents may name as their `issuer` (DIDs, other
	/// URLs). Each is unique across issuers, like `uri`.
	pub identifiers: BoundedVec<BoundedVec<u8, MaxUri>, MaxIdentifiers>,
}

impl<MaxName: Get<u32>, MaxUri: Get<u32>, MaxIdentifiers: Get<u32>>
	IssuerProfile<MaxName, MaxUri, MaxIdentifiers>
{
	/// Every identifier a credential document of this issuer may name: `uri`, then `identifiers`.
	pub fn all_identifiers(&self) -> impl Iterator<Item = &[u8]> {
		core::iter::once(&self.uri[..]).chain(self.identifiers.iter().map(|id| &id[..]))
	}
}

/// An issuer's standing with the consortium.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum IssuerStanding {
	/// Registered and waiting for accreditation: cannot issue yet.
	Applicant,
	/// Accredited: may issue, suspend, reinstate and revoke.
	Accredited,
	/// Accreditation suspended: may not issue or reinstate, may still suspend and revoke.
	Suspended,
	/// Accreditation withdrawn for good: may do nothing; what it issued stays verifiable.
	Withdrawn(WithdrawalReason),
}

impl IssuerStanding {
	/// Whether an issuer in this standing may issue new credentials.
	pub fn may_issue(&self) -> bool {
		matches!(self, Self::Accredited)
	}

	/// Whether an issuer in this standing may suspend or revoke credentials in its care.
	pub fn may_restrict(&self) -> bool {
		matches!(self, Self::Accredited | Self::Suspended)
	}

	/// Whether an issuer in this standing may lift a credential's suspension.
	pub fn may_reinstate(&self) -> bool {
		matches!(self, Self::Accredited)
	}
}

/// Why the consortium withdrew an issuer's accreditation. Withdrawal for `Misconduct` names the block
/// from which the issuer's credentials are no longer trusted; withdrawal because the institution
/// `Closed` or `Merged` never does (its credentials outlive it).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum WithdrawalReason {
	/// The institution closed.
	Closed,
	/// The institution merged into another.
	Merged,
	/// The institution no longer meets the consortium's standards.
	StandardsNotMet,
	/// Fraud or misconduct.
	Misconduct,
	/// The institution asked to leave.
	Voluntary,
	/// Another reason, recorded off chain.
	#[serde(other)]
	Other,
}

impl WithdrawalReason {
	/// Whether governance must name the block from which the issuer's credentials are distrusted.
	pub fn requires_distrust(&self) -> bool {
		matches!(self, Self::Misconduct)
	}

	/// Whether governance may name such a block: never when the institution closed or merged.
	pub fn allows_distrust(&self) -> bool {
		!matches!(self, Self::Closed | Self::Merged)
	}
}

/// An issuer as the chain keeps it. Never deleted once accredited.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxName, MaxUri, MaxIdentifiers, MaxDelegates))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct IssuerRecord<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxName: Get<u32>,
	MaxUri: Get<u32>,
	MaxIdentifiers: Get<u32>,
	MaxDelegates: Get<u32>,
> {
	/// What the institution says about itself, as governance approved it.
	pub profile: IssuerProfile<MaxName, MaxUri, MaxIdentifiers>,
	/// The account that signs as the issuer now. The issuer's identity is the account it
	/// registered with (the key of its record), which never changes; governance may move the
	/// signing key (key loss, compromise) without touching what the issuer issued.
	pub key: AccountId,
	/// Its standing now.
	pub standing: IssuerStanding,
	/// The block it registered in.
	pub registered_at: BlockNumber,
	/// The block its standing last changed in.
	pub standing_since: BlockNumber,
	/// The institution that took over its credentials, once governance named one.
	pub successor: Option<AccountId>,
	/// The delegate accounts (registrar staff keys) that act for it.
	pub delegates: BoundedVec<AccountId, MaxDelegates>,
	/// The first block whose credentials from this issuer are no longer trusted, when governance
	/// withdrew it for misconduct.
	pub distrusted_from: Option<BlockNumber>,
}

/// An account allowed to sign for an issuer — the issuer's own account or one of its delegates —
/// with a copy of the issuer's standing, so that issuing needs one read to authorize.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SignerRecord<AccountId> {
	/// The issuer the account signs for.
	pub issuer: AccountId,
	/// The issuer's standing, kept equal to its `IssuerRecord::standing`.
	pub standing: IssuerStanding,
}

/// Why a credential was revoked.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum RevocationReason {
	/// The credential should never have been issued.
	IssuedInError,
	/// A newer credential replaces it.
	Superseded,
	/// It was obtained by fraud, or its holder committed misconduct.
	FraudOrMisconduct,
	/// Its holder asked for it to be revoked.
	HolderRequest,
	/// Another reason, recorded off chain.
	#[serde(other)]
	Other,
}

/// A credential's status, as its issuer (or successor) set it. Expiry is not a status: it follows
/// from the validity window and the time of verification.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum CredentialStatus<AccountId, BlockNumber> {
	/// In force.
	Active,
	/// Suspended since `since` by `by`; may be reinstated.
	Suspended {
		/// The block it was suspended in.
		since: BlockNumber,
		/// The account that suspended it.
		by: AccountId,
	},
	/// Revoked for good in block `at` by `by`.
	Revoked {
		/// Why.
		reason: RevocationReason,
		/// The block it was revoked in.
		at: BlockNumber,
		/// The account that revoked it.
		by: AccountId,
	},
}

/// What an issuer gives to issue one credential. Only digests and ids: no personal data.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct CredentialTerms {
	/// When it becomes valid (ms since the Unix epoch), if not at once.
	pub valid_from: Option<Moment>,
	/// When it stops being valid (ms since the Unix epoch), if ever.
	pub valid_until: Option<Moment>,
	/// A 32-byte id of what it certifies (an achievement or schema).
	pub achievement: Option<Digest>,
	/// A salted hash that commits to the holder, never a name.
	pub holder: Option<Digest>,
}

impl CredentialTerms {
	/// Whether the validity window is well formed: it ends after it starts.
	pub fn window_is_valid(&self) -> bool {
		match (self.valid_from, self.valid_until) {
			(Some(from), Some(until)) => from < until,
			_ => true,
		}
	}
}

/// One credential of a batch: its digest and terms.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct CredentialInput {
	/// The SHA-256 of the credential's canonical document.
	pub digest: Digest,
	/// Its terms.
	pub terms: CredentialTerms,
}

/// A credential record, keyed by its digest. Never deleted.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct CredentialRecord<AccountId, BlockNumber> {
	/// The issuer it was issued by.
	pub issuer: AccountId,
	/// The block it was issued in.
	pub issued_at: BlockNumber,
	/// The time of that block (ms since the Unix epoch).
	pub issued_on: Moment,
	/// Its terms.
	pub terms: CredentialTerms,
	/// Its status.
	pub status: CredentialStatus<AccountId, BlockNumber>,
}

/// A Merkle batch, keyed by its root: many credentials anchored in one extrinsic. Never deleted.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct BatchRecord<AccountId, BlockNumber> {
	/// The issuer it was anchored by.
	pub issuer: AccountId,
	/// The number of leaves (credentials) of the tree.
	pub leaf_count: u32,
	/// The block it was anchored in.
	pub issued_at: BlockNumber,
	/// The time of that block (ms since the Unix epoch).
	pub issued_on: Moment,
	/// The terms every credential of the batch shares (the holder commitment, if any, is per
	/// credential and lives in the document).
	pub terms: CredentialTerms,
	/// The status of the batch as a whole; a leaf may also have a status of its own.
	pub status: CredentialStatus<AccountId, BlockNumber>,
}

/// How many credential records an issuer may write: per block, so that one issuer cannot fill every
/// block, and per quota day, so that one issuer cannot grow the chain's state without bound. A
/// Merkle batch counts as one record, whatever its number of leaves (it is one record on chain).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct IssuanceQuota {
	/// The most records per block.
	pub per_block: u32,
	/// The most records per quota day (`Config::QuotaDay` blocks).
	pub per_day: u32,
}

/// What an issuer wrote in the current block and quota day, and the quota governance set for it.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct IssuanceRecord<BlockNumber> {
	/// The quota governance set for this issuer; `None` means the runtime's default.
	pub quota: Option<IssuanceQuota>,
	/// The block `in_block` counts.
	pub block: BlockNumber,
	/// Records written in `block`.
	pub in_block: u32,
	/// The first block of the quota day `in_day` counts.
	pub day_start: BlockNumber,
	/// Records written in that quota day.
	pub in_day: u32,
}
