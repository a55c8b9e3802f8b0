//! `POST /rpc`: forwards one JSON-RPC request for a verification method to the CredChain node.
//!
//! Only [`ALLOWED_METHODS`] pass, one request per POST (no batches), with positional parameters; the
//! answer is the node's, with the caller's id. What the server refuses itself gets a 4xx status and
//! a JSON-RPC error naming what was wrong; a node that cannot be reached gets 502 (504 when it does
//! not answer in time), so the page can say which side failed.

use std::{sync::Arc, time::Duration};

use axum::{
	body::Bytes,
	extract::State,
	http::{header, HeaderMap, HeaderValue, StatusCode},
	response::{IntoResponse, Response},
};
use jsonrpsee::{
	core::{client::ClientT, ClientError},
	http_client::{HttpClient, HttpClientBuilder},
};
use serde_json::{json, Value};

use crate::ServeError;

/// The methods forwarded: the verification methods, and what the page needs to name the chain.
pub const ALLOWED_METHODS: [&str; 7] = [
	"credentials_verify",
	"credentials_achievement",
	"credentials_verifyInBatch",
	"credentials_issuer",
	"credentials_issuerByIdentifier",
	"system_chain",
	"chain_getBlockHash",
];

/// The most parameters any allowed method takes.
const MAX_PARAMS: usize = 5;

/// The largest answer accepted from the node (a verdict is about 2 KiB).
const MAX_ANSWER_BYTES: u32 = 256 * 1024;

/// JSON-RPC: the body is not JSON.
pub const PARSE_ERROR: i32 = -32700;
/// JSON-RPC: not a valid request object.
pub const INVALID_REQUEST: i32 = -32600;
/// JSON-RPC: the method is not offered.
pub const METHOD_NOT_FOUND: i32 = -32601;
/// JSON-RPC: the parameters are malformed.
pub const INVALID_PARAMS: i32 = -32602;
/// The node could not be reached or did not answer in time.
pub const NODE_UNAVAILABLE: i32 = -32001;

/// The connection to the node the requests are forwarded to.
pub struct RpcProxy {
	node: HttpClient,
	node_url: String,
	timeout: Duration,
}

impl RpcProxy {
	/// A proxy to the node at `node_url` (http(s)://, or ws(s):// read as http(s)://), allowing it
	/// `timeout` per request.
	pub fn new(node_url: &str, timeout: Duration) -> Result<Self, ServeError> {
		let http_url = http_url(node_url)?;
		let node = HttpClientBuilder::default()
			.request_timeout(timeout)
			.max_response_size(MAX_ANSWER_BYTES)
			.build(&http_url)
			.map_err(|error| ServeError::NodeUrl {
				url: node_url.to_string(),
				reason: error.to_string(),
			})?;
		Ok(Self { node, node_url: http_url, timeout })
	}
}

/// `url` with a ws(s) scheme turned into http(s); other schemes are refused.
fn http_url(url: &str) -> Result<String, ServeError> {
	let refuse = |reason: &str| ServeError::NodeUrl { url: url.to_string(), reason: reason.into() };
	let (scheme, rest) = url.split_once("://").ok_or_else(|| refuse("it has no scheme"))?;
	let scheme = match scheme.to_ascii_lowercase().as_str() {
		"http" | "ws" => "http",
		"https" | "wss" => "https",
		_ => return Err(refuse("use http://, https://, ws:// or wss://")),
	};
	if rest.is_empty() {
		return Err(refuse("it names no host"));
	}
	Ok(format!("{scheme}://{rest}"))
}

/// A JSON-RPC request as the page sends it, checked.
#[derive(Debug, PartialEq)]
pub struct ForwardedRequest {
	/// The caller's id, returned with the answer.
	pub id: Value,
	/// One of [`ALLOWED_METHODS`].
	pub method: &'static str,
	/// The positional parameters.
	pub params: Vec<Value>,
}

/// Why a request is not forwarded: the status, JSON-RPC code and message of the answer.
#[derive(Debug, PartialEq)]
pub struct Refusal {
	/// The HTTP status.
	pub status: StatusCode,
	/// The caller's id, when the request had a readable one.
	pub id: Value,
	/// The JSON-RPC error code.
	pub code: i32,
	/// What was wrong.
	pub message: String,
}

impl IntoResponse for Refusal {
	fn into_response(self) -> Response {
		error_answer(self.status, self.id, self.code, self.message)
	}
}

/// A JSON-RPC error answer with HTTP status `status`.
pub fn error_answer(status: StatusCode, id: Value, code: i32, message: String) -> Response {
	json_answer(
		status,
		&json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } }),
	)
}

