//! Who may sign what: the one table of the calls each role may sign. `pallet_roles::CheckRole`
//! enforces it for every signed transaction, when the pool validates it and again when a block
//! applies it. A call no role may sign is dispatched only by governance: a council motion, or the
//! sudo key of a development chain (`Sudo.sudo`).
//!
//! | role | may sign |
//! | --- | --- |
//! | Bootstrap (dev sudo key) | `Sudo.*` |
//! | Validator | `Session.set_keys`, `Session.purge_keys`, `NodeAuthorization.add_connections` / `remove_connections` (of a node it owns), `Grandpa.report_equivocation`, `System.apply_authorized_upgrade`, `Credentials.register_issuer` |
//! | CouncilMember | `Council.propose` / `vote` / `close` / `release_proposal_cost`, `CouncilMembership.change_key`, `System.apply_authorized_upgrade`, `Credentials.register_issuer` |
//! | Issuer | `Credentials.propose_profile_change`, `add_delegate`, `remove_delegate`, and the issuing calls below |
//! | Issuer, Delegate | `Credentials.issue`, `issue_batch`, `anchor_batch`, `issue_stacked`, `revoke`, `suspend`, `reinstate`, `revoke_batch`, `revoke_batch_leaf`, `suspend_batch_leaf`, `reinstate_batch_leaf`, and the achievement registry's `create_achievement`, `publish_achievement_version`, `deprecate_achievement`, `share_achievement`, `unshare_achievement` |
//! | Invitee | `Credentials.accept_delegation` |
//! | Delegate, Invitee | `Credentials.resign_delegation` |
//! | nobody (governance only) | everything else: `System.remark*`, `System.set_code`, `Timestamp.set`, `ValidatorSet.*`, `RuntimeUpgrade.*`, `Balances.*`, the council's own administration, accreditation, profile approval, key moves, quotas, achievement endorsements, well-known nodes |
//!
//! A multi-signature account (an issuer whose key is a k-of-n of its officers) acts through its
//! signatories: `Multisig.as_multi`, `as_multi_threshold_1`, `approve_as_multi` and
//! `cancel_as_multi` may be signed by any role holder, and are then checked against the roles of
//! the multi-signature account they act for — the call it will dispatch must be one those roles
//! may sign (an approval or cancellation, which carries only the call's hash, needs the account to
//! hold a role). `Multisig.poke_deposit` and oversized signatory lists are governance only.

use alloc::vec::Vec;
use frame_support::traits::Get;
use pallet_roles::{Acting, CallPermissions, Role, RoleSet};

use super::{AccountId, Multisig, RuntimeCall};

/// Validators only.
const VALIDATOR: RoleSet = RoleSet::of(&[Role::Validator]);
/// Council members only.
const COUNCIL_MEMBER: RoleSet = RoleSet::of(&[Role::CouncilMember]);
/// The consortium's members: validators and council members.
const MEMBER: RoleSet = RoleSet::of(&[Role::Validator, Role::CouncilMember]);
/// An issuer's own account only.
const ISSUER: RoleSet = RoleSet::of(&[Role::Issuer]);
/// An issuer's own account or one of its delegates.
const ISSUER_OR_DELEGATE: RoleSet = RoleSet::of(&[Role::Issuer, Role::Delegate]);
/// Governance only: no role may sign.
const NOBODY: RoleSet = RoleSet::NONE;

/// The runtime's [`CallPermissions`]: see the module documentation for the table.
pub struct CallsByRole;

impl CallPermissions<RuntimeCall, AccountId> for CallsByRole {
	fn signable_by(call: &RuntimeCall) -> RoleSet {
		match call {
			RuntimeCall::System(call) => system(call),
			RuntimeCall::Timestamp(_) => NOBODY,
			RuntimeCall::Grandpa(pallet_grandpa::Call::report_equivocation { .. }) => VALIDATOR,
			RuntimeCall::Grandpa(_) => NOBODY,
			RuntimeCall::Sudo(_) => RoleSet::of(&[Role::Bootstrap]),
			RuntimeCall::ValidatorSet(_) => NOBODY,
			RuntimeCall::Session(_) => VALIDATOR,
			RuntimeCall::Council(call) => council(call),
			RuntimeCall::CouncilMembership(pallet_membership::Call::change_key { .. }) => {
				COUNCIL_MEMBER
			}
			RuntimeCall::CouncilMembership(_) => NOBODY,
			RuntimeCall::RuntimeUpgrade(_) => NOBODY,
			RuntimeCall::NodeAuthorization(call) => node_authorization(call),
			RuntimeCall::Credentials(call) => credentials(call),
			RuntimeCall::Balances(_) => NOBODY,
			// Checked against the multi-signature account's roles instead: see `acting_for`.
			RuntimeCall::Multisig(_) => NOBODY,
		}
	}

