//! RFC 8785 canonical JSON: whether a document is JSON, and its canonical form.

use crate::{may_start_json, unique_keys::UniqueKeys, DigestError};

/// What a document is, read as JSON.
pub enum JsonForm {
	/// A JSON document: its RFC 8785 canonical form and its parsed value.
	Canonical {
		/// The canonical form, the bytes that are hashed.
		canonical: Vec<u8>,
		/// The parsed document.
		value: serde_json::Value,
	},
	/// Not a JSON document: hashed as bytes.
	NotJson {
		/// The parser's complaint when the document starts like JSON but is not; `None` for a file
		/// that does not even start like JSON (a PDF, an image).
		reason: Option<String>,
	},
}

/// The RFC 8785 canonical form of `bytes` if they are a JSON document, `None` if they are not JSON.
/// Fails for a JSON document that repeats a key in one object.
pub fn canonical_json(bytes: &[u8]) -> Result<Option<Vec<u8>>, DigestError> {
	Ok(match json_form(bytes)? {
		JsonForm::Canonical { canonical, .. } => Some(canonical),
		JsonForm::NotJson { .. } => None,
	})
}

/// What `bytes` are, read as JSON (see [`JsonForm`]). Fails for a JSON document that repeats a key.
pub(crate) fn json_form(bytes: &[u8]) -> Result<JsonForm, DigestError> {
	if !may_start_json(bytes) {
		return Ok(JsonForm::NotJson { reason: None });
	}
	// First pass: is it JSON, and are its keys unique?
	if let Err(error) = serde_json::from_slice::<UniqueKeys>(bytes) {
		return match error.classify() {
			serde_json::error::Category::Data => Err(DigestError(format!(
				"this JSON document cannot be put in RFC 8785 canonical form: {error}"
			))),
			_ => Ok(JsonForm::NotJson { reason: Some(error.to_string()) }),
		};
	}
	let value: serde_json::Value = match serde_json::from_slice(bytes) {
		Ok(value) => value,
		Err(error) => return Ok(JsonForm::NotJson { reason: Some(error.to_string()) }),
	};
	let canonical = serde_json_canonicalizer::to_vec(&value).map_err(|error| {
		DigestError(format!("this JSON document cannot be put in canonical form: {error}"))
	})?;
	Ok(JsonForm::Canonical { canonical, value })
}
