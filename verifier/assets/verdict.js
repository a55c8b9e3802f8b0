// A node's verdict in words: status headlines and tones, explanations, warnings, and the card
// sections "Confirmed by the chain", "Stated by the document" and the digest. Everything from the
// chain or a document is untrusted text and reaches the page through textContent only.

import { isObject, isCount, el, lookUp, formatTime } from "./util.js";

// Status words and tone (colour and icon come from the tone, in style.css).
export const STATUSES = {
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
  componentRevoked: { words: "Component revoked", tone: "bad" },
};

export const REVOCATION_REASONS = {
  issuedInError: "issued in error",
  superseded: "superseded by a newer credential",
  fraudOrMisconduct: "fraud or misconduct",
  holderRequest: "at the holder's request",
  other: "other reason",
};

export const WITHDRAWAL_REASONS = {
  closed: "the institution closed",
  merged: "the institution merged into another",
  standardsNotMet: "it no longer meets the consortium's standards",
  misconduct: "fraud or misconduct",
  voluntary: "at its own request",
  other: "another reason",
};

export function toneOf(status) {
  if (status === "pending" || status === "error") return status;
  return lookUp(STATUSES, status)?.tone ?? "bad";
}

/** The headline for a status; an unrecognised status reads as not valid. */
export function statusWords(status) {
  return lookUp(STATUSES, status)?.words ?? `Not valid (unrecognised status ${status})`;
}

/** One line on what the status means for this credential. */
export function explainStatus(verdict) {
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
    case "componentRevoked":
      return "This award stacks on other credentials, and one of them" +
        (typeof verdict.revokedComponent === "string" ? ` (${verdict.revokedComponent})` : "") +
        " was revoked: the award no longer stands.";
    default:
      return "This page does not know this status (the node may be newer): treat the credential as not valid.";
  }
}

export const sinceBlock = (block) => (isCount(block) ? ` since block ${block}` : "");

/** "Revoked by its issuer: <reason>, in block N." */
export function describeRevocation(revocation) {
  const reason = lookUp(REVOCATION_REASONS, revocation?.reason) ?? REVOCATION_REASONS.other;
  const block = isCount(revocation?.block) ? `, in block ${revocation.block}` : "";
  return `Revoked by its issuer: ${reason}${block}.`;
}

export function describeMismatch(verdict) {
  const claimed = isObject(verdict.claimedIssuer) ? verdict.claimedIssuer : {};
  const named = typeof claimed.identifier === "string" ? claimed.identifier : "an issuer";
  const registered = claimed.registeredTo ? "" : " (no issuer on this chain is registered under it)";
  return `The document names ${named} as its issuer${registered}, but that issuer has no record of it; ` +
    `it was anchored by ${anchorers(verdict)}.`;
}

/** Who anchored a document: the answering issuer's name, else the anchoring accounts. */
export function anchorers(verdict) {
  const accounts = Array.isArray(verdict.anchoredBy) ? verdict.anchoredBy.map(String) : [];
  const name = verdict.issuer?.name;
  if (typeof name !== "string") return accounts.length ? accounts.join(", ") : "another issuer";
  const others = accounts.length - 1;
  return others > 0 ? `${name} and ${others} other issuer${others === 1 ? "" : "s"}` : name;
}

export function describeIssuerRevocation(revocation) {
  if (!isObject(revocation)) return "The consortium distrusts what its issuer issued.";
  const reason = lookUp(WITHDRAWAL_REASONS, revocation.reason) ?? WITHDRAWAL_REASONS.other;
  const from = isCount(revocation.sinceBlock) ? ` from block ${revocation.sinceBlock} on` : "";
  return `The consortium withdrew its issuer (${reason}) and distrusts what it issued${from}; ` +
    "this credential was issued from then on.";
}

/** An issuer's standing in words. */
export function describeStanding(issuer) {
  const since = sinceBlock(issuer.standingSinceBlock);
  switch (issuer.standing) {
    case "accredited": return `Accredited${since}`;
    case "applicant": return `Applicant, not yet accredited${since}`;
    case "suspended": return `Accreditation suspended${since}: it may not issue new credentials for now`;
    case "withdrawn": return describeWithdrawal(issuer, since);
    default: return `Unrecognised standing ${issuer.standing}: treat it as not accredited`;
  }
}

export function describeWithdrawal(issuer, since) {
  const reason = lookUp(WITHDRAWAL_REASONS, issuer.withdrawalReason);
  const distrusted = isCount(issuer.distrustedFromBlock)
    ? `; what it issued from block ${issuer.distrustedFromBlock} on is distrusted` : "";
  const successor = typeof issuer.successorName === "string"
    ? `; ${issuer.successorName} takes care of its credentials` : "";
  return `Accreditation withdrawn${reason ? ` (${reason})` : ""}${since}${distrusted}${successor}`;
}

