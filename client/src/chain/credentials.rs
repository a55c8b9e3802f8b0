//! What issuers and their delegates do: issue credentials (one by one or as a Merkle batch), change
//! their status, apply and propose profile changes, and manage delegate keys.

use subxt::utils::{AccountId32, Static};

use super::{submit::Included, CredChain, FinalizedBlock, ProfileLimits};
use crate::{
	credential_terms::check_terms,
	keys::SigningKey,
	merkle::LeafProof,
	profile::IssuerProfile,
	reasons::RevocationReason,
	runtime::{
		self,
		credentials::events::{BatchAnchored, CredentialIssued, ProfileChangeProposed},
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_credentials::types::IssuerProfile as ChainProfile,
		},
	},
	CredentialTerms, Digest, Error, Result,
};

/// What issuing one or more credentials one by one (`issue`, `issue_batch`) did.
#[derive(Clone, Debug)]
pub struct IssueReceipt {
	/// The block the credentials were issued in.
	pub block: FinalizedBlock,
	/// The issuer the credentials belong to (the signer itself, or the issuer it is a delegate of).
	pub issuer: AccountId32,
	/// The account that signed.
	pub signer: AccountId32,
	/// The digests the chain reported as issued.
	pub issued: Vec<Digest>,
}

/// What anchoring a Merkle batch did.
#[derive(Clone, Debug)]
pub struct AnchorReceipt {
	/// The block the batch was anchored in.
	pub block: FinalizedBlock,
	/// The issuer the batch belongs to.
	pub issuer: AccountId32,
	/// The account that signed.
	pub signer: AccountId32,
	/// The anchored root.
	pub root: Digest,
	/// The number of credentials in the batch.
	pub leaf_count: u32,
}

/// What proposing a profile change did.
#[derive(Clone, Debug)]
pub struct ProfileProposalReceipt {
	/// The block the proposal was recorded in.
	pub block: FinalizedBlock,
	/// The issuer whose profile it is (its lasting account, which may differ from the key that
	/// signed once governance moved its key).
	pub issuer: AccountId32,
}

impl CredChain {
	/// Issues one credential.
	pub async fn issue(
		&self,
		key: &SigningKey,
		digest: Digest,
		terms: &CredentialTerms,
	) -> Result<IssueReceipt> {
		check_terms(terms)?;
		let call = runtime::tx().credentials().issue(digest, Static(terms.clone()));
		Ok(issue_receipt(self.submit(key, &call).await?, key))
	}

	/// Issues several credentials sharing `terms` in one transaction, each its own record. All or
	/// nothing: if one digest was issued before, none is issued. At most
	/// [`max_batch_size`](Self::max_batch_size) digests.
	pub async fn issue_batch(
		&self,
		key: &SigningKey,
		digests: &[Digest],
		terms: &CredentialTerms,
	) -> Result<IssueReceipt> {
		let credentials: Vec<(Digest, CredentialTerms)> =
			digests.iter().map(|digest| (*digest, terms.clone())).collect();
		self.issue_each(key, &credentials).await
	}

	/// Issues several credentials, each with its own terms (a holder commitment of its own, say),
	/// in one transaction, each its own record; all or nothing, at most
	/// [`max_batch_size`](Self::max_batch_size).
	pub async fn issue_each(
		&self,
		key: &SigningKey,
		credentials: &[(Digest, CredentialTerms)],
	) -> Result<IssueReceipt> {
		for (_, terms) in credentials {
			check_terms(terms)?;
		}
		let limit = self.max_batch_size().await?;
		if credentials.is_empty() || credentials.len() > limit as usize {
			return Err(Error::input(format!(
				"one transaction issues between 1 and {limit} credentials, not {}",
				credentials.len()
			)));
		}
		let credentials = credentials
			.iter()
			.map(|(digest, terms)| {
				Static(pallet_credentials::CredentialInput {
					digest: *digest,
					terms: terms.clone(),
				})
			})
			.collect();
		let call = runtime::tx().credentials().issue_batch(BoundedVec(credentials));
		Ok(issue_receipt(self.submit(key, &call).await?, key))
	}

