//! The node's answers to a verifier (`credentials_verify`, `credentials_verifyInBatch`,
//! `credentials_issuer`: the types of `pallet_credentials_rpc::answers`, which the node writes and
//! this client reads), rendered for a person.

use std::fmt::Write as _;

use pallet_credentials_rpc::answers::{
	AchievementInfo, CreditsInfo, IssuerInfo, RevocationReason, Standing, Status, Verdict, Warning,
	WarningKind, WithdrawalReason,
};
use sp_core::H256;

use crate::{dates::format_millis, text::for_terminal};

/// `0x` and the 64 hex digits of `hash` (its `Display` abbreviates it).
fn hex(hash: &H256) -> String {
	format!("{hash:?}")
}

/// The width of the labels of a rendering.
const LABEL: usize = 14;

/// Appends `label: value` to `out`, the value aligned. Values hold what the node and documents say
/// (names, URIs, identifiers, accounts), so they are escaped for the terminal here, in one place.
fn line(out: &mut String, label: &str, value: impl std::fmt::Display) {
	let value = for_terminal(&value.to_string());
	let _ = writeln!(out, "{:<LABEL$}{value}", format!("{label}:"));
}

/// The status of `verdict` in words, with its details.
pub fn status_in_words(verdict: &Verdict) -> String {
	match verdict.status {
		Status::Valid => "VALID: issued, in force and within its validity window".into(),
		Status::Revoked => match &verdict.revocation {
			Some(revocation) => format!(
				"REVOKED for good in block #{}: {}",
				revocation.block,
				revocation_reason_in_words(revocation.reason)
			),
			None => "REVOKED for good".into(),
		},
		Status::Suspended => match verdict.suspended_since {
			Some(block) => format!("SUSPENDED by its issuer since block #{block}; it may be reinstated"),
			None => "SUSPENDED by its issuer; it may be reinstated".into(),
		},
		Status::Expired => match verdict.valid_until {
			Some(until) => format!("EXPIRED: its validity ended on {}", format_millis(until)),
			None => "EXPIRED: its validity has ended".into(),
		},
		Status::NotYetValid => match verdict.valid_from {
			Some(from) => format!("NOT YET VALID: it becomes valid on {}", format_millis(from)),
			None => "NOT YET VALID".into(),
		},
		Status::Unknown =>
			"UNKNOWN: no credential with this digest was issued on this chain; the document may have \
			 been altered, or it was never issued"
				.into(),
		Status::InvalidProof =>
			"INVALID PROOF: the batch exists, but the proof does not show that this document belongs \
			 to it; the document or its proof file was altered"
				.into(),
		Status::IssuerRevoked => match &verdict.issuer_revocation {
			Some(revocation) => format!(
				"ISSUER REVOKED: the consortium withdrew its issuer ({}) and distrusts what it issued \
				 from block #{} on; this credential was issued from then on",
				withdrawal_reason_in_words(revocation.reason),
				revocation.since_block
			),
			None => "ISSUER REVOKED: the consortium distrusts what its issuer issued".into(),
		},
		Status::IssuerMismatch =>
			"ISSUER MISMATCH: the document names an issuer that never anchored it on this chain; \
			 another issuer did. It does not come from the issuer it names"
				.into(),
		Status::AmbiguousIssuer =>
			"AMBIGUOUS ISSUER: the document names no issuer, and several issuers anchored it; run \
			 again with --issuer <URI> to name the issuer you expect"
				.into(),
		Status::ComponentRevoked => match &verdict.revoked_component {
			Some(component) => format!(
				"COMPONENT REVOKED: this award stacks on credential {}, which was revoked (or its \
				 issuer is distrusted); the award no longer stands",
				hex(component)
			),
			None => "COMPONENT REVOKED: a credential this award stacks on was revoked".into(),
		},
		Status::Unrecognized =>
			"a status this version of credchain does not know (the node is newer): treat the \
			 credential as not valid"
				.into(),
	}
}

