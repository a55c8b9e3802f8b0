//! The runtime API of the credentials pallet: what a verifier asks, answered from the state of one
//! block. Any client can call it through `state_call` from the runtime's metadata alone; the node's
//! `credentials_*` JSON-RPC methods call it and render the answer as JSON.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_credentials::{
	AchievementId, AchievementKind, AchievementSummary, AchievementVersion, BatchSummary,
	ClaimedIssuer, ComponentVerdict, CredentialTerms, CreditSystem, Credits, Digest, HolderCheck,
	IssuerStanding, IssuerSummary, RevocationReason, RuleSummary, Verdict, VerdictStatus,
	VerdictWarning, WithdrawalReason,
};

sp_api::decl_runtime_apis! {
	/// Verification of credentials and look-up of issuers.
	///
	/// Version 2: verification takes the issuer identifier the document names, and verdicts
	/// carry issuer identity (mismatch, distrust, warnings); issuers can be found by identifier.
	///
	/// Version 3: verification takes the holder commitment a verifier computed and verdicts say
	/// whether the record commits to it; verdicts carry the achievement (as it stood when the
	/// credential was issued) and a stacked credential's components (`ComponentRevoked`);
	/// achievements can be looked up.
	#[api_version(3)]
	pub trait CredentialsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The verdict on the credential whose document has the SHA-256 `digest` and names
		/// `claimed_issuer` (UTF-8 URI or DID) as its issuer, if it names one; checked against the
		/// holder commitment `holder` (SHA-256 of identity and salt) if given.
		fn verify(
			digest: Digest,
			claimed_issuer: Option<Vec<u8>>,
			holder: Option<Digest>,
		) -> Verdict<AccountId, BlockNumber>;

		/// The verdict on the credential `leaf`, claimed by `proof` to be the leaf at `leaf_index`
		/// of the Merkle batch anchored with `root`, whose document names `claimed_issuer`.
		fn verify_in_batch(
			root: Digest,
			leaf: Digest,
			leaf_index: u32,
			proof: Vec<Digest>,
			claimed_issuer: Option<Vec<u8>>,
		) -> Verdict<AccountId, BlockNumber>;

		/// What a verifier learns about the issuer `account`, if it is registered.
		fn issuer(account: AccountId) -> Option<IssuerSummary<AccountId, BlockNumber>>;

		/// What a verifier learns about the issuer registered under the identifier `uri` (its
		/// website, DID or another registered identifier, compared normalized), if any.
		fn issuer_by_identifier(uri: Vec<u8>) -> Option<IssuerSummary<AccountId, BlockNumber>>;

		/// What a verifier learns about the achievement `id` at `version` (`None`: its latest),
		/// if both exist.
		fn achievement(
			id: AchievementId,
			version: Option<AchievementVersion>,
		) -> Option<AchievementSummary<AccountId, BlockNumber>>;
	}
}
