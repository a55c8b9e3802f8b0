//! `credchain verify FILE-OR-DIGEST`: asks the node for its verdict on a credential, read at the
//! latest finalized block — with `credentials_verifyInBatch` when the credential has a proof file,
//! `credentials_verify` otherwise — and prints it in words (or as the node's JSON with `--json`).
//! Exit code 0 only when the credential is valid.

use credchain_client::{rpc::NodeRpc, Result};

use super::{common, Outcome};
use crate::cli::VerifyArgs;

/// Verifies the credential `args` names with the node at `url`.
pub async fn run(url: &str, args: VerifyArgs) -> Result<Outcome> {
	let target = common::resolve_target(&args.target)?;
	let proof = common::find_proof(&target, args.proof.as_deref())?;
	let rpc = NodeRpc::connect(url).await?;

	let answer = match &proof {
		Some(found) => {
			let genesis_hash = rpc.genesis_hash().await?;
			found.file.check_chain(&found.path, &genesis_hash, url)?;
			// The document's own digest is the leaf asked about: an altered document does not verify
			// even with its original proof file.
			rpc.verify_in_batch(&found.file.root, &target.digest, &found.file.proof).await?
		}
		None => rpc.verify(&target.digest).await?,
	};
	let mismatch =
		proof.as_ref().filter(|found| !found.matches(&target)).map(|found| found.mismatch(&target));

	if args.json {
		let json =
			serde_json::to_string_pretty(&answer.json).unwrap_or_else(|_| answer.json.to_string());
		println!("{json}");
		if let Some(note) = mismatch {
			eprintln!("note: {note}");
		}
	} else {
		let subject = target.document.as_ref().map(|document| document.display().to_string());
		print!("{}", answer.verdict.render(subject.as_deref()));
		if let Some(note) = mismatch {
			println!("Note: {note}.");
		}
		if let Some(found) = &proof {
			println!("Proof file: {}", found.path.display());
		}
	}
	Ok(if answer.verdict.is_valid() { Outcome::Success } else { Outcome::NotValid })
}
