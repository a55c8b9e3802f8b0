//! The arguments of the chain's calls and the fields of its events, as Rust types that subxt encodes
//! to (and decodes from) the runtime's own types by name, using the metadata the node serves. No code
//! is generated from a metadata file: a field renamed on chain shows up as a clear error when a call
//! is built, not as a wrong transaction.

use subxt::{
	ext::{scale_decode::DecodeAsType, scale_encode::EncodeAsType, scale_value::Value},
	utils::{AccountId32, MultiAddress},
};

use crate::{
	terms::{CredentialTerms, RevocationReason, WithdrawalReason},
	Digest,
};

/// The credentials pallet's name in the runtime.
pub(crate) const CREDENTIALS: &str = "Credentials";

/// The sudo pallet's name in the runtime.
pub(crate) const SUDO: &str = "Sudo";

/// `IssuerProfile` (its bounded vectors encode as vectors).
#[derive(EncodeAsType, codec::Decode, Clone, Debug, PartialEq, Eq)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct Profile {
	pub name: Vec<u8>,
	pub uri: Vec<u8>,
	pub country: [u8; 2],
	pub identifiers: Vec<Vec<u8>>,
}

/// `register_issuer(profile)` and `propose_profile_change(profile)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct ProfileArgs {
	pub profile: Profile,
}

/// `add_delegate(delegate)` and `remove_delegate(delegate)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct DelegateArgs {
	pub delegate: AccountId32,
}

/// `issue(digest, terms)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct IssueArgs {
	pub digest: Digest,
	pub terms: CredentialTerms,
}

/// `CredentialInput`: one credential of an `issue_batch`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct CredentialInput {
	pub digest: Digest,
	pub terms: CredentialTerms,
}

/// `issue_batch(credentials)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct IssueBatchArgs {
	pub credentials: Vec<CredentialInput>,
}

/// `revoke(digest, reason, predecessor)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct RevokeArgs {
	pub digest: Digest,
	pub reason: RevocationReason,
	pub predecessor: Option<AccountId32>,
}

/// `suspend(digest, predecessor)` and `reinstate(digest, predecessor)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct DigestArgs {
	pub digest: Digest,
	pub predecessor: Option<AccountId32>,
}

/// `anchor_batch(root, leaf_count, terms)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct AnchorBatchArgs {
	pub root: Digest,
	pub leaf_count: u32,
	pub terms: CredentialTerms,
}

/// `revoke_batch(root, reason, predecessor)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct RevokeBatchArgs {
	pub root: Digest,
	pub reason: RevocationReason,
	pub predecessor: Option<AccountId32>,
}

/// `revoke_batch_leaf(root, leaf, leaf_index, proof, reason, predecessor)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct RevokeBatchLeafArgs {
	pub root: Digest,
	pub leaf: Digest,
	pub leaf_index: u32,
	pub proof: Vec<Digest>,
	pub reason: RevocationReason,
	pub predecessor: Option<AccountId32>,
}

/// `suspend_batch_leaf(root, leaf, leaf_index, proof, predecessor)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct SuspendBatchLeafArgs {
	pub root: Digest,
	pub leaf: Digest,
	pub leaf_index: u32,
	pub proof: Vec<Digest>,
	pub predecessor: Option<AccountId32>,
}

/// `reinstate_batch_leaf(root, leaf, predecessor)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct ReinstateBatchLeafArgs {
	pub root: Digest,
	pub leaf: Digest,
	pub predecessor: Option<AccountId32>,
}

