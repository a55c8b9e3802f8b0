//! `credchain admin ...`: the consortium's governance calls on issuers, dispatched as Root through the
//! chain's sudo key (development and test chains; a council takes over on a production chain).

use clap::{Args, Subcommand};
use credchain_client::{
	bytes32::{parse_hex32, to_hex},
	chain::FinalizedBlock,
	keys::{parse_account, SigningKey},
	reasons::{self, parse_withdrawal_reason, WithdrawalReason},
	AccountId32, Result,
};

use super::Outcome;
use crate::{cli::KEY_HELP, progress};

/// A governance decision about one issuer.
enum Action {
	Accredit,
	SuspendIssuer,
	ReinstateIssuer,
	Withdraw(WithdrawalReason, Option<u32>),
	Reject,
	NameSuccessor(AccountId32),
	ApproveProfile,
	MoveKey(AccountId32),
}

impl Action {
	/// The sentence that reports the decision about `issuer`, taken in `block`.
	fn done(&self, issuer: &AccountId32, block: &FinalizedBlock) -> String {
		match self {
			Self::Accredit => format!(
				"Accredited the issuer {issuer} in finalized block {block}: it may now issue."
			),
			Self::SuspendIssuer => format!(
				"Suspended the accreditation of the issuer {issuer} in finalized block {block}."
			),
			Self::ReinstateIssuer => {
				format!("Reinstated the issuer {issuer} in finalized block {block}.")
			}
			Self::Withdraw(reason, None) => format!(
				"Withdrew the accreditation of the issuer {issuer} ({}) in finalized block {block}; what it \
				 issued stays verifiable.",
				reasons::name(reason)
			),
			Self::Withdraw(reason, Some(from)) => format!(
				"Withdrew the accreditation of the issuer {issuer} ({}) in finalized block {block}; what it \
				 issued from block {from} on answers `issuerRevoked`, what it issued before stays valid \
				 with a warning.",
				reasons::name(reason)
			),
			Self::Reject => {
				format!("Rejected the application of {issuer} in finalized block {block}.")
			}
			Self::NameSuccessor(successor) => format!(
				"Named {successor} to take care of the credentials of {issuer} in finalized block {block}."
			),
			Self::ApproveProfile => format!(
				"Approved the profile change of the issuer {issuer} in finalized block {block}."
			),
			Self::MoveKey(new_key) => format!(
				"Moved the signing key of the issuer {issuer} to {new_key} in finalized block {block}; \
				 the old key no longer signs for it."
			),
		}
	}
}

/// Endorses an achievement on the consortium's behalf, or withdraws the endorsement.
async fn endorse(url: &str, args: EndorseArgs) -> Result<Outcome> {
	let id = parse_hex32("achievement id", &args.id)?;
	let sudo = SigningKey::from_argument(&args.sudo_key, "--sudo-key")?;
	let chain = super::connect(url).await?;
	let spinner = progress::spinner("waiting for the transaction to be finalized");
	let block = chain.set_achievement_endorsement(&sudo, id, !args.withdraw).await;
	spinner.finish_and_clear();
	let done = if args.withdraw { "Withdrew the endorsement of" } else { "Endorsed" };
	println!("{done} the achievement {} in finalized block {}.", to_hex(&id), block?);
	Ok(Outcome::Success)
}

/// Runs a governance command against the node at `url`.
pub async fn run(url: &str, command: AdminCommand) -> Result<Outcome> {
	let (args, action) = match command {
		AdminCommand::Endorse(args) => return endorse(url, args).await,
		AdminCommand::Accredit(args) => (args, Action::Accredit),
		AdminCommand::SuspendIssuer(args) => (args, Action::SuspendIssuer),
		AdminCommand::ReinstateIssuer(args) => (args, Action::ReinstateIssuer),
		AdminCommand::Withdraw(args) => {
			(args.issuer, Action::Withdraw(args.reason, args.distrusted_from))
		}
		AdminCommand::ApproveProfile(args) => (args, Action::ApproveProfile),
		AdminCommand::MoveKey(args) => {
			let new_key = parse_account(&args.new_key)?;
			(args.issuer, Action::MoveKey(new_key))
		}
		AdminCommand::Reject(args) => (args, Action::Reject),
		AdminCommand::NameSuccessor(args) => {
			let successor = parse_account(&args.successor)?;
			(args.issuer, Action::NameSuccessor(successor))
		}
	};
	let issuer = parse_account(&args.account)?;
	let sudo = SigningKey::from_argument(&args.sudo_key, "--sudo-key")?;
	let chain = super::connect(url).await?;

	let spinner = progress::spinner("waiting for the transaction to be finalized");
	let block = match &action {
		Action::Accredit => chain.accredit_issuer(&sudo, &issuer).await,
		Action::SuspendIssuer => chain.suspend_issuer(&sudo, &issuer).await,
		Action::ReinstateIssuer => chain.reinstate_issuer(&sudo, &issuer).await,
		Action::Withdraw(reason, from) => {
			chain.withdraw_accreditation(&sudo, &issuer, *reason, *from).await
		}
		Action::ApproveProfile => chain.approve_profile_change(&sudo, &issuer).await,
		Action::MoveKey(new_key) => chain.move_issuer_key(&sudo, &issuer, new_key).await,
		Action::Reject => chain.reject_application(&sudo, &issuer).await,
		Action::NameSuccessor(successor) => chain.name_successor(&sudo, &issuer, successor).await,
	};
	spinner.finish_and_clear();
	println!("{}", action.done(&issuer, &block?));
	Ok(Outcome::Success)
}

