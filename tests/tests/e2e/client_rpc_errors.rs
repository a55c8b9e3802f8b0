//! The `credentials_*` JSON-RPC methods refuse malformed input with an *invalid params* error
//! (`-32602`) whose message names the parameter and what was wrong (`docs/rpc.md`, "Errors") — checked
//! with a JSON-RPC client and with a raw HTTP request, as a verifier's `curl` would send it.

use std::time::Duration;

use credchain_e2e::{http, Node, NodeConfig};
use jsonrpsee::core::ClientError;
use serde_json::{json, Value};

/// The JSON-RPC code of invalid parameters.
const INVALID_PARAMS: i32 = -32602;

/// Calls `method` with `params` and asserts an invalid-params error whose message contains `expected`.
async fn expect_invalid_params(node: &Node, method: &str, params: Vec<Value>, expected: &str) {
	let shown = format!("{method}({params:?})");
	match node.try_call::<Value>(method, params).await {
		Err(ClientError::Call(error)) => {
			assert_eq!(error.code(), INVALID_PARAMS, "{shown}: {error:?}");
			assert!(
				error.message().contains(expected),
				"{shown}: {:?} lacks {expected:?}",
				error.message()
			);
		}
		Err(other) => panic!("{shown}: expected an invalid-params error, got {other}"),
		Ok(answer) => panic!("{shown}: expected an invalid-params error, got the answer {answer}"),
	}
}

