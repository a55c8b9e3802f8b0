//! `credchain achievement create|show`: what an issuer's credentials certify, in the chain's
//! achievement registry — registered from an Open Badges 3.0 `Achievement` (or a credential that
//! carries one), and shown as verifiers see it.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use credchain_client::{
	achievement::{
		self, achievement_id, definition_from_open_badge, parse_credit_system, Definition, Rule,
	},
	bytes32::{parse_hex32, to_hex},
	keys::{parse_account, SigningKey},
	rpc::NodeRpc,
	verdict, AccountId32, Digest, Error, Result,
};
use pallet_credentials::CreditSystem;

use super::{print_json, Outcome};
use crate::cli::KEY_HELP;

/// Runs an `achievement` command.
pub async fn run(url: &str, command: AchievementCommand) -> Result<Outcome> {
	match command {
		AchievementCommand::Create(args) => create(url, args).await,
		AchievementCommand::Show(args) => show(url, args).await,
		AchievementCommand::Version(args) => version(url, args).await,
		AchievementCommand::Deprecate(args) => change(url, args, Change::Deprecate).await,
		AchievementCommand::Share(args) => {
			let with = parse_account(&args.with)?;
			change(url, args.achievement, Change::Share(with, true)).await
		}
		AchievementCommand::Unshare(args) => {
			let with = parse_account(&args.with)?;
			change(url, args.achievement, Change::Share(with, false)).await
		}
	}
}

/// The definition and rule an issuer gives on the command line.
fn definition_and_rule(args: &DefinitionArgs) -> Result<(Definition, Option<Rule>)> {
	let text = std::fs::read_to_string(&args.from)
		.map_err(|error| Error::file("read", &args.from, error))?;
	let json: serde_json::Value = serde_json::from_str(&text)
		.map_err(|error| Error::input(format!("{} is not JSON: {error}", args.from.display())))?;
	let mut definition = definition_from_open_badge(&json, args.credit_system)?;
	if let Some(level) = args.eqf_level {
		definition.eqf_level = Some(level);
	}
	let components =
		args.stacks.iter().map(|id| parse_hex32("--stacks", id)).collect::<Result<Vec<_>>>()?;
	let rule = match (components.is_empty(), args.min_count, args.min_credits) {
		(true, None, None) => None,
		(true, _, _) => return Err(Error::input(
			"--min-count and --min-credits belong to a stacked achievement: name its components \
				 with --stacks",
		)),
		(false, min_count, min_credits) => {
			Some(achievement::stacking_rule(components, min_count, min_credits)?)
		}
	};
	Ok((definition, rule))
}

/// Publishes a new version of an achievement.
async fn version(url: &str, args: VersionArgs) -> Result<Outcome> {
	let id = parse_hex32("achievement id", &args.achievement.id)?;
	let (definition, rule) = definition_and_rule(&args.definition)?;
	let key = SigningKey::from_argument(&args.achievement.issuer_key, "--issuer-key")?;
	let chain = super::connect(url).await?;
	let block = chain.publish_achievement_version(&key, id, definition, rule).await?;
	println!(
		"Published a new version of the achievement {} in finalized block {block}; credentials issued \
		 before keep the version they were issued under.",
		to_hex(&id)
	);
	Ok(Outcome::Success)
}

/// A change an issuer makes to its achievement.
enum Change {
	/// No new credentials or versions.
	Deprecate,
	/// Let another issuer issue it (`true`), or stop letting it.
	Share(AccountId32, bool),
}

/// Applies `change` to the achievement `args` names.
async fn change(url: &str, args: AchievementKeyArgs, change: Change) -> Result<Outcome> {
	let id = parse_hex32("achievement id", &args.id)?;
	let key = SigningKey::from_argument(&args.issuer_key, "--issuer-key")?;
	let chain = super::connect(url).await?;
	let done = match &change {
		Change::Deprecate => {
			let block = chain.deprecate_achievement(&key, id).await?;
			format!("Deprecated the achievement {} in finalized block {block}: no new credentials of it; those issued stay valid.", to_hex(&id))
		}
		Change::Share(with, share) => {
			let block = chain.share_achievement(&key, id, with, *share).await?;
			let verb = if *share { "may now issue" } else { "may no longer issue" };
			format!(
				"{with} {verb} credentials of the achievement {} (finalized block {block}).",
				to_hex(&id)
			)
		}
	};
	println!("{done}");
	Ok(Outcome::Success)
}

/// Registers the achievement `args.definition.from` states.
async fn create(url: &str, args: CreateArgs) -> Result<Outcome> {
	let (definition, rule) = definition_and_rule(&args.definition)?;
	let key = SigningKey::from_argument(&args.issuer_key, "--issuer-key")?;
	let chain = super::connect(url).await?;
	let receipt = chain.create_achievement(&key, definition, rule).await?;
	println!("Achievement: {}", to_hex(&receipt.id));
	println!(
		"Registered for the issuer {} in finalized block {}. Issue credentials of it with --achievement {}.",
		receipt.owner,
		receipt.block,
		to_hex(&receipt.id)
	);
	Ok(Outcome::Success)
}

