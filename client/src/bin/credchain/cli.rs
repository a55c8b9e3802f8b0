//! The command line: what `credchain` accepts, with the help text people read.

//! Each command's arguments live beside the command, in `commands/`.

use clap::{Parser, Subcommand};
use credchain_client::DEFAULT_URL;

use crate::commands::{
	achievement::AchievementCommand,
	admin::AdminCommand,
	bench::BenchCommand,
	change::{ChangeArgs, RevokeArgs},
	council::{CouncilCommand, ValidatorCommand},
	digest::DigestArgs,
	holder::HolderCommand,
	issue::IssueArgs,
	issue_batch::IssueBatchArgs,
	issuer::{DelegateCommand, IssuerCommand},
	proof::ProofArgs,
	serve::ServeArgs,
	verify::VerifyArgs,
};

/// What every signing key option says about the forms a key may take.
pub const KEY_HELP: &str =
	"a secret URI (//Bob on a development chain), a mnemonic, a 0x-prefixed \
	32-byte seed, or @FILE to read one from a file (recommended: command lines are visible to other \
	users of the machine). The key is never printed";

/// CredChain: issue, revoke and verify academic credentials.
///
/// Only the digest of a credential goes on chain: SHA-256 of its RFC 8785 canonical form for a JSON
/// document (Open Badges 3.0, W3C Verifiable Credentials), of its bytes for any other file (a PDF).
///
/// Exit codes: 0 success (for `verify`: the credential is valid); 1 `verify`: the credential is not
/// valid (revoked, suspended, expired, unknown, ...), `issuer show`: no such issuer; 2 any error.
#[derive(Debug, Parser)]
#[command(name = "credchain", version, max_term_width = 100)]
pub struct Cli {
	/// The CredChain node to talk to. Sending transactions needs ws:// or wss://; verifying also
	/// works over http:// or https://.
	#[arg(long, global = true, value_name = "URL", default_value = DEFAULT_URL)]
	pub url: String,

	/// What to do.
	#[command(subcommand)]
	pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
	/// Print the digest of documents, as the chain records them (no node needed).
	Digest(DigestArgs),
	/// Commit to a credential's holder without naming them: a salted hash of their identity.
	#[command(subcommand)]
	Holder(HolderCommand),
	/// Issue credentials one by one: one transaction for one file, batches of up to the chain's
	/// limit for several.
	Issue(IssueArgs),
	/// Issue many credentials at once as a Merkle batch: one transaction anchors the batch's root,
	/// and a <document>.proof.json is written beside each document.
	IssueBatch(IssueBatchArgs),
	/// Revoke a credential for good (or a whole Merkle batch with --whole-batch).
	Revoke(RevokeArgs),
	/// Suspend a credential until it is reinstated.
	Suspend(ChangeArgs),
	/// Lift a credential's suspension.
	Reinstate(ChangeArgs),
	/// Check a credential: exit code 0 only if it is valid.
	Verify(VerifyArgs),
	/// Save the verdict on a credential with its proof (<document>.credchain-proof.json), which
	/// anyone holding the chain spec checks with `verify --offline`, trusting no server.
	Proof(ProofArgs),
	/// Register what credentials certify (Open Badges 3.0 achievements, stacked ones too), show an
	/// achievement.
	#[command(subcommand)]
	Achievement(AchievementCommand),
	/// Register an institution as an issuer, manage its delegate keys, show an issuer.
	#[command(subcommand)]
	Issuer(IssuerCommand),
	/// A delegate key's own business: accept an issuer's invitation, resign.
	#[command(subcommand)]
	Delegate(DelegateCommand),
	/// Consortium governance through the chain's sudo key (development and test chains).
	#[command(subcommand)]
	Admin(AdminCommand),
	/// Consortium governance through the council: propose motions, vote on them, list members.
	#[command(subcommand)]
	Council(CouncilCommand),
	/// A validator's own business: register the session keys its node generated.
	#[command(subcommand)]
	Validator(ValidatorCommand),
	/// Measure how many verification requests a running node answers.
	#[command(subcommand)]
	Bench(BenchCommand),
	/// Serve the verifier page: employers drop credential files in a browser and read verdicts;
	/// the files never leave their computer (their digests are computed in the browser).
	Serve(ServeArgs),
}

