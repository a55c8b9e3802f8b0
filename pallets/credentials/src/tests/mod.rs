//! Unit tests of the credentials pallet, one file per capability. Every test ends with the pallet's
//! `try_state` invariants (see `mock::new_test_ext`).

mod achievements;
mod batches;
mod credentials;
mod delegates;
mod identity;
mod issuers;
mod migration;
mod quota;
mod stacking;
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

/// Registers a plain achievement of `signer`'s issuer under `uri` (a micro-credential worth
/// `ects_hundredths`) and returns its id.
fn create_achievement(
	signer: u64,
	uri: &str,
	ects_hundredths: Option<u32>,
) -> crate::AchievementId {
	let definition =
		achievement_definition(uri, uri, crate::AchievementKind::MicroCredential, ects_hundredths);
	assert_ok!(Credentials::create_achievement(RuntimeOrigin::signed(signer), definition, None));
	let issuer = crate::Signers::<Test>::get(signer).expect("a signer").issuer;
	Credentials::achievement_id(&issuer, uri.as_bytes())
}

/// Terms naming `achievement` and committing to `holder`.
fn terms_of(achievement: crate::AchievementId, holder: Option<Digest>) -> CredentialTerms {
	CredentialTerms { achievement: Some(achievement), holder, ..Default::default() }
}
