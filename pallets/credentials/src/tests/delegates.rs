//! Delegate keys: added and removed by the issuer's own account, signing with the issuer's standing.

use super::*;
use crate::{Error, Event, Issuers, Signers, WithdrawalReason};
use frame_support::{assert_noop, assert_ok};
use pallet_roles::Role;

const NEW_KEY: u64 = 12;

#[test]
fn add_delegate_lets_the_key_issue_for_the_issuer() {
	new_test_ext(|| {
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY));
		assert!(Roles::has_role(&NEW_KEY, Role::Delegate));
		System::assert_last_event(
			Event::DelegateAdded { issuer: UNIVERSITY, delegate: NEW_KEY }.into(),
		);
		issue_as(NEW_KEY, digest(1), no_terms());
		assert_eq!(crate::Credentials::<Test>::get(digest(1)).unwrap().issuer, UNIVERSITY);
	});
}

#[test]
fn remove_delegate_stops_the_key_and_keeps_its_history() {
	new_test_ext(|| {
		issue_as(REGISTRAR, digest(1), no_terms());
		assert_ok!(Credentials::remove_delegate(RuntimeOrigin::signed(UNIVERSITY), REGISTRAR));
		assert!(!Roles::has_any_role(&REGISTRAR));
		assert!(Signers::<Test>::get(REGISTRAR).is_none());
		System::assert_last_event(
			Event::DelegateRemoved { issuer: UNIVERSITY, delegate: REGISTRAR }.into(),
		);
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(REGISTRAR), digest(2), no_terms()),
			Error::<Test>::NotASigner
		);
		assert_eq!(crate::Credentials::<Test>::get(digest(1)).unwrap().issuer, UNIVERSITY);
	});
}

#[test]
fn only_the_issuer_account_manages_delegates() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(REGISTRAR), NEW_KEY),
			Error::<Test>::NotTheIssuerAccount
		);
		assert_noop!(
			Credentials::remove_delegate(RuntimeOrigin::signed(REGISTRAR), REGISTRAR),
			Error::<Test>::NotTheIssuerAccount
		);
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(OUTSIDER), NEW_KEY),
			Error::<Test>::NotASigner
		);
	});
}

#[test]
fn a_key_signs_for_at_most_one_issuer() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(COLLEGE), REGISTRAR),
			Error::<Test>::AlreadyASigner
		);
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(COLLEGE), UNIVERSITY),
			Error::<Test>::AlreadyASigner
		);
	});
}

#[test]
fn an_applicant_or_withdrawn_issuer_cannot_become_a_delegate() {
	new_test_ext(|| {
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(30), profile("Inst")));
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), 30),
			Error::<Test>::IssuerAlreadyRegistered
		);
		assert_ok!(Credentials::withdraw_accreditation(
			RuntimeOrigin::root(),
			COLLEGE,
			WithdrawalReason::Closed
		));
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), COLLEGE),
			Error::<Test>::IssuerAlreadyRegistered
		);
	});
}

#[test]
fn delegates_are_bounded() {
	new_test_ext(|| {
		// UNIVERSITY has one delegate at genesis; the bound is three.
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), 12));
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), 13));
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), 14),
			Error::<Test>::TooManyDelegates
		);
		assert_eq!(Issuers::<Test>::get(UNIVERSITY).unwrap().delegates.len(), 3);
	});
}

#[test]
fn removing_an_unknown_delegate_fails() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::remove_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY),
			Error::<Test>::DelegateNotFound
		);
	});
}

#[test]
fn a_suspended_issuer_may_still_rotate_keys() {
	new_test_ext(|| {
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), UNIVERSITY));
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY));
		assert_eq!(
			Signers::<Test>::get(NEW_KEY).unwrap().standing,
			crate::IssuerStanding::Suspended
		);
		assert_ok!(Credentials::remove_delegate(RuntimeOrigin::signed(UNIVERSITY), REGISTRAR));
	});
}
