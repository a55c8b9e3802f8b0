//! `credchain council ...` and `credchain validator ...`: the consortium's governance through
//! council motions, and a validator registering its session keys.

use std::path::Path;

use credchain_client::{
	bytes32::{parse_hex32, to_hex},
	chain::{Proposal, ProposalOutcome, VoteOutcome},
	keys::{parse_account, SigningKey},
	profile::IssuerProfile,
	CredChain, Error, IssuanceQuota, Result,
};

use super::Outcome;
use crate::{
	cli::{CouncilCommand, MotionArgs, ValidatorCommand},
	progress,
};

/// Parses a PeerId (`12D3KooW…`, base58) into the bytes the chain stores.
fn parse_peer_id(text: &str) -> Result<Vec<u8>> {
	let bytes = bs58::decode(text.trim())
		.into_vec()
		.map_err(|error| Error::input(format!("{text:?} is not a PeerId (base58): {error}")))?;
	// A PeerId is a multihash: identity (0x00) or SHA-256 (0x12) of a public key.
	match bytes.as_slice() {
		[0x00, length, rest @ ..] | [0x12, length, rest @ ..] if *length as usize == rest.len() => {
			Ok(bytes)
		}
		_ => Err(Error::input(format!("{text:?} is not a PeerId (not a libp2p multihash)"))),
	}
}

/// Reads a runtime's WebAssembly file (plain or compressed, as the chain stores either).
fn read_wasm(path: &Path) -> Result<Vec<u8>> {
	let code = std::fs::read(path)
		.map_err(|error| Error::input(format!("cannot read {}: {error}", path.display())))?;
	if code.len() < 8 {
		return Err(Error::input(format!("{} is not a runtime's WebAssembly", path.display())));
	}
	Ok(code)
}

/// The proposal a `propose` command describes, and the proposer's key argument.
fn proposal(motion: MotionArgs) -> Result<(Proposal, String)> {
	Ok(match motion {
		MotionArgs::AdmitIssuer { account, name, uri, country, identifiers, member } => (
			Proposal::AdmitIssuer {
				issuer: parse_account(&account)?,
				profile: IssuerProfile::new(&name, &uri, &country)?
					.with_identifiers(&identifiers)?,
			},
			member.key,
		),
		MotionArgs::ApproveProfileChange(args) => {
			(Proposal::ApproveProfileChange(parse_account(&args.account)?), args.member.key)
		}
		MotionArgs::MoveIssuerKey { issuer, new_key, member } => (
			Proposal::MoveIssuerKey {
				issuer: parse_account(&issuer)?,
				new_key: parse_account(&new_key)?,
			},
			member.key,
		),
		MotionArgs::WithdrawIssuer { issuer, reason, distrusted_from, member } => (
			Proposal::WithdrawIssuer { issuer: parse_account(&issuer)?, reason, distrusted_from },
			member.key,
		),
		MotionArgs::AccreditIssuer(args) => {
			(Proposal::AccreditIssuer(parse_account(&args.account)?), args.member.key)
		}
		MotionArgs::SuspendIssuer(args) => {
			(Proposal::SuspendIssuer(parse_account(&args.account)?), args.member.key)
		}
		MotionArgs::ReinstateIssuer(args) => {
			(Proposal::ReinstateIssuer(parse_account(&args.account)?), args.member.key)
		}
		MotionArgs::AddValidator(args) => {
			(Proposal::AddValidator(parse_account(&args.account)?), args.member.key)
		}
		MotionArgs::RemoveValidator(args) => {
			(Proposal::RemoveValidator(parse_account(&args.account)?), args.member.key)
		}
		MotionArgs::AddMember(args) => {
			(Proposal::AddCouncilMember(parse_account(&args.account)?), args.member.key)
		}
		MotionArgs::RemoveMember(args) => {
			(Proposal::RemoveCouncilMember(parse_account(&args.account)?), args.member.key)
		}
		MotionArgs::AddNode { peer_id, owner, member } => (
			Proposal::AddNode { peer_id: parse_peer_id(&peer_id)?, owner: parse_account(&owner)? },
			member.key,
		),
		MotionArgs::AuthorizeUpgrade { wasm, member } => {
			let code = read_wasm(&wasm)?;
			(Proposal::AuthorizeUpgrade(sp_crypto_hashing::blake2_256(&code)), member.key)
		}
		MotionArgs::RemoveNode { peer_id, member } => {
			(Proposal::RemoveNode(parse_peer_id(&peer_id)?), member.key)
		}
		MotionArgs::SetIssuanceQuota { issuer, per_block, per_day, default: _, member } => {
			let quota = match (per_block, per_day) {
				(Some(per_block), Some(per_day)) => Some(IssuanceQuota { per_block, per_day }),
				_ => None,
			};
			(Proposal::SetIssuanceQuota { issuer: parse_account(&issuer)?, quota }, member.key)
		}
	})
}

