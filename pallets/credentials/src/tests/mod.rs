//! Unit tests of the credentials pallet, one file per capability. Every test ends with the pallet's
//! `try_state` invariants (see `mock::new_test_ext`).

mod batches;
mod credentials;
mod delegates;
mod identity;
mod issuers;
mod migration;
mod quota;
mod succession;
mod verification;

use crate::{mock::*, CredentialTerms, Digest};
use frame_support::assert_ok;

/// Issues `digest` with `terms`, signed by `signer`.
fn issue_as(signer: u64, digest: Digest, terms: CredentialTerms) {
	assert_ok!(Credentials::issue(RuntimeOrigin::signed(signer), digest, terms));
}

/// Registers and accredits `who` as an issuer, named after its account.
fn accredit_new_issuer(who: u64) {
	let name = format!("Institute {who}");
	assert_ok!(Credentials::register_issuer(RuntimeOrigin::signed(who), profile(&name)));
	assert_ok!(Credentials::accredit_issuer(RuntimeOrigin::root(), who));
}
