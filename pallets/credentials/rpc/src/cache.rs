//! Verdicts already computed, by block: the state at a block never changes, so the verdict on a
//! credential read at a given block hash never changes either, and the same question asked again —
//! a verification service asked about the same credential by many employers, a page reloaded —
//! is answered without running the runtime again. Nothing invalidates an entry; a new finalized
//! block is a new key, and old entries fall out as the least recently used.

use parking_lot::Mutex;
use schnellru::{ByLength, LruMap};
use sp_core::H256;

use crate::answers::Verdict;

/// How many verdicts the cache keeps: about 2 MiB of answers.
pub const CAPACITY: u32 = 8_192;

/// What a verdict depends on: the block it was read at, the digest, and the issuer the document
/// claims.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VerdictKey {
	/// The block's hash.
	pub block: H256,
	/// The credential's digest.
	pub digest: [u8; 32],
	/// The issuer identifier the document names, if it names one.
	pub claimed_issuer: Option<Vec<u8>>,
	/// The holder commitment the verifier passed, if it passed one.
	pub holder: Option<[u8; 32]>,
}

/// Verdicts by what they depend on, least recently used first out.
pub struct VerdictCache {
	verdicts: Mutex<LruMap<VerdictKey, Verdict, ByLength>>,
}

impl Default for VerdictCache {
	fn default() -> Self {
		Self::with_capacity(CAPACITY)
	}
}

impl VerdictCache {
	/// A cache of at most `capacity` verdicts.
	pub fn with_capacity(capacity: u32) -> Self {
		Self { verdicts: Mutex::new(LruMap::new(ByLength::new(capacity))) }
	}

	/// The verdict for `key`, if it was computed before.
	pub fn get(&self, key: &VerdictKey) -> Option<Verdict> {
		self.verdicts.lock().get(key).cloned()
	}

	/// Keeps `verdict` for `key`.
	pub fn insert(&self, key: VerdictKey, verdict: Verdict) {
		self.verdicts.lock().insert(key, verdict);
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::answers::{ReadAt, Status};

	fn verdict(status: Status) -> Verdict {
		Verdict {
			digest: H256([1; 32]),
			status,
			revocation: None,
			suspended_since: None,
			issuer_revocation: None,
			issuer: None,
			claimed_issuer: None,
			anchored_by: Vec::new(),
			warnings: Vec::new(),
			issued_at_block: None,
			issued_at_time: None,
			valid_from: None,
			valid_until: None,
			achievement: None,
			holder_commitment: None,
			batch: None,
			read_at: ReadAt { block: 1, hash: H256([2; 32]), time: 0 },
			revoked_component: None,
			achievement_info: None,
			components: vec![],
			holder_check: None,
		}
	}

	fn key(block: u8, digest: u8, claimed: Option<&str>) -> VerdictKey {
		VerdictKey {
			block: H256([block; 32]),
			digest: [digest; 32],
			claimed_issuer: claimed.map(|claim| claim.as_bytes().to_vec()),
			holder: None,
		}
	}

	#[test]
	fn a_verdict_is_kept_for_its_block_digest_and_claim_only() {
		let cache = VerdictCache::default();
		cache.insert(key(1, 1, None), verdict(Status::Valid));
		assert_eq!(cache.get(&key(1, 1, None)).map(|v| v.status), Some(Status::Valid));
		assert!(cache.get(&key(2, 1, None)).is_none(), "another block");
		assert!(cache.get(&key(1, 2, None)).is_none(), "another digest");
		assert!(cache.get(&key(1, 1, Some("https://uni.example"))).is_none(), "another claim");
	}

	#[test]
	fn the_least_recently_used_verdict_leaves_first() {
		let cache = VerdictCache::with_capacity(2);
		cache.insert(key(1, 1, None), verdict(Status::Valid));
		cache.insert(key(1, 2, None), verdict(Status::Revoked));
		assert!(cache.get(&key(1, 1, None)).is_some());
		cache.insert(key(1, 3, None), verdict(Status::Unknown));
		assert!(cache.get(&key(1, 2, None)).is_none());
		assert!(cache.get(&key(1, 1, None)).is_some());
		assert!(cache.get(&key(1, 3, None)).is_some());
	}
}
