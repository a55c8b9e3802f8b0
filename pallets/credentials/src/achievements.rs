//! The achievement registry: issuers define what their credentials certify, in immutable versions;
//! they may deprecate an achievement and share it with other issuers; the consortium may endorse
//! it. Issuing a credential that names an achievement checks it here.
//!
//! An achievement's id is `blake2_256("credchain/achievement" ‖ issuer ‖ uri)`: an issuer can
//! register any URI, but only under its own account, so no issuer can take another's id.

use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	identity::{is_identifier, normalized},
	AchievementCount, AchievementDefinitionOf, AchievementId, AchievementRecord,
	AchievementRecordOf, AchievementVersion, AchievementVersionOf, AchievementVersionRecord,
	AchievementVersions, Achievements, Config, CredentialTerms, Error, Event, Pallet,
	StackingRuleOf,
};

/// The domain separator of achievement ids.
const ACHIEVEMENT_ID_DOMAIN: &[u8] = b"credchain/achievement";

/// The id of the achievement the issuer `issuer` registers under `uri`: the BLAKE2-256 of the SCALE
/// encoding of `("credchain/achievement", issuer, uri)` (clients compute it with this function).
pub fn achievement_id_of<AccountId: Encode>(issuer: &AccountId, uri: &[u8]) -> AchievementId {
	(ACHIEVEMENT_ID_DOMAIN, issuer, uri).using_encoded(sp_io::hashing::blake2_256)
}

impl<T: Config> Pallet<T> {
	/// The id of the achievement `issuer` registers under `uri`.
	pub fn achievement_id(issuer: &T::AccountId, uri: &[u8]) -> AchievementId {
		achievement_id_of(issuer, uri)
	}

	/// The record of `achievement`, or [`Error::UnknownAchievement`].
	pub(crate) fn achievement_record(
		achievement: &AchievementId,
	) -> Result<AchievementRecordOf<T>, DispatchError> {
		Achievements::<T>::get(achievement).ok_or_else(|| Error::<T>::UnknownAchievement.into())
	}

	/// The record of `achievement` if the issuer `signer` signs for owns it.
	fn owned_achievement(
		owner: &T::AccountId,
		achievement: &AchievementId,
	) -> Result<AchievementRecordOf<T>, DispatchError> {
		let record = Self::achievement_record(achievement)?;
		ensure!(record.owner == *owner, Error::<T>::NotTheAchievementOwner);
		Ok(record)
	}

	/// Registers `definition` (and `rule`, for a stacked achievement) as version 1 of a new
	/// achievement of the issuer `signer` signs for.
	pub fn do_create_achievement(
		signer: T::AccountId,
		definition: AchievementDefinitionOf<T>,
		rule: Option<StackingRuleOf<T>>,
	) -> DispatchResult {
		let owner = Self::ensure_may_issue(&signer)?;
		ensure_valid_definition::<T>(&definition)?;
		let achievement = Self::achievement_id(&owner, &definition.uri);
		ensure!(
			!Achievements::<T>::contains_key(achievement),
			Error::<T>::AchievementAlreadyExists
		);
		let sequence = AchievementCount::<T>::get();
		if let Some(rule) = &rule {
			Self::ensure_valid_rule(rule, &definition, sequence)?;
		}
		Self::charge_issuance(&owner, 1)?;
		let published_at = frame_system::Pallet::<T>::block_number();
		let stacked = rule.is_some();
		AchievementVersions::<T>::insert(
			achievement,
			1,
			AchievementVersionRecord { definition, rule, published_at },
		);
		let versions = BoundedVec::truncate_from([published_at].into());
		Achievements::<T>::insert(
			achievement,
			AchievementRecord {
				owner: owner.clone(),
				sequence,
				stacked,
				versions,
				shared_with: BoundedVec::new(),
				deprecated_at: None,
				endorsed_at: None,
			},
		);
		AchievementCount::<T>::put(sequence.saturating_add(1));
		Self::deposit_event(Event::AchievementCreated { achievement, owner, stacked });
		Ok(())
	}