/// Sends `body` as an HTTP POST to the node's JSON-RPC port, as `curl` would, and returns the
/// response's JSON body.
async fn raw_post(port: u16, body: &str) -> Value {
	let (status, body) =
		http::post(&format!("http://127.0.0.1:{port}/"), "application/json", body).await;
	assert_eq!(status, 200, "unexpected response: {}", String::from_utf8_lossy(&body));
	serde_json::from_slice(&body)
		.unwrap_or_else(|error| panic!("not JSON ({error}): {}", String::from_utf8_lossy(&body)))
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_parameters_are_named_in_invalid_params_errors() {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;
	let digest = format!("0x{}", "ab".repeat(32));
	let empty_proof = json!({ "leafIndex": 0, "siblings": [] });

	// A well-formed question about an unknown credential is answered, not refused.
	let verdict: Value = node.call("credentials_verify", vec![digest.clone().into()]).await;
	assert_eq!(verdict["status"], "unknown", "{verdict}");
	let verdict: Value =
		node.call("credentials_verify", vec![digest.trim_start_matches("0x").into()]).await;
	assert_eq!(verdict["status"], "unknown", "{verdict}");

	let too_long: Vec<Value> = (0..40).map(|_| Value::from(digest.clone())).collect();
	let unknown_block = format!("0x{}", "00".repeat(32));
	let malformed: Vec<(&str, Vec<Value>, &str)> = vec![
		// Bad hex, wrong length.
		(
			"credentials_verify",
			vec!["xyz".into()],
			"`digest` must be 32 bytes: 64 hex digits with an optional 0x, got 3 characters",
		),
		(
			"credentials_verify",
			vec![format!("0x{}", "xy".repeat(32)).into()],
			"`digest` must be 64 hex digits",
		),
		(
			"credentials_verify",
			vec![format!("0x{}", "ab".repeat(31)).into()],
			"`digest` must be 32 bytes: 64 hex digits with an optional 0x, got 64 characters",
		),
		(
			"credentials_verifyInBatch",
			vec![
				format!("0x{}", "cd".repeat(20)).into(),
				digest.clone().into(),
				empty_proof.clone(),
			],
			"`root` must be 32 bytes: 64 hex digits with an optional 0x, got 42 characters",
		),
		(
			"credentials_verifyInBatch",
			vec![digest.clone().into(), "0x12".into(), empty_proof.clone()],
			"`leaf` must be 32 bytes",
		),
		(
			"credentials_verifyInBatch",
			vec![
				digest.clone().into(),
				digest.clone().into(),
				json!({ "leafIndex": 0, "siblings": ["zz"] }),
			],
			"`proof.siblings[0]` must be 32 bytes",
		),
		(
			"credentials_verifyInBatch",
			vec![
				digest.clone().into(),
				digest.clone().into(),
				json!({ "leafIndex": 0, "siblings": too_long }),
			],
			"`proof.siblings` has 40 hashes; a batch proof has at most 32",
		),
		// An unknown or malformed block to read at.
		(
			"credentials_verify",
			vec![digest.clone().into(), unknown_block.clone().into()],
			"`at`: unknown block",
		),
		(
			"credentials_verify",
			vec![digest.clone().into(), "yesterday".into()],
			"`at` must be 32 bytes",
		),
		(
			"credentials_issuer",
			vec![format!("0x{}", "11".repeat(32)).into(), unknown_block.into()],
			"`at`: unknown block",
		),
		// A bad account.
		(
			"credentials_issuer",
			vec!["not-an-account".into()],
			"`account` must be an SS58 address or 32 bytes of hex",
		),
		(
			"credentials_issuer",
			vec!["5".repeat(51).into()],
			"`account` must be an SS58 address (at most 50 characters)",
		),
		("credentials_issuer", vec!["0x1234".into()], "`account` must be 32 bytes"),
		// The issuer a document names: not empty, and no longer than any identifier can be.
		(
			"credentials_verify",
			vec![digest.clone().into(), Value::Null, "".into()],
			"`issuer` must be an issuer URI or DID of 1 to 512 bytes, got 0 bytes",
		),
		(
			"credentials_verify",
			vec![digest.clone().into(), Value::Null, format!("did:{}", "x".repeat(600)).into()],
			"`issuer` must be an issuer URI or DID of 1 to 512 bytes, got 604 bytes",
		),
		(
			"credentials_issuerByIdentifier",
			vec!["x".repeat(513).into()],
			"`identifier` must be an issuer URI or DID of 1 to 512 bytes",
		),
	];
	for (method, params, expected) in malformed {
		expect_invalid_params(&node, method, params, expected).await;
	}

	// The same refusal as a verifier's raw HTTP request receives it.
	let body = r#"{"jsonrpc":"2.0","id":7,"method":"credentials_verify","params":["xyz"]}"#;
	let response = raw_post(node.rpc_port(), body).await;
	assert_eq!(response["id"], 7, "{response}");
	assert_eq!(response["error"]["code"], INVALID_PARAMS, "{response}");
	let message = response["error"]["message"].as_str().unwrap_or_default();
	assert!(message.contains("`digest` must be 32 bytes"), "{response}");

	let body = format!(
		r#"{{"jsonrpc":"2.0","id":8,"method":"credentials_verifyInBatch","params":["{digest}","0x00",{{"leafIndex":0,"siblings":[]}}]}}"#
	);
	let response = raw_post(node.rpc_port(), &body).await;
	assert_eq!(response["error"]["code"], INVALID_PARAMS, "{response}");
	assert!(
		response["error"]["message"].as_str().unwrap_or_default().contains("`leaf`"),
		"{response}"
	);
}

/// Calls `method` with `params`, asserts an invalid-params error, and returns how long it took.
async fn time_invalid_params(node: &Node, method: &str, params: Vec<Value>) -> Duration {
	let started = std::time::Instant::now();
	match node.try_call::<Value>(method, params).await {
		Err(ClientError::Call(error)) => assert_eq!(error.code(), INVALID_PARAMS, "{error:?}"),
		other => panic!("{method}: expected an invalid-params error, got {other:?}"),
	}
	started.elapsed()
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_parameters_are_refused_quickly_and_never_read_as_another_digest() {
	let node = Node::start(NodeConfig::dev()).await;
	node.wait_for_finalized(1, Duration::from_secs(60)).await;

	// A 1 MB account string: base58 decoding it would take tens of seconds; the length check
	// refuses it at once. (The bound only separates "refused by its length" from "decoded": the
	// refusal itself takes well under a millisecond, moving a megabyte over loopback a little more,
	// and other tests may be loading the machine.)
	let huge_account = "5".repeat(1_000_000);
	let took = time_invalid_params(&node, "credentials_issuer", vec![huge_account.into()]).await;
	assert!(took < Duration::from_secs(5), "a 1 MB account took {took:?} to refuse");
	let huge_digest = "ab".repeat(500_000);
	let took = time_invalid_params(&node, "credentials_verify", vec![huge_digest.into()]).await;
	assert!(took < Duration::from_secs(5), "a 1 MB digest took {took:?} to refuse");

	// A 63-digit digest used to be zero-padded into a different digest; whitespace was skipped.
	let digest = format!("8110{}", "0".repeat(59));
	assert_eq!(digest.len(), 63);
	for malformed in [
		digest.clone(),
		format!("0x{digest}"),
		format!(" 0x{digest}0"),
		format!("0x{digest}0 "),
		format!("0x{} {}", &digest[..31], &digest[31..]),
	] {
		time_invalid_params(&node, "credentials_verify", vec![malformed.into()]).await;
	}
}
