//! Unit tests of the roles pallet: grants, revocations, provider references and events.

use crate::{mock::*, Error, Event, Grants, Role};
use frame_support::{assert_noop, assert_ok};

fn providers(who: u64) -> u32 {
	System::providers(&who)
}

#[test]
fn genesis_grants_give_the_account_a_provider() {
	new_test_ext(|| {
		assert!(Roles::has_role(&GENESIS_ACCOUNT, Role::Bootstrap));
		assert!(Roles::has_any_role(&GENESIS_ACCOUNT));
		assert_eq!(providers(GENESIS_ACCOUNT), 1);
	});
}

#[test]
fn first_grant_adds_one_provider_and_emits_event() {
	new_test_ext(|| {
		assert_eq!(providers(7), 0);
		assert_ok!(Roles::grant(&7, Role::Issuer));
		assert_eq!(providers(7), 1);
		assert!(Roles::has_role(&7, Role::Issuer));
		assert!(!Roles::has_role(&7, Role::Delegate));
		System::assert_last_event(Event::RoleGranted { who: 7, role: Role::Issuer }.into());
	});
}

#[test]
fn further_grants_do_not_add_providers() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Issuer));
		assert_ok!(Roles::grant(&7, Role::Delegate));
		assert_ok!(Roles::grant(&7, Role::Delegate));
		assert_eq!(providers(7), 1);
		assert_eq!(Grants::<Test>::get(7, Role::Delegate), 2);
	});
}

#[test]
fn role_stays_until_its_last_grant_is_revoked() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Delegate));
		assert_ok!(Roles::grant(&7, Role::Delegate));
		assert_ok!(Roles::revoke(&7, Role::Delegate));
		assert!(Roles::has_role(&7, Role::Delegate));
		assert_eq!(providers(7), 1);
		assert_ok!(Roles::revoke(&7, Role::Delegate));
		assert!(!Roles::has_role(&7, Role::Delegate));
		System::assert_last_event(Event::RoleRevoked { who: 7, role: Role::Delegate }.into());
	});
}

#[test]
fn revoking_the_last_grant_releases_the_provider() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Validator));
		assert_ok!(Roles::revoke(&7, Role::Validator));
		assert_eq!(providers(7), 0);
		assert!(!Roles::has_any_role(&7));
	});
}

#[test]
fn revoking_a_role_not_held_fails() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Issuer));
		assert_noop!(Roles::revoke(&7, Role::Validator), Error::<Test>::RoleNotHeld);
		assert_noop!(Roles::revoke(&8, Role::Issuer), Error::<Test>::RoleNotHeld);
	});
}

#[test]
fn last_grant_of_an_account_in_use_cannot_be_revoked() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Issuer));
		assert_ok!(System::inc_consumers(&7));
		assert_noop!(Roles::revoke(&7, Role::Issuer), Error::<Test>::AccountStillInUse);
		System::dec_consumers(&7);
		assert_ok!(Roles::revoke(&7, Role::Issuer));
	});
}

#[test]
fn grant_counter_overflow_is_refused() {
	new_test_ext(|| {
		Grants::<Test>::insert(GENESIS_ACCOUNT, Role::Bootstrap, u32::MAX);
		crate::GrantCount::<Test>::insert(GENESIS_ACCOUNT, u32::MAX);
		assert_noop!(Roles::grant(&GENESIS_ACCOUNT, Role::Bootstrap), Error::<Test>::TooManyGrants);
		// Restore consistent state for the invariant check.
		Grants::<Test>::insert(GENESIS_ACCOUNT, Role::Bootstrap, 1);
		crate::GrantCount::<Test>::insert(GENESIS_ACCOUNT, 1);
	});
}

mod check_role {
	use super::*;
	use crate::{CheckRole, NO_ROLE};
	use frame_support::dispatch::DispatchInfo;
	use sp_runtime::{
		traits::DispatchTransaction,
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	};

	fn remark() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() })
	}

	fn validate(origin: RuntimeOrigin) -> Result<(), TransactionValidityError> {
		CheckRole::<Test>::new()
			.validate_only(
				origin,
				&remark(),
				&DispatchInfo::default(),
				0,
				TransactionSource::External,
				0,
			)
			.map(|_| ())
	}

	#[test]
	fn a_signer_without_a_role_is_refused_with_the_no_role_code() {
		new_test_ext(|| {
			assert_eq!(
				validate(RuntimeOrigin::signed(42)),
				Err(InvalidTransaction::Custom(NO_ROLE).into())
			);
		});
	}

	#[test]
	fn a_signer_with_any_role_passes() {
		new_test_ext(|| {
			assert_eq!(validate(RuntimeOrigin::signed(GENESIS_ACCOUNT)), Ok(()));
			assert_ok!(Roles::grant(&42, Role::Delegate));
			assert_eq!(validate(RuntimeOrigin::signed(42)), Ok(()));
		});
	}

	#[test]
	fn a_signer_whose_last_role_was_revoked_is_refused_again() {
		new_test_ext(|| {
			assert_ok!(Roles::grant(&42, Role::Validator));
			assert_ok!(Roles::revoke(&42, Role::Validator));
			assert_eq!(
				validate(RuntimeOrigin::signed(42)),
				Err(InvalidTransaction::Custom(NO_ROLE).into())
			);
		});
	}

	#[test]
	fn unsigned_transactions_pass_through() {
		use sp_runtime::traits::TransactionExtension;
		new_test_ext(|| {
			let validated = CheckRole::<Test>::new().validate(
				RuntimeOrigin::none(),
				&remark(),
				&DispatchInfo::default(),
				0,
				(),
				&sp_runtime::traits::TxBaseImplication(()),
				TransactionSource::External,
			);
			assert!(validated.is_ok());
		});
	}
}

mod membership {
	use super::*;
	use crate::GrantRoleToMembers;
	use frame_support::{
		parameter_types,
		traits::{ChangeMembers, InitializeMembers},
	};

	parameter_types! {
		pub const Council: Role = Role::CouncilMember;
	}

	type Hook = GrantRoleToMembers<Test, Council, ()>;

	#[test]
	fn initial_members_are_granted_the_role() {
		new_test_ext(|| {
			Hook::initialize_members(&[10, 11]);
			assert!(Roles::has_role(&10, Role::CouncilMember));
			assert!(Roles::has_role(&11, Role::CouncilMember));
		});
	}

	#[test]
	fn incoming_members_gain_and_outgoing_members_lose_the_role() {
		new_test_ext(|| {
			Hook::initialize_members(&[10, 11]);
			Hook::change_members_sorted(&[12], &[10], &[11, 12]);
			assert!(!Roles::has_role(&10, Role::CouncilMember));
			assert!(!Roles::has_any_role(&10));
			assert!(Roles::has_role(&11, Role::CouncilMember));
			assert!(Roles::has_role(&12, Role::CouncilMember));
		});
	}

	#[test]
	fn a_member_keeps_its_other_roles_when_it_leaves() {
		new_test_ext(|| {
			Hook::initialize_members(&[GENESIS_ACCOUNT]);
			Hook::change_members_sorted(&[], &[GENESIS_ACCOUNT], &[]);
			assert!(!Roles::has_role(&GENESIS_ACCOUNT, Role::CouncilMember));
			assert!(Roles::has_role(&GENESIS_ACCOUNT, Role::Bootstrap));
		});
	}
}
