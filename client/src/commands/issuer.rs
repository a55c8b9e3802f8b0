//! `credchain issuer ...`: an institution's registration, profile and delegate keys, and what the
//! chain knows about an issuer.

use credchain_client::{
	keys::parse_account, rpc::NodeRpc, terms::IssuerProfile, verdict::render_issuer, CredChain,
	Result,
};

use super::{common, Outcome};
use crate::{
	cli::{DelegateArgs, DelegateCommand, IssuerCommand, ProfileArgs, ShowIssuerArgs},
	progress,
};

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
	let key = common::load_key(&args.key, "--key")?;
	let chain = CredChain::connect(url).await?;
	let spinner = progress::spinner("waiting for the transaction to be finalized");
	let block = if update {
		chain.propose_profile_change(&key, &profile).await
	} else {
		chain.register_issuer(&key, &profile).await
	};
	spinner.finish_and_clear();
	let block = block?;
	if update {
		println!(
			"Proposed a new profile for the issuer {} in finalized block {block}. It applies once the \
			 consortium approves it (`credchain admin approve-profile {}` on a development chain, a \
			 council motion otherwise).",
			key.account(),
			key.account()
		);
	} else {
		println!(
			"Registered {} as an applicant issuer with the account {} in finalized block {block}. The \
			 consortium must accredit it before it can issue.",
			profile.name,
			key.account()
		);
	}
	Ok(Outcome::Success)
}

/// `issuer add-delegate` (when `add`) or `issuer remove-delegate`.
async fn delegate(url: &str, args: DelegateArgs, add: bool) -> Result<Outcome> {
	let delegate = parse_account(&args.account)?;
	let key = common::load_key(&args.key, "--key")?;
	let chain = CredChain::connect(url).await?;
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

/// `issuer show`.
/// `issuer show ACCOUNT-OR-URI`: an account (SS58 or hex), or a website, DID or identifier.
async fn show(url: &str, args: ShowIssuerArgs) -> Result<Outcome> {
	let account = parse_account(&args.account).ok();
	let rpc = NodeRpc::connect(url).await?;
	let answer = match &account {
		Some(account) => rpc.issuer(account).await?,
		None => rpc.issuer_by_identifier(&args.account).await?,
	};
	match answer {
		Some(answer) => {
			if args.json {
				let json = serde_json::to_string_pretty(&answer.json)
					.unwrap_or_else(|_| answer.json.to_string());
				println!("{json}");
			} else {
				print!("{}", render_issuer(&answer.issuer));
			}
			Ok(Outcome::Success)
		}
		None => {
			if args.json {
				println!("null");
			} else {
				println!(
					"No issuer is registered under {}.",
					credchain_client::text::for_terminal(&args.account)
				);
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
	let key = common::load_key(&args.key, "--key")?;
	let chain = CredChain::connect(url).await?;
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
