//! [`CredChain`]: a connection to a CredChain node that signs the credentials pallet's calls, submits
//! them, and waits until they are finalized — so that what it reports can no longer be reverted —
//! turning the chain's refusals into sentences (see [`crate::explain`]).
//!
//! Calls are built from the metadata the node serves (no generated code), with subxt's
//! `PolkadotConfig`: the runtime's address is `MultiAddress<AccountId32, ()>`, its signature an
//! sr25519 `MultiSignature`, and it has no fees, so no payment extension is involved.

mod governance;

use std::{collections::HashMap, fmt, sync::Mutex, time::Duration};

use subxt::{
	config::DefaultExtrinsicParamsBuilder,
	error::{
		DispatchError, ExtrinsicError, TransactionEventsError, TransactionProgressError,
		TransactionStatusError,
	},
	ext::{
		scale_decode::DecodeAsFields,
		scale_encode::EncodeAsFields,
		scale_value::{At, Value, ValueDef},
	},
	extrinsics::ExtrinsicEvents,
	rpcs::{client::RpcParams, RpcClient},
	utils::AccountId32,
	ArcMetadata, Metadata, OnlineClient, OnlineClientAtBlock, PolkadotConfig,
};

use crate::{
	bytes32::to_hex,
	calls::{self, GovernanceCall, CREDENTIALS, SUDO},
	explain,
	keys::SigningKey,
	merkle::LeafProof,
	terms::{CredentialTerms, IssuerProfile, RevocationReason, WithdrawalReason},
	Digest, Error, Result,
};

pub use governance::{Motion, Proposal, ProposalOutcome, VoteOutcome};

/// The subxt configuration that fits CredChain's runtime.
type ChainConfig = PolkadotConfig;

/// How long connecting to a node may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a transaction may take from submission to finality before its outcome is reported as
/// unknown.
pub const FINALITY_TIMEOUT: Duration = Duration::from_secs(300);

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

/// What issuing one or more credentials one by one (`issue`, `issue_batch`) did.
#[derive(Clone, Debug)]
pub struct IssueReceipt {
	/// The block the credentials were issued in.
	pub block: FinalizedBlock,
	/// The issuer the credentials belong to (the signer itself, or the issuer it is a delegate of).
	pub issuer: AccountId32,
	/// The account that signed.
	pub signer: AccountId32,
	/// The digests the chain reported as issued.
	pub issued: Vec<Digest>,
}

/// What anchoring a Merkle batch did.
#[derive(Clone, Debug)]
pub struct AnchorReceipt {
	/// The block the batch was anchored in.
	pub block: FinalizedBlock,
	/// The issuer the batch belongs to.
	pub issuer: AccountId32,
	/// The account that signed.
	pub signer: AccountId32,
	/// The anchored root.
	pub root: Digest,
	/// The number of credentials in the batch.
	pub leaf_count: u32,
}

/// What proposing a profile change did.
#[derive(Clone, Debug)]
pub struct ProfileProposalReceipt {
	/// The block the proposal was recorded in.
	pub block: FinalizedBlock,
	/// The issuer whose profile it is (its lasting account, which may differ from the key that
	/// signed once governance moved its key).
	pub issuer: AccountId32,
}

/// A transaction that was finalized and succeeded.
struct Included {
	block: FinalizedBlock,
	events: ExtrinsicEvents<ChainConfig>,
	metadata: ArcMetadata,
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

/// Checks that `url` can carry transactions: they need a WebSocket connection.
pub fn require_websocket(url: &str) -> Result<()> {
	if url.starts_with("ws://") || url.starts_with("wss://") {
		Ok(())
	} else if url.starts_with("http://") || url.starts_with("https://") {
		Err(Error::input(format!(
			"sending transactions needs a WebSocket connection to the node: use --url ws://… or \
			 wss://… (the same host and port) instead of {url}"
		)))
	} else {
		Err(Error::input(format!(
			"{url} is not a node URL: use ws://host:port or wss://host:port (default {})",
			crate::DEFAULT_URL
		)))
	}
}

impl CredChain {
	/// Connects to the node at `url` (`ws://` or `wss://`).
	pub async fn connect(url: &str) -> Result<Self> {
		require_websocket(url)?;
		let connecting = async {
			let rpc = RpcClient::from_insecure_url(url)
				.await
				.map_err(|error| Error::unreachable(url, error))?;
			let api = OnlineClient::<ChainConfig>::from_rpc_client(rpc.clone())
				.await
				.map_err(|error| Error::unreachable(url, error))?;
			Ok::<_, Error>((rpc, api))
		};
		let (rpc, api) =
			tokio::time::timeout(CONNECT_TIMEOUT, connecting).await.map_err(|_| {
				Error::unreachable(
					url,
					format!("it did not answer within {} seconds", CONNECT_TIMEOUT.as_secs()),
				)
			})??;
		Ok(Self { url: url.to_string(), rpc, api, next_nonces: Mutex::new(HashMap::new()) })
	}

