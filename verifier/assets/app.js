// CredChain verifier page: hashes the dropped files in the browser, asks the CredChain node (through
// this server's /rpc) for a verdict on each digest, and shows one card per credential, ordered as
// a timeline. Only digests leave the computer. Everything from the chain or from a document is
// untrusted text: it reaches the page through textContent only.

const RPC_TIMEOUT_MS = 20_000;
const DIGEST_PATTERN = /^0x[0-9a-f]{64}$/i;
const PROOF_SUFFIX = ".proof.json";
const MAX_PROOF_BYTES = 1024 * 1024;
/** Verification requests in flight at once (browsers open at most six connections per server). */
const CONCURRENT_CHECKS = 6;

// Status words and tone (colour and icon come from the tone, in style.css).
const STATUSES = {
  valid: { words: "Valid", tone: "good" },
  revoked: { words: "Revoked", tone: "bad" },
  suspended: { words: "Suspended", tone: "warn" },
  expired: { words: "Expired", tone: "warn" },
  notYetValid: { words: "Not yet valid", tone: "warn" },
  unknown: { words: "Unknown", tone: "bad" },
  issuerMismatch: { words: "Issuer mismatch", tone: "bad" },
  ambiguousIssuer: { words: "Ambiguous issuer", tone: "bad" },
  invalidProof: { words: "Invalid proof", tone: "bad" },
  issuerRevoked: { words: "Issuer revoked", tone: "bad" },
};

const REVOCATION_REASONS = {
  issuedInError: "issued in error",
  superseded: "superseded by a newer credential",
  fraudOrMisconduct: "fraud or misconduct",
  holderRequest: "at the holder's request",
  other: "other reason",
};

const WITHDRAWAL_REASONS = {
  closed: "the institution closed",
  merged: "the institution merged into another",
  standardsNotMet: "it no longer meets the consortium's standards",
  misconduct: "fraud or misconduct",
  voluntary: "at its own request",
  other: "another reason",
};

const page = {
  chain: null, // { name, genesis } once the node has answered
  connecting: null, // promise while asking the node which chain it serves
  digester: null, // promise of the Digester from /digest.js
  run: 0, // grows with each new selection or link, so stale work stops
  cards: [], // the cards of the current run
};
let nextRpcId = 1;

// ---------------------------------------------------------------- small helpers

const $ = (id) => document.getElementById(id);
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value) => Number.isSafeInteger(value) && value >= 0;
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/** An element with a class and children (strings become text nodes, null is skipped). */
function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** `key`'s entry in `table`, never an inherited property (keys come from the network). */
function lookUp(table, key) {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : null;
}

