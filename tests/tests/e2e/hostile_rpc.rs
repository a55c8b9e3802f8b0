//! Hostile JSON-RPC traffic (`docs/reliability.md`): parameters of the wrong type, odd hex, digests
//! of 31 and 33 bytes, 10,000-hash proofs and random bytes sent to every `credentials_*` method and
//! to `author_submitExtrinsic` and `state_call`; malformed JSON, a batch of 10,000 requests and a
//! body over the size limit. Every request gets an error answer, the node stays up, and its memory
//! stays bounded.

use std::time::Duration;

use credchain_e2e::{http, Node, NodeConfig};
use serde_json::{json, Value};
use sp_crypto_hashing::blake2_256;

/// The JSON-RPC code of invalid parameters.
const INVALID_PARAMS: i64 = -32602;

/// The most resident memory the node may have after the traffic: a development node takes about
/// 160 MiB; the point is that nothing the traffic sent is kept.
const MAX_RESIDENT_MIB: u64 = 768;

/// Sends one JSON-RPC request as raw HTTP; returns the answer's JSON body.
async fn request(port: u16, method: &str, params: Value) -> Value {
	let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
	let (status, answer) =
		http::post(&format!("http://127.0.0.1:{port}/"), "application/json", &body).await;
	assert_eq!(status, 200, "{method}({params}): HTTP {status}");
	serde_json::from_slice(&answer)
		.unwrap_or_else(|error| panic!("{method}({params}): not JSON ({error})"))
}

/// Asserts that `answer` is a JSON-RPC error (with `code` if given), not a result.
fn assert_error(answer: &Value, code: Option<i64>, what: &str) {
	let error = &answer["error"];
	assert!(error.is_object() && answer.get("result").is_none(), "{what}: answered {answer}");
	if let Some(code) = code {
		assert_eq!(error["code"], code, "{what}: {answer}");
	}
}

/// `n` bytes of seeded noise, as 0x-hex.
fn noise(seed: u64, n: usize) -> String {
	let mut bytes = Vec::with_capacity(n + 32);
	let mut counter = 0u64;
	while bytes.len() < n {
		bytes.extend_from_slice(&blake2_256(&[seed.to_le_bytes(), counter.to_le_bytes()].concat()));
		counter += 1;
	}
	bytes.truncate(n);
	format!("0x{}", bytes.iter().map(|byte| format!("{byte:02x}")).collect::<String>())
}

/// Seeded dice for the random requests: numbers drawn from BLAKE2 of the seed and a counter, so a
/// seed replays its run.
struct Dice {
	seed: u64,
	counter: u64,
}

impl Dice {
	/// A number below `bound`.
	fn below(&mut self, bound: u64) -> u64 {
		self.counter += 1;
		let hash = blake2_256(&[self.seed.to_le_bytes(), self.counter.to_le_bytes()].concat());
		u64::from_le_bytes(hash[..8].try_into().expect("8 bytes")) % bound
	}

	/// A JSON value that is no 32-byte hex value, no proof, and — with `strings` false — no string
	/// at all, so that a method given it in place of a digest, a proof or an identifier must refuse.
	fn hostile_value(&mut self, strings: bool, depth: u32) -> Value {
		let kinds = if depth == 0 { 4 } else { 5 };
		match (self.below(kinds), strings) {
			(0, _) => json!(self.below(1 << 40) as i64 - (1 << 39)),
			(1, _) => json!(self.below(2) == 1),
			(2, _) => json!({ format!("k{}", self.below(100)): self.below(100) }),
			(3, true) => {
				// Hex of any length but 32 bytes, odd half the time; or not hex at all.
				let bytes = [0, 1, 2, 16, 31, 33, 64, 1_000][self.below(8) as usize];
				let mut text = noise(self.below(u64::MAX), bytes);
				match self.below(3) {
					0 => text.push('a'),
					1 => text.replace_range(2..2, "zz"),
					_ => {}
				}
				json!(text)
			}
			(3, false) => json!(0.5),
			_ => {
				let items = self.below(4);
				Value::Array((0..items).map(|_| self.hostile_value(strings, depth - 1)).collect())
			}
		}
	}
}

