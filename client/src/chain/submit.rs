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

use super::{
	connect::{header_not_served, read_new_block},
	one_param, ChainConfig, CredChain, FinalizedBlock,
};
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

/// How many blocks after the finalized block it was signed at a transaction stays valid (about eight
/// minutes of two-second blocks): long enough for a busy pool, short enough that a transaction lost
/// on the way cannot surprise anyone later.
pub const MORTALITY_BLOCKS: u64 = 256;

/// How many nonces a transaction tries when another transaction of the same key takes its nonce first.
pub const MAX_NONCE_ATTEMPTS: u32 = 5;

/// How many times a transaction the node's pool dropped before including it is sent again.
pub const MAX_RESUBMISSIONS: u32 = 3;

impl CredChain {
	/// Signs `call` with `key`, submits it, and waits until it is finalized and known to have
	/// succeeded. A transaction the node's pool drops before including it (a full pool, an
	/// eviction) is reported through [`CredChain::set_notice_handler`] and sent again, up to
	/// [`MAX_RESUBMISSIONS`] times: the same signed bytes, so it can never take effect twice. A
	/// transaction that loses its nonce to another one of the same key — refused at submission, or
	/// declared invalid by the pool afterwards — is signed again with the next nonce, up to
	/// [`MAX_NONCE_ATTEMPTS`] nonces in all.
	pub(super) async fn submit<P: Payload>(&self, key: &SigningKey, call: &P) -> Result<Included> {
		let account = key.account();
		let at = self.at_finalized().await?;
		let transactions = at.tx();
		// Nonces are handed out one transaction at a time per connection, so that transactions sent
		// concurrently through it never share one; another program sending with the same key at the
		// same moment may still take the same nonce, and then the loser takes the next one.
		let mut attempt = 0;
		loop {
			let (signed, mut progress, nonce) = loop {
				attempt += 1;
				let mut nonces = self.next_nonces.lock().await;
				let remembered = nonces.get(&account.0).copied().unwrap_or(0);
				let nonce = self.next_index(&account).await?.max(remembered);
				let params = DefaultExtrinsicParamsBuilder::<ChainConfig>::new()
					.nonce(nonce)
					.mortal_from_unchecked(MORTALITY_BLOCKS, at.block_number(), at.block_hash())
					.build();
				let signed = transactions
					.create_signable_offline(call, params)
					.and_then(|mut signable| signable.sign(key.pair()))
					.map_err(|error| self.unbuildable(call, error))?;
				match signed.submit_and_watch().await {
					Ok(progress) => {
						nonces.insert(account.0, nonce + 1);
						break (signed, progress, nonce);
					}
					Err(error) if attempt < MAX_NONCE_ATTEMPTS && nonce_taken(&error) => {
						// Another transaction holds this nonce. The pool's next index may not count it
						// yet (the pool updates its view of the account after each block), so the next
						// attempt takes at least the nonce after this one.
						nonces.insert(account.0, nonce + 1);
						drop(nonces);
						// Two programs that collided retry at different moments, or they would collide
						// again on the next nonce, and the next.
						tokio::time::sleep(Duration::from_millis(
							50 * u64::from(attempt) + jitter_ms(),
						))
						.await;
					}
					Err(error) => {
						nonces.remove(&account.0);
						let error = submit_error(&account, error);
						return Err(match error {
							Error::Rejected(reason) if attempt > 1 => Error::Rejected(format!(
								"{reason} (tried {attempt} nonces, up to {nonce})"
							)),
							other => other,
						});
					}
				}
			};

			let finalized = tokio::time::timeout(FINALITY_TIMEOUT, async {
				let mut resubmissions = 0;
				let in_block = loop {
					match progress.wait_for_finalized().await {
						Ok(in_block) => break in_block,
						Err(TransactionProgressError::TransactionStatusError(
							TransactionStatusError::Dropped(message),
						)) if resubmissions < MAX_RESUBMISSIONS => {
							resubmissions += 1;
							self.notice(&format!(
							"the node dropped transaction {} ({}.{}, nonce {nonce}) from its pool before \
							 including it ({message}); sending it again ({resubmissions} of \
							 {MAX_RESUBMISSIONS})",
							to_hex(&signed.hash().0),
							call.pallet_name(),
							call.call_name(),
						));
							progress = signed
								.submit_and_watch()
								.await
								.map_err(|error| resubmit_error(&account, error))?;
						}
						Err(TransactionProgressError::TransactionStatusError(
							TransactionStatusError::Invalid(message),
						)) if resubmissions == 0
							&& attempt < MAX_NONCE_ATTEMPTS
							&& nonce_taken_message(&message) =>
						{
							// Only for a first submission: a resubmitted one may have lost its nonce to
							// its own earlier copy, which could still be included.
							return Ok(None);
						}
						Err(error) => return Err(self.progress_error(&account, error).await),
					}
				};
				let hash = in_block.block_hash().0;
				// The block is read first (the node may serve its header a moment after it reported
				// it), then the events in it.
				let at_block =
					read_new_block(header_not_served, || in_block.at()).await.map_err(|error| {
						Error::Uncertain(format!(
					"the transaction was finalized in block {}, but that block could not be read: \
					 {error}",
					to_hex(&hash)
				))
					})?;
				let events = read_new_block(block_not_served, || in_block.wait_for_success())
					.await
					.map_err(|error| events_error(hash, error))?;
				Ok::<_, Error>(Some(Included {
					block: FinalizedBlock { number: at_block.block_number(), hash },
					events,
					metadata: at_block.metadata(),
				}))
			})
			.await;
			match finalized {
				Ok(Ok(Some(included))) => return Ok(included),
				Ok(Ok(None)) => {
					// The pool accepted the transaction, then kept another one of this key with the same
					// nonce instead and declared this one invalid: it can never take effect, so it is
					// signed again with the next nonce.
					self.next_nonces.lock().await.insert(account.0, nonce + 1);
					tokio::time::sleep(Duration::from_millis(
						50 * u64::from(attempt) + jitter_ms(),
					))
					.await;
				}
				Ok(Err(error)) => return Err(error),
				Err(_) => {
					return Err(Error::Uncertain(format!(
					"the transaction was sent, but it was not finalized within {} minutes, so its \
					 outcome is unknown: check with `credchain verify` (or `credchain issuer show`) \
					 before sending it again",
					FINALITY_TIMEOUT.as_secs() / 60
				)))
				}
			}
		}
	}

