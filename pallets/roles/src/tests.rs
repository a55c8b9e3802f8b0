//! Unit tests of the roles pallet: grants, revocations, provider references, events, the permission
//! check, proposal slots and the storage migration.

use crate::{mock::*, Admitted, Error, Event, Grants, Role};
use frame_support::{assert_noop, assert_ok};

fn providers(who: u64) -> u32 {
	System::providers(&who)
}

#[test]
fn genesis_grants_give_the_account_a_provider() {
	new_test_ext(|| {
		assert!(Roles::has_role(&GENESIS_ACCOUNT, Role::Bootstrap));
		assert!(Roles::has_any_role(&GENESIS_ACCOUNT));
		assert_eq!(providers(GENESIS_ACCOUNT), 1);
	});
}

#[test]
fn first_grant_adds_one_provider_and_emits_event() {
	new_test_ext(|| {
		assert_eq!(providers(7), 0);
		assert_ok!(Roles::grant(&7, Role::Issuer));
		assert_eq!(providers(7), 1);
		assert!(Roles::has_role(&7, Role::Issuer));
		assert!(!Roles::has_role(&7, Role::Delegate));
		System::assert_last_event(Event::RoleGranted { who: 7, role: Role::Issuer }.into());
	});
}

#[test]
fn further_grants_do_not_add_providers() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Issuer));
		assert_ok!(Roles::grant(&7, Role::Delegate));
		assert_ok!(Roles::grant(&7, Role::Delegate));
		assert_eq!(providers(7), 1);
		assert_eq!(Grants::<Test>::get(7, Role::Delegate), 2);
	});
}

#[test]
fn role_stays_until_its_last_grant_is_revoked() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Delegate));
		assert_ok!(Roles::grant(&7, Role::Delegate));
		assert_ok!(Roles::revoke(&7, Role::Delegate));
		assert!(Roles::has_role(&7, Role::Delegate));
		assert_eq!(providers(7), 1);
		assert_ok!(Roles::revoke(&7, Role::Delegate));
		assert!(!Roles::has_role(&7, Role::Delegate));
		System::assert_last_event(Event::RoleRevoked { who: 7, role: Role::Delegate }.into());
	});
}

#[test]
fn revoking_the_last_grant_keeps_the_provider_so_the_nonce_never_restarts() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Validator));
		System::inc_account_nonce(7);
		assert_ok!(Roles::revoke(&7, Role::Validator));
		assert!(!Roles::has_any_role(&7));
		assert_eq!(providers(7), 1);
		assert_eq!(System::account_nonce(7), 1);
		assert!(Admitted::<Test>::contains_key(7));
	});
}

#[test]
fn a_readmitted_account_gets_no_second_provider() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Delegate));
		assert_ok!(Roles::revoke(&7, Role::Delegate));
		assert_ok!(Roles::grant(&7, Role::Issuer));
		assert_eq!(providers(7), 1);
	});
}

#[test]
fn revoking_a_role_not_held_fails() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Issuer));
		assert_noop!(Roles::revoke(&7, Role::Validator), Error::<Test>::RoleNotHeld);
		assert_noop!(Roles::revoke(&8, Role::Issuer), Error::<Test>::RoleNotHeld);
	});
}

#[test]
fn the_last_grant_of_an_account_in_use_elsewhere_is_revoked_all_the_same() {
	new_test_ext(|| {
		assert_ok!(Roles::grant(&7, Role::Delegate));
		// Session keys, for example, hold a consumer reference.
		assert_ok!(System::inc_consumers(&7));
		assert_ok!(Roles::revoke(&7, Role::Delegate));
		assert!(!Roles::has_any_role(&7));
		System::dec_consumers(&7);
	});
}

#[test]
fn grant_counter_overflow_is_refused() {
	new_test_ext(|| {
		Grants::<Test>::insert(GENESIS_ACCOUNT, Role::Bootstrap, u32::MAX);
		crate::GrantCount::<Test>::insert(GENESIS_ACCOUNT, u32::MAX);
		assert_noop!(Roles::grant(&GENESIS_ACCOUNT, Role::Bootstrap), Error::<Test>::TooManyGrants);
		// Restore consistent state for the invariant check.
		Grants::<Test>::insert(GENESIS_ACCOUNT, Role::Bootstrap, 1);
		crate::GrantCount::<Test>::insert(GENESIS_ACCOUNT, 1);
	});
}

