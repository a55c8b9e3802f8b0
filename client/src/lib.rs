//! # CredChain client library
//!
//! The pieces the `credchain` command is built from, for use in other Rust programs — a student
//! information system that issues diplomas, or an admissions portal that verifies them:
//!
//! - [`digest`]: the digest of a credential document: SHA-256 of its RFC 8785 canonical form for JSON
//!   documents (Open Badges 3.0, W3C Verifiable Credentials), of its bytes for any other file.
//! - [`merkle`]: Merkle batches of many credentials, built the way the chain checks them
//!   (`binary-merkle-tree` over Keccak-256), and [`proof_file`]: the `<document>.proof.json` files
//!   that let each credential of a batch be verified on its own.
//! - [`terms`]: what an issuer states with a credential (validity window, achievement id, holder
//!   commitment) and why it revokes one; [`dates`] parses and prints the dates involved.
//! - [`keys`]: signing keys, from a secret URI, a mnemonic, a seed or a key file; never printed.
//! - [`chain`]: [`CredChain`], a connection that signs and submits the credentials pallet's calls and
//!   waits for them to be finalized, with the chain's refusals turned into plain sentences.
//! - [`rpc`] and [`verdict`]: a verifier's questions over the node's `credentials_*` JSON-RPC methods,
//!   and their answers, with a rendering a person can read.
//! - [`bench`]: a bounded load generator for those methods.
//!
//! Every fallible function returns [`Error`], whose messages are written for the people who run the
//! client and never contain a secret key or raw SCALE bytes.
//!
//! ```no_run
//! # async fn example() -> Result<(), credchain_client::Error> {
//! use credchain_client::{digest, keys::SigningKey, terms::CredentialTerms, CredChain};
//!
//! let document = digest::digest_file(std::path::Path::new("diploma.json"))?;
//! let registrar = SigningKey::from_secret("//Dave")?;
//! let chain = CredChain::connect("ws://127.0.0.1:9944").await?;
//! let receipt = chain.issue(&registrar, document.digest, &CredentialTerms::default()).await?;
//! println!("issued in block {}", receipt.block);
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

pub mod bench;
pub mod bytes32;
mod calls;
pub mod chain;
pub mod dates;
pub mod digest;
pub mod error;
pub mod explain;
pub mod keys;
pub mod merkle;
pub mod proof_file;
pub mod rpc;
pub mod terms;
pub mod text;
pub mod verdict;

pub use calls::IssuanceQuota;
pub use chain::CredChain;
pub use error::{Error, Result};
/// An account on chain (an issuer's, a delegate's): 32 bytes, shown as an SS58 address.
pub use subxt::utils::AccountId32;

/// A 32-byte value as the chain stores it: a credential digest (SHA-256 of the canonical document),
/// a Merkle root, an achievement id or a holder commitment.
pub type Digest = [u8; 32];

/// The URL the client talks to unless told otherwise: a development node on this machine.
pub const DEFAULT_URL: &str = "ws://127.0.0.1:9944";