/// Shows an achievement as verifiers see it.
async fn show(url: &str, args: ShowArgs) -> Result<Outcome> {
	let id: Digest = match (&args.id, &args.issuer, &args.uri) {
		(Some(id), None, None) => parse_hex32("achievement id", id)?,
		(None, Some(issuer), Some(uri)) => {
			let issuer: AccountId32 = issuer.parse().map_err(|_| {
				Error::input(format!("--issuer {issuer:?} is not an SS58 account address"))
			})?;
			achievement_id(&issuer, uri)
		}
		_ => {
			return Err(Error::input(
				"name the achievement by its id, or by --issuer and --uri (the account that \
				 registered it and its URI)",
			))
		}
	};
	let rpc = NodeRpc::connect(url).await?;
	let Some(found) = rpc.achievement(&id, args.version).await? else {
		eprintln!("No achievement {} is registered on this chain.", to_hex(&id));
		return Ok(Outcome::NotValid);
	};
	if args.json {
		print_json(&found)?;
	} else {
		print!("{}", verdict::render_achievement_alone(&found));
	}
	Ok(Outcome::Success)
}

/// `credchain achievement`.
#[derive(Debug, Subcommand)]
pub enum AchievementCommand {
	/// Register what credentials certify, from an Open Badges 3.0 Achievement JSON (or a credential
	/// carrying one in credentialSubject.achievement); with --stacks, a stacked achievement whose
	/// credentials are earned by holding credentials of its components.
	Create(CreateArgs),
	/// Show an achievement as verifiers see it (exit code 1 if none is registered).
	Show(ShowArgs),
	/// Publish a new version of an achievement (same URI); credentials issued before keep theirs.
	Version(VersionArgs),
	/// Deprecate an achievement for good: no new credentials or versions; those issued stay valid.
	Deprecate(AchievementKeyArgs),
	/// Let another issuer issue credentials of an achievement (a joint programme).
	Share(ShareArgs),
	/// Stop letting another issuer issue credentials of an achievement.
	Unshare(ShareArgs),
}

/// An achievement of the signer's issuer, and the signing key.
#[derive(Debug, Args)]
pub struct AchievementKeyArgs {
	/// The achievement's id (hex).
	#[arg(value_name = "ID")]
	pub id: String,

	/// The signing key of the issuer or of one of its delegates (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The signing key of the issuer or of one of its delegates: {KEY_HELP}."))]
	pub issuer_key: String,
}

/// `credchain achievement share|unshare`.
#[derive(Debug, Args)]
pub struct ShareArgs {
	/// The achievement and the signing key.
	#[command(flatten)]
	pub achievement: AchievementKeyArgs,

	/// The other issuer's account.
	#[arg(long, value_name = "ACCOUNT")]
	pub with: String,
}

/// `credchain achievement version`.
#[derive(Debug, Args)]
pub struct VersionArgs {
	/// The achievement and the signing key.
	#[command(flatten)]
	pub achievement: AchievementKeyArgs,

	/// The new version's definition.
	#[command(flatten)]
	pub definition: DefinitionArgs,
}

/// `credchain achievement create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
	/// The definition.
	#[command(flatten)]
	pub definition: DefinitionArgs,

	/// The signing key of the issuer or of one of its delegates (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The signing key of the issuer or of one of its delegates: {KEY_HELP}."))]
	pub issuer_key: String,
}

/// An achievement's definition (and rule) as the command line gives it.
#[derive(Debug, Args)]
pub struct DefinitionArgs {
	/// The Open Badges 3.0 Achievement (or credential) JSON file.
	#[arg(long, value_name = "FILE")]
	pub from: PathBuf,

	/// The credit system of creditsAvailable (Open Badges gives none): ects, credit-hours or ceu.
	#[arg(long, value_name = "SYSTEM", default_value = "ects", value_parser = parse_credit_system)]
	pub credit_system: CreditSystem,

	/// Its European Qualifications Framework level (1-8), if the JSON has no EQF alignment.
	#[arg(long, value_name = "LEVEL", value_parser = clap::value_parser!(u8).range(1..=8))]
	pub eqf_level: Option<u8>,

	/// For a stacked achievement: the ids of the achievements whose credentials count towards it
	/// (of this issuer or others), each registered before.
	#[arg(long, value_name = "ID", num_args = 1..)]
	pub stacks: Vec<String>,

	/// How many component credentials a holder needs (default: one of each --stacks achievement).
	#[arg(long, value_name = "N", requires = "stacks")]
	pub min_count: Option<u32>,

	/// How many credits the component credentials must be worth together (such as 15 or 7.5),
	/// counted in this achievement's own credit system.
	#[arg(long, value_name = "CREDITS", requires = "stacks")]
	pub min_credits: Option<f64>,
}

/// `credchain achievement show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
	/// The achievement's id (hex).
	#[arg(value_name = "ID", conflicts_with_all = ["issuer", "uri"])]
	pub id: Option<String>,

	/// The account of the issuer that registered it (with --uri).
	#[arg(long, value_name = "ACCOUNT", requires = "uri")]
	pub issuer: Option<String>,

	/// The URI it was registered under (with --issuer).
	#[arg(long, value_name = "URI", requires = "issuer")]
	pub uri: Option<String>,

	/// The version to show (default: the latest).
	#[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
	pub version: Option<u16>,

	/// Print the node's answer as JSON.
	#[arg(long)]
	pub json: bool,
}
