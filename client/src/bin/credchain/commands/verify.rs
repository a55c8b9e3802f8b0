//! `credchain verify FILE-OR-DIGEST`: asks the node for its verdict on a credential, read at the
//! latest finalized block — with `credentials_verifyInBatch` when the credential has a proof file,
//! `credentials_verify` otherwise — and prints it in words (or as JSON, in the node's shape, with `--json`).
//! A JSON credential's own `issuer` (or `issuer.id`) is passed along, so that the node answers
//! `issuerMismatch` for a document that does not come from the issuer it names; `--issuer` names the
//! expected issuer of a document that names none. `--holder IDENTITY --salt SALT` checks that the
//! record commits to that holder. Exit code 0 only when the credential is valid (and, with
//! `--holder`, is that holder's).
//!
//! With `--offline --chain-spec SPEC`, no node is asked: the verdict is computed from the proof file
//! `credchain proof` wrote (`--proof`, default `<document>.credchain-proof.json`), checked against
//! the chain spec alone. With `--light --chain-spec SPEC`, the node is asked for a fresh proof,
//! checked the same way: the node may refuse to answer, but cannot lie (`docs/proofs.md`).

use std::{
	path::PathBuf,
	time::{Duration, SystemTime, UNIX_EPOCH},
};

use clap::Args;
use credchain_client::{
	digest::{
		document_statements_of_file,
		holder::{holder_commitment, parse_identity_hash},
	},
	rpc::NodeRpc,
	trustless::{self, file::VerdictProofFile, ProvenVerdict, Question, TrustAnchor},
	verdict, Digest, Error, Result,
};
use pallet_credentials_rpc::answers::Verdict;

use super::{print_json, target, Outcome};

/// Verifies the credential `args` names with the node at `url`.
pub async fn run(url: &str, args: VerifyArgs) -> Result<Outcome> {
	let target = target::resolve_target(&args.target)?;
	let statements = match target.document.as_deref() {
		Some(document) => document_statements_of_file(document)?,
		None => None,
	};
	let stated_holder = statements
		.as_ref()
		.and_then(|statements| statements.holder_identity_hash.as_deref())
		.and_then(parse_identity_hash);
	let issuer = choose_issuer(statements.and_then(|statements| statements.issuer), args.issuer)?;
	// Only the commitment goes to the node: the identity stays with the verifier.
	let shown_holder = match (&args.holder, &args.salt) {
		(Some(identity), Some(salt)) => Some(holder_commitment(identity, salt)),
		_ => None,
	};
	let mut question = Question {
		digest: target.digest,
		issuer: issuer.clone(),
		holder: shown_holder,
		batch: None,
	};

	let mut proof = None;
	let mut proven = None;
	let answer = match (&args.chain_spec, args.offline, args.light) {
		(Some(spec), true, _) => {
			let path = match (&args.proof, &target.document) {
				(Some(path), _) => path.clone(),
				(None, Some(document)) => VerdictProofFile::path_for(document),
				(None, None) => {
					return Err(Error::input("name the proof file with --proof for a bare digest"))
				}
			};
			let file = VerdictProofFile::read(&path)?;
			// A batch leaf's place in its batch comes with its proof; the chain checks it.
			question.batch = file.batch.clone();
			let anchor = TrustAnchor::from_chain_spec(spec)?;
			let found = trustless::check(&file, &anchor, &question)?;
			proven = Some((found.clone(), path.display().to_string()));
			found.verdict
		}
		(Some(spec), false, true) => {
			proof = target::find_proof(&target, args.proof.as_deref())?;
			question.batch = proof.as_ref().map(|found| found.file.batch_leaf());
			let anchor = TrustAnchor::from_chain_spec(spec)?;
			let rpc = NodeRpc::connect(url).await?;
			let answer = rpc
				.prove_verdict(&target.digest, issuer.as_deref(), question.batch.as_ref())
				.await?;
			let chain = trustless::file::ChainRef {
				name: anchor.chain_name.clone(),
				genesis_hash: anchor.genesis_hash,
			};
			let file = VerdictProofFile::new(chain, &question, answer);
			let found = trustless::check(&file, &anchor, &question)?;
			found.ensure_fresh(Duration::from_secs(args.max_age), now_millis())?;
			proven = Some((found.clone(), format!("a fresh proof from {url}")));
			found.verdict
		}
		(Some(_), false, false) => {
			return Err(Error::input("--chain-spec goes with --offline or --light"))
		}
		(None, _, _) => {
			proof = target::find_proof(&target, args.proof.as_deref())?;
			ask_node(url, &target, &question, proof.as_ref()).await?
		}
	};
	let mismatch =
		proof.as_ref().filter(|found| !found.matches(&target)).map(|found| found.mismatch(&target));
	let recorded_holder = answer.holder_commitment.map(|commitment| commitment.0);
	let holder = match (&args.holder, &args.salt) {
		(Some(identity), Some(salt)) => {
			Some(check_holder(recorded_holder, stated_holder, identity, salt))
		}
		_ => None,
	};
	let holder_note = compare_holders(recorded_holder, stated_holder);

	if args.json {
		print_json(&answer)?;
		if let Some(note) = mismatch {
			eprintln!("note: {note}");
		}
		if let Some(note) = holder_note {
			eprintln!("note: {note}");
		}
		if let Some(check) = &holder {
			eprintln!("holder: {}", check.text);
		}
		if let Some((found, source)) = &proven {
			eprint!("{}", render_provenance(found, source));
		}
	} else {
		let subject = target.document.as_ref().map(|document| document.display().to_string());
		print!("{}", verdict::render(&answer, subject.as_deref()));
		if let Some(note) = mismatch {
			println!("Note: {note}.");
		}
		if let Some(found) = &proof {
			println!("Proof file: {}", found.path.display());
		}
		if let Some((found, source)) = &proven {
			print!("{}", render_provenance(found, source));
		}
		if let Some(note) = holder_note {
			println!("Note: {note}.");
		}
		if let Some(check) = &holder {
			println!("Holder check: {}", check.text);
		}
	}
	let holder_confirmed = holder.is_none_or(|check| check.matches);
	Ok(if answer.is_valid() && holder_confirmed { Outcome::Success } else { Outcome::NotValid })
}

