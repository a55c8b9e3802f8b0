//! How the pallet drives `pallet-session`: when a session ends, how far along it is, and which
//! validators the next planned session gets.

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::Weight,
	traits::{EstimateNextSessionRotation, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{traits::Saturating, Permill};
use sp_staking::SessionIndex;

use crate::{Config, Pallet, PlannedValidators, SessionLength, SessionStartedAt, LOG_TARGET};

impl<T: Config> Pallet<T> {
	/// The block the current session is due to end at.
	fn session_end() -> BlockNumberFor<T> {
		SessionStartedAt::<T>::get().saturating_add(SessionLength::<T>::get())
	}
}

impl<T: Config> ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		now >= Self::session_end()
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}

	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let started = SessionStartedAt::<T>::get();
		let length = SessionLength::<T>::get();
		let progress = Permill::from_rational(now.saturating_sub(started), length);
		(Some(progress), T::DbWeight::get().reads(2))
	}

	fn estimate_next_session_rotation(
		_now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, Weight) {
		(Some(Self::session_end()), T::DbWeight::get().reads(2))
	}
}

impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	/// Hands over the validators with session keys when they differ from the last set handed
	/// over; `None` keeps that set. An empty set is never handed over: it would halt the chain.
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		let validators = Self::validators_with_keys();
		if validators == PlannedValidators::<T>::get() {
			return None;
		}
		if validators.is_empty() {
			log::error!(
				target: LOG_TARGET,
				"no validator of session {new_index} has session keys; keeping the current set"
			);
			return None;
		}
		PlannedValidators::<T>::put(validators.clone());
		log::info!(
			target: LOG_TARGET,
			"session {new_index} is planned with {} validators",
			validators.len()
		);
		Some(validators.into_inner())
	}

	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		let validators = Self::validators_with_keys();
		PlannedValidators::<T>::put(validators.clone());
		Some(validators.into_inner())
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {
		SessionStartedAt::<T>::put(frame_system::Pallet::<T>::block_number());
	}
}
