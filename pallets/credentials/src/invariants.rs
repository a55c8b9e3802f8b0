//! The pallet's invariants, checked by `try_state` after every unit test and by `try-runtime`.
//! They iterate all of storage: never call them from a dispatchable.

#[cfg(any(feature = "try-runtime", test))]
use {
	crate::{
		BatchLeaves, Batches, Config, CredentialStatus, Credentials, IssuerStanding, Issuers,
		Pallet, PendingApplications, Signers,
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
		Ok(())
	}

	/// Issuers: applicants are counted; only accredited or suspended issuers sign and hold the
	/// issuer role; only withdrawn ones have successors, which are other registered issuers.
	fn check_issuers() -> Result<(), TryRuntimeError> {
		let mut applicants = 0u32;
		for (issuer, record) in Issuers::<T>::iter() {
			let signer = Signers::<T>::get(&issuer);
			match record.standing {
				IssuerStanding::Applicant => {
					applicants += 1;
					ensure!(signer.is_none(), "an applicant signs");
					ensure!(record.delegates.is_empty(), "an applicant has delegates");
				}
				IssuerStanding::Accredited | IssuerStanding::Suspended => {
					let signer = signer.ok_or("an accredited or suspended issuer cannot sign")?;
					ensure!(signer.issuer == issuer, "an issuer signs for another issuer");
					ensure!(T::Roles::has_role(&issuer, Role::Issuer), "an issuer lacks its role");
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
			if account == signer.issuer {
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
		for (_, credential) in Credentials::<T>::iter() {
			ensure!(
				Issuers::<T>::contains_key(&credential.issuer),
				"a credential's issuer is missing"
			);
			ensure!(credential.terms.window_is_valid(), "a credential's window is malformed");
			ensure!(credential.issued_at <= now, "a credential was issued in the future");
		}
		for (_, batch) in Batches::<T>::iter() {
			ensure!(Issuers::<T>::contains_key(&batch.issuer), "a batch's issuer is missing");
			ensure!(batch.leaf_count > 0, "a batch has no leaves");
			ensure!(batch.terms.window_is_valid(), "a batch's window is malformed");
		}
		for (root, _, status) in BatchLeaves::<T>::iter() {
			ensure!(Batches::<T>::contains_key(root), "a leaf status belongs to no batch");
			ensure!(status != CredentialStatus::Active, "an active leaf status is stored");
		}
		Ok(())
	}
}