/// `verdict` for a person, one fact per line. `subject` names what was verified (a file).
pub fn render(verdict: &Verdict, subject: Option<&str>) -> String {
	let mut out = String::new();
	match subject {
		Some(subject) => {
			line(&mut out, "Credential", format!("{}  {subject}", hex(&verdict.digest)))
		}
		None => line(&mut out, "Credential", hex(&verdict.digest)),
	}
	line(&mut out, "Status", status_in_words(verdict));
	render_attribution(verdict, &mut out);
	if let Some(block) = verdict.issued_at_block {
		let when = verdict
			.issued_at_time
			.map(|time| format!(" on {}", format_millis(time)))
			.unwrap_or_default();
		line(&mut out, "Issued", format!("in block #{block}{when}"));
		line(&mut out, "Valid", window_in_words(verdict));
	}
	match (&verdict.achievement_info, &verdict.achievement) {
		(Some(achievement), _) => render_achievement(&mut out, achievement),
		(None, Some(id)) => line(&mut out, "Achievement", format!("{} (not registered)", hex(id))),
		(None, None) => {}
	}
	for component in &verdict.components {
		let status = format!("{:?}", component.status);
		line(
			&mut out,
			"Component",
			format!(
				"{} by {}: {}",
				hex(&component.digest),
				component.issuer,
				status.to_lowercase()
			),
		);
	}
	if let Some(commitment) = &verdict.holder_commitment {
		line(&mut out, "Holder", format!("commitment {}", hex(commitment)));
	}
	if let Some(batch) = &verdict.batch {
		line(
			&mut out,
			"Batch",
			format!(
				"one of {} credentials anchored with root {}",
				batch.leaf_count,
				hex(&batch.root)
			),
		);
	}
	line(
		&mut out,
		"Checked at",
		format!(
			"block #{} ({}), {}",
			verdict.read_at.block,
			hex(&verdict.read_at.hash),
			format_millis(verdict.read_at.time)
		),
	);
	for warning in &verdict.warnings {
		line(&mut out, "Warning", warning_in_words(verdict, warning));
	}
	out
}

/// An achievement for a person (`credchain achievement show`), one fact per line.
pub fn render_achievement_alone(achievement: &AchievementInfo) -> String {
	let mut out = String::new();
	render_achievement(&mut out, achievement);
	if let Some(rule) = &achievement.rule {
		for component in &rule.components {
			line(&mut out, "Component of", hex(component));
		}
	}
	if !achievement.shared_with.is_empty() {
		let shared: Vec<String> = achievement.shared_with.iter().map(ToString::to_string).collect();
		line(&mut out, "Shared with", shared.join(", "));
	}
	out
}

/// What a credential certifies, from the achievement registry.
fn render_achievement(out: &mut String, achievement: &AchievementInfo) {
	let mut facts = vec![achievement.kind.clone()];
	if let Some(level) = achievement.eqf_level {
		facts.push(format!("EQF level {level}"));
	}
	if let Some(credits) = &achievement.credits {
		facts.push(credits_in_words(credits));
	}
	line(out, "Achievement", format!("{} ({})", achievement.name, facts.join(", ")));
	line(
		out,
		"Defined as",
		format!(
			"{}, version {} of {} ({}), by {}",
			achievement.uri,
			achievement.version,
			achievement.latest_version,
			hex(&achievement.id),
			achievement.owner
		),
	);
	if let Some(criteria) = &achievement.criteria_uri {
		let digest = achievement
			.criteria_digest
			.map(|digest| format!(" (criteria text SHA-256 {})", hex(&digest)))
			.unwrap_or_default();
		line(out, "Criteria", format!("{criteria}{digest}"));
	}
	if !achievement.skills.is_empty() {
		line(out, "Skills", achievement.skills.join(", "));
	}
	if let Some(rule) = &achievement.rule {
		let credits = rule
			.min_credits
			.map(|hundredths| format!(" worth at least {} credits", decimal(hundredths)))
			.unwrap_or_default();
		line(
			out,
			"Stacks",
			format!(
				"at least {} of {} component achievements{credits}",
				rule.min_count,
				rule.components.len()
			),
		);
	}
	match achievement.endorsed_at_block {
		Some(block) => line(out, "Endorsed", format!("by the consortium since block #{block}")),
		None => line(out, "Endorsed", "no"),
	}
	if let Some(block) = achievement.deprecated_at_block {
		line(out, "Deprecated", format!("since block #{block}: no new credentials of it"));
	}
}

