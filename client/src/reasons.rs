//! The command-line names of the reasons the chain records — why a credential is revoked
//! ([`RevocationReason`]), why an issuer's accreditation is withdrawn ([`WithdrawalReason`]) — which
//! are the credentials pallet's own types. The names come from the types' metadata (a variant
//! `HolderRequest` is `holder-request` on the command line), so a reason added to the pallet is
//! accepted here without a change.

use codec::{Decode, Encode};
use scale_info::{TypeDef, TypeInfo};

pub use pallet_credentials::{RevocationReason, WithdrawalReason};

/// The variant names of the enum `T` (without fields), in the order the chain encodes them, with
/// their indices.
fn variants<T: TypeInfo + 'static>() -> Vec<(&'static str, u8)> {
	match T::type_info().type_def {
		TypeDef::Variant(def) => {
			def.variants.iter().map(|variant| (variant.name, variant.index)).collect()
		}
		_ => Vec::new(),
	}
}

/// `HolderRequest` as the command line writes it: `holder-request`.
fn kebab_case(name: &str) -> String {
	let mut kebab = String::with_capacity(name.len() + 4);
	for (i, c) in name.chars().enumerate() {
		if c.is_uppercase() && i > 0 {
			kebab.push('-');
		}
		kebab.extend(c.to_lowercase());
	}
	kebab
}

/// `text` in lower case without dashes, underscores or spaces, to compare names written in any
/// style.
fn normalize(text: &str) -> String {
	text.trim()
		.chars()
		.filter(|c| !matches!(c, '-' | '_' | ' '))
		.flat_map(char::to_lowercase)
		.collect()
}

/// The command-line names of every value of `T`, in the chain's order.
pub fn names<T: TypeInfo + 'static>() -> Vec<String> {
	variants::<T>().into_iter().map(|(name, _)| kebab_case(name)).collect()
}

/// The command-line name of `value` (`holder-request`).
pub fn name<T: TypeInfo + Encode + 'static>(value: &T) -> String {
	let index = value.encode().first().copied();
	variants::<T>()
		.into_iter()
		.find(|(_, variant)| Some(*variant) == index)
		.map_or_else(|| format!("{index:?}"), |(name, _)| kebab_case(name))
}

/// The value of `T` that `text` names — in the command line's style (`holder-request`), the JSON
/// style (`holderRequest`) or the chain's (`HolderRequest`), in any case — or a message listing
/// the names `what` accepts.
pub fn parse<T: TypeInfo + Decode + 'static>(text: &str, what: &str) -> Result<T, String> {
	let wanted = normalize(text);
	variants::<T>()
		.into_iter()
		.find(|(name, _)| normalize(name) == wanted)
		.and_then(|(_, index)| T::decode(&mut &[index][..]).ok())
		.ok_or_else(|| {
			format!("{:?} is not a {what}: use one of {}", text.trim(), names::<T>().join(", "))
		})
}

/// Parses a revocation reason (for clap).
pub fn parse_revocation_reason(text: &str) -> Result<RevocationReason, String> {
	parse(text, "revocation reason")
}

/// Parses a withdrawal reason (for clap).
pub fn parse_withdrawal_reason(text: &str) -> Result<WithdrawalReason, String> {
	parse(text, "withdrawal reason")
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_revocation_reason_parses_in_every_style() {
		let names = names::<RevocationReason>();
		assert_eq!(
			names.join(", "),
			"issued-in-error, superseded, fraud-or-misconduct, holder-request, other"
		);
		for name in &names {
			let reason = parse_revocation_reason(name).unwrap();
			assert_eq!(parse_revocation_reason(&format!("{reason:?}")), Ok(reason));
			assert_eq!(parse_revocation_reason(&name.to_uppercase()), Ok(reason));
			assert_eq!(&super::name(&reason), name);
			let json = serde_json::to_value(reason).unwrap();
			assert_eq!(parse_revocation_reason(json.as_str().unwrap()), Ok(reason));
		}
		assert_eq!(
			parse_revocation_reason(" holder_request "),
			Ok(RevocationReason::HolderRequest)
		);
	}

	#[test]
	fn unknown_reasons_list_the_valid_ones() {
		let error = parse_revocation_reason("expired").unwrap_err();
		assert!(error.contains("\"expired\""), "{error}");
		assert!(error
			.contains("issued-in-error, superseded, fraud-or-misconduct, holder-request, other"));
		assert!(parse_revocation_reason("").is_err());
		let error = parse_withdrawal_reason("bankrupt").unwrap_err();
		assert!(error.contains("standards-not-met"), "{error}");
		assert_eq!(
			parse_withdrawal_reason("standardsNotMet"),
			Ok(WithdrawalReason::StandardsNotMet)
		);
	}
}
