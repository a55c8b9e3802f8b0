//! The command line: what `credchain` accepts, with the help text people read.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use credchain_client::{
	dates,
	reasons::{
		parse_revocation_reason, parse_withdrawal_reason, RevocationReason, WithdrawalReason,
	},
	DEFAULT_URL,
};

/// What every signing key option says about the forms a key may take.
const KEY_HELP: &str = "a secret URI (//Bob on a development chain), a mnemonic, a 0x-prefixed \
	32-byte seed, or @FILE to read one from a file (recommended: command lines are visible to other \
	users of the machine). The key is never printed";

/// CredChain: issue, revoke and verify academic credentials.
///
/// Only the digest of a credential goes on chain: SHA-256 of its RFC 8785 canonical form for a JSON
/// document (Open Badges 3.0, W3C Verifiable Credentials), of its bytes for any other file (a PDF).
///
/// Exit codes: 0 success (for `verify`: the credential is valid); 1 `verify`: the credential is not
/// valid (revoked, suspended, expired, unknown, ...), `issuer show`: no such issuer; 2 any error.
#[derive(Debug, Parser)]
#[command(name = "credchain", version, max_term_width = 100)]
pub struct Cli {
	/// The CredChain node to talk to. Sending transactions needs ws:// or wss://; verifying also
	/// works over http:// or https://.
	#[arg(long, global = true, value_name = "URL", default_value = DEFAULT_URL)]
	pub url: String,

	/// What to do.
	#[command(subcommand)]
	pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
	/// Print the digest of documents, as the chain records them (no node needed).
	Digest(DigestArgs),
	/// Issue credentials one by one: one transaction for one file, batches of up to the chain's
	/// limit for several.
	Issue(IssueArgs),
	/// Issue many credentials at once as a Merkle batch: one transaction anchors the batch's root,
	/// and a <document>.proof.json is written beside each document.
	IssueBatch(IssueBatchArgs),
	/// Revoke a credential for good (or a whole Merkle batch with --whole-batch).
	Revoke(RevokeArgs),
	/// Suspend a credential until it is reinstated.
	Suspend(ChangeArgs),
	/// Lift a credential's suspension.
	Reinstate(ChangeArgs),
	/// Check a credential: exit code 0 only if it is valid.
	Verify(VerifyArgs),
	/// Register an institution as an issuer, manage its delegate keys, show an issuer.
	#[command(subcommand)]
	Issuer(IssuerCommand),
	/// A delegate key's own business: accept an issuer's invitation, resign.
	#[command(subcommand)]
	Delegate(DelegateCommand),
	/// Consortium governance through the chain's sudo key (development and test chains).
	#[command(subcommand)]
	Admin(AdminCommand),
	/// Consortium governance through the council: propose motions, vote on them, list members.
	#[command(subcommand)]
	Council(CouncilCommand),
	/// A validator's own business: register the session keys its node generated.
	#[command(subcommand)]
	Validator(ValidatorCommand),
	/// Measure how many verification requests a running node answers.
	#[command(subcommand)]
	Bench(BenchCommand),
}

/// `credchain digest`.
#[derive(Debug, Args)]
pub struct DigestArgs {
	/// The documents.
	#[arg(value_name = "FILE", required = true)]
	pub files: Vec<PathBuf>,
}

/// What an issuer states with credentials.
#[derive(Debug, Args)]
pub struct TermsArgs {
	/// When the credentials become valid: YYYY-MM-DD (midnight UTC) or an RFC 3339 time such as
	/// 2026-09-01T09:00:00+02:00. Default: at once.
	#[arg(long, value_name = "DATE", value_parser = dates::parse_date)]
	pub valid_from: Option<u64>,

	/// When the credentials stop being valid: YYYY-MM-DD (midnight UTC) or an RFC 3339 time.
	/// Default: never.
	#[arg(long, value_name = "DATE", value_parser = dates::parse_date)]
	pub valid_until: Option<u64>,

