//! Benchmarks of every call of the credentials pallet, each in its worst case: the longest profile,
//! the most delegates, the largest batch, the deepest Merkle proof, and status changes made by a
//! successor (which costs one more read than the issuer itself).

use super::*;
use crate::Pallet as Credentials;
use alloc::vec::Vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::Get, traits::EnsureOrigin, BoundedVec};
use frame_system::RawOrigin;
use sp_runtime::traits::{Hash, Keccak256};

const SEED: u32 = 0;

/// `length` bytes: `prefix`, then `filler`, ending with the hex of `tag` so that texts with
/// different tags differ.
fn text_of(prefix: &[u8], filler: u8, tag: &[u8], length: u32) -> Vec<u8> {
	let mut text = prefix.to_vec();
	let suffix: Vec<u8> =
		tag.iter().flat_map(|byte| [b'a' + (byte >> 4), b'a' + (byte & 15)]).collect();
	text.resize((length as usize).saturating_sub(suffix.len()).max(prefix.len()), filler);
	text.extend(suffix);
	text.truncate(length as usize);
	text
}

/// The longest profile the runtime allows, with the most identifiers, its name and identifiers
/// made unique by `owner` and `version`.
fn longest_profile<T: Config>(owner: &T::AccountId, version: u8) -> ProfileOf<T> {
	let tag = |kind: u8| -> Vec<u8> {
		let mut tag = sp_io::hashing::blake2_256(&owner.encode())[..6].to_vec();
		tag.extend([version, kind]);
		tag
	};
	let uri = |kind: u8| {
		text_of(b"did:", b'u', &tag(kind), T::MaxUriLength::get()).try_into().expect("fits")
	};
	ProfileOf::<T> {
		name: text_of(b"N", b'N', &tag(0), T::MaxNameLength::get()).try_into().expect("fits"),
		uri: uri(1),
		country: *b"NL",
		identifiers: (0..T::MaxIdentifiers::get())
			.map(|k| uri(2 + k as u8))
			.collect::<Vec<_>>()
			.try_into()
			.expect("fits its bound"),
	}
}

/// Terms with every field set, naming an achievement of `issuer` (registered on first use).
fn full_terms<T: Config>(issuer: &T::AccountId) -> CredentialTerms {
	CredentialTerms {
		valid_from: Some(1),
		valid_until: Some(u64::MAX),
		achievement: Some(achievement_of::<T>(issuer, 0)),
		holder: Some([8; 32]),
	}
}

/// The `index`th plain achievement of `issuer`, with the longest definition, registered on first
/// use.
fn achievement_of<T: Config>(issuer: &T::AccountId, index: u32) -> AchievementId {
	let definition = longest_definition::<T>(issuer, index);
	let id = Credentials::<T>::achievement_id(issuer, &definition.uri);
	if !Achievements::<T>::contains_key(id) {
		let signer = Issuers::<T>::get(issuer).expect("a registered issuer").key;
		Credentials::<T>::do_create_achievement(signer, definition, None)
			.expect("an accredited issuer registers an achievement");
	}
	id
}

/// The longest achievement definition the runtime allows, its URI made unique by `owner` and
/// `index`.
fn longest_definition<T: Config>(owner: &T::AccountId, index: u32) -> AchievementDefinitionOf<T> {
	let mut tag = sp_io::hashing::blake2_256(&owner.encode())[..6].to_vec();
	tag.extend(index.to_le_bytes());
	let uri = |kind: u8| -> BoundedVec<u8, T::MaxUriLength> {
		let mut tag = tag.clone();
		tag.push(kind);
		text_of(b"https:", b'u', &tag, T::MaxUriLength::get()).try_into().expect("fits")
	};
	AchievementDefinitionOf::<T> {
		uri: uri(0),
		name: text_of(b"A", b'A', &tag, T::MaxNameLength::get()).try_into().expect("fits"),
		kind: AchievementKind::MicroCredential,
		eqf_level: Some(8),
		credits: Some(Credits { hundredths: 500, system: CreditSystem::Ects }),
		criteria_uri: Some(uri(1)),
		criteria_digest: Some([9; 32]),
		skills: (0..T::MaxAchievementSkills::get())
			.map(|k| uri(2 + k as u8))
			.collect::<Vec<_>>()
			.try_into()
			.expect("fits its bound"),
		language: Some(LanguageTag::truncate_from(b"en-GB-oxendict-x".to_vec())),
	}
}

