//! The roles an account can hold, and the trait through which other pallets manage them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::dispatch::DispatchResult;
use scale_info::TypeInfo;

/// A reason the chain lets an account exist and transact.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// The bootstrap (sudo) key of a development or local chain.
	Bootstrap,
	/// A validator of the consortium.
	Validator,
	/// A member of the consortium council.
	CouncilMember,
	/// An issuer institution (applicant or accredited).
	Issuer,
	/// A delegate key (registrar staff) acting for an issuer.
	Delegate,
}

/// Grants and revokes roles; implemented by the roles pallet and used by the pallets that decide who
/// holds a role (credentials, governance, validator set).
pub trait RoleRegistry<AccountId> {
	/// Grants `role` to `who` once more.
	fn grant(who: &AccountId, role: Role) -> DispatchResult;
	/// Revokes one grant of `role` from `who`.
	fn revoke(who: &AccountId, role: Role) -> DispatchResult;
	/// Whether `who` holds at least one grant of `role`.
	fn has_role(who: &AccountId, role: Role) -> bool;
	/// Whether `who` holds any role.
	fn has_any_role(who: &AccountId) -> bool;
}