/** `text` ending with a full stop. */
function sentence(text) {
  const trimmed = String(text).trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A time in ms since the epoch as `YYYY-MM-DD HH:MM UTC`. */
function formatTime(ms) {
  if (validTime(ms) === null) return "an unknown time";
  const date = new Date(ms);
  const pad = (number) => String(number).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** `ms` if it is a time a Date can hold, else null. */
const validTime = (ms) => (typeof ms === "number" && !Number.isNaN(new Date(ms).getTime()) ? ms : null);

/** `0x1234…abcd` for a long hash. */
const shortHash = (hash) => `${hash.slice(0, 6)}…${hash.slice(-4)}`;

// ---------------------------------------------------------------- talking to the node

/** Calls `method` on the node; returns its result or throws an Error that says what went wrong. */
async function rpc(method, params) {
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
async function chainInfo() {
  const [name, genesis] = await Promise.all([rpc("system_chain", []), rpc("chain_getBlockHash", [0])]);
  if (typeof name !== "string" || typeof genesis !== "string" || !DIGEST_PATTERN.test(genesis)) {
    throw new Error("The node's chain name or genesis hash is malformed.");
  }
  return { name, genesis: genesis.toLowerCase() };
}

/** Asks the node which chain it serves, and says so in the header (or in the banner if it cannot). */
async function connectToChain() {
  try {
    page.chain = await chainInfo();
    $("chain-line").textContent =
      `Checking against ${page.chain.name} (genesis ${shortHash(page.chain.genesis)})`;
    setBanner("node", null);
  } catch (error) {
    page.chain = null;
    $("chain-line").textContent = "Not connected to a CredChain node.";
    setBanner("node", `${sentence(messageOf(error))} You can still choose files; ` +
      "each result will say that the node is unreachable.");
  }
}

/** Connects unless connected or connecting already (the node may be back since the page loaded). */
function ensureChain() {
  if (!page.chain && !page.connecting) {
    page.connecting = connectToChain().finally(() => { page.connecting = null; });
  }
  return page.connecting ?? Promise.resolve();
}

/** Shows (or, with null, removes) the banner message named `key`. */
function setBanner(key, message) {
  const banner = $("status-banner");
  banner.querySelector(`[data-banner="${key}"]`)?.remove();
  if (message) {
    const line = el("p", null, message);
    line.dataset.banner = key;
    banner.append(line);
  }
  banner.hidden = banner.childElementCount === 0;
}

// ---------------------------------------------------------------- hashing

/** Loads /digest.js and its WebAssembly; shows a banner if that fails. */
function loadDigestModule() {
  const digester = import("/digest.js").then((module) => module.loadDigester());
  digester.catch((error) => setBanner("digest", "Files cannot be hashed in this browser, so they " +
    `cannot be checked: ${sentence(messageOf(error))} Shared links still work.`));
  return digester;
}

/** Hashes a document file with progress on its card; returns the Inspection, or null after an error card. */
async function inspect(card, file) {
  try {
    const digester = await page.digester.catch((error) => {
      throw new Error(sentence(`The digest module could not be loaded: ${messageOf(error)}`));
    });
    setProgress(card, progressText(0, file.size));
    const inspection = await digester.inspectFile(file, (done, total) => {
      setProgress(card, progressText(done, total));
    }).catch((error) => {
      throw new Error(sentence(`Could not compute this file's digest: ${messageOf(error)}`));
    });
    if (!isObject(inspection) || !DIGEST_PATTERN.test(inspection.digest ?? "")) {
      throw new Error("The digest module returned no digest for this file.");
    }
    setProgress(card, "Digest computed; waiting to be checked…");
    return { ...inspection, digest: inspection.digest.toLowerCase() };
  } catch (error) {
    showError(card, messageOf(error), {});
    return null;
  }
}

const progressText = (done, total) =>
  `Computing digest… ${total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0} %`;

// ---------------------------------------------------------------- proof files

/** Reads a proof file: { file, data, error, used }, with data or error set. */
async function readProofFile(file) {
  const entry = { file, data: null, error: null, used: false };
  try {
    if (file.size > MAX_PROOF_BYTES) throw new Error("it is larger than a proof file can be (1 MiB)");
    entry.data = parseProof(await file.text());
  } catch (error) {
    entry.error = `${file.name} is not a valid proof file: ${sentence(messageOf(error))}`;
  }
  return entry;
}

/** Checks a proof file's JSON and returns its fields; throws an Error naming what is wrong. */
function parseProof(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`it is not valid JSON (${messageOf(error)})`);
  }
  if (!isObject(json)) throw new Error("it is not a JSON object");
  if (json.version !== 1) throw new Error(`its "version" is not 1, the format this page reads`);
  if (!isObject(json.proof)) throw new Error(`its "proof" is missing or not an object`);
  if (!Array.isArray(json.proof.siblings)) throw new Error(`its "proof.siblings" is missing or not a list`);
  return {
    genesis: hashField(json.chain?.genesisHash, "chain.genesisHash"),
    root: hashField(json.root, "root"),
    leaf: hashField(json.leaf, "leaf"),
    leafCount: countField(json.leafCount, "leafCount"),
    proof: {
      leafIndex: countField(json.proof.leafIndex, "proof.leafIndex"),
      siblings: json.proof.siblings.map((hash, index) => hashField(hash, `proof.siblings[${index}]`)),
    },
  };
}

function hashField(value, name) {
  if (typeof value !== "string" || !DIGEST_PATTERN.test(value)) {
    throw new Error(`its "${name}" is missing or not 0x followed by 64 hex digits`);
  }
  return value.toLowerCase();
}

function countField(value, name) {
  if (!isCount(value)) throw new Error(`its "${name}" is missing or not a whole number`);
  return value;
}

/** The unused proof file whose leaf is `digest`, marked used; or null. */
function takeProof(proofs, digest) {
  const entry = proofs.find((proof) => proof.data && !proof.used && proof.data.leaf === digest);
  if (entry) entry.used = true;
  return entry ?? null;
}

/** The error for a proof file of another chain, or null (also when the chain is not known). */
function otherChainMessage(proof) {
  if (!page.chain || proof.genesis === page.chain.genesis) return null;
  return `This proof file is for another chain (genesis ${proof.genesis}), not ${page.chain.name}.`;
}

// ---------------------------------------------------------------- checking

/** Checks a new selection of files; it replaces the previous results. */
async function handleFiles(fileList) {
  const files = Array.from(fileList ?? []);
  if (files.length === 0) return;
  const run = startRun();
  const { empty, documents, proofFiles } = classify(files);
  for (const file of empty) showError(addCard(file.name), "This file is empty.", {});
  const jobs = documents.map((file) => ({ file, card: addCard(file.name) }));
  const connecting = ensureChain();
  const proofs = await Promise.all(proofFiles.map(readProofFile));
  // Files are hashed one at a time (one WebAssembly instance); each is checked as soon as its digest
  // is known, a few checks at a time, while the next files are hashed.
  const schedule = limiter(CONCURRENT_CHECKS);
  const checks = [];
  for (const job of jobs) {
    if (run !== page.run) return;
    const inspection = await inspect(job.card, job.file);
    if (!inspection) continue;
    const proof = takeProof(proofs, inspection.digest);
    checks.push(schedule(async () => {
      await connecting;
      if (run === page.run) await checkDocument({ card: job.card, inspection }, proof);
    }));
  }
  await Promise.all(checks);
  for (const proof of proofs.filter((proof) => !proof.used)) {
    if (run !== page.run) return;
    await checkProofOnly(proof, addCard(proof.file.name));
  }
}

/** A scheduler running at most `limit` of the tasks given to it at once, in the order given. */
function limiter(limit) {
  let active = 0;
  const queue = [];
  const startNext = () => {
    if (active >= limit || queue.length === 0) return;
    const { task, done } = queue.shift();
    active += 1;
    task().finally(() => {
      active -= 1;
      done();
      startNext();
    });
  };
  return (task) => new Promise((done) => {
    queue.push({ task, done });
    startNext();
  });
}

/** Splits files into empty ones, documents and proof files. */
function classify(files) {
  const empty = files.filter((file) => file.size === 0);
  const others = files.filter((file) => file.size > 0);
  const isProof = (file) => file.name.toLowerCase().endsWith(PROOF_SUFFIX);
  return {
    empty,
    documents: others.filter((file) => !isProof(file)),
    proofFiles: others.filter(isProof),
  };
}

/** Verifies a hashed document: in its batch if a proof file names it, else on its own. */
async function checkDocument({ card, inspection }, proof) {
  const context = { digest: inspection.digest, inspection, proof };
  const issuer = typeof inspection.document?.issuer === "string" ? inspection.document.issuer : null;
  if (proof) return verifyInBatch(card, proof.data, issuer, context);
  return finish(card, () => rpc("credentials_verify", [inspection.digest, null, issuer]), context);
}

/** Verifies the leaf a proof file names, without its document. */
async function checkProofOnly(proof, card) {
  if (proof.error) return showError(card, proof.error, {});
  const context = { digest: proof.data.leaf, proof, proofOnly: true };
  return verifyInBatch(card, proof.data, null, context);
}

/** Verifies a batch leaf, unless its proof file is for another chain. */
async function verifyInBatch(card, proof, issuer, context) {
  const otherChain = otherChainMessage(proof);
  if (otherChain) return showError(card, otherChain, context);
  const params = [proof.root, proof.leaf, proof.proof, null, issuer];
  return finish(card, () => rpc("credentials_verifyInBatch", params), context);
}

/** Asks the node with `ask` and shows its verdict, or the error, on the card. */
async function finish(card, ask, context) {
  setProgress(card, "Checking…");
  try {
    const verdict = await ask();
    if (!isObject(verdict) || typeof verdict.status !== "string") {
      throw new Error("The node's answer is not a verdict.");
    }
    showVerdict(card, verdict, context);
  } catch (error) {
    showError(card, messageOf(error), context);
  }
}

/** Verifies the digest named by the page's #0x… fragment, as one card. */
async function checkLinkedDigest() {
  const fragment = location.hash.slice(1);
  if (fragment === "") return;
  const digest = fragment.toLowerCase();
  // Following a card's own "Share this check" link keeps the results.
  if (page.cards.some((card) => card.digest === digest)) return;
  startRun();
  const card = addCard("Digest from link");
  if (!DIGEST_PATTERN.test(fragment)) {
    const shown = fragment.length > 80 ? `${fragment.slice(0, 80)}…` : fragment;
    return showError(card, `This link does not name a digest: "#${shown}" is not #0x followed by ` +
      "64 hex digits.", {});
  }
  return finish(card, () => rpc("credentials_verify", [digest, null, null]), { digest, fromLink: true });
}

// ---------------------------------------------------------------- cards

/** Clears the results for a new run; returns the run's number. */
function startRun() {
  page.run += 1;
  page.cards = [];
  $("results").replaceChildren();
  refreshOverview();
  return page.run;
}

/** Adds a card, still working, titled with a file name. */
function addCard(title) {
  const card = {
    element: el("article", "card"),
    date: el("p", "card-date"),
    verdict: el("h2", "verdict"),
    body: el("div", "card-body"),
    status: "pending",
    digest: null,
    time: null,
    order: page.cards.length,
  };
  card.date.hidden = true;
  card.element.append(card.date, el("p", "file-name", title), card.verdict, card.body);
  card.item = el("li", null, card.element);
  setStatus(card, "pending", "Waiting…");
  page.cards.push(card);
  $("results").append(card.item);
  refreshOverview();
  return card;
}

/** Sets a card's status (data-status), tone (class) and headline. */
function setStatus(card, status, headline) {
  card.status = status;
  card.element.dataset.status = status;
  card.element.className = `card tone-${toneOf(status)}`;
  card.element.setAttribute("aria-busy", String(status === "pending"));
  card.verdict.textContent = headline;
}

function toneOf(status) {
  if (status === "pending" || status === "error") return status;
  return lookUp(STATUSES, status)?.tone ?? "bad";
}

/** The headline for a status; an unrecognised status reads as not valid. */
function statusWords(status) {
  return lookUp(STATUSES, status)?.words ?? `Not valid (unrecognised status ${status})`;
}

/** Shows progress in a working card's headline. */
function setProgress(card, text) {
  if (card.verdict.textContent !== text) card.verdict.textContent = text;
}

/** Fills a card with the node's verdict. */
function showVerdict(card, verdict, context) {
  setStatus(card, verdict.status, statusWords(verdict.status));
  setTimelineDate(card, validTime(verdict.issuedAtTime), context);
  card.body.replaceChildren(...[
    el("p", "explanation", explainStatus(verdict)),
    ...contextNotes(context),
    warningList(verdict),
    chainFacts(verdict),
    documentClaims(context.inspection?.document),
    digestDetails(context),
  ].filter(Boolean));
  settle(card, context.digest);
}

/** Fills a card with "Could not check" and the reason. */
function showError(card, message, context) {
  setStatus(card, "error", "Could not check");
  setTimelineDate(card, null, context);
  card.body.replaceChildren(...[
    el("p", "error-message", message),
    documentClaims(context.inspection?.document),
    context.digest ? digestDetails(context) : null,
  ].filter(Boolean));
  settle(card, context.digest);
}

/** Records a finished card's digest and refreshes the timeline and summary. */
function settle(card, digest) {
  if (digest) {
    card.digest = digest;
    card.element.dataset.digest = digest;
  }
  refreshOverview();
}

/**
 * Dates a card on the timeline of the holder's learning: the date the document states it takes
 * effect (when the issuer anchored that very document, that is the issuer's own statement), else
 * the chain's issuance time.
 */
function setTimelineDate(card, issuedAt, context) {
  const stated = validTime(Date.parse(context.inspection?.document?.validFrom ?? ""));
  card.time = stated ?? issuedAt;
  card.date.hidden = card.time === null;
  if (card.time === null) return;
  const time = el("time", null, formatTime(card.time));
  time.dateTime = new Date(card.time).toISOString();
  card.date.replaceChildren(stated === null ? "Issued " : "Valid from (as the document states) ", time);
}

/** Notes about how the digest was obtained. */
function contextNotes({ inspection, proofOnly, fromLink }) {
  const notes = [];
  if (inspection?.jsonError) {
    notes.push(`This file looks like JSON but is not valid JSON (${inspection.jsonError}); ` +
      "its bytes were hashed as they are.");
  }
  if (proofOnly) notes.push("Checked the digest this proof file names; the document itself was not provided.");
  if (fromLink) notes.push("Checked the digest named by the link; no file was provided.");
  return notes.map((note) => el("p", "note", note));
}

// ---------------------------------------------------------------- verdicts in words

/** One line on what the status means for this credential. */
function explainStatus(verdict) {
  switch (verdict.status) {
    case "valid": return "Issued, in force and within its validity window: you may rely on it.";
    case "revoked": return describeRevocation(verdict.revocation);
    case "suspended":
      return `Suspended by its issuer${sinceBlock(verdict.suspendedSince)}; it may be reinstated, ` +
        "but do not rely on it for now.";
    case "expired":
      return verdict.validUntil == null ? "Its validity has ended."
        : `Its validity ended on ${formatTime(verdict.validUntil)}.`;
    case "notYetValid":
      return verdict.validFrom == null ? "Its validity has not begun."
        : `It becomes valid on ${formatTime(verdict.validFrom)}.`;
    case "unknown":
      return "No issuer anchored this document: it was never issued on this chain, or it was altered.";
    case "issuerMismatch": return describeMismatch(verdict);
    case "ambiguousIssuer":
      return `The document names no issuer, and several issuers anchored it (${anchorers(verdict)}): ` +
        "the chain cannot tell which one issued it.";
    case "invalidProof":
      return "The batch exists, but the proof does not show that this document belongs to it: " +
        "the document or its proof file was altered.";
    case "issuerRevoked": return describeIssuerRevocation(verdict.issuerRevocation);
    default:
      return "This page does not know this status (the node may be newer): treat the credential as not valid.";
  }
}

const sinceBlock = (block) => (isCount(block) ? ` since block ${block}` : "");

/** "Revoked by its issuer: <reason>, in block N." */
function describeRevocation(revocation) {
  const reason = lookUp(REVOCATION_REASONS, revocation?.reason) ?? REVOCATION_REASONS.other;
  const block = isCount(revocation?.block) ? `, in block ${revocation.block}` : "";
  return `Revoked by its issuer: ${reason}${block}.`;
}

function describeMismatch(verdict) {
  const claimed = isObject(verdict.claimedIssuer) ? verdict.claimedIssuer : {};
  const named = typeof claimed.identifier === "string" ? claimed.identifier : "an issuer";
  const registered = claimed.registeredTo ? "" : " (no issuer on this chain is registered under it)";
  return `The document names ${named} as its issuer${registered}, but that issuer has no record of it; ` +
    `it was anchored by ${anchorers(verdict)}.`;
}

/** Who anchored a document: the answering issuer's name, else the anchoring accounts. */
function anchorers(verdict) {
  const accounts = Array.isArray(verdict.anchoredBy) ? verdict.anchoredBy.map(String) : [];
  const name = verdict.issuer?.name;
  if (typeof name !== "string") return accounts.length ? accounts.join(", ") : "another issuer";
  const others = accounts.length - 1;
  return others > 0 ? `${name} and ${others} other issuer${others === 1 ? "" : "s"}` : name;
}

function describeIssuerRevocation(revocation) {
  if (!isObject(revocation)) return "The consortium distrusts what its issuer issued.";
  const reason = lookUp(WITHDRAWAL_REASONS, revocation.reason) ?? WITHDRAWAL_REASONS.other;
  const from = isCount(revocation.sinceBlock) ? ` from block ${revocation.sinceBlock} on` : "";
  return `The consortium withdrew its issuer (${reason}) and distrusts what it issued${from}; ` +
    "this credential was issued from then on.";
}

/** An issuer's standing in words. */
function describeStanding(issuer) {
  const since = sinceBlock(issuer.standingSinceBlock);
  switch (issuer.standing) {
    case "accredited": return `Accredited${since}`;
    case "applicant": return `Applicant, not yet accredited${since}`;
    case "suspended": return `Accreditation suspended${since}: it may not issue new credentials for now`;
    case "withdrawn": return describeWithdrawal(issuer, since);
    default: return `Unrecognised standing ${issuer.standing}: treat it as not accredited`;
  }
}

function describeWithdrawal(issuer, since) {
  const reason = lookUp(WITHDRAWAL_REASONS, issuer.withdrawalReason);
  const distrusted = isCount(issuer.distrustedFromBlock)
    ? `; what it issued from block ${issuer.distrustedFromBlock} on is distrusted` : "";
  const successor = typeof issuer.successorName === "string"
    ? `; ${issuer.successorName} takes care of its credentials` : "";
  return `Accreditation withdrawn${reason ? ` (${reason})` : ""}${since}${distrusted}${successor}`;
}

/** A warning in words. */
function describeWarning(warning, issuer) {
  const since = warning.sinceBlock == null ? "" : ` in block ${warning.sinceBlock}`;
  switch (warning.kind) {
    case "issuerNotNamed":
      return `The document names no issuer: check that ${issuer?.name ?? "the issuer shown"} is the ` +
        "institution you expect.";
    case "issuerSuspended":
      return `Its issuer's accreditation was suspended${since}; the credential keeps its own status.`;
    case "issuerWithdrawn": {
      const reason = lookUp(WITHDRAWAL_REASONS, warning.reason);
      const predates = warning.distrustedFromBlock == null ? "" : `; what it issued from block ` +
        `${warning.distrustedFromBlock} on is distrusted, and this credential predates that`;
      return `Its issuer was withdrawn${since}${reason ? ` (${reason})` : ""}${predates}.`;
    }
    default: return `A warning this page does not know (${warning.kind}).`;
  }
}

/** The validity window the chain records. */
function describeWindow(from, until) {
  const start = from == null ? "from issuance" : `from ${formatTime(from)}`;
  return until == null ? `${start}, with no end` : `${start} until ${formatTime(until)}`;
}

// ---------------------------------------------------------------- card sections

/** A titled section with a definition list of the rows whose value is present. */
function factSection(className, title, rows) {
  const present = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (present.length === 0) return null;
  const list = el("dl");
  for (const [label, value] of present) list.append(el("dt", null, label), el("dd", null, value));
  return el("section", className, el("h3", null, title), list);
}

function warningList(verdict) {
  const warnings = Array.isArray(verdict.warnings) ? verdict.warnings.filter(isObject) : [];
  if (warnings.length === 0) return null;
  const items = warnings.map((warning) =>
    el("li", null, el("strong", null, "Warning: "), describeWarning(warning, verdict.issuer)));
  return el("ul", "warnings", ...items);
}

/** "Confirmed by the chain": the facts the node answered. */
function chainFacts(verdict) {
  const issuer = isObject(verdict.issuer) ? verdict.issuer : null;
  const issued = isCount(verdict.issuedAtBlock);
  const accounts = Array.isArray(verdict.anchoredBy) ? verdict.anchoredBy.map(String) : [];
  return factSection("chain-facts", "Confirmed by the chain", [
    ["Issuer", issuer?.name],
    ["Website", issuer && website(issuer.uri)],
    ["Country", issuer?.country],
    ["Standing", issuer && describeStanding(issuer)],
    ["Issuer account", issuer && mono(issuer.account)],
    ["Issued", issued ? issuedText(verdict) : null],
    ["Valid", issued ? describeWindow(verdict.validFrom, verdict.validUntil) : null],
    ["Batch", batchText(verdict.batch)],
    ["Document names issuer", claimedText(verdict.claimedIssuer)],
    ["Anchored by", accounts.length ? mono(accounts.join(", ")) : null],
    ["Read at", readAtText(verdict.readAt)],
  ]);
}

/** The issuer's website or DID: a link only for http(s), always shown as text. */
function website(uri) {
  if (typeof uri !== "string" || uri === "") return null;
  if (!/^https?:\/\//i.test(uri)) return uri;
  const link = el("a", "uri", uri);
  link.href = uri;
  link.rel = "noopener noreferrer";
  return link;
}

const mono = (text) => (typeof text === "string" && text ? el("code", "mono", text) : null);

function issuedText(verdict) {
  const when = typeof verdict.issuedAtTime === "number" ? ` on ${formatTime(verdict.issuedAtTime)}` : "";
  return `In block ${verdict.issuedAtBlock}${when}`;
}

function batchText(batch) {
  if (!isObject(batch)) return null;
  return el("span", null, `One of ${batch.leafCount} credentials anchored with root `, mono(String(batch.root)));
}

function claimedText(claimed) {
  if (!isObject(claimed) || typeof claimed.identifier !== "string") return null;
  const owner = claimed.registeredTo ? `registered to ${claimed.registeredTo}` : "registered to no issuer";
  return `${claimed.identifier} (${owner})`;
}

function readAtText(readAt) {
  if (!isObject(readAt) || !isCount(readAt.block)) return null;
  return `Block ${readAt.block}${typeof readAt.time === "number" ? ` (${formatTime(readAt.time)})` : ""}`;
}

/** "Stated by the document": what a JSON document says about itself, not checked by the chain. */
function documentClaims(doc) {
  if (!isObject(doc)) return null;
  const text = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === "string").join(", ")
    : typeof value === "string" ? value : null);
  const issuerNamed = [text(doc.issuerName), text(doc.issuer)].filter(Boolean);
  return factSection("document-claims", "Stated by the document (not checked by the chain)", [
    ["Holder", text(doc.holderName)],
    ["Holder identifier", text(doc.holderId)],
    ["Credential", text(doc.name)],
    ["Achievement", text(doc.achievementName)],
    ["Achievement type", text(doc.achievementType)],
    ["Description", text(doc.achievementDescription)],
    ["Issuer named", issuerNamed.length === 2 ? `${issuerNamed[0]} (${issuerNamed[1]})` : issuerNamed[0]],
    ["Valid from", text(doc.validFrom)],
    ["Valid until", text(doc.validUntil)],
    ["Types", text(doc.types)],
  ]);
}

