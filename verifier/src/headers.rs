//! Security headers on every answer: a strict Content-Security-Policy (the page's own files only, no
//! inline script or style, WebAssembly allowed, requests only to its own origin, never framed), and
//! the headers that stop sniffing, referrers and cross-origin use.

use axum::{
	http::{header, HeaderName, HeaderValue},
	response::Response,
};

/// The page's Content-Security-Policy.
pub const CONTENT_SECURITY_POLICY: &str =
	"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
	style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
	form-action 'none'; frame-ancestors 'none'";

/// Adds the security headers to `response`.
pub async fn secure(mut response: Response) -> Response {
	let headers = response.headers_mut();
	let mut set = |name: HeaderName, value: &'static str| {
		headers.insert(name, HeaderValue::from_static(value));
	};
	set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
	set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
	set(header::REFERRER_POLICY, "no-referrer");
	set(header::X_FRAME_OPTIONS, "DENY");
	set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
	set(HeaderName::from_static("cross-origin-resource-policy"), "same-origin");
	set(
		HeaderName::from_static("permissions-policy"),
		"camera=(), microphone=(), geolocation=(), payment=(), usb=()",
	);
	response
}
