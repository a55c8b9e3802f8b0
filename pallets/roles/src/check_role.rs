//! [`CheckRole`]: the transaction extension that lets a signed transaction into the pool and into a
//! block only when one of its signer's roles may sign its call.

use crate::{Acting, CallPermissions, Config, Pallet, Role};
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

/// `InvalidTransaction::Custom` code: the signer holds no role on this chain.
pub const NO_ROLE: u8 = 1;
/// `InvalidTransaction::Custom` code: the signer holds roles, but none of them may sign this call.
pub const CALL_NOT_PERMITTED: u8 = 2;
/// `InvalidTransaction::Custom` code: nobody may sign this call; only governance (a council motion,
/// or the sudo key of a development chain) dispatches it.
pub const GOVERNANCE_ONLY: u8 = 3;

/// Refuses a signed transaction unless one of its signer's roles may sign its call, as the runtime's
/// [`CallPermissions`] table says. The refusal carries one `InvalidTransaction::Custom` code per
/// rule: [`NO_ROLE`], [`GOVERNANCE_ONLY`], [`CALL_NOT_PERMITTED`].
///
/// The check runs when the transaction is validated for the pool and again when it is applied in a
/// block, so a transaction outside its signer's roles never enters a block. Unsigned transactions
/// and inherents pass through (their own pallets validate them).
///
/// Place it before `CheckNonce`, whose own refusal of an account without providers would say less.
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

impl<T: Config + Send + Sync> CheckRole<T> {
	/// Why `who` may not sign `call`, if it may not. A signatory of a multi-signature account
	/// needs a role of its own, and the account's roles must allow the call it will dispatch.
	pub fn refusal(who: &T::AccountId, call: &T::RuntimeCall) -> Option<InvalidTransaction> {
		match T::Permissions::acting_for(who, call) {
			Acting::Itself => Self::own_refusal(who, call),
			Acting::For { account, call: inner } => {
				if !Pallet::<T>::has_any_role(who) {
					return Some(InvalidTransaction::Custom(NO_ROLE));
				}
				match inner {
					Some(inner) => Self::own_refusal(&account, inner),
					None => (!Pallet::<T>::has_any_role(&account))
						.then_some(InvalidTransaction::Custom(NO_ROLE)),
				}
			}
		}
	}

	/// Why `who`, acting for itself, may not sign `call`, if it may not.
	fn own_refusal(who: &T::AccountId, call: &T::RuntimeCall) -> Option<InvalidTransaction> {
		if !Pallet::<T>::has_any_role(who) {
			return Some(InvalidTransaction::Custom(NO_ROLE));
		}
		let allowed = T::Permissions::signable_by(call);
		if allowed.is_empty() {
			return Some(InvalidTransaction::Custom(GOVERNANCE_ONLY));
		}
		if !allowed.iter().any(|role| Pallet::<T>::has_role(who, role)) {
			return Some(InvalidTransaction::Custom(CALL_NOT_PERMITTED));
		}
		None
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckRole<T> {
	const IDENTIFIER: &'static str = "CheckRole";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		// One read of `GrantCount`, then one of `Grants` per role that may sign the call; for a
		// signatory of a multi-signature account, at most as many again for the account, whatever
		// call it dispatches.
		let own = 1 + u64::from(T::Permissions::signable_by(call).len());
		let acted_for =
			if T::Permissions::may_act_for_another(call) { 1 + Role::ALL.len() as u64 } else { 0 };
		T::DbWeight::get().reads(own + acted_for)
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if let Some(who) = origin.as_signer() {
			if let Some(refusal) = Self::refusal(who, call) {
				return Err(refusal.into());
			}
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
