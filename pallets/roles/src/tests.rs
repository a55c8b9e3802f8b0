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
