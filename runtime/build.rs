//! Builds the runtime's WebAssembly blob (for wasm32v1-none) and embeds it in the native crate.

#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Nothing to do when the crate itself is being compiled to WebAssembly.
#[cfg(not(feature = "std"))]
fn main() {}
