//! `credchain digest FILE...`: prints `0x<digest>  <file>` per document, as the chain records it.

use credchain_client::{bytes32::to_hex, digest::digest_file, text::for_terminal, Error, Result};

use super::Outcome;
use crate::cli::DigestArgs;

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
