//! Unit tests of the validator set pallet, with the session pallet rotating real sessions.

use crate::{
	migrations, mock::*, BlocksPer, Error, Event, MinimumPeriodOf, Pallet, PlannedValidators,
	SessionLength, SlotDuration, SlotDurationOf, Validators, MIN_SLOT_DURATION,
};
use frame_support::traits::Get;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
use frame_support::{assert_noop, assert_ok};
use pallet_roles::Role;
use sp_runtime::DispatchError;

fn validators() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

fn session_validators() -> Vec<u64> {
	pallet_session::Validators::<Test>::get()
}

/// Runs `sessions` whole sessions.
fn run_sessions(sessions: u64) {
	run_to_block(System::block_number() + sessions * SessionLength::<Test>::get());
}

fn check_invariants() {
	crate::Pallet::<Test>::do_try_state().expect("the validator set's invariants hold");
	pallet_roles::Pallet::<Test>::do_try_state().expect("the roles' invariants hold");
}

#[test]
fn genesis_validators_hold_the_role_and_form_the_first_session() {
	new_test_ext().execute_with(|| {
		assert_eq!(validators(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(session_validators(), GENESIS_VALIDATORS.to_vec());
		for validator in GENESIS_VALIDATORS {
			assert!(Roles::has_role(&validator, Role::Validator));
		}
		check_invariants();
	});
}

#[test]
fn sessions_end_after_the_session_length() {
	new_test_ext().execute_with(|| {
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 0);
		run_to_block(SESSION_LENGTH - 1);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 0);
		run_to_block(SESSION_LENGTH);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 1);
		run_to_block(2 * SESSION_LENGTH);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 2);
	});
}

#[test]
fn an_added_validator_with_keys_validates_two_sessions_later() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), NEWCOMER));
		System::assert_last_event(Event::ValidatorAdded { validator: NEWCOMER }.into());
		assert!(Roles::has_role(&NEWCOMER, Role::Validator));
		// Holding the role, the newcomer can register its session keys.
		set_keys(NEWCOMER);

		run_sessions(1);
		assert!(!session_validators().contains(&NEWCOMER), "planned, not yet active");
		run_sessions(1);
		assert!(session_validators().contains(&NEWCOMER));
		check_invariants();
	});
}

#[test]
fn a_validator_without_keys_is_left_out_until_it_registers_them() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), NEWCOMER));
		run_sessions(3);
		assert_eq!(session_validators(), GENESIS_VALIDATORS.to_vec());
		assert!(!PlannedValidators::<Test>::get().contains(&NEWCOMER));

		set_keys(NEWCOMER);
		run_sessions(2);
		assert!(session_validators().contains(&NEWCOMER));
	});
}

#[test]
fn a_removed_validator_loses_its_role_and_keys_and_leaves_two_sessions_later() {
	new_test_ext().execute_with(|| {
		let leaving = GENESIS_VALIDATORS[2];
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), leaving));
		System::assert_last_event(Event::ValidatorRemoved { validator: leaving }.into());
		assert!(!Roles::has_role(&leaving, Role::Validator));
		assert!(!pallet_session::NextKeys::<Test>::contains_key(leaving), "keys purged");
		assert_eq!(System::consumers(&leaving), 0, "the session pallet released the account");

		run_sessions(1);
		assert!(session_validators().contains(&leaving), "still in the queued session");
		run_sessions(1);
		assert!(!session_validators().contains(&leaving));
		check_invariants();
	});
}

#[test]
fn the_set_never_goes_below_its_minimum() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
	});
}

#[test]
fn the_set_never_goes_above_its_maximum() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 6),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn duplicates_and_unknown_validators_are_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::AlreadyValidator
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), NEWCOMER),
			Error::<Test>::NotValidator
		);
	});
}

#[test]
fn only_the_manager_origin_changes_the_set() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), NEWCOMER),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::signed(1), 10),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_session_length_can_change_but_not_below_its_minimum() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::root(), 1),
			Error::<Test>::SessionTooShort
		);
		assert_ok!(ValidatorSet::set_session_length(RuntimeOrigin::root(), 10));
		System::assert_last_event(Event::SessionLengthChanged { blocks: 10 }.into());
		// The current session (started at genesis, block 0) now ends at block 10.
		run_to_block(9);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 0);
		run_to_block(10);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 1);
	});
}

#[test]
fn an_outsider_cannot_register_session_keys() {
	new_test_ext().execute_with(|| {
		// Without a role the account has no provider, so the session pallet refuses it.
		assert!(pallet_session::Pallet::<Test>::set_keys(
			RuntimeOrigin::signed(NEWCOMER),
			sp_runtime::testing::UintAuthorityId(NEWCOMER),
			Vec::new(),
		)
		.is_err());
	});
}

#[test]
fn the_slot_duration_is_the_default_unless_the_genesis_chose_one() {
	new_test_ext().execute_with(|| {
		assert_eq!(SlotDurationOf::<Test>::get(), 6_000);
		assert_eq!(MinimumPeriodOf::<Test>::get(), 3_000);
	});
	new_test_ext_with_slot_duration(Some(2_000)).execute_with(|| {
		assert_eq!(SlotDurationOf::<Test>::get(), 2_000);
		assert_eq!(MinimumPeriodOf::<Test>::get(), 1_000);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn durations_in_blocks_follow_the_chain_s_slot_duration() {
	const DAY: u64 = 86_400_000;
	new_test_ext().execute_with(|| {
		assert_eq!(BlocksPer::<Test, DAY>::get(), 14_400);
		assert_eq!(BlocksPer::<Test, 60_000>::get(), 10);
		// Less than a slot is still one block.
		assert_eq!(BlocksPer::<Test, 1>::get(), 1);
	});
	new_test_ext_with_slot_duration(Some(2_000)).execute_with(|| {
		assert_eq!(BlocksPer::<Test, DAY>::get(), 43_200);
	});
}

#[test]
fn the_upgrade_keeps_a_running_chain_on_the_slot_duration_it_started_with() {
	// A chain whose genesis chose no slot duration ran on version 1's default.
	new_test_ext().execute_with(|| {
		StorageVersion::new(1).put::<Pallet<Test>>();
		migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(
			SlotDuration::<Test>::get(),
			Some(migrations::v2::VERSION_1_DEFAULT_SLOT_DURATION)
		);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
		// Run again (a later upgrade listing it still): nothing changes.
		SlotDuration::<Test>::put(4_000);
		migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(SlotDuration::<Test>::get(), Some(4_000));
	});
	// A chain whose genesis chose one keeps it.
	new_test_ext_with_slot_duration(Some(2_000)).execute_with(|| {
		StorageVersion::new(1).put::<Pallet<Test>>();
		migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(SlotDurationOf::<Test>::get(), 2_000);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
	});
}

#[test]
#[should_panic(expected = "the genesis slot duration is odd or shorter than 1000 ms")]
fn a_genesis_slot_shorter_than_the_minimum_is_refused() {
	new_test_ext_with_slot_duration(Some(MIN_SLOT_DURATION - 2));
}

#[test]
#[should_panic(expected = "the genesis slot duration is odd or shorter than 1000 ms")]
fn an_odd_genesis_slot_is_refused() {
	new_test_ext_with_slot_duration(Some(2_001));
}
