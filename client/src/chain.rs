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
//! - [`achievements`]: registering achievements and issuing stacked credentials;
//! - [`admin`]: governance calls dispatched through sudo (development and test chains);
//! - [`governance`]: council motions, votes, session keys and runtime upgrades;
//! - [`load`]: transactions signed ahead of time and what finalized blocks carried, for load
//!   generators.

mod achievements;
mod admin;
mod connect;
mod credentials;
mod governance;
mod load;
mod submit;

use std::{collections::HashMap, fmt, sync::Arc};

use subxt::{
	rpcs::{client::RpcParams, RpcClient},
	OnlineClient, PolkadotConfig,
};
use tokio::sync::Mutex;

use crate::{bytes32::to_hex, Digest, Error, Result};

pub use achievements::AchievementReceipt;
pub use connect::{require_websocket, ProfileLimits, CONNECT_TIMEOUT};
pub use credentials::{AnchorReceipt, IssueReceipt, ProfileProposalReceipt};
pub use governance::{Motion, Proposal, ProposalOutcome, VoteOutcome};
pub use load::{BlockLoad, SignedTransaction};
pub use submit::{FINALITY_TIMEOUT, MAX_RESUBMISSIONS, MORTALITY_BLOCKS};

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
	/// transaction does not reuse a nonce the node has not counted yet; held while a transaction
	/// takes its nonce.
	next_nonces: Mutex<HashMap<[u8; 32], u64>>,
	/// Where notices go (a transaction sent again, ...): nowhere unless set.
	notices: Option<NoticeHandler>,
}

/// Receives the notices of a [`CredChain`]: things the user should know that are not errors.
pub type NoticeHandler = Arc<dyn Fn(&str) + Send + Sync>;

impl CredChain {
	/// Sends this connection's notices (a dropped transaction sent again, ...) to `handler`.
	pub fn set_notice_handler(&mut self, handler: NoticeHandler) {
		self.notices = Some(handler);
	}

	/// Passes `notice` to the notice handler, if there is one.
	fn notice(&self, notice: &str) {
		if let Some(handler) = &self.notices {
			handler(notice);
		}
	}
}

/// JSON-RPC parameters holding one string.
fn one_param(value: String) -> Result<RpcParams> {
	let mut params = RpcParams::new();
	params
		.push(value)
		.map_err(|error| Error::Incompatible(format!("cannot encode an RPC parameter: {error}")))?;
	Ok(params)
}

impl fmt::Debug for CredChain {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("CredChain").field("url", &self.url).finish_non_exhaustive()
	}
}
