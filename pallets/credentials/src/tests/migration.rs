//! The migration from storage version 1: issuer records gain a key, identifiers and distrust, and
//! names and URIs are reserved, first registered first; credentials keep their layout.

use super::*;
use crate::{
	identity::identity_key,
	migrations::v2::{v1, MigrateV1ToV2},
	IssuerIdentifiers, IssuerNames, IssuerStanding, Issuers, Pallet, Signers, VerdictStatus,
};
use frame_support::{
	assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

/// Stores `account`'s issuer record in the version 1 layout.
fn put_v1_issuer(account: u64, name: &str, uri: &str, registered_at: u64) {
	let record: v1::IssuerRecordOf<Test> = v1::IssuerRecord {
		profile: v1::IssuerProfile {
			name: name.as_bytes().to_vec().try_into().unwrap(),
			uri: uri.as_bytes().to_vec().try_into().unwrap(),
			country: *b"NL",
		},
		standing: IssuerStanding::Accredited,
		registered_at,
		standing_since: registered_at,
		successor: None,
		// Whatever delegates the account has now.
		delegates: Issuers::<Test>::get(account).map(|record| record.delegates).unwrap_or_default(),
	};
	frame_support::storage::unhashed::put(&Issuers::<Test>::hashed_key_for(account), &record);
}

#[test]
fn version_1_issuers_migrate_and_the_first_registrant_keeps_a_shared_name() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		// Rebuild the state of a version 1 chain: the genesis issuers in the old layout, no
		// reservations, and an impersonator that registered later with the university's name.
		let _ = IssuerNames::<Test>::clear(u32::MAX, None);
		let _ = IssuerIdentifiers::<Test>::clear(u32::MAX, None);
		put_v1_issuer(UNIVERSITY, "Example University", "https://example-university.example", 0);
		put_v1_issuer(COLLEGE, "Example College", "https://example-college.example", 0);
		put_v1_issuer(40, "EXAMPLE UNIVERSITY", "https://impostor.example", 7);
		Signers::<Test>::insert(
			40,
			crate::SignerRecord { issuer: 40, standing: IssuerStanding::Accredited },
		);
		Roles::grant(&40, pallet_roles::Role::Issuer).unwrap();
		StorageVersion::new(1).put::<Pallet<Test>>();

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		let university = Issuers::<Test>::get(UNIVERSITY).expect("decodes in version 2");
		assert_eq!(university.key, UNIVERSITY);
		assert_eq!(university.distrusted_from, None);
		assert!(university.profile.identifiers.is_empty());
		assert_eq!(&university.profile.name[..], b"Example University");
		let name = identity_key(b"example university").unwrap();
		assert_eq!(IssuerNames::<Test>::get(name), Some(UNIVERSITY));
		assert_eq!(Credentials::issuer_by_identifier(b"https://impostor.example"), Some(40));
		assert_eq!(Issuers::<Test>::get(40).unwrap().key, 40);
		// Credentials are untouched and verify against the migrated issuer.
		let verdict = Credentials::verify(
			digest(1),
			Some(b"https://example-university.example".to_vec()),
			None,
		);
		assert_eq!(verdict.status, VerdictStatus::Valid);
		// Running it again changes nothing.
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(IssuerNames::<Test>::get(name), Some(UNIVERSITY));
		// The impersonator's duplicate name is not reserved: governance must rename it, and the
		// invariants say so.
		assert!(Credentials::do_try_state().is_err());
		let renamed = profile("Impostor Institute");
		let renamed = crate::ProfileOf::<Test> {
			uri: b"https://impostor.example".to_vec().try_into().unwrap(),
			..renamed
		};
		assert_ok!(Credentials::propose_profile_change(RuntimeOrigin::signed(40), renamed.clone()));
		assert_ok!(Credentials::approve_profile_change(RuntimeOrigin::root(), 40, renamed));
	});
}
