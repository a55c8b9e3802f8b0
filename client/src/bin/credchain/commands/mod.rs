//! The commands: each module turns one command's arguments into calls of the library and prints the
//! outcome for a person.

pub mod achievement;
pub mod admin;
pub mod bench;
pub mod change;
pub mod council;
pub mod digest;
mod documents;
pub mod holder;
pub mod issue;
pub mod issue_batch;
pub mod issuer;
pub mod proof;
pub mod serve;
mod stacking;
mod target;
pub mod terms_input;
pub mod verify;

use std::sync::Arc;

use credchain_client::{CredChain, Error, Result};

use crate::cli::{Cli, Command};

/// The exit code of a success.
pub const EXIT_SUCCESS: u8 = 0;

/// The exit code of a credential that is not valid, or an issuer that does not exist.
pub const EXIT_NOT_VALID: u8 = 1;

/// The exit code of an error (usage errors from the command-line parser too).
pub const EXIT_ERROR: u8 = 2;

/// How a command that did not fail ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
	/// Done; for `verify`, the credential is valid.
	Success,
	/// The credential is not valid, or the issuer does not exist.
	NotValid,
}

impl Outcome {
	/// The process exit code.
	pub fn exit_code(self) -> u8 {
		match self {
			Self::Success => EXIT_SUCCESS,
			Self::NotValid => EXIT_NOT_VALID,
		}
	}
}

/// Connects to the node at `url` for sending transactions; the connection's notices (a transaction
/// the node dropped and that is sent again, ...) go to standard error.
pub async fn connect(url: &str) -> Result<CredChain> {
	let mut chain = CredChain::connect(url).await?;
	chain.set_notice_handler(Arc::new(|notice| {
		eprintln!("note: {}", credchain_client::text::for_terminal(notice))
	}));
	Ok(chain)
}

/// Runs the command `cli` names.
pub async fn run(cli: Cli) -> Result<Outcome> {
	let url = cli.url;
	match cli.command {
		Command::Digest(args) => digest::run(args),
		Command::Holder(command) => holder::run(command),
		Command::Issue(args) => issue::run(&url, args).await,
		Command::IssueBatch(args) => issue_batch::run(&url, args).await,
		Command::Revoke(args) => change::revoke(&url, args).await,
		Command::Suspend(args) => change::suspend(&url, args).await,
		Command::Reinstate(args) => change::reinstate(&url, args).await,
		Command::Verify(args) => verify::run(&url, args).await,
		Command::Proof(args) => proof::run(&url, args).await,
		Command::Achievement(command) => achievement::run(&url, command).await,
		Command::Issuer(command) => issuer::run(&url, command).await,
		Command::Delegate(command) => issuer::delegation(&url, command).await,
		Command::Admin(command) => admin::run(&url, command).await,
		Command::Council(command) => council::run(&url, command).await,
		Command::Validator(command) => council::validator(&url, command).await,
		Command::Bench(command) => bench::run(&url, command).await,
		Command::Serve(args) => serve::run(&url, args).await,
	}
}

/// Prints `value` as pretty JSON on standard output (`--json`).
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
	let json = serde_json::to_string_pretty(value)
		.map_err(|error| Error::input(format!("cannot write the answer as JSON: {error}")))?;
	println!("{json}");
	Ok(())
}
