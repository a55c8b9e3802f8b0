//! Helpers for CredChain's end-to-end tests: start real `credchain-node` processes on loopback ports,
//! talk JSON-RPC to them over HTTP, and stop them with SIGINT the way an operator's Ctrl-C would.
//!
//! The node binary is the one built by the same `cargo` invocation (`target/<profile>/credchain-node`
//! next to the test executable), or the one named by the `CREDCHAIN_NODE` environment variable.
//!
//! Test chains are the built-in `dev` and `local` chains with their slot duration set explicitly to
//! [`TEST_SLOT_DURATION`] (their genesis sets the validator set pallet's `slotDuration`), so the
//! tests' waits do not change with the runtime's default. Only [`NodeConfig::shipped_dev`] runs the
//! development chain exactly as operators get it.

use std::{
	collections::BTreeMap,
	fs::File,
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, ExitStatus, Stdio},
	str::FromStr,
	sync::Mutex,
	time::{Duration, Instant},
};

pub mod browser;
pub mod cli;
pub mod extrinsics;
pub mod governance;
pub mod http;

use codec::Decode;
use jsonrpsee::{
	core::{
		client::{ClientT, Subscription, SubscriptionClientT},
		params::ArrayParams,
	},
	http_client::{HttpClient, HttpClientBuilder},
	rpc_params,
	ws_client::WsClientBuilder,
};
use nix::{
	sys::signal::{self, Signal},
	unistd::Pid,
};
use serde_json::Value;
use sp_consensus_aura::{digests::CompatibleDigestItem, sr25519::AuthoritySignature};
use sp_runtime::DigestItem;

/// The environment variable that overrides where the node binary is.
pub const NODE_BINARY_VARIABLE: &str = "CREDCHAIN_NODE";

/// The slot duration of test chains: one block every two seconds.
pub const TEST_SLOT_DURATION: Duration = Duration::from_secs(2);

/// How long a node may take to answer JSON-RPC after it starts: several test networks start at once
/// on a machine with two cores, and each node compiles the runtime first.
const NODE_START_TIMEOUT: Duration = Duration::from_secs(180);

/// Finds the `credchain-node` binary, or explains how to build it.
pub fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os(NODE_BINARY_VARIABLE) {
		return PathBuf::from(path);
	}
	// The test executable is `target/<profile>/deps/<test>-<hash>`; the node is `target/<profile>/`.
	let exe = std::env::current_exe().expect("the test knows its own path");
	let profile_dir = exe
		.parent()
		.and_then(Path::parent)
		.expect("the test executable lives in target/<profile>/deps");
	let node = profile_dir.join("credchain-node");
	assert!(
		node.is_file(),
		"the node binary {} is missing: build it first with the same profile, \
		 e.g. `cargo build --release -p credchain-node` (scripts/test.sh does), \
		 or set {NODE_BINARY_VARIABLE} to its path",
		node.display()
	);
	node
}

/// The chain spec file of the built-in chain `chain` (`dev` or `local`) with slots of
/// [`TEST_SLOT_DURATION`].
pub fn test_chain_spec(chain: &str) -> PathBuf {
	chain_spec_with_slots(chain, TEST_SLOT_DURATION)
}

/// The chain spec file of the built-in chain `chain` (`dev` or `local`) with slots of `slot`: the
/// node's own spec (`build-spec --chain <chain>`) with `validatorSet.slotDuration` added to its
/// genesis. Written once per test process, next to the node binary.
pub fn chain_spec_with_slots(chain: &str, slot: Duration) -> PathBuf {
	let millis = slot.as_millis() as u64;
	chain_spec_variant(chain, &format!("{millis}ms"), |patch| {
		patch["validatorSet"]["slotDuration"] = millis.into();
	})
}