	/// The node's URL.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// The chain's genesis hash: its lasting identity.
	pub fn genesis_hash(&self) -> Digest {
		self.api.genesis_hash().0
	}

	/// The chain's name (`system_chain`), e.g. "CredChain Development".
	pub async fn chain_name(&self) -> Result<String> {
		self.rpc
			.request::<String>("system_chain", RpcParams::new())
			.await
			.map_err(|error| Error::unreachable(&self.url, error))
	}

	/// The most credentials one `issue_batch` may carry (`Credentials::MaxBatchSize`).
	pub async fn max_batch_size(&self) -> Result<u32> {
		self.constant("MaxBatchSize").await
	}

	/// The longest issuer name, in bytes (`Credentials::MaxNameLength`).
	pub async fn max_name_length(&self) -> Result<u32> {
		self.constant("MaxNameLength").await
	}

	/// The longest issuer website or DID URI, in bytes (`Credentials::MaxUriLength`).
	pub async fn max_uri_length(&self) -> Result<u32> {
		self.constant("MaxUriLength").await
	}

	/// The most identifiers an issuer may register besides its website or DID URI
	/// (`Credentials::MaxIdentifiers`).
	pub async fn max_identifiers(&self) -> Result<u32> {
		self.constant("MaxIdentifiers").await
	}

	/// Issues one credential.
	pub async fn issue(
		&self,
		key: &SigningKey,
		digest: Digest,
		terms: &CredentialTerms,
	) -> Result<IssueReceipt> {
		terms.check()?;
		let args = calls::IssueArgs { digest, terms: terms.clone() };
		let included = self.submit(key, CREDENTIALS, "issue", args).await?;
		Ok(issue_receipt(included, key))
	}

	/// Issues several credentials sharing `terms` in one transaction, each its own record. All or
	/// nothing: if one digest was issued before, none is issued. At most
	/// [`max_batch_size`](Self::max_batch_size) digests.
	pub async fn issue_batch(
		&self,
		key: &SigningKey,
		digests: &[Digest],
		terms: &CredentialTerms,
	) -> Result<IssueReceipt> {
		terms.check()?;
		let limit = self.max_batch_size().await?;
		if digests.is_empty() || digests.len() > limit as usize {
			return Err(Error::input(format!(
				"one transaction issues between 1 and {limit} credentials, not {}",
				digests.len()
			)));
		}
		let credentials = digests
			.iter()
			.map(|digest| calls::CredentialInput { digest: *digest, terms: terms.clone() })
			.collect();
		let included = self
			.submit(key, CREDENTIALS, "issue_batch", calls::IssueBatchArgs { credentials })
			.await?;
		Ok(issue_receipt(included, key))
	}

	/// Anchors the Merkle root of a batch of `leaf_count` credentials sharing `terms`.
	pub async fn anchor_batch(
		&self,
		key: &SigningKey,
		root: Digest,
		leaf_count: u32,
		terms: &CredentialTerms,
	) -> Result<AnchorReceipt> {
		terms.check()?;
		let args = calls::AnchorBatchArgs { root, leaf_count, terms: terms.clone() };
		let included = self.submit(key, CREDENTIALS, "anchor_batch", args).await?;
		let anchored: Option<calls::BatchAnchored> =
			decode_events(&included.events, CREDENTIALS, "BatchAnchored").into_iter().next();
		Ok(match anchored {
			Some(event) => AnchorReceipt {
				block: included.block,
				issuer: event.issuer,
				signer: event.signer,
				root: event.root,
				leaf_count: event.leaf_count,
			},
			None => AnchorReceipt {
				block: included.block,
				issuer: key.account(),
				signer: key.account(),
				root,
				leaf_count,
			},
		})
	}

