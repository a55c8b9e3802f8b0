//! Storage migrations of the credentials pallet, one module per storage version.

pub mod v2;
