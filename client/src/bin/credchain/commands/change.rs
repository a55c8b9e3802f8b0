//! `credchain revoke`, `suspend` and `reinstate`: change a credential's status. A credential issued in
//! a Merkle batch (it has a proof file, given with `--proof` or found beside the document) is changed
//! as a leaf of its batch; any other is changed by its digest.

use std::path::PathBuf;

use clap::Args;
use credchain_client::{
	bytes32::to_hex,
	chain::FinalizedBlock,
	keys::{parse_account, SigningKey},
	reasons::{self, parse_revocation_reason, RevocationReason},
	AccountId32, CredChain, Error, Result,
};

use super::{
	target,
	target::{FoundProof, Target},
	Outcome,
};
use crate::{cli::KEY_HELP, progress};

/// The credential, its proof file if any, the signing key, and a connection to the chain.
struct Change {
	target: Target,
	proof: Option<FoundProof>,
	key: SigningKey,
	/// The withdrawn issuer whose record a successor changes; `None`: the signer's own issuer's.
	predecessor: Option<AccountId32>,
	chain: CredChain,
}

impl Change {
	/// Reads what `args` name and connects to the chain at `url`.
	async fn prepare(url: &str, args: &ChangeArgs) -> Result<Self> {
		let target = target::resolve_target(&args.target)?;
		let proof = target::find_proof(&target, args.proof.as_deref())?;
		if let Some(found) = &proof {
			if !found.matches(&target) {
				return Err(Error::input(found.mismatch(&target)));
			}
		}
		let key = SigningKey::from_argument(&args.issuer_key, "--issuer-key")?;
		let predecessor = args
			.predecessor
			.as_deref()
			.map(|account| {
				parse_account(account)
					.map_err(|error| Error::input(format!("--predecessor: {error}")))
			})
			.transpose()?;
		let chain = super::connect(url).await?;
		if let Some(found) = &proof {
			found.file.check_chain(&found.path, &chain.genesis_hash(), url)?;
		}
		Ok(Self { target, proof, key, predecessor, chain })
	}

	/// How the credential is named in the outcome.
	fn subject(&self) -> String {
		match &self.proof {
			Some(found) => format!(
				"{} (credential {} of {} in the batch {})",
				self.target.describe(),
				found.file.proof.leaf_index + 1,
				found.file.leaf_count,
				to_hex(&found.file.root)
			),
			None => self.target.describe(),
		}
	}
}

/// Waits for `change` with a spinner.
async fn waiting<F: std::future::Future<Output = Result<FinalizedBlock>>>(
	change: F,
) -> Result<FinalizedBlock> {
	let spinner = progress::spinner("waiting for the transaction to be finalized");
	let outcome = change.await;
	spinner.finish_and_clear();
	outcome
}

/// `credchain revoke`.
pub async fn revoke(url: &str, args: RevokeArgs) -> Result<Outcome> {
	let change = Change::prepare(url, &args.change).await?;
	let (chain, key, predecessor) = (&change.chain, &change.key, change.predecessor);
	let reason = args.reason;
	match (&change.proof, args.whole_batch) {
		(None, true) => Err(Error::input(
			"--whole-batch needs the proof file of a credential of the batch (--proof FILE, or a \
			 document with its proof file beside it)",
		)),
		(Some(found), true) => {
			let root = found.file.root;
			let block = waiting(chain.revoke_batch(key, root, reason, predecessor)).await?;
			println!(
				"Revoked all {} credentials of the batch {} ({}) in finalized block {block}.",
				found.file.leaf_count,
				to_hex(&root),
				reasons::name(&reason)
			);
			Ok(Outcome::Success)
		}
		(Some(found), false) => {
			let file = &found.file;
			let revoking = chain.revoke_batch_leaf(
				key,
				file.root,
				file.leaf,
				&file.proof,
				reason,
				predecessor,
			);
			let block = waiting(revoking).await?;
			println!(
				"Revoked {} ({}) in finalized block {block}.",
				change.subject(),
				reasons::name(&reason)
			);
			Ok(Outcome::Success)
		}
		(None, false) => {
			let digest = change.target.digest;
			let block = waiting(chain.revoke(key, digest, reason, predecessor)).await?;
			println!(
				"Revoked {} ({}) in finalized block {block}.",
				change.subject(),
				reasons::name(&reason)
			);
			Ok(Outcome::Success)
		}
	}
}

/// `credchain suspend`.
pub async fn suspend(url: &str, args: ChangeArgs) -> Result<Outcome> {
	let change = Change::prepare(url, &args).await?;
	let block = match &change.proof {
		Some(found) => {
			let file = &found.file;
			waiting(change.chain.suspend_batch_leaf(
				&change.key,
				file.root,
				file.leaf,
				&file.proof,
				change.predecessor,
			))
			.await?
		}
		None => {
			waiting(change.chain.suspend(&change.key, change.target.digest, change.predecessor))
				.await?
		}
	};
	println!("Suspended {} in finalized block {block}.", change.subject());
	Ok(Outcome::Success)
}

/// `credchain reinstate`.
pub async fn reinstate(url: &str, args: ChangeArgs) -> Result<Outcome> {
	let change = Change::prepare(url, &args).await?;
	let block = match &change.proof {
		Some(found) => {
			waiting(change.chain.reinstate_batch_leaf(
				&change.key,
				found.file.root,
				found.file.leaf,
				change.predecessor,
			))
			.await?
		}
		None => {
			waiting(change.chain.reinstate(&change.key, change.target.digest, change.predecessor))
				.await?
		}
	};
	println!("Reinstated {} in finalized block {block}.", change.subject());
	Ok(Outcome::Success)
}

/// `credchain revoke`.
#[derive(Debug, Args)]
pub struct RevokeArgs {
	/// What to change.
	#[command(flatten)]
	pub change: ChangeArgs,

	/// Why: issued-in-error, superseded, fraud-or-misconduct, holder-request or other.
	#[arg(long, value_name = "REASON", value_parser = parse_revocation_reason)]
	pub reason: RevocationReason,

	/// Revoke every credential of the Merkle batch the proof file belongs to, not just this one.
	#[arg(long)]
	pub whole_batch: bool,
}

/// The credential a status change is about, and who signs it.
#[derive(Debug, Args)]
pub struct ChangeArgs {
	/// The credential: its document, or its digest (64 hex digits, with or without 0x).
	#[arg(value_name = "FILE-OR-DIGEST")]
	pub target: String,

	/// The signing key of the issuer, one of its delegates, or its successor (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The signing key of the issuer, one of its delegates, or its successor: {KEY_HELP}."))]
	pub issuer_key: String,

	/// The credential's proof file, if it was issued in a Merkle batch. Default: <FILE>.proof.json
	/// beside the document, if there is one.
	#[arg(long, value_name = "FILE")]
	pub proof: Option<PathBuf>,

	/// As a successor: the withdrawn issuer (SS58 or hex account) whose record to change. Default:
	/// the record of the signer's own issuer.
	#[arg(long, value_name = "ACCOUNT")]
	pub predecessor: Option<String>,
}
