//! The pallet's invariants, checked by `try_state` after every unit test and by `try-runtime`.
//! They iterate all of storage: never call them from a dispatchable.

#[cfg(any(feature = "try-runtime", test))]
use {
	crate::{
		identity::identity_key, AchievementCount, AchievementVersions, Achievements, BatchLeaves,
		Batches, CoAnchoredBatches, CoAnchoredLeaves, CoIssuedCredentials, Config,
		CredentialRecordOf, CredentialStatus, Credentials, Invitations, Issuance,
		IssuerIdentifiers, IssuerNames, IssuerStanding, Issuers, Pallet, PendingApplications,
		ProfileProposals, Signers, StackedComponents,
	},
	frame_support::{ensure, traits::Get},
	pallet_roles::{Role, RoleRegistry},
	sp_runtime::TryRuntimeError,
};

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's storage.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_issuers()?;
		Self::check_signers()?;
		Self::check_records()?;
		Self::check_invitations()?;
		Self::check_issuance()?;
		Self::check_identity()?;
		Self::check_achievements()?;
		Ok(())
	}

	/// Achievements: each has every version from 1 to its latest and no other, each with a rule
	/// exactly when it is stacked, naming only achievements registered before it; sequence numbers
	/// are below the count; owners are registered issuers; stacked credentials cite existing
	/// records.
	fn check_achievements() -> Result<(), TryRuntimeError> {
		let count = AchievementCount::<T>::get();
		for (id, record) in Achievements::<T>::iter() {
			ensure!(record.sequence < count, "an achievement's sequence is not below the count");
			ensure!(Issuers::<T>::contains_key(&record.owner), "an achievement has no owner");
			ensure!(!record.versions.is_empty(), "an achievement has no version");
			let versions = AchievementVersions::<T>::iter_prefix(id).count();
			ensure!(versions == record.versions.len(), "achievement versions are missing or extra");
			for version in 1..=record.latest_version() {
				let shown = AchievementVersions::<T>::get(id, version)
					.ok_or("an achievement version is missing")?;
				ensure!(shown.rule.is_some() == record.stacked, "a rule does not match its kind");
				for component in shown.rule.iter().flat_map(|rule| rule.components.iter()) {
					let earlier = Achievements::<T>::get(component)
						.is_some_and(|other| other.sequence < record.sequence);
					ensure!(earlier, "a rule names an achievement registered after it");
				}
			}
		}
		for (digest, issuer, components) in StackedComponents::<T>::iter() {
			ensure!(
				Self::credential_of(&digest, &issuer).is_some(),
				"components of an unknown credential"
			);
			for component in components {
				ensure!(
					Self::credential_of(&component.digest, &component.issuer).is_some(),
					"a stacked credential cites an unknown component"
				);
			}
		}
		Ok(())
	}

	/// Identity: every issuer holds its own name and identifiers; every reservation belongs to a
	/// registered issuer (reservations outlive withdrawal, not rejection); proposals are from
	/// issuers that are not withdrawn.
	fn check_identity() -> Result<(), TryRuntimeError> {
		for (issuer, record) in Issuers::<T>::iter() {
			let name = identity_key(&record.profile.name).ok_or("an issuer name is not valid")?;
			ensure!(IssuerNames::<T>::get(name) == Some(issuer.clone()), "a name is not reserved");
			for uri in record.profile.all_identifiers() {
				let key = identity_key(uri).ok_or("an issuer identifier is not valid")?;
				ensure!(
					IssuerIdentifiers::<T>::get(key) == Some(issuer.clone()),
					"an identifier is not reserved for its issuer"
				);
			}
		}
		for (_, holder) in IssuerNames::<T>::iter().chain(IssuerIdentifiers::<T>::iter()) {
			ensure!(Issuers::<T>::contains_key(&holder), "a reservation's issuer is missing");
		}
		for (issuer, _) in ProfileProposals::<T>::iter() {
			let record = Issuers::<T>::get(&issuer).ok_or("a proposal's issuer is missing")?;
			ensure!(
				!matches!(record.standing, IssuerStanding::Withdrawn(_)),
				"a withdrawn issuer has a pending proposal"
			);
		}
		Ok(())
	}
	/// Invitations: only accredited or suspended issuers have them, to keys that are not signers
	/// and hold the invitee role; with the issuer's delegates they stay within `MaxDelegates`.
	fn check_invitations() -> Result<(), TryRuntimeError> {
		for (issuer, invited) in Invitations::<T>::iter() {
			ensure!(!invited.is_empty(), "an empty invitation list is stored");
			let record = Issuers::<T>::get(&issuer).ok_or("an invitation's issuer is missing")?;
			ensure!(record.standing.may_restrict(), "an issuer that cannot sign has invitations");
			ensure!(
				record.delegates.len() + invited.len() <= T::MaxDelegates::get() as usize,
				"delegates and invitations exceed MaxDelegates"
			);
			for invitee in &invited {
				ensure!(!record.delegates.contains(invitee), "a delegate is still invited");
				ensure!(T::Roles::has_role(invitee, Role::Invitee), "an invitee lacks its role");
			}
		}
		Ok(())
	}

	/// Issuance: counters belong to registered issuers, a block's count is part of its quota day's,
	/// and the day's count is from the current quota day or an earlier one. (The counts are not
	/// checked against the quota: governance may lower a quota below what was already issued.)
	fn check_issuance() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		for (issuer, usage) in Issuance::<T>::iter() {
			ensure!(Issuers::<T>::contains_key(&issuer), "issuance counted for a non-issuer");
			ensure!(usage.in_block <= usage.in_day, "more issued in a block than in its day");
			ensure!(usage.block <= now, "issuance counted for a future block");
			ensure!(
				usage.day_start == Self::quota_day_start(usage.day_start),
				"a quota day starts off its boundary"
			);
		}
		Ok(())
	}

	/// Issuers: applicants are counted; only accredited or suspended issuers sign and hold the
	/// issuer role; only withdrawn ones have successors, which are other registered issuers.
	fn check_issuers() -> Result<(), TryRuntimeError> {
		let mut applicants = 0u32;
		for (issuer, record) in Issuers::<T>::iter() {
			let signer = Signers::<T>::get(&record.key);
			match record.standing {
				IssuerStanding::Applicant => {
					applicants += 1;
					ensure!(signer.is_none(), "an applicant signs");
					ensure!(record.delegates.is_empty(), "an applicant has delegates");
				}
				IssuerStanding::Accredited | IssuerStanding::Suspended => {
					let signer = signer.ok_or("an accredited or suspended issuer cannot sign")?;
					ensure!(signer.issuer == issuer, "an issuer signs for another issuer");
					ensure!(
						T::Roles::has_role(&record.key, Role::Issuer),
						"an issuer's key lacks its role"
					);
					for delegate in &record.delegates {
						let delegate =
							Signers::<T>::get(delegate).ok_or("a delegate cannot sign")?;
						ensure!(delegate.issuer == issuer, "a delegate signs for another issuer");
					}
				}
				IssuerStanding::Withdrawn(_) => {
					ensure!(signer.is_none(), "a withdrawn issuer signs");
					ensure!(record.delegates.is_empty(), "a withdrawn issuer has delegates");
				}
			}
			if record.distrusted_from.is_some() {
				ensure!(
					matches!(record.standing, IssuerStanding::Withdrawn(reason) if reason.allows_distrust()),
					"an issuer is distrusted without a withdrawal that allows it"
				);
			}
			if let Some(successor) = &record.successor {
				ensure!(
					matches!(record.standing, IssuerStanding::Withdrawn(_)),
					"an issuer that was not withdrawn has a successor"
				);
				ensure!(*successor != issuer, "an issuer succeeds itself");
				ensure!(Issuers::<T>::contains_key(successor), "a successor is not an issuer");
			}
		}
		ensure!(applicants == PendingApplications::<T>::get(), "pending applications miscounted");
		ensure!(applicants <= T::MaxPendingApplications::get(), "too many pending applications");
		Ok(())
	}

	/// Signers: each signs for an issuer that lists it, with that issuer's standing, and holds the
	/// matching role.
	fn check_signers() -> Result<(), TryRuntimeError> {
		for (account, signer) in Signers::<T>::iter() {
			let issuer = Issuers::<T>::get(&signer.issuer).ok_or("a signer's issuer is missing")?;
			ensure!(issuer.standing == signer.standing, "a signer's copy of the standing is stale");
			if account == issuer.key {
				continue;
			}
			ensure!(issuer.delegates.contains(&account), "a delegate is not listed by its issuer");
			ensure!(T::Roles::has_role(&account, Role::Delegate), "a delegate lacks its role");
		}
		Ok(())
	}

	/// Records: every credential and batch names a known issuer and a well-formed window; batches
	/// have leaves; leaf statuses belong to known batches and are never `Active`.
	fn check_records() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let check_credential = |credential: &CredentialRecordOf<T>| -> Result<(), TryRuntimeError> {
			ensure!(
				Issuers::<T>::contains_key(&credential.issuer),
				"a credential's issuer is missing"
			);
			ensure!(credential.terms.window_is_valid(), "a credential's window is malformed");
			ensure!(credential.issued_at <= now, "a credential was issued in the future");
			Ok(())
		};
		for (_, credential) in Credentials::<T>::iter() {
			check_credential(&credential)?;
		}
		for (digest, issuer, credential) in CoIssuedCredentials::<T>::iter() {
			check_credential(&credential)?;
			ensure!(credential.issuer == issuer, "a co-issued record is keyed by another issuer");
			let first = Credentials::<T>::get(digest).ok_or("a co-issued digest has no first")?;
			ensure!(first.issuer != issuer, "an issuer has two records of one digest");
		}
		let batches = Batches::<T>::iter()
			.map(|(_, batch)| batch)
			.chain(CoAnchoredBatches::<T>::iter().map(|(_, _, batch)| batch));
		for batch in batches {
			ensure!(Issuers::<T>::contains_key(&batch.issuer), "a batch's issuer is missing");
			ensure!(batch.leaf_count > 0, "a batch has no leaves");
			ensure!(batch.terms.window_is_valid(), "a batch's window is malformed");
		}
		for (root, issuer, batch) in CoAnchoredBatches::<T>::iter() {
			ensure!(batch.issuer == issuer, "a co-anchored batch is keyed by another issuer");
			let first = Batches::<T>::get(root).ok_or("a co-anchored root has no first batch")?;
			ensure!(first.issuer != issuer, "an issuer has two batches of one root");
		}
		for (root, _, status) in BatchLeaves::<T>::iter() {
			ensure!(Batches::<T>::contains_key(root), "a leaf status belongs to no batch");
			ensure!(status != CredentialStatus::Active, "an active leaf status is stored");
		}
		for ((root, issuer, _), status) in CoAnchoredLeaves::<T>::iter() {
			ensure!(
				CoAnchoredBatches::<T>::contains_key(root, issuer),
				"a co-anchored leaf status belongs to no batch"
			);
			ensure!(status != CredentialStatus::Active, "an active leaf status is stored");
		}
		Ok(())
	}
}
