//! The runtime API of the credentials pallet: what a verifier asks, answered from the state of one
//! block. Any client can call it through `state_call` from the runtime's metadata alone; the node's
//! `credentials_*` JSON-RPC methods call it and render the answer as JSON.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_credentials::{
	BatchSummary, CredentialTerms, Digest, IssuerStanding, IssuerSummary, RevocationReason,
	Verdict, VerdictStatus, WithdrawalReason,
};

sp_api::decl_runtime_apis! {
	/// Verification of credentials and look-up of issuers.
	pub trait CredentialsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The verdict on the credential whose document has the SHA-256 `digest`.
		fn verify(digest: Digest) -> Verdict<AccountId, BlockNumber>;

		/// The verdict on the credential `leaf`, claimed by `proof` to be the leaf at `leaf_index`
		/// of the Merkle batch anchored with `root`.
		fn verify_in_batch(
			root: Digest,
			leaf: Digest,
			leaf_index: u32,
			proof: Vec<Digest>,
		) -> Verdict<AccountId, BlockNumber>;

		/// What a verifier learns about the issuer `account`, if it is registered.
		fn issuer(account: AccountId) -> Option<IssuerSummary<AccountId, BlockNumber>>;
	}
}
