//! Signing keys: the sr25519 keys issuers, their delegates and the consortium sign transactions with.
//!
//! A key is given as a secret URI — a development name such as `//Bob`, a BIP-39 mnemonic (optionally
//! followed by derivation paths such as `//registrar` and a `///password`), or a `0x`-prefixed 32-byte
//! seed — or as `@path/to/file` naming a file that holds one. A key file keeps the secret out of the
//! shell history and out of the process list other users of the machine can see.
//!
//! Secrets are never printed: errors say what is wrong with a key without quoting it, and a
//! [`SigningKey`]'s `Debug` shows only its public account.

use std::{fmt, path::Path, str::FromStr};

use subxt::utils::AccountId32;
use subxt_signer::{sr25519::Keypair, SecretUri};

use crate::{Error, Result};

/// The largest key file the client reads (a mnemonic with a long path is well under 1 KiB).
const MAX_KEY_FILE_BYTES: u64 = 4096;

/// An sr25519 signing key.
#[derive(Clone)]
pub struct SigningKey {
	pair: Keypair,
}

impl fmt::Debug for SigningKey {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("SigningKey").field("account", &self.account().to_string()).finish()
	}
}

impl SigningKey {
	/// A key from a secret URI, a mnemonic or a `0x` seed.
	pub fn from_secret(secret: &str) -> Result<Self> {
		let uri = SecretUri::from_str(secret.trim()).map_err(|_| {
			Error::Key(
				"the key is not a secret URI: give a development name such as //Bob, a 12- or 24-word \
				 mnemonic, or a 0x-prefixed 32-byte seed"
					.into(),
			)
		})?;
		let pair = Keypair::from_uri(&uri).map_err(|error| Error::Key(describe(&error)))?;
		Ok(Self { pair })
	}

	/// A key from a command-line argument: `@path` reads the secret from the file at `path`; anything
	/// else is the secret itself. `option` names the option, for error messages (`--issuer-key`).
	pub fn from_argument(argument: &str, option: &str) -> Result<Self> {
		match argument.strip_prefix('@') {
			Some(path) => Self::from_file(Path::new(path)).map_err(|error| match error {
				Error::Key(message) => Error::Key(format!("{option} {path}: {message}")),
				other => other,
			}),
			None => Self::from_secret(argument).map_err(|error| match error {
				Error::Key(message) => Error::Key(format!("{option}: {message}")),
				other => other,
			}),
		}
	}

	/// A key from the file at `path`, which holds a secret URI, a mnemonic or a `0x` seed (surrounding
	/// blank space and a trailing newline are ignored).
	pub fn from_file(path: &Path) -> Result<Self> {
		let size = std::fs::metadata(path)
			.map_err(|error| Error::file("read the key file", path, error))?
			.len();
		if size > MAX_KEY_FILE_BYTES {
			return Err(Error::Key(format!(
				"the key file is {size} bytes long; a key file holds one secret URI, mnemonic or seed"
			)));
		}
		let secret = std::fs::read_to_string(path)
			.map_err(|error| Error::file("read the key file", path, error))?;
		Self::from_secret(&secret)
	}

	/// The key's account: the issuer's or delegate's lasting identity on chain.
	pub fn account(&self) -> AccountId32 {
		self.pair.public_key().to_account_id()
	}

	/// The key pair, for signing.
	pub(crate) fn pair(&self) -> &Keypair {
		&self.pair
	}
}

/// An account given on the command line: an SS58 address (any network prefix) or 32 bytes of hex.
pub fn parse_account(text: &str) -> Result<AccountId32> {
	let text = text.trim();
	if crate::bytes32::is_hex32(text) {
		return crate::bytes32::parse_hex32("the account", text).map(AccountId32);
	}
	AccountId32::from_str(text).map_err(|_| {
		Error::input(format!(
			"{} is not an account: give an SS58 address such as \
			 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty, or 32 bytes of hex",
			crate::bytes32::quote(text)
		))
	})
}

/// What is wrong with a key, without quoting it.
fn describe(error: &subxt_signer::sr25519::Error) -> String {
	use subxt_signer::sr25519::Error as KeyError;
	match error {
		KeyError::Phrase(_) =>
			"the key is not a valid BIP-39 mnemonic (check the words and their number: 12, 15, 18, 21 \
			 or 24), nor a secret URI such as //Bob, nor a 0x seed"
				.into(),
		KeyError::Hex(_) | KeyError::InvalidSeed =>
			"the key's 0x seed must be exactly 32 bytes: 64 hex digits after 0x".into(),
		_ => "the key cannot be used to sign".into(),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Bob's well-known development account.
	const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

	#[test]
	fn development_names_give_the_well_known_accounts() {
		assert_eq!(SigningKey::from_secret("//Bob").unwrap().account().to_string(), BOB);
		assert_eq!(SigningKey::from_secret(" //Bob\n").unwrap().account().to_string(), BOB);
	}

	#[test]
	fn accounts_parse_from_ss58_and_hex() {
		let bob = parse_account(BOB).unwrap();
		assert_eq!(parse_account(&crate::bytes32::to_hex(&bob.0)).unwrap(), bob);
		assert_eq!(parse_account(&hex::encode(bob.0)).unwrap(), bob);
		let error = parse_account("Bob").unwrap_err().to_string();
		assert!(error.contains("\"Bob\" is not an account"), "{error}");
	}

	#[test]
	fn key_files_are_read() {
		let dir = std::env::temp_dir().join(format!("credchain-keys-test-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let file = dir.join("bob.key");
		std::fs::write(&file, "//Bob\n").unwrap();
		let key = SigningKey::from_argument(&format!("@{}", file.display()), "--key").unwrap();
		assert_eq!(key.account().to_string(), BOB);
		let missing =
			SigningKey::from_argument("@/nonexistent/credchain.key", "--key").unwrap_err();
		assert!(missing.to_string().contains("/nonexistent/credchain.key"), "{missing}");
		std::fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn bad_keys_are_explained_without_quoting_them() {
		let secret = "correct horse battery staple";
		let error = SigningKey::from_argument(secret, "--issuer-key").unwrap_err().to_string();
		assert!(error.starts_with("--issuer-key: "), "{error}");
		assert!(!error.contains("horse"), "{error}");
		let seed = SigningKey::from_argument("0x1234", "--issuer-key").unwrap_err().to_string();
		assert!(seed.contains("64 hex digits") && !seed.contains("1234"), "{seed}");
		let debug = format!("{:?}", SigningKey::from_secret("//Bob").unwrap());
		assert!(debug.contains(BOB) && !debug.contains("Bob\""), "{debug}");
	}
}
