/**
 * 9. Text we did not write comes in any encoding: an ISO-8859-1 subtitle file, an IMSDb page in
 * windows-1252, UTF-8 with or without a byte-order mark, UTF-16 from Windows tools. Each is read
 * as the characters its author typed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../adapters/vocab/decode-html.js';
import { decodeText } from '../../../adapters/vocab/decode-text.js';
import { scriptText } from '../../../adapters/vocab/imsdb-pages.js';
import { LocalFileScriptSource } from '../../../adapters/vocab/local-file-script-source.js';
import { FIXTURE_DIR, buildFixture, entries } from '../../core/vocab/fixture-scripts.js';

const bytes = (name: string) => readFileSync(join(FIXTURE_DIR, name));

describe('GIVEN an ISO-8859-1 .srt file', () => {
  it('THEN accented words arrive whole, with no replacement characters', async () => {
    const r = await new LocalFileScriptSource({ cwd: FIXTURE_DIR }).read('sdh-latin1.srt');
    expect(r.found && r.script.text).toContain('Último tren, señor.');
    expect(r.found && r.script.text).not.toContain('\uFFFD');
  });

  it('THEN no broken half-word ("dico", "ltimo") is graded', async () => {
    const v = await buildFixture('sdh-latin1.srt');
    for (const w of ['dico', 'ltimo', 'se', 'ana', 'coraz']) expect(entries(v, w), w).toEqual([]);
    expect(entries(v, 'doctor')).toHaveLength(1);
  });
});

describe('GIVEN text in the other encodings scripts come in', () => {
  const line = 'Rose’s café — “Trust me,” he says… Über straße.';

  it('THEN windows-1252, ISO-8859-1, UTF-8 (with or without BOM) and UTF-16 all decode', () => {
    expect(decodeText(iconv.encode(line, 'windows-1252'))).toBe(line);
    expect(decodeText(Buffer.from(line, 'utf8'))).toBe(line);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line, 'utf8')]))).toBe(
      line,
    );
    expect(decodeText(iconv.encode(line, 'utf16le', { addBOM: true }))).toBe(line);
    expect(decodeText(iconv.encode('El médico llegó. Último día, señor.', 'latin1'))).toBe(
      'El médico llegó. Último día, señor.',
    );
  });

  it('THEN an IMSDb page that says iso-8859-1 but uses windows-1252 keeps its curly quotes', () => {
    const text = scriptText(decodeHtml(bytes('salt-road.html'), 'text/html; charset=iso-8859-1')) ?? '';
    expect(text).toContain('outside a café. Someone’s');
    expect(decodeHtml(Buffer.from('<pre>café ’</pre>', 'utf8'), 'text/html; charset=utf-8')).toContain(
      'café ’',
    );
  });
});
