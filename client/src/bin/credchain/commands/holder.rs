//! `credchain holder commit`: the commitment a credential record makes to its holder — the SHA-256 of
//! the holder's identity followed by a salt, Open Badges 3.0's `identityHash` (see
//! `credchain_client::digest::holder`) — for a registrar to put in a credential's
//! `credentialSubject.identifier` before issuing it, and the salt to give the holder. `issue
//! --holder-identity` and `verify --holder --salt` use the same rules.

use clap::{Args, Subcommand};
use credchain_client::{
	bytes32::to_hex,
	digest::holder::{holder_commitment, identity_hash},
	Digest, Error, Result,
};

use super::Outcome;

/// Salts shorter than this many characters are warned about: with a guessable identity, a short
/// salt can be found by trying them all.
const SHORT_SALT: usize = 16;

/// Runs a `holder` command.
pub fn run(command: HolderCommand) -> Result<Outcome> {
	match command {
		HolderCommand::Commit(args) => {
			let holder = Holder::new(&args.identity, args.salt.as_deref(), "--identity")?;
			println!("Identity:     {}", args.identity);
			println!("Salt:         {}", holder.salt);
			println!("Commitment:   {}", to_hex(&holder.commitment));
			println!("identityHash: {}", identity_hash(&holder.commitment));
			println!(
				"Put the identityHash and the salt in the credential's credentialSubject.identifier (an \
				 Open Badges IdentityObject with \"hashed\": true) before issuing it with --holder {}, \
				 and give the holder the salt: with their identity it shows the credential is theirs.",
				to_hex(&holder.commitment)
			);
			Ok(Outcome::Success)
		}
	}
}

/// A holder identity committed to with a salt.
#[derive(Debug)]
pub struct Holder {
	/// The salt: given, or 128 random bits in hex.
	pub salt: String,
	/// Whether the salt was made here (and so must be shown to the registrar).
	pub salt_is_new: bool,
	/// SHA-256 of the identity, then the salt.
	pub commitment: Digest,
}

impl Holder {
	/// The commitment to `identity` with `salt`, or with a new random salt. `option` names the
	/// identity's option in errors.
	pub fn new(identity: &str, salt: Option<&str>, option: &str) -> Result<Holder> {
		if identity.trim().is_empty() {
			return Err(Error::input(format!(
				"{option} is empty: give the holder's e-mail address or DID"
			)));
		}
		if identity.trim() != identity {
			return Err(Error::input(format!(
				"{option} {identity:?} begins or ends with spaces: the commitment hashes the identity \
				 exactly as written, so write it without them"
			)));
		}
		let (salt, salt_is_new) = match salt {
			Some("") => return Err(Error::input("the salt is empty")),
			Some(salt) => (salt.to_string(), false),
			None => (random_salt()?, true),
		};
		if salt.chars().count() < SHORT_SALT {
			eprintln!(
				"warning: a salt of fewer than {SHORT_SALT} characters lets anyone who can guess the \
				 identity confirm it from the chain; omit the salt to get a random one"
			);
		}
		let commitment = holder_commitment(identity, &salt);
		Ok(Holder { salt, salt_is_new, commitment })
	}
}

/// 128 random bits from the operating system, as 32 hex digits.
fn random_salt() -> Result<String> {
	let mut bytes = [0u8; 16];
	getrandom::getrandom(&mut bytes)
		.map_err(|error| Error::input(format!("no randomness for a salt: {error}")))?;
	Ok(hex::encode(bytes))
}

/// `credchain holder ...`.
#[derive(Debug, Subcommand)]
pub enum HolderCommand {
	/// Compute the commitment to a holder (a salted SHA-256 of their identity, Open Badges 3.0's
	/// identityHash) to issue a credential with, and the salt to give them (no node needed).
	Commit(HolderCommitArgs),
}

/// `credchain holder commit`.
#[derive(Debug, Args)]
pub struct HolderCommitArgs {
	/// The holder's identity, exactly as the holder will give it to a verifier: an e-mail address,
	/// a DID, a student number.
	#[arg(long, value_name = "IDENTITY")]
	pub identity: String,

	/// The salt. Default: 128 random bits (recommended).
	#[arg(long, value_name = "SALT")]
	pub salt: Option<String>,
}
