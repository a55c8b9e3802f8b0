//! Issuance quotas: per block and per quota day, set by governance, refused with a named error that
//! writes nothing.

use super::*;
use crate::{CredentialInput, Error, Event, Issuance, IssuanceQuota};
use frame_support::{assert_noop, assert_ok, traits::ConstU32, BoundedVec};
use sp_runtime::DispatchError;

/// A batch of `count` credentials with digests starting at `first`.
fn batch(first: u8, count: u8) -> BoundedVec<CredentialInput, ConstU32<16>> {
	(first..first + count)
		.map(|byte| CredentialInput { digest: digest(byte), terms: no_terms() })
		.collect::<Vec<_>>()
		.try_into()
		.expect("test batches fit")
}

/// Moves the chain to block `block`.
fn go_to(block: u64) {
	System::set_block_number(block);
}

#[test]
fn issuing_within_the_quota_counts_every_record() {
	new_test_ext(|| {
		issue_as(UNIVERSITY, digest(1), no_terms());
		assert_ok!(Credentials::issue_batch(RuntimeOrigin::signed(REGISTRAR), batch(2, 5)));
		assert_ok!(Credentials::anchor_batch(
			RuntimeOrigin::signed(REGISTRAR),
			digest(100),
			1_000,
			no_terms()
		));
		let usage = Issuance::<Test>::get(UNIVERSITY);
		// One single credential, five in a batch, one Merkle batch however many leaves.
		assert_eq!((usage.in_block, usage.in_day), (7, 7));
	});
}

#[test]
fn the_per_block_quota_refuses_and_frees_at_the_next_block() {
	new_test_ext(|| {
		assert_ok!(Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch(1, 16)));
		assert_noop!(
			Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch(20, 5)),
			Error::<Test>::IssuanceQuotaExceeded
		);
		assert_eq!(Credentials::issuance_frees_at(&UNIVERSITY, 5, 1), Some(2));
		// Another issuer has its own quota.
		assert_ok!(Credentials::issue_batch(RuntimeOrigin::signed(COLLEGE), batch(40, 5)));
		go_to(2);
		assert_ok!(Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch(20, 5)));
	});
}

#[test]
fn the_per_day_quota_refuses_until_the_next_quota_day() {
	new_test_ext(|| {
		assert_ok!(Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch(1, 16)));
		go_to(2);
		assert_ok!(Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch(20, 14)));
		go_to(3);
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(REGISTRAR), digest(50), no_terms()),
			Error::<Test>::IssuanceQuotaExceeded
		);
		// Block 3 is in the quota day that starts at block 0; the next one starts at block 10.
		assert_eq!(Credentials::issuance_frees_at(&UNIVERSITY, 1, 3), Some(QUOTA_DAY));
		go_to(QUOTA_DAY);
		issue_as(REGISTRAR, digest(50), no_terms());
	});
}

#[test]
fn a_batch_larger_than_the_quota_can_never_be_issued() {
	new_test_ext(|| {
		assert_ok!(Credentials::set_issuance_quota(
			RuntimeOrigin::root(),
			UNIVERSITY,
			Some(IssuanceQuota { per_block: 4, per_day: 100 })
		));
		assert_noop!(
			Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch(1, 5)),
			Error::<Test>::IssuanceQuotaExceeded
		);
		assert_eq!(Credentials::issuance_frees_at(&UNIVERSITY, 5, 1), None);
	});
}

#[test]
fn governance_raises_and_resets_an_issuers_quota() {
	new_test_ext(|| {
		let raised = IssuanceQuota { per_block: 100, per_day: 1_000 };
		assert_ok!(Credentials::set_issuance_quota(
			RuntimeOrigin::root(),
			UNIVERSITY,
			Some(raised)
		));
		System::assert_last_event(
			Event::IssuanceQuotaSet { issuer: UNIVERSITY, quota: Some(raised) }.into(),
		);
		assert_ok!(Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch(1, 16)));
		assert_ok!(Credentials::issue_batch(RuntimeOrigin::signed(UNIVERSITY), batch(20, 16)));
		assert_ok!(Credentials::set_issuance_quota(RuntimeOrigin::root(), UNIVERSITY, None));
		assert_eq!(Credentials::issuance_quota(&UNIVERSITY), DefaultIssuanceQuota::get());
		assert_noop!(
			Credentials::issue(RuntimeOrigin::signed(UNIVERSITY), digest(60), no_terms()),
			Error::<Test>::IssuanceQuotaExceeded
		);
	});
}

#[test]
fn only_governance_sets_a_quota_and_only_for_an_issuer() {
	new_test_ext(|| {
		let quota = Some(IssuanceQuota { per_block: 1, per_day: 1 });
		assert_noop!(
			Credentials::set_issuance_quota(RuntimeOrigin::signed(UNIVERSITY), UNIVERSITY, quota),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credentials::set_issuance_quota(RuntimeOrigin::root(), OUTSIDER, quota),
			Error::<Test>::IssuerNotFound
		);
	});
}
