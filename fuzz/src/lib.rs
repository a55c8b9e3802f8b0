//! Runtime fuzzing for CredChain (`docs/reliability.md`): random blocks of random calls of every
//! pallet in the runtime, signed by accounts of every role (and wrapped in `sudo` or a council
//! motion for the root and council origins), applied block by block to the real runtime — its
//! `Executive`, transaction extensions and pallets, natively, on the development chain's genesis —
//! checking after every block that nothing panicked, that every pallet's `try_state` invariants
//! hold and that the block stayed within its weight limits.
//!
//! - [`chain`]: a development chain in memory that applies blocks and checks them;
//! - [`calls`]: what the fuzzer sends, as `proptest` strategies.
//!
//! `proptest` drives it (`tests/fuzz.rs`): a failing case is shrunk to a short sequence and its seed
//! kept in `fuzz/regressions.txt`, replayed first by every later run.
//!
//! Everything needs the runtime's `try-runtime` feature; without it this crate is empty.

#![cfg(feature = "try-runtime")]

pub mod calls;
pub mod chain;
