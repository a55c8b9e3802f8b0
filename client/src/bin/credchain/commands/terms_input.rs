//! The terms of a credential as the registrar gives them on the command line.

use std::path::Path;

use clap::Args;
use credchain_client::{
	achievement::achievement_id,
	bytes32::{self, to_hex},
	credential_terms::{check_terms, parse_achievement, AchievementArg},
	dates,
	digest::document_statements_of_file,
	keys::SigningKey,
	CredChain, CredentialTerms, Digest, Error, Result,
};

/// The credential terms given on the command line, checked, with the achievement `achievement`
/// (see [`achievement_of`]).
pub fn terms_from(
	args: &TermsArgs,
	holder: Option<&str>,
	achievement: Option<Digest>,
) -> Result<CredentialTerms> {
	let terms = CredentialTerms {
		valid_from: args.valid_from,
		valid_until: args.valid_until,
		achievement,
		holder: holder.map(|text| bytes32::parse_hex32("--holder", text)).transpose()?,
	};
	check_terms(&terms)?;
	Ok(terms)
}

/// Checks the form of --achievement before anything else is done.
pub fn check_achievement_arg(args: &TermsArgs) -> Result<()> {
	args.achievement.as_deref().map(parse_achievement).transpose().map(|_| ())
}

/// The achievement credentials signed with `key` certify: the one --achievement names (an id, or
/// a URI of the key's issuer), or else the one the Open Badges `documents` name in
/// `credentialSubject.achievement.id` if they all name the same one and the key's issuer
/// registered it. The chain checks the achievement is the issuer's (or shared with it); a URI
/// nobody registered is refused here with the command that registers it.
pub async fn achievement_of(
	chain: &CredChain,
	key: &SigningKey,
	args: &TermsArgs,
	documents: &[&Path],
) -> Result<Option<Digest>> {
	let named = match args.achievement.as_deref().map(parse_achievement).transpose()? {
		Some(AchievementArg::Id(id)) => return Ok(Some(id)),
		Some(AchievementArg::Uri(uri)) => Some(uri),
		None => None,
	};
	let stated = match &named {
		Some(_) => None,
		None => stated_achievement(documents)?,
	};
	let Some(uri) = named.clone().or(stated) else { return Ok(None) };
	let issuer = chain.issuer_of_signer(&key.account()).await?.ok_or_else(|| {
		Error::input(format!("{} signs for no issuer on this chain", key.account()))
	})?;
	let id = achievement_id(&issuer, &uri);
	if chain.achievement_exists(&id).await? {
		println!("Achievement: {uri} ({})", to_hex(&id));
		return Ok(Some(id));
	}
	match named {
		Some(_) => Err(Error::input(format!(
			"the issuer {issuer} registered no achievement {uri}: register it first with `credchain \
			 achievement create --from <Achievement JSON>`"
		))),
		None => {
			println!(
				"note: the documents' achievement {uri} is not registered by the issuer {issuer}; the \
				 credentials are issued without an achievement (register it with `credchain \
				 achievement create --from <document>`)"
			);
			Ok(None)
		}
	}
}

/// The achievement URI every one of `documents` states (`credentialSubject.achievement.id`), if they
/// all state the same one.
fn stated_achievement(documents: &[&Path]) -> Result<Option<String>> {
	let mut stated = None;
	for document in documents {
		let uri = document_statements_of_file(document)?.and_then(|found| found.achievement_id);
		match (&stated, uri) {
			(_, None) => return Ok(None),
			(None, Some(uri)) => stated = Some(uri),
			(Some(first), Some(uri)) if *first == uri => {}
			(Some(_), Some(_)) => return Ok(None),
		}
	}
	Ok(stated)
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

	/// What the credentials certify: a registered achievement's 32-byte id in hex (0x...), or the
	/// URI the signer's issuer registered it under (`credchain achievement create`). Default: the
	/// achievement an Open Badges document names, if its issuer registered it.
	#[arg(long, value_name = "ID-OR-URI")]
	pub achievement: Option<String>,
}
