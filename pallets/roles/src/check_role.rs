//! [`CheckRole`]: the transaction extension that keeps accounts without a role out of the
//! transaction pool and out of blocks.

use crate::{Config, Pallet};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{Get, OriginTrait},
	weights::Weight,
	DefaultNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::InvalidTransaction,
};

/// The `InvalidTransaction::Custom` code of a signed transaction from an account that holds no
/// role. Clients show it as "the account holds no role on this chain".
pub const NO_ROLE: u8 = 1;

/// Refuses a signed transaction whose signer holds no role: validators, council members,
/// issuers (accredited or suspended, so that a suspended issuer can still revoke) and their
/// delegates may transact; anyone else is refused with [`InvalidTransaction::Custom`]`(`[`NO_ROLE`]`)`
/// when the transaction is validated, before it enters the pool. Unsigned transactions and
/// inherents pass through (their own pallets validate them).
///
/// Place it before `CheckNonce`, whose own refusal of an account without providers would say
/// less.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckRole<T>(PhantomData<T>);

impl<T> CheckRole<T> {
	/// The extension; it carries no data.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for CheckRole<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckRole")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckRole<T> {
	const IDENTIFIER: &'static str = "CheckRole";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _call: &T::RuntimeCall) -> Weight {
		// One read of `GrantCount`.
		T::DbWeight::get().reads(1)
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if let Some(who) = origin.as_signer() {
			if !Pallet::<T>::has_any_role(who) {
				return Err(InvalidTransaction::Custom(NO_ROLE).into());
			}
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
