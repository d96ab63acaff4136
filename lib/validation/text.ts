// Every schema module imports this one, so every bundle that validates configures zod first.
import "./zod-config";

// PostgreSQL refuses NUL (0x00) in a text value outright, so a name like "a\u0000b" would reach
// the database and fail there as a 500 (SQLite stores it). The other C0 controls and DEL are
// refused with it: no name or e-mail address needs them, and they only garble lists and logs.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export const CONTROL_CHARACTERS_MESSAGE = "Remove control characters such as tabs or line breaks";

/** For `.refine(...)` on every user-supplied string that reaches the database. */
export function hasNoControlCharacters(value: string): boolean {
  return !CONTROL_CHARACTER.test(value);
}

export const MALFORMED_TEXT_MESSAGE = "Remove invalid characters";

// A lone UTF-16 surrogate (JSON can carry "\ud800") has no UTF-8 form: the database would keep
// replacement bytes, and the name shown back would not be the name sent.
// (String.prototype.isWellFormed is ES2024, newer than the browsers and lib this project targets.)
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}
