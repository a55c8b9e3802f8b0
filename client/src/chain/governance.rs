//! The consortium's governance through the council: proposing a motion, voting on it, closing it
//! once enough members voted aye, and a validator registering its session keys.
//!
//! A motion is one governance call ([`Proposal`]) dispatched with the council's origin once its
//! threshold of ayes is reached. The runtime requires more than half of the council for day-to-day
//! decisions and two thirds for changes to the council itself and runtime upgrades;
//! [`Proposal::threshold`] computes the matching threshold from the council's size.

use subxt::{
	rpcs::RpcClient,
	utils::{AccountId32, MultiAddress, Static, H256},
};

use super::{one_param, submit::dispatch_failure, CredChain, FinalizedBlock};
use crate::{
	bytes32::to_hex,
	explain,
	keys::SigningKey,
	profile::IssuerProfile,
	runtime::{
		self,
		council::events::{Executed, Proposed, Voted},
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec, credchain_runtime::SessionKeys,
			pallet_consortium_nodes::pallet::Call as NodeAuthorizationCall,
			pallet_credentials::pallet::Call as CredentialsCall,
			pallet_membership::pallet::Call as MembershipCall,
			pallet_runtime_upgrade::pallet::Call as RuntimeUpgradeCall,
			pallet_validator_set::pallet::Call as ValidatorSetCall,
			sp_consensus_aura::sr25519::app_sr25519::Public as AuraKey,
			sp_consensus_grandpa::app::Public as GrandpaKey, sp_weights::weight_v2::Weight,
		},
	},
	Digest, Error, Result,
};

/// The most bytes a proposal may take; governance calls take a few hundred at most.
const PROPOSAL_LENGTH_BOUND: u32 = 4_096;

/// The most weight a motion's call may use when it is closed: far above any governance call
/// (they weigh well under 0.1 s), well under a block.
const PROPOSAL_WEIGHT_BOUND: Weight = Weight { ref_time: 500_000_000_000, proof_size: 1_048_576 };

/// A governance decision the council can make.
#[derive(Clone, Debug)]
pub enum Proposal {
	/// Register and accredit a new issuer in one step.
	AdmitIssuer {
		/// The issuer's account.
		issuer: AccountId32,
		/// Its profile.
		profile: IssuerProfile,
	},
	/// Accredit an issuer that applied with `register_issuer`.
	AccreditIssuer(AccountId32),
	/// Suspend an accredited issuer.
	SuspendIssuer(AccountId32),
	/// Reinstate a suspended issuer.
	ReinstateIssuer(AccountId32),
	/// Apply the profile change the issuer proposed, exactly as it is pending on chain.
	ApproveProfileChange(AccountId32),
	/// Move an issuer's signing key.
	MoveIssuerKey {
		/// The issuer.
		issuer: AccountId32,
		/// The account that signs for it from now on.
		new_key: AccountId32,
	},
	/// Withdraw an issuer's accreditation for good.
	WithdrawIssuer {
		/// The issuer.
		issuer: AccountId32,
		/// Why.
		reason: crate::reasons::WithdrawalReason,
		/// The first block whose credentials from it are no longer trusted, if any.
		distrusted_from: Option<u32>,
	},
	/// Add a validator (it validates once it registered session keys, two sessions later).
	AddValidator(AccountId32),
	/// Remove a validator.
	RemoveValidator(AccountId32),
	/// Authorize a node, by its PeerId (raw bytes), owned by a member's account.
	AddNode {
		/// The node's libp2p PeerId, as bytes.
		peer_id: Vec<u8>,
		/// The account that owns the node.
		owner: AccountId32,
	},
	/// Withdraw a node's authorization.
	RemoveNode(Vec<u8>),
	/// Seat a new council member.
	AddCouncilMember(AccountId32),
	/// Unseat a council member.
	RemoveCouncilMember(AccountId32),
	/// Authorize the runtime whose code (WebAssembly) hashes to this BLAKE2-256 hash; anyone may
	/// then enact it with [`CredChain::apply_authorized_upgrade`].
	AuthorizeUpgrade(Digest),
	/// Set how many credential records an issuer may write per block and per quota day (`None`:
	/// the runtime's default).
	SetIssuanceQuota {
		/// The issuer.
		issuer: AccountId32,
		/// Its quota.
		quota: Option<crate::IssuanceQuota>,
	},
}

