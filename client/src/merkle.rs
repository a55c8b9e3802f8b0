//! Merkle batches: many credentials anchored on chain with one root.
//!
//! The tree is the one the credentials pallet checks proofs against: `binary-merkle-tree` over
//! Keccak-256, whose leaves are the credentials' 32-byte digests (each hashed once more as a leaf),
//! whose inner nodes hash the concatenation of their two children, and where the last node of a row
//! with an odd number of nodes is promoted unchanged to the row above.
//!
//! [`MerkleBatch`] keeps every row of the tree, so that the proofs of all leaves of a batch of
//! thousands come out in time linear in its size (asking `binary_merkle_tree::merkle_proof` for each
//! leaf would rebuild the tree every time); its root is checked against
//! `binary_merkle_tree::merkle_root`, and its proofs against `binary_merkle_tree::verify_proof`.

use serde::{Deserialize, Serialize};
use sp_core::{KeccakHasher, H256};
use sp_crypto_hashing::keccak_256;

use crate::{Digest, Error, Result};

/// The most leaves a batch may have: the chain counts leaves in a `u32`.
pub const MAX_LEAVES: usize = u32::MAX as usize;

/// The longest proof the chain accepts: a tree of up to 2³² leaves.
pub const MAX_PROOF_LENGTH: usize = 32;

/// A Merkle tree over the digests of a batch of credentials.
#[derive(Clone, Debug)]
pub struct MerkleBatch {
	/// The rows of the tree, leaf hashes first, the root's row (one hash) last.
	rows: Vec<Vec<Digest>>,
}

/// The proof that a credential is the leaf at `leaf_index` of a batch: the sibling hashes from the
/// leaf up to the root. In JSON it is `{"leafIndex": 5, "siblings": ["0x…", …]}`, exactly the `proof`
/// parameter of the node's `credentials_verifyInBatch` method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LeafProof {
	/// The leaf's index in the batch (0-based).
	pub leaf_index: u32,
	/// The sibling hashes, leaf to root.
	#[serde(with = "crate::bytes32::hex32_list")]
	pub siblings: Vec<Digest>,
}

impl MerkleBatch {
	/// Builds the tree over `leaves`, the credentials' digests in batch order.
	pub fn build(leaves: &[Digest]) -> Result<Self> {
		if leaves.is_empty() {
			return Err(Error::input("a batch needs at least one document"));
		}
		if leaves.len() > MAX_LEAVES {
			return Err(Error::input(format!(
				"a batch holds at most {MAX_LEAVES} documents, not {}",
				leaves.len()
			)));
		}
		let mut rows: Vec<Vec<Digest>> = vec![leaves.iter().map(|leaf| keccak_256(leaf)).collect()];
		loop {
			let Some(row) = rows.last() else { break };
			if row.len() <= 1 {
				break;
			}
			let upper: Vec<Digest> = row
				.chunks(2)
				.map(|pair| match pair {
					[left, right] => hash_pair(left, right),
					// The last node of an odd row is promoted unchanged.
					[promoted, ..] => *promoted,
					[] => Digest::default(),
				})
				.collect();
			rows.push(upper);
		}
		let batch = Self { rows };

		let expected: H256 = binary_merkle_tree::merkle_root::<KeccakHasher, _>(leaves.iter());
		if expected.0 != batch.root() {
			return Err(Error::Incompatible(
				"the Merkle tree built by this client does not match binary-merkle-tree's; please \
				 report this as a bug"
					.into(),
			));
		}
		Ok(batch)
	}

	/// The root the chain anchors.
	pub fn root(&self) -> Digest {
		self.rows.last().and_then(|row| row.first()).copied().unwrap_or_default()
	}

	/// The number of leaves.
	pub fn leaf_count(&self) -> u32 {
		self.rows.first().map_or(0, |row| row.len() as u32)
	}