	/// Publishes `definition` and `rule` as the next version of `achievement`, owned by the issuer
	/// `signer` signs for.
	pub fn do_publish_achievement_version(
		signer: T::AccountId,
		achievement: AchievementId,
		definition: AchievementDefinitionOf<T>,
		rule: Option<StackingRuleOf<T>>,
	) -> DispatchResult {
		let owner = Self::ensure_may_issue(&signer)?;
		let mut record = Self::owned_achievement(&owner, &achievement)?;
		ensure!(record.deprecated_at.is_none(), Error::<T>::AchievementDeprecated);
		ensure_valid_definition::<T>(&definition)?;
		let latest = Self::achievement_version(&achievement, record.latest_version())?;
		ensure!(latest.definition.uri == definition.uri, Error::<T>::AchievementUriChanged);
		ensure!(latest.rule.is_some() == rule.is_some(), Error::<T>::StackingKindChanged);
		if let Some(rule) = &rule {
			Self::ensure_valid_rule(rule, &definition, record.sequence)?;
		}
		let published_at = frame_system::Pallet::<T>::block_number();
		record
			.versions
			.try_push(published_at)
			.map_err(|_| Error::<T>::TooManyAchievementVersions)?;
		Self::charge_issuance(&owner, 1)?;
		let version = record.latest_version();
		AchievementVersions::<T>::insert(
			achievement,
			version,
			AchievementVersionRecord { definition, rule, published_at },
		);
		Achievements::<T>::insert(achievement, record);
		Self::deposit_event(Event::AchievementVersionPublished { achievement, version });
		Ok(())
	}

	/// Deprecates `achievement`, owned by the issuer `signer` signs for.
	pub fn do_deprecate_achievement(
		signer: T::AccountId,
		achievement: AchievementId,
	) -> DispatchResult {
		let owner = Self::ensure_may_restrict(&signer)?;
		let mut record = Self::owned_achievement(&owner, &achievement)?;
		ensure!(record.deprecated_at.is_none(), Error::<T>::AchievementDeprecated);
		record.deprecated_at = Some(frame_system::Pallet::<T>::block_number());
		Achievements::<T>::insert(achievement, record);
		Self::deposit_event(Event::AchievementDeprecated { achievement });
		Ok(())
	}

	/// Lets the issuer `with` issue credentials of `achievement`, owned by the issuer `signer`
	/// signs for.
	pub fn do_share_achievement(
		signer: T::AccountId,
		achievement: AchievementId,
		with: T::AccountId,
	) -> DispatchResult {
		let owner = Self::ensure_may_issue(&signer)?;
		let mut record = Self::owned_achievement(&owner, &achievement)?;
		ensure!(record.deprecated_at.is_none(), Error::<T>::AchievementDeprecated);
		Self::issuer_record(&with)?;
		ensure!(!record.may_be_issued_by(&with), Error::<T>::AlreadyShared);
		record.shared_with.try_push(with.clone()).map_err(|_| Error::<T>::TooManyShares)?;
		Achievements::<T>::insert(achievement, record);
		Self::deposit_event(Event::AchievementShared { achievement, with });
		Ok(())
	}

	/// Stops letting the issuer `with` issue credentials of `achievement`, owned by the issuer
	/// `signer` signs for.
	pub fn do_unshare_achievement(
		signer: T::AccountId,
		achievement: AchievementId,
		with: T::AccountId,
	) -> DispatchResult {
		let owner = Self::ensure_may_restrict(&signer)?;
		let mut record = Self::owned_achievement(&owner, &achievement)?;
		let before = record.shared_with.len();
		record.shared_with.retain(|issuer| *issuer != with);
		ensure!(record.shared_with.len() < before, Error::<T>::NotShared);
		Achievements::<T>::insert(achievement, record);
		Self::deposit_event(Event::AchievementUnshared { achievement, with });
		Ok(())
	}

	/// Governance endorses `achievement` (`endorse`) or withdraws its endorsement.
	pub fn do_set_endorsement(achievement: AchievementId, endorse: bool) -> DispatchResult {
		let mut record = Self::achievement_record(&achievement)?;
		if endorse {
			ensure!(record.endorsed_at.is_none(), Error::<T>::AlreadyEndorsed);
			record.endorsed_at = Some(frame_system::Pallet::<T>::block_number());
			Self::deposit_event(Event::AchievementEndorsed { achievement });
		} else {
			ensure!(record.endorsed_at.is_some(), Error::<T>::NotEndorsed);
			record.endorsed_at = None;
			Self::deposit_event(Event::AchievementEndorsementWithdrawn { achievement });
		}
		Achievements::<T>::insert(achievement, record);
		Ok(())
	}

	/// Version `version` of `achievement`.
	pub(crate) fn achievement_version(
		achievement: &AchievementId,
		version: AchievementVersion,
	) -> Result<AchievementVersionOf<T>, DispatchError> {
		AchievementVersions::<T>::get(achievement, version)
			.ok_or_else(|| Error::<T>::UnknownAchievement.into())
	}

	/// Checks that `issuer` may issue a credential with `terms` on its own: if it names an
	/// achievement, that achievement exists, is `issuer`'s or shared with it, is not deprecated,
	/// and is not stacked (see `stacking`). One read of the achievement.
	pub(crate) fn ensure_may_issue_achievement(
		issuer: &T::AccountId,
		terms: &CredentialTerms,
	) -> DispatchResult {
		let Some(achievement) = &terms.achievement else { return Ok(()) };
		let record = Self::issuable_achievement(issuer, achievement)?;
		ensure!(!record.stacked, Error::<T>::ComponentsRequired);
		Ok(())
	}

