//! The verifier page's digest module: [`credchain_digest`] behind a C ABI for the browser.
//!
//! The page (`verifier/assets/digest.js`) copies a document into this module's memory and asks for
//! its inspection; answers are UTF-8 JSON left in a result buffer the page reads. Exports (all
//! lengths and pointers are `u32` in wasm32):
//!
//! - `credchain_alloc(len) -> ptr`, `credchain_free(ptr, len)`: a buffer the page fills.
//! - `credchain_max_json_bytes() -> len`: the largest document that is read whole and tried as JSON.
//! - `credchain_may_start_json(ptr, len) -> 0|1`: whether a file starting with these bytes is tried
//!   as JSON.
//! - `credchain_inspect(ptr, len) -> result_len`: the inspection of a whole document:
//!   `{"digest":"0x…","kind":"json"|"bytes","jsonError":…,"document":{…}|null}` or `{"error":"…"}`.
//! - `credchain_bytes_start()`, `credchain_bytes_update(ptr, len)`, `credchain_bytes_finish() ->
//!   result_len`: the digest of a large file hashed piece by piece, as bytes.
//! - `credchain_holder_commitment(ptr, len) -> result_len`: the holder commitment of
//!   `{"identity":"…","salt":"…"}` (UTF-8 JSON): `{"commitment":"0x…"}` or `{"error":"…"}`.
//! - `credchain_result_ptr() -> ptr`: where the last answer is.
//!
//! The module is single-threaded, as a page's WebAssembly instance is.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;

use credchain_digest::{
	holder::holder_commitment, inspect, may_start_json, to_hex, BytesHasher, DocumentDigest,
	MAX_JSON_BYTES,
};
use serde_json::{json, Value};

thread_local! {
	/// The last answer, UTF-8 JSON.
	static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
	/// The file being hashed piece by piece.
	static HASHER: RefCell<Option<BytesHasher>> = const { RefCell::new(None) };
}

/// A buffer of `len` bytes for the page to fill; the page frees it with [`credchain_free`].
#[no_mangle]
pub extern "C" fn credchain_alloc(len: usize) -> *mut u8 {
	let mut buffer = Vec::<u8>::with_capacity(len);
	let pointer = buffer.as_mut_ptr();
	core::mem::forget(buffer);
	pointer
}

/// Frees a buffer [`credchain_alloc`] returned.
///
/// # Safety
/// `pointer` and `len` must be exactly what one call of [`credchain_alloc`] returned and was given.
#[no_mangle]
pub unsafe extern "C" fn credchain_free(pointer: *mut u8, len: usize) {
	drop(Vec::from_raw_parts(pointer, 0, len));
}

/// The largest document read whole and tried as JSON.
#[no_mangle]
pub extern "C" fn credchain_max_json_bytes() -> u32 {
	MAX_JSON_BYTES as u32
}

/// 1 when a file starting with these bytes is tried as JSON, 0 otherwise.
///
/// # Safety
/// `pointer` must point to `len` readable bytes in this module's memory.
#[no_mangle]
pub unsafe extern "C" fn credchain_may_start_json(pointer: *const u8, len: usize) -> u32 {
	may_start_json(bytes(pointer, len)) as u32
}

/// Inspects the whole document in memory; returns the length of the JSON answer.
///
/// # Safety
/// `pointer` must point to `len` readable bytes in this module's memory.
#[no_mangle]
pub unsafe extern "C" fn credchain_inspect(pointer: *const u8, len: usize) -> usize {
	let answer = match inspect(bytes(pointer, len)) {
		Ok(inspection) => {
			let mut answer = digest_json(inspection.digest);
			answer["jsonError"] = json!(inspection.not_json);
			answer["document"] = json!(inspection.statements);
			answer
		}
		Err(error) => json!({ "error": error.to_string() }),
	};
	set_result(&answer)
}

/// Starts hashing a file piece by piece, as bytes.
#[no_mangle]
pub extern "C" fn credchain_bytes_start() {
	HASHER.with(|hasher| *hasher.borrow_mut() = Some(BytesHasher::new()));
}

/// Hashes the next piece of the file.
///
/// # Safety
/// `pointer` must point to `len` readable bytes in this module's memory.
#[no_mangle]
pub unsafe extern "C" fn credchain_bytes_update(pointer: *const u8, len: usize) {
	let piece = bytes(pointer, len);
	HASHER.with(|hasher| hasher.borrow_mut().get_or_insert_with(BytesHasher::new).update(piece));
}

/// The digest of the pieces hashed since [`credchain_bytes_start`]; returns the answer's length.
#[no_mangle]
pub extern "C" fn credchain_bytes_finish() -> usize {
	let digest = HASHER.with(|hasher| hasher.borrow_mut().take().unwrap_or_default().finish());
	let mut answer = digest_json(digest);
	answer["jsonError"] = Value::Null;
	answer["document"] = Value::Null;
	set_result(&answer)
}

/// The holder commitment (SHA-256 of identity, then salt) of the JSON `{"identity","salt"}` in
/// memory; returns the answer's length.
///
/// # Safety
/// `pointer` must point to `len` readable bytes in this module's memory.
#[no_mangle]
pub unsafe extern "C" fn credchain_holder_commitment(pointer: *const u8, len: usize) -> usize {
	let shown: Result<Value, _> = serde_json::from_slice(bytes(pointer, len));
	let text =
		|shown: &Value, field: &str| shown.get(field).and_then(Value::as_str).map(str::to_owned);
	let answer = match shown.ok().map(|shown| (text(&shown, "identity"), text(&shown, "salt"))) {
		Some((Some(identity), Some(salt))) if !identity.is_empty() && !salt.is_empty() => {
			json!({ "commitment": to_hex(&holder_commitment(&identity, &salt)) })
		}
		_ => json!({ "error": "give both the holder's identity and their salt" }),
	};
	set_result(&answer)
}

/// Where the last answer is.
#[no_mangle]
pub extern "C" fn credchain_result_ptr() -> *const u8 {
	RESULT.with(|result| result.borrow().as_ptr())
}

/// The answer's digest fields.
fn digest_json(digest: DocumentDigest) -> Value {
	json!({ "digest": to_hex(&digest.digest), "kind": digest.kind.as_str() })
}

/// Keeps `answer` as the last answer; returns its length.
fn set_result(answer: &Value) -> usize {
	let encoded = answer.to_string().into_bytes();
	RESULT.with(|result| {
		*result.borrow_mut() = encoded;
		result.borrow().len()
	})
}

/// The `len` bytes at `pointer`.
unsafe fn bytes<'a>(pointer: *const u8, len: usize) -> &'a [u8] {
	if len == 0 {
		&[]
	} else {
		core::slice::from_raw_parts(pointer, len)
	}
}
