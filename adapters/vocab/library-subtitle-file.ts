/**
 * One subtitle file from the operator's library → a transcript. The caller has already resolved
 * the path inside the mapped folders (media-path-map.ts); the file is opened without following a
 * link at the last step (one swapped in since would lead out again), and never more than the size
 * cap is read, whatever size the disk reports. Bytes are decoded by decode-text.ts and the cues
 * read by subtitleTranscript. Only the file's name goes into the Script, never a host path.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ScriptLookup } from '../../src/core/vocab/ports.js';
import { decodeText } from './decode-text.js';
import { subtitleTranscript } from './subtitles.js';

export interface SubtitleFileOptions {
  maxBytes: number;
  /** The Script's `source`: `Bazarr`, `library`. */
  source: string;
}

export async function readSubtitleFile(realPath: string, opts: SubtitleFileOptions): Promise<ScriptLookup> {
  let file: FileHandle;
  try {
    // O_NOFOLLOW is 0 where the platform lacks it (Windows).
    file = await open(realPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return { found: false, miss: 'not_found', detail: 'the subtitle file cannot be opened' };
  }
  try {
    const stats = await file.stat();
    if (!stats.isFile()) return { found: false, miss: 'not_found', detail: 'not a file' };
    const tooLarge = { found: false, miss: 'too_large', detail: String(opts.maxBytes) } as const;
    if (stats.size > opts.maxBytes) return tooLarge;
    const bytes = await readCapped(file, opts.maxBytes);
    if (!bytes) return tooLarge;
    const text = subtitleTranscript(decodeText(bytes));
    if (!text) return { found: false, miss: 'not_script', detail: 'no subtitle cues in the file' };
    return {
      found: true,
      script: { format: 'transcript', text, source: opts.source, origin: basename(realPath) },
    };
  } finally {
    await file.close();
  }
}

/** At most `max` bytes; undefined when the file holds more (a reported size may lie). */
export async function readCapped(file: FileHandle, max: number): Promise<Buffer | undefined> {
  const buf = Buffer.alloc(max + 1);
  let got = 0;
  for (;;) {
    const { bytesRead } = await file.read(buf, got, buf.length - got, null);
    if (bytesRead === 0) break;
    got += bytesRead;
    if (got > max) return undefined;
  }
  return buf.subarray(0, got);
}