/// The local testnet (four validators, test slots) with the development chain's accredited
/// issuers: Bob ("Example University", Dave its registrar's delegate key) and Charlie — a
/// consortium that issues from its first block, for tests that put it under load.
pub fn local_chain_with_issuers() -> PathBuf {
	let dev = built_in_chain_spec("dev");
	let issuers = dev["genesis"]["runtimeGenesis"]["patch"]["credentials"]["issuers"].clone();
	assert!(issuers.is_array(), "the dev chain accredits issuers at genesis");
	let millis = TEST_SLOT_DURATION.as_millis() as u64;
	chain_spec_variant("local", &format!("{millis}ms-issuers"), move |patch| {
		patch["validatorSet"]["slotDuration"] = millis.into();
		patch["credentials"]["issuers"] = issuers.clone();
	})
}

/// The node's own chain spec of the built-in chain `chain` (`build-spec --chain <chain>`).
fn built_in_chain_spec(chain: &str) -> Value {
	let output = Command::new(node_binary())
		.args(["build-spec", "--chain", chain])
		.stderr(Stdio::null())
		.output()
		.unwrap_or_else(|error| {
			panic!("cannot run {} build-spec: {error}", node_binary().display())
		});
	assert!(output.status.success(), "build-spec --chain {chain} failed: {}", output.status);
	serde_json::from_slice(&output.stdout).expect("build-spec prints JSON")
}

/// The chain spec file `<chain>-<variant>.json`: the built-in chain `chain` with its genesis patch
/// changed by `change`. Written once per test process, next to the node binary.
fn chain_spec_variant(chain: &str, variant: &str, change: impl FnOnce(&mut Value)) -> PathBuf {
	static SPECS: Mutex<BTreeMap<(String, String), PathBuf>> = Mutex::new(BTreeMap::new());
	let mut specs = SPECS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
	let key = (chain.to_string(), variant.to_string());
	if let Some(path) = specs.get(&key) {
		return path.clone();
	}
	let mut spec = built_in_chain_spec(chain);
	let patch = &mut spec["genesis"]["runtimeGenesis"]["patch"];
	assert!(patch.is_object(), "the {chain} chain spec is made from a genesis patch");
	change(patch);

	let folder =
		node_binary().parent().expect("the node binary is in a folder").join("e2e-chain-specs");
	std::fs::create_dir_all(&folder).expect("the chain spec folder can be made");
	let path = folder.join(format!("{chain}-{variant}.json"));
	// Several test processes may write the same file: each writes its own, then renames it.
	let written = folder.join(format!("{chain}-{variant}.{}.json", std::process::id()));
	std::fs::write(&written, serde_json::to_vec(&spec).expect("JSON serializes"))
		.expect("the chain spec can be written");
	std::fs::rename(&written, &path).expect("the chain spec can be renamed");
	specs.insert(key, path.clone());
	path
}

/// `--chain=<file>` for the test version of the built-in chain `chain`.
pub fn test_chain_argument(chain: &str) -> String {
	format!("--chain={}", test_chain_spec(chain).display())
}

/// The libp2p node key (32 bytes of hex) of the well-known ed25519 key `name` (`alice`, ...,
/// `ferdie`): the local genesis authorizes the PeerIds of these keys.
pub fn well_known_node_key(name: &str) -> String {
	let keyring = sp_keyring::Ed25519Keyring::from_str(name)
		.unwrap_or_else(|_| panic!("{name} is not a well-known key"));
	hex_encode(&keyring.pair().seed())
}

/// A libp2p node key (32 bytes of hex) that depends only on `name`, so tests are reproducible; its
/// PeerId is authorized by no genesis.
pub fn node_key_for(name: &str) -> String {
	let mut key = [0x5au8; 32];
	for (i, byte) in name.bytes().enumerate() {
		key[i % 32] ^= byte;
	}
	hex_encode(&key)
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|listener| listener.local_addr())
		.map(|address| address.port())
		.expect("the loopback interface has a free port")
}

/// A running `credchain-node` process, stopped (SIGKILL) when dropped if the test did not stop it.
/// It may be killed and restarted on its own database and ports, as a crashed node would be.
pub struct Node {
	name: String,
	args: Vec<String>,
	child: Option<Child>,
	rpc: HttpClient,
	rpc_port: u16,
	p2p_port: u16,
	log_path: PathBuf,
	base_path: tempfile::TempDir,
}

