//! CredChain's end-to-end tests: real `credchain-node` processes on loopback, real signed
//! extrinsics, real JSON-RPC, and the `credchain` client binary. One test binary with a module per
//! capability, so that it is linked once and its tests run side by side (`--test-threads`): they
//! spend most of their time waiting for blocks.

mod achievements;
mod chaos;
mod client_cli;
mod client_rpc_errors;
mod consortium;
mod dev_genesis;
mod dev_node;
mod hostile_rpc;
mod identity;
mod performance;
mod proofs;
mod trust;
mod verifier_page;
