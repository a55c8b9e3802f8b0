//! Stacked achievements: their rules, issuing a stacked credential on the strength of its
//! components, and its verdict when a component falls.

use super::*;
use crate::{
	AchievementId, AchievementKind, ComponentRef, ComponentsOf, Credentials as Records, Error,
	Event, RevocationReason, StackedComponents, StackingRuleOf, VerdictStatus,
};
use frame_support::{assert_noop, assert_ok};

const HOLDER: Digest = [0xB0; 32];
const CERTIFICATE: &str = "https://example-university.example/achievements/data-analyst";

/// Three micro-credentials (two of the university, one of the college, 5 ECTS each) and the
/// university's certificate that stacks all three and 15 ECTS; returns (components, certificate).
fn data_analyst() -> ([AchievementId; 3], AchievementId) {
	let sql = create_achievement(UNIVERSITY, "https://example-university.example/a/sql", Some(500));
	let modelling =
		create_achievement(UNIVERSITY, "https://example-university.example/a/model", Some(500));
	let capstone =
		create_achievement(COLLEGE, "https://example-college.example/a/capstone", Some(500));
	let components = [sql, modelling, capstone];
	assert_ok!(Credentials::create_achievement(
		RuntimeOrigin::signed(UNIVERSITY),
		certificate_definition(),
		Some(rule(&components, 3, Some(1_500)))
	));
	(components, Credentials::achievement_id(&UNIVERSITY, CERTIFICATE.as_bytes()))
}

fn certificate_definition() -> crate::AchievementDefinitionOf<Test> {
	achievement_definition(CERTIFICATE, "Data Analyst", AchievementKind::Certificate, Some(1_500))
}

fn rule(
	components: &[AchievementId],
	min_count: u32,
	min_credits: Option<u32>,
) -> StackingRuleOf<Test> {
	StackingRuleOf::<Test> {
		components: components.to_vec().try_into().unwrap(),
		min_count,
		min_credits,
	}
}

/// Issues the three component credentials (digests 1, 2, 3) to `HOLDER`.
fn issue_components(components: &[AchievementId; 3]) {
	issue_as(REGISTRAR, digest(1), terms_of(components[0], Some(HOLDER)));
	issue_as(REGISTRAR, digest(2), terms_of(components[1], Some(HOLDER)));
	issue_as(COLLEGE, digest(3), terms_of(components[2], Some(HOLDER)));
}

fn cite(cited: &[(u8, u64)]) -> ComponentsOf<Test> {
	cited
		.iter()
		.map(|(byte, issuer)| ComponentRef { digest: digest(*byte), issuer: *issuer })
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

fn all_three() -> ComponentsOf<Test> {
	cite(&[(1, UNIVERSITY), (2, UNIVERSITY), (3, COLLEGE)])
}

fn issue_stacked(
	holder: Option<Digest>,
	achievement: AchievementId,
	cited: ComponentsOf<Test>,
) -> sp_runtime::DispatchResult {
	Credentials::issue_stacked(
		RuntimeOrigin::signed(REGISTRAR),
		digest(0xCE),
		terms_of(achievement, holder),
		cited,
	)
}

#[test]
fn three_micro_credentials_of_two_issuers_stack_into_a_certificate() {
	new_test_ext(|| {
		let (components, certificate) = data_analyst();
		issue_components(&components);
		assert_noop!(
			Credentials::issue(
				RuntimeOrigin::signed(REGISTRAR),
				digest(0xCE),
				terms_of(certificate, Some(HOLDER))
			),
			Error::<Test>::ComponentsRequired
		);
		assert_ok!(issue_stacked(Some(HOLDER), certificate, all_three()));
		System::assert_last_event(
			Event::StackedCredentialIssued {
				digest: digest(0xCE),
				issuer: UNIVERSITY,
				components: all_three(),
			}
			.into(),
		);
		assert_eq!(StackedComponents::<Test>::get(digest(0xCE), UNIVERSITY), Some(all_three()));

		let verdict = Credentials::verify(digest(0xCE), None, Some(HOLDER));
		assert_eq!(verdict.status, VerdictStatus::Valid);
		let achievement = verdict.achievement.unwrap();
		assert_eq!(achievement.kind, AchievementKind::Certificate);
		assert_eq!(
			(achievement.eqf_level, achievement.credits.unwrap().hundredths),
			(Some(6), 1_500)
		);
		assert_eq!(achievement.rule.unwrap().components, components.to_vec());
		let listed: Vec<_> =
			verdict.components.iter().map(|c| (c.digest, c.issuer, c.achievement)).collect();
		assert_eq!(
			listed,
			vec![
				(digest(1), UNIVERSITY, Some(components[0])),
				(digest(2), UNIVERSITY, Some(components[1])),
				(digest(3), COLLEGE, Some(components[2])),
			]
		);
		assert!(verdict.components.iter().all(|c| c.status == VerdictStatus::Valid));

		// A suspended component is shown as such; the certificate stands.
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(COLLEGE), digest(3), None));
		let verdict = Credentials::verify(digest(0xCE), None, None);
		assert_eq!(verdict.status, VerdictStatus::Valid);
		assert!(matches!(verdict.components[2].status, VerdictStatus::Suspended { .. }));

		// A revoked component brings the certificate down, naming the component.
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(COLLEGE),
			digest(3),
			RevocationReason::FraudOrMisconduct,
			None
		));
		let verdict = Credentials::verify(digest(0xCE), None, None);
		assert_eq!(verdict.status, VerdictStatus::ComponentRevoked { component: digest(3) });
		assert!(matches!(verdict.components[2].status, VerdictStatus::Revoked { .. }));
		// The certificate's own revocation outranks its components'.
		assert_ok!(Credentials::revoke(
			RuntimeOrigin::signed(UNIVERSITY),
			digest(0xCE),
			RevocationReason::Other,
			None
		));
		assert!(matches!(
			Credentials::verify(digest(0xCE), None, None).status,
			VerdictStatus::Revoked { .. }
		));
	});
}

