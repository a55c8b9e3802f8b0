//! `credchain issuer ...`: an institution's registration, profile and delegate keys, and what the
//! chain knows about an issuer.

use clap::{Args, Subcommand};
use credchain_client::{
	bytes32,
	chain::ProfileProposalReceipt,
	keys::{parse_account, SigningKey},
	profile::IssuerProfile,
	rpc::NodeRpc,
	text::{check_identifier, for_terminal},
	verdict::render_issuer,
	AccountId32, Error, Result,
};

use super::{print_json, Outcome};
use crate::{cli::KEY_HELP, progress};

/// Runs an issuer command against the node at `url`.
pub async fn run(url: &str, command: IssuerCommand) -> Result<Outcome> {
	match command {
		IssuerCommand::Register(args) => register(url, args, false).await,
		IssuerCommand::Update(args) => register(url, args, true).await,
		IssuerCommand::AddDelegate(args) => delegate(url, args, true).await,
		IssuerCommand::RemoveDelegate(args) => delegate(url, args, false).await,
		IssuerCommand::Show(args) => show(url, args).await,
	}
}

/// `issuer register` (or `issuer update` when `update`).
async fn register(url: &str, args: ProfileArgs, update: bool) -> Result<Outcome> {
	let profile = IssuerProfile::new(&args.name, &args.uri, &args.country)?
		.with_identifiers(&args.identifiers)?;
	let key = SigningKey::from_argument(&args.key, "--key")?;
	let chain = super::connect(url).await?;
	let spinner = progress::spinner("waiting for the transaction to be finalized");
	let done = if update {
		chain.propose_profile_change(&key, &profile).await.map(|receipt| proposed(&receipt))
	} else {
		chain.register_issuer(&key, &profile).await.map(|block| {
			format!(
				"Registered {} as an applicant issuer with the account {} in finalized block {block}. \
				 The consortium must accredit it before it can issue.",
				for_terminal(&profile.name),
				key.account()
			)
		})
	};
	spinner.finish_and_clear();
	println!("{}", done?);
	Ok(Outcome::Success)
}

/// What `issuer update` reports: the proposal, and how the consortium approves it.
fn proposed(receipt: &ProfileProposalReceipt) -> String {
	let issuer = &receipt.issuer;
	format!(
		"Proposed a new profile for the issuer {issuer} in finalized block {}. It applies once the \
		 consortium approves it: a council member proposes `credchain council propose \
		 approve-profile-change {issuer} --key <member key>` (on a development chain: `credchain \
		 admin approve-profile {issuer} --sudo-key <sudo key>`).",
		receipt.block
	)
}

/// `issuer add-delegate` (when `add`) or `issuer remove-delegate`.
async fn delegate(url: &str, args: DelegateArgs, add: bool) -> Result<Outcome> {
	let delegate = parse_account(&args.account)?;
	let key = SigningKey::from_argument(&args.key, "--key")?;
	let chain = super::connect(url).await?;
	let spinner = progress::spinner("waiting for the transaction to be finalized");
	let block = if add {
		chain.add_delegate(&key, &delegate).await
	} else {
		chain.remove_delegate(&key, &delegate).await
	};
	spinner.finish_and_clear();
	let block = block?;
	if add {
		println!(
			"Invited {delegate} to be a delegate key of the issuer {} in finalized block {block}. It may \
			 issue and change statuses for the issuer once it accepts with: credchain delegate accept {} \
			 --key <its key>",
			key.account(),
			key.account()
		);
	} else {
		println!(
			"Removed the delegate key {delegate} (or its invitation) from the issuer {} in finalized \
			 block {block}.",
			key.account()
		);
	}
	Ok(Outcome::Success)
}

/// How `issuer show` names an issuer.
#[derive(Debug, PartialEq, Eq)]
enum IssuerRef {
	/// By its account.
	Account(AccountId32),
	/// By its website, DID or another identifier it registered.
	Identifier(String),
}

/// The issuer `text` names: an account (SS58 or hex), else a URI (`scheme:` and more).
fn issuer_ref(text: &str) -> Result<IssuerRef> {
	if let Ok(account) = parse_account(text) {
		return Ok(IssuerRef::Account(account));
	}
	if check_identifier("the issuer", text).is_ok() {
		return Ok(IssuerRef::Identifier(text.to_string()));
	}
	Err(Error::input(format!(
		"{} is not an account (an SS58 address or 32 bytes of hex) nor an issuer identifier (a URI \
		 such as https://university.example or did:web:university.example)",
		bytes32::quote(text)
	)))
}

/// `issuer show ACCOUNT-OR-URI`: an account (SS58 or hex), or a website, DID or identifier.
async fn show(url: &str, args: ShowIssuerArgs) -> Result<Outcome> {
	let wanted = issuer_ref(&args.account)?;
	let rpc = NodeRpc::connect(url).await?;
	let answer = match &wanted {
		IssuerRef::Account(account) => rpc.issuer(account).await?,
		IssuerRef::Identifier(identifier) => rpc.issuer_by_identifier(identifier).await?,
	};
	match answer {
		Some(issuer) => {
			if args.json {
				print_json(&issuer)?;
			} else {
				print!("{}", render_issuer(&issuer));
			}
			Ok(Outcome::Success)
		}
		None => {
			if args.json {
				println!("null");
			} else {
				println!("No issuer is registered under {}.", for_terminal(&args.account));
			}
			Ok(Outcome::NotValid)
		}
	}
}