mod check_role {
	use super::*;
	use crate::{CheckRole, CALL_NOT_PERMITTED, GOVERNANCE_ONLY, NO_ROLE};
	use frame_support::dispatch::DispatchInfo;
	use sp_runtime::{
		traits::DispatchTransaction,
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	};

	fn remark() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() })
	}

	fn remark_with_event() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark_with_event { remark: Vec::new() })
	}

	fn validate(origin: RuntimeOrigin) -> Result<(), TransactionValidityError> {
		validate_call(origin, &remark())
	}

	fn validate_call(
		origin: RuntimeOrigin,
		call: &RuntimeCall,
	) -> Result<(), TransactionValidityError> {
		CheckRole::<Test>::new()
			.validate_only(
				origin,
				call,
				&DispatchInfo::default(),
				0,
				TransactionSource::External,
				0,
			)
			.map(|_| ())
	}

	#[test]
	fn a_signer_without_a_role_is_refused_with_the_no_role_code() {
		new_test_ext(|| {
			assert_eq!(
				validate(RuntimeOrigin::signed(42)),
				Err(InvalidTransaction::Custom(NO_ROLE).into())
			);
		});
	}

	#[test]
	fn a_signer_with_a_permitted_role_passes() {
		new_test_ext(|| {
			assert_ok!(Roles::grant(&42, Role::Delegate));
			assert_eq!(validate(RuntimeOrigin::signed(42)), Ok(()));
			assert_ok!(Roles::grant(&43, Role::Validator));
			assert_eq!(validate(RuntimeOrigin::signed(43)), Ok(()));
		});
	}

	#[test]
	fn a_signer_whose_roles_do_not_permit_the_call_is_refused_with_its_code() {
		new_test_ext(|| {
			assert_eq!(
				validate(RuntimeOrigin::signed(GENESIS_ACCOUNT)),
				Err(InvalidTransaction::Custom(CALL_NOT_PERMITTED).into())
			);
			assert_ok!(Roles::grant(&42, Role::Issuer));
			assert_eq!(
				validate(RuntimeOrigin::signed(42)),
				Err(InvalidTransaction::Custom(CALL_NOT_PERMITTED).into())
			);
		});
	}

	#[test]
	fn a_call_only_governance_dispatches_is_refused_to_every_signer() {
		new_test_ext(|| {
			assert_ok!(Roles::grant(&42, Role::Validator));
			for who in [GENESIS_ACCOUNT, 42] {
				assert_eq!(
					validate_call(RuntimeOrigin::signed(who), &remark_with_event()),
					Err(InvalidTransaction::Custom(GOVERNANCE_ONLY).into())
				);
			}
		});
	}

	#[test]
	fn the_check_also_refuses_when_the_transaction_is_applied_in_a_block() {
		use sp_runtime::traits::DispatchTransaction;
		new_test_ext(|| {
			let applied = CheckRole::<Test>::new().validate_and_prepare(
				RuntimeOrigin::signed(GENESIS_ACCOUNT),
				&remark(),
				&DispatchInfo::default(),
				0,
				0,
			);
			assert_eq!(applied.err(), Some(InvalidTransaction::Custom(CALL_NOT_PERMITTED).into()));
		});
	}

	#[test]
	fn the_weight_counts_one_read_per_role_that_may_sign() {
		use frame_support::{traits::Get, weights::RuntimeDbWeight};
		use sp_runtime::traits::TransactionExtension;
		new_test_ext(|| {
			let db: RuntimeDbWeight = <Test as frame_system::Config>::DbWeight::get();
			let read = db.reads(1);
			assert_eq!(CheckRole::<Test>::new().weight(&remark()), read * 3);
			assert_eq!(CheckRole::<Test>::new().weight(&remark_with_event()), read);
		});
	}

	#[test]
	fn a_signer_whose_last_role_was_revoked_is_refused_again() {
		new_test_ext(|| {
			assert_ok!(Roles::grant(&42, Role::Validator));
			assert_eq!(validate(RuntimeOrigin::signed(42)), Ok(()));
			assert_ok!(Roles::revoke(&42, Role::Validator));
			assert_eq!(
				validate(RuntimeOrigin::signed(42)),
				Err(InvalidTransaction::Custom(NO_ROLE).into())
			);
		});
	}

	#[test]
	fn unsigned_transactions_pass_through() {
		use sp_runtime::traits::TransactionExtension;
		new_test_ext(|| {
			let validated = CheckRole::<Test>::new().validate(
				RuntimeOrigin::none(),
				&remark(),
				&DispatchInfo::default(),
				0,
				(),
				&sp_runtime::traits::TxBaseImplication(()),
				TransactionSource::External,
			);
			assert!(validated.is_ok());
		});
	}
}

