//! The chain's refusals in words: each error of the credentials pallet, and the other ways a
//! transaction can fail, as a sentence a registrar can act on. Errors are the runtime's own types
//! ([`crate::runtime::Error`], generated from its metadata), matched exhaustively for the credentials
//! pallet, so a new error fails to compile here until it has a sentence. The runtime's name for the
//! error follows in parentheses, for support.

use std::fmt::Debug;

use crate::runtime::{self, credentials::Error as CredentialsError};

/// `Pallet.name` from the `Debug` form `Pallet(name …)` of a value of one of the runtime's outer
/// enums (`RuntimeCall`, `RuntimeError`): the runtime's own names, never restated.
pub fn runtime_name(value: &impl Debug) -> String {
	let debug = format!("{value:?}");
	let (pallet, rest) = debug.split_once('(').unwrap_or((&debug, ""));
	let name: String =
		rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
	format!("{pallet}.{name}")
}

/// The sentence for the runtime error `error`.
pub fn runtime_error(error: &runtime::Error) -> String {
	use runtime::Error as E;
	let sentence = match error {
		E::Credentials(error) => Some(credentials_error(error)),
		E::Sudo(runtime::sudo::Error::RequireSudo) => {
			Some("this key is not the chain's sudo key, so it may not make governance calls")
		}
		E::Council(error) => council_error(error),
		E::Roles(runtime::roles::Error::TooManyOpenProposals) => Some(
			"this council member already has as many motions open as one member may; wait until one \
			 of them is closed (closing gives its slot back)",
		),
		E::Session(runtime::session::Error::InvalidProof) => {
			Some("the node's proof that the session keys belong to this account is not valid")
		}
		E::Session(runtime::session::Error::DuplicatedKey) => {
			Some("another validator already registered these keys")
		}
		_ => None,
	};
	let name = runtime_name(error);
	match sentence {
		Some(sentence) => format!("{sentence} ({name})"),
		None => format!("the chain refused the transaction ({name})"),
	}
}

/// The sentence for an error of the council (`pallet-collective`), if it has one.
fn council_error(error: &runtime::council::Error) -> Option<&'static str> {
	use runtime::council::Error as E;
	Some(match error {
		E::NotMember => "this key is not a member of the council",
		E::DuplicateProposal => "the same motion is already open",
		E::ProposalMissing => "there is no open motion with this hash",
		E::WrongIndex => "the motion's index does not match its hash",
		E::DuplicateVote => "this member already voted this way on the motion",
		E::TooEarly => {
			"the motion does not have enough ayes yet, and its voting period is not over"
		}
		E::TooManyProposals => "the council has as many open motions as it may",
		_ => return None,
	})
}