/// `rounds` random malformed requests — every `credentials_*` method, `author_submitExtrinsic` and
/// `state_call`, with hostile values in every position that takes bytes, a proof or a number —
/// each checked to be answered with an error. Returns how many were sent.
async fn random_requests(port: u16, seed: u64, rounds: u64) -> u64 {
	let mut dice = Dice { seed, counter: 0 };
	let digest = json!(format!("0x{}", "cd".repeat(32)));
	for round in 0..rounds {
		let bytes = dice.hostile_value(true, 2);
		let other = dice.hostile_value(false, 2);
		let (method, params, code) = match dice.below(12) {
			0 => ("credentials_verify", json!([bytes]), Some(INVALID_PARAMS)),
			1 => ("credentials_verify", json!([digest, bytes]), Some(INVALID_PARAMS)),
			2 => ("credentials_verify", json!([digest, null, other]), Some(INVALID_PARAMS)),
			3 => ("credentials_verifyInBatch", json!([bytes, digest, other]), Some(INVALID_PARAMS)),
			4 => ("credentials_issuer", json!([bytes]), Some(INVALID_PARAMS)),
			5 => ("credentials_issuerByIdentifier", json!([other]), Some(INVALID_PARAMS)),
			6 => ("author_submitExtrinsic", json!([bytes]), None),
			7 => {
				let holder = json!({ "commitment": bytes });
				("credentials_verify", json!([digest, null, null, holder]), Some(INVALID_PARAMS))
			}
			8 => ("credentials_verify", json!([digest, null, null, other]), Some(INVALID_PARAMS)),
			9 => ("credentials_achievement", json!([bytes]), Some(INVALID_PARAMS)),
			10 => ("credentials_proveVerdict", json!([bytes]), Some(INVALID_PARAMS)),
			// Arguments shorter than a digest, so that they can never decode.
			_ => {
				let arguments = noise(dice.below(u64::MAX), dice.below(32) as usize);
				("state_call", json!(["CredentialsApi_verify", arguments]), None)
			}
		};
		let answer = request(port, method, params.clone()).await;
		assert_error(&answer, code, &format!("seed {seed} round {round}: {method}({params:.200})"));
	}
	rounds
}

