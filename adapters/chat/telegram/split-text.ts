/**
 * Telegram refuses a message over 4096 characters and a caption over 1024 ("message is too
 * long"), counted in UTF-16 code units like JavaScript's `length`. Long replies (a request list,
 * a vocabulary page) are cut where a reader expects a break: a blank line, else a line end, else
 * a space, and never inside a surrogate pair.
 */

export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** The longest head of `text` that fits `max`, cut at the best break, and what is left. */
export function takeHead(text: string, max: number): [head: string, rest: string] {
  if (text.length <= max) return [text, ''];
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max / 2);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep, max - 1);
    if (at >= floor) return [text.slice(0, at).trimEnd(), text.slice(at + sep.length).trimStart()];
  }
  let cut = max;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return [text.slice(0, cut), text.slice(cut)];
}

/** `text` in pieces of at most `max` code units, none empty. */
export function splitText(text: string, max: number = MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const [head, tail] = takeHead(rest, max);
    if (head.length > 0) parts.push(head);
    rest = tail;
  }
  return parts;
}