/// A credit value, such as `7.5 Ects`.
pub fn credits_in_words(credits: &CreditsInfo) -> String {
	format!("{} {}", decimal(credits.hundredths), credits.system)
}

/// Hundredths as a decimal number: 750 → `7.5`, 500 → `5`.
fn decimal(hundredths: u32) -> String {
	let whole = hundredths / 100;
	match hundredths % 100 {
		0 => whole.to_string(),
		part if part % 10 == 0 => format!("{whole}.{}", part / 10),
		part => format!("{whole}.{part:02}"),
	}
}

/// Who the document says issued it, and who anchored it on chain. A document that names no issuer
/// is attributed by the chain alone: the on-chain issuer comes first, then a reminder to check it
/// is the one expected.
fn render_attribution(verdict: &Verdict, out: &mut String) {
	if let Some(claim) = &verdict.claimed_issuer {
		let registered = match &claim.registered_to {
			Some(account) => format!("registered to {account}"),
			None => "registered to no issuer on this chain".into(),
		};
		line(out, "Names issuer", format!("{} ({registered})", claim.identifier));
	}
	if let Some(issuer) = &verdict.issuer {
		// In a mismatch, the issuer the node describes is not the one named but the one that
		// anchored the document.
		let label = if verdict.status == Status::IssuerMismatch { "Anchored by" } else { "Issuer" };
		render_issuer_lines(out, label, issuer, false);
		if verdict.claimed_issuer.is_none() {
			line(
				out,
				"Names issuer",
				"none: the document does not name its issuer; check that the issuer above is the \
				 one you expect",
			);
		}
	}
	let described = verdict.issuer.as_ref().map(|issuer| &issuer.account);
	let others: Vec<String> = verdict
		.anchored_by
		.iter()
		.filter(|account| Some(*account) != described)
		.map(ToString::to_string)
		.collect();
	if !others.is_empty() {
		let label = if described.is_some() { "Also anchored" } else { "Anchored by" };
		line(out, label, others.join(", "));
	}
}

/// `warning`, one of the warnings of `verdict`, in words.
fn warning_in_words(verdict: &Verdict, warning: &Warning) -> String {
	let since =
		warning.since_block.map(|block| format!(" since block #{block}")).unwrap_or_default();
	match warning.kind {
		WarningKind::IssuerNotNamed => {
			"the document does not name its issuer: the chain attributes \
		                                it to the issuer above, which you must check is the one you \
		                                expect"
				.into()
		}
		WarningKind::IssuerSuspended => format!(
			"its issuer's accreditation is suspended{since}; the credential keeps its own status"
		),
		WarningKind::IssuerWithdrawn => {
			let reason =
				withdrawal_reason_in_words(warning.reason.unwrap_or(WithdrawalReason::Other));
			let successor = verdict
				.issuer
				.as_ref()
				.and_then(|issuer| issuer.successor_name.as_deref())
				.map(|name| format!("; {name} takes care of its credentials"))
				.unwrap_or_default();
			match warning.distrusted_from_block {
				Some(from) => format!(
					"its issuer was withdrawn{since} ({reason}), and the consortium distrusts what it \
					 issued from block #{from} on; this credential was issued before that{successor}"
				),
				None => format!(
					"its issuer was withdrawn{since} ({reason}); the credential keeps its own \
					 status{successor}"
				),
			}
		}
		WarningKind::Unrecognized => "a warning this version of credchain does not know (the node \
		                              is newer)"
			.into(),
	}
}