	/// Revokes a credential for good: the record of the key's issuer, or, with `predecessor`, that
	/// of a withdrawn issuer whose successor the key acts for (so for every status change below).
	pub async fn revoke(
		&self,
		key: &SigningKey,
		digest: Digest,
		reason: RevocationReason,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let args = calls::RevokeArgs { digest, reason, predecessor };
		let included = self.submit(key, CREDENTIALS, "revoke", args).await?;
		Ok(included.block)
	}

	/// Suspends a credential until it is reinstated.
	pub async fn suspend(
		&self,
		key: &SigningKey,
		digest: Digest,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let args = calls::DigestArgs { digest, predecessor };
		let included = self.submit(key, CREDENTIALS, "suspend", args).await?;
		Ok(included.block)
	}

	/// Lifts a credential's suspension.
	pub async fn reinstate(
		&self,
		key: &SigningKey,
		digest: Digest,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let args = calls::DigestArgs { digest, predecessor };
		let included = self.submit(key, CREDENTIALS, "reinstate", args).await?;
		Ok(included.block)
	}

	/// Revokes every credential of the Merkle batch `root` for good.
	pub async fn revoke_batch(
		&self,
		key: &SigningKey,
		root: Digest,
		reason: RevocationReason,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let args = calls::RevokeBatchArgs { root, reason, predecessor };
		let included = self.submit(key, CREDENTIALS, "revoke_batch", args).await?;
		Ok(included.block)
	}

	/// Revokes one credential of the Merkle batch `root`, shown by `proof` to be its leaf `leaf`.
	pub async fn revoke_batch_leaf(
		&self,
		key: &SigningKey,
		root: Digest,
		leaf: Digest,
		proof: &LeafProof,
		reason: RevocationReason,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let args = calls::RevokeBatchLeafArgs {
			root,
			leaf,
			leaf_index: proof.leaf_index,
			proof: proof.siblings.clone(),
			reason,
			predecessor,
		};
		let included = self.submit(key, CREDENTIALS, "revoke_batch_leaf", args).await?;
		Ok(included.block)
	}

	/// Suspends one credential of the Merkle batch `root`, shown by `proof` to be its leaf `leaf`.
	pub async fn suspend_batch_leaf(
		&self,
		key: &SigningKey,
		root: Digest,
		leaf: Digest,
		proof: &LeafProof,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let args = calls::SuspendBatchLeafArgs {
			root,
			leaf,
			leaf_index: proof.leaf_index,
			proof: proof.siblings.clone(),
			predecessor,
		};
		let included = self.submit(key, CREDENTIALS, "suspend_batch_leaf", args).await?;
		Ok(included.block)
	}

	/// Lifts the suspension of the credential `leaf` of the Merkle batch `root`.
	pub async fn reinstate_batch_leaf(
		&self,
		key: &SigningKey,
		root: Digest,
		leaf: Digest,
		predecessor: Option<AccountId32>,
	) -> Result<FinalizedBlock> {
		let args = calls::ReinstateBatchLeafArgs { root, leaf, predecessor };
		let included = self.submit(key, CREDENTIALS, "reinstate_batch_leaf", args).await?;
		Ok(included.block)
	}

	/// Applies to become an issuer with `profile`; the key's account becomes the issuer's identity.
	pub async fn register_issuer(
		&self,
		key: &SigningKey,
		profile: &IssuerProfile,
	) -> Result<FinalizedBlock> {
		let args = calls::ProfileArgs { profile: self.checked_profile(profile).await? };
		let included = self.submit(key, CREDENTIALS, "register_issuer", args).await?;
		Ok(included.block)
	}

