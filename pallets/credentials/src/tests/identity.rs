//! Issuer identity: governed profile changes, unique names and identifiers once normalized,
//! refused characters, key moves, distrust from a block, no digest pre-emption, and the verdicts
//! that follow (mismatch, ambiguity, issuer revoked, warnings).

use super::{batches::Tree, *};
use crate::{
	identity::{identity_key, is_identifier, normalized},
	Error, Event, IssuerIdentifiers, IssuerNames, IssuerStanding, Issuers, ProfileProposals,
	RevocationReason, Signers, VerdictStatus, VerdictWarning, WithdrawalReason,
};
use frame_support::{assert_noop, assert_ok};
use pallet_roles::Role;
use sp_runtime::DispatchError;

const APPLICANT: u64 = 30;
/// The URI the mock gives `UNIVERSITY`.
const UNIVERSITY_URI: &str = "https://example-university.example";
/// The URI the mock gives `COLLEGE`.
const COLLEGE_URI: &str = "https://example-college.example";

fn claim(uri: &str) -> Option<Vec<u8>> {
	Some(uri.as_bytes().to_vec())
}

fn propose(who: u64, profile: crate::ProfileOf<Test>) -> sp_runtime::DispatchResult {
	Credentials::propose_profile_change(RuntimeOrigin::signed(who), profile)
}

fn withdraw(
	issuer: u64,
	reason: WithdrawalReason,
	from: Option<u64>,
) -> sp_runtime::DispatchResult {
	Credentials::withdraw_accreditation(RuntimeOrigin::root(), issuer, reason, from)
		.map(|_| ())
		.map_err(|error| error.error)
}

fn approve(issuer: u64, profile: crate::ProfileOf<Test>) -> sp_runtime::DispatchResult {
	Credentials::approve_profile_change(RuntimeOrigin::root(), issuer, profile)
}

#[test]
fn normalization_folds_case_width_and_compatibility_forms() {
	let key = |text: &str| identity_key(text.as_bytes()).unwrap();
	assert_eq!(key("Example University"), key("EXAMPLE UNIVERSITY"));
	assert_eq!(key("Example University"), key("Ｅｘａｍｐｌｅ Ｕｎｉｖｅｒｓｉｔｙ"));
	assert_eq!(key("Example  University"), key("Example University"));
	// "ﬁ" is a compatibility ligature of "fi"; "é" composed equals "e" + combining acute.
	assert_eq!(key("Unifi"), key("Uni\u{FB01}"));
	assert_eq!(key("Universit\u{E9}"), key("Universite\u{301}"));
	assert_ne!(key("Example University"), key("Example College"));
	assert_eq!(normalized("Ｅｘａｍｐｌｅ".as_bytes()).as_deref(), Some("example"));
}

#[test]
fn control_bidi_and_invisible_characters_are_refused() {
	for bad in [
		"Example\u{1b}[31m University",
		"Example \u{202E}ytisrevinU",
		"Example\u{200B}University",
		"Exam\u{2066}ple",
		" Example University",
		"Example University ",
		"",
	] {
		assert_eq!(normalized(bad.as_bytes()), None, "{bad:?}");
	}
	assert_eq!(normalized(&[0xff, 0xfe]), None);
	assert!(is_identifier(b"https://university.example"));
	assert!(is_identifier(b"did:web:university.example"));
	assert!(!is_identifier(b"university.example"));
	assert!(!is_identifier(b"https://university .example"));
	assert!(!is_identifier(b"1http://x"));
	assert!(!is_identifier(b"did:"));
}

#[test]
fn a_profile_change_is_only_proposed_until_governance_approves_it() {
	new_test_ext(|| {
		let new = profile_with("Example University", UNIVERSITY_URI, &["did:web:uni.example"]);
		assert_ok!(propose(UNIVERSITY, new.clone()));
		// Nothing changed yet: a verifier still sees the approved profile.
		assert!(Issuers::<Test>::get(UNIVERSITY).unwrap().profile.identifiers.is_empty());
		assert_eq!(ProfileProposals::<Test>::get(UNIVERSITY), Some(new.clone()));
		System::assert_last_event(
			Event::ProfileChangeProposed { issuer: UNIVERSITY, profile: new.clone() }.into(),
		);
		let old = Issuers::<Test>::get(UNIVERSITY).unwrap().profile;
		assert_ok!(approve(UNIVERSITY, new.clone()));
		assert_eq!(Issuers::<Test>::get(UNIVERSITY).unwrap().profile, new.clone());
		assert_eq!(ProfileProposals::<Test>::get(UNIVERSITY), None);
		assert_eq!(Credentials::issuer_by_identifier(b"DID:WEB:UNI.EXAMPLE"), Some(UNIVERSITY));
		System::assert_last_event(
			Event::IssuerProfileChanged { issuer: UNIVERSITY, old, new }.into(),
		);
	});
}

