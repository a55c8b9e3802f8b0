//! The parameters of the `credentials_*` methods, read from what a caller sends. Every check is
//! bounded before anything is decoded, so a hostile caller cannot make the node work on a huge
//! parameter, and every refusal is an invalid-params error (-32602) that says what was wrong
//! without echoing the input.

use jsonrpsee::types::{error::INVALID_PARAMS_CODE, ErrorObject, ErrorObjectOwned};
use serde::{Deserialize, Serialize};
use sp_core::crypto::{AccountId32, Ss58Codec};

/// The deepest Merkle proof a batch can need (a tree of up to 2³² leaves).
pub const MAX_PROOF_DEPTH: usize = 32;

/// The longest issuer identifier accepted, in bytes: longer than any the runtime registers
/// (`MaxUriLength`), so a longer one is refused before the runtime is called.
pub const MAX_ISSUER_IDENTIFIER_LENGTH: usize = 512;

/// The longest SS58 address of a 32-byte account (a two-byte network prefix): 50 characters.
pub const MAX_SS58_LENGTH: usize = 50;

/// A Merkle proof as verifiers pass it: the leaf's index and its sibling hashes, leaf to root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BatchProof {
	/// The index of the leaf in the batch (0-based).
	pub leaf_index: u32,
	/// The sibling hashes from the leaf up to the root, hex.
	pub siblings: Vec<String>,
}

/// A credential of a Merkle batch as verifiers pass it: the batch's root, the leaf's index and its
/// sibling hashes, leaf to root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BatchLeaf {
	/// The batch's root, hex.
	pub root: String,
	/// The index of the leaf in the batch (0-based).
	pub leaf_index: u32,
	/// The sibling hashes from the leaf up to the root, hex.
	pub siblings: Vec<String>,
}

impl BatchLeaf {
	/// The root, the leaf's index and the siblings, checked.
	pub fn parse(&self) -> Result<([u8; 32], u32, Vec<[u8; 32]>), ErrorObjectOwned> {
		let proof = BatchProof { leaf_index: self.leaf_index, siblings: self.siblings.clone() };
		Ok((parse_hash32("batch.root", &self.root)?, self.leaf_index, parse_proof(&proof)?))
	}
}

/// The holder a verifier was shown, as it passes it: the commitment it computed itself
/// (`commitment`, which reveals nothing to the node), or the identity and salt the holder showed
/// (the node then computes SHA-256(identity ‖ salt) and sees the identity).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HolderParam {
	/// The holder commitment, 32 bytes of hex.
	pub commitment: Option<String>,
	/// The holder's identity (e-mail address, DID …), as the issuer committed to it.
	pub identity: Option<String>,
	/// The salt the holder was given.
	pub salt: Option<String>,
}

/// The longest holder identity or salt accepted, in bytes.
pub const MAX_HOLDER_TEXT_LENGTH: usize = 1_024;

/// The commitment `holder` stands for: its `commitment`, or the commitment to its `identity` and
/// `salt` (both, and nothing else).
pub fn parse_holder(holder: &HolderParam) -> Result<[u8; 32], ErrorObjectOwned> {
	match holder {
		HolderParam { commitment: Some(commitment), identity: None, salt: None } => {
			parse_hash32("holder.commitment", commitment)
		}
		HolderParam { commitment: None, identity: Some(identity), salt: Some(salt) } => {
			if identity.is_empty() || salt.is_empty() {
				return Err(invalid_params(
					"`holder.identity` and `holder.salt` must not be empty",
				));
			}
			if identity.len() > MAX_HOLDER_TEXT_LENGTH || salt.len() > MAX_HOLDER_TEXT_LENGTH {
				return Err(invalid_params(format!(
					"`holder.identity` and `holder.salt` must be at most {MAX_HOLDER_TEXT_LENGTH} \
					 bytes each"
				)));
			}
			Ok(credchain_digest::holder::holder_commitment(identity, salt))
		}
		_ => Err(invalid_params(
			"`holder` must be either {\"commitment\": hex} or {\"identity\": text, \"salt\": text}",
		)),
	}
}

/// An invalid-params error with `message`.
pub fn invalid_params(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(INVALID_PARAMS_CODE, message, None::<()>)
}

/// Parses `value`, the parameter `name`, as exactly 32 bytes of hex: 64 hex digits, with an optional
/// `0x`, and nothing else (no whitespace, no odd length). The length is checked before anything is
/// decoded, so the cost is bounded whatever the caller sends.
pub fn parse_hash32(name: &str, value: &str) -> Result<[u8; 32], ErrorObjectOwned> {
	let digits = value.strip_prefix("0x").unwrap_or(value);
	if digits.len() != 64 {
		return Err(invalid_params(format!(
			"`{name}` must be 32 bytes: 64 hex digits with an optional 0x, got {} characters",
			value.chars().count()
		)));
	}
	let mut bytes = [0u8; 32];
	for (byte, pair) in bytes.iter_mut().zip(digits.as_bytes().chunks_exact(2)) {
		let (Some(high), Some(low)) = (hex_digit(pair[0]), hex_digit(pair[1])) else {
			return Err(invalid_params(format!(
				"`{name}` must be 64 hex digits (0-9, a-f, A-F) with an optional 0x, and nothing \
				 else"
			)));
		};
		*byte = high << 4 | low;
	}
	Ok(bytes)
}