/// The node's verdict on `target` (in its Merkle batch, if `proof` shows it belongs to one).
async fn ask_node(
	url: &str,
	target: &target::Target,
	question: &Question,
	proof: Option<&target::FoundProof>,
) -> Result<Verdict> {
	let rpc = NodeRpc::connect(url).await?;
	match proof {
		Some(found) => {
			let genesis_hash = rpc.genesis_hash().await?;
			found.file.check_chain(&found.path, &genesis_hash, url)?;
			// The document's own digest is the leaf asked about: an altered document does not verify
			// even with its original proof file.
			let proof = &found.file.proof;
			let issuer = question.issuer.as_deref();
			rpc.verify_in_batch(&found.file.root, &target.digest, proof, issuer).await
		}
		None => {
			rpc.verify(&target.digest, question.issuer.as_deref(), question.holder.as_ref()).await
		}
	}
}

/// Now, in milliseconds since the Unix epoch.
fn now_millis() -> u64 {
	let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
	u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX)
}

/// How a proven verdict was established, in words.
fn render_provenance(found: &ProvenVerdict, source: &str) -> String {
	let changes = match found.set_changes {
		1 => "1 authority-set change".to_string(),
		count => format!("{count} authority-set changes"),
	};
	format!(
		"Proven:          from {source}, against the chain spec of {}: block #{} ({:?}) is final \
		 ({changes} followed from genesis, every signature and trie node checked); no server \
		 trusted.\nNote:            this is the verdict at block #{}; it may have changed since.\n",
		found.chain_name, found.block.number, found.block.hash, found.block.number
	)
}

/// What the holder check found.
#[derive(Debug, PartialEq, Eq)]
struct HolderCheck {
	/// Whether the record commits to the identity given.
	matches: bool,
	/// The finding in words.
	text: String,
}

/// Whether the credential commits to the holder `identity` with `salt`: through its record's holder
/// commitment, or — for a record without one — through the hashed identity its document states
/// (anchored with the rest of the document by its digest).
fn check_holder(
	recorded: Option<Digest>,
	stated: Option<Digest>,
	identity: &str,
	salt: &str,
) -> HolderCheck {
	let given = holder_commitment(identity, salt);
	let (commitment, whose) = match (recorded, stated) {
		(Some(recorded), _) => (recorded, "its holder commitment"),
		(None, Some(stated)) => (stated, "its document's hashed identity"),
		(None, None) => {
			return HolderCheck {
				matches: false,
				text: "NOT CONFIRMED: the credential's record names no holder".into(),
			}
		}
	};
	if commitment == given {
		HolderCheck {
			matches: true,
			text: format!("the credential is {identity}'s ({whose} is theirs)"),
		}
	} else {
		HolderCheck {
			matches: false,
			text: format!(
				"NOT CONFIRMED: {whose} is not {identity}'s with this salt (another holder, or a wrong \
				 identity or salt)"
			),
		}
	}
}

/// A note when the document states a hashed holder identity (Open Badges 3.0) that its record does
/// not carry, or carries otherwise.
fn compare_holders(recorded: Option<Digest>, stated: Option<Digest>) -> Option<&'static str> {
	match (recorded, stated) {
		(Some(recorded), Some(stated)) if recorded != stated => Some(
			"the document's hashed holder identity (credentialSubject.identifier) differs from its \
			 record's holder commitment; the record's is the one checked",
		),
		(None, Some(_)) => Some(
			"the record names no holder; the document's hashed holder identity \
			 (credentialSubject.identifier) is the one checked with --holder",
		),
		_ => None,
	}
}