/// How to start a node.
pub struct NodeConfig {
	/// A label for messages and the log file.
	pub name: String,
	/// The arguments beyond the ports, base path and the flags every test node gets.
	pub args: Vec<String>,
	/// The folder the node's base path is made in (the system's temporary folder if `None`).
	pub folder: Option<PathBuf>,
}

impl NodeConfig {
	/// A `--dev` node (Alice authors, finalizes and holds sudo) of the development chain with
	/// short slots.
	pub fn dev() -> Self {
		Self {
			name: "dev".into(),
			args: vec!["--dev".into(), test_chain_argument("dev")],
			folder: None,
		}
	}

	/// A `--dev` node of the development chain exactly as the node ships it (six-second slots).
	pub fn shipped_dev() -> Self {
		Self { name: "dev".into(), args: vec!["--dev".into()], folder: None }
	}

	/// A validator of the local testnet (with short slots) with a well-known key (`alice`, `bob`,
	/// `charlie`, `dave`): its
	/// session keys are the well-known ones (`--alice`, ...) and its network key the ed25519 key of
	/// the same name, whose PeerId the local genesis authorizes.
	pub fn local_validator(key: &str) -> Self {
		Self {
			name: key.into(),
			args: vec![
				test_chain_argument("local"),
				format!("--{key}"),
				format!("--node-key={}", well_known_node_key(key)),
			],
			folder: None,
		}
	}

	/// A non-validating node of the local testnet (with short slots) with the network key of the
	/// well-known ed25519 key
	/// `key` (`eve`, `ferdie` are authorized by the local genesis). Its offchain worker runs, so it
	/// enforces node authorization too.
	pub fn local_node(key: &str) -> Self {
		Self {
			name: key.into(),
			args: vec![
				test_chain_argument("local"),
				format!("--node-key={}", well_known_node_key(key)),
				"--offchain-worker=always".into(),
			],
			folder: None,
		}
	}

	/// Connects to `bootnode` first.
	pub fn with_bootnode(self, bootnode: &str) -> Self {
		self.with_args([format!("--bootnodes={bootnode}")])
	}

	/// Adds arguments.
	pub fn with_args<I: IntoIterator<Item = String>>(mut self, args: I) -> Self {
		self.args.extend(args);
		self
	}

	/// Runs the chain `chain` (a `--chain=...` argument) instead of the configuration's own.
	pub fn with_chain(mut self, chain: &str) -> Self {
		self.args.retain(|arg| !arg.starts_with("--chain=") && arg != "--dev");
		self.args.push(chain.to_string());
		self
	}

	/// Makes the node's base path inside `folder` (a small disk, for example).
	pub fn in_folder(mut self, folder: &Path) -> Self {
		self.folder = Some(folder.to_path_buf());
		self
	}
}

impl Node {
	/// Starts a node on free loopback ports with its own temporary base path, and waits until its
	/// JSON-RPC server answers.
	pub async fn start(config: NodeConfig) -> Node {
		let prefix = format!("credchain-e2e-{}-", config.name);
		let mut base_path = tempfile::Builder::new();
		base_path.prefix(&prefix);
		let base_path = match &config.folder {
			Some(folder) => base_path.tempdir_in(folder),
			None => base_path.tempdir(),
		}
		.expect("a temporary folder can be made");
		let rpc_port = free_port();
		let rpc = HttpClientBuilder::default()
			.request_timeout(Duration::from_secs(10))
			.build(format!("http://127.0.0.1:{rpc_port}"))
			.expect("a loopback URL is valid");
		let mut node = Node {
			name: config.name,
			args: config.args,
			child: None,
			rpc,
			rpc_port,
			p2p_port: free_port(),
			log_path: base_path.path().join("node.log"),
			base_path,
		};
		node.spawn();
		node.wait_for_rpc(NODE_START_TIMEOUT).await;
		node
	}

	/// Starts the node's process on its base path and ports, its output appended to its log.
	fn spawn(&mut self) {
		let log = File::options()
			.create(true)
			.append(true)
			.open(&self.log_path)
			.expect("the node log can be opened");
		let child = Command::new(node_binary())
			.args(&self.args)
			.arg(format!("--base-path={}", self.base_path.path().join("data").display()))
			.arg(format!("--rpc-port={}", self.rpc_port))
			.arg(format!("--listen-addr=/ip4/127.0.0.1/tcp/{}", self.p2p_port))
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
			.stdin(Stdio::null())
			.stdout(log.try_clone().expect("the log handle can be shared"))
			.stderr(log)
			.spawn()
			.unwrap_or_else(|error| panic!("cannot start {}: {error}", node_binary().display()));
		self.child = Some(child);
	}

