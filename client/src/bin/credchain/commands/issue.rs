//! `credchain issue FILE...`: issues each document as its own credential record — one `issue` for one
//! file, `issue_batch` transactions of up to the chain's `MaxBatchSize` for several — and waits for
//! each transaction to be finalized.

use std::path::{Path, PathBuf};

use clap::Args;
use credchain_client::{
	bytes32::to_hex,
	chain::IssueReceipt,
	digest::{document_statements_of_file, holder::parse_identity_hash},
	keys::SigningKey,
	CredentialTerms, Digest, Error, Result,
};

use super::{documents, holder::Holder, stacking, terms_input, terms_input::TermsArgs, Outcome};
use crate::{cli::KEY_HELP, progress};

/// Issues the documents of `args` on the chain at `url`.
pub async fn run(url: &str, args: IssueArgs) -> Result<Outcome> {
	let holder = match &args.holder_identity {
		Some(identity) => {
			Some(Holder::new(identity, args.holder_salt.as_deref(), "--holder-identity")?)
		}
		None => None,
	};
	let commitment = holder.as_ref().map(|holder| to_hex(&holder.commitment));
	terms_input::check_achievement_arg(&args.terms)?;
	let given_holder = commitment.as_deref().or(args.holder.as_deref());
	terms_input::terms_from(&args.terms, given_holder, None)?;
	if !args.components.is_empty() && args.files.len() != 1 {
		return Err(Error::input(
			"--components issues one stacked credential: give exactly one document",
		));
	}
	let digests = documents::digest_all(&args.files)?;
	documents::ensure_distinct(&args.files, &digests)?;
	let key = SigningKey::from_argument(&args.issuer_key, "--issuer-key")?;
	let chain = super::connect(url).await?;
	let paths: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
	let achievement = terms_input::achievement_of(&chain, &key, &args.terms, &paths).await?;
	let mut terms = terms_input::terms_from(&args.terms, given_holder, achievement)?;
	if let Some(holder) = holder.filter(|holder| holder.salt_is_new) {
		println!(
			"Holder salt: {} (give it to the holder with the credential: with their identity it shows \
			 the credential is theirs; it is kept nowhere else)",
			holder.salt
		);
	}

	if !args.components.is_empty() {
		let components = stacking::components_of(url, &args.components, &mut terms).await?;
		let waiting = progress::spinner("waiting for the transaction to be finalized");
		let receipt = chain.issue_stacked(&key, digests[0], &terms, &components).await;
		waiting.finish_and_clear();
		let receipt = receipt?;
		println!("{}  {}", to_hex(&digests[0]), args.files[0].display());
		println!(
			"{} It stacks on {} component credentials.",
			summary(1, &receipt),
			components.len()
		);
		return Ok(Outcome::Success);
	}

	// Without a holder named, each Open Badge is bound to the holder its own hashed identity names.
	let holders = match terms.holder {
		Some(_) => vec![None; args.files.len()],
		None => stated_holders(&args.files)?,
	};
	let terms_of = |holder: &Option<Digest>| CredentialTerms {
		holder: holder.or(terms.holder),
		..terms.clone()
	};

	if let ([document], [digest]) = (args.files.as_slice(), digests.as_slice()) {
		let waiting = progress::spinner("waiting for the transaction to be finalized");
		let receipt = chain.issue(&key, *digest, &terms_of(&holders[0])).await;
		waiting.finish_and_clear();
		let receipt = receipt?;
		println!("{}  {}", to_hex(digest), document.display());
		println!("{}", summary(1, &receipt));
		return Ok(Outcome::Success);
	}

	let limit = chain.max_batch_size().await? as usize;
	if limit == 0 {
		return Err(Error::Incompatible(
			"the chain allows no credentials per issue_batch (MaxBatchSize is 0)".into(),
		));
	}
	let documents: Vec<(PathBuf, Digest, CredentialTerms)> = args
		.files
		.into_iter()
		.zip(digests)
		.zip(&holders)
		.map(|((file, digest), holder)| (file, digest, terms_of(holder)))
		.collect();
	let transactions = documents.len().div_ceil(limit);
	let bar = progress::bar(
		documents.len(),
		"issuing",
		transactions > 1 || documents.len() >= progress::MANY,
	);
	let mut issued = 0usize;
	for chunk in documents.chunks(limit) {
		let credentials: Vec<(Digest, CredentialTerms)> =
			chunk.iter().map(|(_, digest, terms)| (*digest, terms.clone())).collect();
		let receipt = match chain.issue_each(&key, &credentials).await {
			Ok(receipt) => receipt,
			Err(error) => {
				bar.abandon();
				if issued > 0 {
					eprintln!(
						"{issued} of {} credentials were issued before this error (listed above); the others \
						 were not.",
						documents.len()
					);
				}
				return Err(error);
			}
		};
		bar.suspend(|| {
			for (document, digest, _) in chunk {
				println!("{}  {}", to_hex(digest), document.display());
			}
			println!("{}", summary(chunk.len(), &receipt));
		});
		issued += chunk.len();
		bar.inc(chunk.len() as u64);
	}
	bar.finish_and_clear();
	if transactions > 1 {
		println!("Issued {issued} credentials in {transactions} transactions.");
	}
	Ok(Outcome::Success)
}

