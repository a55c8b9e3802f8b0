//! What an issuer states with a credential, and the reasons it gives when it revokes one or when the
//! consortium withdraws an issuer's accreditation. These types mirror the credentials pallet's
//! (`pallets/credentials/src/types.rs`) and are encoded to them by name.

use std::{fmt, str::FromStr};

use sha2::{Digest as _, Sha256};
use subxt::ext::scale_encode::EncodeAsType;

use crate::{bytes32, dates::Millis, Digest, Error, Result};

/// What an issuer states with a credential: its validity window, what it certifies, and to whom.
/// Only digests and ids: never personal data.
#[derive(Clone, Debug, Default, PartialEq, Eq, EncodeAsType)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub struct CredentialTerms {
	/// When it becomes valid (ms since the Unix epoch); `None` means at once.
	pub valid_from: Option<Millis>,
	/// When it stops being valid (ms since the Unix epoch); `None` means never.
	pub valid_until: Option<Millis>,
	/// A 32-byte id of what it certifies (an achievement, a programme, a schema).
	pub achievement: Option<Digest>,
	/// A salted hash that commits to the holder, never a name.
	pub holder: Option<Digest>,
}

impl CredentialTerms {
	/// Checks what the chain would refuse: a validity window that ends before (or when) it starts.
	pub fn check(&self) -> Result<()> {
		match (self.valid_from, self.valid_until) {
			(Some(from), Some(until)) if from >= until => Err(Error::input(
				"the validity window ends before it starts: --valid-until must be later than --valid-from",
			)),
			_ => Ok(()),
		}
	}
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

/// Why an issuer revokes a credential.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EncodeAsType)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub enum RevocationReason {
	/// The credential should never have been issued.
	IssuedInError,
	/// A newer credential replaces it.
	Superseded,
	/// It was obtained by fraud, or its holder committed misconduct.
	FraudOrMisconduct,
	/// Its holder asked for it to be revoked.
	HolderRequest,
	/// Another reason, recorded off chain.
	Other,
}

impl RevocationReason {
	/// Every reason, in the order the chain lists them.
	pub const ALL: [Self; 5] = [
		Self::IssuedInError,
		Self::Superseded,
		Self::FraudOrMisconduct,
		Self::HolderRequest,
		Self::Other,
	];

	/// The name the command line uses: `issued-in-error`, `superseded`, ...
	pub fn cli_name(self) -> &'static str {
		match self {
			Self::IssuedInError => "issued-in-error",
			Self::Superseded => "superseded",
			Self::FraudOrMisconduct => "fraud-or-misconduct",
			Self::HolderRequest => "holder-request",
			Self::Other => "other",
		}
	}

	/// The name the JSON-RPC answers use: `issuedInError`, `superseded`, ...
	pub fn json_name(self) -> &'static str {
		match self {
			Self::IssuedInError => "issuedInError",
			Self::Superseded => "superseded",
			Self::FraudOrMisconduct => "fraudOrMisconduct",
			Self::HolderRequest => "holderRequest",
			Self::Other => "other",
		}
	}
}

impl FromStr for RevocationReason {
	type Err = String;

	/// Accepts the command-line names (`holder-request`), the JSON names (`holderRequest`) and the
	/// chain's names (`HolderRequest`), in any case.
	fn from_str(text: &str) -> Result<Self, String> {
		parse_named(text, &Self::ALL, Self::cli_name, "revocation reason")
	}
}

impl fmt::Display for RevocationReason {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.cli_name())
	}
}

/// Why the consortium withdraws an issuer's accreditation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EncodeAsType)]
#[encode_as_type(crate_path = "::subxt::ext::scale_encode")]
pub enum WithdrawalReason {
	/// The institution closed.
	Closed,
	/// The institution merged into another.
	Merged,
	/// The institution no longer meets the consortium's standards.
	StandardsNotMet,
	/// Fraud or misconduct.
	Misconduct,
	/// The institution asked to leave.
	Voluntary,
	/// Another reason, recorded off chain.
	Other,
}

