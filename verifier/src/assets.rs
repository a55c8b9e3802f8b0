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

/// Every file the page needs; `/` serves `index.html`.
pub static ASSETS: [Asset; 5] = [
	Asset {
		path: "/index.html",
		content_type: "text/html; charset=utf-8",
		body: include_bytes!("../assets/index.html"),
	},
	Asset {
		path: "/app.js",
		content_type: "text/javascript; charset=utf-8",
		body: include_bytes!("../assets/app.js"),
	},
	Asset {
		path: "/digest.js",
		content_type: "text/javascript; charset=utf-8",
		body: include_bytes!("../assets/digest.js"),
	},
	Asset {
		path: "/style.css",
		content_type: "text/css; charset=utf-8",
		body: include_bytes!("../assets/style.css"),
	},
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
