//! What a JSON credential states about itself: its issuer, holder, achievement and validity, as
//! written in the document. The chain confirms none of it except the issuer (when the verifier names
//! it); a verifier shows these statements beside the chain's verdict, marked as the document's own.
//!
//! Read from a W3C Verifiable Credential (1.1 or 2.0) or an Open Badges 3.0 `OpenBadgeCredential`.

use serde::Serialize;
use serde_json::Value;

/// The issuer a W3C Verifiable Credential or Open Badges 3.0 document names: its `issuer` when that is
/// a string, else `issuer.id` when that is a string; `None` for any other document (a PDF, JSON
/// without an issuer).
pub fn named_issuer(bytes: &[u8]) -> Option<String> {
	let document: Value = serde_json::from_slice(bytes).ok()?;
	issuer_identifier(&document)
}

/// The issuer identifier `document` names (see [`named_issuer`]).
fn issuer_identifier(document: &Value) -> Option<String> {
	match document.get("issuer")? {
		Value::String(id) => Some(id.clone()),
		issuer => text(issuer.get("id")),
	}
}

/// What a JSON credential states about itself; every field is `None` when the document does not
/// state it (as a string).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentStatements {
	/// The issuer identifier it names (`issuer` or `issuer.id`).
	pub issuer: Option<String>,
	/// The issuer's name (`issuer.name`).
	pub issuer_name: Option<String>,
	/// The credential's own name (`name`).
	pub name: Option<String>,
	/// Its types (`type`), such as `VerifiableCredential`, `OpenBadgeCredential`.
	pub types: Option<Vec<String>>,
	/// The holder's name (`credentialSubject.name`).
	pub holder_name: Option<String>,
	/// The holder's identifier (`credentialSubject.id`).
	pub holder_id: Option<String>,
	/// The holder's hashed identity, as Open Badges 3.0 states it: the `identityHash` of the first
	/// `credentialSubject.identifier` that is hashed with SHA-256 (`sha256$...`). The credential
	/// record's holder commitment is the same hash (see [`crate::holder`]).
	pub holder_identity_hash: Option<String>,
	/// The achievement's URI (`credentialSubject.achievement.id`): with the issuer's account, its id
	/// in the chain's achievement registry.
	pub achievement_id: Option<String>,
	/// The achievement's name (`credentialSubject.achievement.name`).
	pub achievement_name: Option<String>,
	/// The achievement's type (`credentialSubject.achievement.achievementType`), such as `Degree`.
	pub achievement_type: Option<String>,
	/// The achievement's description (`credentialSubject.achievement.description`).
	pub achievement_description: Option<String>,
	/// When it says it takes effect (`validFrom`, or VC 1.1's `issuanceDate`).
	pub valid_from: Option<String>,
	/// When it says it ends (`validUntil`, or VC 1.1's `expirationDate`).
	pub valid_until: Option<String>,
}

impl DocumentStatements {
	/// What `document` states about itself.
	pub fn of(document: &Value) -> Self {
		// A credential may have several subjects; the first is the holder shown.
		let subject = match document.get("credentialSubject") {
			Some(Value::Array(subjects)) => subjects.first(),
			subject => subject,
		};
		let achievement = subject.and_then(|subject| subject.get("achievement"));
		Self {
			issuer: issuer_identifier(document),
			issuer_name: text(document.get("issuer").and_then(|issuer| issuer.get("name"))),
			name: text(document.get("name")),
			types: match document.get("type") {
				Some(Value::String(kind)) => Some(vec![kind.clone()]),
				Some(Value::Array(kinds)) => {
					Some(kinds.iter().filter_map(|kind| text(Some(kind))).collect())
				}
				_ => None,
			},
			holder_name: text(subject.and_then(|subject| subject.get("name"))),
			holder_id: text(subject.and_then(|subject| subject.get("id"))),
			holder_identity_hash: subject.and_then(hashed_identity),
			achievement_id: text(achievement.and_then(|achievement| achievement.get("id"))),
			achievement_name: text(achievement.and_then(|achievement| achievement.get("name"))),
			achievement_type: text(
				achievement.and_then(|achievement| achievement.get("achievementType")),
			),
			achievement_description: text(
				achievement.and_then(|achievement| achievement.get("description")),
			),
			valid_from: text(document.get("validFrom").or_else(|| document.get("issuanceDate"))),
			valid_until: text(
				document.get("validUntil").or_else(|| document.get("expirationDate")),
			),
		}
	}
}

/// The first SHA-256 `identityHash` among a credential subject's `identifier` objects (one, or a
/// list), of those marked `"hashed": true`.
fn hashed_identity(subject: &Value) -> Option<String> {
	let identifiers = match subject.get("identifier")? {
		Value::Array(identifiers) => identifiers.iter().collect(),
		identifier => vec![identifier],
	};
	identifiers
		.into_iter()
		.filter(|identifier| identifier.get("hashed") == Some(&Value::Bool(true)))
		.filter_map(|identifier| text(identifier.get("identityHash")))
		.find(|hash| crate::holder::parse_identity_hash(hash).is_some())
}

/// `value` when it is a string.
fn text(value: Option<&Value>) -> Option<String> {
	value.and_then(Value::as_str).map(str::to_string)
}
