//! Text that comes from the chain or from a document and is shown to a person: issuer names, URIs,
//! the issuer a document names. A malicious name must not move the cursor, recolour the terminal or
//! reverse the reading order, so every such text goes through [`for_terminal`] before it is
//! printed; and the client refuses to send a name or identifier the chain would refuse
//! ([`check_profile_text`]).
//!
//! The characters refused and escaped, and what counts as an identifier, are the chain's own rules
//! (`pallet_credentials::identity`), used here rather than restated.

use crate::{bytes32, Error, Result};

pub use pallet_credentials::identity::is_forbidden_char;

/// `text` with every forbidden character (see [`is_forbidden_char`]) written as a visible escape,
/// `\u{1b}`, so that it prints as what it is.
pub fn for_terminal(text: &str) -> String {
	let mut shown = String::with_capacity(text.len());
	for c in text.chars() {
		if is_forbidden_char(c) {
			shown.push_str(&format!("\\u{{{:x}}}", c as u32));
		} else {
			shown.push(c);
		}
	}
	shown
}

/// Checks `text`, the value of the option `option`, as the chain checks names and identifiers: not
/// empty, no white space at either end, no forbidden character.
pub fn check_profile_text(option: &str, text: &str) -> Result<()> {
	if text.trim().is_empty() {
		return Err(Error::input(format!("{option} is empty")));
	}
	if text.trim() != text {
		return Err(Error::input(format!(
			"{option} {} has white space at either end",
			bytes32::quote(text)
		)));
	}
	if let Some(bad) = text.chars().find(|c| is_forbidden_char(*c)) {
		return Err(Error::input(format!(
			"{option} {} has the character U+{:04X} (a control, bidirectional or invisible \
			 character), which the chain refuses: it would make the text look like another",
			bytes32::quote(text),
			bad as u32
		)));
	}
	Ok(())
}

/// Checks `uri`, the value of `option`, as the chain checks identifiers: acceptable text (see
/// [`check_profile_text`]) with no white space and a scheme (`https:`, `did:` …).
pub fn check_identifier(option: &str, uri: &str) -> Result<()> {
	check_profile_text(option, uri)?;
	if !pallet_credentials::identity::is_identifier(uri.as_bytes()) {
		return Err(Error::input(format!(
			"{option} {} is not a URI: it needs a scheme, such as https://university.example or \
			 did:web:university.example, and no white space",
			bytes32::quote(uri)
		)));
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn terminal_escapes_and_bidi_overrides_are_shown_not_obeyed() {
		assert_eq!(for_terminal("Example University"), "Example University");
		assert_eq!(for_terminal("Evil\u{1b}[31m U"), "Evil\\u{1b}[31m U");
		assert_eq!(for_terminal("abc\u{202E}fed"), "abc\\u{202e}fed");
		assert_eq!(for_terminal("a\u{200B}b\nc"), "a\\u{200b}b\\u{a}c");
		assert_eq!(for_terminal("Universität Zürich"), "Universität Zürich");
	}

	#[test]
	fn names_and_identifiers_are_checked_like_the_chain_does() {
		assert!(check_profile_text("--name", "Example University").is_ok());
		assert!(check_profile_text("--name", " Example").is_err());
		assert!(check_profile_text("--name", "Ex\u{202E}ample").is_err());
		assert!(check_profile_text("--name", "").is_err());
		assert!(check_identifier("--uri", "https://university.example").is_ok());
		assert!(check_identifier("--uri", "did:web:university.example").is_ok());
		assert!(check_identifier("--uri", "university.example").is_err());
		assert!(check_identifier("--uri", "https://uni versity.example").is_err());
		assert!(check_identifier("--uri", "did:").is_err());
	}
}
