#!/usr/bin/env bash
# Installs what building and testing CredChain needs, and only what is missing: the WebAssembly target
# and rust-src for the runtime, and the Debian packages the native build needs. Safe to run again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
	echo "error: CredChain needs a Rust toolchain managed by rustup (https://rustup.rs); none was found." >&2
	exit 1
fi

installed_targets="$(rustup target list --installed)"
if ! grep -qx wasm32v1-none <<<"$installed_targets"; then
	log "Adding the wasm32v1-none target (the runtime is built for it)"
	rustup target add wasm32v1-none
fi
if ! grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
	log "Adding the wasm32-unknown-unknown target (the verifier page's digest module is built for it)"
	rustup target add wasm32-unknown-unknown
fi
installed_components="$(rustup component list --installed)"
for component in rust-src rustfmt; do
	if ! grep -q "^$component" <<<"$installed_components"; then
		log "Adding the $component component"
		rustup component add "$component"
	fi
done

# Debian packages: protoc for the networking crates' protobuf code, pkg-config and a C toolchain for
# the -sys crates, and Chromium with its WebDriver for the verifier page's browser tests.
packages=(protobuf-compiler pkg-config build-essential chromium chromium-driver)
missing=()
for package in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
	log "Installing Debian packages: ${missing[*]}"
	sudo_cmd=()
	[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
	"${sudo_cmd[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
log "Setup complete"
