//! The achievement registry: defining, versioning, deprecating, sharing and endorsing achievements,
//! the checks issuing makes against it, and the achievement a verdict shows.

use super::*;
use crate::{
	AchievementKind, AchievementVersions, Achievements, CredentialInput, Credentials as Records,
	Error, Event, LanguageTag,
};
use frame_support::{assert_noop, assert_ok, BoundedVec};

const SQL: &str = "https://example-university.example/achievements/sql";

fn plain(uri: &str) -> crate::AchievementDefinitionOf<Test> {
	achievement_definition(uri, "SQL Foundations", AchievementKind::MicroCredential, Some(500))
}

fn create(signer: u64, definition: crate::AchievementDefinitionOf<Test>) -> DispatchResult {
	Credentials::create_achievement(RuntimeOrigin::signed(signer), definition, None)
}

use sp_runtime::DispatchResult;

#[test]
fn an_issuer_registers_an_achievement_under_an_id_only_it_can_have() {
	new_test_ext(|| {
		assert_ok!(create(REGISTRAR, plain(SQL)));
		let id = Credentials::achievement_id(&UNIVERSITY, SQL.as_bytes());
		let record = Achievements::<Test>::get(id).expect("registered");
		assert_eq!(record.owner, UNIVERSITY);
		assert_eq!(record.sequence, 0);
		assert_eq!(record.latest_version(), 1);
		assert_eq!(AchievementVersions::<Test>::get(id, 1).unwrap().definition, plain(SQL));
		System::assert_last_event(
			Event::AchievementCreated { achievement: id, owner: UNIVERSITY, stacked: false }.into(),
		);
		assert_noop!(create(UNIVERSITY, plain(SQL)), Error::<Test>::AchievementAlreadyExists);

		// Another issuer naming the same URI gets an achievement of its own, not the university's.
		assert_ok!(create(COLLEGE, plain(SQL)));
		let colleges = Credentials::achievement_id(&COLLEGE, SQL.as_bytes());
		assert_ne!(colleges, id);
		assert_eq!(Achievements::<Test>::get(colleges).unwrap().owner, COLLEGE);
		assert_eq!(Achievements::<Test>::get(colleges).unwrap().sequence, 1);
	});
}

#[test]
fn only_accredited_signers_register_achievements() {
	new_test_ext(|| {
		assert_noop!(create(OUTSIDER, plain(SQL)), Error::<Test>::NotASigner);
		assert_noop!(
			Credentials::create_achievement(RuntimeOrigin::root(), plain(SQL), None),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Credentials::suspend_issuer(RuntimeOrigin::root(), UNIVERSITY));
		assert_noop!(create(REGISTRAR, plain(SQL)), Error::<Test>::IssuerSuspended);
	});
}

#[test]
fn malformed_definitions_are_refused_by_name() {
	new_test_ext(|| {
		let bytes = |text: &str| text.as_bytes().to_vec().try_into().unwrap();
		let cases: Vec<(crate::AchievementDefinitionOf<Test>, Error<Test>)> = vec![
			(plain("not a uri"), Error::InvalidAchievementUri),
			(
				crate::AchievementDefinitionOf::<Test> { name: bytes(" SQL"), ..plain(SQL) },
				Error::InvalidAchievementName,
			),
			(
				crate::AchievementDefinitionOf::<Test> { name: bytes(""), ..plain(SQL) },
				Error::InvalidAchievementName,
			),
			(
				crate::AchievementDefinitionOf::<Test> { eqf_level: Some(0), ..plain(SQL) },
				Error::InvalidEqfLevel,
			),
			(
				crate::AchievementDefinitionOf::<Test> { eqf_level: Some(9), ..plain(SQL) },
				Error::InvalidEqfLevel,
			),
			(
				achievement_definition(SQL, "SQL", AchievementKind::Course, Some(0)),
				Error::InvalidCredits,
			),
			(
				crate::AchievementDefinitionOf::<Test> {
					criteria_uri: Some(bytes("criteria")),
					..plain(SQL)
				},
				Error::InvalidAchievementUri,
			),
			(
				crate::AchievementDefinitionOf::<Test> {
					skills: vec![bytes("http://data.europa.eu/esco/skill/1"), bytes("SQL")]
						.try_into()
						.unwrap(),
					..plain(SQL)
				},
				Error::InvalidAchievementUri,
			),
			(
				crate::AchievementDefinitionOf::<Test> {
					language: Some(LanguageTag::truncate_from(b"e".to_vec())),
					..plain(SQL)
				},
				Error::InvalidLanguageTag,
			),
			(
				crate::AchievementDefinitionOf::<Test> {
					language: Some(LanguageTag::truncate_from(b"en_GB".to_vec())),
					..plain(SQL)
				},
				Error::InvalidLanguageTag,
			),
		];
		for (definition, error) in cases {
			assert_noop!(create(UNIVERSITY, definition), error);
		}
		let well_formed = crate::AchievementDefinitionOf::<Test> {
			language: Some(LanguageTag::truncate_from(b"nl-BE".to_vec())),
			criteria_uri: Some(bytes("https://example-university.example/criteria/sql")),
			..plain(SQL)
		};
		assert_ok!(create(UNIVERSITY, well_formed));
	});
}