/// The issuer the document `named`, else the one the verifier `expected`; an error when both are
/// given and differ.
pub fn choose_issuer(named: Option<String>, expected: Option<String>) -> Result<Option<String>> {
	match (named, expected) {
		(Some(named), Some(expected)) if named != expected => Err(Error::input(format!(
			"the document names its issuer {named}, but --issuer says {expected}: drop --issuer to \
			 check the document against the issuer it names"
		))),
		(named, expected) => Ok(named.or(expected)),
	}
}

/// `credchain verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
	/// The credential: its document, or its digest (64 hex digits, with or without 0x).
	#[arg(value_name = "FILE-OR-DIGEST")]
	pub target: String,

	/// The credential's proof file, if it was issued in a Merkle batch (default: <FILE>.proof.json
	/// beside the document, if there is one); with --offline, its verdict's proof file (default:
	/// <FILE>.credchain-proof.json).
	#[arg(long, value_name = "FILE")]
	pub proof: Option<PathBuf>,

	/// The issuer you expect (its website, DID or `issuer.id` URI), for a document that does not
	/// name its issuer (a PDF). A JSON credential's own `issuer` is used otherwise.
	#[arg(long, value_name = "URI")]
	pub issuer: Option<String>,

	/// The holder's identity, as the holder gives it, to check that the credential is theirs: the
	/// record's holder commitment must be the SHA-256 of the identity and the salt (--salt).
	#[arg(long, value_name = "IDENTITY", requires = "salt")]
	pub holder: Option<String>,

	/// The salt the holder gives with their identity (--holder).
	#[arg(long, value_name = "SALT", requires = "holder")]
	pub salt: Option<String>,

	/// Print the node's answer as JSON instead of in words.
	#[arg(long)]
	pub json: bool,

	/// Ask no node: compute the verdict from the proof file `credchain proof` wrote (--proof,
	/// default <FILE>.credchain-proof.json), checked against the chain spec (--chain-spec) alone.
	#[arg(long, requires = "chain_spec", conflicts_with = "light")]
	pub offline: bool,

	/// Trust no node: ask the node for the verdict's proof and check it against the chain spec
	/// (--chain-spec), as --offline does.
	#[arg(long, requires = "chain_spec")]
	pub light: bool,

	/// With --light: the oldest the node's proof may be, in seconds (by the proven block's own
	/// timestamp), so that a node cannot answer with the proof of an older block.
	#[arg(long, value_name = "SECONDS", default_value_t = 300, requires = "light")]
	pub max_age: u64,

	/// The chain spec the consortium published (plain or raw), for --offline and --light: its
	/// genesis authorities are where every proof starts.
	#[arg(long, value_name = "FILE")]
	pub chain_spec: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_holder_check_confirms_only_the_committed_identity_and_salt() {
		let alice = holder_commitment("alice@example.edu", "s1");
		let bob = holder_commitment("bob@example.edu", "s1");
		assert!(check_holder(Some(alice), None, "alice@example.edu", "s1").matches);
		let wrong_salt = check_holder(Some(alice), None, "alice@example.edu", "s2");
		assert!(!wrong_salt.matches && wrong_salt.text.starts_with("NOT CONFIRMED"));
		assert!(!check_holder(Some(alice), None, "bob@example.edu", "s1").matches);
		let none = check_holder(None, None, "alice@example.edu", "s1");
		assert!(!none.matches && none.text.contains("names no holder"), "{none:?}");
		// The document's hashed identity counts only for a record without a commitment.
		let stated = check_holder(None, Some(alice), "alice@example.edu", "s1");
		assert!(stated.matches && stated.text.contains("document's hashed identity"), "{stated:?}");
		assert!(!check_holder(Some(bob), Some(alice), "alice@example.edu", "s1").matches);
		assert_eq!(compare_holders(Some(alice), Some(alice)), None);
		assert!(
			compare_holders(Some(bob), Some(alice)).is_some_and(|note| note.contains("differs"))
		);
		assert!(compare_holders(None, Some(alice)).is_some_and(|note| note.contains("no holder")));
		assert_eq!(compare_holders(Some(alice), None), None);
	}

	#[test]
	fn the_named_issuer_wins_and_must_match_the_expected_one() {
		let uri = |text: &str| Some(text.to_string());
		assert_eq!(choose_issuer(uri("did:web:u"), None).unwrap(), uri("did:web:u"));
		assert_eq!(choose_issuer(None, uri("did:web:u")).unwrap(), uri("did:web:u"));
		assert_eq!(choose_issuer(uri("did:web:u"), uri("did:web:u")).unwrap(), uri("did:web:u"));
		assert_eq!(choose_issuer(None, None).unwrap(), None);
		let error = choose_issuer(uri("did:web:u"), uri("did:web:v")).unwrap_err().to_string();
		assert!(
			error.contains("names its issuer did:web:u, but --issuer says did:web:v"),
			"{error}"
		);
	}
}
