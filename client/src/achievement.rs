//! Achievements as the chain registers them, read from Open Badges 3.0 `Achievement` JSON, and their
//! ids. `docs/achievements.md` maps every field.
//!
//! | Open Badges 3.0 | chain |
//! | --- | --- |
//! | `id` | `uri` (with the issuer's account, the achievement's id) |
//! | `name` | `name` |
//! | `achievementType` | `kind` |
//! | `creditsAvailable` | `credits` (hundredths, in the credit system the registrar names) |
//! | `criteria.id` | `criteria_uri` |
//! | `criteria.narrative` | `criteria_digest` (SHA-256 of its UTF-8) |
//! | `alignment[].targetUrl` | `skills` (an EQF alignment gives `eqf_level` instead) |
//! | `inLanguage` | `language` |

use pallet_credentials::{
	AchievementDefinition, AchievementKind, CreditSystem, Credits, LanguageTag, StackingRule,
};
use serde_json::Value;
use sha2::{Digest as _, Sha256};
use sp_core::{bounded::BoundedVec, ConstU32};

use crate::{AccountId32, Digest, Error, Result};

/// The largest bound any runtime may set: encoding does not depend on it, the chain checks its own.
type Unbounded = ConstU32<{ u32::MAX }>;

/// An achievement definition as the client builds it (the chain applies its own bounds).
pub type Definition = AchievementDefinition<Unbounded, Unbounded, Unbounded>;

/// A stacking rule as the client builds it.
pub type Rule = StackingRule<Unbounded>;

/// The id of the achievement `issuer` registered (or registers) under `uri`.
pub fn achievement_id(issuer: &AccountId32, uri: &str) -> Digest {
	pallet_credentials::achievement_id_of(&issuer.0, uri.as_bytes())
}

/// The prefix of the EQF levels' URIs in the European Learning Model.
const EQF_URI_PREFIX: &str = "http://data.europa.eu/snb/eqf/";

/// The definition an Open Badges 3.0 `Achievement` states, its credits counted in `credit_system`.
/// `json` is the `Achievement` itself or a whole credential (its `credentialSubject.achievement`).
pub fn definition_from_open_badge(json: &Value, credit_system: CreditSystem) -> Result<Definition> {
	let achievement = json
		.get("credentialSubject")
		.and_then(|subject| subject.get("achievement"))
		.unwrap_or(json);
	let text = |field: &str| achievement.get(field).and_then(Value::as_str);
	let uri = text("id").ok_or_else(|| {
		Error::input("the achievement has no `id`: its URI is its identity on chain")
	})?;
	let name = match achievement.get("name") {
		Some(Value::String(name)) => name.clone(),
		// A language map (`{"en": "…"}`): its first entry.
		Some(Value::Object(names)) => {
			names.values().find_map(Value::as_str).unwrap_or_default().to_string()
		}
		_ => return Err(Error::input("the achievement has no `name`")),
	};
	let kind = match text("achievementType") {
		Some(kind) => parse_kind(kind)?,
		None => AchievementKind::Achievement,
	};
	let credits = match achievement.get("creditsAvailable") {
		None | Some(Value::Null) => None,
		Some(value) => Some(Credits { hundredths: hundredths(value)?, system: credit_system }),
	};
	let criteria = achievement.get("criteria");
	let criteria_uri = criteria.and_then(|criteria| criteria.get("id")).and_then(Value::as_str);
	let criteria_digest = criteria
		.and_then(|criteria| criteria.get("narrative"))
		.and_then(Value::as_str)
		.map(|narrative| Sha256::digest(narrative.as_bytes()).into());
	let mut eqf_level = None;
	let mut skills = Vec::new();
	for alignment in achievement.get("alignment").and_then(Value::as_array).into_iter().flatten() {
		let target = alignment.get("targetUrl").and_then(Value::as_str);
		match eqf_alignment(alignment, target) {
			Some(level) => eqf_level = Some(level),
			None => skills.extend(target.map(bytes)),
		}
	}
	let language = text("inLanguage")
		.map(|tag| {
			LanguageTag::try_from(tag.as_bytes().to_vec()).map_err(|_| {
				Error::input(format!("`inLanguage` {tag:?} is longer than a language tag can be"))
			})
		})
		.transpose()?;
	Ok(Definition {
		uri: bytes(uri),
		name: bytes(&name),
		kind,
		eqf_level,
		credits,
		criteria_uri: criteria_uri.map(bytes),
		criteria_digest,
		skills: BoundedVec::truncate_from(skills),
		language,
	})
}

