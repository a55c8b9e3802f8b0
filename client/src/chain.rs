//! [`CredChain`]: a connection to a CredChain node that signs the chain's calls, submits them, and
//! waits until they are finalized — so that what it reports can no longer be reverted — turning the
//! chain's refusals into sentences (see [`crate::explain`]).
//!
//! Calls, events, storage items and constants are the typed ones subxt generates from the runtime's
//! metadata ([`crate::runtime`]), with subxt's `PolkadotConfig`: the runtime's address is
//! `MultiAddress<AccountId32, ()>`, its signature an sr25519 `MultiSignature`, and it has no fees,
//! so no payment extension is involved.
//!
//! - [`connect`]: the connection, the chain's identity and limits;
//! - [`submit`]: signing, submitting and waiting for finality, and what a failure means;
//! - [`credentials`]: what issuers and their delegates do;
//! - [`admin`]: governance calls dispatched through sudo (development and test chains);
//! - [`governance`]: council motions, votes, session keys and runtime upgrades.

mod admin;
mod connect;
mod credentials;
mod governance;
mod submit;

use std::{collections::HashMap, fmt, sync::Mutex};

use subxt::{rpcs::RpcClient, OnlineClient, PolkadotConfig};

use crate::{bytes32::to_hex, Digest};

pub use connect::{require_websocket, ProfileLimits, CONNECT_TIMEOUT};
pub use credentials::{AnchorReceipt, IssueReceipt, ProfileProposalReceipt};
pub use governance::{Motion, Proposal, ProposalOutcome, VoteOutcome};
pub use submit::FINALITY_TIMEOUT;

/// The subxt configuration that fits CredChain's runtime.
type ChainConfig = PolkadotConfig;

/// A finalized block: where a transaction took effect for good.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FinalizedBlock {
	/// Its number.
	pub number: u64,
	/// Its hash.
	pub hash: Digest,
}

impl fmt::Display for FinalizedBlock {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "#{} ({})", self.number, to_hex(&self.hash))
	}
}

/// A connection to a CredChain node, for issuers, their delegates and the consortium.
pub struct CredChain {
	url: String,
	rpc: RpcClient,
	api: OnlineClient<ChainConfig>,
	/// The next nonce of each account this connection sent transactions for, so that a second
	/// transaction does not reuse a nonce the finalized state does not show as used yet.
	next_nonces: Mutex<HashMap<[u8; 32], u64>>,
}

impl fmt::Debug for CredChain {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("CredChain").field("url", &self.url).finish_non_exhaustive()
	}
}
