//! `credchain council ...` and `credchain validator ...`: the consortium's governance through
//! council motions, and a validator registering its session keys.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use credchain_client::{
	bytes32::{parse_hex32, to_hex},
	chain::{Proposal, ProposalOutcome, VoteOutcome},
	keys::{parse_account, SigningKey},
	profile::IssuerProfile,
	reasons::{parse_withdrawal_reason, WithdrawalReason},
	Error, IssuanceQuota, Result,
};

use super::Outcome;
use crate::{cli::KEY_HELP, progress};

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
			let chain = super::connect(url).await?;
			let spinner = progress::spinner("uploading the runtime and waiting for finality");
			let block = chain.apply_authorized_upgrade(&key, code).await;
			spinner.finish_and_clear();
			println!("The authorized runtime upgrade was enacted in finalized block {}.", block?);
		}
		CouncilCommand::Members => {
			let chain = super::connect(url).await?;
			for member in chain.council_members().await? {
				println!("{member}");
			}
		}
		CouncilCommand::Propose(args) => {
			let (proposal, key) = proposal(args.motion)?;
			let member = SigningKey::from_argument(&key, "--key")?;
			let chain = super::connect(url).await?;
			let spinner = progress::spinner("waiting for the proposal to be finalized");
			let outcome = chain.propose(&member, &proposal).await;
			spinner.finish_and_clear();
			match outcome? {
				ProposalOutcome::Executed { call, block } => println!(
					"{call} was carried by the proposer's aye alone and ran in finalized block {block}."
				),
				ProposalOutcome::Open(motion) => println!(
					"Proposed {} as motion {} (index {}); it needs {} ayes, the proposer's counted. \
					 Other members vote with: credchain council vote {} {} --key <their key>",
					motion.call,
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
			let chain = super::connect(url).await?;
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
	let chain = super::connect(url).await?;
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

/// `credchain council ...`.
#[derive(Debug, Subcommand)]
pub enum CouncilCommand {
	/// Propose a motion, signed by a council member, who also votes aye. The threshold is the one
	/// the runtime requires: more than half of the council, two thirds for council changes and
	/// runtime upgrades.
	Propose(ProposeArgs),
	/// Vote on an open motion; an aye that carries it also closes it, so that its call runs.
	Vote(VoteArgs),
	/// List the council's members.
	Members,
	/// Enact the runtime upgrade the council authorized, uploading its WebAssembly.
	ApplyUpgrade {
		/// The new runtime's WebAssembly, the file whose hash the council authorized.
		#[arg(long, value_name = "FILE")]
		wasm: PathBuf,
		/// Any key that holds a role (--help lists its forms).
		#[arg(long, value_name = "KEY", long_help = format!("Any key that holds a role: {KEY_HELP}."))]
		key: String,
	},
}

/// `credchain council propose`.
#[derive(Debug, Args)]
pub struct ProposeArgs {
	/// What to propose.
	#[command(subcommand)]
	pub motion: MotionArgs,
}

/// The signing key of a council member.
#[derive(Debug, Args)]
pub struct MemberKeyArgs {
	/// A council member's key (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("A council member's key: {KEY_HELP}."))]
	pub key: String,
}

/// A motion about one account.
#[derive(Debug, Args)]
pub struct AccountMotionArgs {
	/// The account: an SS58 address or 32 bytes of hex.
	#[arg(value_name = "ACCOUNT")]
	pub account: String,

	/// The proposer.
	#[command(flatten)]
	pub member: MemberKeyArgs,
}

/// The motions `credchain council propose` makes.
#[derive(Debug, Subcommand)]
pub enum MotionArgs {
	/// Register and accredit a new issuer in one step (it needs no role beforehand).
	AdmitIssuer {
		/// The issuer's account: an SS58 address or 32 bytes of hex.
		#[arg(value_name = "ACCOUNT")]
		account: String,
		/// The institution's name.
		#[arg(long)]
		name: String,
		/// Its website or DID URI.
		#[arg(long, value_name = "URI")]
		uri: String,
		/// Its ISO 3166-1 alpha-2 country code, such as NL or DE.
		#[arg(long, value_name = "CC")]
		country: String,
		/// A further identifier its documents name as their issuer; repeat for several.
		#[arg(long = "identifier", value_name = "URI")]
		identifiers: Vec<String>,
		/// The proposer.
		#[command(flatten)]
		member: MemberKeyArgs,
	},
	/// Accredit an issuer that applied itself.
	AccreditIssuer(AccountMotionArgs),
	/// Suspend an issuer's accreditation.
	SuspendIssuer(AccountMotionArgs),
	/// Reinstate a suspended issuer.
	ReinstateIssuer(AccountMotionArgs),
	/// Apply the profile change an issuer proposed (`credchain issuer update`), exactly as it is
	/// pending on chain.
	ApproveProfileChange(AccountMotionArgs),
	/// Move an issuer's signing key (key loss or compromise, or to a multisig of its officers).
	MoveIssuerKey {
		/// The issuer's account: an SS58 address or 32 bytes of hex.
		#[arg(value_name = "ISSUER")]
		issuer: String,
		/// The account that signs for it from now on.
		#[arg(long, value_name = "ACCOUNT")]
		new_key: String,
		/// The proposer.
		#[command(flatten)]
		member: MemberKeyArgs,
	},
	/// Withdraw an issuer's accreditation for good; what it issued stays verifiable (from
	/// `--distrusted-from` on, it answers `issuerRevoked`).
	WithdrawIssuer {
		/// The issuer's account: an SS58 address or 32 bytes of hex.
		#[arg(value_name = "ISSUER")]
		issuer: String,
		/// Why: closed, merged, standards-not-met, misconduct, voluntary or other.
		#[arg(long, value_name = "REASON", value_parser = parse_withdrawal_reason)]
		reason: WithdrawalReason,
		/// The first block whose credentials from this issuer are no longer trusted: required
		/// for misconduct, refused for closed and merged.
		#[arg(long, value_name = "BLOCK")]
		distrusted_from: Option<u32>,
		/// The proposer.
		#[command(flatten)]
		member: MemberKeyArgs,
	},
	/// Add a validator: it validates once it registered session keys, two sessions later.
	AddValidator(AccountMotionArgs),
	/// Remove a validator; its session keys are purged.
	RemoveValidator(AccountMotionArgs),
	/// Seat a council member (two thirds needed).
	AddMember(AccountMotionArgs),
	/// Unseat a council member (two thirds needed).
	RemoveMember(AccountMotionArgs),
	/// Authorize a node to join the network.
	AddNode {
		/// The node's PeerId (12D3KooW…).
		#[arg(value_name = "PEER_ID")]
		peer_id: String,
		/// The account of the member that runs it.
		#[arg(long, value_name = "ACCOUNT")]
		owner: String,
		/// The proposer.
		#[command(flatten)]
		member: MemberKeyArgs,
	},
	/// Authorize a new runtime (two thirds needed); then anyone enacts it with
	/// `council apply-upgrade`.
	AuthorizeUpgrade {
		/// The new runtime's WebAssembly (credchain_runtime.compact.compressed.wasm).
		#[arg(long, value_name = "FILE")]
		wasm: PathBuf,
		/// The proposer.
		#[command(flatten)]
		member: MemberKeyArgs,
	},
	/// Set how many credential records an issuer may write per block and per quota day (a day of
	/// 14,400 blocks), or return it to the chain's default with --default.
	SetIssuanceQuota {
		/// The issuer's account: an SS58 address or 32 bytes of hex.
		#[arg(value_name = "ISSUER")]
		issuer: String,
		/// Records per block.
		#[arg(long, value_name = "N", required_unless_present = "default")]
		per_block: Option<u32>,
		/// Records per quota day.
		#[arg(long, value_name = "N", required_unless_present = "default")]
		per_day: Option<u32>,
		/// Return the issuer to the chain's default quota.
		#[arg(long, conflicts_with_all = ["per_block", "per_day"])]
		default: bool,
		/// The proposer.
		#[command(flatten)]
		member: MemberKeyArgs,
	},
	/// Withdraw a node's authorization.
	RemoveNode {
		/// The node's PeerId (12D3KooW…).
		#[arg(value_name = "PEER_ID")]
		peer_id: String,
		/// The proposer.
		#[command(flatten)]
		member: MemberKeyArgs,
	},
}

/// `credchain council vote`.
#[derive(Debug, Args)]
pub struct VoteArgs {
	/// The motion's hash, as `council propose` printed it.
	#[arg(value_name = "MOTION")]
	pub motion: String,

	/// The motion's index, as `council propose` printed it.
	#[arg(value_name = "INDEX")]
	pub index: u32,

	/// Vote nay instead of aye.
	#[arg(long)]
	pub nay: bool,

	/// The voter.
	#[command(flatten)]
	pub member: MemberKeyArgs,
}

/// `credchain validator ...`.
#[derive(Debug, Subcommand)]
pub enum ValidatorCommand {
	/// Have the validator's own node generate session keys and register them on chain.
	SetKeys(SetKeysArgs),
}

/// `credchain validator set-keys`.
#[derive(Debug, Args)]
pub struct SetKeysArgs {
	/// The validator's account key (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The validator's account key: {KEY_HELP}."))]
	pub key: String,

	/// The validator's own node, serving unsafe RPC methods to its operator; the keys are generated
	/// in its keystore and never leave it. Defaults to --url.
	#[arg(long, value_name = "URL")]
	pub keys_node: Option<String>,
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