/// The holder commitment each of `files` states as its own hashed identity (an Open Badges 3.0
/// `credentialSubject.identifier` with `"hashed": true`, the same SHA-256 of identity and salt as a
/// record's commitment), for a registrar who named no holder.
fn stated_holders(files: &[PathBuf]) -> Result<Vec<Option<Digest>>> {
	let mut holders = Vec::with_capacity(files.len());
	for file in files {
		let stated = document_statements_of_file(file)?
			.and_then(|statements| statements.holder_identity_hash)
			.and_then(|hash| parse_identity_hash(&hash));
		holders.push(stated);
	}
	let bound = holders.iter().filter(|holder| holder.is_some()).count();
	if bound > 0 {
		println!(
			"Holder: {bound} of {} credentials are bound to the holder their document's hashed identity \
			 (credentialSubject.identifier) names.",
			files.len()
		);
	}
	Ok(holders)
}

/// The line that reports `count` credentials issued.
fn summary(count: usize, receipt: &IssueReceipt) -> String {
	let noun = if count == 1 { "credential" } else { "credentials" };
	let signer = if receipt.signer == receipt.issuer {
		String::new()
	} else {
		format!(" (signed by the delegate {})", receipt.signer)
	};
	format!(
		"Issued {count} {noun} for the issuer {}{signer} in finalized block {}.",
		receipt.issuer, receipt.block
	)
}

/// `credchain issue`.
#[derive(Debug, Args)]
pub struct IssueArgs {
	/// The credential documents (JSON credentials, PDFs, any file).
	#[arg(value_name = "FILE", required = true)]
	pub files: Vec<PathBuf>,

	/// The signing key of the issuer or of one of its delegates (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The signing key of the issuer or of one of its delegates: {KEY_HELP}."))]
	pub issuer_key: String,

	/// What the issuer states with the credentials.
	#[command(flatten)]
	pub terms: TermsArgs,

	/// A commitment to the holder: 32 bytes of hex, a salted hash of who the credential is for (never
	/// a name; `credchain holder commit` makes one). With several files, every credential gets it.
	#[arg(long, value_name = "HEX")]
	pub holder: Option<String>,

	/// The holder's identity (an e-mail address, a DID), exactly as they will give it to a
	/// verifier: the credential commits to it with a salted hash, instead of --holder. The salt is
	/// printed: give it to the holder.
	#[arg(long, value_name = "IDENTITY", conflicts_with = "holder")]
	pub holder_identity: Option<String>,

	/// The salt for --holder-identity. Default: 128 random bits (recommended).
	#[arg(long, value_name = "SALT", requires = "holder_identity")]
	pub holder_salt: Option<String>,

	/// Issue one credential of a stacked achievement on the strength of these component
	/// credentials (their documents), which the holder holds: the chain checks each is valid, is
	/// the same holder's and counts towards the achievement's rule. Without --holder or
	/// --holder-identity, the holder is the one the components commit to.
	#[arg(long, value_name = "FILE", num_args = 1..)]
	pub components: Vec<PathBuf>,
}