#[test]
fn approval_needs_governance_a_proposal_and_exactly_the_proposed_profile() {
	new_test_ext(|| {
		let new = profile("Example University Renamed");
		assert_noop!(
			Credentials::approve_profile_change(
				RuntimeOrigin::signed(UNIVERSITY),
				UNIVERSITY,
				new.clone()
			),
			DispatchError::BadOrigin
		);
		assert_noop!(approve(UNIVERSITY, new.clone()), Error::<Test>::ProfileChangeNotProposed);
		assert_ok!(propose(UNIVERSITY, new.clone()));
		assert_noop!(
			approve(UNIVERSITY, profile("Something Else")),
			Error::<Test>::ProfileChangeMismatch
		);
		assert_ok!(approve(UNIVERSITY, new));
	});
}

#[test]
fn only_the_issuer_key_proposes_not_a_delegate_or_an_outsider() {
	new_test_ext(|| {
		assert_noop!(
			propose(REGISTRAR, profile("Registrar U")),
			Error::<Test>::NotTheIssuerAccount
		);
		assert_noop!(propose(OUTSIDER, profile("Outsider U")), Error::<Test>::IssuerNotFound);
		assert_ok!(withdraw(COLLEGE, WithdrawalReason::Closed, None));
		assert_noop!(propose(COLLEGE, profile("Renamed College")), Error::<Test>::IssuerWithdrawn);
	});
}

#[test]
fn no_issuer_can_take_another_issuers_name_or_uri_in_any_spelling() {
	new_test_ext(|| {
		// The impersonation of the issue: the college takes the university's name and URI.
		assert_noop!(propose(COLLEGE, profile("Example University")), Error::<Test>::NameTaken);
		assert_noop!(
			propose(COLLEGE, profile_with("EXAMPLE  university", COLLEGE_URI, &[])),
			Error::<Test>::NameTaken
		);
		assert_noop!(
			propose(COLLEGE, profile_with("Ｅｘａｍｐｌｅ University", COLLEGE_URI, &[])),
			Error::<Test>::NameTaken
		);
		assert_noop!(
			propose(
				COLLEGE,
				profile_with("Example College", "HTTPS://Example-University.example", &[])
			),
			Error::<Test>::IdentifierTaken
		);
		assert_noop!(
			propose(COLLEGE, profile_with("Example College", COLLEGE_URI, &[UNIVERSITY_URI])),
			Error::<Test>::IdentifierTaken
		);
		// An application obeys the same rules.
		assert_noop!(
			Credentials::register_issuer(
				RuntimeOrigin::signed(APPLICANT),
				profile("example university")
			),
			Error::<Test>::NameTaken
		);
		assert_noop!(
			Credentials::admit_issuer(
				RuntimeOrigin::root(),
				APPLICANT,
				profile_with("New", UNIVERSITY_URI, &[])
			),
			Error::<Test>::IdentifierTaken
		);
	});
}

#[test]
fn a_name_proposed_first_and_taken_before_approval_is_refused_at_approval() {
	new_test_ext(|| {
		let wanted = profile_with("Shared Name", COLLEGE_URI, &[]);
		assert_ok!(propose(COLLEGE, wanted.clone()));
		assert_ok!(propose(UNIVERSITY, profile_with("Shared Name", UNIVERSITY_URI, &[])));
		assert_ok!(approve(UNIVERSITY, profile_with("Shared Name", UNIVERSITY_URI, &[])));
		assert_noop!(approve(COLLEGE, wanted), Error::<Test>::NameTaken);
	});
}

#[test]
fn bad_text_and_duplicate_identifiers_are_refused() {
	new_test_ext(|| {
		assert_noop!(
			propose(UNIVERSITY, profile("Evil\u{1b}[2J University")),
			Error::<Test>::InvalidName
		);
		assert_noop!(
			propose(UNIVERSITY, profile_with("Example University", "university.example", &[])),
			Error::<Test>::InvalidUri
		);
		assert_noop!(
			propose(
				UNIVERSITY,
				profile_with("Example University", UNIVERSITY_URI, &["did:\u{202E}x"])
			),
			Error::<Test>::InvalidUri
		);
		assert_noop!(
			propose(
				UNIVERSITY,
				profile_with("Example University", UNIVERSITY_URI, &[UNIVERSITY_URI])
			),
			Error::<Test>::DuplicateIdentifier
		);
	});
}