/// A stacking rule asking for all of `components` and their credits.
fn rule_of<T: Config>(components: &[AchievementId]) -> StackingRuleOf<T> {
	StackingRuleOf::<T> {
		components: components.to_vec().try_into().expect("within the component bound"),
		min_count: components.len() as u32,
		min_credits: Some(500 * components.len() as u32),
	}
}

/// A distinct digest for each `index`.
fn digest_of(index: u32) -> Digest {
	Keccak256::hash(&index.to_le_bytes()).0
}

/// Registers `name`/`index` and accredits it with `delegates` delegates.
fn accredited_issuer<T: Config>(name: &'static str, index: u32, delegates: u32) -> T::AccountId {
	let issuer: T::AccountId = account(name, index, SEED);
	Credentials::<T>::do_register_issuer(issuer.clone(), longest_profile::<T>(&issuer, 0))
		.expect("a fresh account registers");
	Credentials::<T>::do_accredit_issuer(issuer.clone()).expect("an applicant is accredited");
	for d in 0..delegates {
		Credentials::<T>::enlist_delegate(&issuer, account("delegate", index * 1_000 + d, SEED))
			.expect("within the delegate bound");
	}
	issuer
}

/// An issuer that issued `digest` after another issuer did (so its record is the second, which
/// costs one more read to find) and was withdrawn, and the successor that now takes care of it.
fn credential_in_successor_care<T: Config>(digest: Digest) -> (T::AccountId, T::AccountId) {
	let first = accredited_issuer::<T>("first", 0, 0);
	let terms = full_terms::<T>(&first);
	Credentials::<T>::do_issue(first, CredentialInput { digest, terms })
		.expect("an accredited issuer issues");
	let original = accredited_issuer::<T>("original", 0, 0);
	let terms = full_terms::<T>(&original);
	Credentials::<T>::do_issue(original.clone(), CredentialInput { digest, terms })
		.expect("an accredited issuer issues");
	hand_over_to_successor::<T>(original)
}