/** The digest, how it was computed, and a link to share the check. */
function digestDetails({ digest, inspection, proof }) {
  const hashedAs = inspection
    ? (inspection.kind === "json" ? "canonical JSON (RFC 8785) + SHA-256" : "SHA-256 of the file's bytes")
    : proof ? "named by the proof file (its leaf)" : "named by the link";
  const section = factSection("digest-details", "Digest", [
    ["Digest", el("code", "digest", digest)],
    ["Hashed as", hashedAs],
    ["Proof file", proof?.file.name],
  ]);
  const share = el("a", "share-link", "Share this check");
  share.href = `#${digest}`;
  section.append(el("p", null, share));
  return section;
}

// ---------------------------------------------------------------- timeline and summary

/** Orders the cards as a timeline, titles the list, and updates the summary. */
function refreshOverview() {
  const cards = page.cards;
  const list = $("results");
  // Moves only the cards that are out of place: a hundred cards settle one by one.
  sortTimeline(cards).forEach((card, index) => {
    if (list.children[index] !== card.item) list.insertBefore(card.item, list.children[index] ?? null);
  });
  const heading = $("results-heading");
  heading.hidden = cards.length === 0;
  heading.textContent = cards.length >= 2 ? "Learning timeline" : "Result";
  renderSummary(cards);
}