	/// What the credentials certify: a 32-byte id in hex (0x...), or any text, such as a programme
	/// code or URL, whose SHA-256 becomes the id.
	#[arg(long, value_name = "ID")]
	pub achievement: Option<String>,
}

/// `credchain issue`.
#[derive(Debug, Args)]
pub struct IssueArgs {
	/// The credential documents (JSON credentials, PDFs, any file).
	#[arg(value_name = "FILE", required = true)]
	pub files: Vec<PathBuf>,

	/// The signing key of the issuer or of one of its delegates (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The signing key of the issuer or of one of its delegates: {KEY_HELP}."))]
	pub issuer_key: String,

	/// What the issuer states with the credentials.
	#[command(flatten)]
	pub terms: TermsArgs,

	/// A commitment to the holder: 32 bytes of hex, a salted hash of who the credential is for (never
	/// a name). With several files, every credential gets it.
	#[arg(long, value_name = "HEX")]
	pub holder: Option<String>,
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

/// `credchain revoke`.
#[derive(Debug, Args)]
pub struct RevokeArgs {
	/// What to change.
	#[command(flatten)]
	pub change: ChangeArgs,

	/// Why: issued-in-error, superseded, fraud-or-misconduct, holder-request or other.
	#[arg(long, value_name = "REASON", value_parser = parse_revocation_reason)]
	pub reason: RevocationReason,

	/// Revoke every credential of the Merkle batch the proof file belongs to, not just this one.
	#[arg(long)]
	pub whole_batch: bool,
}

/// The credential a status change is about, and who signs it.
#[derive(Debug, Args)]
pub struct ChangeArgs {
	/// The credential: its document, or its digest (64 hex digits, with or without 0x).
	#[arg(value_name = "FILE-OR-DIGEST")]
	pub target: String,

	/// The signing key of the issuer, one of its delegates, or its successor (--help lists its forms).
	#[arg(long, value_name = "KEY", long_help = format!("The signing key of the issuer, one of its delegates, or its successor: {KEY_HELP}."))]
	pub issuer_key: String,

	/// The credential's proof file, if it was issued in a Merkle batch. Default: <FILE>.proof.json
	/// beside the document, if there is one.
	#[arg(long, value_name = "FILE")]
	pub proof: Option<PathBuf>,

	/// As a successor: the withdrawn issuer (SS58 or hex account) whose record to change. Default:
	/// the record of the signer's own issuer.
	#[arg(long, value_name = "ACCOUNT")]
	pub predecessor: Option<String>,
}

/// `credchain verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
	/// The credential: its document, or its digest (64 hex digits, with or without 0x).
	#[arg(value_name = "FILE-OR-DIGEST")]
	pub target: String,

	/// The credential's proof file, if it was issued in a Merkle batch. Default: <FILE>.proof.json
	/// beside the document, if there is one.
	#[arg(long, value_name = "FILE")]
	pub proof: Option<PathBuf>,

	/// The issuer you expect (its website, DID or `issuer.id` URI), for a document that does not
	/// name its issuer (a PDF). A JSON credential's own `issuer` is used otherwise.
	#[arg(long, value_name = "URI")]
	pub issuer: Option<String>,

	/// Print the node's answer as JSON instead of in words.
	#[arg(long)]
	pub json: bool,
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

/// `credchain bench ...`.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
	/// Send verification requests from concurrent workers for a while, then report requests per
	/// second, latency percentiles and errors.
	Verify(BenchVerifyArgs),
}

/// `credchain bench verify`.
#[derive(Debug, Args)]
pub struct BenchVerifyArgs {
	/// The number of concurrent workers (1 to 1024).
	#[arg(long, value_name = "N", default_value_t = 8)]
	pub concurrency: usize,

	/// How long to run, in seconds (1 to 3600).
	#[arg(long, value_name = "SECONDS", default_value_t = 10)]
	pub duration: u64,

	/// The credential digest to ask about. Default: the digest of an empty document.
	#[arg(long, value_name = "HEX")]
	pub digest: Option<String>,

