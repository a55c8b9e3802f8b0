//! Issuer applications, accreditation, suspension, reinstatement, withdrawal and rejection.

use super::*;
use crate::{
	Error, Event, IssuerStanding, Issuers, PendingApplications, Signers, WithdrawalReason,
};
use frame_support::{assert_noop, assert_ok};
use pallet_roles::Role;
use sp_runtime::DispatchError;

const APPLICANT: u64 = 30;

#[test]
fn genesis_accredits_the_configured_issuers_with_their_delegates() {
	new_test_ext(|| {
		let university = Issuers::<Test>::get(UNIVERSITY).unwrap();
		assert_eq!(university.standing, IssuerStanding::Accredited);
		assert_eq!(university.delegates.to_vec(), vec![REGISTRAR]);
		assert_eq!(&university.profile.name[..], b"Example University");
		assert!(Roles::has_role(&UNIVERSITY, Role::Issuer));
		assert!(Roles::has_role(&REGISTRAR, Role::Delegate));
		assert_eq!(Signers::<Test>::get(REGISTRAR).unwrap().issuer, UNIVERSITY);
		assert_eq!(Issuers::<Test>::get(COLLEGE).unwrap().standing, IssuerStanding::Accredited);
	});
}

#[test]
fn register_issuer_records_an_applicant_and_emits_event() {
	new_test_ext(|| {
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(APPLICANT), profile("Inst")));
		let record = Issuers::<Test>::get(APPLICANT).unwrap();
		assert_eq!(record.standing, IssuerStanding::Applicant);
		assert_eq!(record.registered_at, 1);
		assert_eq!(PendingApplications::<Test>::get(), 1);
		assert!(!Roles::has_role(&APPLICANT, Role::Issuer));
		System::assert_last_event(Event::IssuerRegistered { issuer: APPLICANT }.into());
	});
}

#[test]
fn register_issuer_requires_a_signed_origin() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::register_issuer(RuntimeOrigin::none(), profile("Inst")),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_issuer_twice_fails() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::register_issuer(RuntimeOrigin::signed(UNIVERSITY), profile("Again")),
			Error::<Test>::IssuerAlreadyRegistered
		);
	});
}

#[test]
fn a_delegate_cannot_register_as_an_issuer() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::register_issuer(RuntimeOrigin::signed(REGISTRAR), profile("Side job")),
			Error::<Test>::AccountIsDelegate
		);
	});
}

#[test]
fn register_issuer_validates_the_profile() {
	new_test_ext(|| {
		let signed = || RuntimeOrigin::signed(APPLICANT);
		let mut empty_name = profile("x");
		empty_name.name = Default::default();
		assert_noop!(
			Credentials::register_issuer(signed(), empty_name),
			Error::<Test>::InvalidName
		);

		let mut binary_name = profile("x");
		binary_name.name = vec![0xff, 0xfe].try_into().unwrap();
		assert_noop!(
			Credentials::register_issuer(signed(), binary_name),
			Error::<Test>::InvalidName
		);

		let mut empty_uri = profile("x");
		empty_uri.uri = Default::default();
		assert_noop!(Credentials::register_issuer(signed(), empty_uri), Error::<Test>::InvalidUri);

		let mut lower_country = profile("x");
		lower_country.country = *b"nl";
		assert_noop!(
			Credentials::register_issuer(signed(), lower_country),
			Error::<Test>::InvalidCountryCode
		);
	});
}

#[test]
fn pending_applications_are_bounded() {
	new_test_ext(|| {
		for applicant in 30..33 {
			assert_ok!(Credentials::register_issuer(
				RuntimeOrigin::signed(applicant),
				profile(&format!("I {applicant}"))
			));
		}
		assert_noop!(
			Credentials::register_issuer(RuntimeOrigin::signed(33), profile("I 33")),
			Error::<Test>::TooManyPendingApplications
		);
		assert_ok!(Credentials::accredit_issuer(RuntimeOrigin::root(), 30));
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(33), profile("I 33")));
	});
}

#[test]
fn accredit_issuer_makes_the_applicant_a_signer_with_a_role() {
	new_test_ext(|| {
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(APPLICANT), profile("Inst")));
		assert_ok!(Credentials::accredit_issuer(RuntimeOrigin::root(), APPLICANT));
		assert_eq!(Issuers::<Test>::get(APPLICANT).unwrap().standing, IssuerStanding::Accredited);
		assert_eq!(Signers::<Test>::get(APPLICANT).unwrap().issuer, APPLICANT);
		assert!(Roles::has_role(&APPLICANT, Role::Issuer));
		assert_eq!(PendingApplications::<Test>::get(), 0);
		System::assert_last_event(Event::IssuerAccredited { issuer: APPLICANT }.into());
	});
}