/// Runs a council command against the node at `url`.
pub async fn run(url: &str, command: CouncilCommand) -> Result<Outcome> {
	match command {
		CouncilCommand::ApplyUpgrade { wasm, key } => {
			let code = read_wasm(&wasm)?;
			let key = SigningKey::from_argument(&key, "--key")?;
			let chain = CredChain::connect(url).await?;
			let spinner = progress::spinner("uploading the runtime and waiting for finality");
			let block = chain.apply_authorized_upgrade(&key, code).await;
			spinner.finish_and_clear();
			println!("The authorized runtime upgrade was enacted in finalized block {}.", block?);
		}
		CouncilCommand::Members => {
			let chain = CredChain::connect(url).await?;
			for member in chain.council_members().await? {
				println!("{member}");
			}
		}
		CouncilCommand::Propose(args) => {
			let (proposal, key) = proposal(args.motion)?;
			let member = SigningKey::from_argument(&key, "--key")?;
			let chain = CredChain::connect(url).await?;
			let spinner = progress::spinner("waiting for the proposal to be finalized");
			let outcome = chain.propose(&member, &proposal).await;
			spinner.finish_and_clear();
			match outcome? {
				ProposalOutcome::Executed(block) => println!(
					"{} was carried by the proposer's aye alone and ran in finalized block {block}.",
					proposal.call_name()
				),
				ProposalOutcome::Open(motion) => println!(
					"Proposed {} as motion {} (index {}); it needs {} ayes, the proposer's counted. \
					 Other members vote with: credchain council vote {} {} --key <their key>",
					proposal.call_name(),
					to_hex(&motion.hash),
					motion.index,
					motion.threshold,
					to_hex(&motion.hash),
					motion.index
				),
			}
		}
		CouncilCommand::Vote(args) => {
			let hash = parse_hex32("the motion hash", &args.motion)?;
			let member = SigningKey::from_argument(&args.member.key, "--key")?;
			let chain = CredChain::connect(url).await?;
			let spinner = progress::spinner("waiting for the vote to be finalized");
			let outcome = chain.vote(&member, hash, args.index, !args.nay).await;
			spinner.finish_and_clear();
			match outcome? {
				VoteOutcome::Counted(block) => println!(
					"The vote was counted in finalized block {block}; the motion is still open."
				),
				VoteOutcome::Executed(block) => println!(
					"The vote carried the motion; its call ran in finalized block {block}."
				),
			}
		}
	}
	Ok(Outcome::Success)
}

/// Runs a validator command against the node at `url`.
pub async fn validator(url: &str, command: ValidatorCommand) -> Result<Outcome> {
	let ValidatorCommand::SetKeys(args) = command;
	let key = SigningKey::from_argument(&args.key, "--key")?;
	let keys_node = args.keys_node.unwrap_or_else(|| url.to_string());
	let chain = CredChain::connect(url).await?;
	let spinner = progress::spinner("generating keys and waiting for them to be registered");
	let block = chain.set_session_keys(&key, &keys_node).await;
	spinner.finish_and_clear();
	println!(
		"Registered new session keys for {} in finalized block {}; the node at {keys_node} holds \
		 them. The account validates two session boundaries after the council added it.",
		key.account(),
		block?
	);
	Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_peer_id_is_decoded_to_its_multihash() {
		let bytes = parse_peer_id("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp").unwrap();
		assert_eq!(&bytes[..6], &[0x00, 0x24, 0x08, 0x01, 0x12, 0x20]);
		assert_eq!(bytes.len(), 38);
	}

	#[test]
	fn a_malformed_peer_id_is_refused() {
		assert!(parse_peer_id("not-a-peer-id").is_err());
		assert!(parse_peer_id("3mJr7AoUXx2Wqd").is_err());
	}
}
