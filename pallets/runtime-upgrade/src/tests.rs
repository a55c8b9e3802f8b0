//! Unit tests of the runtime upgrade pallet.

use crate::mock::*;
use frame_support::{assert_noop, assert_ok, storage::unhashed};
use sp_core::H256;
use sp_io::hashing::twox_128;
use sp_runtime::DispatchError;

/// `System::AuthorizedUpgrade` (private to `frame_system`): the authorized code hash and whether
/// its version is checked.
fn authorized_upgrade() -> Option<(H256, bool)> {
	let mut key = twox_128(b"System").to_vec();
	key.extend(twox_128(b"AuthorizedUpgrade"));
	unhashed::get(&key)
}

#[test]
fn the_authorize_origin_authorizes_a_code_hash_with_a_version_check() {
	new_test_ext().execute_with(|| {
		let code_hash = H256::repeat_byte(7);
		assert_ok!(RuntimeUpgrade::authorize_upgrade(RuntimeOrigin::root(), code_hash));
		assert_eq!(authorized_upgrade(), Some((code_hash, true)));
		System::assert_last_event(
			frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
		);
	});
}

#[test]
fn a_later_authorization_replaces_an_earlier_one() {
	new_test_ext().execute_with(|| {
		assert_ok!(RuntimeUpgrade::authorize_upgrade(RuntimeOrigin::root(), H256::repeat_byte(1)));
		assert_ok!(RuntimeUpgrade::authorize_upgrade(RuntimeOrigin::root(), H256::repeat_byte(2)));
		assert_eq!(authorized_upgrade(), Some((H256::repeat_byte(2), true)));
	});
}

#[test]
fn nobody_else_authorizes_an_upgrade() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			RuntimeUpgrade::authorize_upgrade(RuntimeOrigin::signed(1), H256::repeat_byte(7)),
			DispatchError::BadOrigin
		);
		assert_eq!(authorized_upgrade(), None);
	});
}

#[test]
fn an_upgrade_that_does_not_match_the_authorized_hash_is_refused() {
	new_test_ext().execute_with(|| {
		assert_ok!(RuntimeUpgrade::authorize_upgrade(RuntimeOrigin::root(), H256::repeat_byte(7)));
		assert_noop!(
			System::apply_authorized_upgrade(RuntimeOrigin::none(), b"not the code".to_vec()),
			frame_system::Error::<Test>::Unauthorized
		);
	});
}
