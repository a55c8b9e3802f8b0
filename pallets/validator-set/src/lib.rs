//! # Validator set pallet
//!
//! The consortium decides who validates CredChain. This pallet keeps that decision — the list of
//! validator accounts — and hands it to `pallet-session`, which turns it into the Aura and GRANDPA
//! authorities at the next session boundaries, using the session keys each validator registered.
//!
//! ## Validators
//! The manager origin (a council motion on a consortium chain, Root on a development chain) adds and
//! removes validators. A validator holds the `Validator` role while listed, so it can transact (to
//! register its session keys). The list never shrinks below [`Config::MinValidators`] and never
//! grows beyond [`Config::MaxValidators`]. A removed validator's session keys are purged at once, so
//! they can be reused or thrown away.
//!
//! ## Sessions
//! A session lasts [`SessionLength`] blocks, set at genesis and changeable by the manager origin. The
//! pallet is the session pallet's `ShouldEndSession`, `NextSessionRotation` and `SessionManager`:
//! at each boundary it hands over the validators that have registered session keys, when that list
//! differs from the one it handed over last. As with any `pallet-session` chain, a change planned during session
//! `n` takes effect when session `n + 2` starts.
//!
//! ## Block time
//! Aura authors one block per slot. The slot duration is the runtime's default
//! ([`Config::DefaultSlotDuration`]) unless the genesis sets [`SlotDuration`] — test chains use
//! short slots so that end-to-end tests wait less. It is fixed for the life of the chain: Aura
//! cannot change it once blocks exist, so no call sets it. [`SlotDurationOf`] is what the runtime
//! gives Aura, and [`MinimumPeriodOf`] (half a slot) what it gives `pallet-timestamp`;
//! [`BlocksPer`] turns a duration into blocks at the chain's own slot duration, for the runtime's
//! durations counted in blocks (a quota day, a council motion's week).
//!
//! ## Tokens
//! CredChain has no token; [`NoDeposit`] is the session pallet's `Currency`, with a key deposit of
//! zero.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod block_time;
pub mod migrations;
mod no_deposit;
mod session;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use block_time::{
	is_valid_slot_duration, BlocksPer, MinimumPeriodOf, SlotDurationOf, MIN_SLOT_DURATION,
};
pub use no_deposit::NoDeposit;
pub use weights::WeightInfo;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::validator-set";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use pallet_roles::{Role, RoleRegistry};
	use sp_runtime::traits::Zero;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the validator set pallet.
	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// Who may add and remove validators and change the session length.
		type ManagerOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Where validators' roles are recorded.
		type Roles: RoleRegistry<Self::AccountId>;
		/// The most validators the chain may have.
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// The fewest validators the chain may have; removals that would go below are refused.
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// The shortest session, in blocks.
		#[pallet::constant]
		type MinSessionLength: Get<BlockNumberFor<Self>>;
		/// The slot duration, in milliseconds, of a chain whose genesis sets none.
		#[pallet::constant]
		type DefaultSlotDuration: Get<u64>;
		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The validator accounts, in the order they were added.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The validators last handed to the session pallet: those of [`Validators`] that had session
	/// keys then. A new set is handed over only when it differs.
	#[pallet::storage]
	pub type PlannedValidators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// How many blocks a session lasts.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The slot duration in milliseconds, when the genesis chose one; otherwise
	/// [`Config::DefaultSlotDuration`] applies. Never changed after genesis.
	#[pallet::storage]
	pub type SlotDuration<T: Config> = StorageValue<_, u64, OptionQuery>;

	/// The block the current session started in.
	#[pallet::storage]
	pub type SessionStartedAt<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `validator` joins the validator set at a coming session boundary.
		ValidatorAdded {
			/// The validator's account.
			validator: T::AccountId,
		},
		/// `validator` leaves the validator set at a coming session boundary; its session keys
		/// were purged.
		ValidatorRemoved {
			/// The validator's account.
			validator: T::AccountId,
		},
		/// Sessions last `blocks` blocks from the next session on.
		SessionLengthChanged {
			/// The new session length.
			blocks: BlockNumberFor<T>,
		},
	}

	/// The errors of this pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The validator set is full (`MaxValidators`).
		TooManyValidators,
		/// Removing the validator would leave fewer than `MinValidators`.
		TooFewValidators,
		/// The session length is below `MinSessionLength`.
		SessionTooShort,
	}

	/// The validators and session length a chain starts with.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The initial validators; each needs session keys in the session pallet's genesis. At
		/// least `MinValidators`, unless empty (only for test chains that never author).
		pub validators: Vec<T::AccountId>,
		/// How many blocks a session lasts.
		pub session_length: BlockNumberFor<T>,
		/// The slot duration in milliseconds (even, at least [`MIN_SLOT_DURATION`]), or `None`
		/// for [`Config::DefaultSlotDuration`].
		pub slot_duration: Option<u64>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				validators: Vec::new(),
				session_length: T::MinSessionLength::get(),
				slot_duration: None,
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.session_length >= T::MinSessionLength::get(),
				"the genesis session length is shorter than MinSessionLength"
			);
			assert!(
				self.validators.is_empty()
					|| self.validators.len() >= T::MinValidators::get() as usize,
				"the genesis has fewer validators than MinValidators"
			);
			let mut validators = BoundedVec::<T::AccountId, T::MaxValidators>::default();
			for validator in &self.validators {
				assert!(!validators.contains(validator), "a genesis validator is listed twice");
				validators
					.try_push(validator.clone())
					.expect("the genesis has more validators than MaxValidators");
				T::Roles::grant(validator, Role::Validator)
					.expect("granting a role at genesis cannot overflow; qed");
			}
			Validators::<T>::put(validators);
			SessionLength::<T>::put(self.session_length);
			if let Some(slot_duration) = self.slot_duration {
				assert!(
					is_valid_slot_duration(slot_duration),
					"the genesis slot duration is odd or shorter than {MIN_SLOT_DURATION} ms"
				);
				SlotDuration::<T>::put(slot_duration);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `validator` to the validator set and grants it the `Validator` role. It authors
		/// blocks from the second session boundary on, once it has registered session keys
		/// (`session.set_keys`).
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::ManagerOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|validators| {
				ensure!(!validators.contains(&validator), Error::<T>::AlreadyValidator);
				validators.try_push(validator.clone()).map_err(|_| Error::<T>::TooManyValidators)
			})?;
			T::Roles::grant(&validator, Role::Validator)?;
			Self::deposit_event(Event::ValidatorAdded { validator });
			Ok(())
		}

		/// Removes `validator` from the validator set, purges its session keys and revokes its
		/// `Validator` role. It stops authoring from the second session boundary on.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::ManagerOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|validators| {
				let position = validators
					.iter()
					.position(|listed| listed == &validator)
					.ok_or(Error::<T>::NotValidator)?;
				ensure!(
					validators.len() > T::MinValidators::get() as usize,
					Error::<T>::TooFewValidators
				);
				validators.remove(position);
				Ok::<_, Error<T>>(())
			})?;
			Self::purge_session_keys(&validator);
			T::Roles::revoke(&validator, Role::Validator)?;
			Self::deposit_event(Event::ValidatorRemoved { validator });
			Ok(())
		}

		/// Makes sessions last `blocks` blocks, counted from the start of the current session.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::ManagerOrigin::ensure_origin(origin)?;
			ensure!(blocks >= T::MinSessionLength::get(), Error::<T>::SessionTooShort);
			SessionLength::<T>::put(blocks);
			Self::deposit_event(Event::SessionLengthChanged { blocks });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Removes `validator`'s session keys, if it registered any, releasing the account
		/// reference the session pallet holds for them.
		fn purge_session_keys(validator: &T::AccountId) {
			if pallet_session::NextKeys::<T>::contains_key(validator) {
				let purged = pallet_session::Pallet::<T>::purge_keys(
					frame_system::RawOrigin::Signed(validator.clone()).into(),
				);
				if let Err(error) = purged {
					log::warn!(
						target: LOG_TARGET,
						"could not purge the session keys of a removed validator: {error:?}"
					);
				}
			}
		}

		/// The validators that registered session keys: those the session pallet can use.
		pub(crate) fn validators_with_keys() -> BoundedVec<T::AccountId, T::MaxValidators> {
			let mut validators = Validators::<T>::get();
			validators.retain(|validator| pallet_session::NextKeys::<T>::contains_key(validator));
			validators
		}

		/// Checks the pallet's invariants: no validator is listed twice, each holds the
		/// `Validator` role, the set is not below its minimum, sessions are not too short and the
		/// slot duration is valid.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let validators = Validators::<T>::get();
			for (index, validator) in validators.iter().enumerate() {
				ensure!(
					!validators[index + 1..].contains(validator),
					"a validator is listed twice"
				);
				ensure!(
					T::Roles::has_role(validator, Role::Validator),
					"a validator does not hold the Validator role"
				);
			}
			ensure!(
				validators.len() >= T::MinValidators::get() as usize,
				"fewer validators than MinValidators"
			);
			let length = SessionLength::<T>::get();
			ensure!(
				length.is_zero() || length >= T::MinSessionLength::get(),
				"the session length is below MinSessionLength"
			);
			ensure!(
				is_valid_slot_duration(SlotDurationOf::<T>::get()),
				"the slot duration is odd or shorter than MIN_SLOT_DURATION"
			);
			Ok(())
		}
	}
}
