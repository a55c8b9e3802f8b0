//! The verdict over proven state: the credentials pallet's own `verify`, compiled into this client
//! from the same crate the runtime is built from, run over nothing but the proof's trie nodes.

use std::panic::{catch_unwind, AssertUnwindSafe};

use credchain_runtime::{opaque::Header, Runtime, VERSION};
use pallet_credentials::VerdictOf;

/// The credentials pallet as the runtime configures it.
type Credentials = pallet_credentials::Pallet<Runtime>;
use sp_runtime::traits::BlakeTwo256;
use sp_state_machine::{create_proof_check_backend, Ext, OverlayedChanges, StorageProof};

use super::ProofError;
use crate::Digest;

/// A credential of a Merkle batch: the batch's root, the leaf's index and its sibling hashes.
pub type BatchMembership = (Digest, u32, Vec<Digest>);

/// The verdict on `digest` (a leaf of `batch`, if given) for a document naming `issuer`, with
/// `holder` checked, in the state of the block `header`, read from the trie `nodes` alone.
pub fn verdict_at(
	header: &Header,
	nodes: impl IntoIterator<Item = Vec<u8>>,
	digest: Digest,
	issuer: Option<Vec<u8>>,
	holder: Option<Digest>,
	batch: Option<BatchMembership>,
) -> Result<VerdictOf<Runtime>, ProofError> {
	let proof = StorageProof::new(nodes);
	let state = create_proof_check_backend::<BlakeTwo256>(header.state_root, proof)
		.map_err(|_| ProofError::StateRootMismatch { number: header.number })?;
	let mut changes = OverlayedChanges::default();
	let mut externalities = Ext::new(&mut changes, &state, None);
	// A read of a node the proof lacks fails inside the externalities, which panic: caught here.
	let mut read = |work: &mut dyn FnMut()| {
		quietly(|| sp_externalities::set_and_run_with_externalities(&mut externalities, || work()))
			.map_err(|_| ProofError::StateIncomplete)
	};
	let mut runtime = None;
	read(&mut || runtime = frame_system::LastRuntimeUpgrade::<Runtime>::get())?;
	let client = format!("{} version {}", VERSION.spec_name, VERSION.spec_version);
	match runtime {
		Some(chain)
			if chain.spec_name == VERSION.spec_name
				&& chain.spec_version.0 == VERSION.spec_version => {}
		Some(chain) => {
			let chain = format!("{} version {}", chain.spec_name, chain.spec_version.0);
			return Err(ProofError::RuntimeMismatch { chain, client });
		}
		None => return Err(ProofError::RuntimeMismatch { chain: "unknown".into(), client }),
	}
	let mut verdict = None;
	let (mut issuer, mut batch) = (Some(issuer), Some(batch));
	read(&mut || {
		let issuer = issuer.take().flatten();
		verdict = Some(match batch.take().flatten() {
			Some((root, leaf_index, siblings)) => {
				Credentials::verify_in_batch(root, digest, leaf_index, siblings, issuer)
			}
			None => Credentials::verify(digest, issuer, holder),
		});
	})?;
	verdict.ok_or(ProofError::StateIncomplete)
}

/// Runs `work`, catching a panic without printing it.
fn quietly<R>(work: impl FnOnce() -> R) -> std::thread::Result<R> {
	let previous = std::panic::take_hook();
	std::panic::set_hook(Box::new(|_| {}));
	let outcome = catch_unwind(AssertUnwindSafe(work));
	std::panic::set_hook(previous);
	outcome
}