/// `delegate accept` and `delegate resign`.
pub async fn delegation(url: &str, command: DelegateCommand) -> Result<Outcome> {
	let (args, accept) = match command {
		DelegateCommand::Accept(args) => (args, true),
		DelegateCommand::Resign(args) => (args, false),
	};
	let issuer = parse_account(&args.issuer)?;
	let key = SigningKey::from_argument(&args.key, "--key")?;
	let chain = super::connect(url).await?;
	let spinner = progress::spinner("waiting for the transaction to be finalized");
	let block = if accept {
		chain.accept_delegation(&key, &issuer).await
	} else {
		chain.resign_delegation(&key, &issuer).await
	};
	spinner.finish_and_clear();
	let block = block?;
	if accept {
		println!(
			"{} is now a delegate key of the issuer {issuer} (finalized block {block}): it may issue and \
			 change statuses for it.",
			key.account()
		);
	} else {
		println!(
			"{} no longer acts for the issuer {issuer} (finalized block {block}).",
			key.account()
		);
	}
	Ok(Outcome::Success)
}

/// `credchain issuer ...`.
#[derive(Debug, Subcommand)]
pub enum IssuerCommand {
	/// Apply to become an issuer: the key's account becomes the institution's lasting identity, and
	/// the consortium then accredits it.
	Register(ProfileArgs),
	/// Propose a new profile for the institution; it applies once the consortium approves it
	/// (`credchain council propose approve-profile-change`, or `credchain admin approve-profile` on
	/// a development chain).
	Update(ProfileArgs),
	/// Invite another key (a registrar's staff key) to issue and change statuses for the
	/// institution; it may once it accepts (`credchain delegate accept`).
	AddDelegate(DelegateArgs),
	/// Stop a delegate key from acting for the institution, or cancel its invitation.
	RemoveDelegate(DelegateArgs),
	/// Show an issuer, by account or by website, DID or identifier: name, identifiers, signing key,
	/// standing, distrusted block, successor. Exit code 1 if there is none.
	Show(ShowIssuerArgs),
}

/// An institution's profile.
#[derive(Debug, Args)]
pub struct ProfileArgs {
	/// The institution's name.
	#[arg(long)]
	pub name: String,

	/// Its website or DID URI.
	#[arg(long, value_name = "URI")]
	pub uri: String,

	/// Its ISO 3166-1 alpha-2 country code, such as NL or DE.
	#[arg(long, value_name = "CC")]
	pub country: String,

	/// A further identifier its credential documents name as their issuer (`issuer.id` of its
	/// Open Badges, a DID); repeat for several.
	#[arg(long = "identifier", value_name = "URI")]
	pub identifiers: Vec<String>,

	/// The institution's own signing key (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The institution's own signing key: {KEY_HELP}."))]
	pub key: String,
}

/// A delegate to add or remove.
#[derive(Debug, Args)]
pub struct DelegateArgs {
	/// The delegate's account: an SS58 address or 32 bytes of hex.
	#[arg(value_name = "ACCOUNT")]
	pub account: String,

	/// The institution's own signing key, not a delegate's (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The institution's own signing key (not a delegate's): {KEY_HELP}."))]
	pub key: String,
}

/// `credchain delegate ...`.
#[derive(Debug, Subcommand)]
pub enum DelegateCommand {
	/// Accept an issuer's invitation: the key becomes its delegate and may issue for it.
	Accept(DelegationArgs),
	/// Stop acting for an issuer (or decline its invitation).
	Resign(DelegationArgs),
}

/// A delegate key and the issuer it answers.
#[derive(Debug, Args)]
pub struct DelegationArgs {
	/// The issuer's account: an SS58 address or 32 bytes of hex.
	#[arg(value_name = "ISSUER")]
	pub issuer: String,

	/// The delegate's own key (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The delegate's own key: {KEY_HELP}."))]
	pub key: String,
}

/// `credchain issuer show`.
#[derive(Debug, Args)]
pub struct ShowIssuerArgs {
	/// The issuer: its account (an SS58 address or 32 bytes of hex), or its website, DID or other
	/// registered identifier.
	#[arg(value_name = "ACCOUNT-OR-URI")]
	pub account: String,

	/// Print the node's answer as JSON instead of in words.
	#[arg(long)]
	pub json: bool,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_issuer_is_named_by_account_or_identifier() {
		let bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
		assert!(matches!(issuer_ref(bob), Ok(IssuerRef::Account(_))));
		assert_eq!(
			issuer_ref("did:web:university.example").unwrap(),
			IssuerRef::Identifier("did:web:university.example".into())
		);
		let error = issuer_ref("not-an-account").unwrap_err().to_string();
		assert!(error.contains("is not an account"), "{error}");
	}
}