/// The credentials pallet's governance calls, which the accreditation origin (a council motion, or
/// Root through sudo on development chains) makes. Variant and field names are the pallet's call
/// and argument names.
#[allow(non_camel_case_types)]
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) enum GovernanceCall {
	/// `accredit_issuer(issuer)`.
	accredit_issuer { issuer: AccountId32 },
	/// `suspend_issuer(issuer)`.
	suspend_issuer { issuer: AccountId32 },
	/// `reinstate_issuer(issuer)`.
	reinstate_issuer { issuer: AccountId32 },
	/// `withdraw_accreditation(issuer, reason, distrusted_from)`.
	withdraw_accreditation {
		issuer: AccountId32,
		reason: WithdrawalReason,
		distrusted_from: Option<u32>,
	},
	/// `reject_application(issuer)`.
	reject_application { issuer: AccountId32 },
	/// `name_successor(issuer, successor)`.
	name_successor { issuer: AccountId32, successor: AccountId32 },
	/// `admit_issuer(issuer, profile)`.
	admit_issuer { issuer: AccountId32, profile: Profile },
	/// `set_issuance_quota(issuer, quota)`.
	set_issuance_quota { issuer: AccountId32, quota: Option<IssuanceQuota> },
	/// `approve_profile_change(issuer, profile)`.
	approve_profile_change { issuer: AccountId32, profile: Profile },
	/// `move_issuer_key(issuer, new_key)`.
	move_issuer_key { issuer: AccountId32, new_key: AccountId32 },
}

/// `IssuanceQuota`: credential records an issuer may write per block and per quota day.
#[derive(EncodeAsType, Clone, Copy, Debug, PartialEq, Eq)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub struct IssuanceQuota {
	/// Records per block.
	pub per_block: u32,
	/// Records per quota day.
	pub per_day: u32,
}

/// `accept_delegation(issuer)` and `resign_delegation(issuer)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct IssuerArgs {
	pub issuer: AccountId32,
}

/// `Council::release_proposal_cost(proposal_hash)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct ReleaseProposalArgs {
	pub proposal_hash: Digest,
}

impl GovernanceCall {
	/// The call's name in the pallet.
	pub(crate) fn name(&self) -> &'static str {
		match self {
			Self::accredit_issuer { .. } => "accredit_issuer",
			Self::suspend_issuer { .. } => "suspend_issuer",
			Self::reinstate_issuer { .. } => "reinstate_issuer",
			Self::withdraw_accreditation { .. } => "withdraw_accreditation",
			Self::reject_application { .. } => "reject_application",
			Self::name_successor { .. } => "name_successor",
			Self::admit_issuer { .. } => "admit_issuer",
			Self::set_issuance_quota { .. } => "set_issuance_quota",
			Self::approve_profile_change { .. } => "approve_profile_change",
			Self::move_issuer_key { .. } => "move_issuer_key",
		}
	}
}

/// The validator set pallet's calls.
#[allow(non_camel_case_types)]
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) enum ValidatorSetCall {
	/// `add_validator(validator)`.
	add_validator { validator: AccountId32 },
	/// `remove_validator(validator)`.
	remove_validator { validator: AccountId32 },
}

/// The node authorization pallet's calls on well-known nodes.
#[allow(non_camel_case_types)]
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) enum NodeAuthorizationCall {
	/// `add_well_known_node(node, owner)`.
	add_well_known_node { node: Vec<u8>, owner: AccountId32 },
	/// `remove_well_known_node(node)`.
	remove_well_known_node { node: Vec<u8> },
}

/// The council membership pallet's calls.
#[allow(non_camel_case_types)]
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) enum MembershipCall {
	/// `add_member(who)`: the member as an address (`MultiAddress::Id`).
	add_member { who: MultiAddress<AccountId32, ()> },
	/// `remove_member(who)`: the member as an address (`MultiAddress::Id`).
	remove_member { who: MultiAddress<AccountId32, ()> },
}

/// The runtime upgrade pallet's call.
#[allow(non_camel_case_types)]
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) enum RuntimeUpgradeCall {
	/// `authorize_upgrade(code_hash)`.
	authorize_upgrade { code_hash: Digest },
}

/// `System::apply_authorized_upgrade(code)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct ApplyUpgradeArgs {
	pub code: Vec<u8>,
}

/// The runtime's `RuntimeCall`, limited to what governance (sudo or a council motion) dispatches.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) enum RuntimeCall {
	/// A call of the credentials pallet.
	Credentials(GovernanceCall),
	/// A call of the validator set pallet.
	ValidatorSet(ValidatorSetCall),
	/// A call of the node authorization pallet.
	NodeAuthorization(NodeAuthorizationCall),
	/// A call of the council membership pallet.
	CouncilMembership(MembershipCall),
	/// A call of the runtime upgrade pallet.
	RuntimeUpgrade(RuntimeUpgradeCall),
}

