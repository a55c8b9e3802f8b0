//! Storage migrations of the validator set pallet, each from one storage version to the next.

pub mod v2;
