//! Builds the runtime's WebAssembly blob (for wasm32v1-none) and embeds it in the native crate.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	// CredChain has no token; the symbol and decimals only label amounts in signers' displays.
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("CRED", 0)
		.build();
}

/// A runtime without the metadata hash (`--no-default-features --features std`): `CheckMetadataHash`
/// then accepts only transactions that do not ask for the check.
#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Nothing to do when the crate itself is being compiled to WebAssembly.
#[cfg(not(feature = "std"))]
fn main() {}