mod membership {
	use super::*;
	use crate::GrantRoleToMembers;
	use frame_support::{
		parameter_types,
		traits::{ChangeMembers, InitializeMembers},
	};

	parameter_types! {
		pub const Council: Role = Role::CouncilMember;
	}

	type Hook = GrantRoleToMembers<Test, Council, ()>;

	#[test]
	fn initial_members_are_granted_the_role() {
		new_test_ext(|| {
			Hook::initialize_members(&[10, 11]);
			assert!(Roles::has_role(&10, Role::CouncilMember));
			assert!(Roles::has_role(&11, Role::CouncilMember));
		});
	}

	#[test]
	fn incoming_members_gain_and_outgoing_members_lose_the_role() {
		new_test_ext(|| {
			Hook::initialize_members(&[10, 11]);
			Hook::change_members_sorted(&[12], &[10], &[11, 12]);
			assert!(!Roles::has_role(&10, Role::CouncilMember));
			assert!(!Roles::has_any_role(&10));
			assert!(Roles::has_role(&11, Role::CouncilMember));
			assert!(Roles::has_role(&12, Role::CouncilMember));
		});
	}

	#[test]
	fn a_member_keeps_its_other_roles_when_it_leaves() {
		new_test_ext(|| {
			Hook::initialize_members(&[GENESIS_ACCOUNT]);
			Hook::change_members_sorted(&[], &[GENESIS_ACCOUNT], &[]);
			assert!(!Roles::has_role(&GENESIS_ACCOUNT, Role::CouncilMember));
			assert!(Roles::has_role(&GENESIS_ACCOUNT, Role::Bootstrap));
		});
	}
}

mod proposal_slots {
	use super::*;
	use crate::{OpenProposals, ProposalSlot};
	use frame_support::traits::Consideration;

	type Slot = ProposalSlot<Test>;

	#[test]
	fn a_member_may_open_motions_up_to_the_cap() {
		new_test_ext(|| {
			let _first = Slot::new(&10, 0).unwrap();
			let _second = Slot::new(&10, 1).unwrap();
			assert_eq!(OpenProposals::<Test>::get(10), MAX_OPEN_PROPOSALS);
			assert_noop!(Slot::new(&10, 2), Error::<Test>::TooManyOpenProposals);
			// Another member is not affected.
			assert!(Slot::new(&11, 2).is_ok());
		});
	}

	#[test]
	fn a_released_or_burned_slot_can_be_used_again() {
		new_test_ext(|| {
			let first = Slot::new(&10, 0).unwrap();
			let second = Slot::new(&10, 1).unwrap();
			assert_ok!(first.drop(&10));
			let third = Slot::new(&10, 1).unwrap();
			second.burn(&10);
			third.burn(&10);
			assert!(!OpenProposals::<Test>::contains_key(10));
		});
	}
}

mod migration {
	use super::*;
	use crate::{migrations::v2::MigrateV1ToV2, GrantCount};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn every_role_holder_of_version_one_is_marked_admitted() {
		new_test_ext(|| {
			// Version 1's layout: grants and a provider, no `Admitted` entry.
			StorageVersion::new(1).put::<Roles>();
			Admitted::<Test>::remove(GENESIS_ACCOUNT);
			Grants::<Test>::insert(7, Role::Issuer, 1);
			GrantCount::<Test>::insert(7, 1);
			System::inc_providers(&7);

			MigrateV1ToV2::<Test>::on_runtime_upgrade();

			assert!(Admitted::<Test>::contains_key(GENESIS_ACCOUNT));
			assert!(Admitted::<Test>::contains_key(7));
			assert_eq!(Roles::on_chain_storage_version(), StorageVersion::new(2));
			// A later grant gives no second provider.
			assert_ok!(Roles::grant(&7, Role::Delegate));
			assert_eq!(providers(7), 1);
		});
	}
}
