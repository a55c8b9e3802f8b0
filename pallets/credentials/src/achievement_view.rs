//! What a verifier learns about a credential's achievement and, for a stacked credential, its
//! components: the parts of a verdict the achievement registry supplies.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::{
	AchievementId, AchievementKind, AchievementRecordOf, AchievementVersion, AchievementVersions,
	Achievements, Config, Credits, Digest, Moment, Pallet, StackedComponents, VerdictStatus,
};

/// A stacking rule, as a verifier reads it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct RuleSummary {
	/// The achievements whose credentials count.
	pub components: Vec<AchievementId>,
	/// How many component credentials, at least.
	pub min_count: u32,
	/// How many credits they must be worth together, in hundredths, if the rule counts credits.
	pub min_credits: Option<u32>,
}

/// What a verifier learns about an achievement, at one of its versions.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AchievementSummary<AccountId, BlockNumber> {
	/// Its id.
	pub id: AchievementId,
	/// The version shown (the one a credential certifies, or the one asked for).
	pub version: AchievementVersion,
	/// Its latest version.
	pub latest_version: AchievementVersion,
	/// The block the version shown was published in.
	pub published_at: BlockNumber,
	/// The issuer that owns it.
	pub owner: AccountId,
	/// Its URI (the Open Badges `Achievement.id`), UTF-8.
	pub uri: Vec<u8>,
	/// Its name, UTF-8.
	pub name: Vec<u8>,
	/// Its kind.
	pub kind: AchievementKind,
	/// Its EQF level, if any.
	pub eqf_level: Option<u8>,
	/// Its credit value, if any.
	pub credits: Option<Credits>,
	/// Where its criteria are published, UTF-8, if anywhere.
	pub criteria_uri: Option<Vec<u8>>,
	/// The SHA-256 of its criteria text, if given.
	pub criteria_digest: Option<Digest>,
	/// The skills and frameworks it aligns to, UTF-8 URIs.
	pub skills: Vec<Vec<u8>>,
	/// The language of its texts, if given.
	pub language: Option<Vec<u8>>,
	/// How credentials stack into it, if it is a stacked achievement.
	pub rule: Option<RuleSummary>,
	/// The issuers other than its owner that may issue it.
	pub shared_with: Vec<AccountId>,
	/// The block its owner deprecated it in, if it did.
	pub deprecated_at: Option<BlockNumber>,
	/// The block the consortium endorsed it in, if it does.
	pub endorsed_at: Option<BlockNumber>,
}

/// A component credential a stacked credential cites, with its status now.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ComponentVerdict<AccountId, BlockNumber> {
	/// Its digest.
	pub digest: Digest,
	/// Its issuer.
	pub issuer: AccountId,
	/// The achievement it certifies.
	pub achievement: Option<AchievementId>,
	/// Its status now (`Unknown` cannot happen: records are never deleted).
	pub status: VerdictStatus<BlockNumber>,
}

/// Whether a credential's record commits to the holder a verifier was shown.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum HolderCheck {
	/// The record's holder commitment is the one the verifier computed.
	Confirmed,
	/// The record commits to another holder (or the identity or salt is wrong).
	OtherHolder,
	/// The record commits to no holder.
	NotBound,
}

impl HolderCheck {
	/// The check of `shown` against the record's commitment `recorded`.
	pub fn of(recorded: Option<Digest>, shown: &Digest) -> Self {
		match recorded {
			Some(recorded) if recorded == *shown => Self::Confirmed,
			Some(_) => Self::OtherHolder,
			None => Self::NotBound,
		}
	}
}

/// An achievement summary with this runtime's types.
pub type AchievementSummaryOf<T> =
	AchievementSummary<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// A component verdict with this runtime's types.
pub type ComponentVerdictOf<T> =
	ComponentVerdict<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// What a verifier learns about `achievement` at `version` (`None`: its latest), if both exist.
	pub fn achievement_summary(
		achievement: AchievementId,
		version: Option<AchievementVersion>,
	) -> Option<AchievementSummaryOf<T>> {
		Self::summary_of(achievement, Achievements::<T>::get(achievement)?, version)
	}

	/// What a verifier learns about `achievement`, whose record is `record`, at `version` (`None`:
	/// its latest), if that version exists.
	fn summary_of(
		achievement: AchievementId,
		record: AchievementRecordOf<T>,
		version: Option<AchievementVersion>,
	) -> Option<AchievementSummaryOf<T>> {
		let latest_version = record.latest_version();
		let version = version.unwrap_or(latest_version);
		let shown = AchievementVersions::<T>::get(achievement, version)?;
		let definition = shown.definition;
		Some(AchievementSummary {
			id: achievement,
			version,
			latest_version,
			published_at: shown.published_at,
			owner: record.owner,
			uri: definition.uri.into_inner(),
			name: definition.name.into_inner(),
			kind: definition.kind,
			eqf_level: definition.eqf_level,
			credits: definition.credits,
			criteria_uri: definition.criteria_uri.map(|uri| uri.into_inner()),
			criteria_digest: definition.criteria_digest,
			skills: definition.skills.into_iter().map(|skill| skill.into_inner()).collect(),
			language: definition.language.map(|tag| tag.into_inner()),
			rule: shown.rule.map(|rule| RuleSummary {
				components: rule.components.into_inner(),
				min_count: rule.min_count,
				min_credits: rule.min_credits,
			}),
			shared_with: record.shared_with.into_inner(),
			deprecated_at: record.deprecated_at,
			endorsed_at: record.endorsed_at,
		})
	}

	/// What a verifier learns about the achievement a credential issued in block `issued_at`
	/// certifies: the version in force then.
	pub(crate) fn certified_achievement(
		achievement: AchievementId,
		issued_at: &BlockNumberFor<T>,
	) -> Option<AchievementSummaryOf<T>> {
		let record = Achievements::<T>::get(achievement)?;
		let version = record.version_at(issued_at);
		Self::summary_of(achievement, record, Some(version))
	}

	/// The components the stacked credential `digest` of `issuer` cites, with their status at
	/// `now` (none for a credential that is not stacked).
	pub(crate) fn component_verdicts(
		digest: &Digest,
		issuer: &T::AccountId,
		now: Moment,
	) -> Vec<ComponentVerdictOf<T>> {
		let Some(components) = StackedComponents::<T>::get(digest, issuer) else {
			return Vec::new();
		};
		components
			.into_iter()
			.map(|component| {
				let record = Self::credential_of(&component.digest, &component.issuer);
				ComponentVerdict {
					achievement: record.as_ref().and_then(|record| record.terms.achievement),
					status: record
						.map_or(VerdictStatus::Unknown, |record| Self::judged_status(&record, now)),
					digest: component.digest,
					issuer: component.issuer,
				}
			})
			.collect()
	}
}
