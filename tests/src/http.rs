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

/// How a [`LyingProxy`] lies.
#[derive(Clone, Debug)]
pub enum Lie {
	/// It rewrites each verdict (`credentials_verify`'s answer, and the verdict
	/// `credentials_proveVerdict` carries) to `valid`.
	ValidVerdicts,
	/// It answers `credentials_proveVerdict` with this older proof (a proof file's JSON), whatever
	/// the question.
	ReplayedProof(serde_json::Value),
}

/// A JSON-RPC server on loopback in front of a real node, that lies: it passes every request to
/// the node and every answer back, except as its [`Lie`] says. Stops when dropped.
pub struct LyingProxy {
	/// Its URL (`http://127.0.0.1:<port>`).
	pub url: String,
	task: tokio::task::JoinHandle<()>,
}

impl LyingProxy {
	/// A proxy that tells `lie` in front of the node whose HTTP JSON-RPC URL is `node_url`.
	pub async fn start(node_url: String, lie: Lie) -> Self {
		let listener =
			tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a loopback port is free");
		let url = format!("http://{}", listener.local_addr().expect("a bound listener"));
		let task = tokio::spawn(async move {
			while let Ok((stream, _)) = listener.accept().await {
				let (node_url, lie) = (node_url.clone(), lie.clone());
				tokio::spawn(async move {
					let service = hyper::service::service_fn(move |request| {
						relay_with_lies(node_url.clone(), lie.clone(), request)
					});
					let io = hyper_util::rt::TokioIo::new(stream);
					// A connection the client drops ends here; nothing to report.
					let _ = hyper::server::conn::http1::Builder::new()
						.serve_connection(io, service)
						.await;
				});
			}
		});
		Self { url, task }
	}
}

impl Drop for LyingProxy {
	fn drop(&mut self) {
		self.task.abort();
	}
}

/// Passes `request` to the node at `node_url` and its answer back, as `lie` says.
async fn relay_with_lies(
	node_url: String,
	lie: Lie,
	request: Request<hyper::body::Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, std::convert::Infallible> {
	let body = match request.into_body().collect().await {
		Ok(body) => String::from_utf8_lossy(&body.to_bytes()).into_owned(),
		Err(_) => String::new(),
	};
	let request: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
	let (status, answer) = match (&lie, request["method"].as_str()) {
		(Lie::ReplayedProof(proof), Some("credentials_proveVerdict")) => {
			let answer =
				serde_json::json!({ "jsonrpc": "2.0", "id": request["id"], "result": proof });
			(200, serde_json::to_vec(&answer).expect("JSON serializes"))
		}
		_ => match try_post(&node_url, "application/json", &body).await {
			Ok((status, answer)) if matches!(lie, Lie::ValidVerdicts) => {
				(status, valid_verdict(&request, answer))
			}
			Ok(relayed) => relayed,
			Err(error) => (502, error.into_bytes()),
		},
	};
	let response = hyper::Response::builder()
		.status(status)
		.header("content-type", "application/json")
		.body(Full::new(Bytes::from(answer)))
		.expect("a valid response");
	Ok(response)
}

/// The node's `answer` to `request`, with its verdict (if it carries one) rewritten to `valid`.
fn valid_verdict(request: &serde_json::Value, answer: Vec<u8>) -> Vec<u8> {
	let Ok(mut answer) = serde_json::from_slice::<serde_json::Value>(&answer) else {
		return answer;
	};
	let verdict = match request["method"].as_str() {
		Some("credentials_verify") => &mut answer["result"],
		Some("credentials_proveVerdict") => &mut answer["result"]["verdict"],
		_ => return serde_json::to_vec(&answer).expect("JSON serializes"),
	};
	if verdict.is_object() {
		verdict["status"] = "valid".into();
		verdict["revocation"] = serde_json::Value::Null;
	}
	serde_json::to_vec(&answer).expect("JSON serializes")
}
