//! A credential's terms ([`CredentialTerms`], the pallet's own type) as a registrar gives them: the id
//! of what it certifies, from the command line, and the checks the chain would make.

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

/// What a credential certifies, as a registrar names it on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AchievementArg {
	/// A registered achievement's id: 32 bytes of hex, with or without `0x`.
	Id(Digest),
	/// The URI (Open Badges `Achievement.id`) of an achievement the signer's issuer registered.
	Uri(String),
}

/// The achievement a registrar names: a 32-byte hex id, or the URI its issuer registered it under.
pub fn parse_achievement(text: &str) -> Result<AchievementArg> {
	if bytes32::is_hex32(text) {
		return bytes32::parse_hex32("--achievement", text).map(AchievementArg::Id);
	}
	let is_uri = text.split_once(':').is_some_and(|(scheme, rest)| {
		!scheme.is_empty() && !rest.is_empty() && !text.chars().any(char::is_whitespace)
	});
	if !is_uri {
		return Err(Error::input(format!(
			"--achievement {text:?} is neither a 32-byte hex id nor an achievement URI (such as \
			 https://university.example/achievements/sql); register achievements with \
			 `credchain achievement create`"
		)));
	}
	Ok(AchievementArg::Uri(text.to_string()))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn achievements_are_hex_ids_or_uris() {
		let id = [7u8; 32];
		assert_eq!(parse_achievement(&bytes32::to_hex(&id)).unwrap(), AchievementArg::Id(id));
		assert_eq!(
			parse_achievement("https://u.example/a/sql").unwrap(),
			AchievementArg::Uri("https://u.example/a/sql".into())
		);
		for bad in ["", "  ", "MSC-DE", "https://u.example/a b", ":x", "x:"] {
			assert!(parse_achievement(bad).is_err(), "{bad:?}");
		}
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
