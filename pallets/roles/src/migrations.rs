//! Storage migrations of the roles pallet, one module per storage version.

pub mod v2;
