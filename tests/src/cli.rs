//! The `credchain` command-line client as end-to-end tests run it: the binary built with the node
//! (`target/<profile>/credchain`) or the one named by `CREDCHAIN_CLI`, each run bounded in time,
//! with its exit code and output checked through `assert_cmd` and `predicates`.

use std::{
	collections::HashMap,
	path::{Path, PathBuf},
	time::Duration,
};

use assert_cmd::assert::Assert;
use predicates::str::contains;
use serde_json::Value;

use crate::Node;

/// The environment variable that overrides where the client binary is.
const CLI_VARIABLE: &str = "CREDCHAIN_CLI";

/// The longest one client command may take (a transaction waits for finality).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(300);

/// Exit code of the client: the credential is valid.
pub const VALID: i32 = 0;
/// Exit code of the client: the credential is not valid.
pub const NOT_VALID: i32 = 1;
/// Exit code of the client: an error.
pub const ERROR: i32 = 2;

/// Finds the `credchain` binary next to the node binary, or explains how to build it.
pub fn cli_binary() -> PathBuf {
	if let Some(path) = std::env::var_os(CLI_VARIABLE) {
		return PathBuf::from(path);
	}
	let cli = crate::node_binary().with_file_name("credchain");
	assert!(
		cli.is_file(),
		"the client binary {} is missing: build it with the same profile as the node, e.g. \
		 `cargo build --release -p credchain-client` (scripts/test.sh builds the whole workspace), or set \
		 {CLI_VARIABLE} to its path",
		cli.display()
	);
	cli
}

/// What one run of the client did: its exit code and output, with assertions that show both
/// streams when they fail.
#[derive(Debug)]
pub struct Run {
	/// The exit code (-1 if killed by a signal).
	pub code: i32,
	/// Standard output.
	pub stdout: String,
	/// Standard error.
	pub stderr: String,
	/// The run, for `assert_cmd`'s assertions.
	assert: Assert,
}

impl Run {
	/// Asserts the exit code.
	pub fn expect(mut self, code: i32) -> Self {
		self.assert = self.assert.code(code);
		self
	}

	/// Asserts that standard output contains `text`.
	pub fn says(mut self, text: &str) -> Self {
		self.assert = self.assert.stdout(contains(text));
		self
	}

	/// Asserts that standard error contains `text`.
	pub fn complains(mut self, text: &str) -> Self {
		self.assert = self.assert.stderr(contains(text));
		self
	}

	/// The first word after `label` on the first line of standard output that starts with it
	/// (`Achievement: 0x…` gives `0x…`).
	pub fn value_of(&self, label: &str) -> String {
		self.stdout
			.lines()
			.find_map(|line| line.strip_prefix(label))
			.and_then(|rest| rest.split_whitespace().next())
			.unwrap_or_else(|| panic!("no line starts with {label:?} in:\n{}", self.stdout))
			.to_string()
	}

	/// Standard output as JSON.
	pub fn json(&self) -> Value {
		serde_json::from_str(&self.stdout)
			.unwrap_or_else(|error| panic!("stdout is not JSON ({error}):\n{}", self.stdout))
	}

	/// The `0x<digest>  <file>` lines of standard output, by file name.
	pub fn digests(&self) -> HashMap<String, String> {
		self.stdout
			.lines()
			.filter_map(|line| line.split_once("  "))
			.filter(|(digest, _)| digest.starts_with("0x") && digest.len() == 66)
			.map(|(digest, file)| {
				let name = Path::new(file)
					.file_name()
					.map(|n| n.to_string_lossy().into_owned())
					.unwrap_or_default();
				(name, digest.to_string())
			})
			.collect()
	}
}

/// The client, pointed at one node.
pub struct Client {
	/// The node's WebSocket URL.
	pub url: String,
}

impl Client {
	/// A client for `node` over WebSocket.
	pub fn new(node: &Node) -> Self {
		Self { url: format!("ws://127.0.0.1:{}", node.rpc_port()) }
	}

	/// The node's HTTP URL.
	pub fn http_url(&self) -> String {
		self.url.replacen("ws://", "http://", 1)
	}

	/// Runs `credchain --url <node> ARGS...`.
	pub fn run<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Run {
		run_cli(Some(&self.url), args)
	}
}

/// Runs the client with `args` (and `--url url`), bounded by [`COMMAND_TIMEOUT`].
pub fn run_cli<S: AsRef<std::ffi::OsStr>>(url: Option<&str>, args: &[S]) -> Run {
	let mut command = assert_cmd::Command::new(cli_binary());
	if let Some(url) = url {
		command.args(["--url", url]);
	}
	let assert = command.args(args).timeout(COMMAND_TIMEOUT).assert();
	let output = assert.get_output();
	Run {
		code: output.status.code().unwrap_or(-1),
		stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
		stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
		assert,
	}
}

/// A small PDF-like file with binary content.
pub fn pdf(title: &str) -> Vec<u8> {
	let mut bytes = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
	bytes.extend(
		format!(
			"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 \
			 /Title ({title}) >>\nendobj\n3 0 obj\n<< /Length 2048 >>\nstream\n"
		)
		.as_bytes(),
	);
	bytes.extend((0..2048u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
	bytes.extend(b"\nendstream\nendobj\n%%EOF\n");
	bytes
}

/// The sample Open Badges 3.0 credential.
pub fn open_badge() -> Vec<u8> {
	let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/open-badge.json");
	std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// `0x`-prefixed SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
	format!("0x{}", crate::hex_encode(&sp_crypto_hashing::sha2_256(bytes)))
}