/// `text` as the chain's bytes.
fn bytes(text: &str) -> BoundedVec<u8, Unbounded> {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

/// The EQF level an `alignment` names: one whose `targetFramework` is EQF (level in
/// `targetCode`), or whose `targetUrl` is an EQF level's URI.
fn eqf_alignment(alignment: &Value, target: Option<&str>) -> Option<u8> {
	let framework = alignment.get("targetFramework").and_then(Value::as_str).unwrap_or_default();
	let code = alignment.get("targetCode").and_then(Value::as_str);
	let level = if framework.eq_ignore_ascii_case("EQF") {
		code.or_else(|| target.and_then(|url| url.rsplit('/').next()))
	} else {
		target.and_then(|url| url.strip_prefix(EQF_URI_PREFIX))
	};
	level.and_then(|level| level.trim().parse().ok())
}

/// A credit value in hundredths: a non-negative number with at most two decimals.
fn hundredths(value: &Value) -> Result<u32> {
	let credits = value.as_f64().filter(|credits| credits.is_finite() && *credits > 0.0);
	let scaled = credits.map(|credits| credits * 100.0);
	match scaled {
		Some(scaled) if (scaled - scaled.round()).abs() < 1e-6 && scaled <= u32::MAX as f64 => {
			Ok(scaled.round() as u32)
		}
		_ => Err(Error::input(format!(
			"`creditsAvailable` must be a positive number with at most two decimals, not {value}"
		))),
	}
}

/// An Open Badges 3.0 `achievementType`: the name of one of the chain's [`AchievementKind`]s, which
/// are that vocabulary.
pub fn parse_kind(text: &str) -> Result<AchievementKind> {
	serde_json::from_value(Value::String(text.to_string())).map_err(|_| {
		Error::input(format!(
			"`achievementType` {text:?} is not an Open Badges 3.0 type (such as MicroCredential, \
			 Course, Certificate, Diploma, BachelorDegree)"
		))
	})
}

/// A credit system named on the command line: `ects`, `credit-hours` or `ceu`.
pub fn parse_credit_system(text: &str) -> std::result::Result<CreditSystem, String> {
	match text.to_ascii_lowercase().as_str() {
		"ects" => Ok(CreditSystem::Ects),
		"credit-hours" | "hours" => Ok(CreditSystem::CreditHours),
		"ceu" => Ok(CreditSystem::ContinuingEducationUnits),
		_ => Err(format!("{text:?} is not a credit system: ects, credit-hours or ceu")),
	}
}

/// A rule stacking credentials of `components`: at least `min_count` of them (all if `None`), worth
/// at least `min_credits` credits (a decimal number) together.
pub fn stacking_rule(
	components: Vec<Digest>,
	min_count: Option<u32>,
	min_credits: Option<f64>,
) -> Result<Rule> {
	let min_credits = min_credits.map(|credits| hundredths(&Value::from(credits))).transpose()?;
	Ok(Rule {
		min_count: min_count.unwrap_or(components.len() as u32),
		components: BoundedVec::truncate_from(components),
		min_credits,
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	fn open_badge() -> Value {
		json!({
			"type": ["VerifiableCredential", "OpenBadgeCredential"],
			"credentialSubject": {
				"achievement": {
					"id": "https://university.example/achievements/sql",
					"type": ["Achievement"],
					"achievementType": "MicroCredential",
					"name": "SQL Foundations",
					"creditsAvailable": 7.5,
					"criteria": { "id": "https://university.example/criteria/sql", "narrative": "Pass the exam." },
					"alignment": [
						{ "type": ["Alignment"], "targetName": "EQF 6", "targetFramework": "EQF", "targetCode": "6", "targetUrl": "http://data.europa.eu/snb/eqf/6" },
						{ "type": ["Alignment"], "targetName": "SQL", "targetUrl": "http://data.europa.eu/esco/skill/sql" }
					],
					"inLanguage": "en"
				}
			}
		})
	}

	#[test]
	fn an_open_badge_achievement_maps_field_by_field() {
		let definition = definition_from_open_badge(&open_badge(), CreditSystem::Ects).unwrap();
		assert_eq!(&definition.uri[..], b"https://university.example/achievements/sql");
		assert_eq!(&definition.name[..], b"SQL Foundations");
		assert_eq!(definition.kind, AchievementKind::MicroCredential);
		assert_eq!(
			definition.credits,
			Some(Credits { hundredths: 750, system: CreditSystem::Ects })
		);
		assert_eq!(definition.eqf_level, Some(6));
		assert_eq!(definition.skills.len(), 1);
		assert_eq!(&definition.skills[0][..], b"http://data.europa.eu/esco/skill/sql");
		let narrative: Digest = Sha256::digest(b"Pass the exam.").into();
		assert_eq!(definition.criteria_digest, Some(narrative));
		assert_eq!(definition.language.as_ref().map(|tag| &tag[..]), Some(&b"en"[..]));
		// The bare Achievement reads the same.
		let bare = &open_badge()["credentialSubject"]["achievement"];
		assert_eq!(definition_from_open_badge(bare, CreditSystem::Ects).unwrap(), definition);
	}

	#[test]
	fn every_open_badges_type_name_is_a_kind() {
		assert_eq!(
			parse_kind("SecondarySchoolDiploma").unwrap(),
			AchievementKind::SecondarySchoolDiploma
		);
		assert_eq!(parse_kind("Course").unwrap(), AchievementKind::Course);
		assert!(parse_kind("course").is_err());
		assert!(parse_kind("ext:Nanodegree").is_err());
	}

	#[test]
	fn what_the_chain_cannot_record_is_refused() {
		for (field, value) in [
			("achievementType", json!("Nanodegree")),
			("creditsAvailable", json!(-1)),
			("creditsAvailable", json!(0.125)),
			("creditsAvailable", json!("five")),
		] {
			let mut badge = open_badge();
			badge["credentialSubject"]["achievement"][field] = value;
			assert!(definition_from_open_badge(&badge, CreditSystem::Ects).is_err(), "{field}");
		}
		let mut unnamed = open_badge();
		unnamed["credentialSubject"]["achievement"].as_object_mut().unwrap().remove("id");
		assert!(definition_from_open_badge(&unnamed, CreditSystem::Ects).is_err());
	}

	#[test]
	fn ids_are_the_chains() {
		let issuer = AccountId32([7; 32]);
		assert_eq!(
			achievement_id(&issuer, "https://u.example/a"),
			pallet_credentials::achievement_id_of(
				&sp_core::crypto::AccountId32::new([7; 32]),
				b"https://u.example/a"
			)
		);
		assert_ne!(
			achievement_id(&issuer, "https://u.example/a"),
			achievement_id(&AccountId32([8; 32]), "https://u.example/a")
		);
	}
}