/// The sentence for an error of the credentials pallet.
fn credentials_error(error: &CredentialsError) -> &'static str {
	use CredentialsError as E;
	match error {
		E::IssuerAlreadyRegistered => "this account is already registered as an issuer",
		E::AccountIsDelegate =>
			"this account is a delegate key of an issuer, so it cannot register as an issuer itself",
		E::IssuerNotFound => "no issuer is registered under this account",
		E::InvalidName =>
			"the institution's name is empty, not valid UTF-8, has white space at either end, or has a \
			 control, bidirectional-override or invisible character",
		E::InvalidUri =>
			"a website, DID or identifier is not a URI: it needs a scheme (https:, did:, …), no white \
			 space, and no control, bidirectional-override or invisible character",
		E::DuplicateIdentifier => "the profile gives the same identifier twice",
		E::TooManyIdentifiers => "the profile has more identifiers than this chain allows",
		E::NameTaken =>
			"another issuer already holds this name (names are compared ignoring case, width and \
			 Unicode compatibility forms): no issuer can take another's name",
		E::IdentifierTaken =>
			"another issuer already holds this website, DID or identifier (compared ignoring case and \
			 Unicode forms): no issuer can take another's identifier",
		E::ProfileChangeNotProposed => "the issuer has no pending profile change to approve",
		E::ProfileChangeMismatch =>
			"the profile to approve is not the one the issuer proposed (it may have proposed another since)",
		E::DistrustBlockRequired =>
			"a withdrawal for misconduct must name the block from which the issuer's credentials are \
			 no longer trusted (--distrusted-from)",
		E::DistrustNotAllowed =>
			"an institution that closed or merged keeps its credentials trusted: do not name a \
			 distrusted block",
		E::DistrustBlockInFuture => "the distrusted block is after the current block",
		E::InvalidCountryCode =>
			"the country must be an ISO 3166-1 alpha-2 code of two upper-case letters, such as NL or DE",
		E::TooManyPendingApplications =>
			"too many applications are already waiting for accreditation; try again once the consortium \
			 has decided on some",
		E::NotAnApplicant => "only an applicant (registered, not yet accredited) can be accredited or rejected",
		E::IssuerNotAccredited => "only an accredited issuer can be suspended",
		E::IssuerNotSuspended => "only a suspended issuer can be reinstated",
		E::IssuerWithdrawn =>
			"the issuer's accreditation was withdrawn: it may no longer issue or change credentials",
		E::IssuerNotWithdrawn => "only an issuer whose accreditation was withdrawn can be given a successor",
		E::InvalidSuccessor => "the successor must be another issuer that is accredited now",
		E::NotASigner =>
			"this key is not allowed to issue: it is neither an accredited issuer nor a delegate of one",
		E::NotTheIssuerAccount =>
			"only the issuer's own signing key may do this, not one of its delegate keys (nor a key \
			 governance moved away)",
		E::AlreadyASigner => "this account already signs for an issuer, as the issuer or as a delegate",
		E::DelegateNotFound => "this account is not a delegate of your institution",
		E::TooManyDelegates =>
			"your institution has as many delegate keys and open invitations as allowed; remove one first",
		E::AlreadyInvited => "your institution already invited this key; it has not answered yet",
		E::NoInvitation =>
			"this issuer has no open invitation for this key (it was never invited, or the invitation was \
			 cancelled, declined or already accepted)",
		E::IssuanceQuotaExceeded =>
			"the institution has issued as many credentials as its quota allows: the per-block quota frees \
			 at the next block (send smaller batches), the per-day quota at the start of the next quota day \
			 (every 14,400 blocks); the consortium can raise the quota with a council motion \
			 (set-issuance-quota)",
		E::IssuerSuspended =>
			"the issuer's accreditation is suspended: it may not issue or reinstate credentials until the \
			 consortium reinstates it",
		E::InvalidValidityWindow =>
			"the validity window ends before it starts: --valid-until must be later than --valid-from",
		E::CredentialAlreadyExists =>
			"this credential was already issued (digests are never reused, even after revocation)",
		E::CredentialNotFound =>
			"the issuer this key acts for has issued no credential with this digest on this chain \
			 (an issuer can change only its own credentials; give --predecessor for one it succeeded)",
		E::NotAuthorized =>
			"this key may not change this credential: it belongs neither to the credential's issuer, nor \
			 to a delegate of it, nor to its successor",
		E::AlreadyRevoked => "this credential is already revoked, which is final",
		E::AlreadySuspended => "this credential is already suspended",
		E::NotSuspended => "this credential is not suspended, so there is nothing to reinstate",
		E::EmptyBatch => "the batch of credentials is empty",
		E::NoLeaves => "a Merkle batch must hold at least one credential",
		E::BatchAlreadyExists =>
			"this batch was already anchored: a batch with the same Merkle root exists (the same documents \
			 in the same order)",
		E::BatchNotFound => "no batch with this Merkle root was anchored on this chain",
		E::LeafIndexOutOfRange => "the proof's leaf index is beyond the number of credentials in the batch",
		E::InvalidMerkleProof =>
			"the proof does not show that this credential belongs to the batch: the document or its proof \
			 file was altered",
		E::InvalidAchievementName =>
			"the achievement's name is empty, has spaces at either end, or has control or invisible \
			 characters",
		E::InvalidAchievementUri =>
			"the achievement's id, criteria id or an alignment's targetUrl is not a URI",
		E::InvalidEqfLevel => "the EQF level must be between 1 and 8",
		E::InvalidLanguageTag => "inLanguage is not a language tag such as en or nl-BE",
		E::InvalidCredits => "the achievement's credits must be more than zero",
		E::AchievementAlreadyExists =>
			"your institution already registered an achievement with this id (URI); publish a new \
			 version of it instead",
		E::UnknownAchievement => "no achievement with this id is registered on this chain",
		E::ForeignAchievement =>
			"this achievement belongs to another institution, which has not shared it with yours",
		E::NotTheAchievementOwner => "only the institution that registered this achievement may do this",
		E::AchievementDeprecated =>
			"this achievement is deprecated: no new credentials or versions of it",
		E::AchievementUriChanged => "a new version must keep the achievement's id (URI)",
		E::StackingKindChanged =>
			"a stacked achievement stays stacked and a plain one plain: a new version may change the rule, \
			 not add or remove it",
		E::TooManyAchievementVersions => "this achievement has as many versions as this chain allows",
		E::AlreadyShared => "the achievement is already shared with this institution (or is its own)",
		E::NotShared => "the achievement is not shared with this institution",
		E::TooManyShares =>
			"the achievement is shared with as many institutions as this chain allows",
		E::AlreadyEndorsed => "the consortium already endorses this achievement",
		E::NotEndorsed => "the consortium does not endorse this achievement",
		E::InvalidStackingRule =>
			"the stacking rule names no component or one twice, asks for no component or more than it \
			 names, or counts credits the stacked achievement has no credit system for",
		E::StackingCycle =>
			"a stacked achievement may only name components registered before it (so no rule can lead \
			 back to itself)",
		E::ComponentsRequired =>
			"this achievement stacks: issue its credentials with --components, citing the credentials \
			 that earn it",
		E::NotAStackedAchievement =>
			"this achievement does not stack: issue its credentials without --components",
		E::HolderRequired =>
			"a stacked credential must commit to its holder (--holder or --holder-identity)",
		E::DuplicateComponent =>
			"a component credential, or a second credential of one component achievement, is cited twice",
		E::ComponentNotFound => "a component credential is not on this chain for the issuer cited",
		E::ComponentNotValid =>
			"a component credential is not valid now (revoked, suspended, expired or distrusted)",
		E::ComponentHolderMismatch =>
			"a component credential belongs to another holder: every component must commit to the \
			 stacked credential's holder",
		E::ComponentNotInRule =>
			"a component credential is of an achievement the stacking rule does not name",
		E::StackingRuleNotMet => "fewer component credentials than the stacking rule asks for",
		E::NotEnoughCredits =>
			"the component credentials are worth fewer credits than the stacking rule asks for",
	}
}