	/// Kills the process at once (SIGKILL, as a crash or a power cut would), leaving its database
	/// as it was at that instant.
	pub fn kill(&mut self) {
		let mut child = self.child.take().expect("the node is running");
		child.kill().expect("our own child process can be killed");
		child.wait().expect("the killed child can be waited for");
	}

	/// Starts a stopped or killed node again on its own database and ports, and waits until its
	/// JSON-RPC server answers (a node that cannot open its database fails the test with its log).
	pub async fn restart(&mut self) {
		assert!(self.child.is_none(), "node {} is still running", self.name);
		self.spawn();
		self.wait_for_rpc(NODE_START_TIMEOUT).await;
	}

	/// Adds arguments for the node's next starts (bootnodes that were not known at its first).
	pub fn add_restart_args<I: IntoIterator<Item = String>>(&mut self, args: I) {
		self.args.extend(args);
	}

	/// Waits for the node's process to end by itself; returns its exit status. Panics with the
	/// node's log if it is still running after `timeout`.
	pub fn wait_for_exit(&mut self, timeout: Duration) -> ExitStatus {
		let child = self.child.as_mut().expect("the node is running");
		let deadline = Instant::now() + timeout;
		loop {
			if let Some(status) = child.try_wait().expect("the child can be waited for") {
				self.child = None;
				return status;
			}
			assert!(
				Instant::now() < deadline,
				"node {} still runs after {timeout:?}:\n{}",
				self.name,
				self.log_tail()
			);
			std::thread::sleep(Duration::from_millis(100));
		}
	}

	/// Starts a stopped node again and waits for it to end by itself (a node that must refuse to
	/// run); returns its exit status.
	pub fn start_and_wait_for_exit(&mut self, timeout: Duration) -> ExitStatus {
		assert!(self.child.is_none(), "node {} is still running", self.name);
		self.spawn();
		self.wait_for_exit(timeout)
	}

	/// The node's whole log, across restarts.
	pub fn log(&self) -> String {
		std::fs::read_to_string(&self.log_path).unwrap_or_default()
	}

	/// The node's label.
	pub fn name(&self) -> &str {
		&self.name
	}

	/// The process id of the running node.
	pub fn pid(&self) -> u32 {
		self.child.as_ref().expect("the node is running").id()
	}

	/// The node's JSON-RPC port on 127.0.0.1.
	pub fn rpc_port(&self) -> u16 {
		self.rpc_port
	}

	/// The node's libp2p listening address, with its peer id, for `--bootnodes`.
	pub async fn multiaddr(&self) -> String {
		let peer_id: String = self.call("system_localPeerId", Vec::<Value>::new()).await;
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", self.p2p_port)
	}

