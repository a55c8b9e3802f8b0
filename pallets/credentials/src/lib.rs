//! # Credentials pallet
//!
//! Accredited issuers anchor the digests of academic credentials on chain, and suspend and revoke
//! them; verifiers read a credential's record by its digest. Only digests go on chain: the credential
//! document stays with its holder. A credential stays verifiable after its issuer loses
//! accreditation or ceases to exist: records are never deleted.
//!
//! ## Roles
//! - **Institution / issuer**: an account that registers an [`IssuerProfile`] (its application) and,
//!   once accredited, issues credentials. Its account is its lasting identity; the key that signs as
//!   the issuer can be moved by governance (key loss, or a multisig of its officers). Its name and
//!   identifiers are unique across issuers once normalized, and change only when governance
//!   approves the issuer's proposal (see [`identity`]).
//! - **Delegate**: a registrar staff key that issues and changes statuses for one issuer. The issuer
//!   invites a key and the key accepts (its own consent); the issuer removes delegates and the
//!   delegate may resign, so keys rotate without losing history.
//! - **Accreditation origin** (`Config::AccreditationOrigin`; the consortium council in CredChain's
//!   runtime): accredits, suspends, reinstates and withdraws issuers (naming, after misconduct, the
//!   block from which their credentials are distrusted), rejects applications, names a successor for
//!   a withdrawn issuer, approves profile changes and moves issuer keys.
//! - **Successor**: an accredited institution that governance names to take care of a withdrawn
//!   issuer's credentials (mergers, closures); it may suspend, reinstate and revoke them.
//!
//! ## Issuer standing
//! `Applicant` → `Accredited` ⇄ `Suspended` → `Withdrawn(reason)` (final; from either of the two). An
//! applicant may also be rejected, which removes its application. A suspended issuer may not issue or
//! reinstate, but may still suspend and revoke what it issued.
//!
//! ## Credentials
//! A [`CredentialRecord`] belongs to one issuer and one 32-byte digest and holds the block and time
//! of issuance, its [`CredentialTerms`] (validity window, achievement id, holder commitment) and its
//! [`CredentialStatus`]: `Active` ⇄ `Suspended` → `Revoked(reason)` (final). An issuer can never issue
//! a digest twice, so its revoked credential cannot be re-issued over its tombstone; other issuers may
//! anchor the same digest as their own records, so no issuer can take a digest from another, and a
//! verifier asks for the record of the issuer its document names (see `records` and
//! [`verification`]).
//!
//! Three ways to issue: [`Pallet::issue`] (one), [`Pallet::issue_batch`] (many, each its own record),
//! and [`Pallet::anchor_batch`] (the Merkle root of a batch of any size, constant cost; each leaf can
//! then be suspended or revoked with a Merkle proof against the root, checked with
//! `binary-merkle-tree` over Keccak-256, the same crate the client builds its proofs with).
//!
//! ## Cost of issuing
//! Issuing one credential reads the signer's [`SignerRecord`] (which carries a copy of its issuer's
//! standing, so that one read authorizes) and checks the digest is new, then writes the record: two
//! reads and one write, plus the block timestamp, which the timestamp inherent wrote earlier in the
//! same block. Each extra credential of a batch costs one more existence check and one write.
//!
//! ## Issuance quotas
//! Each issuer may write at most `per_block` credential records per block and `per_day` per quota
//! day (`Config::QuotaDay` blocks); a Merkle batch counts as one record. Governance sets an issuer's
//! quota ([`Pallet::set_issuance_quota`]); otherwise `Config::DefaultIssuanceQuota` applies. A call
//! over the quota fails with [`Error::IssuanceQuotaExceeded`] and writes nothing.
//!
//! ## Wiring
//! `Config::Roles` grants an account the `Issuer` role when it is accredited and the `Delegate` role
//! when it becomes a delegate, and revokes them on withdrawal or removal: that role is what lets the
//! account transact on a chain without a token.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use achievement_types::*;
pub use achievement_view::*;
pub use achievements::{achievement_id_of, is_language_tag};
pub use pallet::*;
pub use types::*;
pub use verification::*;
pub use weights::WeightInfo;

