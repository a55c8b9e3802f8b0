//! The weights of the runtime's upstream pallets and of its fixed costs, measured on this machine by
//! `scripts/benchmark-weights.sh` (generated files; do not edit by hand):
//!
//! - [`block_weights`], [`extrinsic_weights`]: `benchmark overhead` — the cost of an empty block and
//!   of one no-op extrinsic (signature check and transaction extensions included);
//! - [`paritydb_weights`]: `benchmark storage` — a ParityDB read and write, measured on a
//!   development chain's database holding a million credentials (`scripts/bench-scale.sh` then
//!   `CREDCHAIN_BENCH_DB=... scripts/benchmark-weights.sh`);
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
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
