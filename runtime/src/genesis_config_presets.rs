//! The genesis presets of the runtime: `dev` (one validator, ready at once) and `local_testnet` (a
//! local consortium of three validators). Both use the well-known development keys and keep sudo as a
//! bootstrap key; a real consortium's chain spec is produced from its own list of universities.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{AccountId, Role, RuntimeGenesisConfig};
use pallet_credentials::GenesisIssuer;

/// A validator of a preset: its account and its Aura and GRANDPA keys.
struct Validator {
	account: AccountId,
	aura: AuraId,
	grandpa: GrandpaId,
}

/// The validator whose keys the node's `--alice`, `--bob`, ... flags insert.
fn well_known_validator(sr25519: Sr25519Keyring, ed25519: Ed25519Keyring) -> Validator {
	Validator {
		account: sr25519.to_account_id(),
		aura: sr25519.public().into(),
		grandpa: ed25519.public().into(),
	}
}

/// An example issuer accredited at genesis, so that a newcomer can issue at once.
fn example_issuer(
	account: Sr25519Keyring,
	name: &str,
	uri: &str,
	country: &str,
	delegates: &[Sr25519Keyring],
) -> GenesisIssuer<AccountId> {
	GenesisIssuer {
		account: account.to_account_id(),
		name: name.into(),
		uri: uri.into(),
		country: country.into(),
		delegates: delegates.iter().map(|delegate| delegate.to_account_id()).collect(),
	}
}

/// The genesis of a chain run by `validators`, with `bootstrap` as its sudo key and `issuers`
/// accredited.
fn genesis(
	validators: Vec<Validator>,
	bootstrap: AccountId,
	issuers: Vec<GenesisIssuer<AccountId>>,
) -> Value {
	let mut grants: Vec<(AccountId, Role)> =
		validators.iter().map(|v| (v.account.clone(), Role::Validator)).collect();
	grants.push((bootstrap.clone(), Role::Bootstrap));

	build_struct_json_patch!(RuntimeGenesisConfig {
		aura: pallet_aura::GenesisConfig {
			authorities: validators.iter().map(|v| v.aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: validators.iter().map(|v| (v.grandpa.clone(), 1)).collect::<Vec<_>>(),
		},
		roles: pallet_roles::GenesisConfig { grants },
		sudo: pallet_sudo::GenesisConfig { key: Some(bootstrap) },
		credentials: pallet_credentials::GenesisConfig { issuers },
	})
}

/// The development chain: Alice is the only validator and the sudo key; Bob is an accredited
/// university with Dave as its registrar's delegate key, and Charlie an accredited training provider.
pub fn development_genesis() -> Value {
	genesis(
		vec![well_known_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::Alice.to_account_id(),
		vec![
			example_issuer(
				Sr25519Keyring::Bob,
				"Example University",
				"https://university.example",
				"NL",
				&[Sr25519Keyring::Dave],
			),
			example_issuer(
				Sr25519Keyring::Charlie,
				"Example Training Institute",
				"did:web:training.example",
				"DE",
				&[],
			),
		],
	)
}

/// The local consortium: Alice, Bob and Charlie validate; Alice is the sudo key.
pub fn local_testnet_genesis() -> Value {
	genesis(
		vec![
			well_known_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			well_known_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			well_known_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		Sr25519Keyring::Alice.to_account_id(),
		Vec::new(),
	)
}

/// The JSON genesis patch of the preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(serde_json::to_vec(&patch).expect("a JSON value always serializes; qed"))
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