	/// Anchors the Merkle root of a batch of `leaf_count` credentials sharing `terms`.
	pub async fn anchor_batch(
		&self,
		key: &SigningKey,
		root: Digest,
		leaf_count: u32,
		terms: &CredentialTerms,
	) -> Result<AnchorReceipt> {
		check_terms(terms)?;
		let call =
			runtime::tx().credentials().anchor_batch(root, leaf_count, Static(terms.clone()));
		let included = self.submit(key, &call).await?;
		let (issuer, signer) = match included.event::<BatchAnchored>() {
			Some(event) => (event.issuer, event.signer),
			None => (key.account(), key.account()),
		};
		Ok(AnchorReceipt { block: included.block, issuer, signer, root, leaf_count })
	}

	/// Revokes a credential for good: the record of the key's issuer, or, with `predecessor`, that
	/// of a withdrawn issuer whose successor the key acts for (so for every status change below).
	pub async fn revoke(
		&self,
		key: &SigningKey,
		digest: Digest,
		reason: RevocationReason,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().revoke(digest, Static(reason), predecessor);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Suspends a credential until it is reinstated.
	pub async fn suspend(
		&self,
		key: &SigningKey,
		digest: Digest,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().suspend(digest, predecessor);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Lifts a credential's suspension.
	pub async fn reinstate(
		&self,
		key: &SigningKey,
		digest: Digest,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().reinstate(digest, predecessor);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Revokes every credential of the Merkle batch `root` for good.
	pub async fn revoke_batch(
		&self,
		key: &SigningKey,
		root: Digest,
		reason: RevocationReason,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().revoke_batch(root, Static(reason), predecessor);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Revokes one credential of the Merkle batch `root`, shown by `proof` to be its leaf `leaf`.
	pub async fn revoke_batch_leaf(
		&self,
		key: &SigningKey,
		root: Digest,
		leaf: Digest,
		proof: &LeafProof,
		reason: RevocationReason,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().revoke_batch_leaf(
			root,
			leaf,
			proof.leaf_index,
			BoundedVec(proof.siblings.clone()),
			Static(reason),
			predecessor,
		);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Suspends one credential of the Merkle batch `root`, shown by `proof` to be its leaf `leaf`.
	pub async fn suspend_batch_leaf(
		&self,
		key: &SigningKey,
		root: Digest,
		leaf: Digest,
		proof: &LeafProof,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().suspend_batch_leaf(
			root,
			leaf,
			proof.leaf_index,
			BoundedVec(proof.siblings.clone()),
			predecessor,
		);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Lifts the suspension of the credential `leaf` of the Merkle batch `root`.
	pub async fn reinstate_batch_leaf(
		&self,
		key: &SigningKey,
		root: Digest,
		leaf: Digest,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().reinstate_batch_leaf(root, leaf, predecessor);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Applies to become an issuer with `profile`; the key's account becomes the issuer's identity.
	pub async fn register_issuer(
		&self,
		key: &SigningKey,
		profile: &IssuerProfile,
	) -> Result<FinalizedBlock> {
		let call =
			runtime::tx().credentials().register_issuer(self.checked_profile(profile).await?);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Proposes `profile` as the key's issuer profile; it applies once governance approves it
	/// ([`Self::approve_profile_change`], or a council motion).
	pub async fn propose_profile_change(
		&self,
		key: &SigningKey,
		profile: &IssuerProfile,
	) -> Result<ProfileProposalReceipt> {
		let profile = self.checked_profile(profile).await?;
		let included =
			self.submit(key, &runtime::tx().credentials().propose_profile_change(profile)).await?;
		Ok(ProfileProposalReceipt {
			block: included.block,
			issuer: included
				.event::<ProfileChangeProposed>()
				.map_or_else(|| key.account(), |event| event.issuer),
		})
	}

	/// Invites `delegate` to become a key that may issue and change statuses for the key's issuer;
	/// it becomes one once it accepts ([`Self::accept_delegation`]).
	pub async fn add_delegate(
		&self,
		key: &SigningKey,
		delegate: &AccountId32,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().add_delegate(*delegate);
		Ok(self.submit(key, &call).await?.block)
	}

	/// The invited `key` accepts `issuer`'s invitation and becomes its delegate.
	pub async fn accept_delegation(
		&self,
		key: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().accept_delegation(*issuer);
		Ok(self.submit(key, &call).await?.block)
	}

	/// The delegate `key` stops acting for `issuer` (or declines its invitation).
	pub async fn resign_delegation(
		&self,
		key: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().resign_delegation(*issuer);
		Ok(self.submit(key, &call).await?.block)
	}

	/// Removes one of the key's issuer's delegate keys, or cancels its invitation.
	pub async fn remove_delegate(
		&self,
		key: &SigningKey,
		delegate: &AccountId32,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().credentials().remove_delegate(*delegate);
		Ok(self.submit(key, &call).await?.block)
	}

	/// `profile` as the chain takes it, after checking its lengths against the chain's limits.
	pub(super) async fn checked_profile(&self, profile: &IssuerProfile) -> Result<ChainProfile> {
		let ProfileLimits { max_name_length: max_name, max_uri_length: max_uri, max_identifiers } =
			self.profile_limits().await?;
		if profile.name.len() > max_name as usize {
			return Err(Error::input(format!(
				"the name is {} bytes long; this chain allows at most {max_name}",
				profile.name.len()
			)));
		}
		if profile.uri.len() > max_uri as usize {
			return Err(Error::input(format!(
				"the URI is {} bytes long; this chain allows at most {max_uri}",
				profile.uri.len()
			)));
		}
		if profile.identifiers.len() > max_identifiers as usize {
			return Err(Error::input(format!(
				"the profile has {} identifiers besides its URI; this chain allows at most \
				 {max_identifiers}",
				profile.identifiers.len()
			)));
		}
		if let Some(long) = profile.identifiers.iter().find(|id| id.len() > max_uri as usize) {
			return Err(Error::input(format!(
				"the identifier {} is {} bytes long; this chain allows at most {max_uri}",
				crate::bytes32::quote(long),
				long.len()
			)));
		}
		Ok(ChainProfile {
			name: BoundedVec(profile.name.as_bytes().to_vec()),
			uri: BoundedVec(profile.uri.as_bytes().to_vec()),
			country: profile.country,
			identifiers: BoundedVec(
				profile.identifiers.iter().map(|id| BoundedVec(id.as_bytes().to_vec())).collect(),
			),
		})
	}

	/// The storage key of the record of `digest` its first issuer keeps (`Credentials::Credentials`;
	/// issuers that anchored it after are in `CoIssuedCredentials`), as the node's metadata defines
	/// it: for tools that read the record raw (`credchain bench`).
	pub async fn credential_storage_key(&self, digest: Digest) -> Result<Vec<u8>> {
		let at = self.at_finalized().await?;
		at.storage()
			.entry(runtime::storage().credentials().credentials())
			.and_then(|entry| entry.fetch_key((digest,)))
			.map_err(|error| {
				Error::Incompatible(format!(
					"the chain at {} does not keep credentials as this client expects: {error}",
					self.url
				))
			})
	}

	/// The profile change `issuer` proposed and governance has not approved yet, read at the latest
	/// finalized block.
	pub(super) async fn pending_profile_change(
		&self,
		issuer: &AccountId32,
	) -> Result<ChainProfile> {
		let at = self.at_finalized().await?;
		let proposals = runtime::storage().credentials().profile_proposals();
		let pending = at
			.storage()
			.try_fetch(&proposals, (*issuer,))
			.await
			.map_err(|error| Error::unreachable(&self.url, error))?
			.ok_or_else(|| {
				Error::input(format!(
					"{issuer} has no pending profile change: the issuer proposes one first \
					 (`credchain issuer update`)"
				))
			})?;
		pending.decode().map_err(|error| {
			Error::Uncertain(format!("the pending profile of {issuer} does not decode: {error}"))
		})
	}
}

/// The receipt of an `issue` or `issue_batch` signed with `key`.
pub(super) fn issue_receipt(included: Included, key: &SigningKey) -> IssueReceipt {
	let issued = included.events::<CredentialIssued>();
	let (issuer, signer) = issued
		.first()
		.map(|event| (event.issuer, event.signer))
		.unwrap_or_else(|| (key.account(), key.account()));
	IssueReceipt {
		block: included.block,
		issuer,
		signer,
		issued: issued.into_iter().map(|event| event.digest).collect(),
	}
}
