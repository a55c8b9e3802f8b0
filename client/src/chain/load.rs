//! What a load generator needs from the chain: transactions signed ahead of time with explicit
//! nonces, and what each finalized block carried (transactions, weight, time).

use std::collections::BTreeMap;

use subxt::{
	config::DefaultExtrinsicParamsBuilder, rpcs::client::RpcParams, transactions::Payload,
};

use super::{
	connect::{header_not_served, read_new_block},
	one_param,
	submit::dispatch_failure,
	ChainConfig, CredChain,
};
use crate::{
	keys::SigningKey,
	runtime::{
		self,
		system::events::{ExtrinsicFailed, ExtrinsicSuccess},
	},
	Digest, Error, Result,
};

/// A transaction signed ahead of time, ready to be submitted as it is.
#[derive(Clone, Debug)]
pub struct SignedTransaction {
	/// Its SCALE encoding, as `author_submitExtrinsic` takes it.
	pub bytes: Vec<u8>,
	/// Its hash, as the transaction pool names it.
	pub hash: Digest,
	/// The nonce it was signed with.
	pub nonce: u64,
}

/// What one finalized block carried.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BlockLoad {
	/// Its number.
	pub number: u64,
	/// Its timestamp (milliseconds since the Unix epoch).
	pub timestamp_ms: u64,
	/// Signed transactions that succeeded (inherents not counted).
	pub succeeded: u32,
	/// Signed transactions that failed, by reason.
	pub failed: BTreeMap<String, u32>,
	/// The weight normal transactions used (`System::BlockWeight`), in picoseconds of compute.
	pub normal_ref_time: u64,
}

impl BlockLoad {
	/// The number of signed transactions it carried.
	pub fn transactions(&self) -> u32 {
		self.succeeded + self.failed.values().sum::<u32>()
	}
}

impl CredChain {
	/// Signs `calls` with `key`, in order, with consecutive nonces from the account's next one as the
	/// node's pool sees it. The transactions are immortal: a load run may take longer than any
	/// mortality window, and the nonces keep each from being replayed.
	pub async fn sign_ahead<P: Payload>(
		&self,
		key: &SigningKey,
		calls: &[P],
	) -> Result<Vec<SignedTransaction>> {
		let at = self.at_finalized().await?;
		let transactions = at.tx();
		let first = self.next_index(&key.account()).await?;
		calls
			.iter()
			.zip(first..)
			.map(|(call, nonce)| {
				let params = DefaultExtrinsicParamsBuilder::<ChainConfig>::new()
					.nonce(nonce)
					.immortal()
					.build();
				let signed = transactions
					.create_signable_offline(call, params)
					.and_then(|mut signable| signable.sign(key.pair()))
					.map_err(|error| self.unbuildable(call, error))?;
				Ok(SignedTransaction { hash: signed.hash().0, bytes: signed.into_encoded(), nonce })
			})
			.collect()
	}

	/// The latest finalized block's number, as the node knows it now (`chain_getFinalizedHead`): the
	/// client's own view of the chain follows the node's a moment later, and a load run that has just
	/// seen its last transaction finalized needs the node's.
	pub async fn finalized_number(&self) -> Result<u64> {
		let unreachable = |error| Error::unreachable(&self.url, error);
		let hash: String = self
			.rpc
			.request("chain_getFinalizedHead", RpcParams::new())
			.await
			.map_err(unreachable)?;
		let header: serde_json::Value =
			self.rpc.request("chain_getHeader", one_param(hash)?).await.map_err(unreachable)?;
		header["number"]
			.as_str()
			.and_then(|number| u64::from_str_radix(number.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| {
				Error::Incompatible(format!("the node's header has no number: {header}"))
			})
	}

	/// The most weight normal transactions may use in one block, in picoseconds of compute
	/// (`System::BlockWeights`).
	pub async fn max_normal_ref_time(&self) -> Result<u64> {
		let at = self.at_finalized().await?;
		let weights = at.constants().entry(runtime::constants().system().block_weights()).map_err(
			|error| {
				Error::Incompatible(format!("the chain's block weights do not decode: {error}"))
			},
		)?;
		Ok(weights
			.per_class
			.normal
			.max_total
			.map_or(weights.max_block.ref_time, |max| max.ref_time))
	}

	/// What the finalized block `number` carried.
	pub async fn block_load(&self, number: u64) -> Result<BlockLoad> {
		let at = read_new_block(header_not_served, || self.api.at_block(number))
			.await
			.map_err(|error| Error::unreachable(&self.url, error))?;
		let unreachable = |error: subxt::error::StorageError| Error::unreachable(&self.url, error);
		let timestamp_ms = at
			.storage()
			.fetch(&runtime::storage().timestamp().now(), ())
			.await
			.map_err(unreachable)?
			.decode()
			.map_err(|error| Error::Incompatible(format!("a block timestamp: {error}")))?;
		let normal_ref_time = at
			.storage()
			.fetch(&runtime::storage().system().block_weight(), ())
			.await
			.map_err(unreachable)?
			.decode()
			.map_err(|error| Error::Incompatible(format!("a block weight: {error}")))?
			.normal
			.ref_time;
		let events =
			at.events().fetch().await.map_err(|error| Error::unreachable(&self.url, error))?;
		let metadata = at.metadata();
		let mut load = BlockLoad { number, timestamp_ms, normal_ref_time, ..BlockLoad::default() };
		// Every extrinsic ends with one of these two events; the first success is the timestamp
		// inherent.
		let successes = events.find::<ExtrinsicSuccess>().count() as u32;
		load.succeeded = successes.saturating_sub(1);
		for failed in events.find::<ExtrinsicFailed>().filter_map(|event| event.ok()) {
			let reason = dispatch_failure(&Err(failed.dispatch_error), &metadata)
				.unwrap_or_else(|| "failed".into());
			*load.failed.entry(reason).or_default() += 1;
		}
		Ok(load)
	}
}
