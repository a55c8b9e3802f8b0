//! The weights of the runtime's upstream pallets and of its fixed costs, measured on this machine by
//! `scripts/benchmark-weights.sh` (generated files; do not edit by hand):
//!
//! - [`block_weights`], [`extrinsic_weights`]: `benchmark overhead` — the cost of an empty block and
//!   of one no-op extrinsic (signature check and transaction extensions included);
//! - `paritydb_weights` (not yet): `benchmark storage` needs a filled database (see the script);
//!   until then the database weights are `frame_support`'s `ParityDbWeight`;
//! - one module per pallet: `benchmark pallet`, frame_system's transaction extensions included.
//!
//! CredChain's own pallets keep their weights beside their code (`pallets/*/src/weights.rs`).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_collective;
pub mod pallet_membership;
pub mod pallet_multisig;
pub mod pallet_sudo;
pub mod pallet_timestamp;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
