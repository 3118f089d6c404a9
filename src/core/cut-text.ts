/**
 * At most `max` UTF-16 units, ending in "…" when cut. Counting units rather than code points is
 * the stricter reading of the chats' limits (an emoji counts twice), and a surrogate pair is never
 * split.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}