	/// The last lines of the node's log, for failure messages.
	pub fn log_tail(&self) -> String {
		let log = self.log();
		let lines: Vec<&str> = log.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	async fn wait_for_rpc(&mut self, timeout: Duration) {
		let deadline = Instant::now() + timeout;
		loop {
			if let Some(status) =
				self.child.as_mut().and_then(|child| child.try_wait().ok().flatten())
			{
				panic!("node {} exited early ({status}):\n{}", self.name, self.log_tail());
			}
			let health: Result<Value, _> =
				self.rpc.request("system_health", ArrayParams::new()).await;
			if health.is_ok() {
				return;
			}
			assert!(
				Instant::now() < deadline,
				"node {}'s JSON-RPC server did not answer within {timeout:?}:\n{}",
				self.name,
				self.log_tail()
			);
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// Calls a JSON-RPC method and decodes its result, panicking with the node's log on failure.
	pub async fn call<R: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: Vec<Value>,
	) -> R {
		match self.try_call(method, params).await {
			Ok(result) => result,
			Err(error) => {
				panic!("{method} on node {} failed: {error}\n{}", self.name, self.log_tail())
			}
		}
	}

	/// Calls a JSON-RPC method and returns its result or its error.
	pub async fn try_call<R: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: Vec<Value>,
	) -> Result<R, jsonrpsee::core::ClientError> {
		let mut array = ArrayParams::new();
		for param in params {
			array.insert(param).expect("a JSON value serializes");
		}
		self.rpc.request(method, array).await
	}

	/// The number of the block `hash`.
	pub async fn block_number(&self, hash: &str) -> u64 {
		let header: Value = self.call("chain_getHeader", vec![hash.into()]).await;
		header_number(&header)
	}

	/// The number of the latest finalized block.
	pub async fn finalized_number(&self) -> u64 {
		self.finalized_head().await.number
	}

	/// The number of the latest finalized block, or `None` if the node does not answer (it is
	/// down, or still starting).
	pub async fn try_finalized_number(&self) -> Option<u64> {
		let hash: String = self.try_call("chain_getFinalizedHead", Vec::new()).await.ok()?;
		let header: Value = self.try_call("chain_getHeader", vec![hash.into()]).await.ok()?;
		Some(header_number(&header))
	}

	/// The number of the best block.
	pub async fn best_number(&self) -> u64 {
		let header: Value = self.call("chain_getHeader", Vec::new()).await;
		header_number(&header)
	}

	/// The latest finalized block.
	pub async fn finalized_head(&self) -> FinalizedHead {
		let hash: String = self.call("chain_getFinalizedHead", Vec::new()).await;
		FinalizedHead { number: self.block_number(&hash).await, hash }
	}

	/// Follows the node's finalized heads (`chain_subscribeFinalizedHeads` over WebSocket) and
	/// returns the first one, the current one included, for which `done` holds; panics with the
	/// node's log if none does within `timeout`. `what` names what is awaited, for that message.
	pub async fn wait_for_finalized_head<F, Fut>(
		&self,
		what: &str,
		timeout: Duration,
		mut done: F,
	) -> FinalizedHead
	where
		F: FnMut(FinalizedHead) -> Fut,
		Fut: std::future::Future<Output = bool>,
	{
		let url = format!("ws://127.0.0.1:{}", self.rpc_port);
		let search = async {
			let client = WsClientBuilder::default()
				.build(&url)
				.await
				.unwrap_or_else(|error| panic!("node {} takes no WebSocket: {error}", self.name));
			let mut heads: Subscription<Value> = client
				.subscribe(
					"chain_subscribeFinalizedHeads",
					rpc_params![],
					"chain_unsubscribeFinalizedHeads",
				)
				.await
				.unwrap_or_else(|error| {
					panic!("node {} refuses the subscription: {error}", self.name)
				});
			let current = self.finalized_head().await;
			if done(current.clone()).await {
				return current;
			}
			loop {
				let header = match heads.next().await {
					Some(Ok(header)) => header,
					other => panic!("node {}'s finalized heads stopped: {other:?}", self.name),
				};
				let number = header_number(&header);
				let head = FinalizedHead { number, hash: block_hash(self, number).await };
				if done(head.clone()).await {
					return head;
				}
			}
		};
		match tokio::time::timeout(timeout, search).await {
			Ok(head) => head,
			Err(_) => panic!(
				"node {}: no finalized block brought {what} within {timeout:?}:\n{}",
				self.name,
				self.log_tail()
			),
		}
	}

	/// Waits until the finalized block number reaches `number`; returns it.
	pub async fn wait_for_finalized(&self, number: u64, timeout: Duration) -> u64 {
		let what = format!("block {number}");
		self.wait_for_finalized_head(&what, timeout, |head| async move { head.number >= number })
			.await
			.number
	}

	/// Sends SIGINT (as Ctrl-C does), waits up to `timeout` for the process to exit, and asserts
	/// that it exited successfully; a failure shows the end of its log.
	pub fn stop_cleanly(&mut self, timeout: Duration) {
		let status = self.stop(timeout);
		assert!(
			status.success(),
			"node {} exited with {status} after SIGINT:\n{}",
			self.name,
			self.log_tail()
		);
	}

	/// Sends SIGINT (as Ctrl-C does) and waits for the process to exit; returns its exit status.
	pub fn stop(&mut self, timeout: Duration) -> ExitStatus {
		let mut child = self.child.take().expect("the node is still running");
		let pid = Pid::from_raw(i32::try_from(child.id()).expect("a pid fits in i32"));
		signal::kill(pid, Signal::SIGINT).expect("our own child process can be signalled");
		let deadline = Instant::now() + timeout;
		loop {
			if let Some(status) = child.try_wait().expect("the child can be waited for") {
				return status;
			}
			if Instant::now() >= deadline {
				let _ = child.kill();
				let _ = child.wait();
				panic!(
					"node {} did not exit within {timeout:?} of SIGINT:\n{}",
					self.name,
					self.log_tail()
				);
			}
			std::thread::sleep(Duration::from_millis(100));
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

/// A finalized block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinalizedHead {
	/// Its number.
	pub number: u64,
	/// Its hash, as 0x-hex.
	pub hash: String,
}

/// The number of a header in JSON (`chain_getHeader`, head subscriptions).
fn header_number(header: &Value) -> u64 {
	let number = header["number"].as_str().expect("a header has a hex number");
	u64::from_str_radix(number.trim_start_matches("0x"), 16).expect("the number is hex")
}

/// Reads and decodes the storage value at `key` at the best block, or `None` when it is empty.
pub async fn read_storage<V: codec::Decode>(node: &Node, key: &[u8]) -> Option<V> {
	let hex_key = format!("0x{}", hex_encode(key));
	let value: Option<String> = node.call("state_getStorage", vec![hex_key.into()]).await;
	value.map(|hex| {
		let bytes = hex_decode(&hex);
		V::decode(&mut &bytes[..]).unwrap_or_else(|error| panic!("storage value {hex}: {error}"))
	})
}

/// Lower-case hex, without `0x`.
pub fn hex_encode(bytes: &[u8]) -> String {
	bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Decodes hex with or without `0x`, panicking on malformed input (it comes from the node).
pub fn hex_decode(hex: &str) -> Vec<u8> {
	let hex = hex.trim_start_matches("0x");
	(0..hex.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("the node returns valid hex"))
		.collect()
}

/// Reads and decodes the storage value at `key` in the state of block `hash`.
pub async fn read_storage_at<V: codec::Decode>(node: &Node, key: &[u8], hash: &str) -> Option<V> {
	let hex_key = format!("0x{}", hex_encode(key));
	let value: Option<String> =
		node.call("state_getStorage", vec![hex_key.into(), hash.into()]).await;
	value.map(|hex| {
		let bytes = hex_decode(&hex);
		V::decode(&mut &bytes[..]).unwrap_or_else(|error| panic!("storage value {hex}: {error}"))
	})
}

/// The Aura key that authored block `hash`: the authority of the block's slot among the
/// authorities of its parent's state.
pub async fn block_author(node: &Node, hash: &str) -> [u8; 32] {
	let header: Value = node.call("chain_getHeader", vec![hash.into()]).await;
	let parent = header["parentHash"].as_str().expect("a header has a parent hash").to_string();
	let slot: u64 = header["digest"]["logs"]
		.as_array()
		.expect("a header has digest logs")
		.iter()
		.filter_map(|log| log.as_str())
		.filter_map(|log| DigestItem::decode(&mut &hex_decode(log)[..]).ok())
		.find_map(|item| CompatibleDigestItem::<AuthoritySignature>::as_aura_pre_digest(&item))
		.unwrap_or_else(|| panic!("block {hash} has no Aura pre-runtime digest"))
		.into();
	let authorities_key = pallet_aura::Authorities::<credchain_runtime::Runtime>::hashed_key();
	let authorities: Vec<[u8; 32]> = read_storage_at(node, &authorities_key, &parent)
		.await
		.expect("the chain has Aura authorities");
	authorities[(slot % authorities.len() as u64) as usize]
}

/// The hash of block `number` on the node's best chain.
pub async fn block_hash(node: &Node, number: u64) -> String {
	node.call("chain_getBlockHash", vec![number.into()]).await
}
