//! Benchmarks of every call of the credentials pallet, each in its worst case: the longest profile,
//! the most delegates, the largest batch, the deepest Merkle proof, and status changes made by a
//! successor (which costs one more read than the issuer itself).

use super::*;
use crate::Pallet as Credentials;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::Get, traits::EnsureOrigin, BoundedVec};
use frame_system::RawOrigin;
use sp_runtime::traits::{Hash, Keccak256};

const SEED: u32 = 0;

/// The longest profile the runtime allows.
fn longest_profile<T: Config>() -> ProfileOf<T> {
	ProfileOf::<T> {
		name: vec![b'N'; T::MaxNameLength::get() as usize].try_into().expect("fits its bound"),
		uri: vec![b'u'; T::MaxUriLength::get() as usize].try_into().expect("fits its bound"),
		country: *b"NL",
	}
}

/// Terms with every field set.
fn full_terms() -> CredentialTerms {
	CredentialTerms {
		valid_from: Some(1),
		valid_until: Some(u64::MAX),
		achievement: Some([7; 32]),
		holder: Some([8; 32]),
	}
}

/// A distinct digest for each `index`.
fn digest_of(index: u32) -> Digest {
	Keccak256::hash(&index.to_le_bytes()).0
}

/// Registers `name`/`index` and accredits it with `delegates` delegates.
fn accredited_issuer<T: Config>(name: &'static str, index: u32, delegates: u32) -> T::AccountId {
	let issuer: T::AccountId = account(name, index, SEED);
	Credentials::<T>::do_register_issuer(issuer.clone(), longest_profile::<T>())
		.expect("a fresh account registers");
	Credentials::<T>::do_accredit_issuer(issuer.clone()).expect("an applicant is accredited");
	for d in 0..delegates {
		Credentials::<T>::enlist_delegate(&issuer, account("delegate", index * 1_000 + d, SEED))
			.expect("within the delegate bound");
	}
	issuer
}

/// An issuer that issued `digest` and was withdrawn, and the successor that now takes care of it.
fn credential_in_successor_care<T: Config>(digest: Digest) -> (T::AccountId, T::AccountId) {
	let original = accredited_issuer::<T>("original", 0, 0);
	Credentials::<T>::do_issue(original.clone(), CredentialInput { digest, terms: full_terms() })
		.expect("an accredited issuer issues");
	hand_over_to_successor::<T>(original)
}

/// Withdraws `original` and names a fresh accredited successor; returns both.
fn hand_over_to_successor<T: Config>(original: T::AccountId) -> (T::AccountId, T::AccountId) {
	Credentials::<T>::do_withdraw_accreditation(original.clone(), WithdrawalReason::Merged)
		.expect("an accredited issuer is withdrawn");
	let successor = accredited_issuer::<T>("successor", 1, 0);
	Credentials::<T>::do_name_successor(original.clone(), successor.clone())
		.expect("an accredited successor is named");
	(original, successor)
}

/// A leaf at index 0 of a tree of 2^`depth` leaves, the proof of it, and the tree's root. The
/// siblings are arbitrary: only the path from the leaf to the root is computed.
fn deep_leaf(depth: u32) -> (Digest, MerkleProof, Digest) {
	let leaf = digest_of(u32::MAX);
	let proof: Vec<Digest> = (0..depth).map(digest_of).collect();
	let mut node = Keccak256::hash(&leaf).0;
	for sibling in &proof {
		let mut pair = [0u8; 64];
		pair[..32].copy_from_slice(&node);
		pair[32..].copy_from_slice(sibling);
		node = Keccak256::hash(&pair).0;
	}
	(leaf, proof.try_into().expect("at most 32 levels"), node)
}