impl Proposal {
	/// The ayes needed for a council of `members` to carry this proposal: more than half, or two
	/// thirds for changes to the council.
	pub fn threshold(&self, members: u32) -> u32 {
		match self {
			Self::AddCouncilMember(_)
			| Self::RemoveCouncilMember(_)
			| Self::AuthorizeUpgrade(_) => (2 * members).div_ceil(3),
			_ => members / 2 + 1,
		}
		.max(1)
	}
}

/// Where a proposal stands after it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProposalOutcome {
	/// The motion is open for votes.
	Open(Motion),
	/// The proposer's aye was enough: the call ran.
	Executed {
		/// The call, as the runtime names it (`Credentials.admit_issuer`).
		call: String,
		/// The block it ran in.
		block: FinalizedBlock,
	},
}

/// An open council motion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Motion {
	/// The proposed call, as the runtime names it (`Credentials.admit_issuer`).
	pub call: String,
	/// The hash of the proposed call.
	pub hash: Digest,
	/// The motion's index.
	pub index: u32,
	/// The ayes it needs.
	pub threshold: u32,
}

/// What a vote did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteOutcome {
	/// The vote was counted; the motion needs more ayes.
	Counted(FinalizedBlock),
	/// The vote carried the motion: it was closed and its call ran, in this block.
	Executed(FinalizedBlock),
}

/// Keys a node generated and the proof that they belong to an account, from
/// `author_rotateKeysWithOwner`.
#[derive(serde::Deserialize)]
struct GeneratedSessionKeys {
	/// The SCALE-encoded session keys, as 0x-hex.
	keys: String,
	/// The proof of ownership, as 0x-hex.
	proof: String,
}

/// Decodes 0x-hex the node sent about `what`.
fn node_hex(text: &str, what: &str) -> Result<Vec<u8>> {
	hex::decode(text.trim_start_matches("0x")).map_err(|error| {
		Error::Incompatible(format!("the node sent {what} that is not hex: {error}"))
	})
}

impl CredChain {
	/// The council's members, at the latest finalized block.
	pub async fn council_members(&self) -> Result<Vec<AccountId32>> {
		let at = self.at_finalized().await?;
		at.storage()
			.fetch(&runtime::storage().council().members(), ())
			.await
			.map_err(|error| Error::unreachable(&self.url, error))?
			.decode()
			.map_err(|error| {
				Error::Incompatible(format!("the council's members do not decode: {error}"))
			})
	}

	/// The ayes the open motion `hash` needs, or an input error if no such motion is open.
	async fn motion_threshold(&self, hash: Digest) -> Result<u32> {
		let at = self.at_finalized().await?;
		let votes = at
			.storage()
			.try_fetch(&runtime::storage().council().voting(), (H256(hash),))
			.await
			.map_err(|error| Error::unreachable(&self.url, error))?
			.ok_or_else(|| {
				Error::input(format!("there is no open council motion {}", to_hex(&hash)))
			})?;
		let votes = votes.decode().map_err(|error| {
			Error::Incompatible(format!(
				"the votes of motion {} do not decode: {error}",
				to_hex(&hash)
			))
		})?;
		Ok(votes.threshold)
	}

	/// Proposes `proposal` to the council, signed by the member `key`, with the threshold the
	/// runtime requires for it, and votes aye on it as that member.
	pub async fn propose(&self, key: &SigningKey, proposal: &Proposal) -> Result<ProposalOutcome> {
		let members = self.council_members().await?;
		let member = key.account();
		if !members.contains(&member) {
			return Err(Error::input(format!(
				"{member} is not a member of the council, so it cannot propose"
			)));
		}
		let threshold = proposal.threshold(members.len() as u32);
		let call = self.runtime_call(proposal).await?;
		let call_name = explain::runtime_name(&call);
		let propose = runtime::tx().council().propose(threshold, call, PROPOSAL_LENGTH_BOUND);
		let included = self.submit(key, &propose).await?;
		if let Some(executed) = included.event::<Executed>() {
			return match dispatch_failure(&executed.result, &included.metadata) {
				None => Ok(ProposalOutcome::Executed { call: call_name, block: included.block }),
				Some(reason) => Err(Error::Rejected(format!(
					"the motion {call_name} ran in block {} and failed: {reason}",
					included.block
				))),
			};
		}
		let proposed = included.event::<Proposed>().ok_or_else(|| {
			Error::Uncertain(format!(
				"the proposal was included in block {}, but the council reported no motion",
				included.block
			))
		})?;
		let motion = Motion {
			call: call_name,
			hash: proposed.proposal_hash.0,
			index: proposed.proposal_index,
			threshold: proposed.threshold,
		};
		// The council does not count the proposer's aye by itself.
		Ok(match self.vote(key, motion.hash, motion.index, true).await? {
			VoteOutcome::Executed(block) => ProposalOutcome::Executed { call: motion.call, block },
			VoteOutcome::Counted(_) => ProposalOutcome::Open(motion),
		})
	}

