//! `credchain digest FILE...`: prints `0x<digest>  <file>` per document, as the chain records it.

use std::path::PathBuf;

use clap::Args;
use credchain_client::{bytes32::to_hex, digest::digest_file, text::for_terminal, Error, Result};

use super::Outcome;

/// Hashes every file; reports the ones that cannot be hashed and fails if there were any.
pub fn run(args: DigestArgs) -> Result<Outcome> {
	let mut failed = 0usize;
	for file in &args.files {
		match digest_file(file) {
			Ok(document) => println!("{}  {}", to_hex(&document.digest), file.display()),
			Err(error) => {
				failed += 1;
				eprintln!("error: {}", for_terminal(&error.to_string()));
			}
		}
	}
	if failed > 0 {
		return Err(Error::input(format!(
			"{failed} of {} documents could not be hashed",
			args.files.len()
		)));
	}
	Ok(Outcome::Success)
}

/// `credchain digest`.
#[derive(Debug, Args)]
pub struct DigestArgs {
	/// The documents.
	#[arg(value_name = "FILE", required = true)]
	pub files: Vec<PathBuf>,
}