	/// The proof for the leaf at `leaf_index`, or `None` if there is no such leaf.
	pub fn proof(&self, leaf_index: u32) -> Option<LeafProof> {
		if leaf_index >= self.leaf_count() {
			return None;
		}
		let mut position = leaf_index as usize;
		let mut siblings = Vec::new();
		for row in &self.rows[..self.rows.len() - 1] {
			// A node's sibling is its neighbour in its pair; the last node of an odd row has none
			// (it is promoted unchanged), so it adds nothing to the proof.
			let sibling = if position % 2 == 1 { position - 1 } else { position + 1 };
			if let Some(hash) = row.get(sibling) {
				siblings.push(*hash);
			}
			position /= 2;
		}
		Some(LeafProof { leaf_index, siblings })
	}
}

/// Keccak-256 of `left ++ right`: an inner node of the tree.
fn hash_pair(left: &Digest, right: &Digest) -> Digest {
	let mut both = [0u8; 64];
	both[..32].copy_from_slice(left);
	both[32..].copy_from_slice(right);
	keccak_256(&both)
}

/// Whether `proof` shows that `leaf` is a credential of the batch with `root` and `leaf_count`
/// leaves, checked exactly as the chain checks it.
pub fn verify(root: &Digest, leaf_count: u32, leaf: &Digest, proof: &LeafProof) -> bool {
	binary_merkle_tree::verify_proof::<KeccakHasher, _, _>(
		&H256(*root),
		proof.siblings.iter().map(|sibling| H256(*sibling)),
		leaf_count,
		proof.leaf_index,
		leaf,
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn leaves(count: usize) -> Vec<Digest> {
		(0..count).map(|i| crate::digest::sha256(format!("credential {i}").as_bytes())).collect()
	}

	#[test]
	fn proofs_verify_for_many_sizes() {
		for count in (1..=70).chain([127, 128, 129, 255, 256, 1000, 1025]) {
			let leaves = leaves(count);
			let batch = MerkleBatch::build(&leaves).unwrap();
			assert_eq!(batch.leaf_count() as usize, count);
			for (index, leaf) in leaves.iter().enumerate() {
				let proof = batch.proof(index as u32).unwrap();
				assert!(
					verify(&batch.root(), batch.leaf_count(), leaf, &proof),
					"{count} leaves, leaf {index}"
				);
			}
			assert!(batch.proof(count as u32).is_none());
		}
	}

	#[test]
	fn proofs_match_binary_merkle_tree() {
		for count in [1usize, 2, 3, 5, 8, 13, 33, 100] {
			let leaves = leaves(count);
			let batch = MerkleBatch::build(&leaves).unwrap();
			for index in 0..count as u32 {
				let reference =
					binary_merkle_tree::merkle_proof::<KeccakHasher, _, _>(leaves.iter(), index);
				assert_eq!(reference.root.0, batch.root());
				let siblings: Vec<Digest> = reference.proof.iter().map(|hash| hash.0).collect();
				assert_eq!(
					batch.proof(index).unwrap().siblings,
					siblings,
					"{count} leaves, leaf {index}"
				);
			}
		}
	}

	#[test]
	fn tampered_proofs_do_not_verify() {
		let leaves = leaves(100);
		let batch = MerkleBatch::build(&leaves).unwrap();
		let root = batch.root();
		let proof = batch.proof(42).unwrap();
		assert!(verify(&root, 100, &leaves[42], &proof));

		let mut flipped = proof.clone();
		flipped.siblings[0][0] ^= 1;
		assert!(!verify(&root, 100, &leaves[42], &flipped));

		let other_leaf = LeafProof { leaf_index: 43, ..proof.clone() };
		assert!(!verify(&root, 100, &leaves[42], &other_leaf));
		assert!(!verify(&root, 100, &leaves[43], &proof));

		let mut shortened = proof.clone();
		shortened.siblings.pop();
		assert!(!verify(&root, 100, &leaves[42], &shortened));

		let mut wrong_root = root;
		wrong_root[31] ^= 0x80;
		assert!(!verify(&wrong_root, 100, &leaves[42], &proof));
	}

	#[test]
	fn a_single_leaf_is_its_own_proof() {
		let leaves = leaves(1);
		let batch = MerkleBatch::build(&leaves).unwrap();
		assert_eq!(batch.root(), keccak_256(&leaves[0]));
		assert!(batch.proof(0).unwrap().siblings.is_empty());
		assert!(MerkleBatch::build(&[]).is_err());
	}
}