/// The node's resident memory in MiB.
fn resident_mib(node: &Node) -> u64 {
	let status = std::fs::read_to_string(format!("/proc/{}/status", node.pid()))
		.expect("the node's status can be read");
	status
		.lines()
		.find_map(|line| line.strip_prefix("VmRSS:"))
		.and_then(|value| value.split_whitespace().next())
		.and_then(|kib| kib.parse::<u64>().ok())
		.expect("the status has VmRSS")
		/ 1024
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_requests_each_get_an_error_and_the_node_stays_up() {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let port = node.rpc_port();
	let digest = format!("0x{}", "ab".repeat(32));
	let proof = json!({ "leafIndex": 0, "siblings": [] });
	let huge_proof = json!({ "leafIndex": 0, "siblings": vec![digest.clone(); 10_000] });

	// Wrong types anywhere; odd hex and wrong lengths where bytes are expected; missing parameters
	// and proofs too long: invalid params, each. (An issuer identifier is any string of 1 to 512
	// bytes, so only its type and length can be wrong.)
	let wrong_types = [json!(1), json!(true), json!({}), json!([])];
	let wrong_bytes = [
		json!("0x123"),
		json!(format!("0x{}", "ab".repeat(31))),
		json!(format!("0x{}", "ab".repeat(33))),
		json!(noise(1, 1_000)),
	];
	let mut sent = 0;
	for value in wrong_types.iter().chain(&wrong_bytes) {
		let is_bytes = value.is_string();
		for (method, params) in [
			("credentials_verify", json!([value])),
			("credentials_verify", json!([digest, value])),
			("credentials_verifyInBatch", json!([value, digest, proof])),
			("credentials_verifyInBatch", json!([digest, value, proof])),
			("credentials_verifyInBatch", json!([digest, digest, value])),
			("credentials_issuer", json!([value])),
			("credentials_proveVerdict", json!([value])),
			("credentials_proveVerdict", json!([digest, null, value])),
			(
				"credentials_proveVerdict",
				json!([digest, null, { "root": value, "leafIndex": 0, "siblings": [] }]),
			),
		] {
			let answer = request(port, method, params.clone()).await;
			assert_error(&answer, Some(INVALID_PARAMS), &format!("{method}({params:.200})"));
			sent += 1;
		}
		if !is_bytes {
			for (method, params) in [
				("credentials_verify", json!([digest, null, value])),
				("credentials_issuerByIdentifier", json!([value])),
				("credentials_proveVerdict", json!([digest, value])),
			] {
				let answer = request(port, method, params.clone()).await;
				assert_error(&answer, Some(INVALID_PARAMS), &format!("{method}({params})"));
				sent += 1;
			}
		}
	}
	let too_long_identifier = "x".repeat(513);
	for (method, params) in [
		("credentials_verify", json!([])),
		("credentials_verify", json!([digest, null, too_long_identifier])),
		("credentials_issuerByIdentifier", json!([too_long_identifier])),
		("credentials_verifyInBatch", json!([digest, digest, huge_proof])),
		("credentials_issuer", json!([])),
		("credentials_achievement", json!([])),
		("credentials_achievement", json!([digest, 0])),
		("credentials_proveVerdict", json!([])),
		("credentials_proveVerdict", json!([digest, too_long_identifier])),
		(
			"credentials_proveVerdict",
			json!([digest, null, { "root": digest, "leafIndex": 0, "siblings": vec![digest.clone(); 10_000] }]),
		),
		("credentials_verify", json!([digest, null, null, { "identity": "x" }])),
		(
			"credentials_verify",
			json!([digest, null, null, { "identity": "x", "salt": "y".repeat(1_025) }]),
		),
	] {
		let answer = request(port, method, params.clone()).await;
		assert_error(&answer, Some(INVALID_PARAMS), &format!("{method}({params:.200})"));
		sent += 1;
	}

	// Random bytes as extrinsics, and as runtime calls: refused, each with an error.
	for (seed, length) in (0..60u64).map(|seed| (seed, 1 + (seed as usize * 37) % 3_000)) {
		let answer = request(port, "author_submitExtrinsic", json!([noise(seed, length)])).await;
		assert_error(&answer, None, &format!("author_submitExtrinsic of {length} random bytes"));
		sent += 1;
	}
	for (method, data) in [
		("CredentialsApi_verify", noise(2, 3)),
		("Core_no_such_method", "0x".into()),
		("Metadata_metadata_at_version", noise(4, 1)),
		(&*"x".repeat(10_000), "0x".into()),
	] {
		let answer = request(port, "state_call", json!([method, data])).await;
		assert_error(&answer, None, &format!("state_call({:.40}, {:.40})", method, data));
		sent += 1;
	}
	for params in [json!(["0x1"]), json!(["zz"]), json!([1]), json!([])] {
		let answer = request(port, "author_submitExtrinsic", params.clone()).await;
		assert_error(&answer, None, &format!("author_submitExtrinsic({params})"));
		sent += 1;
	}

	// Malformed JSON: a parse error or an invalid request, never silence.
	let url = format!("http://127.0.0.1:{port}/");
	for body in ["{", "[]", "null", "{\"jsonrpc\":\"2.0\"}", "\u{0}\u{1}"] {
		let (_, answer) = http::post(&url, "application/json", body).await;
		let answer: Value = serde_json::from_slice(&answer)
			.unwrap_or_else(|error| panic!("{body:?}: not JSON ({error})"));
		let answer = if answer.is_array() { answer[0].clone() } else { answer };
		assert_error(&answer, None, &format!("the body {body:?}"));
		sent += 1;
	}

	// A batch of 10,000 requests: an answer for each, every one an error.
	let batch: Vec<Value> = (0..10_000)
		.map(
			|id| json!({ "jsonrpc": "2.0", "id": id, "method": "credentials_verify", "params": ["0x12"] }),
		)
		.collect();
	let (status, answer) =
		http::post(&url, "application/json", &Value::from(batch).to_string()).await;
	assert_eq!(status, 200);
	let answer: Value = serde_json::from_slice(&answer).expect("the batch's answer is JSON");
	match answer.as_array() {
		Some(answers) => {
			assert_eq!(answers.len(), 10_000, "not an answer for every request of the batch");
			for answer in answers {
				assert_error(answer, Some(INVALID_PARAMS), "a request of the batch");
			}
		}
		// A node with a batch limit refuses the batch as a whole.
		None => assert_error(&answer, None, "a batch of 10,000 requests"),
	}
	sent += 10_000;

	// A body over the server's limit (15 MiB by default) is refused by its size: a 413, or — when
	// the server answers before the client has sent it all — the connection closed under it.
	let oversized = format!(
		r#"{{"jsonrpc":"2.0","id":1,"method":"credentials_verify","params":["{}"]}}"#,
		"a".repeat(16 << 20)
	);
	match http::try_post(&url, "application/json", &oversized).await {
		Ok((status, _)) => assert_eq!(status, 413, "an oversized body was not refused by its size"),
		Err(error) => assert!(error.contains("did not answer HTTP"), "{error}"),
	}
	sent += 1;

	// Random malformed requests: CREDCHAIN_HOSTILE_REQUESTS of them (scripts/hostile-rpc.sh sends
	// more) from CREDCHAIN_HOSTILE_SEED.
	let setting = |name: &str, default: u64| {
		std::env::var(name).map_or(default, |text| {
			text.parse().unwrap_or_else(|_| panic!("{name} must be a number, not {text:?}"))
		})
	};
	let seed = setting("CREDCHAIN_HOSTILE_SEED", 1);
	sent += random_requests(port, seed, setting("CREDCHAIN_HOSTILE_REQUESTS", 500)).await;

	// The node is up, answers the truth, and kept nothing of it all.
	let answer = request(port, "credentials_verify", json!([digest])).await;
	assert_eq!(answer["result"]["status"], "unknown", "{answer}");
	let resident = resident_mib(&node);
	assert!(resident <= MAX_RESIDENT_MIB, "{resident} MiB resident after the hostile traffic");
	println!(
		"hostile RPC (seed {seed}): {sent} malformed requests, {sent} error answers; {resident} \
		 MiB resident"
	);
}
