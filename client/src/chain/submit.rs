//! Signing a call, submitting it, and waiting until it is finalized and known to have succeeded;
//! what a refusal or a failure means, in words (see [`crate::explain`]).

use std::time::Duration;

use subxt::{
	config::DefaultExtrinsicParamsBuilder,
	error::{
		DispatchError, ExtrinsicError, TransactionEventsError, TransactionProgressError,
		TransactionStatusError,
	},
	ext::scale_decode::DecodeAsType,
	extrinsics::ExtrinsicEvents,
	transactions::Payload,
	utils::AccountId32,
	ArcMetadata, Metadata,
};

use super::{ChainConfig, CredChain, FinalizedBlock};
use crate::{
	bytes32::to_hex,
	explain,
	keys::SigningKey,
	runtime::{self, runtime_types::sp_runtime::ModuleError},
	Digest, Error, Result,
};

/// How long a transaction may take from submission to finality before its outcome is reported as
/// unknown.
pub const FINALITY_TIMEOUT: Duration = Duration::from_secs(300);

/// A transaction that was finalized and succeeded.
pub(super) struct Included {
	/// The block it was finalized in.
	pub block: FinalizedBlock,
	/// Its events.
	pub events: ExtrinsicEvents<ChainConfig>,
	/// The metadata of that block, to name errors.
	pub metadata: ArcMetadata,
}

impl Included {
	/// Its first event of type `E`, if it has one that decodes.
	pub fn event<E: subxt::events::DecodeAsEvent>(&self) -> Option<E> {
		self.events.find_first::<E>().and_then(|event| event.ok())
	}

	/// Its events of type `E` that decode.
	pub fn events<E: subxt::events::DecodeAsEvent>(&self) -> Vec<E> {
		self.events.find::<E>().filter_map(|event| event.ok()).collect()
	}
}

impl CredChain {
	/// Signs `call` with `key`, submits it, and waits until it is finalized and known to have
	/// succeeded.
	pub(super) async fn submit<P: Payload>(&self, key: &SigningKey, call: &P) -> Result<Included> {
		let account = key.account();
		let at = self.at_finalized().await?;
		let mut transactions = at.tx();
		let chain_nonce = transactions
			.account_nonce(&account)
			.await
			.map_err(|error| Error::unreachable(&self.url, error))?;
		let nonce = chain_nonce.max(self.remembered_nonce(&account));
		let params = DefaultExtrinsicParamsBuilder::<ChainConfig>::new().nonce(nonce).build();
		let signed =
			transactions.create_signed(call, key.pair(), params).await.map_err(|error| {
				Error::Incompatible(format!(
					"cannot build the call {}.{} for the chain at {}: {error}; the node's runtime may \
					 not match this version of credchain",
					call.pallet_name(),
					call.call_name(),
					self.url
				))
			})?;
		let progress =
			signed.submit_and_watch().await.map_err(|error| self.submit_error(&account, error))?;
		self.remember_nonce(&account, nonce + 1);

		let finalized = tokio::time::timeout(FINALITY_TIMEOUT, async {
			let in_block = progress
				.wait_for_finalized()
				.await
				.map_err(|error| self.progress_error(&account, error))?;
			let hash = in_block.block_hash().0;
			let events =
				in_block.wait_for_success().await.map_err(|error| events_error(hash, error))?;
			let at_block = in_block.at().await.map_err(|error| {
				Error::Uncertain(format!(
					"the transaction was finalized in block {}, but that block could not be read: {error}",
					to_hex(&hash)
				))
			})?;
			Ok::<_, Error>(Included {
				block: FinalizedBlock { number: at_block.block_number(), hash },
				events,
				metadata: at_block.metadata(),
			})
		})
		.await;
		match finalized {
			Ok(result) => result,
			Err(_) => Err(Error::Uncertain(format!(
				"the transaction was sent, but it was not finalized within {} minutes, so its outcome is \
				 unknown: check with `credchain verify` (or `credchain issuer show`) before sending it \
				 again",
				FINALITY_TIMEOUT.as_secs() / 60
			))),
		}
	}

	/// The next nonce this connection would use for `account`, as far as it knows (0 if none).
	fn remembered_nonce(&self, account: &AccountId32) -> u64 {
		let nonces = self.next_nonces.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		nonces.get(&account.0).copied().unwrap_or(0)
	}

	/// Remembers that `account`'s next transaction takes `nonce`.
	fn remember_nonce(&self, account: &AccountId32, nonce: u64) {
		let mut nonces = self.next_nonces.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		nonces.insert(account.0, nonce);
	}