/// `credchain admin ...`: governance calls, dispatched as Root through sudo.
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
	/// Accredit an applicant, which may then issue.
	Accredit(GovernanceArgs),
	/// Suspend an issuer's accreditation: no new credentials until reinstated.
	SuspendIssuer(GovernanceArgs),
	/// Reinstate a suspended issuer.
	ReinstateIssuer(GovernanceArgs),
	/// Withdraw an issuer's accreditation for good; what it issued stays verifiable.
	Withdraw(WithdrawArgs),
	/// Reject an application.
	Reject(GovernanceArgs),
	/// Name an accredited issuer to take care of a withdrawn issuer's credentials.
	NameSuccessor(SuccessorArgs),
	/// Approve the profile change an issuer proposed (`credchain issuer update`), exactly as
	/// proposed.
	ApproveProfile(GovernanceArgs),
	/// Move an issuer's signing key (key loss or compromise, or to a multisig of its officers);
	/// what it issued stays attributed to it.
	MoveKey(MoveKeyArgs),
	/// Endorse an achievement on the consortium's behalf (a quality mark verdicts show), or
	/// withdraw the endorsement with --withdraw.
	Endorse(EndorseArgs),
}

/// `credchain admin endorse`.
#[derive(Debug, Args)]
pub struct EndorseArgs {
	/// The achievement's id (hex).
	#[arg(value_name = "ID")]
	pub id: String,

	/// Withdraw the consortium's endorsement instead.
	#[arg(long)]
	pub withdraw: bool,

	/// The chain's sudo key (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The chain's sudo key: {KEY_HELP}."))]
	pub sudo_key: String,
}

/// A governance call about one issuer.
#[derive(Debug, Args)]
pub struct GovernanceArgs {
	/// The issuer's account: an SS58 address or 32 bytes of hex.
	#[arg(value_name = "ACCOUNT")]
	pub account: String,

	/// The chain's sudo key (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The chain's sudo key: {KEY_HELP}."))]
	pub sudo_key: String,
}

/// `credchain admin withdraw`.
#[derive(Debug, Args)]
pub struct WithdrawArgs {
	/// The issuer, and the sudo key.
	#[command(flatten)]
	pub issuer: GovernanceArgs,

	/// Why: closed, merged, standards-not-met, misconduct, voluntary or other.
	#[arg(long, value_name = "REASON", value_parser = parse_withdrawal_reason)]
	pub reason: WithdrawalReason,

	/// The first block whose credentials from this issuer are no longer trusted: required for
	/// misconduct, refused for closed and merged, optional otherwise.
	#[arg(long, value_name = "BLOCK")]
	pub distrusted_from: Option<u32>,
}

/// `credchain admin move-key`.
#[derive(Debug, Args)]
pub struct MoveKeyArgs {
	/// The issuer, and the sudo key.
	#[command(flatten)]
	pub issuer: GovernanceArgs,

	/// The account that signs for the issuer from now on.
	#[arg(long, value_name = "ACCOUNT")]
	pub new_key: String,
}

/// `credchain admin name-successor`.
#[derive(Debug, Args)]
pub struct SuccessorArgs {
	/// The withdrawn issuer, and the sudo key.
	#[command(flatten)]
	pub issuer: GovernanceArgs,

	/// The successor's account: an accredited issuer.
	#[arg(long, value_name = "ACCOUNT")]
	pub successor: String,
}