/// The validity window of `verdict` in words.
fn window_in_words(verdict: &Verdict) -> String {
	match (verdict.valid_from, verdict.valid_until) {
		(None, None) => "from issuance, with no end".into(),
		(Some(from), None) => format!("from {}, with no end", format_millis(from)),
		(None, Some(until)) => format!("from issuance until {}", format_millis(until)),
		(Some(from), Some(until)) => {
			format!("from {} until {}", format_millis(from), format_millis(until))
		}
	}
}

/// An issuer for a person, one fact per line (`credchain issuer show`).
pub fn render_issuer(issuer: &IssuerInfo) -> String {
	let mut out = String::new();
	render_issuer_lines(&mut out, "Issuer", issuer, true);
	out
}

/// Appends the lines that describe `issuer` to `out`, the first labelled `label`. Its signing key
/// is shown when governance moved it away from its account, or always with `show_own_key`.
fn render_issuer_lines(out: &mut String, label: &str, issuer: &IssuerInfo, show_own_key: bool) {
	let country =
		if issuer.country.is_empty() { String::new() } else { format!(" ({})", issuer.country) };
	let site = if issuer.uri.is_empty() { String::new() } else { format!(", {}", issuer.uri) };
	line(out, label, format!("{}{site}{country}", issuer.name));
	line(out, "Account", &issuer.account);
	if issuer.key != issuer.account {
		line(out, "Signing key", format!("{} (moved there by governance)", issuer.key));
	} else if show_own_key {
		line(out, "Signing key", format!("{} (its own account)", issuer.key));
	}
	if !issuer.identifiers.is_empty() {
		line(out, "Identifiers", issuer.identifiers.join(", "));
	}
	line(out, "Standing", standing_in_words(issuer));
	if let Some(from) = issuer.distrusted_from_block {
		line(out, "Distrusted", format!("what it issued from block #{from} on"));
	}
	if let Some(successor) = &issuer.successor {
		let name =
			issuer.successor_name.as_deref().map(|name| format!("{name} ")).unwrap_or_default();
		line(out, "Successor", format!("{name}({successor}) now takes care of its credentials"));
	}
}

/// An issuer's standing in words.
pub fn standing_in_words(issuer: &IssuerInfo) -> String {
	let since = format!("since block #{}", issuer.standing_since_block);
	match issuer.standing {
		Standing::Accredited => format!("accredited {since}"),
		Standing::Applicant => format!("applicant, not yet accredited ({since})"),
		Standing::Suspended => {
			format!("accreditation suspended {since}: it may not issue new credentials for now")
		}
		Standing::Withdrawn => {
			let reason = issuer
				.withdrawal_reason
				.map(|reason| format!(" ({})", withdrawal_reason_in_words(reason)))
				.unwrap_or_default();
			format!(
				"accreditation withdrawn{reason} {since}: it issues no more credentials, and what it \
				 issued stays on record"
			)
		}
		Standing::Unrecognized => {
			format!("a standing this version of credchain does not know ({since})")
		}
	}
}

/// A revocation reason in words.
pub fn revocation_reason_in_words(reason: RevocationReason) -> &'static str {
	match reason {
		RevocationReason::IssuedInError => "it was issued in error",
		RevocationReason::Superseded => "superseded by a newer credential",
		RevocationReason::FraudOrMisconduct => "fraud or misconduct",
		RevocationReason::HolderRequest => "at the holder's request",
		RevocationReason::Other => "for another reason, recorded off chain",
	}
}

/// A withdrawal reason in words.
pub fn withdrawal_reason_in_words(reason: WithdrawalReason) -> &'static str {
	match reason {
		WithdrawalReason::Closed => "the institution closed",
		WithdrawalReason::Merged => "the institution merged into another",
		WithdrawalReason::StandardsNotMet => "it no longer meets the consortium's standards",
		WithdrawalReason::Misconduct => "fraud or misconduct",
		WithdrawalReason::Voluntary => "at its own request",
		WithdrawalReason::Other => "for another reason, recorded off chain",
	}
}

#[cfg(test)]
mod tests;