#[test]
fn a_changed_profile_frees_the_old_name_and_uri_and_rejection_frees_an_applicants() {
	new_test_ext(|| {
		let renamed = profile_with("Renamed University", "https://renamed.example", &[]);
		assert_ok!(propose(UNIVERSITY, renamed.clone()));
		assert_ok!(approve(UNIVERSITY, renamed));
		assert_eq!(IssuerNames::<Test>::get(identity_key(b"Example University").unwrap()), None);
		assert_eq!(Credentials::issuer_by_identifier(UNIVERSITY_URI.as_bytes()), None);
		assert_ok!(Credentials::register_issuer(
			RuntimeOrigin::signed(APPLICANT),
			profile("Example University")
		));
		assert_ok!(Credentials::reject_application(RuntimeOrigin::root(), APPLICANT));
		assert_eq!(IssuerNames::<Test>::get(identity_key(b"Example University").unwrap()), None);
		assert_eq!(IssuerIdentifiers::<Test>::iter().count(), 2);
	});
}

#[test]
fn a_withdrawn_issuers_name_stays_reserved() {
	new_test_ext(|| {
		assert_ok!(withdraw(COLLEGE, WithdrawalReason::Closed, None));
		assert_noop!(
			Credentials::register_issuer(
				RuntimeOrigin::signed(APPLICANT),
				profile("Example College")
			),
			Error::<Test>::NameTaken
		);
	});
}

#[test]
fn governance_moves_an_issuer_key_and_its_credentials_stay_attributed() {
	new_test_ext(|| {
		const NEW_KEY: u64 = 12;
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_noop!(
			Credentials::move_issuer_key(RuntimeOrigin::signed(UNIVERSITY), UNIVERSITY, NEW_KEY),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credentials::move_issuer_key(RuntimeOrigin::root(), UNIVERSITY, REGISTRAR),
			Error::<Test>::AlreadyASigner
		);
		assert_noop!(
			Credentials::move_issuer_key(RuntimeOrigin::root(), UNIVERSITY, COLLEGE),
			Error::<Test>::AlreadyASigner
		);
		assert_ok!(Credentials::move_issuer_key(RuntimeOrigin::root(), UNIVERSITY, NEW_KEY));
		System::assert_last_event(
			Event::IssuerKeyMoved { issuer: UNIVERSITY, old_key: UNIVERSITY, new_key: NEW_KEY }
				.into(),
		);
		assert!(!Roles::has_role(&UNIVERSITY, Role::Issuer));
		assert!(Roles::has_role(&NEW_KEY, Role::Issuer));
		assert_eq!(Signers::<Test>::get(NEW_KEY).unwrap().issuer, UNIVERSITY);
		// The old key can do nothing; the new one issues and changes statuses for the issuer.
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(UNIVERSITY), digest(2), no_terms()),
			Error::<Test>::NotASigner
		);
		issue_as(NEW_KEY, digest(2), no_terms());
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(NEW_KEY), digest(1), None));
		assert_ok!(Credentials::reinstate(RuntimeOrigin::signed(NEW_KEY), digest(1), None));
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(NEW_KEY), 13));
		assert_noop!(
			propose(UNIVERSITY, profile("X University")),
			Error::<Test>::NotTheIssuerAccount
		);
		// Both credentials are the university's.
		for d in [digest(1), digest(2)] {
			let verdict = Credentials::verify(d, claim(UNIVERSITY_URI), None);
			assert_eq!(verdict.status, VerdictStatus::Valid);
			let issuer = verdict.issuer.unwrap();
			assert_eq!((issuer.account, issuer.key), (UNIVERSITY, NEW_KEY));
		}
		// And the key can move back to the issuer's own account.
		assert_ok!(Credentials::move_issuer_key(RuntimeOrigin::root(), UNIVERSITY, UNIVERSITY));
		issue_as(UNIVERSITY, digest(3), no_terms());
	});
}

#[test]
fn withdrawal_names_a_distrusted_block_only_when_the_reason_allows() {
	new_test_ext(|| {
		let withdraw = |reason, from| withdraw(UNIVERSITY, reason, from);
		assert_noop!(
			withdraw(WithdrawalReason::Misconduct, None),
			Error::<Test>::DistrustBlockRequired
		);
		assert_noop!(
			withdraw(WithdrawalReason::Closed, Some(1)),
			Error::<Test>::DistrustNotAllowed
		);
		assert_noop!(
			withdraw(WithdrawalReason::Merged, Some(1)),
			Error::<Test>::DistrustNotAllowed
		);
		assert_noop!(
			withdraw(WithdrawalReason::Misconduct, Some(2)),
			Error::<Test>::DistrustBlockInFuture
		);
		assert_ok!(withdraw(WithdrawalReason::Misconduct, Some(1)));
		assert_eq!(Issuers::<Test>::get(UNIVERSITY).unwrap().distrusted_from, Some(1));
	});
}