/// `answer` as a JSON body with HTTP status `status`.
fn json_answer(status: StatusCode, answer: &Value) -> Response {
	let content_type = [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))];
	(status, content_type, answer.to_string()).into_response()
}

/// Reads and checks the request in `body`.
pub fn parse_request(body: &[u8]) -> Result<ForwardedRequest, Refusal> {
	let refuse = |status, id: &Value, code, message: String| Refusal {
		status,
		id: id.clone(),
		code,
		message,
	};
	let request: Value = serde_json::from_slice(body).map_err(|error| {
		refuse(
			StatusCode::BAD_REQUEST,
			&Value::Null,
			PARSE_ERROR,
			format!("the body is not JSON: {error}"),
		)
	})?;
	let Value::Object(mut request) = request else {
		let message = if request.is_array() {
			"batches are not accepted: send one request per POST".to_string()
		} else {
			"the body must be a JSON-RPC request object".to_string()
		};
		return Err(refuse(StatusCode::BAD_REQUEST, &Value::Null, INVALID_REQUEST, message));
	};
	let id = match request.remove("id") {
		Some(id @ (Value::Number(_) | Value::String(_) | Value::Null)) => id,
		None => Value::Null,
		Some(_) => {
			let message = "`id` must be a number, a string or null".to_string();
			return Err(refuse(StatusCode::BAD_REQUEST, &Value::Null, INVALID_REQUEST, message));
		}
	};
	if request.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
		let message = "`jsonrpc` must be \"2.0\"".to_string();
		return Err(refuse(StatusCode::BAD_REQUEST, &id, INVALID_REQUEST, message));
	}
	let Some(method) = request.get("method").and_then(Value::as_str) else {
		let message = "`method` must be a string".to_string();
		return Err(refuse(StatusCode::BAD_REQUEST, &id, INVALID_REQUEST, message));
	};
	let Some(method) = ALLOWED_METHODS.into_iter().find(|allowed| *allowed == method) else {
		let shown: String = method.chars().take(64).collect();
		let message = format!(
			"`{shown}` is not offered by this verifier; it forwards only {}",
			ALLOWED_METHODS.join(", ")
		);
		return Err(refuse(StatusCode::FORBIDDEN, &id, METHOD_NOT_FOUND, message));
	};
	let params = match request.remove("params") {
		None | Some(Value::Null) => Vec::new(),
		Some(Value::Array(params)) if params.len() <= MAX_PARAMS => params,
		Some(Value::Array(params)) => {
			let message = format!(
				"`params` has {} items; the methods here take at most {MAX_PARAMS}",
				params.len()
			);
			return Err(refuse(StatusCode::BAD_REQUEST, &id, INVALID_PARAMS, message));
		}
		Some(_) => {
			let message = "`params` must be an array (positional parameters)".to_string();
			return Err(refuse(StatusCode::BAD_REQUEST, &id, INVALID_PARAMS, message));
		}
	};
	Ok(ForwardedRequest { id, method, params })
}

/// The handler of `POST /rpc`.
pub async fn handle(
	State(proxy): State<Arc<RpcProxy>>,
	headers: HeaderMap,
	body: Bytes,
) -> Response {
	let is_json =
		headers.get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok()).is_some_and(
			|value| value.trim_start().to_ascii_lowercase().starts_with("application/json"),
		);
	if !is_json {
		let message = "send the request as Content-Type: application/json".to_string();
		return error_answer(
			StatusCode::UNSUPPORTED_MEDIA_TYPE,
			Value::Null,
			INVALID_REQUEST,
			message,
		);
	}
	let request = match parse_request(&body) {
		Ok(request) => request,
		Err(refusal) => return refusal.into_response(),
	};
	match proxy.node.request::<Value, _>(request.method, request.params).await {
		Ok(result) => json_answer(
			StatusCode::OK,
			&json!({ "jsonrpc": "2.0", "id": request.id, "result": result }),
		),
		Err(ClientError::Call(error)) => json_answer(
			StatusCode::OK,
			&json!({
				"jsonrpc": "2.0",
				"id": request.id,
				"error": { "code": error.code(), "message": error.message(), "data": error.data() },
			}),
		),
		Err(ClientError::RequestTimeout) => error_answer(
			StatusCode::GATEWAY_TIMEOUT,
			request.id,
			NODE_UNAVAILABLE,
			format!("the CredChain node did not answer within {} s", proxy.timeout.as_secs()),
		),
		Err(error) => error_answer(
			StatusCode::BAD_GATEWAY,
			request.id,
			NODE_UNAVAILABLE,
			format!("the CredChain node at {} cannot be reached: {error}", proxy.node_url),
		),
	}
}

#[cfg(test)]
mod tests;
