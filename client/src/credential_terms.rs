//! A credential's terms ([`CredentialTerms`], the pallet's own type) as a registrar gives them: the id
//! of what it certifies, from the command line, and the checks the chain would make.

use sha2::{Digest as _, Sha256};

use crate::{bytes32, CredentialTerms, Digest, Error, Result};

/// Checks what the chain would refuse: a validity window that ends before (or when) it starts.
pub fn check_terms(terms: &CredentialTerms) -> Result<()> {
	if terms.window_is_valid() {
		return Ok(());
	}
	Err(Error::input(
		"the validity window ends before it starts: --valid-until must be later than --valid-from",
	))
}

/// The id of what a credential certifies, from the command line: 32 bytes of hex (with or without
/// `0x`) are taken as the id itself; any other text (a programme code, a URL) is SHA-256-hashed.
pub fn parse_achievement(text: &str) -> Result<Digest> {
	if bytes32::is_hex32(text) {
		return bytes32::parse_hex32("--achievement", text);
	}
	if text.trim().is_empty() {
		return Err(Error::input(
			"--achievement is empty: give a 32-byte hex id or some text to hash",
		));
	}
	Ok(Sha256::digest(text.as_bytes()).into())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn achievements_are_hex_ids_or_hashed_text() {
		let id = [7u8; 32];
		assert_eq!(parse_achievement(&bytes32::to_hex(&id)).unwrap(), id);
		// SHA-256("abc"), a FIPS 180-2 test vector.
		assert_eq!(
			hex::encode(parse_achievement("abc").unwrap()),
			"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
		);
		assert!(parse_achievement("  ").is_err());
	}

	#[test]
	fn a_window_must_end_after_it_starts() {
		let window = |from, until| CredentialTerms {
			valid_from: Some(from),
			valid_until: Some(until),
			..Default::default()
		};
		assert!(check_terms(&window(10, 10)).is_err());
		assert!(check_terms(&window(10, 11)).is_ok());
		assert!(check_terms(&CredentialTerms::default()).is_ok());
	}
}