	/// Proposes `profile` as the key's issuer profile; it applies once governance approves it
	/// ([`Self::approve_profile_change`], or a council motion).
	pub async fn propose_profile_change(
		&self,
		key: &SigningKey,
		profile: &IssuerProfile,
	) -> Result<ProfileProposalReceipt> {
		let args = calls::ProfileArgs { profile: self.checked_profile(profile).await? };
		let included = self.submit(key, CREDENTIALS, "propose_profile_change", args).await?;
		let proposed: Option<calls::ProfileChangeProposed> =
			decode_events(&included.events, CREDENTIALS, "ProfileChangeProposed")
				.into_iter()
				.next();
		Ok(ProfileProposalReceipt {
			block: included.block,
			issuer: proposed.map_or_else(|| key.account(), |event| event.issuer),
		})
	}

	/// Invites `delegate` to become a key that may issue and change statuses for the key's issuer;
	/// it becomes one once it accepts ([`Self::accept_delegation`]).
	pub async fn add_delegate(
		&self,
		key: &SigningKey,
		delegate: &AccountId32,
	) -> Result<FinalizedBlock> {
		let args = calls::DelegateArgs { delegate: *delegate };
		let included = self.submit(key, CREDENTIALS, "add_delegate", args).await?;
		Ok(included.block)
	}

	/// The invited `key` accepts `issuer`'s invitation and becomes its delegate.
	pub async fn accept_delegation(
		&self,
		key: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		let args = calls::IssuerArgs { issuer: *issuer };
		Ok(self.submit(key, CREDENTIALS, "accept_delegation", args).await?.block)
	}

	/// The delegate `key` stops acting for `issuer` (or declines its invitation).
	pub async fn resign_delegation(
		&self,
		key: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		let args = calls::IssuerArgs { issuer: *issuer };
		Ok(self.submit(key, CREDENTIALS, "resign_delegation", args).await?.block)
	}

	/// Removes one of the key's issuer's delegate keys, or cancels its invitation.
	pub async fn remove_delegate(
		&self,
		key: &SigningKey,
		delegate: &AccountId32,
	) -> Result<FinalizedBlock> {
		let args = calls::DelegateArgs { delegate: *delegate };
		let included = self.submit(key, CREDENTIALS, "remove_delegate", args).await?;
		Ok(included.block)
	}

	/// Accredits the applicant `issuer` (governance, through sudo).
	pub async fn accredit_issuer(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		self.governance(sudo, GovernanceCall::accredit_issuer { issuer: *issuer }).await
	}

	/// Suspends the accreditation of `issuer` (governance, through sudo).
	pub async fn suspend_issuer(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		self.governance(sudo, GovernanceCall::suspend_issuer { issuer: *issuer }).await
	}

	/// Reinstates the suspended `issuer` (governance, through sudo).
	pub async fn reinstate_issuer(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		self.governance(sudo, GovernanceCall::reinstate_issuer { issuer: *issuer }).await
	}

	/// Withdraws the accreditation of `issuer` for good (governance, through sudo). What it issued
	/// stays verifiable.
	pub async fn withdraw_accreditation(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
		reason: WithdrawalReason,
		distrusted_from: Option<u32>,
	) -> Result<FinalizedBlock> {
		let call =
			GovernanceCall::withdraw_accreditation { issuer: *issuer, reason, distrusted_from };
		self.governance(sudo, call).await
	}

	/// Applies the profile change `issuer` proposed (governance, through sudo): the pending
	/// proposal, read from the chain, exactly.
	pub async fn approve_profile_change(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		let profile = self.pending_profile_change(issuer).await?;
		self.governance(sudo, GovernanceCall::approve_profile_change { issuer: *issuer, profile })
			.await
	}

	/// Moves the signing key of `issuer` to `new_key` (governance, through sudo).
	pub async fn move_issuer_key(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
		new_key: &AccountId32,
	) -> Result<FinalizedBlock> {
		let call = GovernanceCall::move_issuer_key { issuer: *issuer, new_key: *new_key };
		self.governance(sudo, call).await
	}

	/// Rejects the application of `issuer` (governance, through sudo).
	pub async fn reject_application(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
	) -> Result<FinalizedBlock> {
		self.governance(sudo, GovernanceCall::reject_application { issuer: *issuer }).await
	}

