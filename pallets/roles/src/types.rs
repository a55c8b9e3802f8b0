//! The roles an account can hold, sets of them, and the traits through which other pallets and the
//! runtime use them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::dispatch::DispatchResult;
use scale_info::TypeInfo;

/// A reason the chain lets an account exist and transact.
///
/// New roles are appended: a role's index is part of the storage layout.
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
	/// A key an issuer invited to become its delegate, until the key accepts or declines.
	Invitee,
}

impl Role {
	/// Every role, in index order.
	pub const ALL: [Role; 6] = [
		Role::Bootstrap,
		Role::Validator,
		Role::CouncilMember,
		Role::Issuer,
		Role::Delegate,
		Role::Invitee,
	];

	/// This role's bit in a [`RoleSet`].
	const fn bit(self) -> u8 {
		1 << (self as u8)
	}
}

/// A set of roles: the roles whose holders may sign a call.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub struct RoleSet(u8);

impl RoleSet {
	/// No role: only governance (a council motion or the sudo key) may dispatch the call.
	pub const NONE: RoleSet = RoleSet(0);

	/// The set of `roles`.
	pub const fn of(roles: &[Role]) -> RoleSet {
		let mut bits = 0;
		let mut index = 0;
		while index < roles.len() {
			bits |= roles[index].bit();
			index += 1;
		}
		RoleSet(bits)
	}

	/// Whether `role` is in the set.
	pub const fn contains(self, role: Role) -> bool {
		self.0 & role.bit() != 0
	}

	/// Whether the set has no role.
	pub const fn is_empty(self) -> bool {
		self.0 == 0
	}

	/// How many roles the set has.
	pub const fn len(self) -> u32 {
		self.0.count_ones()
	}

	/// The roles of the set, in index order.
	pub fn iter(self) -> impl Iterator<Item = Role> {
		Role::ALL.into_iter().filter(move |role| self.contains(*role))
	}
}

/// Whose roles decide whether a signer may sign a call.
pub enum Acting<'a, AccountId, Call> {
	/// The signer's own: it acts for itself.
	Itself,
	/// Those of `account`, a multi-signature account of which the signer is a signatory and for
	/// which it signs: `account`'s roles must allow `call`, the call it will dispatch, or, when the
	/// transaction only carries the call's hash (an approval or a cancellation), `account` must
	/// hold a role. The signer itself must hold a role too.
	For {
		/// The account acted for.
		account: AccountId,
		/// The call it will dispatch, when the transaction carries it.
		call: Option<&'a Call>,
	},
}

/// The runtime's one table of who may sign what: for each call, the roles whose holders may sign it.
/// [`crate::CheckRole`] enforces it for every signed transaction, in the pool and in blocks.
pub trait CallPermissions<Call, AccountId> {
	/// The roles whose holders may sign `call`; [`RoleSet::NONE`] for a call that only governance
	/// dispatches.
	fn signable_by(call: &Call) -> RoleSet;

	/// Whose roles decide whether `signer` may sign `call`: its own, unless it signs for a
	/// multi-signature account.
	fn acting_for<'a>(_signer: &AccountId, _call: &'a Call) -> Acting<'a, AccountId, Call> {
		Acting::Itself
	}

	/// Whether a signer of `call` may act for another account (see [`Self::acting_for`]); the
	/// check then costs more reads.
	fn may_act_for_another(_call: &Call) -> bool {
		false
	}
}

/// A permission table in which any role may sign any call: for the mock runtimes of pallets whose
/// tests do not exercise the permissions (a real runtime lists its calls one by one).
pub struct AnyRoleSignsAnything;

impl<Call, AccountId> CallPermissions<Call, AccountId> for AnyRoleSignsAnything {
	fn signable_by(_call: &Call) -> RoleSet {
		RoleSet::of(&Role::ALL)
	}
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