	/// The record of `achievement` if `issuer` may issue credentials of it now.
	pub(crate) fn issuable_achievement(
		issuer: &T::AccountId,
		achievement: &AchievementId,
	) -> Result<AchievementRecordOf<T>, DispatchError> {
		let record = Self::achievement_record(achievement)?;
		ensure!(record.may_be_issued_by(issuer), Error::<T>::ForeignAchievement);
		ensure!(record.deprecated_at.is_none(), Error::<T>::AchievementDeprecated);
		Ok(record)
	}

	/// Checks `rule` for an achievement defined as `definition` with sequence number `sequence`:
	/// its components exist, were all registered before it, are named once each; it asks for at
	/// least one and at most all of them; it counts credits only in a system the achievement has.
	fn ensure_valid_rule(
		rule: &StackingRuleOf<T>,
		definition: &AchievementDefinitionOf<T>,
		sequence: u64,
	) -> DispatchResult {
		let components = &rule.components;
		ensure!(
			rule.min_count >= 1 && rule.min_count as usize <= components.len(),
			Error::<T>::InvalidStackingRule
		);
		ensure!(
			rule.min_credits.is_none() || definition.credits.is_some(),
			Error::<T>::InvalidStackingRule
		);
		for (index, component) in components.iter().enumerate() {
			ensure!(!components[..index].contains(component), Error::<T>::InvalidStackingRule);
			let record = Self::achievement_record(component)?;
			ensure!(record.sequence < sequence, Error::<T>::StackingCycle);
		}
		Ok(())
	}

	/// The issuer `signer` signs for, if that issuer may suspend and revoke (accredited or
	/// suspended): what deprecating or unsharing an achievement needs.
	fn ensure_may_restrict(signer: &T::AccountId) -> Result<T::AccountId, DispatchError> {
		let record = Self::signer_record(signer)?;
		ensure!(record.standing.may_restrict(), Error::<T>::IssuerWithdrawn);
		Ok(record.issuer)
	}
}

/// Checks an achievement definition: a URI and a name as issuers' are checked, an EQF level from 1
/// to 8, non-zero credits, URIs for criteria and skills, and a BCP 47-shaped language tag.
fn ensure_valid_definition<T: Config>(definition: &AchievementDefinitionOf<T>) -> DispatchResult {
	ensure!(is_identifier(&definition.uri), Error::<T>::InvalidAchievementUri);
	let name = &definition.name;
	let trimmed = core::str::from_utf8(name).map(str::trim).unwrap_or_default();
	ensure!(
		!name.is_empty() && trimmed.len() == name.len() && normalized(name).is_some(),
		Error::<T>::InvalidAchievementName
	);
	ensure!(
		definition.eqf_level.is_none_or(|level| (1..=8).contains(&level)),
		Error::<T>::InvalidEqfLevel
	);
	ensure!(
		definition.credits.is_none_or(|credits| credits.hundredths > 0),
		Error::<T>::InvalidCredits
	);
	let criteria = definition.criteria_uri.iter();
	ensure!(
		criteria.chain(definition.skills.iter()).all(|uri| is_identifier(uri)),
		Error::<T>::InvalidAchievementUri
	);
	ensure!(
		definition.language.as_ref().is_none_or(|tag| is_language_tag(tag)),
		Error::<T>::InvalidLanguageTag
	);
	Ok(())
}

/// Whether `tag` has the shape of a BCP 47 language tag: subtags of 1 to 8 ASCII letters or digits
/// joined by hyphens, the first of 2 to 8 letters.
pub fn is_language_tag(tag: &[u8]) -> bool {
	let mut subtags = tag.split(|byte| *byte == b'-');
	let primary = subtags.next().unwrap_or_default();
	(2..=8).contains(&primary.len())
		&& primary.iter().all(u8::is_ascii_alphabetic)
		&& subtags.all(|subtag| {
			(1..=8).contains(&subtag.len()) && subtag.iter().all(u8::is_ascii_alphanumeric)
		})
}

impl<T: Config> Pallet<T> {
	/// The version of `achievement` a credential issued in block `issued_at` certifies, if the
	/// achievement is registered.
	pub(crate) fn certified_version(
		achievement: &AchievementId,
		issued_at: &BlockNumberFor<T>,
	) -> Option<AchievementVersionOf<T>> {
		let record = Achievements::<T>::get(achievement)?;
		AchievementVersions::<T>::get(achievement, record.version_at(issued_at))
	}
}
