//! The server's routes and layers, without a node: what it serves, refuses and adds to every answer.
//! Forwarding to a real node is tested end to end (`tests/tests/e2e/verifier_page.rs`).

use std::{net::SocketAddr, num::NonZeroU32};

use axum::{
	body::Body,
	extract::connect_info::MockConnectInfo,
	http::{header, Method, Request, StatusCode},
	Router,
};
use tower::ServiceExt;

use super::*;

/// The server for a node nobody listens on, as seen from 192.0.2.1.
fn app(config: VerifierConfig) -> Router {
	router(&config).unwrap().layer(MockConnectInfo(SocketAddr::from(([192, 0, 2, 1], 40_000))))
}

fn unreachable_node() -> VerifierConfig {
	VerifierConfig::new("ws://127.0.0.1:1")
}

async fn send(app: &Router, request: Request<Body>) -> axum::response::Response {
	app.clone().oneshot(request).await.unwrap()
}

fn rpc_request(body: impl Into<Body>) -> Request<Body> {
	Request::post("/rpc")
		.header(header::CONTENT_TYPE, "application/json")
		.body(body.into())
		.unwrap()
}

async fn body_json(response: axum::response::Response) -> serde_json::Value {
	let bytes = axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap();
	serde_json::from_slice(&bytes).unwrap()
}

#[tokio::test]
async fn the_page_and_its_files_are_served_with_a_strict_policy() {
	let app = app(unreachable_node());
	for asset in &assets::ASSETS {
		let response = send(&app, Request::get(asset.path).body(Body::empty()).unwrap()).await;
		assert_eq!(response.status(), StatusCode::OK, "{}", asset.path);
		assert_eq!(response.headers()[header::CONTENT_TYPE], asset.content_type);
		assert_eq!(
			response.headers()[header::CONTENT_SECURITY_POLICY],
			headers::CONTENT_SECURITY_POLICY
		);
		assert_eq!(response.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
		assert!(!asset.body.is_empty(), "{}", asset.path);
	}
	let index = send(&app, Request::get("/").body(Body::empty()).unwrap()).await;
	assert_eq!(index.status(), StatusCode::OK);
	let wasm = &assets::ASSETS.iter().find(|asset| asset.path == "/digest.wasm").unwrap().body;
	assert_eq!(&wasm[..4], b"\0asm", "the digest module is WebAssembly");
}

#[tokio::test]
async fn unknown_paths_and_methods_are_refused() {
	let app = app(unreachable_node());
	let missing = send(&app, Request::get("/../etc/passwd").body(Body::empty()).unwrap()).await;
	assert_eq!(missing.status(), StatusCode::NOT_FOUND);
	assert!(missing.headers().contains_key(header::CONTENT_SECURITY_POLICY));
	let post_page = send(&app, Request::post("/").body(Body::empty()).unwrap()).await;
	assert_eq!(post_page.status(), StatusCode::METHOD_NOT_ALLOWED);
	let get_rpc =
		send(&app, Request::builder().method(Method::GET).uri("/rpc").body(Body::empty()).unwrap())
			.await;
	assert_eq!(get_rpc.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn bodies_over_the_limit_and_bodies_that_are_not_json_are_refused() {
	let app = app(unreachable_node());
	let huge = format!(
		r#"{{"jsonrpc":"2.0","id":1,"method":"system_chain","params":["{}"]}}"#,
		"a".repeat(20_000)
	);
	let response = send(&app, rpc_request(huge)).await;
	assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

	let form = Request::post("/rpc")
		.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
		.body(Body::from("a=b"))
		.unwrap();
	let response = send(&app, form).await;
	assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
	assert_eq!(body_json(response).await["error"]["code"], rpc_proxy::INVALID_REQUEST);

	let response = send(&app, rpc_request("{not json")).await;
	assert_eq!(response.status(), StatusCode::BAD_REQUEST);
	assert_eq!(body_json(response).await["error"]["code"], rpc_proxy::PARSE_ERROR);
}

#[tokio::test]
async fn a_node_that_is_down_is_reported_as_a_bad_gateway() {
	let app = app(unreachable_node());
	let response =
		send(&app, rpc_request(r#"{"jsonrpc":"2.0","id":3,"method":"system_chain","params":[]}"#))
			.await;
	assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
	let answer = body_json(response).await;
	assert_eq!(answer["id"], 3);
	assert_eq!(answer["error"]["code"], rpc_proxy::NODE_UNAVAILABLE);
	assert!(answer["error"]["message"].as_str().unwrap().contains("cannot be reached"), "{answer}");
}

#[tokio::test]
async fn a_client_over_its_budget_is_told_when_to_come_back() {
	let mut config = unreachable_node();
	config.requests_per_second = NonZeroU32::new(1).unwrap();
	config.burst = NonZeroU32::new(3).unwrap();
	let app = app(config);
	let request = || rpc_request(r#"{"jsonrpc":"2.0","id":1,"method":"rpc_methods"}"#);
	for _ in 0..3 {
		assert_eq!(send(&app, request()).await.status(), StatusCode::FORBIDDEN);
	}
	let limited = send(&app, request()).await;
	assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
	assert!(limited.headers().contains_key(header::RETRY_AFTER));
	assert_eq!(body_json(limited).await["error"]["code"], rate_limit::RATE_LIMITED);
	// The page itself is not rate-limited.
	let page = send(&app, Request::get("/").body(Body::empty()).unwrap()).await;
	assert_eq!(page.status(), StatusCode::OK);
}
