//! What an institution tells the chain about itself when it applies to issue credentials, or proposes
//! to change (its name, website or DID, country and further identifiers), read from the command line
//! and checked the way the chain checks it before anything is sent.

use crate::{bytes32, Error, Result};

/// What an institution tells the chain about itself when it applies to issue credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuerProfile {
	/// The institution's name.
	pub name: String,
	/// Its website or DID URI.
	pub uri: String,
	/// Its ISO 3166-1 alpha-2 country code: two upper-case letters.
	pub country: [u8; 2],
	/// Further identifiers its documents may name as their issuer (DIDs, URLs).
	pub identifiers: Vec<String>,
}

impl IssuerProfile {
	/// A profile from the command line's `--name`, `--uri` and `--country`, checked the way the chain
	/// checks it (a name and a URI without white space at either end nor control, bidirectional or
	/// invisible characters, a URI with a scheme, a two-letter upper-case country code).
	pub fn new(name: &str, uri: &str, country: &str) -> Result<Self> {
		crate::text::check_profile_text("--name", name)?;
		crate::text::check_identifier("--uri", uri)?;
		let country = match country.trim().as_bytes() {
			[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => [*a, *b],
			_ => {
				return Err(Error::input(format!(
					"--country must be an ISO 3166-1 alpha-2 code of two upper-case letters, such as NL \
					 or DE; got {}",
					bytes32::quote(country)
				)))
			}
		};
		Ok(Self { name: name.to_string(), uri: uri.to_string(), country, identifiers: Vec::new() })
	}

	/// This profile with the further `identifiers` (each `--identifier`), checked as the chain
	/// checks them: each a URI, none given twice (nor equal to `--uri`), ignoring case. The chain
	/// also compares them Unicode-normalized, and refuses those another issuer holds.
	pub fn with_identifiers(mut self, identifiers: &[String]) -> Result<Self> {
		let mut seen = vec![self.uri.to_lowercase()];
		for identifier in identifiers {
			crate::text::check_identifier("--identifier", identifier)?;
			let key = identifier.to_lowercase();
			if seen.contains(&key) {
				return Err(Error::input(format!(
					"--identifier {} is given twice (or is the --uri): each identifier names one \
					 issuer once",
					bytes32::quote(identifier)
				)));
			}
			seen.push(key);
		}
		self.identifiers = identifiers.to_vec();
		Ok(self)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn profiles_are_checked_like_the_chain_does() {
		assert_eq!(IssuerProfile::new("Uni", "https://uni.example", "NL").unwrap().country, *b"NL");
		assert!(IssuerProfile::new("Uni", "https://uni.example", "nl").is_err());
		assert!(IssuerProfile::new("Uni", "https://uni.example", "NLD").is_err());
		assert!(IssuerProfile::new(" ", "https://uni.example", "NL").is_err());
		assert!(IssuerProfile::new(" Uni", "https://uni.example", "NL").is_err());
		assert!(IssuerProfile::new("Uni ", "https://uni.example", "NL").is_err());
		assert!(IssuerProfile::new("Uni", " https://uni.example", "NL").is_err());
		assert!(IssuerProfile::new("U\u{202E}ni", "https://uni.example", "NL").is_err());
		assert!(IssuerProfile::new("U\u{200B}ni", "https://uni.example", "NL").is_err());
		assert!(IssuerProfile::new("Uni", "https://uni.example/\u{FEFF}", "NL").is_err());
		assert!(IssuerProfile::new("Universität Zürich", "did:web:uzh.example", "CH").is_ok());
		assert!(IssuerProfile::new("Uni", "", "NL").is_err());
		assert!(IssuerProfile::new("Uni\u{1b}[2J", "https://uni.example", "NL").is_err());
		assert!(IssuerProfile::new("Uni", "uni.example", "NL").is_err());
		let with = IssuerProfile::new("Uni", "https://uni.example", "NL")
			.unwrap()
			.with_identifiers(&["did:web:uni.example".into()])
			.unwrap();
		assert_eq!(with.identifiers, vec!["did:web:uni.example".to_string()]);
		assert!(IssuerProfile::new("Uni", "https://uni.example", "NL")
			.unwrap()
			.with_identifiers(&["not a uri".into()])
			.is_err());
		let twice = ["did:web:uni.example".to_string(), "DID:web:Uni.example".to_string()];
		assert!(IssuerProfile::new("Uni", "https://uni.example", "NL")
			.unwrap()
			.with_identifiers(&twice)
			.is_err());
		assert!(IssuerProfile::new("Uni", "https://uni.example", "NL")
			.unwrap()
			.with_identifiers(&["HTTPS://uni.example".into()])
			.is_err());
		assert!(IssuerProfile::new("Uni", "https://uni.example", "NL")
			.unwrap()
			.with_identifiers(&["did:web:uni\u{202E}.example".into()])
			.is_err());
	}
}
