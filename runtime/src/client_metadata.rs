//! The client's copy of this runtime's metadata, `client/metadata/credchain.scale`, from which subxt
//! generates the client's typed calls, events, storage items and constants. It must be this
//! runtime's: a renamed call or a changed type then fails to compile in the client instead of
//! failing at run time. `scripts/update-metadata.sh` rewrites it after a runtime change.

use crate::Runtime;

/// The metadata version the client is generated from: the newest this runtime serves, which is
/// also what subxt downloads from a node.
const CLIENT_METADATA_VERSION: u32 = 16;

/// Where the client keeps its copy.
const CLIENT_METADATA_PATH: &str =
	concat!(env!("CARGO_MANIFEST_DIR"), "/../client/metadata/credchain.scale");

#[test]
fn the_clients_metadata_is_this_runtimes() {
	// Some constants (the timestamp pallet's minimum period) are read from storage: empty storage
	// gives their values on a chain whose genesis chose the defaults.
	let metadata = sp_io::TestExternalities::default()
		.execute_with(|| Runtime::metadata_at_version(CLIENT_METADATA_VERSION))
		.expect("the runtime serves the metadata version the client is generated from");
	// The bytes of `OpaqueMetadata` are the SCALE-encoded `RuntimeMetadataPrefixed`, which is what
	// subxt's code generation reads.
	if std::env::var_os("CREDCHAIN_UPDATE_METADATA").is_some() {
		std::fs::write(CLIENT_METADATA_PATH, &*metadata)
			.expect("the client's metadata is writable");
		return;
	}
	let checked_in = std::fs::read(CLIENT_METADATA_PATH).unwrap_or_default();
	assert!(
		checked_in == *metadata,
		"client/metadata/credchain.scale ({} bytes) is not this runtime's metadata ({} bytes): run \
		 scripts/update-metadata.sh and commit the file with the runtime change",
		checked_in.len(),
		metadata.len()
	);
}