	fn acting_for<'a>(
		signer: &AccountId,
		call: &'a RuntimeCall,
	) -> Acting<'a, AccountId, RuntimeCall> {
		use pallet_multisig::Call;
		let RuntimeCall::Multisig(call) = call else { return Acting::Itself };
		let (threshold, others, dispatched) = match call {
			Call::as_multi_threshold_1 { other_signatories, call } => {
				(1, other_signatories, Some(&**call))
			}
			Call::as_multi { threshold, other_signatories, call, .. } => {
				(*threshold, other_signatories, Some(&**call))
			}
			Call::approve_as_multi { threshold, other_signatories, .. }
			| Call::cancel_as_multi { threshold, other_signatories, .. } => {
				(*threshold, other_signatories, None)
			}
			_ => return Acting::Itself,
		};
		// The pallet refuses more signatories at dispatch; refusing them here keeps the check cheap.
		let most: u32 = <super::Runtime as pallet_multisig::Config>::MaxSignatories::get();
		if others.len() >= most as usize {
			return Acting::Itself;
		}
		let mut signatories: Vec<AccountId> = others.clone();
		signatories.push(signer.clone());
		signatories.sort();
		Acting::For {
			account: Multisig::multi_account_id(&signatories, threshold),
			call: dispatched,
		}
	}

	fn may_act_for_another(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Multisig(_))
	}
}

fn system(call: &frame_system::Call<super::Runtime>) -> RoleSet {
	match call {
		frame_system::Call::apply_authorized_upgrade { .. } => MEMBER,
		// `benchmark overhead` measures a block full of remarks signed by the development chain's
		// sudo key; only the benchmarking runtime, which is never deployed, lets it sign them.
		#[cfg(feature = "runtime-benchmarks")]
		frame_system::Call::remark { .. } => RoleSet::of(&[Role::Bootstrap]),
		_ => NOBODY,
	}
}

fn council(
	call: &pallet_collective::Call<super::Runtime, frame_support::instances::Instance1>,
) -> RoleSet {
	use pallet_collective::Call;
	match call {
		Call::propose { .. }
		| Call::vote { .. }
		| Call::close { .. }
		| Call::release_proposal_cost { .. } => COUNCIL_MEMBER,
		_ => NOBODY,
	}
}

fn node_authorization(call: &pallet_consortium_nodes::Call<super::Runtime>) -> RoleSet {
	use pallet_consortium_nodes::Call;
	match call {
		Call::add_connections { .. } | Call::remove_connections { .. } => VALIDATOR,
		_ => NOBODY,
	}
}

