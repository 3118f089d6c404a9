/**
 * discord.js sends a message with attachments as multipart/form-data: the JSON body in a
 * `payload_json` part and each file in a `files[n]` part. Enough of a parser for text files.
 */
export interface Multipart {
  payload: unknown;
  files: Array<{ field: string; filename: string; content: string }>;
}

export function parseMultipart(contentType: string, raw: string): Multipart | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return null;
  const out: Multipart = { payload: undefined, files: [] };
  for (const part of raw.split(`--${b}`)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const body = part.slice(sep + 4).replace(/\r\n$/, '');
    const field = /name="([^"]*)"/i.exec(head)?.[1];
    if (!field) continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (filename !== undefined) out.files.push({ field, filename, content: body });
    else if (field === 'payload_json') out.payload = JSON.parse(body);
  }
  return out;
}
