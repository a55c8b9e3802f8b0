//! Stacked credentials: a credential of a stacked achievement is issued on the strength of component
//! credentials its holder already holds, which the runtime checks against the achievement's rule.
//! Its verdict later lists its components with their status now (see `verification`).

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};

use crate::{
	AchievementId, ComponentsOf, Config, CredentialInput, CredentialRecordOf, CreditSystem, Error,
	Event, Pallet, StackedComponents, VerdictStatus,
};

impl<T: Config> Pallet<T> {
	/// Issues `credential`, of a stacked achievement, signed by `signer` for its issuer, citing
	/// `components`; all or nothing.
	pub fn do_issue_stacked(
		signer: T::AccountId,
		credential: CredentialInput,
		components: ComponentsOf<T>,
	) -> DispatchResult {
		let issuer = Self::ensure_may_issue(&signer)?;
		let terms = &credential.terms;
		let achievement = terms.achievement.ok_or(Error::<T>::NotAStackedAchievement)?;
		let record = Self::issuable_achievement(&issuer, &achievement)?;
		ensure!(record.stacked, Error::<T>::NotAStackedAchievement);
		let holder = terms.holder.ok_or(Error::<T>::HolderRequired)?;
		let version = Self::achievement_version(&achievement, record.latest_version())?;
		let rule = version.rule.ok_or(Error::<T>::NotAStackedAchievement)?;
		let credit_system = version.definition.credits.map(|credits| credits.system);

		let (_, now) = Self::now();
		let mut counted: Vec<AchievementId> = Vec::with_capacity(components.len());
		let mut credits: u32 = 0;
		for (index, component) in components.iter().enumerate() {
			ensure!(
				!components[..index].iter().any(|earlier| earlier.digest == component.digest),
				Error::<T>::DuplicateComponent
			);
			let record = Self::credential_of(&component.digest, &component.issuer)
				.ok_or(Error::<T>::ComponentNotFound)?;
			ensure!(
				Self::judged_status(&record, now) == VerdictStatus::Valid,
				Error::<T>::ComponentNotValid
			);
			ensure!(record.terms.holder == Some(holder), Error::<T>::ComponentHolderMismatch);
			let of = record
				.terms
				.achievement
				.filter(|of| rule.components.contains(of))
				.ok_or(Error::<T>::ComponentNotInRule)?;
			ensure!(!counted.contains(&of), Error::<T>::DuplicateComponent);
			counted.push(of);
			credits = credits.saturating_add(Self::credits_of(&record, &of, credit_system));
		}
		ensure!(counted.len() as u32 >= rule.min_count, Error::<T>::StackingRuleNotMet);
		ensure!(
			rule.min_credits.is_none_or(|least| credits >= least),
			Error::<T>::NotEnoughCredits
		);

		Self::charge_issuance(&issuer, 1)?;
		let (block, time) = Self::now();
		let digest = credential.digest;
		Self::insert_credential(&issuer, &signer, credential, block, time)?;
		StackedComponents::<T>::insert(digest, &issuer, &components);
		Self::deposit_event(Event::StackedCredentialIssued { digest, issuer, components });
		Ok(())
	}

	/// The credits, in hundredths of `system`, of the credential `record` of `achievement`: those
	/// of the version it certifies, if counted in `system`; none otherwise.
	fn credits_of(
		record: &CredentialRecordOf<T>,
		achievement: &AchievementId,
		system: Option<CreditSystem>,
	) -> u32 {
		let Some(system) = system else { return 0 };
		Self::certified_version(achievement, &record.issued_at)
			.and_then(|version| version.definition.credits)
			.filter(|credits| credits.system == system)
			.map_or(0, |credits| credits.hundredths)
	}
}
