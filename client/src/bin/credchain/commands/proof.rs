//! `credchain proof FILE-OR-DIGEST`: asks the node for the verdict on a credential with its proof
//! (`credentials_proveVerdict`) and saves both as `<document>.credchain-proof.json`, which anyone
//! holding the chain spec checks with `credchain verify --offline`, trusting no server
//! (`docs/proofs.md`).

use std::path::PathBuf;

use clap::Args;
use credchain_client::{
	digest::document_statements_of_file,
	rpc::NodeRpc,
	trustless::{
		file::{ChainRef, VerdictProofFile},
		Question,
	},
	Error, Result,
};
use sp_core::H256;

use super::{target, verify::choose_issuer, Outcome};

/// Exports the proof of the verdict on the credential `args` names, from the node at `url`.
pub async fn run(url: &str, args: ProofArgs) -> Result<Outcome> {
	let target = target::resolve_target(&args.target)?;
	// A credential of a Merkle batch is proven as a leaf of its batch.
	let batch = match target::find_proof(&target, None)? {
		Some(found) if !found.matches(&target) => {
			return Err(Error::input(found.mismatch(&target)))
		}
		Some(found) => Some(found.file.batch_leaf()),
		None => None,
	};
	let named = match target.document.as_deref() {
		Some(document) => document_statements_of_file(document)?.and_then(|stated| stated.issuer),
		None => None,
	};
	let issuer = choose_issuer(named, args.issuer)?;
	let question = Question { digest: target.digest, issuer, holder: None, batch };
	let out = match (args.out, &target.document) {
		(Some(out), _) => out,
		(None, Some(document)) => VerdictProofFile::path_for(document),
		(None, None) => {
			return Err(Error::input("name the proof file with --out when giving a bare digest"))
		}
	};
	let rpc = NodeRpc::connect(url).await?;
	let chain =
		ChainRef { name: rpc.chain_name().await?, genesis_hash: H256(rpc.genesis_hash().await?) };
	let answer = rpc
		.prove_verdict(&target.digest, question.issuer.as_deref(), question.batch.as_ref())
		.await?;
	let (number, status) = (answer.block.number, format!("{:?}", answer.verdict.status));
	let file = VerdictProofFile::new(chain, &question, answer);
	let size = file.write(&out)?;
	println!(
		"Proof of the verdict \"{}\" at finalized block #{number} written to {} ({size} bytes).",
		status.to_lowercase(),
		out.display()
	);
	println!("Check it with: credchain verify {} --offline --chain-spec <chain spec>", args.target);
	Ok(Outcome::Success)
}

/// `credchain proof`.
#[derive(Debug, Args)]
pub struct ProofArgs {
	/// The credential: its document, or its digest (64 hex digits, with or without 0x).
	#[arg(value_name = "FILE-OR-DIGEST")]
	pub target: String,

	/// The issuer you expect, for a document that does not name its issuer (a PDF).
	#[arg(long, value_name = "URI")]
	pub issuer: Option<String>,

	/// Where to write the proof. Default: <FILE>.credchain-proof.json beside the document.
	#[arg(long, value_name = "FILE")]
	pub out: Option<PathBuf>,
}
