// The page's digest module: the client's own digest code (credchain-digest, compiled to WebAssembly
// as /digest.wasm) computes each document's digest in the browser, so the document never leaves the
// verifier's machine. The rule is the one `credchain digest` applies:
//   - a file whose first non-blank byte can start JSON and that is at most 64 MiB is read whole: if it
//     is JSON, SHA-256 of its RFC 8785 canonical form; otherwise SHA-256 of its bytes;
//   - any other file is hashed as bytes, piece by piece (a 200 MB PDF never sits in memory whole).

/// Pieces large files are read and hashed in.
const PIECE_BYTES = 4 * 1024 * 1024;
/// The first piece read to decide whether a file may be JSON (as the client does).
const HEAD_BYTES = 64 * 1024;

/// Loads /digest.wasm; resolves to a Digester or rejects with an Error saying what failed.
export async function loadDigester() {
	let response;
	try {
		response = await fetch("/digest.wasm");
	} catch (error) {
		throw new Error(`the digest module could not be downloaded (${error.message})`);
	}
	if (!response.ok) {
		throw new Error(`the digest module could not be downloaded (HTTP ${response.status})`);
	}
	try {
		const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), {});
		return new Digester(instance.exports);
	} catch (error) {
		throw new Error(`this browser cannot run the digest module (${error.message})`);
	}
}

/// Computes digests with the WebAssembly module's exports.
class Digester {
	constructor(exports) {
		this.wasm = exports;
		this.maxJsonBytes = exports.credchain_max_json_bytes() >>> 0;
		// One file at a time: the module keeps one hasher and one answer.
		this.queue = Promise.resolve();
	}

	/// Inspects `file`: { digest, kind, jsonError, document }. `onProgress(done, total)` is told how
	/// far hashing has gone. Rejects for a JSON document that cannot be canonicalized.
	inspectFile(file, onProgress = () => {}) {
		const run = this.queue.then(() => this.inspectNow(file, onProgress));
		this.queue = run.catch(() => {});
		return run;
	}

	async inspectNow(file, onProgress) {
		const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
		if (file.size <= this.maxJsonBytes && this.call("credchain_may_start_json", head)) {
			const whole = file.size <= HEAD_BYTES ? head : new Uint8Array(await file.arrayBuffer());
			onProgress(file.size, file.size);
			return this.answer(this.call("credchain_inspect", whole));
		}
		this.wasm.credchain_bytes_start();
		for (let offset = 0; offset < file.size; offset += PIECE_BYTES) {
			const piece = new Uint8Array(await file.slice(offset, offset + PIECE_BYTES).arrayBuffer());
			this.call("credchain_bytes_update", piece);
			onProgress(Math.min(offset + PIECE_BYTES, file.size), file.size);
		}
		return this.answer(this.wasm.credchain_bytes_finish());
	}

	/// The holder commitment (0x hex) of `identity` and `salt`: SHA-256 of the two, one after the
	/// other, as the chain records it. Neither leaves this computer.
	holderCommitment(identity, salt) {
		const request = new TextEncoder().encode(JSON.stringify({ identity, salt }));
		return this.answer(this.call("credchain_holder_commitment", request)).commitment;
	}

	/// Calls the export `name` with `bytes` copied into the module's memory.
	call(name, bytes) {
		const length = bytes.length;
		const pointer = this.wasm.credchain_alloc(length);
		try {
			new Uint8Array(this.wasm.memory.buffer, pointer, length).set(bytes);
			return this.wasm[name](pointer, length);
		} finally {
			this.wasm.credchain_free(pointer, length);
		}
	}

	/// The module's last answer, `length` bytes of JSON; throws its error, if it is one.
	answer(length) {
		const pointer = this.wasm.credchain_result_ptr();
		const text = new TextDecoder().decode(new Uint8Array(this.wasm.memory.buffer, pointer, length >>> 0));
		const answer = JSON.parse(text);
		if (answer.error) {
			throw new Error(answer.error);
		}
		return answer;
	}
}
