//! `credchain-node`: the node binary of CredChain, a permissioned chain for academic credentials run by
//! a consortium of universities. It carries the usual Substrate subcommands (`key`, `build-spec`,
//! `export-chain-spec`, `purge-chain`, `benchmark`, ...), `consortium-spec` to build a consortium's chain
//! specification, and, without one, runs a node.

mod chain_spec;
mod cli;
mod command;
mod consortium;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
