use super::*;

fn refused(body: &str) -> Refusal {
	parse_request(body.as_bytes()).expect_err(body)
}

#[test]
fn a_verification_request_is_forwarded_as_sent() {
	let request = parse_request(
		br#"{"jsonrpc":"2.0","id":7,"method":"credentials_verify","params":["0x00",null,"did:web:u"]}"#,
	)
	.unwrap();
	assert_eq!(request.id, json!(7));
	assert_eq!(request.method, "credentials_verify");
	assert_eq!(request.params, vec![json!("0x00"), Value::Null, json!("did:web:u")]);

	let without_params = parse_request(br#"{"jsonrpc":"2.0","id":"a","method":"system_chain"}"#);
	assert_eq!(without_params.unwrap().params, Vec::<Value>::new());
}

#[test]
fn methods_that_are_not_verification_methods_are_refused() {
	for method in ["author_submitExtrinsic", "state_call", "system_health", "rpc_methods", ""] {
		let refusal =
			refused(&format!(r#"{{"jsonrpc":"2.0","id":1,"method":"{method}","params":[]}}"#));
		assert_eq!((refusal.status, refusal.code), (StatusCode::FORBIDDEN, METHOD_NOT_FOUND));
		assert_eq!(refusal.id, json!(1));
		assert!(refusal.message.contains("credentials_verify"), "{}", refusal.message);
	}
}

#[test]
fn malformed_requests_are_refused_with_what_was_wrong() {
	let cases = [
		("", PARSE_ERROR, "not JSON"),
		("{\"jsonrpc\":", PARSE_ERROR, "not JSON"),
		(
			"[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_chain\"}]",
			INVALID_REQUEST,
			"batches",
		),
		("42", INVALID_REQUEST, "request object"),
		(r#"{"id":1,"method":"system_chain"}"#, INVALID_REQUEST, "`jsonrpc`"),
		(r#"{"jsonrpc":"1.0","id":1,"method":"system_chain"}"#, INVALID_REQUEST, "`jsonrpc`"),
		(r#"{"jsonrpc":"2.0","id":{},"method":"system_chain"}"#, INVALID_REQUEST, "`id`"),
		(r#"{"jsonrpc":"2.0","id":1,"method":7}"#, INVALID_REQUEST, "`method`"),
		(
			r#"{"jsonrpc":"2.0","id":1,"method":"credentials_verify","params":{"digest":"0x"}}"#,
			INVALID_PARAMS,
			"array",
		),
		(
			r#"{"jsonrpc":"2.0","id":1,"method":"credentials_verify","params":[1,2,3,4,5,6]}"#,
			INVALID_PARAMS,
			"at most 5",
		),
	];
	for (body, code, says) in cases {
		let refusal = refused(body);
		assert_eq!((refusal.status, refusal.code), (StatusCode::BAD_REQUEST, code), "{body}");
		assert!(refusal.message.contains(says), "{body}: {}", refusal.message);
	}
}

#[test]
fn a_long_method_name_is_not_echoed_whole() {
	let method = "x".repeat(10_000);
	let refusal = refused(&format!(r#"{{"jsonrpc":"2.0","id":1,"method":"{method}"}}"#));
	assert!(refusal.message.len() < 400, "{}", refusal.message.len());
}

#[test]
fn node_urls_are_read_as_http() {
	assert_eq!(http_url("ws://127.0.0.1:9944").unwrap(), "http://127.0.0.1:9944");
	assert_eq!(http_url("WSS://rpc.example:443/x").unwrap(), "https://rpc.example:443/x");
	assert_eq!(http_url("http://node:9944").unwrap(), "http://node:9944");
	for bad in ["127.0.0.1:9944", "ftp://node", "http://"] {
		assert!(matches!(http_url(bad), Err(ServeError::NodeUrl { .. })), "{bad}");
	}
}