/// `Council::propose(threshold, proposal, length_bound)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct ProposeArgs {
	pub threshold: u32,
	pub proposal: RuntimeCall,
	pub length_bound: u32,
}

/// `Council::vote(proposal, index, approve)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct VoteArgs {
	pub proposal: Digest,
	pub index: u32,
	pub approve: bool,
}

/// A `Weight`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct Weight {
	pub ref_time: u64,
	pub proof_size: u64,
}

/// `Council::close(proposal_hash, index, proposal_weight_bound, length_bound)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct CloseArgs {
	pub proposal_hash: Digest,
	pub index: u32,
	pub proposal_weight_bound: Weight,
	pub length_bound: u32,
}

/// The session keys of the runtime (`SessionKeys`): Aura (sr25519) and GRANDPA (ed25519).
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct SessionKeys {
	pub aura: [u8; 32],
	pub grandpa: [u8; 32],
}

/// `Session::set_keys(keys, proof)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct SetKeysArgs {
	pub keys: SessionKeys,
	pub proof: Vec<u8>,
}

/// The fields of `Council::Proposed`.
#[derive(DecodeAsType, Clone, Debug)]
#[decode_as_type(crate_path = "::subxt::ext::scale_decode")]
pub(crate) struct Proposed {
	pub proposal_index: u32,
	pub proposal_hash: Digest,
	pub threshold: u32,
}

/// The fields of `Council::Voted`: the ayes after the vote.
#[derive(DecodeAsType, Clone, Debug)]
#[decode_as_type(crate_path = "::subxt::ext::scale_decode")]
pub(crate) struct Voted {
	pub yes: u32,
}

/// The start of `Council::Voting(hash)`, the open motion's `Votes`: its index and threshold (the
/// votes that follow are not read).
#[derive(codec::Decode, Clone, Debug)]
pub(crate) struct VotesHead {
	pub _index: u32,
	pub threshold: u32,
}

/// The fields of `Council::Executed`: whether the motion's call succeeded.
#[derive(DecodeAsType, Clone, Debug)]
#[decode_as_type(crate_path = "::subxt::ext::scale_decode")]
pub(crate) struct Executed {
	pub result: Value<()>,
}

/// `Sudo::sudo(call)`.
#[derive(EncodeAsType, Clone, Debug)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub(crate) struct SudoArgs {
	pub call: RuntimeCall,
}

/// The fields of `Credentials::CredentialIssued` a receipt shows.
#[derive(DecodeAsType, Clone, Debug)]
#[decode_as_type(crate_path = "::subxt::ext::scale_decode")]
pub(crate) struct CredentialIssued {
	pub digest: Digest,
	pub issuer: AccountId32,
	pub signer: AccountId32,
}

/// The fields of `Credentials::BatchAnchored` a receipt shows.
#[derive(DecodeAsType, Clone, Debug)]
#[decode_as_type(crate_path = "::subxt::ext::scale_decode")]
pub(crate) struct BatchAnchored {
	pub root: Digest,
	pub issuer: AccountId32,
	pub signer: AccountId32,
	pub leaf_count: u32,
}

/// The fields of `Credentials::ProfileChangeProposed` a receipt shows.
#[derive(DecodeAsType, Clone, Debug)]
#[decode_as_type(crate_path = "::subxt::ext::scale_decode")]
pub(crate) struct ProfileChangeProposed {
	pub issuer: AccountId32,
}

/// The fields of `Sudo::Sudid`: whether the call sudo dispatched succeeded. Sudo's own extrinsic
/// succeeds either way, so this is where a refused governance call shows.
#[derive(DecodeAsType, Clone, Debug)]
#[decode_as_type(crate_path = "::subxt::ext::scale_decode")]
pub(crate) struct Sudid {
	pub sudo_result: Value<()>,
}
