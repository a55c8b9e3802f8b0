//! The terms of a credential as the registrar gives them on the command line.

use clap::Args;
use credchain_client::{
	bytes32::{self, to_hex},
	credential_terms::{check_terms, parse_achievement},
	dates, CredentialTerms, Result,
};

/// The credential terms given on the command line, checked.
pub fn terms_from(args: &TermsArgs, holder: Option<&str>) -> Result<CredentialTerms> {
	let terms = CredentialTerms {
		valid_from: args.valid_from,
		valid_until: args.valid_until,
		achievement: args.achievement.as_deref().map(parse_achievement).transpose()?,
		holder: holder.map(|text| bytes32::parse_hex32("--holder", text)).transpose()?,
	};
	check_terms(&terms)?;
	Ok(terms)
}

/// A line that tells the registrar which achievement id text became, if it was hashed.
pub fn achievement_note(args: &TermsArgs, terms: &CredentialTerms) -> Option<String> {
	let text = args.achievement.as_deref()?;
	let id = terms.achievement?;
	(!bytes32::is_hex32(text))
		.then(|| format!("Achievement id {} is the SHA-256 of {:?}.", to_hex(&id), text))
}

/// What an issuer states with credentials.
#[derive(Debug, Args)]
pub struct TermsArgs {
	/// When the credentials become valid: YYYY-MM-DD (midnight UTC) or an RFC 3339 time such as
	/// 2026-09-01T09:00:00+02:00. Default: at once.
	#[arg(long, value_name = "DATE", value_parser = dates::parse_date)]
	pub valid_from: Option<u64>,

	/// When the credentials stop being valid: YYYY-MM-DD (midnight UTC) or an RFC 3339 time.
	/// Default: never.
	#[arg(long, value_name = "DATE", value_parser = dates::parse_date)]
	pub valid_until: Option<u64>,

	/// What the credentials certify: a 32-byte id in hex (0x...), or any text, such as a programme
	/// code or URL, whose SHA-256 becomes the id.
	#[arg(long, value_name = "ID")]
	pub achievement: Option<String>,
}