/** A warning in words. */
export function describeWarning(warning, issuer) {
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
export function describeWindow(from, until) {
  const start = from == null ? "from issuance" : `from ${formatTime(from)}`;
  return until == null ? `${start}, with no end` : `${start} until ${formatTime(until)}`;
}

/** A titled section with a definition list of the rows whose value is present. */
export function factSection(className, title, rows) {
  const present = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (present.length === 0) return null;
  const list = el("dl");
  for (const [label, value] of present) list.append(el("dt", null, label), el("dd", null, value));
  return el("section", className, el("h3", null, title), list);
}

export function warningList(verdict) {
  const warnings = Array.isArray(verdict.warnings) ? verdict.warnings.filter(isObject) : [];
  if (warnings.length === 0) return null;
  const items = warnings.map((warning) =>
    el("li", null, el("strong", null, "Warning: "), describeWarning(warning, verdict.issuer)));
  return el("ul", "warnings", ...items);
}

/** "Confirmed by the chain": the facts the node answered. */
export function chainFacts(verdict) {
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
    ["Holder", holderText(verdict.holderCheck)],
    ["Document names issuer", claimedText(verdict.claimedIssuer)],
    ["Anchored by", accounts.length ? mono(accounts.join(", ")) : null],
    ["Read at", readAtText(verdict.readAt)],
  ]);
}

/** Hundredths of a credit as a decimal number: 750 → "7.5". */
export function decimal(hundredths) {
  return isCount(hundredths) ? String(hundredths / 100) : null;
}

/** "Registered achievement": what the chain's achievement registry says the credential certifies. */
export function achievementFacts(verdict) {
  const achievement = isObject(verdict.achievementInfo) ? verdict.achievementInfo : null;
  const components = Array.isArray(verdict.components) ? verdict.components.filter(isObject) : [];
  if (!achievement && components.length === 0) return null;
  const credits = isObject(achievement?.credits) && isCount(achievement.credits.hundredths)
    ? `${decimal(achievement.credits.hundredths)} ${String(achievement.credits.system)}` : null;
  const version = achievement && isCount(achievement.version)
    ? `${achievement.version} of ${achievement.latestVersion}` : null;
  const skills = Array.isArray(achievement?.skills) ? achievement.skills.filter((s) => typeof s === "string") : [];
  const rows = [
    ["Achievement", achievement?.name],
    ["Type", achievement?.kind],
    ["EQF level", isCount(achievement?.eqfLevel) ? String(achievement.eqfLevel) : null],
    ["Credits", credits],
    ["Criteria", achievement && website(achievement.criteriaUri)],
    ["Skills", skills.length ? skills.join(", ") : null],
    ["Version", version],
    ["Endorsed", achievement ? (isCount(achievement.endorsedAtBlock)
      ? `By the consortium${sinceBlock(achievement.endorsedAtBlock)}` : "No") : null],
    ["Deprecated", isCount(achievement?.deprecatedAtBlock)
      ? `No new credentials${sinceBlock(achievement.deprecatedAtBlock)}` : null],
  ];
  for (const component of components) {
    rows.push(["Component", el("span", null, mono(String(component.digest)), ` ${statusWords(component.status)}`)]);
  }
  return factSection("achievement-facts", "Registered achievement (confirmed by the chain)", rows);
}

/** The issuer's website or DID: a link only for http(s), always shown as text. */
export function website(uri) {
  if (typeof uri !== "string" || uri === "") return null;
  if (!/^https?:\/\//i.test(uri)) return uri;
  const link = el("a", "uri", uri);
  link.href = uri;
  link.rel = "noopener noreferrer";
  return link;
}

export const mono = (text) => (typeof text === "string" && text ? el("code", "mono", text) : null);

export function issuedText(verdict) {
  const when = typeof verdict.issuedAtTime === "number" ? ` on ${formatTime(verdict.issuedAtTime)}` : "";
  return `In block ${verdict.issuedAtBlock}${when}`;
}

/** Whether the record commits to the holder the verifier entered. */
export function holderText(check) {
  switch (check) {
    case "confirmed": return "Confirmed: the credential commits to the identity and salt entered";
    case "otherHolder": return "Not confirmed: the credential belongs to another holder (or the identity or salt is wrong)";
    case "notBound": return "Not confirmed: the credential names no holder";
    case null: case undefined: return null;
    default: return "Not confirmed (an answer this page does not know)";
  }
}

export function batchText(batch) {
  if (!isObject(batch)) return null;
  return el("span", null, `One of ${batch.leafCount} credentials anchored with root `, mono(String(batch.root)));
}

export function claimedText(claimed) {
  if (!isObject(claimed) || typeof claimed.identifier !== "string") return null;
  const owner = claimed.registeredTo ? `registered to ${claimed.registeredTo}` : "registered to no issuer";
  return `${claimed.identifier} (${owner})`;
}

export function readAtText(readAt) {
  if (!isObject(readAt) || !isCount(readAt.block)) return null;
  return `Block ${readAt.block}${typeof readAt.time === "number" ? ` (${formatTime(readAt.time)})` : ""}`;
}

/** "Stated by the document": what a JSON document says about itself, not checked by the chain. */
export function documentClaims(doc) {
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
export function digestDetails({ digest, inspection, proof }) {
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
