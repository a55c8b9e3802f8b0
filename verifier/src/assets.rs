//! The page's files, embedded in the binary: the server deploys as one file.

use axum::{
	http::{header, HeaderValue, StatusCode},
	response::{IntoResponse, Response},
	routing::get,
	Router,
};

/// One embedded file.
pub struct Asset {
	/// The path it is served at.
	pub path: &'static str,
	/// Its media type.
	pub content_type: &'static str,
	/// Its bytes.
	pub body: &'static [u8],
}

/// The page's file `assets/<name>`, served at `/<name>` as `content_type`.
macro_rules! asset {
	($name:literal, $content_type:expr) => {
		Asset {
			path: concat!("/", $name),
			content_type: $content_type,
			body: include_bytes!(concat!("../assets/", $name)),
		}
	};
}

/// The media type of the page's scripts.
const JAVASCRIPT: &str = "text/javascript; charset=utf-8";

/// Every file the page needs; `/` serves `index.html`.
pub static ASSETS: [Asset; 8] = [
	asset!("index.html", "text/html; charset=utf-8"),
	asset!("app.js", JAVASCRIPT),
	asset!("util.js", JAVASCRIPT),
	asset!("rpc.js", JAVASCRIPT),
	asset!("verdict.js", JAVASCRIPT),
	asset!("digest.js", JAVASCRIPT),
	asset!("style.css", "text/css; charset=utf-8"),
	Asset {
		path: "/digest.wasm",
		content_type: "application/wasm",
		body: include_bytes!(concat!(env!("OUT_DIR"), "/digest.wasm")),
	},
];

/// The routes serving [`ASSETS`] (GET and HEAD; other methods get 405), and 404 for anything else.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
	let mut router = Router::new().route("/", get(|| async { serve(&ASSETS[0]) }));
	for asset in &ASSETS {
		router = router.route(asset.path, get(move || async move { serve(asset) }));
	}
	router.fallback(|| async {
		(StatusCode::NOT_FOUND, "Not found: this server serves the verifier page at / and /rpc.\n")
	})
}

/// The answer carrying `asset`. The files change only with the binary, so browsers revalidate
/// rather than cache them for long.
fn serve(asset: &'static Asset) -> Response {
	(
		[
			(header::CONTENT_TYPE, HeaderValue::from_static(asset.content_type)),
			(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
		],
		asset.body,
	)
		.into_response()
}
