//! A JSON value that is only accepted when no object in it repeats a key.

use std::{collections::HashSet, fmt};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value that is only accepted when no object in it repeats a key.
pub(crate) struct UniqueKeys;
impl<'de> Deserialize<'de> for UniqueKeys {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		deserializer.deserialize_any(UniqueKeysVisitor)
	}
}

/// Walks a JSON value, refusing objects with a repeated key.
struct UniqueKeysVisitor;

impl<'de> Visitor<'de> for UniqueKeysVisitor {
	type Value = UniqueKeys;

	fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str("a JSON value")
	}

	fn visit_bool<E: de::Error>(self, _: bool) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_i64<E: de::Error>(self, _: i64) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_i128<E: de::Error>(self, _: i128) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_u64<E: de::Error>(self, _: u64) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_u128<E: de::Error>(self, _: u128) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_f64<E: de::Error>(self, _: f64) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_str<E: de::Error>(self, _: &str) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_unit<E: de::Error>(self) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_none<E: de::Error>(self) -> Result<UniqueKeys, E> {
		Ok(UniqueKeys)
	}

	fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
		while seq.next_element::<UniqueKeys>()?.is_some() {}
		Ok(UniqueKeys)
	}

	fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
		let mut keys = HashSet::new();
		while let Some(key) = map.next_key::<String>()? {
			if keys.contains(&key) {
				return Err(de::Error::custom(format!(
					"the key {key:?} appears twice in one object"
				)));
			}
			map.next_value::<UniqueKeys>()?;
			keys.insert(key);
		}
		Ok(UniqueKeys)
	}
}