#[test]
fn credentials_from_the_distrusted_block_on_answer_issuer_revoked_earlier_ones_warn() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		System::set_block_number(5);
		issue_as(UNIVERSITY, digest(2), no_terms());
		System::set_block_number(9);
		assert_ok!(withdraw(UNIVERSITY, WithdrawalReason::Misconduct, Some(5)));
		let before = Credentials::verify(digest(1), claim(UNIVERSITY_URI), None);
		assert_eq!(before.status, VerdictStatus::Valid);
		assert_eq!(
			before.warnings,
			vec![VerdictWarning::IssuerWithdrawn {
				reason: WithdrawalReason::Misconduct,
				since: 9,
				distrusted_from: Some(5)
			}]
		);
		let after = Credentials::verify(digest(2), claim(UNIVERSITY_URI), None);
		assert_eq!(
			after.status,
			VerdictStatus::IssuerRevoked { since: 5, reason: WithdrawalReason::Misconduct }
		);
		assert!(after.warnings.is_empty());
	});
}

#[test]
fn a_closed_institutions_credentials_stay_valid_and_name_the_successor() {
	new_test_ext(|| {
		issue_as(COLLEGE, digest(1), no_terms());
		assert_ok!(withdraw(COLLEGE, WithdrawalReason::Merged, None));
		assert_ok!(Credentials::name_successor(RuntimeOrigin::root(), COLLEGE, UNIVERSITY));
		let verdict = Credentials::verify(digest(1), claim(COLLEGE_URI), None);
		assert_eq!(verdict.status, VerdictStatus::Valid);
		let issuer = verdict.issuer.unwrap();
		assert_eq!(issuer.successor, Some(UNIVERSITY));
		assert_eq!(issuer.successor_name.as_deref(), Some(&b"Example University"[..]));
		assert!(matches!(
			verdict.warnings[..],
			[VerdictWarning::IssuerWithdrawn {
				reason: WithdrawalReason::Merged,
				distrusted_from: None,
				..
			}]
		));
	});
}

#[test]
fn a_suspended_issuers_credentials_carry_a_warning() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), UNIVERSITY));
		let verdict = Credentials::verify(digest(1), claim(UNIVERSITY_URI), None);
		assert_eq!(verdict.status, VerdictStatus::Valid);
		assert_eq!(verdict.warnings, vec![VerdictWarning::IssuerSuspended { since: 1 }]);
	});
}

#[test]
fn a_document_naming_another_issuer_answers_issuer_mismatch() {
	new_test_ext(|| {
		// The college issues a document that names the university as its issuer.
		issue_as(COLLEGE, digest(1), no_terms());
		let verdict = Credentials::verify(digest(1), claim(UNIVERSITY_URI), None);
		assert_eq!(verdict.status, VerdictStatus::IssuerMismatch);
		assert_eq!(verdict.anchored_by, vec![COLLEGE]);
		assert_eq!(verdict.issuer.unwrap().account, COLLEGE);
		assert_eq!(verdict.claimed_issuer.unwrap().registered_to, Some(UNIVERSITY));
		// An identifier registered to nobody is a mismatch too.
		let unregistered = Credentials::verify(digest(1), claim("https://nobody.example"), None);
		assert_eq!(unregistered.status, VerdictStatus::IssuerMismatch);
		assert_eq!(unregistered.claimed_issuer.unwrap().registered_to, None);
		// The same document named by its real issuer is valid.
		let right = Credentials::verify(digest(1), claim("HTTPS://EXAMPLE-COLLEGE.EXAMPLE"), None);
		assert_eq!(right.status, VerdictStatus::Valid);
		assert!(right.warnings.is_empty());
		// A document that names no issuer is attributed by the chain, with a warning.
		let unnamed = Credentials::verify(digest(1), None, None);
		assert_eq!(unnamed.status, VerdictStatus::Valid);
		assert_eq!(unnamed.warnings, vec![VerdictWarning::IssuerNotNamed]);
		// Nobody anchored digest 2.
		assert_eq!(
			Credentials::verify(digest(2), claim(UNIVERSITY_URI), None).status,
			VerdictStatus::Unknown
		);
	});
}