	/// Votes on the open motion `hash` (index `index`) as the member `key`; when an aye carries
	/// it, closes it too, so that its call runs.
	pub async fn vote(
		&self,
		key: &SigningKey,
		hash: Digest,
		index: u32,
		approve: bool,
	) -> Result<VoteOutcome> {
		let threshold = self.motion_threshold(hash).await?;
		let vote = runtime::tx().council().vote(H256(hash), index, approve);
		let voted = self.submit(key, &vote).await?;
		let ayes = voted.event::<Voted>().map_or(0, |voted| voted.yes);
		if !approve || ayes < threshold {
			return Ok(VoteOutcome::Counted(voted.block));
		}
		Ok(VoteOutcome::Executed(self.close(key, hash, index).await?))
	}

	/// Closes the motion `hash` (index `index`): its call runs if it has enough ayes. The proposal
	/// slot the motion took from its proposer is released afterwards, whoever proposed it.
	pub async fn close(
		&self,
		key: &SigningKey,
		hash: Digest,
		index: u32,
	) -> Result<FinalizedBlock> {
		let close = runtime::tx().council().close(
			H256(hash),
			index,
			PROPOSAL_WEIGHT_BOUND,
			PROPOSAL_LENGTH_BOUND,
		);
		let included = self.submit(key, &close).await?;
		self.release_proposal_slot(key, hash).await?;
		match included.event::<Executed>() {
			Some(executed) => match dispatch_failure(&executed.result, &included.metadata) {
				None => Ok(included.block),
				Some(reason) => Err(Error::Rejected(format!(
					"the motion {} closed in block {} and its call failed: {reason}",
					to_hex(&hash),
					included.block
				))),
			},
			None => Err(Error::Rejected(format!(
				"the motion {} was closed in block {} without being carried (not enough ayes)",
				to_hex(&hash),
				included.block
			))),
		}
	}

	/// Gives the proposer of the closed motion `hash` its proposal slot back (each member may have
	/// only a few motions open), signed by the member `key`.
	pub async fn release_proposal_slot(&self, key: &SigningKey, hash: Digest) -> Result<()> {
		self.submit(key, &runtime::tx().council().release_proposal_cost(H256(hash))).await?;
		Ok(())
	}

	/// Has the node at `keys_node_url` (the validator's own node, with unsafe RPC methods open to
	/// its operator) generate new session keys for `key`'s account, and registers them on chain.
	/// The validator's account must hold a role (the council added it as a validator).
	pub async fn set_session_keys(
		&self,
		key: &SigningKey,
		keys_node_url: &str,
	) -> Result<FinalizedBlock> {
		let account = key.account();
		let node = RpcClient::from_insecure_url(keys_node_url)
			.await
			.map_err(|error| Error::unreachable(keys_node_url, error))?;
		let owner = format!("0x{}", hex::encode(account.0));
		let generated: GeneratedSessionKeys = node
			.request("author_rotateKeysWithOwner", one_param(owner)?)
			.await
			.map_err(|error| {
				Error::unreachable(
					keys_node_url,
					format!(
						"it could not generate session keys ({error}); the validator's own node must \
						 serve unsafe RPC methods (--rpc-methods unsafe) to its operator"
					),
				)
			})?;
		let keys = node_hex(&generated.keys, "session keys")?;
		if keys.len() != 64 {
			return Err(Error::Incompatible(format!(
				"the node generated {} bytes of session keys; this chain's are 64 (Aura + GRANDPA)",
				keys.len()
			)));
		}
		let mut aura = [0u8; 32];
		let mut grandpa = [0u8; 32];
		aura.copy_from_slice(&keys[..32]);
		grandpa.copy_from_slice(&keys[32..]);
		let keys = SessionKeys { aura: AuraKey(aura), grandpa: GrandpaKey(grandpa) };
		let proof = node_hex(&generated.proof, "a key ownership proof")?;
		Ok(self.submit(key, &runtime::tx().session().set_keys(keys, proof)).await?.block)
	}

