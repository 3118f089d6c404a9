/**
 * What people may type, for every door into the core: chat messages, the HTTP API's titles and
 * the host's admin scripts. Nothing outside the printable set is stored: control characters, bidi
 * overrides and isolates (which make a title read backwards in a log or a list), invisible format
 * characters (word joiner, soft hyphen, tag characters) and private-use characters are refused
 * with a reason. Zero-width joiner and non-joiner stay: emoji sequences and Persian need them.
 */

/** Tabs and line breaks are whitespace, not refusals. */
const WHITESPACE = /[\t\n\r]/g;
/** \p{Cc} control, \p{Cf} format (but U+200C/U+200D), \p{Co} private use, \p{Cs} lone surrogates. */
const UNPRINTABLE = /[\p{Cc}\p{Co}\p{Cs}]|(?![\u200c\u200d])\p{Cf}/u;
/** U+2028/U+2029 are Zl/Zp: line breaks that slip past a one-line check. */
const LINE_SEPARATORS = /[\u2028\u2029]/;

export function hasUnprintable(text: string): boolean {
  const t = text.replace(WHITESPACE, ' ');
  return UNPRINTABLE.test(t) || LINE_SEPARATORS.test(t);
}
