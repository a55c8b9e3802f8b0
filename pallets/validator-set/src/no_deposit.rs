//! [`NoDeposit`]: the "currency" of a chain without a token, for pallets that take deposits.

use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::DispatchError,
	traits::tokens::{
		fungible::{self, hold},
		DepositConsequence, Fortitude, Preservation, Provenance, WithdrawConsequence,
	},
};

/// A currency in which every balance is zero and every deposit of zero succeeds: CredChain has no
/// token, so `pallet-session`'s key deposit is zero and this stands in for its `Currency`. Any
/// attempt to hold a non-zero amount fails, so a misconfigured deposit is refused, never faked.
pub struct NoDeposit<Reason>(PhantomData<Reason>);

impl<AccountId, Reason> fungible::Inspect<AccountId> for NoDeposit<Reason> {
	type Balance = u32;

	fn total_issuance() -> u32 {
		0
	}
	fn minimum_balance() -> u32 {
		0
	}
	fn total_balance(_who: &AccountId) -> u32 {
		0
	}
	fn balance(_who: &AccountId) -> u32 {
		0
	}
	fn reducible_balance(_who: &AccountId, _: Preservation, _: Fortitude) -> u32 {
		0
	}
	fn can_deposit(_who: &AccountId, amount: u32, _: Provenance) -> DepositConsequence {
		if amount == 0 {
			DepositConsequence::Success
		} else {
			DepositConsequence::UnknownAsset
		}
	}
	fn can_withdraw(_who: &AccountId, amount: u32) -> WithdrawConsequence<u32> {
		if amount == 0 {
			WithdrawConsequence::Success
		} else {
			WithdrawConsequence::BalanceLow
		}
	}
}

impl<AccountId, Reason> fungible::Unbalanced<AccountId> for NoDeposit<Reason> {
	fn handle_dust(_dust: fungible::Dust<AccountId, Self>) {}
	fn write_balance(_who: &AccountId, amount: u32) -> Result<Option<u32>, DispatchError> {
		if amount == 0 {
			Ok(None)
		} else {
			Err(DispatchError::Token(sp_runtime::TokenError::UnknownAsset))
		}
	}
	fn set_total_issuance(_amount: u32) {}
}

impl<AccountId: Eq, Reason> fungible::Mutate<AccountId> for NoDeposit<Reason> {}

impl<AccountId, Reason: codec::Encode + scale_info::TypeInfo + 'static> hold::Inspect<AccountId>
	for NoDeposit<Reason>
{
	type Reason = Reason;

	fn total_balance_on_hold(_who: &AccountId) -> u32 {
		0
	}
	fn balance_on_hold(_reason: &Reason, _who: &AccountId) -> u32 {
		0
	}
}

impl<AccountId, Reason: codec::Encode + scale_info::TypeInfo + 'static> hold::Unbalanced<AccountId>
	for NoDeposit<Reason>
{
	fn set_balance_on_hold(
		_reason: &Reason,
		_who: &AccountId,
		amount: u32,
	) -> Result<(), DispatchError> {
		if amount == 0 {
			Ok(())
		} else {
			Err(DispatchError::Token(sp_runtime::TokenError::UnknownAsset))
		}
	}
}

impl<AccountId: Eq, Reason: codec::Encode + scale_info::TypeInfo + 'static> hold::Mutate<AccountId>
	for NoDeposit<Reason>
{
}