impl WithdrawalReason {
	/// Every reason, in the order the chain lists them.
	pub const ALL: [Self; 6] = [
		Self::Closed,
		Self::Merged,
		Self::StandardsNotMet,
		Self::Misconduct,
		Self::Voluntary,
		Self::Other,
	];

	/// The name the command line uses: `closed`, `standards-not-met`, ...
	pub fn cli_name(self) -> &'static str {
		match self {
			Self::Closed => "closed",
			Self::Merged => "merged",
			Self::StandardsNotMet => "standards-not-met",
			Self::Misconduct => "misconduct",
			Self::Voluntary => "voluntary",
			Self::Other => "other",
		}
	}
}

impl FromStr for WithdrawalReason {
	type Err = String;

	/// Accepts `standards-not-met`, `standardsNotMet` and `StandardsNotMet`, in any case.
	fn from_str(text: &str) -> Result<Self, String> {
		parse_named(text, &Self::ALL, Self::cli_name, "withdrawal reason")
	}
}

/// `text` in lower case without dashes, underscores or spaces, to compare names written in any style.
fn normalize(text: &str) -> String {
	text.trim()
		.chars()
		.filter(|c| !matches!(c, '-' | '_' | ' '))
		.flat_map(char::to_lowercase)
		.collect()
}

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

/// Finds the value among `all` whose command-line name matches `text` (ignoring case, `-`, `_` and
/// spaces), or says which names `what` accepts.
fn parse_named<T: Copy>(
	text: &str,
	all: &[T],
	cli_name: fn(T) -> &'static str,
	what: &str,
) -> Result<T, String> {
	let wanted = normalize(text);
	all.iter().copied().find(|value| normalize(cli_name(*value)) == wanted).ok_or_else(|| {
		let names: Vec<_> = all.iter().map(|value| cli_name(*value)).collect();
		format!("{:?} is not a {what}: use one of {}", text.trim(), names.join(", "))
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn revocation_reasons_parse_in_every_style() {
		for reason in RevocationReason::ALL {
			assert_eq!(reason.cli_name().parse::<RevocationReason>(), Ok(reason));
			assert_eq!(reason.json_name().parse::<RevocationReason>(), Ok(reason));
			assert_eq!(format!("{reason:?}").parse::<RevocationReason>(), Ok(reason));
			assert_eq!(reason.cli_name().to_uppercase().parse::<RevocationReason>(), Ok(reason));
		}
		assert_eq!(
			" holder_request ".parse::<RevocationReason>(),
			Ok(RevocationReason::HolderRequest)
		);
	}

	#[test]
	fn unknown_reasons_list_the_valid_ones() {
		let error = "expired".parse::<RevocationReason>().unwrap_err();
		assert!(error.contains("\"expired\""), "{error}");
		assert!(error
			.contains("issued-in-error, superseded, fraud-or-misconduct, holder-request, other"));
		assert!("".parse::<RevocationReason>().is_err());
	}

	#[test]
	fn withdrawal_reasons_parse() {
		for reason in WithdrawalReason::ALL {
			assert_eq!(reason.cli_name().parse::<WithdrawalReason>(), Ok(reason));
			assert_eq!(format!("{reason:?}").parse::<WithdrawalReason>(), Ok(reason));
		}
		assert!("bankrupt".parse::<WithdrawalReason>().unwrap_err().contains("standards-not-met"));
	}

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
		let terms =
			CredentialTerms { valid_from: Some(10), valid_until: Some(10), ..Default::default() };
		assert!(terms.check().is_err());
		let terms =
			CredentialTerms { valid_from: Some(10), valid_until: Some(11), ..Default::default() };
		assert!(terms.check().is_ok());
		assert!(CredentialTerms::default().check().is_ok());
	}

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
