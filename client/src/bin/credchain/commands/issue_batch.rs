//! `credchain issue-batch DIR-OR-FILE...`: hashes the documents, builds their Merkle tree, anchors its
//! root with one `anchor_batch`, and writes `<document>.proof.json` beside each document.
//!
//! The proof files are written (as pending files) before the root is anchored, so that a folder the
//! client cannot write to fails the command before anything goes on chain; they are put in place once
//! the batch is anchored, and removed if the chain refuses it.

use std::path::PathBuf;

use clap::Args;
use credchain_client::{
	bytes32::to_hex,
	keys::SigningKey,
	merkle::MerkleBatch,
	proof_file::{self, ChainRef, ProofFile},
	Digest, Error, Result,
};

use super::{documents, terms_input, terms_input::TermsArgs, Outcome};
use crate::{cli::KEY_HELP, progress};

/// Anchors the documents of `args` as one Merkle batch on the chain at `url`.
pub async fn run(url: &str, args: IssueBatchArgs) -> Result<Outcome> {
	terms_input::check_achievement_arg(&args.terms)?;
	terms_input::terms_from(&args.terms, None, None)?;
	let documents = documents::collect_documents(&args.paths)?;
	if documents.is_empty() {
		return Err(Error::input("no documents found: give files, or folders that contain some"));
	}
	if !args.overwrite {
		refuse_existing_proofs(&documents)?;
	}
	let digests = documents::digest_all(&documents)?;
	documents::ensure_distinct(&documents, &digests)?;
	let batch = MerkleBatch::build(&digests)?;
	let key = SigningKey::from_argument(&args.issuer_key, "--issuer-key")?;

	let chain = super::connect(url).await?;
	let chain_ref =
		ChainRef { genesis_hash: chain.genesis_hash(), name: chain.chain_name().await.ok() };
	let paths: Vec<&std::path::Path> = documents.iter().map(PathBuf::as_path).collect();
	let achievement = terms_input::achievement_of(&chain, &key, &args.terms, &paths).await?;
	let terms = terms_input::terms_from(&args.terms, None, achievement)?;

	write_pending_proofs(&documents, &digests, &batch, &chain_ref)?;
	let waiting = progress::spinner("waiting for the batch to be finalized");
	let anchored = chain.anchor_batch(&key, batch.root(), batch.leaf_count(), &terms).await;
	waiting.finish_and_clear();
	let receipt = match anchored {
		Ok(receipt) => receipt,
		Err(Error::Uncertain(message)) => {
			commit_proofs(&documents)?;
			return Err(Error::Uncertain(format!(
				"{message}. The proof files were written beside the documents anyway: they are valid if \
				 the batch was anchored (check one with `credchain verify`)"
			)));
		}
		Err(error) => {
			discard_proofs(&documents);
			return Err(error);
		}
	};
	commit_proofs(&documents)?;

	for (document, digest) in documents.iter().zip(&digests) {
		println!("{}  {}", to_hex(digest), document.display());
	}
	let signer = if receipt.signer == receipt.issuer {
		String::new()
	} else {
		format!(" (signed by the delegate {})", receipt.signer)
	};
	println!(
		"Anchored a batch of {} credentials with Merkle root {} for the issuer {}{signer} in finalized \
		 block {}.",
		receipt.leaf_count,
		to_hex(&receipt.root),
		receipt.issuer,
		receipt.block
	);
	println!(
		"Wrote {} proof files (<document>{}) beside the documents: give each holder their document \
		 with its proof file.",
		documents.len(),
		proof_file::SUFFIX
	);
	Ok(Outcome::Success)
}

/// Refuses to replace proof files of an earlier batch unless told to.
fn refuse_existing_proofs(documents: &[PathBuf]) -> Result<()> {
	let existing: Vec<PathBuf> = documents
		.iter()
		.map(|document| proof_file::path_for(document))
		.filter(|proof| proof.exists())
		.collect();
	match existing.first() {
		None => Ok(()),
		Some(first) => Err(Error::input(format!(
			"{} proof file(s) already exist, such as {}: these documents were probably anchored in an \
			 earlier batch. Move the proof files away, or pass --overwrite to replace them",
			existing.len(),
			first.display()
		))),
	}
}

/// Writes every document's proof file as a pending file; on failure removes those written.
fn write_pending_proofs(
	documents: &[PathBuf],
	digests: &[Digest],
	batch: &MerkleBatch,
	chain: &ChainRef,
) -> Result<()> {
	let bar = progress::bar(documents.len(), "proofs", documents.len() >= progress::MANY);
	for (index, (document, digest)) in documents.iter().zip(digests).enumerate() {
		let written = u32::try_from(index)
			.ok()
			.and_then(|leaf_index| batch.proof(leaf_index))
			.ok_or_else(|| {
				Error::input(format!("{} is beyond the batch's capacity", document.display()))
			})
			.and_then(|proof| {
				ProofFile::new(chain.clone(), batch.root(), batch.leaf_count(), *digest, proof)
					.write_pending(&proof_file::path_for(document))
			});
		if let Err(error) = written {
			bar.abandon();
			discard_proofs(&documents[..index]);
			return Err(error);
		}
		bar.inc(1);
	}
	bar.finish_and_clear();
	Ok(())
}

/// Puts every pending proof file in place.
fn commit_proofs(documents: &[PathBuf]) -> Result<()> {
	for document in documents {
		proof_file::commit_pending(&proof_file::path_for(document))?;
	}
	Ok(())
}

/// Removes every pending proof file.
fn discard_proofs(documents: &[PathBuf]) {
	for document in documents {
		proof_file::discard_pending(&proof_file::path_for(document));
	}
}

/// `credchain issue-batch`.
#[derive(Debug, Args)]
pub struct IssueBatchArgs {
	/// The documents: files, or folders whose files (not sub-folders, hidden files or proof files)
	/// are all taken, in name order.
	#[arg(value_name = "DIR-OR-FILE", required = true)]
	pub paths: Vec<PathBuf>,

	/// The signing key of the issuer or of one of its delegates (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The signing key of the issuer or of one of its delegates: {KEY_HELP}."))]
	pub issuer_key: String,

	/// What the issuer states with every credential of the batch (a holder commitment belongs in
	/// each document instead).
	#[command(flatten)]
	pub terms: TermsArgs,

	/// Replace proof files left by an earlier batch.
	#[arg(long)]
	pub overwrite: bool,
}