#[cfg(test)]
mod tests {
	use super::*;
	use clap::CommandFactory;
	use credchain_client::reasons::RevocationReason;

	#[test]
	fn the_command_line_is_well_formed() {
		Cli::command().debug_assert();
	}

	#[test]
	fn issue_takes_files_key_and_terms() {
		let cli = Cli::try_parse_from([
			"credchain",
			"issue",
			"a.json",
			"b.pdf",
			"--issuer-key",
			"//Dave",
			"--valid-until",
			"2030-06-30",
			"--achievement",
			"MSc-DE",
		])
		.unwrap();
		let Command::Issue(args) = cli.command else { panic!("not issue") };
		assert_eq!(args.files.len(), 2);
		assert_eq!(args.terms.valid_until, Some(1_909_008_000_000));
		assert_eq!(cli.url, DEFAULT_URL);
	}

	#[test]
	fn bad_dates_and_reasons_are_usage_errors() {
		assert!(Cli::try_parse_from([
			"credchain",
			"issue",
			"a",
			"--issuer-key",
			"k",
			"--valid-from",
			"soon"
		])
		.is_err());
		assert!(Cli::try_parse_from([
			"credchain",
			"revoke",
			"a",
			"--issuer-key",
			"k",
			"--reason",
			"bored"
		])
		.is_err());
		let cli = Cli::try_parse_from([
			"credchain",
			"--url",
			"http://127.0.0.1:1",
			"revoke",
			"a",
			"--issuer-key",
			"k",
			"--reason",
			"holder-request",
		])
		.unwrap();
		let Command::Revoke(args) = cli.command else { panic!("not revoke") };
		assert_eq!(args.reason, RevocationReason::HolderRequest);
	}

	#[test]
	fn identity_options_parse() {
		let parse = |args: &[&str]| Cli::try_parse_from([&["credchain"], args].concat());
		let cli = parse(&["verify", "a.pdf", "--issuer", "did:web:u.example"]).unwrap();
		let Command::Verify(args) = cli.command else { panic!("not verify") };
		assert_eq!(args.issuer.as_deref(), Some("did:web:u.example"));
		let cli = parse(&["suspend", "a.pdf", "--issuer-key", "k", "--predecessor", "5F"]).unwrap();
		let Command::Suspend(args) = cli.command else { panic!("not suspend") };
		assert_eq!(args.predecessor.as_deref(), Some("5F"));
		let register = [
			"issuer",
			"register",
			"--name",
			"U",
			"--uri",
			"https://u.example",
			"--country",
			"NL",
			"--identifier",
			"did:web:u.example",
			"--identifier",
			"https://u.example/i",
			"--key",
			"k",
		];
		let Command::Issuer(IssuerCommand::Register(args)) = parse(&register).unwrap().command
		else {
			panic!("not issuer register")
		};
		assert_eq!(args.identifiers, ["did:web:u.example", "https://u.example/i"]);
		let withdraw = [
			"council",
			"propose",
			"withdraw-issuer",
			"5F",
			"--reason",
			"misconduct",
			"--distrusted-from",
			"40",
			"--key",
			"k",
		];
		assert!(parse(&withdraw).is_ok());
		assert!(
			parse(&["council", "propose", "approve-profile-change", "5F", "--key", "k"]).is_ok()
		);
		let moving =
			["council", "propose", "move-issuer-key", "5F", "--new-key", "5G", "--key", "k"];
		assert!(parse(&moving).is_ok());
		let admin = ["admin", "withdraw", "5F", "--reason", "closed", "--sudo-key", "k"];
		assert!(parse(&admin).is_ok());
	}
}
