// CredChain verifier page: hashes the dropped files in the browser, asks the CredChain node (through
// this server's /rpc) for a verdict on each digest, and shows one card per credential, ordered as
// a timeline. Only digests leave the computer. Everything from the chain or from a document is
// untrusted text: it reaches the page through textContent only.

import { $, isObject, isCount, messageOf, el, lookUp, sentence, formatTime, validTime, shortHash, DIGEST_PATTERN } from "./util.js";
import { rpc, chainInfo } from "./rpc.js";
import {
  STATUSES, statusWords, toneOf, explainStatus, warningList, chainFacts, achievementFacts, documentClaims,
  digestDetails,
} from "./verdict.js";

const PROOF_SUFFIX = ".proof.json";

const MAX_PROOF_BYTES = 1024 * 1024;

/** Verification requests in flight at once (browsers open at most six connections per server). */
const CONCURRENT_CHECKS = 6;

const page = {
  chain: null, // { name, genesis } once the node has answered
  connecting: null, // promise while asking the node which chain it serves
  digester: null, // promise of the Digester from /digest.js
  run: 0, // grows with each new selection or link, so stale work stops
  cards: [], // the cards of the current run
};

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

/** The holder commitment of the identity and salt the verifier entered, or null if not both. */
async function holderCommitment() {
  const identity = $("holder-identity").value;
  const salt = $("holder-salt").value;
  if (identity === "" || salt === "") return null;
  const digester = await page.digester;
  return digester.holderCommitment(identity, salt);
}

/** Verifies a hashed document: in its batch if a proof file names it, else on its own. */
async function checkDocument({ card, inspection }, proof) {
  const context = { digest: inspection.digest, inspection, proof };
  const issuer = typeof inspection.document?.issuer === "string" ? inspection.document.issuer : null;
  if (proof) return verifyInBatch(card, proof.data, issuer, context);
  return finish(card, async () => {
    const commitment = await holderCommitment();
    const holder = commitment ? { commitment } : null;
    return rpc("credentials_verify", [inspection.digest, null, issuer, holder]);
  }, context);
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
    achievementFacts(verdict),
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