#[test]
fn another_issuer_issuing_and_revoking_a_digest_first_does_not_stop_its_rightful_issuer() {
	new_test_ext(|| {
		// The college sees the university's digest in the pool and takes it first, then revokes it.
		issue_as(COLLEGE, digest(1), no_terms());
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(COLLEGE),
			digest(1),
			RevocationReason::IssuedInError,
			None
		));
		// The university still issues it, and its document verifies valid.
		issue_as(REGISTRAR, digest(1), no_terms());
		assert_eq!(
			Credentials::verify(digest(1), claim(UNIVERSITY_URI), None).status,
			VerdictStatus::Valid
		);
		// The college's record answers only for a document naming the college.
		assert!(matches!(
			Credentials::verify(digest(1), claim(COLLEGE_URI), None).status,
			VerdictStatus::Revoked { .. }
		));
		// A document naming no issuer gets no answer the verifier could confuse.
		let unnamed = Credentials::verify(digest(1), None, None);
		assert_eq!(unnamed.status, VerdictStatus::AmbiguousIssuer);
		assert_eq!(unnamed.anchored_by.len(), 2);
		// The college cannot touch the university's record.
		assert_noop!(
			Credentials::revoke(
				RuntimeOrigin::signed(COLLEGE),
				digest(1),
				RevocationReason::Other,
				Some(UNIVERSITY)
			),
			Error::<Test>::NotAuthorized
		);
		// Nor can either issue its own digest twice.
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(UNIVERSITY), digest(1), no_terms()),
			Error::<Test>::CredentialAlreadyExists
		);
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(COLLEGE), digest(1), no_terms()),
			Error::<Test>::CredentialAlreadyExists
		);
		// Each issuer revokes its own record only.
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), digest(1), None));
		assert!(matches!(
			Credentials::verify(digest(1), claim(UNIVERSITY_URI), None).status,
			VerdictStatus::Suspended { .. }
		));
	});
}

#[test]
fn a_batch_root_taken_first_by_another_issuer_does_not_stop_its_rightful_issuer() {
	new_test_ext(|| {
		let tree = Tree::new(3);
		let (root, leaves, proof) = (tree.root, tree.leaves.clone(), tree.proof(1).into_inner());
		tree.anchor(COLLEGE);
		assert_ok!(Credentials::revoke_batch(
			RuntimeOrigin::signed(COLLEGE),
			root,
			RevocationReason::IssuedInError,
			None
		));
		tree.anchor(UNIVERSITY);
		let verify = |claimed: Option<Vec<u8>>| {
			Credentials::verify_in_batch(root, leaves[1], 1, proof.clone(), claimed).status
		};
		assert_eq!(verify(claim(UNIVERSITY_URI)), VerdictStatus::Valid);
		assert!(matches!(verify(claim(COLLEGE_URI)), VerdictStatus::Revoked { .. }));
		assert_eq!(verify(None), VerdictStatus::AmbiguousIssuer);
		// The university's leaves change on their own record.
		let bounded = proof.clone().try_into().unwrap();
		assert_ok!(Credentials::suspend_batch_leaf(
			RuntimeOrigin::signed(UNIVERSITY),
			root,
			leaves[1],
			1,
			bounded,
			None
		));
		assert!(matches!(verify(claim(UNIVERSITY_URI)), VerdictStatus::Suspended { .. }));
		assert_ok!(Credentials::reinstate_batch_leaf(
			RuntimeOrigin::signed(UNIVERSITY),
			root,
			leaves[1],
			None
		));
		assert_eq!(verify(claim(UNIVERSITY_URI)), VerdictStatus::Valid);
		// A bad proof is still refused, for the named issuer's batch.
		let bad = Credentials::verify_in_batch(root, digest(9), 1, proof, claim(UNIVERSITY_URI));
		assert_eq!(bad.status, VerdictStatus::InvalidProof);
	});
}

#[test]
fn a_successor_changes_a_predecessors_co_issued_record() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		issue_as(COLLEGE, digest(1), no_terms());
		assert_ok!(withdraw(COLLEGE, WithdrawalReason::Merged, None));
		assert_ok!(Credentials::name_successor(RuntimeOrigin::root(), COLLEGE, UNIVERSITY));
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(REGISTRAR),
			digest(1),
			RevocationReason::Superseded,
			Some(COLLEGE)
		));
		assert!(matches!(
			Credentials::verify(digest(1), claim(COLLEGE_URI), None).status,
			VerdictStatus::Revoked { .. }
		));
		assert_eq!(
			Credentials::verify(digest(1), claim(UNIVERSITY_URI), None).status,
			VerdictStatus::Valid
		);
		assert_eq!(
			Issuers::<Test>::get(COLLEGE).unwrap().standing,
			IssuerStanding::Withdrawn(WithdrawalReason::Merged)
		);
	});
}
