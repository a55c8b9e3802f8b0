//! Holder binding: how a credential record names its holder without anything personal on chain.
//!
//! A record's holder commitment is the SHA-256 of the holder's identity — an e-mail address, a DID,
//! a student number, written exactly as the issuer and holder agree on it, in UTF-8 — followed by a
//! salt string:
//!
//! ```text
//! commitment = SHA-256(identity ‖ salt)
//! ```
//!
//! This is Open Badges 3.0's `IdentityObject.identityHash` (`"sha256$" + hex(commitment)`, with
//! `"hashed": true` and the same `salt`), so an Open Badges credential that already carries a hashed
//! identity names the same holder as its record on chain. The holder keeps the identity and the
//! salt, and shows them to a verifier, who recomputes the commitment and compares it with the
//! record's: nothing on chain tells who the holder is.
//!
//! The salt is what keeps a commitment from being reversed by hashing a list of likely e-mail
//! addresses: it must be random and long (the `credchain` client makes salts of 128 random bits).

use sha2::{Digest as _, Sha256};

use crate::Digest;

/// The prefix of an Open Badges 3.0 `identityHash` made with SHA-256.
pub const IDENTITY_HASH_PREFIX: &str = "sha256$";

/// The commitment to the holder `identity` with `salt`: SHA-256 of the two strings' UTF-8 bytes, one
/// after the other.
pub fn holder_commitment(identity: &str, salt: &str) -> Digest {
	let mut hasher = Sha256::new();
	hasher.update(identity.as_bytes());
	hasher.update(salt.as_bytes());
	hasher.finalize().into()
}

/// The commitment written as an Open Badges 3.0 `identityHash`: `sha256$` and 64 lowercase hex
/// digits.
pub fn identity_hash(commitment: &Digest) -> String {
	format!("{IDENTITY_HASH_PREFIX}{}", hex::encode(commitment))
}

/// The commitment an Open Badges 3.0 `identityHash` holds, if it is a SHA-256 one (`sha256$` and 64
/// hex digits of either case); `None` for anything else (MD5, plain identities).
pub fn parse_identity_hash(text: &str) -> Option<Digest> {
	let digits = text.strip_prefix(IDENTITY_HASH_PREFIX)?;
	let bytes = hex::decode(digits).ok()?;
	bytes.try_into().ok()
}
