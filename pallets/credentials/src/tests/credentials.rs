//! Issuing single credentials and batches, and changing their status.

use super::*;
use crate::{
	CredentialInput, CredentialStatus, Credentials as CredentialRecords, Error, Event,
	RevocationReason,
};
use frame_support::{assert_noop, assert_ok, BoundedVec};

fn batch_of(digests: impl IntoIterator<Item = u8>) -> BoundedVec<CredentialInput, ConstU32<16>> {
	digests
		.into_iter()
		.map(|byte| CredentialInput { digest: digest(byte), terms: no_terms() })
		.collect::<Vec<_>>()
		.try_into()
		.expect("test batches fit")
}

use frame_support::traits::ConstU32;

#[test]
fn issue_stores_the_record_and_emits_event() {
	new_test_ext(|| {
		let achievement = create_achievement(REGISTRAR, "https://u.example/a", None);
		let terms = CredentialTerms {
			valid_from: Some(NOW),
			valid_until: Some(NOW + 1_000),
			achievement: Some(achievement),
			holder: Some(digest(0xB0)),
		};
		assert_ok!(Credentials::issue(RuntimeOrigin::signed(REGISTRAR), digest(1), terms.clone()));
		let record = CredentialRecords::<Test>::get(digest(1)).unwrap();
		assert_eq!(record.issuer, UNIVERSITY);
		assert_eq!(record.issued_at, 1);
		assert_eq!(record.issued_on, NOW);
		assert_eq!(record.terms, terms);
		assert_eq!(record.status, CredentialStatus::Active);
		System::assert_last_event(
			Event::CredentialIssued {
				digest: digest(1),
				issuer: UNIVERSITY,
				signer: REGISTRAR,
				terms,
			}
			.into(),
		);
	});
}

#[test]
fn issue_requires_a_signer() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(OUTSIDER), digest(1), no_terms()),
			Error::<Test>::NotASigner
		);
		assert_noop!(
			Credentials::issue(RuntimeOrigin::root(), digest(1), no_terms()),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_applicant_cannot_issue() {
	new_test_ext(|| {
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(30), profile("Inst")));
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(30), digest(1), no_terms()),
			Error::<Test>::NotASigner
		);
	});
}

#[test]
fn a_suspended_issuer_and_its_delegates_cannot_issue() {
	new_test_ext(|| {
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), UNIVERSITY));
		for signer in [UNIVERSITY, REGISTRAR] {
			assert_noop!(
				Credentials::issue(RuntimeOrigin::signed(signer), digest(1), no_terms()),
				Error::<Test>::IssuerSuspended
			);
		}
	});
}

#[test]
fn a_withdrawn_issuer_cannot_issue() {
	new_test_ext(|| {
		assert_ok!(Credentials::withdraw_accreditation(
			RuntimeOrigin::root(),
			UNIVERSITY,
			crate::WithdrawalReason::Closed,
			None
		));
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(UNIVERSITY), digest(1), no_terms()),
			Error::<Test>::NotASigner
		);
	});
}

#[test]
fn a_digest_is_never_issued_twice_even_after_revocation() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(REGISTRAR), digest(1), no_terms()),
			Error::<Test>::CredentialAlreadyExists
		);
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(UNIVERSITY),
			digest(1),
			RevocationReason::IssuedInError,
			None
		));
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(UNIVERSITY), digest(1), no_terms()),
			Error::<Test>::CredentialAlreadyExists
		);
	});
}

#[test]
fn a_validity_window_must_end_after_it_starts() {
	new_test_ext(|| {
		for (from, until) in [(NOW, NOW), (NOW + 1, NOW)] {
			let terms =
				CredentialTerms { valid_from: Some(from), valid_until: Some(until), ..no_terms() };
			assert_noop!(
				Credentials::issue(RuntimeOrigin::signed(UNIVERSITY), digest(1), terms),
				Error::<Test>::InvalidValidityWindow
			);
		}
		let open_ended = CredentialTerms { valid_from: Some(NOW), ..no_terms() };
		issue_as(UNIVERSITY, digest(1), open_ended);
		let until_only = CredentialTerms { valid_until: Some(1), ..no_terms() };
		issue_as(UNIVERSITY, digest(2), until_only);
	});
}

#[test]
fn issue_batch_stores_each_credential_and_emits_an_event_each() {
	new_test_ext(|| {
		assert_ok!(Credentials::issue_batch(RuntimeOrigin::signed(REGISTRAR), batch_of(1..=5)));
		for byte in 1..=5 {
			assert_eq!(CredentialRecords::<Test>::get(digest(byte)).unwrap().issuer, UNIVERSITY);
		}
		let issued = credential_events()
			.into_iter()
			.filter(|event| matches!(event, Event::CredentialIssued { .. }))
			.count();
		assert_eq!(issued, 5);
		// Each is revocable on its own.
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(UNIVERSITY),
			digest(3),
			RevocationReason::Superseded,
			None
		));
		assert_eq!(
			CredentialRecords::<Test>::get(digest(2)).unwrap().status,
			CredentialStatus::Active
		);
	});
}

#[test]
fn issue_batch_is_all_or_nothing() {
	new_test_ext(|| {
		issue_as(REGISTRAR, digest(3), no_terms());
		assert_noop!(
			Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch_of(1..=5)),
			Error::<Test>::CredentialAlreadyExists
		);
		assert_noop!(
			Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch_of([7, 7])),
			Error::<Test>::CredentialAlreadyExists
		);
		assert!(CredentialRecords::<Test>::get(digest(1)).is_none());
	});
}

