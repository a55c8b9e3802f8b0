//! Issuance quotas: each issuer may write at most so many credential records per block and per quota
//! day. Governance sets an issuer's quota; otherwise the runtime's default applies.

use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

use crate::{Config, Error, Event, Issuance, IssuanceQuota, IssuanceRecord, Issuers, Pallet};

impl<T: Config> Pallet<T> {
	/// The quota that applies to `issuer` now.
	pub fn issuance_quota(issuer: &T::AccountId) -> IssuanceQuota {
		Issuance::<T>::get(issuer).quota.unwrap_or_else(T::DefaultIssuanceQuota::get)
	}

	/// The first block of the quota day that `block` falls in.
	pub fn quota_day_start(block: BlockNumberFor<T>) -> BlockNumberFor<T> {
		let day = T::QuotaDay::get();
		if day.is_zero() {
			return block;
		}
		block - block % day
	}

	/// `record` with its counters reset if they count an earlier block or quota day than `now`.
	fn current_usage(
		mut record: IssuanceRecord<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> IssuanceRecord<BlockNumberFor<T>> {
		if record.block != now {
			record.block = now;
			record.in_block = 0;
		}
		let day_start = Self::quota_day_start(now);
		if record.day_start != day_start {
			record.day_start = day_start;
			record.in_day = 0;
		}
		record
	}

	/// Counts `records` new records against `issuer`'s quota, or refuses with
	/// [`Error::IssuanceQuotaExceeded`] and counts nothing. One read and one write.
	pub(crate) fn charge_issuance(issuer: &T::AccountId, records: u32) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let mut usage = Self::current_usage(Issuance::<T>::get(issuer), now);
		let quota = usage.quota.unwrap_or_else(T::DefaultIssuanceQuota::get);
		let in_block = usage.in_block.saturating_add(records);
		let in_day = usage.in_day.saturating_add(records);
		ensure!(
			in_block <= quota.per_block && in_day <= quota.per_day,
			Error::<T>::IssuanceQuotaExceeded
		);
		usage.in_block = in_block;
		usage.in_day = in_day;
		Issuance::<T>::insert(issuer, usage);
		Ok(())
	}

	/// The first block from which `issuer` may write `records` more records, if its quota can ever
	/// allow that many at once (clients show it when an issue is refused).
	pub fn issuance_frees_at(
		issuer: &T::AccountId,
		records: u32,
		now: BlockNumberFor<T>,
	) -> Option<BlockNumberFor<T>> {
		let usage = Self::current_usage(Issuance::<T>::get(issuer), now);
		let quota = usage.quota.unwrap_or_else(T::DefaultIssuanceQuota::get);
		if records > quota.per_block || records > quota.per_day {
			return None;
		}
		if usage.in_day.saturating_add(records) > quota.per_day {
			return Some(usage.day_start.saturating_add(T::QuotaDay::get()));
		}
		if usage.in_block.saturating_add(records) > quota.per_block {
			return Some(now.saturating_add(1u32.into()));
		}
		Some(now)
	}

	/// Sets `issuer`'s quota, or returns it to the runtime's default with `None`.
	pub fn do_set_issuance_quota(
		issuer: T::AccountId,
		quota: Option<IssuanceQuota>,
	) -> DispatchResult {
		ensure!(Issuers::<T>::contains_key(&issuer), Error::<T>::IssuerNotFound);
		Issuance::<T>::mutate(&issuer, |record| record.quota = quota);
		Self::deposit_event(Event::IssuanceQuotaSet { issuer, quota });
		Ok(())
	}
}
