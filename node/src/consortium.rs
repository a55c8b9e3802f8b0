//! `credchain-node consortium-spec`: the chain specification of a real consortium, built from a JSON
//! description of its member universities (their accounts, session keys, council seats and node
//! PeerIds). The format is documented in `docs/operator-guide.md`; `scripts/local-testnet.sh` uses
//! it too.

use std::{collections::BTreeSet, path::PathBuf, str::FromStr};

use credchain_runtime::{
	genesis_config_presets::{consortium_genesis, Consortium, Member},
	AccountId,
};
use sc_service::ChainType;
use sp_core::{crypto::Ss58Codec, ed25519, sr25519};

use crate::chain_spec::{self, ChainSpec};

/// The session length when the description names none: one hour of the runtime's default slots.
const DEFAULT_SESSION_LENGTH: u32 = credchain_runtime::HOURS;

/// Build the chain specification of a consortium from a JSON description of its universities.
#[derive(Debug, clap::Args)]
pub struct ConsortiumSpecCmd {
	/// The JSON description of the consortium (see docs/operator-guide.md).
	#[arg(long, value_name = "FILE")]
	pub config: PathBuf,

	/// Write the raw chain spec (storage as key/value pairs), the form nodes should share.
	#[arg(long)]
	pub raw: bool,

	/// Where to write the chain spec; standard output when absent.
	#[arg(long, value_name = "FILE")]
	pub output: Option<PathBuf>,
}

/// The JSON description of a consortium.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsortiumFile {
	/// The network's human name, e.g. "Dutch Universities Credential Network".
	pub name: String,
	/// The network's id, e.g. `nl_credentials` (also the base of the database folder name).
	pub id: String,
	/// The libp2p protocol id; `credchain` when absent.
	#[serde(default)]
	pub protocol_id: Option<String>,
	/// How many blocks a session lasts; one hour's worth when absent.
	#[serde(default)]
	pub session_length: Option<u32>,
	/// The slot duration in milliseconds (even, at least 1,000); the runtime's default (two seconds)
	/// when absent. Fixed for the chain's life.
	#[serde(default)]
	pub slot_duration: Option<u64>,
	/// Multiaddresses of nodes a new node first connects to.
	#[serde(default)]
	pub boot_nodes: Vec<String>,
	/// The member universities.
	pub members: Vec<MemberFile>,
}

/// One member university in the JSON description.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberFile {
	/// The university's name, for messages.
	pub name: String,
	/// Its account (SS58 or 0x-hex sr25519 public key).
	pub account: String,
	/// Its Aura key (sr25519, SS58 or hex) when it validates from genesis.
	#[serde(default)]
	pub aura: Option<String>,
	/// Its GRANDPA key (ed25519, SS58 or hex) when it validates from genesis.
	#[serde(default)]
	pub grandpa: Option<String>,
	/// Whether it sits on the council.
	#[serde(default)]
	pub council: bool,
	/// The PeerIds (`12D3KooW…`) of its nodes that may join the network.
	#[serde(default)]
	pub nodes: Vec<String>,
}

/// Parses a 32-byte public key given as SS58 or as 0x-prefixed hex.
fn public_key<P: Ss58Codec + From<[u8; 32]>>(text: &str, what: &str) -> Result<P, String> {
	if let Some(hex) = text.strip_prefix("0x") {
		let bytes: [u8; 32] = sp_core::bytes::from_hex(hex)
			.ok()
			.and_then(|bytes| bytes.try_into().ok())
			.ok_or_else(|| format!("{what} {text:?} is not 32 bytes of hex"))?;
		return Ok(P::from(bytes));
	}
	P::from_ss58check(text).map_err(|error| format!("{what} {text:?} is not valid SS58: {error:?}"))
}