#[test]
fn issue_batch_rejects_an_empty_batch_and_unauthorized_signers() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch_of([])),
			Error::<Test>::EmptyBatch
		);
		assert_noop!(
			Credentials::issue_batch(RuntimeOrigin::signed(OUTSIDER), batch_of([1])),
			Error::<Test>::NotASigner
		);
	});
}

#[test]
fn revoke_records_reason_block_and_signer_and_is_final() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		System::set_block_number(5);
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(REGISTRAR),
			digest(1),
			RevocationReason::FraudOrMisconduct,
			None
		));
		assert_eq!(
			CredentialRecords::<Test>::get(digest(1)).unwrap().status,
			CredentialStatus::Revoked {
				reason: RevocationReason::FraudOrMisconduct,
				at: 5,
				by: REGISTRAR
			}
		);
		System::assert_last_event(
			Event::CredentialRevoked {
				digest: digest(1),
				issuer: UNIVERSITY,
				by: REGISTRAR,
				reason: RevocationReason::FraudOrMisconduct,
			}
			.into(),
		);
		assert_noop!(
			Credentials::revoke(
				RuntimeOrigin::signed(UNIVERSITY),
				digest(1),
				RevocationReason::Other,
				None
			),
			Error::<Test>::AlreadyRevoked
		);
		assert_noop!(
			Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), digest(1), None),
			Error::<Test>::AlreadyRevoked
		);
		assert_noop!(
			Credentials::reinstate(RuntimeOrigin::signed(UNIVERSITY), digest(1), None),
			Error::<Test>::AlreadyRevoked
		);
	});
}

#[test]
fn suspend_and_reinstate_round_trip_with_events() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(REGISTRAR), digest(1), None));
		assert_eq!(
			CredentialRecords::<Test>::get(digest(1)).unwrap().status,
			CredentialStatus::Suspended { since: 1, by: REGISTRAR }
		);
		System::assert_last_event(
			Event::CredentialSuspended { digest: digest(1), issuer: UNIVERSITY, by: REGISTRAR }
				.into(),
		);
		assert_noop!(
			Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), digest(1), None),
			Error::<Test>::AlreadySuspended
		);
		assert_ok!(Credentials::reinstate(RuntimeOrigin::signed(UNIVERSITY), digest(1), None));
		assert_eq!(
			CredentialRecords::<Test>::get(digest(1)).unwrap().status,
			CredentialStatus::Active
		);
		System::assert_last_event(
			Event::CredentialReinstated { digest: digest(1), issuer: UNIVERSITY, by: UNIVERSITY }
				.into(),
		);
		assert_noop!(
			Credentials::reinstate(RuntimeOrigin::signed(UNIVERSITY), digest(1), None),
			Error::<Test>::NotSuspended
		);
	});
}

#[test]
fn a_suspended_credential_can_be_revoked() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), digest(1), None));
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(UNIVERSITY),
			digest(1),
			RevocationReason::HolderRequest,
			None
		));
	});
}

#[test]
fn only_the_issuer_side_changes_a_status() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_noop!(
			Credentials::revoke(
				RuntimeOrigin::signed(COLLEGE),
				digest(1),
				RevocationReason::Other,
				Some(UNIVERSITY)
			),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Credentials::suspend(RuntimeOrigin::signed(COLLEGE), digest(1), Some(UNIVERSITY)),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Credentials::revoke(
				RuntimeOrigin::signed(OUTSIDER),
				digest(1),
				RevocationReason::Other,
				None
			),
			Error::<Test>::NotASigner
		);
	});
}

#[test]
fn changing_an_unknown_credential_fails() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::revoke(
				RuntimeOrigin::signed(UNIVERSITY),
				digest(9),
				RevocationReason::Other,
				None
			),
			Error::<Test>::CredentialNotFound
		);
		assert_noop!(
			Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), digest(9), None),
			Error::<Test>::CredentialNotFound
		);
		assert_noop!(
			Credentials::reinstate(RuntimeOrigin::signed(UNIVERSITY), digest(9), None),
			Error::<Test>::CredentialNotFound
		);
	});
}

#[test]
fn a_suspended_issuer_may_revoke_and_suspend_but_not_reinstate() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		issue_as(UNIVERSITY, digest(2), no_terms());
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), digest(2), None));
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), UNIVERSITY));
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(REGISTRAR), digest(1), None));
		assert_noop!(
			Credentials::reinstate(RuntimeOrigin::signed(REGISTRAR), digest(2), None),
			Error::<Test>::IssuerSuspended
		);
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(UNIVERSITY),
			digest(2),
			RevocationReason::Other,
			None
		));
	});
}

#[test]
fn a_withdrawn_issuer_cannot_change_statuses() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_ok!(Credentials::withdraw_accreditation(
			RuntimeOrigin::root(),
			UNIVERSITY,
			crate::WithdrawalReason::Closed,
			None
		));
		assert_noop!(
			Credentials::revoke(
				RuntimeOrigin::signed(UNIVERSITY),
				digest(1),
				RevocationReason::Other,
				None
			),
			Error::<Test>::NotASigner
		);
	});
}
