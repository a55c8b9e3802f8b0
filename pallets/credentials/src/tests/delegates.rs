//! Delegate keys: invited by the issuer's own account, enlisted only by their own acceptance,
//! removed by the issuer or resigned by themselves, signing with the issuer's standing.

use super::*;
use crate::{Error, Event, Invitations, Issuers, Signers, WithdrawalReason};
use frame_support::{assert_noop, assert_ok};
use pallet_roles::Role;

const NEW_KEY: u64 = 12;

/// `issuer` invites `key` and `key` accepts.
fn enlist(issuer: u64, key: u64) {
	assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(issuer), key));
	assert_ok!(Credentials::accept_delegation(RuntimeOrigin::signed(key), issuer));
}

#[test]
fn an_invitation_alone_does_not_let_the_key_issue() {
	new_test_ext(|| {
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY));
		System::assert_last_event(
			Event::DelegateInvited { issuer: UNIVERSITY, delegate: NEW_KEY }.into(),
		);
		assert!(Roles::has_role(&NEW_KEY, Role::Invitee));
		assert!(!Roles::has_role(&NEW_KEY, Role::Delegate));
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(NEW_KEY), digest(1), no_terms()),
			Error::<Test>::NotASigner
		);
	});
}

#[test]
fn an_accepted_invitation_lets_the_key_issue_for_the_issuer() {
	new_test_ext(|| {
		enlist(UNIVERSITY, NEW_KEY);
		assert!(Roles::has_role(&NEW_KEY, Role::Delegate));
		assert!(!Roles::has_role(&NEW_KEY, Role::Invitee));
		assert!(Invitations::<Test>::get(UNIVERSITY).is_empty());
		System::assert_last_event(
			Event::DelegateAdded { issuer: UNIVERSITY, delegate: NEW_KEY }.into(),
		);
		issue_as(NEW_KEY, digest(1), no_terms());
		assert_eq!(crate::Credentials::<Test>::get(digest(1)).unwrap().issuer, UNIVERSITY);
	});
}

#[test]
fn a_key_cannot_accept_an_invitation_it_did_not_get() {
	new_test_ext(|| {
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY));
		assert_noop!(
			Credentials::accept_delegation(RuntimeOrigin::signed(NEW_KEY), COLLEGE),
			Error::<Test>::NoInvitation
		);
		assert_noop!(
			Credentials::accept_delegation(RuntimeOrigin::signed(13), UNIVERSITY),
			Error::<Test>::NoInvitation
		);
	});
}

#[test]
fn an_invitee_may_decline() {
	new_test_ext(|| {
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY));
		assert_ok!(Credentials::resign_delegation(RuntimeOrigin::signed(NEW_KEY), UNIVERSITY));
		System::assert_last_event(
			Event::InvitationDeclined { issuer: UNIVERSITY, delegate: NEW_KEY }.into(),
		);
		assert!(!Roles::has_any_role(&NEW_KEY));
		assert_noop!(
			Credentials::accept_delegation(RuntimeOrigin::signed(NEW_KEY), UNIVERSITY),
			Error::<Test>::NoInvitation
		);
	});
}

#[test]
fn a_delegate_may_resign() {
	new_test_ext(|| {
		assert_ok!(Credentials::resign_delegation(RuntimeOrigin::signed(REGISTRAR), UNIVERSITY));
		System::assert_last_event(
			Event::DelegateResigned { issuer: UNIVERSITY, delegate: REGISTRAR }.into(),
		);
		assert!(!Roles::has_any_role(&REGISTRAR));
		assert!(Signers::<Test>::get(REGISTRAR).is_none());
		assert!(!Issuers::<Test>::get(UNIVERSITY).unwrap().delegates.contains(&REGISTRAR));
	});
}

#[test]
fn resigning_from_an_issuer_the_key_does_not_act_for_fails() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::resign_delegation(RuntimeOrigin::signed(REGISTRAR), COLLEGE),
			Error::<Test>::DelegateNotFound
		);
	});
}

#[test]
fn the_issuer_may_cancel_an_invitation() {
	new_test_ext(|| {
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY));
		assert_ok!(Credentials::remove_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY));
		System::assert_last_event(
			Event::InvitationCancelled { issuer: UNIVERSITY, delegate: NEW_KEY }.into(),
		);
		assert!(!Roles::has_any_role(&NEW_KEY));
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
fn a_delegate_held_elsewhere_by_a_consumer_reference_is_removed_all_the_same() {
	new_test_ext(|| {
		// Session keys registered by the delegate hold a consumer reference on its account.
		assert_ok!(System::inc_consumers(&REGISTRAR));
		assert_ok!(Credentials::remove_delegate(RuntimeOrigin::signed(UNIVERSITY), REGISTRAR));
		assert!(!Roles::has_any_role(&REGISTRAR));
		System::dec_consumers(&REGISTRAR);
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
		// Invited by two issuers, a key can accept only one of them.
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY));
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(COLLEGE), NEW_KEY));
		assert_ok!(Credentials::accept_delegation(RuntimeOrigin::signed(NEW_KEY), COLLEGE));
		assert_noop!(
			Credentials::accept_delegation(RuntimeOrigin::signed(NEW_KEY), UNIVERSITY),
			Error::<Test>::AlreadyASigner
		);
	});
}

#[test]
fn an_issuer_cannot_invite_the_same_key_twice() {
	new_test_ext(|| {
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY));
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), NEW_KEY),
			Error::<Test>::AlreadyInvited
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
			WithdrawalReason::Closed,
			None
		));
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), COLLEGE),
			Error::<Test>::IssuerAlreadyRegistered
		);
	});
}

#[test]
fn delegates_and_invitations_are_bounded_together() {
	new_test_ext(|| {
		// UNIVERSITY has one delegate at genesis; the bound is three.
		enlist(UNIVERSITY, 12);
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), 13));
		assert_noop!(
			Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), 14),
			Error::<Test>::TooManyDelegates
		);
		assert_ok!(Credentials::accept_delegation(RuntimeOrigin::signed(13), UNIVERSITY));
		assert_eq!(Issuers::<Test>::get(UNIVERSITY).unwrap().delegates.len(), 3);
	});
}

#[test]
fn withdrawal_cancels_open_invitations() {
	new_test_ext(|| {
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(COLLEGE), NEW_KEY));
		assert_ok!(Credentials::withdraw_accreditation(
			RuntimeOrigin::root(),
			COLLEGE,
			WithdrawalReason::Closed,
			None
		));
		assert!(!Roles::has_any_role(&NEW_KEY));
		assert!(Invitations::<Test>::get(COLLEGE).is_empty());
		assert_noop!(
			Credentials::accept_delegation(RuntimeOrigin::signed(NEW_KEY), COLLEGE),
			Error::<Test>::NoInvitation
		);
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
		enlist(UNIVERSITY, NEW_KEY);
		assert_eq!(
			Signers::<Test>::get(NEW_KEY).unwrap().standing,
			crate::IssuerStanding::Suspended
		);
		assert_ok!(Credentials::remove_delegate(RuntimeOrigin::signed(UNIVERSITY), REGISTRAR));
	});
}