/// Withdraws `original` and names a fresh accredited successor; returns both.
fn hand_over_to_successor<T: Config>(original: T::AccountId) -> (T::AccountId, T::AccountId) {
	Credentials::<T>::do_withdraw_accreditation(original.clone(), WithdrawalReason::Merged, None)
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

/// A batch of 2^`depth` leaves anchored by a withdrawn issuer (second under its root) in a
/// successor's care; returns the withdrawn issuer, the successor, root, leaf and proof.
fn deep_batch_in_successor_care<T: Config>(
	depth: u32,
) -> (T::AccountId, T::AccountId, Digest, Digest, MerkleProof) {
	let (leaf, proof, root) = deep_leaf(depth);
	let first = accredited_issuer::<T>("first", 0, 0);
	let terms = full_terms::<T>(&first);
	Credentials::<T>::do_anchor_batch(first, root, 1u32 << depth, terms)
		.expect("an accredited issuer anchors");
	let original = accredited_issuer::<T>("original", 0, 0);
	let terms = full_terms::<T>(&original);
	Credentials::<T>::do_anchor_batch(original.clone(), root, 1u32 << depth, terms)
		.expect("an accredited issuer anchors");
	let (original, successor) = hand_over_to_successor::<T>(original);
	(original, successor, root, leaf, proof)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_issuer() {
		let applicant: T::AccountId = whitelisted_caller();
		let profile = longest_profile::<T>(&applicant, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(applicant.clone()), profile);
		assert!(Issuers::<T>::contains_key(&applicant));
	}

	#[benchmark]
	fn propose_profile_change() {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let profile = longest_profile::<T>(&issuer, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), profile);
		assert!(ProfileProposals::<T>::contains_key(&issuer));
	}

	#[benchmark]
	fn approve_profile_change() -> Result<(), BenchmarkError> {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let profile = longest_profile::<T>(&issuer, 1);
		Credentials::<T>::do_propose_profile_change(issuer.clone(), profile.clone())?;
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone(), profile.clone());
		assert_eq!(Issuers::<T>::get(&issuer).map(|record| record.profile), Some(profile));
		Ok(())
	}

	#[benchmark]
	fn move_issuer_key() -> Result<(), BenchmarkError> {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let new_key: T::AccountId = account("new key", 0, SEED);
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone(), new_key.clone());
		assert_eq!(Signers::<T>::get(&new_key).map(|signer| signer.issuer), Some(issuer));
		Ok(())
	}

	#[benchmark]
	fn accredit_issuer() -> Result<(), BenchmarkError> {
		let applicant: T::AccountId = account("applicant", 0, SEED);
		Credentials::<T>::do_register_issuer(
			applicant.clone(),
			longest_profile::<T>(&applicant, 0),
		)?;
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
		_(origin as T::RuntimeOrigin, newcomer.clone(), longest_profile::<T>(&newcomer, 0));
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
		let now = frame_system::Pallet::<T>::block_number();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, issuer.clone(), WithdrawalReason::Misconduct, Some(now));
		assert!(!Signers::<T>::contains_key(&issuer));
		Ok(())
	}

	#[benchmark]
	fn reject_application() -> Result<(), BenchmarkError> {
		let applicant: T::AccountId = account("applicant", 0, SEED);
		Credentials::<T>::do_register_issuer(
			applicant.clone(),
			longest_profile::<T>(&applicant, 0),
		)?;
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
		Credentials::<T>::do_withdraw_accreditation(
			original.clone(),
			WithdrawalReason::Closed,
			None,
		)?;
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
		let digest = digest_of(0);
		let first = accredited_issuer::<T>("first", 0, 0);
		let terms = full_terms::<T>(&first);
		Credentials::<T>::do_issue(first, CredentialInput { digest, terms })
			.expect("an accredited issuer issues");
		let issuer = accredited_issuer::<T>("issuer", 0, 1);
		let delegate: T::AccountId = account("delegate", 0, SEED);
		let terms = full_terms::<T>(&issuer);
		#[extrinsic_call]
		_(RawOrigin::Signed(delegate), digest, terms);
		assert!(CoIssuedCredentials::<T>::contains_key(digest, issuer));
	}

	#[benchmark]
	fn issue_batch(n: Linear<1, { T::MaxBatchSize::get() }>) {
		let batch_of = |issuer: &T::AccountId| -> BoundedVec<CredentialInput, T::MaxBatchSize> {
			let terms = full_terms::<T>(issuer);
			(0..n)
				.map(|i| CredentialInput { digest: digest_of(i), terms: terms.clone() })
				.collect::<Vec<_>>()
				.try_into()
				.expect("n is within the batch bound")
		};
		let first = accredited_issuer::<T>("first", 0, 0);
		Credentials::<T>::do_issue_batch(first.clone(), batch_of(&first))
			.expect("an accredited issuer issues");
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let credentials = batch_of(&issuer);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), credentials);
		assert!(CoIssuedCredentials::<T>::contains_key(digest_of(n - 1), issuer));
	}

	#[benchmark]
	fn revoke() {
		let digest = digest_of(0);
		let (original, successor) = credential_in_successor_care::<T>(digest);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(successor),
			digest,
			RevocationReason::FraudOrMisconduct,
			Some(original.clone()),
		);
		assert!(matches!(
			Credentials::<T>::credential_of(&digest, &original).map(|c| c.status),
			Some(CredentialStatus::Revoked { .. })
		));
	}

	#[benchmark]
	fn suspend() {
		let digest = digest_of(0);
		let (original, successor) = credential_in_successor_care::<T>(digest);
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), digest, Some(original.clone()));
		assert!(matches!(
			Credentials::<T>::credential_of(&digest, &original).map(|c| c.status),
			Some(CredentialStatus::Suspended { .. })
		));
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let digest = digest_of(0);
		let (original, successor) = credential_in_successor_care::<T>(digest);
		Credentials::<T>::do_suspend(successor.clone(), digest, Some(original.clone()))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), digest, Some(original.clone()));
		assert_eq!(
			Credentials::<T>::credential_of(&digest, &original).map(|c| c.status),
			Some(CredentialStatus::Active)
		);
		Ok(())
	}

	#[benchmark]
	fn anchor_batch() {
		let root = digest_of(0);
		let first = accredited_issuer::<T>("first", 0, 0);
		let terms = full_terms::<T>(&first);
		Credentials::<T>::do_anchor_batch(first, root, u32::MAX, terms)
			.expect("an accredited issuer anchors");
		let issuer = accredited_issuer::<T>("issuer", 0, 1);
		let delegate: T::AccountId = account("delegate", 0, SEED);
		let terms = full_terms::<T>(&issuer);
		#[extrinsic_call]
		_(RawOrigin::Signed(delegate), root, u32::MAX, terms);
		assert!(CoAnchoredBatches::<T>::contains_key(root, issuer));
	}

	#[benchmark]
	fn revoke_batch() {
		let (original, successor, root, _, _) = deep_batch_in_successor_care::<T>(1);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(successor),
			root,
			RevocationReason::IssuedInError,
			Some(original.clone()),
		);
		assert!(matches!(
			CoAnchoredBatches::<T>::get(root, &original).map(|b| b.status),
			Some(CredentialStatus::Revoked { .. })
		));
	}

	#[benchmark]
	fn revoke_batch_leaf(p: Linear<0, 31>) {
		let (original, successor, root, leaf, proof) = deep_batch_in_successor_care::<T>(p);
		let reason = RevocationReason::Superseded;
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), root, leaf, 0, proof, reason, Some(original.clone()));
		assert!(CoAnchoredLeaves::<T>::contains_key((root, &original, leaf)));
	}

	#[benchmark]
	fn suspend_batch_leaf(p: Linear<0, 31>) {
		let (original, successor, root, leaf, proof) = deep_batch_in_successor_care::<T>(p);
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), root, leaf, 0, proof, Some(original.clone()));
		assert!(CoAnchoredLeaves::<T>::contains_key((root, &original, leaf)));
	}

	#[benchmark]
	fn reinstate_batch_leaf() -> Result<(), BenchmarkError> {
		let (original, successor, root, leaf, proof) = deep_batch_in_successor_care::<T>(1);
		let predecessor = Some(original.clone());
		Credentials::<T>::do_suspend_batch_leaf(
			successor.clone(),
			root,
			leaf,
			0,
			proof,
			predecessor.clone(),
		)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(successor), root, leaf, predecessor);
		assert!(!CoAnchoredLeaves::<T>::contains_key((root, &original, leaf)));
		Ok(())
	}

	#[benchmark]
	fn create_achievement(c: Linear<0, { T::MaxStackComponents::get() }>) {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let components: Vec<AchievementId> =
			(1..=c).map(|index| achievement_of::<T>(&issuer, index)).collect();
		let rule = (c > 0).then(|| rule_of::<T>(&components));
		let definition = longest_definition::<T>(&issuer, 0);
		let id = Credentials::<T>::achievement_id(&issuer, &definition.uri);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), definition, rule);
		assert!(Achievements::<T>::contains_key(id));
	}

	#[benchmark]
	fn publish_achievement_version(c: Linear<0, { T::MaxStackComponents::get() }>) {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let components: Vec<AchievementId> =
			(1..=c).map(|index| achievement_of::<T>(&issuer, index)).collect();
		let rule = (c > 0).then(|| rule_of::<T>(&components));
		let definition = longest_definition::<T>(&issuer, 0);
		Credentials::<T>::do_create_achievement(issuer.clone(), definition.clone(), rule.clone())
			.expect("an accredited issuer registers an achievement");
		let id = Credentials::<T>::achievement_id(&issuer, &definition.uri);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, definition, rule);
		assert_eq!(Achievements::<T>::get(id).map(|record| record.latest_version()), Some(2));
	}

	#[benchmark]
	fn deprecate_achievement() {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let id = achievement_of::<T>(&issuer, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id);
		assert!(Achievements::<T>::get(id).is_some_and(|record| record.deprecated_at.is_some()));
	}

	#[benchmark]
	fn share_achievement() {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let id = achievement_of::<T>(&issuer, 0);
		let shares = T::MaxAchievementShares::get();
		for index in 1..shares {
			let other = accredited_issuer::<T>("other", index, 0);
			Credentials::<T>::do_share_achievement(issuer.clone(), id, other)
				.expect("within the share bound");
		}
		let last = accredited_issuer::<T>("other", shares, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, last.clone());
		assert!(Achievements::<T>::get(id).is_some_and(|record| record.may_be_issued_by(&last)));
	}

	#[benchmark]
	fn unshare_achievement() {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let id = achievement_of::<T>(&issuer, 0);
		let mut last = issuer.clone();
		for index in 1..=T::MaxAchievementShares::get() {
			last = accredited_issuer::<T>("other", index, 0);
			Credentials::<T>::do_share_achievement(issuer.clone(), id, last.clone())
				.expect("within the share bound");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, last.clone());
		assert!(Achievements::<T>::get(id).is_some_and(|record| !record.may_be_issued_by(&last)));
	}

	#[benchmark]
	fn endorse_achievement() -> Result<(), BenchmarkError> {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let id = achievement_of::<T>(&issuer, 0);
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(Achievements::<T>::get(id).is_some_and(|record| record.endorsed_at.is_some()));
		Ok(())
	}

	#[benchmark]
	fn withdraw_endorsement() -> Result<(), BenchmarkError> {
		let issuer = accredited_issuer::<T>("issuer", 0, 0);
		let id = achievement_of::<T>(&issuer, 0);
		Credentials::<T>::do_set_endorsement(id, true)?;
		let origin = T::AccreditationOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(Achievements::<T>::get(id).is_some_and(|record| record.endorsed_at.is_none()));
		Ok(())
	}

	#[benchmark]
	fn issue_stacked(n: Linear<1, { T::MaxStackComponents::get() }>) {
		// Each component is the second record of its digest (one more read to find), of another
		// issuer's achievement, and counts its credits.
		let first = accredited_issuer::<T>("first", 0, 0);
		let other = accredited_issuer::<T>("other", 0, 0);
		let holder = Some([8; 32]);
		let mut components = Vec::new();
		let mut cited = Vec::new();
		for index in 0..n {
			let achievement = achievement_of::<T>(&other, index);
			let digest = digest_of(index);
			// No validity window: benchmarks run at time 0, before any window opens.
			let terms =
				CredentialTerms { achievement: Some(achievement), holder, ..Default::default() };
			let first_terms = full_terms::<T>(&first);
			Credentials::<T>::do_issue(
				first.clone(),
				CredentialInput { digest, terms: first_terms },
			)
			.expect("an accredited issuer issues");
			Credentials::<T>::do_issue(other.clone(), CredentialInput { digest, terms })
				.expect("an accredited issuer issues");
			components.push(achievement);
			cited.push(ComponentRef { digest, issuer: other.clone() });
		}
		let issuer = accredited_issuer::<T>("issuer", 0, 1);
		let mut definition = longest_definition::<T>(&issuer, u32::MAX);
		definition.credits = Some(Credits { hundredths: 500 * n, system: CreditSystem::Ects });
		let stacked = Credentials::<T>::achievement_id(&issuer, &definition.uri);
		Credentials::<T>::do_create_achievement(
			issuer.clone(),
			definition,
			Some(rule_of::<T>(&components)),
		)
		.expect("an accredited issuer registers a stacked achievement");
		let delegate: T::AccountId = account("delegate", 0, SEED);
		let terms = CredentialTerms { achievement: Some(stacked), holder, ..Default::default() };
		let cited: ComponentsOf<T> = cited.try_into().expect("within the component bound");
		let digest = digest_of(u32::MAX);
		#[extrinsic_call]
		_(RawOrigin::Signed(delegate), digest, terms, cited);
		assert!(StackedComponents::<T>::contains_key(digest, issuer));
	}

	impl_benchmark_test_suite!(Credentials, crate::mock::new_bench_ext(), crate::mock::Test);
}
