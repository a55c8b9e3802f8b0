//! The genesis of a CredChain network: [`consortium_genesis`] builds it from a description of the
//! consortium ([`Consortium`]); the `dev` and `local_testnet` presets are two such consortia made of
//! the well-known development keys. A real consortium's chain spec is produced from its own list of
//! universities with `credchain-node consortium-spec` (see `docs/operator-guide.md`).

use alloc::{vec, vec::Vec};
use frame_support::{build_struct_json_patch, BoundedVec};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::OpaquePeerId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::MaxCouncilMembers, AccountId, BlockNumber, Role, RuntimeGenesisConfig, SessionKeys,
	MINUTES,
};
use pallet_credentials::GenesisIssuer;

/// A member university of a consortium, as the genesis knows it.
pub struct Member {
	/// The university's account: its identity on chain and the owner of its nodes.
	pub account: AccountId,
	/// The session keys it validates with from genesis; `None` if it does not validate.
	pub session_keys: Option<(AuraId, GrandpaId)>,
	/// Whether it sits on the council.
	pub council: bool,
	/// The libp2p PeerIds (raw bytes) of its nodes — validators and RPC nodes — that may join the
	/// network.
	pub nodes: Vec<Vec<u8>>,
}

/// Everything a consortium's genesis is made of.
pub struct Consortium {
	/// The member universities.
	pub members: Vec<Member>,
	/// How many blocks a session lasts.
	pub session_length: BlockNumber,
	/// The slot duration in milliseconds, when not the runtime's default [`crate::SLOT_DURATION`].
	pub slot_duration: Option<u64>,
	/// A sudo key, for development chains only; `None` on a consortium's chain.
	pub sudo: Option<AccountId>,
	/// Issuers accredited from genesis.
	pub issuers: Vec<GenesisIssuer<AccountId>>,
}

/// The JSON genesis patch of `consortium`.
pub fn consortium_genesis(consortium: Consortium) -> Value {
	let Consortium { members, session_length, slot_duration, sudo, issuers } = consortium;
	let mut validators = Vec::new();
	let mut session_keys = Vec::new();
	let mut council = Vec::new();
	let mut nodes = Vec::new();
	for member in members {
		if let Some((aura, grandpa)) = member.session_keys {
			validators.push(member.account.clone());
			session_keys.push((
				member.account.clone(),
				member.account.clone(),
				SessionKeys { aura, grandpa },
			));
		}
		if member.council {
			council.push(member.account.clone());
		}
		for node in member.nodes {
			nodes.push((OpaquePeerId(node), member.account.clone()));
		}
	}
	council.sort();
	let council: BoundedVec<AccountId, MaxCouncilMembers> =
		council.try_into().expect("the council fits MaxCouncilMembers");
	let grants: Vec<(AccountId, Role)> =
		sudo.iter().map(|key| (key.clone(), Role::Bootstrap)).collect();

	build_struct_json_patch!(RuntimeGenesisConfig {
		roles: pallet_roles::GenesisConfig { grants },
		validator_set: pallet_validator_set::GenesisConfig {
			validators,
			session_length,
			slot_duration,
		},
		session: pallet_session::GenesisConfig { keys: session_keys },
		sudo: pallet_sudo::GenesisConfig { key: sudo },
		council_membership: pallet_membership::GenesisConfig { members: council },
		node_authorization: pallet_consortium_nodes::GenesisConfig { nodes },
		credentials: pallet_credentials::GenesisConfig { issuers },
	})
}

/// The libp2p PeerId (raw bytes) of a node whose network key is the ed25519 key `public`: the
/// identity multihash of the protobuf-encoded public key.
pub fn ed25519_peer_id(public: &[u8; 32]) -> Vec<u8> {
	// identity multihash (0x00), 36 bytes long: protobuf { key_type: Ed25519, data: 32 bytes }.
	let mut peer_id = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	peer_id.extend_from_slice(public);
	peer_id
}

/// A development member named by a well-known key: its account and Aura key are the sr25519 key,
/// its GRANDPA key and its node's network key the ed25519 key of the same name (the node's
/// `--node-key` is that key's seed, see the e2e tests and `scripts/local-testnet.sh`).
fn well_known_member(
	sr25519: Sr25519Keyring,
	ed25519: Ed25519Keyring,
	validator: bool,
	council: bool,
) -> Member {
	Member {
		account: sr25519.to_account_id(),
		session_keys: validator.then(|| (sr25519.public().into(), ed25519.public().into())),
		council,
		nodes: vec![ed25519_peer_id(&ed25519.public().0)],
	}
}

/// An example issuer accredited at genesis, so that a newcomer can issue at once.
fn example_issuer(
	account: Sr25519Keyring,
	name: &str,
	uri: &str,
	identifiers: &[&str],
	country: &str,
	delegates: &[Sr25519Keyring],
) -> GenesisIssuer<AccountId> {
	GenesisIssuer {
		account: account.to_account_id(),
		name: name.into(),
		uri: uri.into(),
		identifiers: identifiers.iter().map(|identifier| (*identifier).into()).collect(),
		country: country.into(),
		delegates: delegates.iter().map(|delegate| delegate.to_account_id()).collect(),
	}
}

/// The development chain: Alice is the only validator, the council and the sudo key; Bob is an
/// accredited university with Dave as its registrar's delegate key, and Charlie an accredited
/// training provider.
pub fn development_genesis() -> Value {
	consortium_genesis(Consortium {
		members: vec![well_known_member(Sr25519Keyring::Alice, Ed25519Keyring::Alice, true, true)],
		session_length: 10 * MINUTES,
		slot_duration: None,
		sudo: Some(Sr25519Keyring::Alice.to_account_id()),
		issuers: vec![
			example_issuer(
				Sr25519Keyring::Bob,
				"Example University",
				"https://university.example",
				// The `issuer.id` of its Open Badges 3.0 credentials.
				&["https://university.example/issuers/registrar"],
				"NL",
				&[Sr25519Keyring::Dave],
			),
			example_issuer(
				Sr25519Keyring::Charlie,
				"Example Training Institute",
				"did:web:training.example",
				&[],
				"DE",
				&[],
			),
		],
	})
}

/// The local consortium, without sudo: Alice, Bob, Charlie and Dave validate and sit on the
/// council; Eve (a university that may join as a validator) and Ferdie (an RPC node for
/// verifiers) have authorized nodes. Sessions last ten blocks, so that validator changes show
/// quickly.
pub fn local_testnet_genesis() -> Value {
	use Ed25519Keyring as Ed;
	use Sr25519Keyring as Sr;
	consortium_genesis(Consortium {
		members: vec![
			well_known_member(Sr::Alice, Ed::Alice, true, true),
			well_known_member(Sr::Bob, Ed::Bob, true, true),
			well_known_member(Sr::Charlie, Ed::Charlie, true, true),
			well_known_member(Sr::Dave, Ed::Dave, true, true),
			well_known_member(Sr::Eve, Ed::Eve, false, false),
			well_known_member(Sr::Ferdie, Ed::Ferdie, false, false),
		],
		session_length: 10,
		slot_duration: None,
		sudo: None,
		issuers: Vec::new(),
	})
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
