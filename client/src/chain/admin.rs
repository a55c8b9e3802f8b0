//! Governance calls dispatched as Root through sudo, as the consortium's administrator does on
//! development and test chains (production chains decide them by council motion, see
//! [`super::governance`]): accrediting, suspending and withdrawing issuers, approving their
//! profile changes, moving their keys and naming successors; endorsing achievements.

use subxt::utils::{AccountId32, Static};

use super::{submit::dispatch_failure, CredChain, FinalizedBlock};
use crate::{
	explain,
	keys::SigningKey,
	profile::IssuerProfile,
	reasons::WithdrawalReason,
	runtime::{
		self, runtime_types::pallet_credentials::pallet::Call as CredentialsCall,
		sudo::events::Sudid,
	},
	Digest, Error, IssuanceQuota, Result,
};

impl CredChain {
	/// Endorses the achievement `id` on the consortium's behalf (`endorse`), or withdraws the
	/// endorsement.
	pub async fn set_achievement_endorsement(
		&self,
		sudo: &SigningKey,
		id: Digest,
		endorse: bool,
	) -> Result<FinalizedBlock> {
		let call = if endorse {
			CredentialsCall::endorse_achievement { achievement: id }
		} else {
			CredentialsCall::withdraw_endorsement { achievement: id }
		};
		self.sudo(sudo, call).await
	}

	/// Accredits the applicant `issuer`.
	pub async fn accredit_issuer(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		self.sudo(sudo, CredentialsCall::accredit_issuer { issuer: *issuer }).await
	}

	/// Suspends the accreditation of `issuer`.
	pub async fn suspend_issuer(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		self.sudo(sudo, CredentialsCall::suspend_issuer { issuer: *issuer }).await
	}

	/// Reinstates the suspended `issuer`.
	pub async fn reinstate_issuer(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		self.sudo(sudo, CredentialsCall::reinstate_issuer { issuer: *issuer }).await
	}

	/// Withdraws the accreditation of `issuer` for good. What it issued stays verifiable, except
	/// what it issued from `distrusted_from` on (withdrawal for misconduct).
	pub async fn withdraw_accreditation(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
		reason: WithdrawalReason,
		distrusted_from: Option<u32>,
	) -> Result<FinalizedBlock> {
		let call = CredentialsCall::withdraw_accreditation {
			issuer: *issuer,
			reason: Static(reason),
			distrusted_from,
		};
		self.sudo(sudo, call).await
	}

	/// Applies the profile change `issuer` proposed: the pending proposal, read from the chain,
	/// exactly.
	pub async fn approve_profile_change(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		let profile = self.pending_profile_change(issuer).await?;
		self.sudo(sudo, CredentialsCall::approve_profile_change { issuer: *issuer, profile }).await
	}

	/// Moves the signing key of `issuer` to `new_key`.
	pub async fn move_issuer_key(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
		new_key: &AccountId32,
	) -> Result<FinalizedBlock> {
		let call = CredentialsCall::move_issuer_key { issuer: *issuer, new_key: *new_key };
		self.sudo(sudo, call).await
	}

	/// Rejects the application of `issuer`.
	pub async fn reject_application(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		self.sudo(sudo, CredentialsCall::reject_application { issuer: *issuer }).await
	}

	/// Names `successor` to take care of the credentials of the withdrawn `issuer`.
	pub async fn name_successor(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
		successor: &AccountId32,
	) -> Result<FinalizedBlock> {
		let call = CredentialsCall::name_successor { issuer: *issuer, successor: *successor };
		self.sudo(sudo, call).await
	}

	/// Registers `issuer` with `profile` and accredits it in one step (for an account that holds no
	/// role yet and so cannot apply itself).
	pub async fn admit_issuer(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
		profile: &IssuerProfile,
	) -> Result<FinalizedBlock> {
		let profile = self.checked_profile(profile).await?;
		self.sudo(sudo, CredentialsCall::admit_issuer { issuer: *issuer, profile }).await
	}

	/// Sets how many credential records `issuer` may write per block and per quota day, or returns it
	/// to the runtime's default with `None`.
	pub async fn set_issuance_quota(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
		quota: Option<IssuanceQuota>,
	) -> Result<FinalizedBlock> {
		let call =
			CredentialsCall::set_issuance_quota { issuer: *issuer, quota: quota.map(Static) };
		self.sudo(sudo, call).await
	}

	/// Dispatches the credentials pallet's `call` as Root through sudo, and checks that the call
	/// itself succeeded (sudo's own transaction succeeds either way).
	async fn sudo(&self, sudo: &SigningKey, call: CredentialsCall) -> Result<FinalizedBlock> {
		let call = runtime::Call::Credentials(call);
		let name = explain::runtime_name(&call);
		let included = self.submit(sudo, &runtime::tx().sudo().sudo(call)).await?;
		match included.event::<Sudid>() {
			Some(sudid) => match dispatch_failure(&sudid.sudo_result, &included.metadata) {
				None => Ok(included.block),
				Some(reason) => Err(Error::Rejected(format!(
					"the governance call {name} failed in block {}: {reason}",
					included.block
				))),
			},
			None => Err(Error::Uncertain(format!(
				"the governance call {name} was included in block {}, but its result could not be \
				 read; check the issuer with `credchain issuer show`",
				included.block
			))),
		}
	}
}