	/// Names `successor` to take care of the credentials of the withdrawn `issuer` (governance,
	/// through sudo).
	pub async fn name_successor(
		&self,
		sudo: &SigningKey,
		issuer: &AccountId32,
		successor: &AccountId32,
	) -> Result<FinalizedBlock> {
		self.governance(
			sudo,
			GovernanceCall::name_successor { issuer: *issuer, successor: *successor },
		)
		.await
	}

	/// Dispatches a governance call as Root through sudo, and checks that the call itself succeeded
	/// (sudo's own transaction succeeds either way).
	async fn governance(&self, sudo: &SigningKey, call: GovernanceCall) -> Result<FinalizedBlock> {
		let name = call.name();
		let args = calls::SudoArgs { call: calls::RuntimeCall::Credentials(call) };
		let included = self.submit(sudo, SUDO, "sudo", args).await?;
		let mut outcomes = included
			.events
			.iter()
			.filter_map(|event| event.ok())
			.filter(|event| event.pallet_name() == SUDO && event.event_name() == "Sudid")
			.map(|event| event.decode_fields_unchecked_as::<calls::Sudid>());
		match outcomes.next() {
			Some(Ok(sudid)) => match dispatch_failure(&sudid.sudo_result, &included.metadata) {
				None => Ok(included.block),
				Some(reason) => Err(Error::Rejected(format!(
					"the governance call Credentials.{name} failed in block {}: {reason}",
					included.block
				))),
			},
			_ => Err(Error::Uncertain(format!(
				"the governance call Credentials.{name} was included in block {}, but its result could \
				 not be read; check the issuer with `credchain issuer show`",
				included.block
			))),
		}
	}

	/// `profile` as the chain takes it, after checking its lengths against the chain's limits.
	async fn checked_profile(&self, profile: &IssuerProfile) -> Result<calls::Profile> {
		let max_name = self.max_name_length().await?;
		let max_uri = self.max_uri_length().await?;
		if profile.name.len() > max_name as usize {
			return Err(Error::input(format!(
				"the name is {} bytes long; this chain allows at most {max_name}",
				profile.name.len()
			)));
		}
		if profile.uri.len() > max_uri as usize {
			return Err(Error::input(format!(
				"the URI is {} bytes long; this chain allows at most {max_uri}",
				profile.uri.len()
			)));
		}
		let max_identifiers = self.max_identifiers().await?;
		if profile.identifiers.len() > max_identifiers as usize {
			return Err(Error::input(format!(
				"the profile has {} identifiers besides its URI; this chain allows at most \
				 {max_identifiers}",
				profile.identifiers.len()
			)));
		}
		if let Some(long) = profile.identifiers.iter().find(|id| id.len() > max_uri as usize) {
			return Err(Error::input(format!(
				"the identifier {} is {} bytes long; this chain allows at most {max_uri}",
				crate::bytes32::quote(long),
				long.len()
			)));
		}
		Ok(calls::Profile {
			name: profile.name.as_bytes().to_vec(),
			uri: profile.uri.as_bytes().to_vec(),
			country: profile.country,
			identifiers: profile.identifiers.iter().map(|id| id.as_bytes().to_vec()).collect(),
		})
	}

	/// The profile change `issuer` proposed and governance has not approved yet, read at the latest
	/// finalized block from `Credentials.ProfileProposals`.
	pub(crate) async fn pending_profile_change(
		&self,
		issuer: &AccountId32,
	) -> Result<calls::Profile> {
		let mut key = sp_crypto_hashing::twox_128(CREDENTIALS.as_bytes()).to_vec();
		key.extend(sp_crypto_hashing::twox_128(b"ProfileProposals"));
		key.extend(sp_crypto_hashing::blake2_128(&issuer.0));
		key.extend(issuer.0);
		let at = self.at_finalized().await?;
		let bytes = match at.storage().fetch_raw(key).await {
			Ok(bytes) => bytes,
			Err(subxt::error::StorageError::NoValueFound) => {
				return Err(Error::input(format!(
					"{issuer} has no pending profile change: the issuer proposes one first \
					 (`credchain issuer update`)"
				)))
			}
			Err(error) => return Err(Error::unreachable(&self.url, error)),
		};
		<calls::Profile as codec::Decode>::decode(&mut &bytes[..]).map_err(|error| {
			Error::Uncertain(format!("the pending profile of {issuer} does not decode: {error}"))
		})
	}

