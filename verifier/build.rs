//! Builds the page's digest module: `verifier/digest-wasm` (the client's digest code) compiled to
//! wasm32-unknown-unknown by a nested cargo, in its own target folder beside this build's
//! (`<target>/<profile>/verifier-wasm`), so the server embeds it (`include_bytes!`) and deploys as one
//! file. Needs the `wasm32-unknown-unknown` target (`scripts/setup.sh` adds it).

use std::{
	env,
	path::{Path, PathBuf},
	process::Command,
};

/// The package compiled to WebAssembly.
const WASM_PACKAGE: &str = "credchain-digest-wasm";
/// Its file name once built.
const WASM_FILE: &str = "credchain_digest_wasm.wasm";
/// The target it is built for.
const WASM_TARGET: &str = "wasm32-unknown-unknown";

fn main() {
	let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
	let workspace = manifest_dir.parent().expect("verifier/ is inside the workspace");
	let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it"));
	for watched in
		["client/digest/src", "client/digest/Cargo.toml", "verifier/digest-wasm", "Cargo.lock"]
	{
		println!("cargo:rerun-if-changed={}", workspace.join(watched).display());
	}

	// OUT_DIR is <target>/<profile>/build/<package>-<hash>/out: build beside <target>/<profile>, where
	// the folder outlives this build script's hash.
	let target_dir = out_dir
		.ancestors()
		.nth(3)
		.map(|profile_dir| profile_dir.join("verifier-wasm"))
		.unwrap_or_else(|| out_dir.join("verifier-wasm"));
	build_wasm(workspace, &target_dir);
	let built = target_dir.join(WASM_TARGET).join("release").join(WASM_FILE);
	std::fs::copy(&built, out_dir.join("digest.wasm"))
		.unwrap_or_else(|error| panic!("cannot copy {}: {error}", built.display()));
}

/// Runs `cargo build --release --target wasm32-unknown-unknown -p credchain-digest-wasm`.
fn build_wasm(workspace: &Path, target_dir: &Path) {
	let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
	let mut command = Command::new(cargo);
	command
		.current_dir(workspace)
		.args(["build", "--release", "--locked", "--package", WASM_PACKAGE, "--target", WASM_TARGET])
		// WebAssembly has no unwinding: a panic in the module traps, and the page reports it.
		.args(["--config", "profile.release.panic=\"abort\""])
		.arg("--target-dir")
		.arg(target_dir);
	// The outer build's flags are for the native target; the nested build chooses its own.
	for variable in
		["CARGO_ENCODED_RUSTFLAGS", "RUSTFLAGS", "CARGO_TARGET_DIR", "RUSTC_WORKSPACE_WRAPPER"]
	{
		command.env_remove(variable);
	}
	let status = command.status().expect("cannot run cargo to build the page's digest module");
	if !status.success() {
		panic!(
			"building the page's digest module ({WASM_PACKAGE}) for {WASM_TARGET} failed ({status}); \
			 is the target installed? `rustup target add {WASM_TARGET}` (scripts/setup.sh does it)"
		);
	}
}