fn credentials(call: &pallet_credentials::Call<super::Runtime>) -> RoleSet {
	use pallet_credentials::Call;
	match call {
		Call::register_issuer { .. } => MEMBER,
		Call::propose_profile_change { .. }
		| Call::add_delegate { .. }
		| Call::remove_delegate { .. } => ISSUER,
		Call::issue { .. }
		| Call::issue_batch { .. }
		| Call::anchor_batch { .. }
		| Call::revoke { .. }
		| Call::suspend { .. }
		| Call::reinstate { .. }
		| Call::revoke_batch { .. }
		| Call::revoke_batch_leaf { .. }
		| Call::suspend_batch_leaf { .. }
		| Call::reinstate_batch_leaf { .. }
		| Call::issue_stacked { .. }
		| Call::create_achievement { .. }
		| Call::publish_achievement_version { .. }
		| Call::deprecate_achievement { .. }
		| Call::share_achievement { .. }
		| Call::unshare_achievement { .. } => ISSUER_OR_DELEGATE,
		Call::accept_delegation { .. } => RoleSet::of(&[Role::Invitee]),
		Call::resign_delegation { .. } => RoleSet::of(&[Role::Delegate, Role::Invitee]),
		_ => NOBODY,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::AccountId;

	fn signable_by(call: RuntimeCall) -> RoleSet {
		CallsByRole::signable_by(&call)
	}

	#[test]
	fn nobody_signs_remarks_or_code_changes() {
		assert_eq!(
			signable_by(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			NOBODY
		);
		assert_eq!(
			signable_by(RuntimeCall::System(frame_system::Call::remark_with_event {
				remark: vec![]
			})),
			NOBODY
		);
		assert_eq!(
			signable_by(RuntimeCall::System(frame_system::Call::set_code { code: vec![] })),
			NOBODY
		);
	}

	#[test]
	fn only_validators_manage_session_keys() {
		let set_keys = RuntimeCall::Session(pallet_session::Call::purge_keys {});
		assert_eq!(signable_by(set_keys), VALIDATOR);
	}

	#[test]
	fn issuers_and_delegates_issue_but_only_issuers_manage_delegates() {
		let issue = RuntimeCall::Credentials(pallet_credentials::Call::issue {
			digest: [0; 32],
			terms: Default::default(),
		});
		assert_eq!(signable_by(issue), ISSUER_OR_DELEGATE);
		let add = RuntimeCall::Credentials(pallet_credentials::Call::add_delegate {
			delegate: AccountId::new([1; 32]),
		});
		assert_eq!(signable_by(add), ISSUER);
		let accept = RuntimeCall::Credentials(pallet_credentials::Call::accept_delegation {
			issuer: AccountId::new([1; 32]),
		});
		let accept = signable_by(accept);
		assert!(accept.contains(Role::Invitee) && !accept.contains(Role::Delegate));
	}

	#[test]
	fn governance_calls_are_signed_by_nobody() {
		let quota = RuntimeCall::Credentials(pallet_credentials::Call::set_issuance_quota {
			issuer: AccountId::new([1; 32]),
			quota: None,
		});
		assert_eq!(signable_by(quota), NOBODY);
		let add = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
			validator: AccountId::new([1; 32]),
		});
		assert_eq!(signable_by(add), NOBODY);
	}

	fn empty_profile() -> pallet_credentials::ProfileOf<crate::Runtime> {
		pallet_credentials::ProfileOf::<crate::Runtime> {
			name: Default::default(),
			uri: Default::default(),
			country: *b"NL",
			identifiers: Default::default(),
		}
	}

	#[test]
	fn profile_approval_and_key_moves_are_governance_only() {
		let approve = RuntimeCall::Credentials(pallet_credentials::Call::approve_profile_change {
			issuer: AccountId::new([1; 32]),
			profile: empty_profile(),
		});
		assert_eq!(signable_by(approve), NOBODY);
		let move_key = RuntimeCall::Credentials(pallet_credentials::Call::move_issuer_key {
			issuer: AccountId::new([1; 32]),
			new_key: AccountId::new([2; 32]),
		});
		assert_eq!(signable_by(move_key), NOBODY);
		let propose = RuntimeCall::Credentials(pallet_credentials::Call::propose_profile_change {
			profile: empty_profile(),
		});
		assert_eq!(signable_by(propose), ISSUER);
	}

	#[test]
	fn a_signatory_acts_for_the_multisig_account_its_call_names() {
		let (eve, ferdie) = (AccountId::new([5; 32]), AccountId::new([6; 32]));
		let issue = RuntimeCall::Credentials(pallet_credentials::Call::issue {
			digest: [0; 32],
			terms: Default::default(),
		});
		let as_multi = RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
			threshold: 2,
			other_signatories: vec![ferdie.clone()],
			maybe_timepoint: None,
			call: Box::new(issue.clone()),
			max_weight: Default::default(),
		});
		let expected = Multisig::multi_account_id(&[eve.clone(), ferdie.clone()], 2);
		match CallsByRole::acting_for(&eve, &as_multi) {
			Acting::For { account, call: Some(call) } => {
				assert_eq!(account, expected);
				assert_eq!(*call, issue);
			}
			_ => panic!("as_multi acts for the multisig account, with its call"),
		}
		// Ferdie, the other signatory, acts for the same account.
		let from_ferdie = RuntimeCall::Multisig(pallet_multisig::Call::approve_as_multi {
			threshold: 2,
			other_signatories: vec![eve.clone()],
			maybe_timepoint: None,
			call_hash: [0; 32],
			max_weight: Default::default(),
		});
		assert!(matches!(
			CallsByRole::acting_for(&ferdie, &from_ferdie),
			Acting::For { account, call: None } if account == expected
		));
		assert!(matches!(CallsByRole::acting_for(&eve, &issue), Acting::Itself));
		assert_eq!(signable_by(as_multi), NOBODY);
	}
}