/// A batch of 2^`depth` leaves anchored by a withdrawn issuer in a successor's care; returns the
/// successor, root, leaf and proof.
fn deep_batch_in_successor_care<T: Config>(
	depth: u32,
) -> (T::AccountId, Digest, Digest, MerkleProof) {
	let (leaf, proof, root) = deep_leaf(depth);
	let original = accredited_issuer::<T>("original", 0, 0);
	Credentials::<T>::do_anchor_batch(original.clone(), root, 1u32 << depth, full_terms())
		.expect("an accredited issuer anchors");
	let (_, successor) = hand_over_to_successor::<T>(original);
	(successor, root, leaf, proof)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_issuer() {
		let applicant: T::AccountId = whitelisted_caller();
		let profile = longest_profile::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(applicant.clone()), profile);
		assert!(Issuers::<T>::contains_key(&applicant));
	}

	#[benchmark]
	fn update_issuer_profile() {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let profile = longest_profile::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), profile);
	}

	#[benchmark]
	fn accredit_issuer() -> Result<(), BenchmarkError> {
		let applicant: T::AccountId = account("applicant", 0, SEED);
		Credentials::<T>::do_register_issuer(applicant.clone(), longest_profile::<T>())?;
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, applicant.clone());
		assert!(Signers::<T>::contains_key(&applicant));
		Ok(())
	}

	#[benchmark]
	fn admit_issuer() -> Result<(), BenchmarkError> {
		let newcomer: T::AccountId = account("newcomer", 0, SEED);
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, newcomer.clone(), longest_profile::<T>());
		assert!(Signers::<T>::contains_key(&newcomer));
		Ok(())
	}

	#[benchmark]
	fn suspend_issuer(d: Linear<0, { T::MaxDelegates::get() }>) -> Result<(), BenchmarkError> {
		let issuer = accredited_issuer::<T>("issuer", 0, d);
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone());
		assert_eq!(Signers::<T>::get(&issuer).map(|s| s.standing), Some(IssuerStanding::Suspended));
		Ok(())
	}

	#[benchmark]
	fn reinstate_issuer(d: Linear<0, { T::MaxDelegates::get() }>) -> Result<(), BenchmarkError> {
		let issuer = accredited_issuer::<T>("issuer", 0, d);
		Credentials::<T>::do_set_issuer_standing(issuer.clone(), IssuerStanding::Suspended)?;
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone());
		assert_eq!(
			Signers::<T>::get(&issuer).map(|s| s.standing),
			Some(IssuerStanding::Accredited)
		);
		Ok(())
	}

	#[benchmark]
	fn withdraw_accreditation(
		d: Linear<0, { T::MaxDelegates::get() }>,
	) -> Result<(), BenchmarkError> {
		let issuer = accredited_issuer::<T>("issuer", 0, d);
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone(), WithdrawalReason::Misconduct);
		assert!(!Signers::<T>::contains_key(&issuer));
		Ok(())
	}

	#[benchmark]
	fn reject_application() -> Result<(), BenchmarkError> {
		let applicant: T::AccountId = account("applicant", 0, SEED);
		Credentials::<T>::do_register_issuer(applicant.clone(), longest_profile::<T>())?;
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, applicant.clone());
		assert!(!Issuers::<T>::contains_key(&applicant));
		Ok(())
	}

	#[benchmark]
	fn name_successor() -> Result<(), BenchmarkError> {
		let original = accredited_issuer::<T>("original", 0, 0);
		Credentials::<T>::do_withdraw_accreditation(original.clone(), WithdrawalReason::Closed)?;
		let successor = accredited_issuer::<T>("successor", 1, 0);
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, original.clone(), successor.clone());
		assert_eq!(Issuers::<T>::get(&original).and_then(|r| r.successor), Some(successor));
		Ok(())
	}

	#[benchmark]
	fn add_delegate() {
		let issuer = accredited_issuer::<T>("issuer", 0, T::MaxDelegates::get() - 1);
		let delegate: T::AccountId = account("new-delegate", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), delegate.clone());
		assert!(Invitations::<T>::get(&issuer).contains(&delegate));
	}

	#[benchmark]
	fn accept_delegation() -> Result<(), BenchmarkError> {
		let issuer = accredited_issuer::<T>("issuer", 0, T::MaxDelegates::get() - 1);
		let delegate: T::AccountId = account("new-delegate", 0, SEED);
		Credentials::<T>::do_invite_delegate(issuer.clone(), delegate.clone())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(delegate.clone()), issuer);
		assert!(Signers::<T>::contains_key(&delegate));
		Ok(())
	}

	#[benchmark]
	fn resign_delegation() {
		let delegates = T::MaxDelegates::get();
		let issuer = accredited_issuer::<T>("issuer", 0, delegates);
		let last: T::AccountId = account("delegate", delegates - 1, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), issuer);
		assert!(!Signers::<T>::contains_key(&last));
	}

	#[benchmark]
	fn set_issuance_quota() -> Result<(), BenchmarkError> {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let quota = IssuanceQuota { per_block: 1, per_day: 1 };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone(), Some(quota));
		assert_eq!(Credentials::<T>::issuance_quota(&issuer), quota);
		Ok(())
	}

	#[benchmark]
	fn remove_delegate() {
		let delegates = T::MaxDelegates::get();
		let issuer = accredited_issuer::<T>("issuer", 0, delegates);
		let last: T::AccountId = account("delegate", delegates - 1, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), last.clone());
		assert!(!Signers::<T>::contains_key(&last));
	}

	#[benchmark]
	fn issue() {
		let issuer = accredited_issuer::<T>("issuer", 0, 1);
		let delegate: T::AccountId = account("delegate", 0, SEED);
		let digest = digest_of(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(delegate), digest, full_terms());
		assert_eq!(crate::Credentials::<T>::get(digest).map(|c| c.issuer), Some(issuer));
	}

	#[benchmark]
	fn issue_batch(n: Linear<1, { T::MaxBatchSize::get() }>) {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let credentials: BoundedVec<CredentialInput, T::MaxBatchSize> = (0..n)
			.map(|i| CredentialInput { digest: digest_of(i), terms: full_terms() })
			.collect::<Vec<_>>()
			.try_into()
			.expect("n is within the batch bound");
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), credentials);
		assert!(crate::Credentials::<T>::contains_key(digest_of(n - 1)));
	}

	#[benchmark]
	fn revoke() {
		let digest = digest_of(0);
		let (_, successor) = credential_in_successor_care::<T>(digest);
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), digest, RevocationReason::FraudOrMisconduct);
		assert!(matches!(
			crate::Credentials::<T>::get(digest).map(|c| c.status),
			Some(CredentialStatus::Revoked { .. })
		));
	}

	#[benchmark]
	fn suspend() {
		let digest = digest_of(0);
		let (_, successor) = credential_in_successor_care::<T>(digest);
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), digest);
		assert!(matches!(
			crate::Credentials::<T>::get(digest).map(|c| c.status),
			Some(CredentialStatus::Suspended { .. })
		));
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let digest = digest_of(0);
		let (_, successor) = credential_in_successor_care::<T>(digest);
		Credentials::<T>::do_suspend(successor.clone(), digest)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), digest);
		assert_eq!(
			crate::Credentials::<T>::get(digest).map(|c| c.status),
			Some(CredentialStatus::Active)
		);
		Ok(())
	}

	#[benchmark]
	fn anchor_batch() {
		let issuer = accredited_issuer::<T>("issuer", 0, 1);
		let delegate: T::AccountId = account("delegate", 0, SEED);
		let root = digest_of(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(delegate), root, u32::MAX, full_terms());
		assert_eq!(Batches::<T>::get(root).map(|b| b.issuer), Some(issuer));
	}

	#[benchmark]
	fn revoke_batch() {
		let (successor, root, _, _) = deep_batch_in_successor_care::<T>(1);
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), root, RevocationReason::IssuedInError);
		assert!(matches!(
			Batches::<T>::get(root).map(|b| b.status),
			Some(CredentialStatus::Revoked { .. })
		));
	}

	#[benchmark]
	fn revoke_batch_leaf(p: Linear<0, 31>) {
		let (successor, root, leaf, proof) = deep_batch_in_successor_care::<T>(p);
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), root, leaf, 0, proof, RevocationReason::Superseded);
		assert!(BatchLeaves::<T>::contains_key(root, leaf));
	}

	#[benchmark]
	fn suspend_batch_leaf(p: Linear<0, 31>) {
		let (successor, root, leaf, proof) = deep_batch_in_successor_care::<T>(p);
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), root, leaf, 0, proof);
		assert!(BatchLeaves::<T>::contains_key(root, leaf));
	}

	#[benchmark]
	fn reinstate_batch_leaf() -> Result<(), BenchmarkError> {
		let (successor, root, leaf, proof) = deep_batch_in_successor_care::<T>(1);
		Credentials::<T>::do_suspend_batch_leaf(successor.clone(), root, leaf, 0, proof)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), root, leaf);
		assert!(!BatchLeaves::<T>::contains_key(root, leaf));
		Ok(())
	}

	impl_benchmark_test_suite!(Credentials, crate::mock::new_bench_ext(), crate::mock::Test);
}