	/// Enacts the runtime upgrade the council authorized, uploading `code` (the new runtime's
	/// WebAssembly); the chain checks it against the authorized hash and its spec version.
	pub async fn apply_authorized_upgrade(
		&self,
		key: &SigningKey,
		code: Vec<u8>,
	) -> Result<FinalizedBlock> {
		let call = runtime::tx().system().apply_authorized_upgrade(code);
		Ok(self.submit(key, &call).await?.block)
	}

	/// `proposal` as the runtime call the council dispatches.
	async fn runtime_call(&self, proposal: &Proposal) -> Result<runtime::Call> {
		use runtime::Call as RuntimeCall;
		use CredentialsCall as Credentials;
		Ok(match proposal.clone() {
			Proposal::AdmitIssuer { issuer, profile } => {
				let profile = self.checked_profile(&profile).await?;
				RuntimeCall::Credentials(Credentials::admit_issuer { issuer, profile })
			}
			Proposal::AccreditIssuer(issuer) => {
				RuntimeCall::Credentials(Credentials::accredit_issuer { issuer })
			}
			Proposal::SuspendIssuer(issuer) => {
				RuntimeCall::Credentials(Credentials::suspend_issuer { issuer })
			}
			Proposal::ReinstateIssuer(issuer) => {
				RuntimeCall::Credentials(Credentials::reinstate_issuer { issuer })
			}
			Proposal::ApproveProfileChange(issuer) => {
				let profile = self.pending_profile_change(&issuer).await?;
				RuntimeCall::Credentials(Credentials::approve_profile_change { issuer, profile })
			}
			Proposal::MoveIssuerKey { issuer, new_key } => {
				RuntimeCall::Credentials(Credentials::move_issuer_key { issuer, new_key })
			}
			Proposal::WithdrawIssuer { issuer, reason, distrusted_from } => {
				RuntimeCall::Credentials(Credentials::withdraw_accreditation {
					issuer,
					reason: Static(reason),
					distrusted_from,
				})
			}
			Proposal::AddValidator(validator) => {
				RuntimeCall::ValidatorSet(ValidatorSetCall::add_validator { validator })
			}
			Proposal::RemoveValidator(validator) => {
				RuntimeCall::ValidatorSet(ValidatorSetCall::remove_validator { validator })
			}
			Proposal::AddNode { peer_id, owner } => {
				RuntimeCall::NodeAuthorization(NodeAuthorizationCall::add_well_known_node {
					node: BoundedVec(peer_id),
					owner,
				})
			}
			Proposal::RemoveNode(peer_id) => {
				RuntimeCall::NodeAuthorization(NodeAuthorizationCall::remove_well_known_node {
					node: BoundedVec(peer_id),
				})
			}
			Proposal::AddCouncilMember(who) => {
				RuntimeCall::CouncilMembership(MembershipCall::add_member {
					who: MultiAddress::Id(who),
				})
			}
			Proposal::RemoveCouncilMember(who) => {
				RuntimeCall::CouncilMembership(MembershipCall::remove_member {
					who: MultiAddress::Id(who),
				})
			}
			Proposal::AuthorizeUpgrade(code_hash) => {
				RuntimeCall::RuntimeUpgrade(RuntimeUpgradeCall::authorize_upgrade {
					code_hash: H256(code_hash),
				})
			}
			Proposal::SetIssuanceQuota { issuer, quota } => {
				RuntimeCall::Credentials(Credentials::set_issuance_quota {
					issuer,
					quota: quota.map(Static),
				})
			}
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn day_to_day_motions_need_more_than_half_of_the_council() {
		let proposal = Proposal::AddValidator(AccountId32([1; 32]));
		assert_eq!(proposal.threshold(1), 1);
		assert_eq!(proposal.threshold(4), 3);
		assert_eq!(proposal.threshold(5), 3);
	}

	#[test]
	fn council_changes_and_upgrades_need_two_thirds() {
		assert_eq!(Proposal::AuthorizeUpgrade([0; 32]).threshold(4), 3);
		let proposal = Proposal::AddCouncilMember(AccountId32([1; 32]));
		assert_eq!(proposal.threshold(1), 1);
		assert_eq!(proposal.threshold(3), 2);
		assert_eq!(proposal.threshold(4), 3);
		assert_eq!(proposal.threshold(6), 4);
	}
}