/// The refusal codes of the runtime's `CheckRole` transaction extension (`pallets/roles`), with
/// what each says, for `docs/rpc.md` and the tests.
pub const ROLE_REFUSALS: [(u8, &str); 3] = [
	(
		1,
		"it holds no role on the chain (it is not an accredited issuer, a delegate of one, or another \
		 participant the consortium registered), or its last role was removed; check that you used the \
		 right key",
	),
	(
		2,
		"none of its roles may sign this call (for example a delegate key managing session keys, or an \
		 issuer's delegate managing the issuer's other delegates)",
	),
	(
		3,
		"nobody may sign this call: only governance (a council motion, or the sudo key of a development \
		 chain) may make it",
	),
];

/// The sentence for a `CheckRole` refusal of a transaction from `account`, from the node's lower-case
/// message, if it is one.
fn role_refusal(lower: &str, account: &str) -> Option<String> {
	let code = lower.split("custom error: ").nth(1)?;
	let code: u8 =
		code.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()?;
	let (_, reason) = ROLE_REFUSALS.iter().find(|(known, _)| *known == code)?;
	Some(format!("the chain does not accept this transaction from the account {account}: {reason}"))
}

/// The sentence for a transaction the node would not accept into its pool, from the node's message
/// (`Invalid Transaction: …`). `account` is the signer's address.
pub fn invalid_transaction(message: &str, account: &str) -> String {
	let lower = message.to_lowercase();
	// `Custom error: N` is the runtime's `CheckRole` refusal: `pallet_roles::NO_ROLE` (1),
	// `CALL_NOT_PERMITTED` (2), `GOVERNANCE_ONLY` (3). "payment" is `CheckNonce`'s refusal of an
	// account without a provider, which says the same as 1.
	if let Some(sentence) = role_refusal(&lower, account) {
		format!("{sentence} ({message})")
	} else if lower.contains("inability to pay") || lower.contains("payment") {
		format!(
			"the chain does not accept transactions from the account {account}: it holds no role on \
			 the chain (it is not an accredited issuer, a delegate of one, or another participant the \
			 consortium registered); check that you used the right key ({message})"
		)
	} else if ["outdated", "stale", "future", "priority", "already imported"]
		.iter()
		.any(|word| lower.contains(word))
	{
		format!(
			"the chain refused the transaction because another transaction from {account} was sent at \
			 the same time; wait for it to be finalized and try again ({message})"
		)
	} else if lower.contains("bad proof")
		|| lower.contains("badproof")
		|| lower.contains("signature")
	{
		format!("the chain refused the transaction's signature ({message})")
	} else if lower.contains("exhausts the resources") || lower.contains("exhaustsresources") {
		format!(
			"the transaction is too large for one block; use fewer documents at a time ({message})"
		)
	} else if lower.contains("ancient") {
		format!("the transaction was signed against a block too old; try again ({message})")
	} else {
		format!("the chain refused the transaction: {message}")
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_runtime_refusal_of_an_account_without_a_role_is_explained() {
		let message = "Invalid Transaction: Custom error: 1";
		assert!(invalid_transaction(message, "5Outsider").contains("holds no role"));
	}

	#[test]
	fn each_role_refusal_code_has_its_own_sentence() {
		let not_permitted = invalid_transaction("Invalid Transaction: Custom error: 2", "5Dave");
		assert!(not_permitted.contains("none of its roles may sign this call"), "{not_permitted}");
		let governance = invalid_transaction("Invalid Transaction: Custom error: 3", "5Dave");
		assert!(governance.contains("only governance"), "{governance}");
		// Code 12 is none of them.
		let other = invalid_transaction("Invalid Transaction: Custom error: 12", "5Dave");
		assert!(other.starts_with("the chain refused the transaction"), "{other}");
	}

	#[test]
	fn sentences_name_the_runtime_error() {
		let error = runtime::Error::Credentials(CredentialsError::NotASigner);
		assert_eq!(
			runtime_error(&error),
			"this key is not allowed to issue: it is neither an accredited issuer nor a delegate of one \
			 (Credentials.NotASigner)"
		);
		let taken = runtime::Error::Credentials(CredentialsError::CredentialAlreadyExists);
		assert!(runtime_error(&taken).starts_with("this credential was already issued"));
		let other = runtime::Error::Council(runtime::council::Error::PrimeAccountNotMember);
		assert_eq!(
			runtime_error(&other),
			"the chain refused the transaction (Council.PrimeAccountNotMember)"
		);
	}

	#[test]
	fn an_account_without_a_role_is_explained() {
		let sentence =
			invalid_transaction("Invalid Transaction: Inability to pay some fees", "5Eve");
		assert!(sentence.contains("holds no role") && sentence.contains("5Eve"), "{sentence}");
	}
}
