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
//! - [`CredentialTerms`] (the pallet's own type): what an issuer states with a credential (validity
//!   window, achievement id, holder commitment); [`credential_terms`] reads and checks them,
//!   [`reasons`] the reasons for revoking a credential or withdrawing an issuer, [`profile`] an
//!   issuer's profile, and [`dates`] parses and prints the dates involved.
//! - [`keys`]: signing keys, from a secret URI, a mnemonic, a seed or a key file; never printed.
//! - [`chain`]: [`CredChain`], a connection that signs and submits the chain's calls and waits for
//!   them to be finalized, with the chain's refusals turned into plain sentences; [`runtime`]: those
//!   calls, events and storage items as Rust types generated from the runtime's metadata.
//! - [`rpc`] and [`verdict`]: a verifier's questions over the node's `credentials_*` JSON-RPC methods
//!   (the client `pallet-credentials-rpc` generates), and their answers, rendered for a person.
//! - [`trustless`]: verdicts proven from the chain spec alone — proof files checked offline, or fresh
//!   proofs from any node — trusting no server.
//! - [`bench`]: a bounded load generator for those methods.
//!
//! Every fallible function returns [`Error`], whose messages are written for the people who run the
//! client and never contain a secret key or raw SCALE bytes.
//!
//! ```no_run
//! # async fn example() -> Result<(), credchain_client::Error> {
//! use credchain_client::{digest, keys::SigningKey, CredChain, CredentialTerms};
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

pub mod achievement;
pub mod bench;
pub mod bytes32;
pub mod chain;
pub mod credential_terms;
pub mod dates;
pub mod digest;
pub mod error;
pub mod explain;
pub mod keys;
pub mod merkle;
pub mod profile;
pub mod proof_file;
pub mod reasons;
pub mod rpc;
pub mod runtime;
pub mod text;
pub mod trustless;
pub mod verdict;

pub use chain::CredChain;
pub use error::{Error, Result};
/// The chain's own types for what an issuer states with a credential and how much it may issue.
pub use pallet_credentials::{CredentialTerms, IssuanceQuota};
/// An account on chain (an issuer's, a delegate's): 32 bytes, shown as an SS58 address.
pub use subxt::utils::AccountId32;

/// A 32-byte value as the chain stores it: a credential digest (SHA-256 of the canonical document),
/// a Merkle root, an achievement id or a holder commitment.
pub type Digest = [u8; 32];

/// The URL the client talks to unless told otherwise: a development node on this machine.
pub const DEFAULT_URL: &str = "ws://127.0.0.1:9944";
