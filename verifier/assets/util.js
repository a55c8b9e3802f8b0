// Small helpers of the verifier page: DOM building, text, times.

export const DIGEST_PATTERN = /^0x[0-9a-f]{64}$/i;

export const $ = (id) => document.getElementById(id);

export const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

export const isCount = (value) => Number.isSafeInteger(value) && value >= 0;

export const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/** An element with a class and children (strings become text nodes, null is skipped). */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** `key`'s entry in `table`, never an inherited property (keys come from the network). */
export function lookUp(table, key) {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : null;
}

/** `text` ending with a full stop. */
export function sentence(text) {
  const trimmed = String(text).trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A time in ms since the epoch as `YYYY-MM-DD HH:MM UTC`. */
export function formatTime(ms) {
  if (validTime(ms) === null) return "an unknown time";
  const date = new Date(ms);
  const pad = (number) => String(number).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** `ms` if it is a time a Date can hold, else null. */
export const validTime = (ms) => (typeof ms === "number" && !Number.isNaN(new Date(ms).getTime()) ? ms : null);

/** `0x1234…abcd` for a long hash. */
export const shortHash = (hash) => `${hash.slice(0, 6)}…${hash.slice(-4)}`;