	/// The error for a call this client cannot build for the node's runtime.
	pub(super) fn unbuildable<P: Payload>(&self, call: &P, error: ExtrinsicError) -> Error {
		Error::Incompatible(format!(
			"cannot build the call {}.{} for the chain at {}: {error}; the node's runtime may not match \
			 this version of credchain",
			call.pallet_name(),
			call.call_name(),
			self.url
		))
	}

	/// `account`'s next nonce as the node's transaction pool sees it (`system_accountNextIndex`): the
	/// finalized state's, moved past the account's transactions already in the pool, so that a second
	/// program sending with the same key at the same time takes the next nonce instead of competing
	/// for the same one.
	pub(super) async fn next_index(&self, account: &AccountId32) -> Result<u64> {
		self.rpc
			.request::<u64>("system_accountNextIndex", one_param(account.to_string())?)
			.await
			.map_err(|error| Error::unreachable(&self.url, error))
	}

	/// Forgets `account`'s remembered nonce, after a transaction that did not use it.
	async fn forget_nonce(&self, account: &AccountId32) {
		self.next_nonces.lock().await.remove(&account.0);
	}

	/// The error for a transaction that was taken but not finalized.
	async fn progress_error(
		&self,
		account: &AccountId32,
		error: TransactionProgressError,
	) -> Error {
		match error {
			TransactionProgressError::TransactionStatusError(TransactionStatusError::Invalid(
				message,
			)) => {
				self.forget_nonce(account).await;
				Error::Rejected(explain::invalid_transaction(&message, &account.to_string()))
			}
			TransactionProgressError::TransactionStatusError(TransactionStatusError::Dropped(
				message,
			)) => {
				self.forget_nonce(account).await;
				Error::Uncertain(format!(
					"the node dropped the transaction before it was finalized ({message}), {} times: \
					 it was most likely not included; check with `credchain verify` before sending it \
					 again",
					MAX_RESUBMISSIONS + 1
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

/// A random delay of 0 to 255 milliseconds (none if the system has no randomness to give).
fn jitter_ms() -> u64 {
	let mut byte = [0u8; 1];
	match getrandom::getrandom(&mut byte) {
		Ok(()) => u64::from(byte[0]),
		Err(_) => 0,
	}
}

/// Whether the node refused a transaction because another one of the same key took its nonce first
/// (the pool holds one with the same nonce, or the chain already counted it).
fn nonce_taken(error: &ExtrinsicError) -> bool {
	nonce_taken_message(&error.to_string())
}

/// Whether the node's `message` refusing a transaction says another one of the same key took its
/// nonce first.
fn nonce_taken_message(message: &str) -> bool {
	let message = message.to_lowercase();
	message.contains("priority of the transaction is too low")
		|| message.contains("transaction is outdated")
}

/// The error for a transaction the node would not take.
fn submit_error(account: &AccountId32, error: ExtrinsicError) -> Error {
	Error::Rejected(explain::invalid_transaction(&error.to_string(), &account.to_string()))
}

/// The error for a dropped transaction the node would not take back: its nonce was used meanwhile
/// (by this very transaction, included after all, or by another one of the same key).
fn resubmit_error(account: &AccountId32, error: ExtrinsicError) -> Error {
	Error::Uncertain(format!(
		"the node dropped the transaction, then would not take it back ({}): it may have been \
		 included after all; check with `credchain verify` before sending it again",
		explain::invalid_transaction(&error.to_string(), &account.to_string())
	))
}

/// Whether reading a transaction's events failed only because the node did not serve its block.
fn block_not_served(error: &TransactionEventsError) -> bool {
	match error {
		TransactionEventsError::CannotInstantiateClientAtBlock(error) => header_not_served(error),
		TransactionEventsError::BlockNotFound { .. } => true,
		_ => false,
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
