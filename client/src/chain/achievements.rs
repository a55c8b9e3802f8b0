//! What issuers do with the achievement registry: register what their credentials certify, and
//! issue credentials of stacked achievements on the strength of their components.

use subxt::utils::{AccountId32, Static};

use super::{credentials::issue_receipt, CredChain, FinalizedBlock, IssueReceipt};
use crate::{
	achievement::{Definition, Rule},
	credential_terms::check_terms,
	keys::SigningKey,
	runtime::{
		self,
		credentials::events::AchievementCreated,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_credentials::achievement_types::ComponentRef,
		},
	},
	CredentialTerms, Digest, Error, Result,
};

/// What registering an achievement did.
#[derive(Clone, Debug)]
pub struct AchievementReceipt {
	/// The block it was registered in.
	pub block: FinalizedBlock,
	/// Its id.
	pub id: Digest,
	/// The issuer that owns it.
	pub owner: AccountId32,
}

impl CredChain {
	/// Registers an achievement of the key's issuer: `definition`, and for a stacked achievement
	/// `rule`.
	pub async fn create_achievement(
		&self,
		key: &SigningKey,
		definition: Definition,
		rule: Option<Rule>,
	) -> Result<AchievementReceipt> {
		let call =
			runtime::tx().credentials().create_achievement(Static(definition), rule.map(Static));
		let included = self.submit(key, &call).await?;
		let created = included.event::<AchievementCreated>().ok_or_else(|| {
			Error::Uncertain(format!(
				"block {} carries the achievement but no AchievementCreated event",
				included.block
			))
		})?;
		Ok(AchievementReceipt {
			block: included.block,
			id: created.achievement,
			owner: created.owner,
		})
	}

	/// Publishes `definition` (and `rule`, for a stacked achievement) as the next version of the
	/// key's issuer's achievement `id`; returns the block it took effect in.
	pub async fn publish_achievement_version(
		&self,
		key: &SigningKey,
		id: Digest,
		definition: Definition,
		rule: Option<Rule>,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().publish_achievement_version(
			id,
			Static(definition),
			rule.map(Static),
		);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Deprecates the key's issuer's achievement `id`: no new credentials or versions of it.
	pub async fn deprecate_achievement(
		&self,
		key: &SigningKey,
		id: Digest,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().deprecate_achievement(id);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Lets the issuer `with` issue credentials of the key's issuer's achievement `id` (`share`), or
	/// stops letting it.
	pub async fn share_achievement(
		&self,
		key: &SigningKey,
		id: Digest,
		with: &AccountId32,
		share: bool,
	) -> Result<FinalizedBlock> {
		let included = if share {
			self.submit(key, &runtime::tx().credentials().share_achievement(id, *with)).await?
		} else {
			self.submit(key, &runtime::tx().credentials().unshare_achievement(id, *with)).await?
		};
		Ok(included.block)
	}

	/// Issues the credential `digest` of a stacked achievement (`terms.achievement`) for the holder
	/// `terms.holder`, citing `components`: each the record its issuer made of a digest.
	pub async fn issue_stacked(
		&self,
		key: &SigningKey,
		digest: Digest,
		terms: &CredentialTerms,
		components: &[(Digest, AccountId32)],
	) -> Result<IssueReceipt> {
		check_terms(terms)?;
		let cited = components
			.iter()
			.map(|(digest, issuer)| ComponentRef { digest: *digest, issuer: *issuer })
			.collect();
		let call = runtime::tx().credentials().issue_stacked(
			digest,
			Static(terms.clone()),
			BoundedVec(cited),
		);
		Ok(issue_receipt(self.submit(key, &call).await?, key))
	}

	/// The issuer `signer` signs for (itself or the issuer it is a delegate of), if it signs for
	/// one, read at the latest finalized block.
	pub async fn issuer_of_signer(&self, signer: &AccountId32) -> Result<Option<AccountId32>> {
		let at = self.at_finalized().await?;
		let record = at
			.storage()
			.try_fetch(&runtime::storage().credentials().signers(), (*signer,))
			.await
			.map_err(|error| Error::unreachable(&self.url, error))?;
		record
			.map(|record| {
				record.decode().map(|record| record.issuer).map_err(|error| {
					Error::Incompatible(format!(
						"the signer record of {signer} does not decode: {error}"
					))
				})
			})
			.transpose()
	}

	/// Whether an achievement with the id `id` is registered, at the latest finalized block.
	pub async fn achievement_exists(&self, id: &Digest) -> Result<bool> {
		let at = self.at_finalized().await?;
		let record = at
			.storage()
			.try_fetch(&runtime::storage().credentials().achievements(), (*id,))
			.await
			.map_err(|error| Error::unreachable(&self.url, error))?;
		Ok(record.is_some())
	}
}