	/// Read the credential's storage record with state_getStorage instead of calling
	/// credentials_verify, for comparison (needs a ws:// or wss:// URL, to read the node's metadata).
	#[arg(long)]
	pub storage: bool,

	/// Stop after this many requests even if time remains.
	#[arg(long, value_name = "N", default_value_t = credchain_client::bench::DEFAULT_MAX_REQUESTS)]
	pub max_requests: u64,
}

#[cfg(test)]
mod tests {
	use super::*;
	use clap::CommandFactory;

	#[test]
	fn the_command_line_is_well_formed() {
		Cli::command().debug_assert();
	}

	#[test]
	fn issue_takes_files_key_and_terms() {
		let cli = Cli::try_parse_from([
			"credchain",
			"issue",
			"a.json",
			"b.pdf",
			"--issuer-key",
			"//Dave",
			"--valid-until",
			"2030-06-30",
			"--achievement",
			"MSc-DE",
		])
		.unwrap();
		let Command::Issue(args) = cli.command else { panic!("not issue") };
		assert_eq!(args.files.len(), 2);
		assert_eq!(args.terms.valid_until, Some(1_909_008_000_000));
		assert_eq!(cli.url, DEFAULT_URL);
	}

	#[test]
	fn bad_dates_and_reasons_are_usage_errors() {
		assert!(Cli::try_parse_from([
			"credchain",
			"issue",
			"a",
			"--issuer-key",
			"k",
			"--valid-from",
			"soon"
		])
		.is_err());
		assert!(Cli::try_parse_from([
			"credchain",
			"revoke",
			"a",
			"--issuer-key",
			"k",
			"--reason",
			"bored"
		])
		.is_err());
		let cli = Cli::try_parse_from([
			"credchain",
			"--url",
			"http://127.0.0.1:1",
			"revoke",
			"a",
			"--issuer-key",
			"k",
			"--reason",
			"holder-request",
		])
		.unwrap();
		let Command::Revoke(args) = cli.command else { panic!("not revoke") };
		assert_eq!(args.reason, RevocationReason::HolderRequest);
	}

	#[test]
	fn identity_options_parse() {
		let parse = |args: &[&str]| Cli::try_parse_from([&["credchain"], args].concat());
		let cli = parse(&["verify", "a.pdf", "--issuer", "did:web:u.example"]).unwrap();
		let Command::Verify(args) = cli.command else { panic!("not verify") };
		assert_eq!(args.issuer.as_deref(), Some("did:web:u.example"));
		let cli = parse(&["suspend", "a.pdf", "--issuer-key", "k", "--predecessor", "5F"]).unwrap();
		let Command::Suspend(args) = cli.command else { panic!("not suspend") };
		assert_eq!(args.predecessor.as_deref(), Some("5F"));
		let register = [
			"issuer",
			"register",
			"--name",
			"U",
			"--uri",
			"https://u.example",
			"--country",
			"NL",
			"--identifier",
			"did:web:u.example",
			"--identifier",
			"https://u.example/i",
			"--key",
			"k",
		];
		let Command::Issuer(IssuerCommand::Register(args)) = parse(&register).unwrap().command
		else {
			panic!("not issuer register")
		};
		assert_eq!(args.identifiers, ["did:web:u.example", "https://u.example/i"]);
		let withdraw = [
			"council",
			"propose",
			"withdraw-issuer",
			"5F",
			"--reason",
			"misconduct",
			"--distrusted-from",
			"40",
			"--key",
			"k",
		];
		assert!(parse(&withdraw).is_ok());
		assert!(
			parse(&["council", "propose", "approve-profile-change", "5F", "--key", "k"]).is_ok()
		);
		let moving =
			["council", "propose", "move-issuer-key", "5F", "--new-key", "5G", "--key", "k"];
		assert!(parse(&moving).is_ok());
		let admin = ["admin", "withdraw", "5F", "--reason", "closed", "--sudo-key", "k"];
		assert!(parse(&admin).is_ok());
	}
}