#[test]
fn admit_issuer_registers_and_accredits_an_account_without_a_role() {
	new_test_ext(|| {
		assert!(!Roles::has_any_role(&APPLICANT));
		assert_ok!(Credentials::admit_issuer(RuntimeOrigin::root(), APPLICANT, profile("Inst")));
		let record = Issuers::<Test>::get(APPLICANT).unwrap();
		assert_eq!(record.standing, IssuerStanding::Accredited);
		assert_eq!(&record.profile.name[..], b"Inst");
		assert_eq!(Signers::<Test>::get(APPLICANT).unwrap().issuer, APPLICANT);
		assert!(Roles::has_role(&APPLICANT, Role::Issuer));
		assert_eq!(PendingApplications::<Test>::get(), 0);
		System::assert_has_event(Event::IssuerRegistered { issuer: APPLICANT }.into());
		System::assert_last_event(Event::IssuerAccredited { issuer: APPLICANT }.into());
	});
}

#[test]
fn admit_issuer_works_when_the_application_queue_is_full() {
	new_test_ext(|| {
		for applicant in 40..40 + MaxPendingApplications::get() as u64 {
			assert_ok!(Credentials::register_issuer(
				RuntimeOrigin::signed(applicant),
				profile(&format!("Queued {applicant}"))
			));
		}
		assert_ok!(Credentials::admit_issuer(RuntimeOrigin::root(), APPLICANT, profile("Inst")));
		assert_eq!(Issuers::<Test>::get(APPLICANT).unwrap().standing, IssuerStanding::Accredited);
		assert_eq!(PendingApplications::<Test>::get(), MaxPendingApplications::get());
	});
}

#[test]
fn admit_issuer_refuses_the_wrong_origin_a_known_issuer_and_a_bad_profile() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::admit_issuer(RuntimeOrigin::signed(UNIVERSITY), APPLICANT, profile("I")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credentials::admit_issuer(RuntimeOrigin::root(), COLLEGE, profile("Again")),
			Error::<Test>::IssuerAlreadyRegistered
		);
		assert_noop!(
			Credentials::admit_issuer(RuntimeOrigin::root(), APPLICANT, profile("")),
			Error::<Test>::InvalidName
		);
	});
}

#[test]
fn accreditation_calls_require_the_accreditation_origin() {
	new_test_ext(|| {
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(APPLICANT), profile("Inst")));
		let signed = || RuntimeOrigin::signed(UNIVERSITY);
		assert_noop!(Credentials::accredit_issuer(signed(), APPLICANT), DispatchError::BadOrigin);
		assert_noop!(
			Credentials::reject_application(signed(), APPLICANT),
			DispatchError::BadOrigin
		);
		assert_noop!(Credentials::suspend_issuer(signed(), COLLEGE), DispatchError::BadOrigin);
		assert_noop!(Credentials::reinstate_issuer(signed(), COLLEGE), DispatchError::BadOrigin);
		assert_noop!(
			Credentials::withdraw_accreditation(signed(), COLLEGE, WithdrawalReason::Other, None),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credentials::name_successor(signed(), COLLEGE, UNIVERSITY),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn accredit_issuer_that_is_not_an_applicant_fails() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::accredit_issuer(RuntimeOrigin::root(), OUTSIDER),
			Error::<Test>::IssuerNotFound
		);
		assert_noop!(
			Credentials::accredit_issuer(RuntimeOrigin::root(), UNIVERSITY),
			Error::<Test>::NotAnApplicant
		);
	});
}

#[test]
fn suspend_and_reinstate_issuer_update_every_signer_and_emit_events() {
	new_test_ext(|| {
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), UNIVERSITY));
		assert_eq!(Issuers::<Test>::get(UNIVERSITY).unwrap().standing, IssuerStanding::Suspended);
		assert_eq!(Signers::<Test>::get(REGISTRAR).unwrap().standing, IssuerStanding::Suspended);
		System::assert_last_event(Event::IssuerSuspended { issuer: UNIVERSITY }.into());

		assert_ok!(Credentials::reinstate_issuer(RuntimeOrigin::root(), UNIVERSITY));
		assert_eq!(Signers::<Test>::get(REGISTRAR).unwrap().standing, IssuerStanding::Accredited);
		System::assert_last_event(Event::IssuerReinstated { issuer: UNIVERSITY }.into());
	});
}

