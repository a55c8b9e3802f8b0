//! Plain HTTP requests, as `curl` would send them: for what a JSON-RPC client library would refuse to
//! send (malformed bodies, wrong content types, oversized requests).

use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::{body::Bytes, Request};
use hyper_util::{client::legacy::Client, rt::TokioExecutor};

/// How long a server has to answer.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(10);

/// POSTs `body` to `url` with `content_type`; returns the answer's status and body.
pub async fn post(url: &str, content_type: &str, body: &str) -> (u16, Vec<u8>) {
	try_post(url, content_type, body).await.unwrap_or_else(|error| panic!("{error}"))
}

/// POSTs `body` to `url` with `content_type`; returns the answer's status and body, or why there
/// was none (no connection, no answer in time, an unreadable body).
pub async fn try_post(url: &str, content_type: &str, body: &str) -> Result<(u16, Vec<u8>), String> {
	let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
	let request = Request::post(url)
		.header("content-type", content_type)
		.body(Full::new(Bytes::from(body.to_owned())))
		.expect("a valid request");
	let response = tokio::time::timeout(ANSWER_TIMEOUT, client.request(request))
		.await
		.map_err(|_| format!("{url} did not answer within {ANSWER_TIMEOUT:?}"))?
		.map_err(|error| format!("{url} did not answer HTTP: {error}"))?;
	let status = response.status().as_u16();
	let body = response
		.into_body()
		.collect()
		.await
		.map_err(|error| format!("{url}'s answer could not be read: {error}"))?
		.to_bytes();
	Ok((status, body.to_vec()))
}
