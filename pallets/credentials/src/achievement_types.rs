//! The types of the achievement registry: what a credential certifies (an Open Badges 3.0
//! `Achievement`, with the European Learning Model's level and credits), and the rules by which
//! credentials stack into bigger awards. `docs/achievements.md` maps them to Open Badges 3.0.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	pallet_prelude::ConstU32, traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;

use crate::Digest;

/// The id of an achievement: `blake2_256("credchain/achievement" ‖ issuer ‖ uri)` (see
/// [`achievement_id`](crate::Pallet::achievement_id)), so that no issuer can take the id of
/// another's achievement.
pub type AchievementId = Digest;

/// A version of an achievement definition, from 1.
pub type AchievementVersion = u16;

/// An IETF BCP 47 language tag (`en`, `nl-BE`), ASCII.
pub type LanguageTag = BoundedVec<u8, ConstU32<16>>;

/// The kind of achievement: Open Badges 3.0's `achievementType` vocabulary.
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
#[allow(missing_docs)]
pub enum AchievementKind {
	Achievement,
	ApprenticeshipCertificate,
	Assessment,
	Assignment,
	AssociateDegree,
	Award,
	Badge,
	BachelorDegree,
	Certificate,
	CertificateOfCompletion,
	Certification,
	CommunityService,
	Competency,
	Course,
	CoCurricular,
	Degree,
	Diploma,
	DoctoralDegree,
	Fieldwork,
	GeneralEducationDevelopment,
	JourneymanCertificate,
	LearningProgram,
	License,
	Membership,
	ProfessionalDoctorate,
	QualityAssuranceCredential,
	MasterCertificate,
	MasterDegree,
	MicroCredential,
	ResearchDoctorate,
	SecondarySchoolDiploma,
}

/// The credit system a credit value is counted in.
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
pub enum CreditSystem {
	/// European Credit Transfer and Accumulation System credits.
	Ects,
	/// Semester credit hours (US).
	CreditHours,
	/// Continuing education units.
	ContinuingEducationUnits,
}

/// A credit value: `hundredths` / 100 credits of `system` (7.5 ECTS is 750).
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
pub struct Credits {
	/// The value in hundredths of a credit.
	pub hundredths: u32,
	/// The system it is counted in.
	pub system: CreditSystem,
}

/// What an achievement certifies: the fields of an Open Badges 3.0 `Achievement` a verifier needs,
/// with the European Learning Model's EQF level. Text is UTF-8.
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
#[scale_info(skip_type_params(MaxName, MaxUri, MaxSkills))]
#[codec(mel_bound())]
pub struct AchievementDefinition<MaxName: Get<u32>, MaxUri: Get<u32>, MaxSkills: Get<u32>> {
	/// The Open Badges `Achievement.id`: the URI the issuer publishes the achievement under. With
	/// the issuer's account it gives the achievement's id; it never changes between versions.
	pub uri: BoundedVec<u8, MaxUri>,
	/// Its name (`Achievement.name`).
	pub name: BoundedVec<u8, MaxName>,
	/// Its kind (`Achievement.achievementType`).
	pub kind: AchievementKind,
	/// Its European Qualifications Framework level, 1 to 8, if it has one.
	pub eqf_level: Option<u8>,
	/// The credits it is worth (`Achievement.creditsAvailable`), if any.
	pub credits: Option<Credits>,
	/// Where its criteria are published (`Achievement.criteria.id`), if anywhere.
	pub criteria_uri: Option<BoundedVec<u8, MaxUri>>,
	/// The SHA-256 of its criteria text (`Achievement.criteria.narrative`), so the text cannot
	/// change unseen.
	pub criteria_digest: Option<Digest>,
	/// The skills and frameworks it aligns to (`Achievement.alignment[].targetUrl`, e.g. ESCO
	/// skill URIs).
	pub skills: BoundedVec<BoundedVec<u8, MaxUri>, MaxSkills>,
	/// The language of its texts (`Achievement.inLanguage`), if given.
	pub language: Option<LanguageTag>,
}