#[test]
fn a_new_version_never_changes_an_old_one_and_credentials_keep_the_version_they_were_issued_under()
{
	new_test_ext(|| {
		let id = create_achievement(UNIVERSITY, SQL, Some(500));
		issue_as(UNIVERSITY, digest(1), terms_of(id, None));

		System::set_block_number(2);
		let renamed = achievement_definition(SQL, "SQL II", AchievementKind::Course, Some(600));
		assert_ok!(Credentials::publish_achievement_version(
			RuntimeOrigin::signed(REGISTRAR),
			id,
			renamed.clone(),
			None
		));
		System::assert_last_event(
			Event::AchievementVersionPublished { achievement: id, version: 2 }.into(),
		);
		assert_eq!(
			AchievementVersions::<Test>::get(id, 1).unwrap().definition.name[..],
			*SQL.as_bytes()
		);
		issue_as(UNIVERSITY, digest(2), terms_of(id, None));

		let old = Credentials::verify(digest(1), None, None).achievement.expect("registered");
		assert_eq!((old.version, old.latest_version, &old.name[..]), (1, 2, SQL.as_bytes()));
		assert_eq!(old.credits.unwrap().hundredths, 500);
		let new = Credentials::verify(digest(2), None, None).achievement.expect("registered");
		assert_eq!((new.version, &new.name[..]), (2, &b"SQL II"[..]));
		assert_eq!(new.kind, AchievementKind::Course);
		assert_eq!(new.owner, UNIVERSITY);

		// The URI is the achievement's identity, and only its owner publishes versions.
		let moved = achievement_definition(
			"https://elsewhere.example/sql",
			"SQL",
			AchievementKind::Course,
			None,
		);
		assert_noop!(
			Credentials::publish_achievement_version(
				RuntimeOrigin::signed(UNIVERSITY),
				id,
				moved,
				None
			),
			Error::<Test>::AchievementUriChanged
		);
		assert_noop!(
			Credentials::publish_achievement_version(
				RuntimeOrigin::signed(COLLEGE),
				id,
				renamed.clone(),
				None
			),
			Error::<Test>::NotTheAchievementOwner
		);
		// The mock allows three versions.
		assert_ok!(Credentials::publish_achievement_version(
			RuntimeOrigin::signed(UNIVERSITY),
			id,
			renamed.clone(),
			None
		));
		assert_noop!(
			Credentials::publish_achievement_version(
				RuntimeOrigin::signed(UNIVERSITY),
				id,
				renamed,
				None
			),
			Error::<Test>::TooManyAchievementVersions
		);
	});
}

