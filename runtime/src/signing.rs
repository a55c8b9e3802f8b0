//! Signed transactions made outside a node, from the runtime's own types: for the end-to-end tests
//! (which send exactly what an attacker or a careless user would sign) and the runtime fuzzer
//! (which applies them block by block). Native builds only.

use codec::Encode;
use sp_core::{sr25519, Pair};
use sp_runtime::generic::Era;

use crate::{
	Address, Hash, Nonce, RuntimeCall, Signature, SignedPayload, TxExtension, UncheckedExtrinsic,
	VERSION,
};

/// `call` signed by `signer` at `nonce` for the chain whose genesis block is `genesis`: immortal,
/// without a metadata hash, every other extension as the client sets it.
pub fn signed_extrinsic(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis: Hash,
) -> UncheckedExtrinsic {
	let extensions: TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckMortality::from(Era::Immortal),
		pallet_roles::CheckRole::new(),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	);
	let implicit = (
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis,
		genesis,
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extensions.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(signer.public().into()),
		Signature::Sr25519(signature),
		extensions,
	)
}
