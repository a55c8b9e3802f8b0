//! The client's error type. Every message is a complete sentence for the person running the client
//! (a university registrar, a verifier), names the file, account or node involved, and never contains
//! a secret key or raw SCALE bytes.

use std::path::{Path, PathBuf};

/// Something the client could not do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
	/// Something given to the client cannot be used: a malformed date, digest, account or option.
	#[error("{0}")]
	Input(String),

	/// A file or folder could not be read or written.
	#[error("cannot {action} {}: {source}", .path.display())]
	File {
		/// What the client was doing: "read", "write", "list the folder", ...
		action: &'static str,
		/// The file or folder.
		path: PathBuf,
		/// Why the operating system refused.
		#[source]
		source: std::io::Error,
	},

	/// A signing key could not be loaded. The message never contains the key.
	#[error("{0}")]
	Key(String),

	/// The node could not be reached, or stopped answering.
	#[error("the node at {url} is not reachable: {reason}")]
	Unreachable {
		/// The node's URL.
		url: String,
		/// Why.
		reason: String,
	},

	/// The node answered a request with an error.
	#[error("the node at {url} refused the request {method}: {message}")]
	Rpc {
		/// The node's URL.
		url: String,
		/// The JSON-RPC method.
		method: String,
		/// The JSON-RPC error code.
		code: i32,
		/// The node's message.
		message: String,
	},

	/// The chain refused a transaction, or the transaction failed: nothing changed on chain.
	#[error("{0}")]
	Rejected(String),

	/// A transaction was sent, but whether it took effect is not known.
	#[error("{0}")]
	Uncertain(String),

	/// The node serves a chain, runtime or answer this client does not fit.
	#[error("{0}")]
	Incompatible(String),

	/// A proof of a verdict does not hold: it establishes nothing.
	#[error("the proof does not hold ({}): {0}", .0.name())]
	Unproven(#[from] crate::trustless::ProofError),
}

/// The client's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
	/// An [`Error::Input`] with `message`.
	pub fn input(message: impl Into<String>) -> Self {
		Self::Input(message.into())
	}

	/// An [`Error::File`]: `action` on `path` failed with `source`.
	pub fn file(action: &'static str, path: &Path, source: std::io::Error) -> Self {
		Self::File { action, path: path.to_path_buf(), source }
	}

	/// An [`Error::Unreachable`] for the node at `url`.
	pub fn unreachable(url: &str, reason: impl std::fmt::Display) -> Self {
		Self::Unreachable { url: url.to_string(), reason: reason.to_string() }
	}
}