/** Cards by date (undated last), keeping the order they were added in otherwise. */
function sortTimeline(cards) {
  const key = (card) => card.time ?? Number.POSITIVE_INFINITY;
  return [...cards].sort((a, b) => (key(a) === key(b) ? a.order - b.order : key(a) - key(b)));
}

/** "N of M credentials valid", and what the others are, for two cards or more. */
function renderSummary(cards) {
  const summary = $("summary");
  const details = $("summary-details");
  summary.hidden = details.hidden = cards.length < 2;
  if (cards.length < 2) return;
  const counts = new Map();
  for (const { status } of cards) counts.set(status, (counts.get(status) ?? 0) + 1);
  summary.textContent = `${counts.get("valid") ?? 0} of ${cards.length} credentials valid`;
  const others = [...counts].filter(([status]) => status !== "valid")
    .map(([status, count]) => `${count} ${summaryWords(status)}`);
  details.textContent = others.length ? sentence(others.join(", ")) : "";
  details.hidden = others.length === 0;
}

function summaryWords(status) {
  if (status === "pending") return "still being checked";
  if (status === "error") return "could not be checked";
  return lookUp(STATUSES, status) ? statusWords(status).toLowerCase() : `not valid (status ${status})`;
}

// ---------------------------------------------------------------- wiring

/** The file input and the drop zone share handleFiles; a link fragment is checked on load and change. */
function wireEvents() {
  const input = $("file-input");
  input.addEventListener("change", () => {
    const files = Array.from(input.files ?? []);
    input.value = ""; // choosing the same files again checks them again
    guard(handleFiles(files));
  });
  const zone = $("drop-zone");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove("dragging");
  });
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    guard(handleFiles(event.dataTransfer?.files));
  });
  // A file dropped beside the zone must not make the browser leave the page.
  window.addEventListener("dragover", (event) => {
    event.preventDefault();
    if (event.dataTransfer && !zone.contains(event.target)) event.dataTransfer.dropEffect = "none";
  });
  window.addEventListener("drop", (event) => event.preventDefault());
  window.addEventListener("hashchange", () => guard(checkLinkedDigest()));
}

/** Lets a task run; an unexpected failure shows in the banner instead of escaping. */
function guard(task) {
  task.catch((error) => setBanner("unexpected", `Something went wrong: ${sentence(messageOf(error))}`));
}

function start() {
  page.digester = loadDigestModule();
  wireEvents();
  guard(ensureChain());
  guard(checkLinkedDigest());
}

start();