#[test]
fn suspend_or_reinstate_in_the_wrong_standing_fails() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::reinstate_issuer(RuntimeOrigin::root(), UNIVERSITY),
			Error::<Test>::IssuerNotSuspended
		);
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), UNIVERSITY));
		assert_noop!(
			Credentials::suspend_issuer(RuntimeOrigin::root(), UNIVERSITY),
			Error::<Test>::IssuerNotAccredited
		);
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(APPLICANT), profile("Inst")));
		assert_noop!(
			Credentials::suspend_issuer(RuntimeOrigin::root(), APPLICANT),
			Error::<Test>::IssuerNotAccredited
		);
		assert_noop!(
			Credentials::suspend_issuer(RuntimeOrigin::root(), OUTSIDER),
			Error::<Test>::IssuerNotFound
		);
	});
}

#[test]
fn withdrawal_keeps_the_record_and_removes_signers_and_roles() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_ok!(Credentials::withdraw_accreditation(
			RuntimeOrigin::root(),
			UNIVERSITY,
			WithdrawalReason::Merged,
			None
		));
		let record = Issuers::<Test>::get(UNIVERSITY).unwrap();
		assert_eq!(record.standing, IssuerStanding::Withdrawn(WithdrawalReason::Merged));
		assert!(record.delegates.is_empty());
		assert!(Signers::<Test>::get(UNIVERSITY).is_none());
		assert!(Signers::<Test>::get(REGISTRAR).is_none());
		assert!(!Roles::has_any_role(&UNIVERSITY));
		assert!(!Roles::has_any_role(&REGISTRAR));
		// What it issued stays on chain.
		assert_eq!(crate::Credentials::<Test>::get(digest(1)).unwrap().issuer, UNIVERSITY);
		System::assert_last_event(
			Event::AccreditationWithdrawn {
				issuer: UNIVERSITY,
				reason: WithdrawalReason::Merged,
				distrusted_from: None,
			}
			.into(),
		);
	});
}

#[test]
fn withdrawal_of_a_suspended_issuer_works_and_is_final() {
	new_test_ext(|| {
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), COLLEGE));
		assert_ok!(Credentials::withdraw_accreditation(
			RuntimeOrigin::root(),
			COLLEGE,
			WithdrawalReason::Misconduct,
			Some(1)
		));
		assert_noop!(
			Credentials::withdraw_accreditation(
				RuntimeOrigin::root(),
				COLLEGE,
				WithdrawalReason::Other,
				None
			),
			Error::<Test>::IssuerWithdrawn
		);
		assert_noop!(
			Credentials::reinstate_issuer(RuntimeOrigin::root(), COLLEGE),
			Error::<Test>::IssuerWithdrawn
		);
		assert_noop!(
			Credentials::suspend_issuer(RuntimeOrigin::root(), COLLEGE),
			Error::<Test>::IssuerWithdrawn
		);
	});
}

#[test]
fn withdrawal_of_an_applicant_fails() {
	new_test_ext(|| {
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(APPLICANT), profile("Inst")));
		assert_noop!(
			Credentials::withdraw_accreditation(
				RuntimeOrigin::root(),
				APPLICANT,
				WithdrawalReason::Other,
				None
			),
			Error::<Test>::IssuerNotAccredited
		);
	});
}

#[test]
fn reject_application_removes_it_and_emits_event() {
	new_test_ext(|| {
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(APPLICANT), profile("Inst")));
		assert_ok!(Credentials::reject_application(RuntimeOrigin::root(), APPLICANT));
		assert!(Issuers::<Test>::get(APPLICANT).is_none());
		assert_eq!(PendingApplications::<Test>::get(), 0);
		System::assert_last_event(Event::ApplicationRejected { issuer: APPLICANT }.into());
		// It may apply again.
		assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(APPLICANT), profile("Inst")));
	});
}

#[test]
fn reject_application_of_an_accredited_issuer_fails() {
	new_test_ext(|| {
		assert_noop!(
			Credentials::reject_application(RuntimeOrigin::root(), UNIVERSITY),
			Error::<Test>::NotAnApplicant
		);
		assert_noop!(
			Credentials::reject_application(RuntimeOrigin::root(), OUTSIDER),
			Error::<Test>::IssuerNotFound
		);
	});
}

#[test]
fn a_new_issuer_can_issue_once_accredited() {
	new_test_ext(|| {
		accredit_new_issuer(APPLICANT);
		issue_as(APPLICANT, digest(7), no_terms());
	});
}