/// The value of one ASCII hex digit.
fn hex_digit(digit: u8) -> Option<u8> {
	(digit as char).to_digit(16).map(|value| value as u8)
}

/// Checks `value`, the issuer identifier parameter `name`: at most
/// [`MAX_ISSUER_IDENTIFIER_LENGTH`] bytes and not empty.
pub fn parse_issuer_identifier(name: &str, value: String) -> Result<Vec<u8>, ErrorObjectOwned> {
	if value.is_empty() || value.len() > MAX_ISSUER_IDENTIFIER_LENGTH {
		return Err(invalid_params(format!(
			"`{name}` must be an issuer URI or DID of 1 to {MAX_ISSUER_IDENTIFIER_LENGTH} bytes, \
			 got {} bytes",
			value.len()
		)));
	}
	Ok(value.into_bytes())
}

/// Parses an account given as SS58 or as 32 bytes of hex. The length is checked before SS58 is
/// decoded (base58 decoding costs the square of its input's length).
pub fn parse_account(value: &str) -> Result<AccountId32, ErrorObjectOwned> {
	if value.starts_with("0x") {
		return parse_hash32("account", value).map(AccountId32::from);
	}
	if value.len() > MAX_SS58_LENGTH {
		return Err(invalid_params(format!(
			"`account` must be an SS58 address (at most {MAX_SS58_LENGTH} characters) or 0x and 64 \
			 hex digits, got {} characters",
			value.chars().count()
		)));
	}
	AccountId32::from_ss58check(value).map_err(|error| {
		invalid_params(format!("`account` must be an SS58 address or 32 bytes of hex: {error}"))
	})
}

/// Parses `proof`: at most [`MAX_PROOF_DEPTH`] siblings, each 32 bytes of hex.
pub fn parse_proof(proof: &BatchProof) -> Result<Vec<[u8; 32]>, ErrorObjectOwned> {
	if proof.siblings.len() > MAX_PROOF_DEPTH {
		return Err(invalid_params(format!(
			"`proof.siblings` has {} hashes; a batch proof has at most {MAX_PROOF_DEPTH}",
			proof.siblings.len()
		)));
	}
	proof
		.siblings
		.iter()
		.enumerate()
		.map(|(i, sibling)| parse_hash32(&format!("proof.siblings[{i}]"), sibling))
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_hash_is_exactly_64_hex_digits() {
		let digits = "ab".repeat(32);
		assert_eq!(parse_hash32("digest", &digits).unwrap(), [0xab; 32]);
		assert_eq!(
			parse_hash32("digest", &format!("0x{}", digits.to_uppercase())).unwrap(),
			[0xab; 32]
		);
		for bad in [&digits[1..], &format!(" {}", &digits[1..]), &format!("{}zz", &digits[2..]), ""]
		{
			let error = parse_hash32("digest", bad).unwrap_err();
			assert_eq!(error.code(), INVALID_PARAMS_CODE);
			assert!(error.message().contains("`digest`"), "{}", error.message());
		}
	}

	#[test]
	fn long_accounts_are_refused_before_decoding_and_never_echoed() {
		let huge = "5".repeat(1_000_000);
		let error = parse_account(&huge).unwrap_err();
		assert!(error.message().contains("1000000 characters"), "{}", error.message());
		assert!(error.message().len() < 200);
		let alice = AccountId32::new([7; 32]);
		assert_eq!(parse_account(&alice.to_ss58check()).unwrap(), alice);
		assert_eq!(parse_account(&format!("0x{}", "07".repeat(32))).unwrap(), alice);
	}

	#[test]
	fn a_holder_is_a_commitment_or_an_identity_with_its_salt() {
		let commitment = format!("0x{}", "ab".repeat(32));
		let by_commitment =
			HolderParam { commitment: Some(commitment), identity: None, salt: None };
		assert_eq!(parse_holder(&by_commitment).unwrap(), [0xab; 32]);
		let shown = HolderParam {
			commitment: None,
			identity: Some("alice@example.org".into()),
			salt: Some("pepper".into()),
		};
		assert_eq!(
			parse_holder(&shown).unwrap(),
			credchain_digest::holder::holder_commitment("alice@example.org", "pepper")
		);
		let both = HolderParam { salt: None, ..shown.clone() };
		assert!(parse_holder(&both).is_err());
		let empty = HolderParam { identity: Some(String::new()), ..shown.clone() };
		assert!(parse_holder(&empty).is_err());
		let long = HolderParam { salt: Some("s".repeat(MAX_HOLDER_TEXT_LENGTH + 1)), ..shown };
		assert!(parse_holder(&long).is_err());
		assert!(
			parse_holder(&HolderParam { commitment: None, identity: None, salt: None }).is_err()
		);
	}

	#[test]
	fn identifiers_and_proofs_are_bounded() {
		assert!(parse_issuer_identifier("issuer", String::new()).is_err());
		assert!(parse_issuer_identifier("issuer", "x".repeat(513)).is_err());
		assert_eq!(parse_issuer_identifier("issuer", "did:web:a".into()).unwrap(), b"did:web:a");
		let deep = BatchProof { leaf_index: 0, siblings: vec!["00".repeat(32); 33] };
		assert!(parse_proof(&deep).unwrap_err().message().contains("at most 32"));
		let bad = BatchProof { leaf_index: 0, siblings: vec!["00".repeat(32), "0".into()] };
		assert!(parse_proof(&bad).unwrap_err().message().contains("proof.siblings[1]"));
	}
}