#[test]
fn issuing_checks_the_achievement_exists_belongs_to_the_issuer_and_is_not_deprecated() {
	new_test_ext(|| {
		let unknown = digest(0xAA);
		assert_noop!(
			Credentials::issue(
				RuntimeOrigin::signed(UNIVERSITY),
				digest(1),
				terms_of(unknown, None)
			),
			Error::<Test>::UnknownAchievement
		);
		let colleges = create_achievement(COLLEGE, "https://example-college.example/a/1", None);
		assert_noop!(
			Credentials::issue(
				RuntimeOrigin::signed(REGISTRAR),
				digest(1),
				terms_of(colleges, None)
			),
			Error::<Test>::ForeignAchievement
		);
		assert_noop!(
			Credentials::anchor_batch(
				RuntimeOrigin::signed(REGISTRAR),
				digest(9),
				4,
				terms_of(colleges, None)
			),
			Error::<Test>::ForeignAchievement
		);
		// A batch with one foreign achievement issues nothing.
		let own = create_achievement(UNIVERSITY, SQL, None);
		let batch: BoundedVec<_, _> = vec![
			CredentialInput { digest: digest(1), terms: terms_of(own, None) },
			CredentialInput { digest: digest(2), terms: terms_of(colleges, None) },
		]
		.try_into()
		.unwrap();
		assert_noop!(
			Credentials::issue_batch(RuntimeOrigin::signed(REGISTRAR), batch),
			Error::<Test>::ForeignAchievement
		);
		assert!(Records::<Test>::get(digest(1)).is_none());

		// Shared, the college's achievement may be issued by the university; unshared, no more.
		assert_ok!(Credentials::share_achievement(
			RuntimeOrigin::signed(COLLEGE),
			colleges,
			UNIVERSITY
		));
		assert_noop!(
			Credentials::share_achievement(RuntimeOrigin::signed(COLLEGE), colleges, UNIVERSITY),
			Error::<Test>::AlreadyShared
		);
		assert_noop!(
			Credentials::share_achievement(RuntimeOrigin::signed(COLLEGE), colleges, OUTSIDER),
			Error::<Test>::IssuerNotFound
		);
		issue_as(REGISTRAR, digest(3), terms_of(colleges, None));
		assert_ok!(Credentials::unshare_achievement(
			RuntimeOrigin::signed(COLLEGE),
			colleges,
			UNIVERSITY
		));
		assert_noop!(
			Credentials::unshare_achievement(RuntimeOrigin::signed(COLLEGE), colleges, UNIVERSITY),
			Error::<Test>::NotShared
		);
		assert_noop!(
			Credentials::issue(
				RuntimeOrigin::signed(REGISTRAR),
				digest(4),
				terms_of(colleges, None)
			),
			Error::<Test>::ForeignAchievement
		);
		assert_eq!(
			Credentials::verify(digest(3), None, None).status,
			crate::VerdictStatus::Valid,
			"what was issued while shared stays valid"
		);

		// Deprecated: no new credentials or versions; the old ones stay valid.
		issue_as(UNIVERSITY, digest(5), terms_of(own, None));
		assert_ok!(Credentials::deprecate_achievement(RuntimeOrigin::signed(REGISTRAR), own));
		System::assert_last_event(Event::AchievementDeprecated { achievement: own }.into());
		assert_noop!(
			Credentials::deprecate_achievement(RuntimeOrigin::signed(UNIVERSITY), own),
			Error::<Test>::AchievementDeprecated
		);
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(UNIVERSITY), digest(6), terms_of(own, None)),
			Error::<Test>::AchievementDeprecated
		);
		assert_noop!(
			Credentials::publish_achievement_version(
				RuntimeOrigin::signed(UNIVERSITY),
				own,
				plain(SQL),
				None
			),
			Error::<Test>::AchievementDeprecated
		);
		let verdict = Credentials::verify(digest(5), None, None);
		assert_eq!(verdict.status, crate::VerdictStatus::Valid);
		assert_eq!(verdict.achievement.unwrap().deprecated_at, Some(1));
	});
}

#[test]
fn the_consortium_endorses_an_achievement_and_verdicts_show_it() {
	new_test_ext(|| {
		let id = create_achievement(UNIVERSITY, SQL, None);
		issue_as(UNIVERSITY, digest(1), terms_of(id, None));
		assert_noop!(
			Credentials::endorse_achievement(RuntimeOrigin::signed(UNIVERSITY), id),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Credentials::endorse_achievement(RuntimeOrigin::root(), digest(0xEE)),
			Error::<Test>::UnknownAchievement
		);
		assert_noop!(
			Credentials::withdraw_endorsement(RuntimeOrigin::root(), id),
			Error::<Test>::NotEndorsed
		);
		assert_ok!(Credentials::endorse_achievement(RuntimeOrigin::root(), id));
		assert_noop!(
			Credentials::endorse_achievement(RuntimeOrigin::root(), id),
			Error::<Test>::AlreadyEndorsed
		);
		let shown = Credentials::verify(digest(1), None, None).achievement.unwrap();
		assert_eq!(shown.endorsed_at, Some(1));
		assert_ok!(Credentials::withdraw_endorsement(RuntimeOrigin::root(), id));
		System::assert_last_event(
			Event::AchievementEndorsementWithdrawn { achievement: id }.into(),
		);
		assert_eq!(
			Credentials::verify(digest(1), None, None).achievement.unwrap().endorsed_at,
			None
		);
	});
}

#[test]
fn a_verdict_confirms_the_holder_only_for_the_commitment_on_record() {
	new_test_ext(|| {
		let holder = digest(0xB0);
		issue_as(UNIVERSITY, digest(1), CredentialTerms { holder: Some(holder), ..no_terms() });
		issue_as(UNIVERSITY, digest(2), no_terms());
		use crate::HolderCheck::*;
		assert_eq!(
			Credentials::verify(digest(1), None, Some(holder)).holder_check,
			Some(Confirmed)
		);
		assert_eq!(
			Credentials::verify(digest(1), None, Some(digest(0xB1))).holder_check,
			Some(OtherHolder)
		);
		assert_eq!(Credentials::verify(digest(2), None, Some(holder)).holder_check, Some(NotBound));
		assert_eq!(Credentials::verify(digest(1), None, None).holder_check, None);
		assert_eq!(Credentials::verify(digest(3), None, Some(holder)).holder_check, None);
	});
}

#[test]
fn language_tags_have_the_shape_of_bcp_47() {
	use crate::achievements::is_language_tag;
	for good in ["en", "nl-BE", "zh-Hant-TW", "de-CH-1996"] {
		assert!(is_language_tag(good.as_bytes()), "{good}");
	}
	for bad in ["", "e", "en_GB", "-en", "en-", "1en", "en-toolongsubtag", "é"] {
		assert!(!is_language_tag(bad.as_bytes()), "{bad}");
	}
}