/// How credentials stack into a credential of a stacked achievement: the holder must hold at least
/// `min_count` valid credentials of the `components` achievements (each cited once), worth at least
/// `min_credits` in the stacked achievement's credit system.
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
#[scale_info(skip_type_params(MaxComponents))]
#[codec(mel_bound())]
pub struct StackingRule<MaxComponents: Get<u32>> {
	/// The achievements whose credentials count, of this issuer or of others. Each must have been
	/// registered before the stacked achievement, so no rule can lead back to itself.
	pub components: BoundedVec<AchievementId, MaxComponents>,
	/// How many component credentials, at least (1 or more, at most `components.len()`).
	pub min_count: u32,
	/// How many credits the component credentials must be worth together, in hundredths, counted
	/// in the stacked achievement's own credit system (which it must then have).
	pub min_credits: Option<u32>,
}

/// One version of an achievement: its definition and, for a stacked achievement, its rule. Never
/// changed once published.
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
#[scale_info(skip_type_params(MaxName, MaxUri, MaxSkills, MaxComponents))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct AchievementVersionRecord<
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxName: Get<u32>,
	MaxUri: Get<u32>,
	MaxSkills: Get<u32>,
	MaxComponents: Get<u32>,
> {
	/// What it certifies.
	pub definition: AchievementDefinition<MaxName, MaxUri, MaxSkills>,
	/// How credentials stack into it, if it is a stacked achievement.
	pub rule: Option<StackingRule<MaxComponents>>,
	/// The block it was published in: credentials issued from then on (until the next version)
	/// certify this version.
	pub published_at: BlockNumber,
}

/// An achievement as the registry keeps it. Never deleted.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxVersions, MaxShares))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct AchievementRecord<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxVersions: Get<u32>,
	MaxShares: Get<u32>,
> {
	/// The issuer that defined it.
	pub owner: AccountId,
	/// Its place in the order achievements were registered in, from 0: a stacked achievement's
	/// components all come before it.
	pub sequence: u64,
	/// Whether credentials of it stack from component credentials (every version has a rule).
	pub stacked: bool,
	/// The block each version was published in, version 1 first.
	pub versions: BoundedVec<BlockNumber, MaxVersions>,
	/// Other issuers the owner lets issue credentials of it.
	pub shared_with: BoundedVec<AccountId, MaxShares>,
	/// The block its owner deprecated it in: no new credentials of it from then on.
	pub deprecated_at: Option<BlockNumber>,
	/// The block the consortium endorsed it in, if it did (and has not withdrawn the endorsement).
	pub endorsed_at: Option<BlockNumber>,
}

impl<
		AccountId: Clone + PartialEq + Eq + Debug,
		BlockNumber: Clone + PartialEq + Eq + Debug + PartialOrd,
		MaxVersions: Get<u32>,
		MaxShares: Get<u32>,
	> AchievementRecord<AccountId, BlockNumber, MaxVersions, MaxShares>
{
	/// The latest version.
	pub fn latest_version(&self) -> AchievementVersion {
		self.versions.len() as AchievementVersion
	}

	/// The version in force at block `at`: the latest published in or before it (the first, for a
	/// credential older than the achievement's registration, which issuing never allows).
	pub fn version_at(&self, at: &BlockNumber) -> AchievementVersion {
		let published_by_then = self.versions.iter().take_while(|published| *published <= at);
		(published_by_then.count() as AchievementVersion).max(1)
	}

	/// Whether `issuer` may issue credentials of it: its owner, or an issuer it is shared with.
	pub fn may_be_issued_by(&self, issuer: &AccountId) -> bool {
		self.owner == *issuer || self.shared_with.contains(issuer)
	}
}

/// A component credential a stacked credential cites: the record `issuer` made of `digest`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ComponentRef<AccountId> {
	/// The component credential's digest.
	pub digest: Digest,
	/// Its issuer.
	pub issuer: AccountId,
}
