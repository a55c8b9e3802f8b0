//! `credchain`: the command-line client for CredChain issuers and verifiers.
//!
//! Run `credchain --help` for the commands. Exit codes: 0 success (for `verify`, a valid
//! credential); 1 a credential that is not valid, or no such issuer; 2 any error, reported on standard
//! error as one sentence.

mod cli;
mod commands;
mod progress;

use std::process::ExitCode;

use clap::Parser;
use credchain_client::text::for_terminal;

fn main() -> ExitCode {
	let cli = cli::Cli::parse();
	let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
		Ok(runtime) => runtime,
		Err(error) => {
			eprintln!("error: cannot start: {error}");
			return ExitCode::from(commands::EXIT_ERROR);
		}
	};
	let code = match runtime.block_on(commands::run(cli)) {
		Ok(outcome) => outcome.exit_code(),
		Err(error) => {
			// Messages may quote what the node or a document said: shown, never obeyed.
			eprintln!("error: {}", for_terminal(&error.to_string()));
			commands::EXIT_ERROR
		}
	};
	// Connections still open end with the process; nothing waits for them.
	runtime.shutdown_background();
	ExitCode::from(code)
}
