//! The built-in chain specifications, each made from a genesis preset of the runtime.

use credchain_runtime::WASM_BINARY;
use sc_service::ChainType;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// A CredChain chain specification.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The runtime blob, or a message saying how to get one.
pub(crate) fn runtime_code() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime's WebAssembly blob is missing: this node was built with SKIP_WASM_BUILD; \
		 rebuild it without that variable"
			.to_string()
	})
}

/// Properties wallets and explorers read: CredChain has no token, only the address format.
pub(crate) fn properties() -> sc_service::Properties {
	let mut properties = sc_service::Properties::new();
	properties.insert("ss58Format".into(), 42.into());
	properties
}

/// A chain spec named `name` (id `id`) built from the runtime's genesis preset `preset`.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_protocol_id("credchain")
		.with_properties(properties())
		.with_genesis_config_preset_name(preset)
		.build())
}

/// `--dev`: a single validator (Alice), producing and finalizing blocks at once, with two example
/// issuers accredited.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"CredChain Development",
		"credchain_dev",
		ChainType::Development,
		DEV_RUNTIME_PRESET,
	)
}

/// `--chain local`: a local consortium of four validators and council members (Alice, Bob, Charlie,
/// Dave), without sudo; Eve's and Ferdie's nodes are authorized too.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"CredChain Local Testnet",
		"credchain_local",
		ChainType::Local,
		LOCAL_TESTNET_RUNTIME_PRESET,
	)
}