mod access;
pub mod achievement_types;
mod achievement_view;
mod achievements;
mod batches;
mod credentials;
mod delegation;
pub mod identity;
mod invariants;
mod issuers;
pub mod migrations;
mod quota;
mod records;
mod stacking;
pub mod types;
mod verification;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::credentials";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{string::String, vec::Vec};
	use frame_support::{
		pallet_prelude::*,
		traits::{EnsureOrigin, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use pallet_roles::RoleRegistry;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the credentials pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Accredits, suspends, reinstates and withdraws issuers, rejects applications and names
		/// successors.
		type AccreditationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Grants and revokes the roles that let issuers and delegates transact.
		type Roles: RoleRegistry<Self::AccountId>;

		/// The time of the current block.
		type UnixTime: UnixTime;

		/// The longest issuer name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The longest issuer website, DID or other identifier, in bytes.
		#[pallet::constant]
		type MaxUriLength: Get<u32>;

		/// The most identifiers an issuer may register besides its website or DID URI.
		#[pallet::constant]
		type MaxIdentifiers: Get<u32>;

		/// The most delegates one issuer may have.
		#[pallet::constant]
		type MaxDelegates: Get<u32>;

		/// The most credentials one `issue_batch` may carry.
		#[pallet::constant]
		type MaxBatchSize: Get<u32>;

		/// The most applications that may wait for accreditation at once.
		#[pallet::constant]
		type MaxPendingApplications: Get<u32>;

		/// The issuance quota of an issuer for which governance set none.
		#[pallet::constant]
		type DefaultIssuanceQuota: Get<IssuanceQuota>;

		/// The length of a quota day, in blocks.
		#[pallet::constant]
		type QuotaDay: Get<BlockNumberFor<Self>>;

		/// The most skills or alignments an achievement may list.
		#[pallet::constant]
		type MaxAchievementSkills: Get<u32>;

		/// The most versions one achievement may have.
		#[pallet::constant]
		type MaxAchievementVersions: Get<u32>;

		/// The most other issuers an achievement may be shared with.
		#[pallet::constant]
		type MaxAchievementShares: Get<u32>;

		/// The most component achievements a stacking rule may name, and the most component
		/// credentials a stacked credential may cite.
		#[pallet::constant]
		type MaxStackComponents: Get<u32>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// An issuer profile with this runtime's bounds.
	pub type ProfileOf<T> = IssuerProfile<
		<T as Config>::MaxNameLength,
		<T as Config>::MaxUriLength,
		<T as Config>::MaxIdentifiers,
	>;

	/// An issuer record with this runtime's types and bounds.
	pub type IssuerRecordOf<T> = IssuerRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLength,
		<T as Config>::MaxUriLength,
		<T as Config>::MaxIdentifiers,
		<T as Config>::MaxDelegates,
	>;

	/// A credential record with this runtime's types.
	pub type CredentialRecordOf<T> =
		CredentialRecord<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// A batch record with this runtime's types.
	pub type BatchRecordOf<T> =
		BatchRecord<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// A credential status with this runtime's types.
	pub type StatusOf<T> =
		CredentialStatus<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// An achievement definition with this runtime's bounds.
	pub type AchievementDefinitionOf<T> = AchievementDefinition<
		<T as Config>::MaxNameLength,
		<T as Config>::MaxUriLength,
		<T as Config>::MaxAchievementSkills,
	>;

	/// A stacking rule with this runtime's bounds.
	pub type StackingRuleOf<T> = StackingRule<<T as Config>::MaxStackComponents>;

	/// A version of an achievement with this runtime's types and bounds.
	pub type AchievementVersionOf<T> = AchievementVersionRecord<
		BlockNumberFor<T>,
		<T as Config>::MaxNameLength,
		<T as Config>::MaxUriLength,
		<T as Config>::MaxAchievementSkills,
		<T as Config>::MaxStackComponents,
	>;

	/// An achievement record with this runtime's types and bounds.
	pub type AchievementRecordOf<T> = AchievementRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxAchievementVersions,
		<T as Config>::MaxAchievementShares,
	>;

	/// The component credentials a stacked credential cites.
	pub type ComponentsOf<T> = BoundedVec<
		ComponentRef<<T as frame_system::Config>::AccountId>,
		<T as Config>::MaxStackComponents,
	>;

	/// Every issuer that ever registered and was not rejected, by its account.
	#[pallet::storage]
	pub type Issuers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, IssuerRecordOf<T>>;

	/// The accounts that may sign for an accredited or suspended issuer: the issuer's key and its
	/// delegates.
	#[pallet::storage]
	pub type Signers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SignerRecord<T::AccountId>>;

	/// Which issuer holds each name, by the key of its normalized form (see [`identity`]). Names stay
	/// reserved after withdrawal.
	#[pallet::storage]
	pub type IssuerNames<T: Config> = StorageMap<_, Identity, IdentityKey, T::AccountId>;

	/// Which issuer holds each website, DID or other identifier, by the key of its normalized form.
	/// Identifiers stay reserved after withdrawal.
	#[pallet::storage]
	pub type IssuerIdentifiers<T: Config> = StorageMap<_, Identity, IdentityKey, T::AccountId>;

	/// Profile changes issuers proposed, waiting for governance to approve them.
	#[pallet::storage]
	pub type ProfileProposals<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ProfileOf<T>>;

	/// How many issuers are applicants waiting for accreditation.
	#[pallet::storage]
	pub type PendingApplications<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The keys each issuer invited to become its delegates, which have not answered yet. With the
	/// issuer's delegates they are at most `MaxDelegates`.
	#[pallet::storage]
	pub type Invitations<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxDelegates>,
		ValueQuery,
	>;

	/// Each issuer's issuance in the current block and quota day, and its quota if governance set
	/// one.
	#[pallet::storage]
	pub type Issuance<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		IssuanceRecord<BlockNumberFor<T>>,
		ValueQuery,
	>;

	/// The first record of every digest ever issued one by one or in an `issue_batch`. Other
	/// issuers' records of the same digest are in [`CoIssuedCredentials`]; read both through
	/// `records` (see there).
	#[pallet::storage]
	pub type Credentials<T: Config> =
		StorageMap<_, Blake2_128Concat, Digest, CredentialRecordOf<T>>;

	/// The records of a digest made by other issuers than the first: `(digest, issuer)`.
	#[pallet::storage]
	pub type CoIssuedCredentials<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Digest,
		Blake2_128Concat,
		T::AccountId,
		CredentialRecordOf<T>,
	>;

	/// The first Merkle batch anchored with every root. Other issuers' batches with the same root
	/// are in [`CoAnchoredBatches`].
	#[pallet::storage]
	pub type Batches<T: Config> = StorageMap<_, Blake2_128Concat, Digest, BatchRecordOf<T>>;

	/// The batches anchored with a root by other issuers than the first: `(root, issuer)`.
	#[pallet::storage]
	pub type CoAnchoredBatches<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Digest,
		Blake2_128Concat,
		T::AccountId,
		BatchRecordOf<T>,
	>;

	/// The status of a leaf of a batch in [`Batches`] that is not active: `(root, leaf digest)`.
	/// A leaf with no entry is active (unless its whole batch is suspended or revoked).
	#[pallet::storage]
	pub type BatchLeaves<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Digest, Blake2_128Concat, Digest, StatusOf<T>>;

	/// The status of a leaf of a batch in [`CoAnchoredBatches`] that is not active:
	/// `(root, issuer, leaf digest)`.
	#[pallet::storage]
	pub type CoAnchoredLeaves<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, Digest>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, Digest>,
		),
		StatusOf<T>,
	>;

	/// Every achievement ever registered, by its id (a hash the pallet computes, so `Identity` is
	/// safe).
	#[pallet::storage]
	pub type Achievements<T: Config> =
		StorageMap<_, Identity, AchievementId, AchievementRecordOf<T>>;

	/// Every version of every achievement: `(achievement, version)`. Never changed once written.
	#[pallet::storage]
	pub type AchievementVersions<T: Config> = StorageDoubleMap<
		_,
		Identity,
		AchievementId,
		Twox64Concat,
		AchievementVersion,
		AchievementVersionOf<T>,
	>;

	/// How many achievements were registered: the sequence number of the next one.
	#[pallet::storage]
	pub type AchievementCount<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The component credentials each stacked credential cites: `(digest, issuer)`.
	#[pallet::storage]
	pub type StackedComponents<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Digest,
		Blake2_128Concat,
		T::AccountId,
		ComponentsOf<T>,
	>;

	/// The events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An institution applied to become an issuer.
		IssuerRegistered {
			/// The applicant's account.
			issuer: T::AccountId,
		},
		/// An issuer proposed a change of its profile; governance has to approve it.
		ProfileChangeProposed {
			/// The issuer.
			issuer: T::AccountId,
			/// The profile it proposed.
			profile: ProfileOf<T>,
		},
		/// Governance approved an issuer's profile change.
		IssuerProfileChanged {
			/// The issuer.
			issuer: T::AccountId,
			/// Its profile before.
			old: ProfileOf<T>,
			/// Its profile now.
			new: ProfileOf<T>,
		},
		/// Governance moved an issuer's signing key; what it issued stays attributed to it.
		IssuerKeyMoved {
			/// The issuer.
			issuer: T::AccountId,
			/// The key that no longer signs for it.
			old_key: T::AccountId,
			/// The key that signs for it now.
			new_key: T::AccountId,
		},
		/// An applicant was accredited and may now issue.
		IssuerAccredited {
			/// The issuer.
			issuer: T::AccountId,
		},
		/// An issuer's accreditation was suspended: it may not issue until reinstated.
		IssuerSuspended {
			/// The issuer.
			issuer: T::AccountId,
		},
		/// A suspended issuer was reinstated.
		IssuerReinstated {
			/// The issuer.
			issuer: T::AccountId,
		},
		/// An issuer's accreditation was withdrawn for good; what it issued stays verifiable.
		AccreditationWithdrawn {
			/// The issuer.
			issuer: T::AccountId,
			/// Why.
			reason: WithdrawalReason,
			/// The first block whose credentials from it are no longer trusted, if any.
			distrusted_from: Option<BlockNumberFor<T>>,
		},
		/// An application was rejected and removed.
		ApplicationRejected {
			/// The applicant.
			issuer: T::AccountId,
		},
		/// Governance named a successor to take care of a withdrawn issuer's credentials.
		SuccessorNamed {
			/// The withdrawn issuer.
			issuer: T::AccountId,
			/// The successor institution.
			successor: T::AccountId,
		},
		/// An issuer invited a key to become its delegate; the key has not answered yet.
		DelegateInvited {
			/// The issuer.
			issuer: T::AccountId,
			/// The invited key.
			delegate: T::AccountId,
		},
		/// An invited key declined the invitation.
		InvitationDeclined {
			/// The issuer.
			issuer: T::AccountId,
			/// The invited key.
			delegate: T::AccountId,
		},
		/// An invitation was cancelled: by the issuer, or because its accreditation was withdrawn.
		InvitationCancelled {
			/// The issuer.
			issuer: T::AccountId,
			/// The invited key.
			delegate: T::AccountId,
		},
		/// A delegate resigned.
		DelegateResigned {
			/// The issuer.
			issuer: T::AccountId,
			/// The former delegate.
			delegate: T::AccountId,
		},
		/// Governance set an issuer's issuance quota (`None`: back to the runtime's default).
		IssuanceQuotaSet {
			/// The issuer.
			issuer: T::AccountId,
			/// Its quota.
			quota: Option<IssuanceQuota>,
		},
		/// A key accepted an issuer's invitation and became its delegate.
		DelegateAdded {
			/// The issuer.
			issuer: T::AccountId,
			/// The delegate.
			delegate: T::AccountId,
		},
		/// An issuer removed a delegate key.
		DelegateRemoved {
			/// The issuer.
			issuer: T::AccountId,
			/// The delegate.
			delegate: T::AccountId,
		},
		/// A credential was issued.
		CredentialIssued {
			/// Its digest.
			digest: Digest,
			/// Its issuer.
			issuer: T::AccountId,
			/// The account that signed (the issuer or a delegate).
			signer: T::AccountId,
			/// Its terms.
			terms: CredentialTerms,
		},
		/// A credential was suspended.
		CredentialSuspended {
			/// Its digest.
			digest: Digest,
			/// Its issuer.
			issuer: T::AccountId,
			/// The account that suspended it.
			by: T::AccountId,
		},
		/// A suspended credential was reinstated.
		CredentialReinstated {
			/// Its digest.
			digest: Digest,
			/// Its issuer.
			issuer: T::AccountId,
			/// The account that reinstated it.
			by: T::AccountId,
		},
		/// A credential was revoked for good.
		CredentialRevoked {
			/// Its digest.
			digest: Digest,
			/// Its issuer.
			issuer: T::AccountId,
			/// The account that revoked it.
			by: T::AccountId,
			/// Why.
			reason: RevocationReason,
		},
		/// A Merkle batch was anchored.
		BatchAnchored {
			/// Its root.
			root: Digest,
			/// Its issuer.
			issuer: T::AccountId,
			/// The account that signed.
			signer: T::AccountId,
			/// The number of leaves.
			leaf_count: u32,
			/// The terms its credentials share.
			terms: CredentialTerms,
		},
		/// A whole Merkle batch was revoked for good.
		BatchRevoked {
			/// Its root.
			root: Digest,
			/// Its issuer.
			issuer: T::AccountId,
			/// The account that revoked it.
			by: T::AccountId,
			/// Why.
			reason: RevocationReason,
		},
		/// One leaf of a Merkle batch was suspended.
		BatchLeafSuspended {
			/// The batch root.
			root: Digest,
			/// The leaf's credential digest.
			leaf: Digest,
			/// The account that suspended it.
			by: T::AccountId,
		},
		/// A suspended leaf of a Merkle batch was reinstated.
		BatchLeafReinstated {
			/// The batch root.
			root: Digest,
			/// The leaf's credential digest.
			leaf: Digest,
			/// The account that reinstated it.
			by: T::AccountId,
		},
		/// One leaf of a Merkle batch was revoked for good.
		BatchLeafRevoked {
			/// The batch root.
			root: Digest,
			/// The leaf's credential digest.
			leaf: Digest,
			/// The account that revoked it.
			by: T::AccountId,
			/// Why.
			reason: RevocationReason,
		},
		/// An issuer registered an achievement (its version 1).
		AchievementCreated {
			/// Its id.
			achievement: AchievementId,
			/// The issuer that owns it.
			owner: T::AccountId,
			/// Whether credentials of it stack from component credentials.
			stacked: bool,
		},
		/// An issuer published a new version of its achievement; earlier versions stay as they were.
		AchievementVersionPublished {
			/// The achievement.
			achievement: AchievementId,
			/// The new version.
			version: AchievementVersion,
		},
		/// An issuer deprecated its achievement: no new credentials of it.
		AchievementDeprecated {
			/// The achievement.
			achievement: AchievementId,
		},
		/// An issuer let another issuer issue credentials of its achievement.
		AchievementShared {
			/// The achievement.
			achievement: AchievementId,
			/// The other issuer.
			with: T::AccountId,
		},
		/// An issuer stopped sharing its achievement with another issuer.
		AchievementUnshared {
			/// The achievement.
			achievement: AchievementId,
			/// The other issuer.
			with: T::AccountId,
		},
		/// The consortium endorsed an achievement.
		AchievementEndorsed {
			/// The achievement.
			achievement: AchievementId,
		},
		/// The consortium withdrew its endorsement of an achievement.
		AchievementEndorsementWithdrawn {
			/// The achievement.
			achievement: AchievementId,
		},
		/// A credential of a stacked achievement was issued on the strength of its components
		/// (a `CredentialIssued` event precedes it).
		StackedCredentialIssued {
			/// Its digest.
			digest: Digest,
			/// Its issuer.
			issuer: T::AccountId,
			/// The component credentials it cites.
			components: ComponentsOf<T>,
		},
	}

	/// The errors of this pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account already registered as an issuer.
		IssuerAlreadyRegistered,
		/// The account is a delegate of an issuer, so it cannot register as one.
		AccountIsDelegate,
		/// No issuer is registered under that account.
		IssuerNotFound,
		/// The issuer name is empty, not UTF-8, has white space at either end, or has a control,
		/// bidirectional-override or invisible character.
		InvalidName,
		/// A website, DID or other identifier is not a URI (`scheme:` then more, no white space,
		/// UTF-8 without control, bidirectional-override or invisible characters).
		InvalidUri,
		/// The profile gives one identifier twice (once normalized).
		DuplicateIdentifier,
		/// The profile has more identifiers than allowed.
		TooManyIdentifiers,
		/// Another issuer holds this name (compared case- and Unicode-normalized).
		NameTaken,
		/// Another issuer holds one of these identifiers (compared case- and Unicode-normalized).
		IdentifierTaken,
		/// The issuer proposed no profile change.
		ProfileChangeNotProposed,
		/// The profile to approve is not the one the issuer proposed.
		ProfileChangeMismatch,
		/// Withdrawal for misconduct must name the block from which the issuer's credentials are
		/// distrusted.
		DistrustBlockRequired,
		/// An institution that closed or merged keeps its credentials trusted: no distrusted block.
		DistrustNotAllowed,
		/// The distrusted block is after the current block.
		DistrustBlockInFuture,
		/// The country is not two upper-case ASCII letters (ISO 3166-1 alpha-2).
		InvalidCountryCode,
		/// As many applications as allowed already wait for accreditation.
		TooManyPendingApplications,
		/// Only an applicant can be accredited or rejected.
		NotAnApplicant,
		/// Only an accredited issuer can be suspended.
		IssuerNotAccredited,
		/// Only a suspended issuer can be reinstated.
		IssuerNotSuspended,
		/// The issuer's accreditation was withdrawn: it may do nothing more.
		IssuerWithdrawn,
		/// Only a withdrawn issuer can have a successor.
		IssuerNotWithdrawn,
		/// The successor must be another issuer, accredited now.
		InvalidSuccessor,
		/// The signer is neither an accredited or suspended issuer nor a delegate of one.
		NotASigner,
		/// Only the issuer's own key may do this, not a delegate (nor a key governance moved away).
		NotTheIssuerAccount,
		/// The account already signs for an issuer (as the issuer or a delegate).
		AlreadyASigner,
		/// The account is not a delegate of this issuer.
		DelegateNotFound,
		/// The issuer has as many delegates and open invitations as allowed.
		TooManyDelegates,
		/// The issuer already invited this key.
		AlreadyInvited,
		/// This issuer has no open invitation to this key.
		NoInvitation,
		/// The issuer has written as many credential records as its quota allows in this block or
		/// quota day; its quota frees at the next block or the next quota day.
		IssuanceQuotaExceeded,
		/// The issuer is suspended, so it may not issue or reinstate.
		IssuerSuspended,
		/// The validity window ends before it starts.
		InvalidValidityWindow,
		/// A credential with this digest was already issued (perhaps revoked): digests are never
		/// reused.
		CredentialAlreadyExists,
		/// No credential with this digest was issued.
		CredentialNotFound,
		/// The signer is not the credential's issuer, a delegate of it, or its successor.
		NotAuthorized,
		/// The credential or leaf is revoked, which is final.
		AlreadyRevoked,
		/// The credential or leaf is already suspended.
		AlreadySuspended,
		/// The credential or leaf is not suspended, so there is nothing to reinstate.
		NotSuspended,
		/// The batch of credentials is empty.
		EmptyBatch,
		/// A Merkle batch must have at least one leaf.
		NoLeaves,
		/// A Merkle batch with this root was already anchored.
		BatchAlreadyExists,
		/// No Merkle batch with this root was anchored.
		BatchNotFound,
		/// The leaf index is not below the batch's leaf count.
		LeafIndexOutOfRange,
		/// The Merkle proof does not lead from the leaf to the batch's root.
		InvalidMerkleProof,
		/// The achievement's name is empty, not UTF-8, has white space at either end, or has a
		/// control, bidirectional-override or invisible character.
		InvalidAchievementName,
		/// The achievement's URI, criteria URI or a skill is not a URI.
		InvalidAchievementUri,
		/// The EQF level is not between 1 and 8.
		InvalidEqfLevel,
		/// The language tag is not a BCP 47 tag (ASCII letters, digits and hyphens, starting with a
		/// letter).
		InvalidLanguageTag,
		/// A credit value is zero.
		InvalidCredits,
		/// This issuer already registered an achievement with this URI.
		AchievementAlreadyExists,
		/// No achievement with this id is registered.
		UnknownAchievement,
		/// The achievement belongs to another issuer, which has not shared it with this one.
		ForeignAchievement,
		/// Only the issuer that owns the achievement may do this.
		NotTheAchievementOwner,
		/// The achievement is deprecated: no new credentials or versions of it.
		AchievementDeprecated,
		/// A new version must keep the achievement's URI.
		AchievementUriChanged,
		/// A stacked achievement stays stacked and a plain one plain: a new version may change the
		/// rule, not add or remove it.
		StackingKindChanged,
		/// The achievement has as many versions as allowed.
		TooManyAchievementVersions,
		/// The achievement is already shared with this issuer (or it is its owner).
		AlreadyShared,
		/// The achievement is not shared with this issuer.
		NotShared,
		/// The achievement is shared with as many issuers as allowed.
		TooManyShares,
		/// The consortium already endorses this achievement.
		AlreadyEndorsed,
		/// The consortium does not endorse this achievement.
		NotEndorsed,
		/// The stacking rule names no component, names one twice, asks for no component or for more
		/// than it names, or counts credits the stacked achievement has no system for.
		InvalidStackingRule,
		/// A component achievement of the rule was not registered before the stacked achievement
		/// (the achievement itself included), which could make a rule lead back to itself.
		StackingCycle,
		/// Credentials of a stacked achievement are issued with their components
		/// (`issue_stacked`), not on their own.
		ComponentsRequired,
		/// The achievement is not a stacked one: issue its credentials with `issue`.
		NotAStackedAchievement,
		/// A stacked credential must commit to its holder, the holder of its components.
		HolderRequired,
		/// A component credential, or a second credential of one component achievement, is cited
		/// twice.
		DuplicateComponent,
		/// No such component credential: no record of that digest by that issuer.
		ComponentNotFound,
		/// A component credential is not valid now (revoked, suspended, expired, not yet valid, or
		/// from a distrusted issuer).
		ComponentNotValid,
		/// A component credential's holder commitment is not the stacked credential's.
		ComponentHolderMismatch,
		/// A component credential's achievement is not one the rule names.
		ComponentNotInRule,
		/// Fewer component credentials than the rule asks for.
		StackingRuleNotMet,
		/// The component credentials are worth fewer credits than the rule asks for.
		NotEnoughCredits,
	}

	/// An issuer accredited at genesis, for development and test chains.
	#[derive(
		Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize, scale_info::TypeInfo,
	)]
	pub struct GenesisIssuer<AccountId> {
		/// The issuer's account.
		pub account: AccountId,
		/// Its name.
		pub name: String,
		/// Its website or DID URI.
		pub uri: String,
		/// Further identifiers (DIDs, URLs) its documents may name as their issuer.
		#[serde(default)]
		pub identifiers: Vec<String>,
		/// Its ISO 3166-1 alpha-2 country code.
		pub country: String,
		/// Its delegate accounts.
		pub delegates: Vec<AccountId>,
	}

	/// The issuers a chain starts with, all accredited.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The accredited issuers.
		pub issuers: Vec<GenesisIssuer<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for issuer in &self.issuers {
				Pallet::<T>::build_genesis_issuer(issuer).unwrap_or_else(|error| {
					panic!("genesis issuer {:?} is invalid: {error:?}", issuer.name)
				});
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Applies to become an issuer with `profile`. The caller's account becomes the issuer's
		/// lasting identity; the accreditation origin then accredits or rejects it.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_issuer())]
		pub fn register_issuer(origin: OriginFor<T>, profile: ProfileOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_issuer(who, profile)
		}

		/// Proposes `profile` as the caller's new issuer profile; the accreditation origin applies
		/// it with `approve_profile_change`. Its name and identifiers must be free (once
		/// normalized). A later proposal replaces this one. Not after withdrawal.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::propose_profile_change())]
		pub fn propose_profile_change(
			origin: OriginFor<T>,
			profile: ProfileOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose_profile_change(who, profile)
		}

		/// Accredits an applicant, which may then issue.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::accredit_issuer())]
		pub fn accredit_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			T::AccreditationOrigin::ensure_origin(origin)?;
			Self::do_accredit_issuer(issuer)
		}

		/// Suspends an accredited issuer: no new issuance until reinstated.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::suspend_issuer(T::MaxDelegates::get()))]
		pub fn suspend_issuer(
			origin: OriginFor<T>,
			issuer: T::AccountId,
		) -> DispatchResultWithPostInfo {
			T::AccreditationOrigin::ensure_origin(origin)?;
			let delegates = Self::do_set_issuer_standing(issuer, IssuerStanding::Suspended)?;
			Ok(Some(T::WeightInfo::suspend_issuer(delegates)).into())
		}

		/// Reinstates a suspended issuer.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reinstate_issuer(T::MaxDelegates::get()))]
		pub fn reinstate_issuer(
			origin: OriginFor<T>,
			issuer: T::AccountId,
		) -> DispatchResultWithPostInfo {
			T::AccreditationOrigin::ensure_origin(origin)?;
			let delegates = Self::do_set_issuer_standing(issuer, IssuerStanding::Accredited)?;
			Ok(Some(T::WeightInfo::reinstate_issuer(delegates)).into())
		}

		/// Withdraws an accredited or suspended issuer's accreditation for good. Its credentials stay
		/// on chain and verifiable, shown with this standing; its keys lose their roles. Credentials
		/// it issued from block `distrusted_from` on answer `IssuerRevoked`: required for
		/// misconduct, refused when the institution closed or merged.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_accreditation(T::MaxDelegates::get()))]
		pub fn withdraw_accreditation(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			reason: WithdrawalReason,
			distrusted_from: Option<BlockNumberFor<T>>,
		) -> DispatchResultWithPostInfo {
			T::AccreditationOrigin::ensure_origin(origin)?;
			let delegates = Self::do_withdraw_accreditation(issuer, reason, distrusted_from)?;
			Ok(Some(T::WeightInfo::withdraw_accreditation(delegates)).into())
		}

		/// Rejects an application, removing it.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reject_application())]
		pub fn reject_application(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			T::AccreditationOrigin::ensure_origin(origin)?;
			Self::do_reject_application(issuer)
		}

		/// Names `successor`, an accredited issuer, to take care of a withdrawn issuer's credentials.
		/// Naming another later replaces it.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::name_successor())]
		pub fn name_successor(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			successor: T::AccountId,
		) -> DispatchResult {
			T::AccreditationOrigin::ensure_origin(origin)?;
			Self::do_name_successor(issuer, successor)
		}

		/// Invites a key to become a delegate of the caller's issuer: once the key accepts
		/// (`accept_delegation`), it may issue and change statuses for the issuer.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::add_delegate())]
		pub fn add_delegate(origin: OriginFor<T>, delegate: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_invite_delegate(who, delegate)
		}

		/// Removes one of the caller's delegate keys, or cancels an invitation to a key. Always
		/// possible, whatever the key did before.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_delegate())]
		pub fn remove_delegate(origin: OriginFor<T>, delegate: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_delegate(who, delegate)
		}

		/// Issues one credential with the given digest and terms.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::issue())]
		pub fn issue(
			origin: OriginFor<T>,
			digest: Digest,
			terms: CredentialTerms,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_issue(who, CredentialInput { digest, terms })
		}

		/// Issues many credentials at once, each its own record that can be revoked on its own. All
		/// or nothing: one digest already on chain fails the whole batch.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::issue_batch(credentials.len() as u32))]
		pub fn issue_batch(
			origin: OriginFor<T>,
			credentials: BoundedVec<CredentialInput, T::MaxBatchSize>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_issue_batch(who, credentials)
		}

		/// Revokes a credential for good: the caller's issuer's record of `digest`, or, with
		/// `predecessor`, the record of a withdrawn issuer whose successor the caller acts for.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			digest: Digest,
			reason: RevocationReason,
			predecessor: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke(who, digest, reason, predecessor)
		}

		/// Suspends a credential until it is reinstated (`predecessor` as for `revoke`).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(
			origin: OriginFor<T>,
			digest: Digest,
			predecessor: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_suspend(who, digest, predecessor)
		}

		/// Lifts a credential's suspension (`predecessor` as for `revoke`).
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(
			origin: OriginFor<T>,
			digest: Digest,
			predecessor: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reinstate(who, digest, predecessor)
		}

		/// Anchors the Merkle root of a batch of `leaf_count` credentials sharing `terms`, at a cost
		/// that does not depend on the batch size.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::anchor_batch())]
		pub fn anchor_batch(
			origin: OriginFor<T>,
			root: Digest,
			leaf_count: u32,
			terms: CredentialTerms,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_anchor_batch(who, root, leaf_count, terms)
		}

		/// Revokes every credential of a Merkle batch for good: the caller's issuer's batch `root`,
		/// or, with `predecessor`, that of a withdrawn issuer whose successor the caller acts for.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::revoke_batch())]
		pub fn revoke_batch(
			origin: OriginFor<T>,
			root: Digest,
			reason: RevocationReason,
			predecessor: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_batch(who, root, reason, predecessor)
		}

		/// Revokes one credential of a Merkle batch for good, proven to be the leaf at `leaf_index`
		/// (`predecessor` as for `revoke_batch`).
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::revoke_batch_leaf(proof.len() as u32))]
		pub fn revoke_batch_leaf(
			origin: OriginFor<T>,
			root: Digest,
			leaf: Digest,
			leaf_index: u32,
			proof: MerkleProof,
			reason: RevocationReason,
			predecessor: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_batch_leaf(who, root, leaf, leaf_index, proof, reason, predecessor)
		}

		/// Suspends one credential of a Merkle batch, proven to be the leaf at `leaf_index`
		/// (`predecessor` as for `revoke_batch`).
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::suspend_batch_leaf(proof.len() as u32))]
		pub fn suspend_batch_leaf(
			origin: OriginFor<T>,
			root: Digest,
			leaf: Digest,
			leaf_index: u32,
			proof: MerkleProof,
			predecessor: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_suspend_batch_leaf(who, root, leaf, leaf_index, proof, predecessor)
		}

		/// Lifts the suspension of one credential of a Merkle batch (`predecessor` as for
		/// `revoke_batch`).
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::reinstate_batch_leaf())]
		pub fn reinstate_batch_leaf(
			origin: OriginFor<T>,
			root: Digest,
			leaf: Digest,
			predecessor: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reinstate_batch_leaf(who, root, leaf, predecessor)
		}

		/// Registers `issuer` with `profile` and accredits it in one step, on the accreditation
		/// origin's own motion: the way a new institution, whose account holds no role yet and so
		/// cannot send `register_issuer` itself, joins a permissioned chain.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::admit_issuer())]
		pub fn admit_issuer(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			profile: ProfileOf<T>,
		) -> DispatchResult {
			T::AccreditationOrigin::ensure_origin(origin)?;
			Self::do_admit_issuer(issuer, profile)
		}

		/// Sets how many credential records `issuer` may write per block and per quota day, or
		/// returns it to the runtime's default with `None`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::set_issuance_quota())]
		pub fn set_issuance_quota(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			quota: Option<IssuanceQuota>,
		) -> DispatchResult {
			T::AccreditationOrigin::ensure_origin(origin)?;
			Self::do_set_issuance_quota(issuer, quota)
		}

		/// Accepts `issuer`'s invitation: the caller becomes its delegate.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::accept_delegation())]
		pub fn accept_delegation(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_delegation(who, issuer)
		}

		/// The caller stops acting for `issuer`: a delegate resigns, an invited key declines.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::resign_delegation())]
		pub fn resign_delegation(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_resign_delegation(who, issuer)
		}

		/// Applies the profile change `issuer` proposed, which must be exactly `profile` (what the
		/// council voted on). Refused if another issuer holds its name or an identifier.
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::approve_profile_change())]
		pub fn approve_profile_change(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			profile: ProfileOf<T>,
		) -> DispatchResult {
			T::AccreditationOrigin::ensure_origin(origin)?;
			Self::do_approve_profile_change(issuer, profile)
		}

		/// Moves the signing key of an accredited or suspended issuer to `new_key` (key loss or
		/// compromise): the old key stops signing, and every credential the issuer issued stays
		/// attributed to it.
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::move_issuer_key())]
		pub fn move_issuer_key(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			new_key: T::AccountId,
		) -> DispatchResult {
			T::AccreditationOrigin::ensure_origin(origin)?;
			Self::do_move_issuer_key(issuer, new_key)
		}

		/// Registers an achievement of the caller's issuer (its version 1): what its credentials
		/// certify and, for a stacked achievement, how component credentials stack into one. Its
		/// id is `blake2_256("credchain/achievement" ‖ issuer ‖ definition.uri)`. Counts as one
		/// record against the issuer's quota.
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::create_achievement(rule_length::<T>(rule)))]
		pub fn create_achievement(
			origin: OriginFor<T>,
			definition: AchievementDefinitionOf<T>,
			rule: Option<StackingRuleOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_achievement(who, definition, rule)
		}

		/// Publishes a new version of the caller's issuer's achievement; credentials issued from
		/// now on certify it, those issued before keep theirs. Counts as one record against the
		/// issuer's quota.
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::publish_achievement_version(rule_length::<T>(rule)))]
		pub fn publish_achievement_version(
			origin: OriginFor<T>,
			achievement: AchievementId,
			definition: AchievementDefinitionOf<T>,
			rule: Option<StackingRuleOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_publish_achievement_version(who, achievement, definition, rule)
		}

		/// Deprecates the caller's issuer's achievement for good: no new credentials or versions of
		/// it; those issued stay valid.
		#[pallet::call_index(28)]
		#[pallet::weight(T::WeightInfo::deprecate_achievement())]
		pub fn deprecate_achievement(
			origin: OriginFor<T>,
			achievement: AchievementId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deprecate_achievement(who, achievement)
		}

		/// Lets the issuer `with` issue credentials of the caller's issuer's achievement (a joint
		/// programme, a franchise).
		#[pallet::call_index(29)]
		#[pallet::weight(T::WeightInfo::share_achievement())]
		pub fn share_achievement(
			origin: OriginFor<T>,
			achievement: AchievementId,
			with: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_share_achievement(who, achievement, with)
		}

		/// Stops letting the issuer `with` issue credentials of the caller's issuer's achievement;
		/// what it issued stays valid.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::unshare_achievement())]
		pub fn unshare_achievement(
			origin: OriginFor<T>,
			achievement: AchievementId,
			with: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unshare_achievement(who, achievement, with)
		}

		/// The consortium endorses an achievement: a quality mark verdicts show.
		#[pallet::call_index(31)]
		#[pallet::weight(T::WeightInfo::endorse_achievement())]
		pub fn endorse_achievement(
			origin: OriginFor<T>,
			achievement: AchievementId,
		) -> DispatchResult {
			T::AccreditationOrigin::ensure_origin(origin)?;
			Self::do_set_endorsement(achievement, true)
		}

		/// The consortium withdraws its endorsement of an achievement.
		#[pallet::call_index(32)]
		#[pallet::weight(T::WeightInfo::withdraw_endorsement())]
		pub fn withdraw_endorsement(
			origin: OriginFor<T>,
			achievement: AchievementId,
		) -> DispatchResult {
			T::AccreditationOrigin::ensure_origin(origin)?;
			Self::do_set_endorsement(achievement, false)
		}

		/// Issues a credential of a stacked achievement (`terms.achievement`) for the holder
		/// `terms.holder`, citing the component credentials that earn it: each must be valid now,
		/// commit to the same holder, be of an achievement the rule names (one credential per
		/// achievement), and together they must meet the rule's count and credits. All or nothing.
		#[pallet::call_index(33)]
		#[pallet::weight(T::WeightInfo::issue_stacked(components.len() as u32))]
		pub fn issue_stacked(
			origin: OriginFor<T>,
			digest: Digest,
			terms: CredentialTerms,
			components: ComponentsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_issue_stacked(who, CredentialInput { digest, terms }, components)
		}
	}

	/// The number of components `rule` names (0 for none), for weights.
	fn rule_length<T: Config>(rule: &Option<StackingRuleOf<T>>) -> u32 {
		rule.as_ref().map_or(0, |rule| rule.components.len() as u32)
	}

	impl<T: Config> Pallet<T> {
		/// The current block number and time, as stored on a new record.
		pub(crate) fn now() -> (BlockNumberFor<T>, Moment) {
			let millis = T::UnixTime::now().as_millis();
			(frame_system::Pallet::<T>::block_number(), u64::try_from(millis).unwrap_or(u64::MAX))
		}
	}
}
