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
//! | Issuer, Delegate | `Credentials.issue`, `issue_batch`, `anchor_batch`, `revoke`, `suspend`, `reinstate`, `revoke_batch`, `revoke_batch_leaf`, `suspend_batch_leaf`, `reinstate_batch_leaf` |
//! | Invitee | `Credentials.accept_delegation` |
//! | Delegate, Invitee | `Credentials.resign_delegation` |
//! | nobody (governance only) | everything else: `System.remark*`, `System.set_code`, `Timestamp.set`, `ValidatorSet.*`, `RuntimeUpgrade.*`, the council's own administration, accreditation, quotas, well-known nodes |

use pallet_roles::{CallPermissions, Role, RoleSet};

use super::RuntimeCall;

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

impl CallPermissions<RuntimeCall> for CallsByRole {
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
		}
	}
}

fn system(call: &frame_system::Call<super::Runtime>) -> RoleSet {
	match call {
		frame_system::Call::apply_authorized_upgrade { .. } => MEMBER,
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
		| Call::reinstate_batch_leaf { .. } => ISSUER_OR_DELEGATE,
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
}