	/// The client at the latest finalized block.
	async fn at_finalized(&self) -> Result<OnlineClientAtBlock<ChainConfig>> {
		self.api.at_current_block().await.map_err(|error| Error::unreachable(&self.url, error))
	}

	/// The credentials pallet's `u32` constant `name`.
	async fn constant(&self, name: &str) -> Result<u32> {
		let at = self.at_finalized().await?;
		let value = at
			.constants()
			.entry(subxt::dynamic::constant::<u32>(CREDENTIALS, name))
			.map_err(|error| {
				Error::Incompatible(format!(
					"the chain at {} has no constant {CREDENTIALS}.{name} ({error}): is it a CredChain \
					 node?",
					self.url
				))
			})?;
		Ok(value)
	}

	/// Signs `pallet::call(args)` with `key`, submits it, and waits until it is finalized and known
	/// to have succeeded.
	async fn submit<A: EncodeAsFields>(
		&self,
		key: &SigningKey,
		pallet: &str,
		call: &str,
		args: A,
	) -> Result<Included> {
		let payload = subxt::dynamic::tx(pallet, call, args);
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
			transactions.create_signed(&payload, key.pair(), params).await.map_err(|error| {
				Error::Incompatible(format!(
				"cannot build the call {pallet}.{call} for the chain at {}: {error}; the node's runtime \
				 may not match this version of credchain",
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
		DispatchError::Module(module) => match module.details() {
			Ok(details) => explain::pallet_error(details.pallet.name(), &details.variant.name),
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
fn dispatch_failure(result: &Value<()>, metadata: &Metadata) -> Option<String> {
	let ValueDef::Variant(outcome) = &result.value else {
		return None;
	};
	if outcome.name != "Err" {
		return None;
	}
	let Some(error) = result.at(0usize) else {
		return Some("the chain refused the call".into());
	};
	let ValueDef::Variant(kind) = &error.value else {
		return Some("the chain refused the call".into());
	};
	if kind.name == "BadOrigin" {
		return Some(
			"the call needs the governance origin (a council majority, or the sudo key of a \
			 development chain), which it was not given"
				.into(),
		);
	}
	if kind.name != "Module" {
		return Some(format!("the chain refused the call ({})", kind.name));
	}
	let module = error.at(0usize);
	let pallet_index =
		module.at("index").and_then(|value| value.as_u128()).and_then(|i| u8::try_from(i).ok());
	let error_index = module
		.at("error")
		.at(0usize)
		.and_then(|value| value.as_u128())
		.and_then(|i| u8::try_from(i).ok());
	let named = pallet_index.zip(error_index).and_then(|(pallet_index, error_index)| {
		let pallet = metadata.pallet_by_error_index(pallet_index)?;
		let variant = pallet.error_variant_by_index(error_index)?;
		Some(explain::pallet_error(pallet.name(), &variant.name))
	});
	Some(named.unwrap_or_else(|| {
		"the chain refused the call with an error this client cannot name".into()
	}))
}

/// The events `pallet::name` of a transaction, decoded as `E`; events that do not decode are left out.
fn decode_events<E: DecodeAsFields>(
	events: &ExtrinsicEvents<ChainConfig>,
	pallet: &str,
	name: &str,
) -> Vec<E> {
	events
		.iter()
		.filter_map(|event| event.ok())
		.filter(|event| event.pallet_name() == pallet && event.event_name() == name)
		.filter_map(|event| event.decode_fields_unchecked_as::<E>().ok())
		.collect()
}

/// The receipt of an `issue` or `issue_batch` signed with `key`.
fn issue_receipt(included: Included, key: &SigningKey) -> IssueReceipt {
	let issued: Vec<calls::CredentialIssued> =
		decode_events(&included.events, CREDENTIALS, "CredentialIssued");
	let (issuer, signer) = issued
		.first()
		.map(|event| (event.issuer, event.signer))
		.unwrap_or_else(|| (key.account(), key.account()));
	IssueReceipt {
		block: included.block,
		issuer,
		signer,
		issued: issued.into_iter().map(|event| event.digest).collect(),
	}
}