#[test]
fn a_component_from_a_later_distrusted_issuer_brings_the_stack_down() {
	new_test_ext(|| {
		let (components, certificate) = data_analyst();
		issue_components(&components);
		assert_ok!(issue_stacked(Some(HOLDER), certificate, all_three()));
		assert_ok!(Credentials::withdraw_accreditation(
			RuntimeOrigin::root(),
			COLLEGE,
			crate::WithdrawalReason::Misconduct,
			Some(1)
		));
		assert_eq!(
			Credentials::verify(digest(0xCE), None, None).status,
			VerdictStatus::ComponentRevoked { component: digest(3) }
		);
	});
}

#[test]
fn stacking_refuses_what_the_rule_does_not_allow_and_issues_nothing() {
	new_test_ext(|| {
		let (components, certificate) = data_analyst();
		issue_components(&components);
		// Another holder's credential of the capstone.
		issue_as(COLLEGE, digest(4), terms_of(components[2], Some(digest(0xB1))));
		// A credential of an achievement the rule does not name.
		let other =
			create_achievement(UNIVERSITY, "https://example-university.example/a/other", Some(500));
		issue_as(UNIVERSITY, digest(5), terms_of(other, Some(HOLDER)));
		// A suspended one.
		issue_as(UNIVERSITY, digest(6), terms_of(components[1], Some(HOLDER)));
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), digest(6), None));

		let cases = [
			(
				cite(&[(1, UNIVERSITY), (2, UNIVERSITY), (4, COLLEGE)]),
				Error::<Test>::ComponentHolderMismatch,
			),
			(cite(&[(1, UNIVERSITY), (1, UNIVERSITY), (3, COLLEGE)]), Error::DuplicateComponent),
			(cite(&[(1, UNIVERSITY), (6, UNIVERSITY), (2, UNIVERSITY)]), Error::ComponentNotValid),
			(cite(&[(1, UNIVERSITY), (2, UNIVERSITY), (3, UNIVERSITY)]), Error::ComponentNotFound),
			(cite(&[(1, UNIVERSITY), (2, UNIVERSITY), (9, COLLEGE)]), Error::ComponentNotFound),
			(cite(&[(1, UNIVERSITY), (2, UNIVERSITY), (5, UNIVERSITY)]), Error::ComponentNotInRule),
			(cite(&[(1, UNIVERSITY), (2, UNIVERSITY)]), Error::StackingRuleNotMet),
			(cite(&[]), Error::StackingRuleNotMet),
		];
		for (cited, error) in cases {
			assert_noop!(issue_stacked(Some(HOLDER), certificate, cited), error);
		}
		// Two credentials of one component achievement count once.
		issue_as(UNIVERSITY, digest(7), terms_of(components[0], Some(HOLDER)));
		assert_noop!(
			issue_stacked(
				Some(HOLDER),
				certificate,
				cite(&[(1, UNIVERSITY), (7, UNIVERSITY), (3, COLLEGE)])
			),
			Error::<Test>::DuplicateComponent
		);
		assert_noop!(issue_stacked(None, certificate, all_three()), Error::<Test>::HolderRequired);
		assert_noop!(
			issue_stacked(Some(HOLDER), components[0], all_three()),
			Error::<Test>::NotAStackedAchievement
		);
		assert_noop!(
			Credentials::issue_stacked(
				RuntimeOrigin::signed(REGISTRAR),
				digest(0xCE),
				no_terms(),
				all_three()
			),
			Error::<Test>::NotAStackedAchievement
		);
		assert!(Records::<Test>::get(digest(0xCE)).is_none());
		assert_ok!(issue_stacked(Some(HOLDER), certificate, all_three()));
	});
}

