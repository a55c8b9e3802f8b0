//! Benchmarks of every call of the validator set pallet, each in its worst case: a set one short of
//! full for additions, a full set whose last validator (with session keys) is removed.

use super::*;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::{BoundedVec, Get},
	traits::EnsureOrigin,
};
use pallet_roles::{Role, RoleRegistry};
use sp_runtime::traits::TrailingZeroInput;

const SEED: u32 = 0;

/// Fills the set with `count` validators that hold the role; returns the last one.
fn fill_validators<T: Config>(count: u32) -> Option<T::AccountId> {
	let mut validators = BoundedVec::<T::AccountId, T::MaxValidators>::default();
	for index in 0..count {
		let validator: T::AccountId = account("validator", index, SEED);
		T::Roles::grant(&validator, Role::Validator).expect("a fresh account takes a role");
		validators.try_push(validator).expect("count is within MaxValidators");
	}
	let last = validators.last().cloned();
	Validators::<T>::put(validators);
	last
}

/// Registers (zeroed) session keys for `validator` the way `session.set_keys` leaves them.
fn register_session_keys<T: Config>(validator: &T::AccountId) {
	let keys =
		T::Keys::decode(&mut TrailingZeroInput::zeroes()).expect("session keys decode from zeroes");
	pallet_session::NextKeys::<T>::insert(validator, keys);
	frame_system::Pallet::<T>::inc_consumers(validator).expect("the validator has a provider");
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		fill_validators::<T>(T::MaxValidators::get() - 1);
		let origin =
			T::ManagerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let newcomer: T::AccountId = account("newcomer", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, newcomer.clone());

		assert!(Validators::<T>::get().contains(&newcomer));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let leaving = fill_validators::<T>(T::MaxValidators::get()).expect("MaxValidators > 0");
		register_session_keys::<T>(&leaving);
		let origin =
			T::ManagerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaving.clone());

		assert!(!Validators::<T>::get().contains(&leaving));
		assert!(!pallet_session::NextKeys::<T>::contains_key(&leaving));
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let origin =
			T::ManagerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let blocks = T::MinSessionLength::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		assert_eq!(SessionLength::<T>::get(), blocks);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
