//! 32-byte values (digests, roots, ids) as text: `0x`-prefixed lower-case hex out, hex with or without
//! `0x` in, and the serde helpers that write them that way in JSON files.

use crate::{Digest, Error, Result};

/// The longest piece of a user's input quoted back in an error message.
const QUOTE_LIMIT: usize = 80;

/// `bytes` as 0x-prefixed lower-case hex (the digest crate's, shared with the verifier page).
pub use credchain_digest::to_hex;

/// Parses `text` (the value of `what`, for the error message) as exactly 32 bytes of hex, with or
/// without `0x`.
pub fn parse_hex32(what: &str, text: &str) -> Result<Digest> {
	let trimmed = text.trim();
	let digits =
		trimmed.strip_prefix("0x").or_else(|| trimmed.strip_prefix("0X")).unwrap_or(trimmed);
	if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
		return Err(Error::input(format!(
			"{what} must be 32 bytes of hex (64 hex digits, with or without 0x), got {}",
			quote(trimmed)
		)));
	}
	if digits.len() != 64 {
		return Err(Error::input(format!(
			"{what} must be 32 bytes of hex (64 hex digits, with or without 0x), got {} hex digits",
			digits.len()
		)));
	}
	let mut bytes = [0u8; 32];
	hex::decode_to_slice(digits, &mut bytes).map_err(|_| {
		Error::input(format!("{what} must be 32 bytes of hex, got {}", quote(trimmed)))
	})?;
	Ok(bytes)
}

/// Whether `text` is 32 bytes of hex, with or without `0x`.
pub fn is_hex32(text: &str) -> bool {
	parse_hex32("", text).is_ok()
}

/// `text` in quotes, shortened if long, for an error message.
pub fn quote(text: &str) -> String {
	if text.chars().count() <= QUOTE_LIMIT {
		format!("{text:?}")
	} else {
		let head: String = text.chars().take(QUOTE_LIMIT).collect();
		format!("{head:?}…")
	}
}

/// Serde helpers for a [`Digest`] written as `0x` hex: `#[serde(with = "crate::bytes32::hex32")]`.
pub mod hex32 {
	use serde::{Deserialize, Deserializer, Serializer};

	use crate::Digest;

	/// Writes `value` as `0x` hex.
	pub fn serialize<S: Serializer>(value: &Digest, serializer: S) -> Result<S::Ok, S::Error> {
		serializer.serialize_str(&super::to_hex(value))
	}

	/// Reads 32 bytes of hex, with or without `0x`.
	pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Digest, D::Error> {
		let text = String::deserialize(deserializer)?;
		super::parse_hex32("the value", &text).map_err(serde::de::Error::custom)
	}
}

/// Serde helpers for a list of [`Digest`]s written as `0x` hex:
/// `#[serde(with = "crate::bytes32::hex32_list")]`.
pub mod hex32_list {
	use serde::{ser::SerializeSeq, Deserialize, Deserializer, Serializer};

	use crate::Digest;

	/// Writes `values` as a list of `0x` hex strings.
	pub fn serialize<S: Serializer>(values: &[Digest], serializer: S) -> Result<S::Ok, S::Error> {
		let mut list = serializer.serialize_seq(Some(values.len()))?;
		for value in values {
			list.serialize_element(&super::to_hex(value))?;
		}
		list.end()
	}

	/// Reads a list of 32-byte hex strings, with or without `0x`.
	pub fn deserialize<'de, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<Vec<Digest>, D::Error> {
		let texts = Vec::<String>::deserialize(deserializer)?;
		texts
			.iter()
			.enumerate()
			.map(|(i, text)| {
				super::parse_hex32(&format!("hash {i} of the list"), text)
					.map_err(serde::de::Error::custom)
			})
			.collect()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hex_round_trips_with_and_without_prefix() {
		let value = [0xab; 32];
		let text = to_hex(&value);
		assert_eq!(text.len(), 66);
		assert_eq!(parse_hex32("x", &text).unwrap(), value);
		assert_eq!(parse_hex32("x", &text[2..]).unwrap(), value);
	}

	#[test]
	fn wrong_length_and_non_hex_are_refused_with_the_name() {
		let short = parse_hex32("--holder", "0xabcd").unwrap_err().to_string();
		assert!(short.contains("--holder") && short.contains("4 hex digits"), "{short}");
		let junk = parse_hex32("--holder", "xyz").unwrap_err().to_string();
		assert!(junk.contains("\"xyz\""), "{junk}");
	}
}