#[test]
fn credits_are_counted_in_the_stacked_achievements_system() {
	new_test_ext(|| {
		let a = create_achievement(UNIVERSITY, "https://example-university.example/a/1", Some(500));
		let b = create_achievement(UNIVERSITY, "https://example-university.example/a/2", None);
		let two_of_two = rule(&[a, b], 2, Some(1_000));
		assert_ok!(Credentials::create_achievement(
			RuntimeOrigin::signed(UNIVERSITY),
			certificate_definition(),
			Some(two_of_two)
		));
		let certificate = Credentials::achievement_id(&UNIVERSITY, CERTIFICATE.as_bytes());
		issue_as(UNIVERSITY, digest(1), terms_of(a, Some(HOLDER)));
		issue_as(UNIVERSITY, digest(2), terms_of(b, Some(HOLDER)));
		assert_noop!(
			issue_stacked(Some(HOLDER), certificate, cite(&[(1, UNIVERSITY), (2, UNIVERSITY)])),
			Error::<Test>::NotEnoughCredits
		);
	});
}

#[test]
fn rules_name_only_earlier_achievements_so_stacking_cannot_cycle() {
	new_test_ext(|| {
		let (components, certificate) = data_analyst();
		let later =
			create_achievement(UNIVERSITY, "https://example-university.example/a/later", Some(500));
		let mut cyclic = components.to_vec();
		cyclic.push(later);
		assert_noop!(
			Credentials::publish_achievement_version(
				RuntimeOrigin::signed(UNIVERSITY),
				certificate,
				certificate_definition(),
				Some(rule(&cyclic, 3, None))
			),
			Error::<Test>::StackingCycle
		);
		// Naming itself is naming an achievement not registered before it.
		assert_noop!(
			Credentials::publish_achievement_version(
				RuntimeOrigin::signed(UNIVERSITY),
				certificate,
				certificate_definition(),
				Some(rule(&[components[0], certificate], 1, None))
			),
			Error::<Test>::StackingCycle
		);
		// A stacked achievement stays stacked.
		assert_noop!(
			Credentials::publish_achievement_version(
				RuntimeOrigin::signed(UNIVERSITY),
				certificate,
				certificate_definition(),
				None
			),
			Error::<Test>::StackingKindChanged
		);
		let uri = "https://example-university.example/a/new";
		let definition = achievement_definition(uri, "New", AchievementKind::Certificate, None);
		let malformed = [
			(rule(&components, 0, None), Error::<Test>::InvalidStackingRule),
			(rule(&components, 4, None), Error::InvalidStackingRule),
			(rule(&[components[0], components[0]], 1, None), Error::InvalidStackingRule),
			(rule(&components, 1, Some(100)), Error::InvalidStackingRule),
			(rule(&[digest(0xEE)], 1, None), Error::UnknownAchievement),
		];
		for (bad, error) in malformed {
			assert_noop!(
				Credentials::create_achievement(
					RuntimeOrigin::signed(UNIVERSITY),
					definition.clone(),
					Some(bad)
				),
				error
			);
		}
	});
}
