//! The terms of a credential as the registrar gives them on the command line.

use credchain_client::{
	bytes32::{self, to_hex},
	credential_terms::{check_terms, parse_achievement},
	CredentialTerms, Result,
};

use crate::cli::TermsArgs;

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
