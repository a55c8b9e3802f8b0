//! [`ProposalSlot`]: the "cost" of a council motion. CredChain has no token to take a deposit in, so
//! a motion costs one of the few slots each member has (`Config::MaxOpenProposals`): no member can
//! fill every proposal slot of the council.

use crate::{Config, Error, OpenProposals};
use codec::{Decode, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
	traits::{Consideration, Get, MaybeConsideration},
	CloneNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::DispatchError;

/// One open motion of one council member: `pallet-collective`'s `Consideration`. Taking it fails
/// with [`Error::TooManyOpenProposals`] when the member already has `Config::MaxOpenProposals`
/// motions open; it is given back when the motion's cost is released (`release_proposal_cost`, after
/// the motion closed) or burned (the motion was killed).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ProposalSlot<T>(PhantomData<T>);

impl<T> core::fmt::Debug for ProposalSlot<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "ProposalSlot")
	}
}

impl<T: Config> ProposalSlot<T> {
	/// Gives `who`'s slot back.
	fn release(who: &T::AccountId) {
		OpenProposals::<T>::mutate_exists(who, |open| {
			*open = open.and_then(|count| count.checked_sub(1)).filter(|count| *count > 0);
		});
	}
}

impl<T: Config + Send + Sync> Consideration<T::AccountId, u32> for ProposalSlot<T> {
	fn new(who: &T::AccountId, _proposals: u32) -> Result<Self, DispatchError> {
		OpenProposals::<T>::try_mutate(who, |open| {
			if *open >= T::MaxOpenProposals::get() {
				return Err(Error::<T>::TooManyOpenProposals.into());
			}
			*open += 1;
			Ok(Self(PhantomData))
		})
	}

	fn update(self, _who: &T::AccountId, _proposals: u32) -> Result<Self, DispatchError> {
		Ok(self)
	}

	fn drop(self, who: &T::AccountId) -> Result<(), DispatchError> {
		Self::release(who);
		Ok(())
	}

	fn burn(self, who: &T::AccountId) {
		// No token is lost; the member only gets its slot back.
		Self::release(who);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(who: &T::AccountId, _proposals: u32) {
		OpenProposals::<T>::remove(who);
	}
}

impl<T: Config + Send + Sync> MaybeConsideration<T::AccountId, u32> for ProposalSlot<T> {
	fn is_none(&self) -> bool {
		// The slot must be recorded (in `CostOf`) so that it can be given back.
		false
	}
}
