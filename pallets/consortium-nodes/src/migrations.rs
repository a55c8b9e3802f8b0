//! Storage migrations of the consortium nodes pallet, one module per storage version.

pub mod v1;