impl ConsortiumFile {
	/// Checks the description and turns it into the runtime's [`Consortium`].
	pub fn into_consortium(self) -> Result<Consortium, String> {
		if self.members.is_empty() {
			return Err("the consortium has no members".into());
		}
		let session_length = self.session_length.unwrap_or(DEFAULT_SESSION_LENGTH);
		if let Some(slot) = self.slot_duration {
			if !pallet_validator_set::is_valid_slot_duration(slot) {
				return Err(format!(
					"slotDuration {slot} is not an even number of milliseconds of at least {}",
					pallet_validator_set::MIN_SLOT_DURATION
				));
			}
		}
		let mut accounts = BTreeSet::new();
		let mut peer_ids = BTreeSet::new();
		let mut members = Vec::new();
		for member in self.members {
			let name = &member.name;
			let account: AccountId =
				public_key::<sr25519::Public>(&member.account, &format!("{name}: account"))?.into();
			if !accounts.insert(account.clone()) {
				return Err(format!("{name}: account {} is listed twice", member.account));
			}
			let session_keys = match (&member.aura, &member.grandpa) {
				(Some(aura), Some(grandpa)) => Some((
					public_key::<sr25519::Public>(aura, &format!("{name}: aura key"))?.into(),
					public_key::<ed25519::Public>(grandpa, &format!("{name}: grandpa key"))?.into(),
				)),
				(None, None) => None,
				_ => {
					return Err(format!(
						"{name}: a validator needs both an `aura` and a `grandpa` key"
					))
				}
			};
			let mut nodes = Vec::new();
			for node in &member.nodes {
				let peer_id = sc_network::PeerId::from_str(node)
					.map_err(|error| format!("{name}: node {node:?} is not a PeerId: {error}"))?;
				if !peer_ids.insert(peer_id) {
					return Err(format!("{name}: node {node} is listed twice"));
				}
				nodes.push(peer_id.to_bytes());
			}
			members.push(Member { account, session_keys, council: member.council, nodes });
		}
		if !members.iter().any(|member| member.session_keys.is_some()) {
			return Err(
				"no member validates: give at least one an `aura` and a `grandpa` key".into()
			);
		}
		if !members.iter().any(|member| member.council) {
			return Err(
				"no member sits on the council: set `council: true` for at least one".into()
			);
		}
		if peer_ids.is_empty() {
			return Err("no member lists a node: only authorized nodes may connect, so list each \
				 validator's PeerId under `nodes`"
				.into());
		}
		Ok(Consortium {
			members,
			session_length,
			slot_duration: self.slot_duration,
			sudo: None,
			issuers: Vec::new(),
		})
	}
}

impl ConsortiumSpecCmd {
	/// Reads the description, builds the chain spec and writes it.
	pub fn run(&self) -> sc_cli::Result<()> {
		let text = std::fs::read_to_string(&self.config).map_err(|error| {
			sc_cli::Error::Input(format!("cannot read {}: {error}", self.config.display()))
		})?;
		let file: ConsortiumFile = serde_json::from_str(&text).map_err(|error| {
			sc_cli::Error::Input(format!(
				"{} is not a valid consortium: {error}",
				self.config.display()
			))
		})?;
		let json = build_spec(file)?.as_json(self.raw).map_err(sc_cli::Error::Input)?;
		match &self.output {
			Some(path) => std::fs::write(path, json).map_err(|error| {
				sc_cli::Error::Input(format!("cannot write {}: {error}", path.display()))
			})?,
			None => println!("{json}"),
		}
		Ok(())
	}
}

/// The chain spec of the consortium `file` describes.
fn build_spec(file: ConsortiumFile) -> sc_cli::Result<ChainSpec> {
	let name = file.name.clone();
	let id = file.id.clone();
	let protocol_id = file.protocol_id.clone().unwrap_or_else(|| "credchain".into());
	let boot_nodes = file
		.boot_nodes
		.iter()
		.map(|address| {
			address.parse().map_err(|error| {
				sc_cli::Error::Input(format!(
					"boot node {address:?} is not a p2p multiaddress: {error}"
				))
			})
		})
		.collect::<Result<Vec<_>, _>>()?;
	let consortium = file.into_consortium().map_err(sc_cli::Error::Input)?;
	Ok(ChainSpec::builder(chain_spec::runtime_code().map_err(sc_cli::Error::Input)?, None)
		.with_name(&name)
		.with_id(&id)
		.with_chain_type(ChainType::Live)
		.with_protocol_id(&protocol_id)
		.with_properties(chain_spec::properties())
		.with_boot_nodes(boot_nodes)
		.with_genesis_config_patch(consortium_genesis(consortium))
		.build())
}
