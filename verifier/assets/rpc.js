// Talking to the CredChain node through this server's /rpc: one JSON-RPC request per POST, with a
// timeout, every failure turned into an Error whose message a verifier can read.

import { isObject, sentence, DIGEST_PATTERN } from "./util.js";

const RPC_TIMEOUT_MS = 20_000;

let nextRpcId = 1;

/** Calls `method` on the node; returns its result or throws an Error that says what went wrong. */
export async function rpc(method, params) {
  const body = JSON.stringify({ jsonrpc: "2.0", id: nextRpcId++, method, params });
  const { response, text } = await post("/rpc", body);
  return readRpcAnswer(response, text);
}

/** POSTs a JSON body, giving up after RPC_TIMEOUT_MS; returns the response and its text. */
async function post(url, body) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), RPC_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      cache: "no-store",
      signal: controller.signal,
    });
    return { response, text: await response.text() };
  } catch {
    throw new Error(controller.signal.aborted
      ? `The verification server did not answer within ${RPC_TIMEOUT_MS / 1000} seconds.`
      : "The verification server cannot be reached: check your connection or try again later.");
  } finally {
    clearTimeout(timer);
  }
}

/** The result of a JSON-RPC answer, or an Error in plain words. */
function readRpcAnswer(response, text) {
  const answer = parseJson(text);
  const error = isObject(answer?.error) ? answer.error : null;
  const detail = error ? `: ${rpcErrorText(error)}` : ".";
  switch (response.status) {
    case 502: throw new Error(sentence(`The CredChain node is unreachable${detail}`));
    case 429: throw new Error(tooManyRequests(response.headers.get("Retry-After")));
    case 413: throw new Error("The server refused the request as too large.");
    case 400: throw new Error(sentence(`The server refused the request as malformed${detail}`));
  }
  if (answer === undefined) {
    throw new Error(`The server's answer (HTTP ${response.status}) is not JSON.`);
  }
  if (error) throw new Error(sentence(`The node answered with an error${detail}`));
  if (!response.ok) throw new Error(`The server answered with HTTP status ${response.status}.`);
  if (!isObject(answer) || !("result" in answer)) {
    throw new Error("The server's answer is not a JSON-RPC answer.");
  }
  return answer.result;
}

/** The JSON value in `text`, or undefined. */
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A JSON-RPC error object as words. */
function rpcErrorText(error) {
  const message = typeof error.message === "string" ? error.message : "no message";
  const data = typeof error.data === "string" ? ` (${error.data})` : "";
  const code = Number.isInteger(error.code) ? ` [code ${error.code}]` : "";
  return `${message}${data}${code}`;
}

/** The message for HTTP 429. */
function tooManyRequests(retryAfter) {
  const seconds = Number.parseInt(retryAfter ?? "", 10);
  const wait = Number.isFinite(seconds) ? `in ${seconds} second${seconds === 1 ? "" : "s"}` : "shortly";
  return `Too many checks at once: the server is rate-limiting requests. Try again ${wait}.`;
}

/** The chain's name and genesis hash. */
export async function chainInfo() {
  const [name, genesis] = await Promise.all([rpc("system_chain", []), rpc("chain_getBlockHash", [0])]);
  if (typeof name !== "string" || typeof genesis !== "string" || !DIGEST_PATTERN.test(genesis)) {
    throw new Error("The node's chain name or genesis hash is malformed.");
  }
  return { name, genesis: genesis.toLowerCase() };
}