	/// Forgets `account`'s remembered nonce, after a transaction that did not use it.
	fn forget_nonce(&self, account: &AccountId32) {
		let mut nonces = self.next_nonces.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		nonces.remove(&account.0);
	}

	/// The error for a transaction the node would not take.
	fn submit_error(&self, account: &AccountId32, error: ExtrinsicError) -> Error {
		self.forget_nonce(account);
		Error::Rejected(explain::invalid_transaction(&error.to_string(), &account.to_string()))
	}

	/// The error for a transaction that was taken but not finalized.
	fn progress_error(&self, account: &AccountId32, error: TransactionProgressError) -> Error {
		match error {
			TransactionProgressError::TransactionStatusError(TransactionStatusError::Invalid(
				message,
			)) => {
				self.forget_nonce(account);
				Error::Rejected(explain::invalid_transaction(&message, &account.to_string()))
			}
			TransactionProgressError::TransactionStatusError(TransactionStatusError::Dropped(
				message,
			)) => {
				self.forget_nonce(account);
				Error::Uncertain(format!(
					"the node dropped the transaction before it was finalized ({message}); it was most \
					 likely not included: check with `credchain verify` before sending it again"
				))
			}
			other => Error::Uncertain(format!(
				"the node at {} stopped reporting on the transaction before it was finalized ({other}); it \
				 may still take effect: check with `credchain verify` before sending it again",
				self.url
			)),
		}
	}
}

/// The error for a finalized transaction that failed, or whose result could not be read.
fn events_error(block_hash: Digest, error: TransactionEventsError) -> Error {
	match error {
		TransactionEventsError::ExtrinsicFailed(dispatch_error) => {
			Error::Rejected(explain_dispatch(&dispatch_error))
		}
		other => Error::Uncertain(format!(
			"the transaction was finalized in block {}, but its result could not be read ({other}): check \
			 with `credchain verify` before sending it again",
			to_hex(&block_hash)
		)),
	}
}

/// A failed call's error as a sentence.
fn explain_dispatch(error: &DispatchError) -> String {
	match error {
		DispatchError::Module(module) => match module.as_root_error::<runtime::Error>() {
			Ok(error) => explain::runtime_error(&error),
			Err(_) => format!(
				"the chain refused the transaction with an error this client cannot name (pallet index \
				 {}, error index {})",
				module.pallet_index(),
				module.error_index()
			),
		},
		DispatchError::BadOrigin => "this key is not allowed to make this call (bad origin)".into(),
		other => format!("the chain refused the transaction: {other}"),
	}
}

/// Why a call dispatched by sudo or a council motion failed, from its `DispatchResult` (`Sudid`'s
/// `sudo_result`, `Executed`'s `result`), or `None` if it succeeded.
pub(super) fn dispatch_failure(
	result: &core::result::Result<(), runtime::DispatchError>,
	metadata: &Metadata,
) -> Option<String> {
	let error = result.as_ref().err()?;
	Some(match error {
		runtime::DispatchError::BadOrigin => {
			"the call needs the governance origin (a council majority, or the sudo key of a \
			 development chain), which it was not given"
				.into()
		}
		runtime::DispatchError::Module(ModuleError { index, error }) => {
			match module_error(*index, *error, metadata) {
				Some(error) => explain::runtime_error(&error),
				None => "the chain refused the call with an error this client cannot name".into(),
			}
		}
		other => format!("the chain refused the call ({other:?})"),
	})
}

/// The name of `call` as the runtime names it, `Pallet.call`, for messages.
/// The runtime error a module error's `index` (the pallet) and `error` bytes stand for.
fn module_error(index: u8, error: [u8; 4], metadata: &Metadata) -> Option<runtime::Error> {
	let bytes = [index, error[0], error[1], error[2], error[3]];
	runtime::Error::decode_as_type(
		&mut &bytes[..],
		metadata.outer_enums().error_enum_ty(),
		metadata.types(),
	)
	.ok()
}

#[cfg(test)]
mod tests {
	use super::*;
	use runtime::runtime_types::pallet_credentials::pallet::Call as CredentialsCall;

	#[test]
	fn a_call_is_named_as_the_runtime_names_it() {
		let call = runtime::Call::Credentials(CredentialsCall::accredit_issuer {
			issuer: AccountId32([1; 32]),
		});
		assert_eq!(explain::runtime_name(&call), "Credentials.accredit_issuer");
	}
}
