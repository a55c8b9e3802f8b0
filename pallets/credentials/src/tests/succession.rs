//! Successors: governance names an accredited institution to take care of a withdrawn issuer's
//! credentials.

use super::*;
use crate::{CredentialStatus, Error, Event, Issuers, RevocationReason, WithdrawalReason};
use frame_support::{assert_noop, assert_ok};

fn withdraw_university() {
	assert_ok!(Credentials::withdraw_accreditation(
		RuntimeOrigin::root(),
		UNIVERSITY,
		WithdrawalReason::Merged,
		None
	));
}

#[test]
fn a_named_successor_may_revoke_suspend_and_reinstate_the_old_credentials() {
	new_test_ext(|| {
		issue_as(REGISTRAR, digest(1), no_terms());
		issue_as(REGISTRAR, digest(2), no_terms());
		withdraw_university();
		assert_ok!(Credentials::name_successor(RuntimeOrigin::root(), UNIVERSITY, COLLEGE));
		assert_eq!(Issuers::<Test>::get(UNIVERSITY).unwrap().successor, Some(COLLEGE));
		System::assert_last_event(
			Event::SuccessorNamed { issuer: UNIVERSITY, successor: COLLEGE }.into(),
		);

		assert_ok!(Credentials::suspend(
			RuntimeOrigin::signed(COLLEGE),
			digest(1),
			Some(UNIVERSITY)
		));
		assert_ok!(Credentials::reinstate(
			RuntimeOrigin::signed(COLLEGE),
			digest(1),
			Some(UNIVERSITY)
		));
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(COLLEGE),
			digest(2),
			RevocationReason::Superseded,
			Some(UNIVERSITY)
		));
		let record = crate::Credentials::<Test>::get(digest(2)).unwrap();
		// The record still names its original issuer.
		assert_eq!(record.issuer, UNIVERSITY);
		assert!(matches!(record.status, CredentialStatus::Revoked { by: COLLEGE, .. }));
	});
}

#[test]
fn a_successor_delegate_acts_for_the_successor() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		withdraw_university();
		assert_ok!(Credentials::name_successor(RuntimeOrigin::root(), UNIVERSITY, COLLEGE));
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(COLLEGE), 21));
		assert_ok!(Credentials::accept_delegation(RuntimeOrigin::signed(21), COLLEGE));
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(21),
			digest(1),
			RevocationReason::Other,
			Some(UNIVERSITY)
		));
	});
}

#[test]
fn without_a_successor_nobody_changes_a_withdrawn_issuers_credentials() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		withdraw_university();
		assert_noop!(
			Credentials::revoke(
				RuntimeOrigin::signed(COLLEGE),
				digest(1),
				RevocationReason::Other,
				Some(UNIVERSITY)
			),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn a_successor_can_be_named_only_for_a_withdrawn_issuer() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::name_successor(RuntimeOrigin::root(), UNIVERSITY, COLLEGE),
			Error::<Test>::IssuerNotWithdrawn
		);
		assert_noop!(
			Credentials::name_successor(RuntimeOrigin::root(), OUTSIDER, COLLEGE),
			Error::<Test>::IssuerNotFound
		);
	});
}

#[test]
fn the_successor_must_be_another_accredited_issuer() {
	new_test_ext(|| {
		withdraw_university();
		for successor in [UNIVERSITY, OUTSIDER, REGISTRAR] {
			assert_noop!(
				Credentials::name_successor(RuntimeOrigin::root(), UNIVERSITY, successor),
				Error::<Test>::InvalidSuccessor
			);
		}
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), COLLEGE));
		assert_noop!(
			Credentials::name_successor(RuntimeOrigin::root(), UNIVERSITY, COLLEGE),
			Error::<Test>::InvalidSuccessor
		);
	});
}

#[test]
fn a_suspended_successor_may_revoke_but_not_reinstate() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_ok!(Credentials::suspend(
			RuntimeOrigin::signed(UNIVERSITY),
			digest(1),
			Some(UNIVERSITY)
		));
		withdraw_university();
		assert_ok!(Credentials::name_successor(RuntimeOrigin::root(), UNIVERSITY, COLLEGE));
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), COLLEGE));
		assert_noop!(
			Credentials::reinstate(RuntimeOrigin::signed(COLLEGE), digest(1), Some(UNIVERSITY)),
			Error::<Test>::IssuerSuspended
		);
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(COLLEGE),
			digest(1),
			RevocationReason::Other,
			Some(UNIVERSITY)
		));
	});
}

#[test]
fn naming_a_new_successor_replaces_the_old_one() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		withdraw_university();
		assert_ok!(Credentials::name_successor(RuntimeOrigin::root(), UNIVERSITY, COLLEGE));
		accredit_new_issuer(40);
		assert_ok!(Credentials::name_successor(RuntimeOrigin::root(), UNIVERSITY, 40));
		assert_noop!(
			Credentials::suspend(RuntimeOrigin::signed(COLLEGE), digest(1), Some(UNIVERSITY)),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(40), digest(1), Some(UNIVERSITY)));
	});
}
