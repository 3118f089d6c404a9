/**
 * Screenplay text (as IMSDb shows it inside <pre>) → blocks: scene headings, dialogue with its
 * speaker, parentheticals and action, each unwrapped into one paragraph. Debris is dropped:
 * page numbers, (MORE), CONTINUED, (CONT'D), (V.O.)/(O.S.), transitions (CUT TO:), scene numbers,
 * revision asterisks and the title page.
 *
 * Screenplays follow layout rules rather than markup: cues and headings are upper case, dialogue
 * is indented further than action, a cue is followed at once by its dialogue. The parser reads
 * those rules from plain text, so the same code serves IMSDb pages and local text files.
 */
import type { ParsedScript, ScriptBlock } from './types.js';

interface Line {
  raw: string;
  text: string;
  indent: number;
}

const PAGE_NUMBER = /^(?:page\s*)?\d{1,3}[a-z]?\.?(?:\s*of\s*\d+)?$/i;
const CONTINUED = /^[(-]?\s*(?:continued|cont'?d|cont’d|more)\s*[)-]?\s*:?\s*(?:\(\d+\))?$/i;
const SCENE_NUMBERS = /^\d{1,4}[A-Z]{0,2}\s+(.*?)(?:\s+\d{1,4}[A-Z]{0,2})?$/;
const HEADING_START =
  /^(?:INT|EXT|I\/E|E\/I|INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|INTERIOR|EXTERIOR|EST)\b[.\s/-]/;
const HEADING_TIME =
  /\s[-–—]\s*(?:DAY|NIGHT|MORNING|AFTERNOON|EVENING|DAWN|DUSK|SUNSET|SUNRISE|LATER|CONTINUOUS|MOMENTS LATER|SAME TIME|SAME|NIGHTFALL)\b/;
const TRANSITION =
  /^(?:FADE|CUT|DISSOLVE|SMASH|MATCH|JUMP|WIPE|IRIS|BACK TO|INTERCUT|THE END|END|OVER BLACK|IN BLACK|BLACK|TITLE|SUPER|FREEZE)\b/;
/** (V.O.), (O.S.), (CONT'D), (INTO PHONE): cue extensions, not part of the name. */
const EXTENSION = /\s*\([^)]*\)\s*/g;

/** Screenplay text → blocks. Never throws; text with no screenplay layout comes back as action. */
export function parseScreenplay(text: string): ParsedScript {
  const lines = dropTitlePage(toLines(text));
  const blocks: ScriptBlock[] = [];
  const characters = new Set<string>();
  let scene: number | undefined;
  let sceneCount = 0;
  let i = 0;

  const push = (block: ScriptBlock) => {
    if (!block.text) return;
    if (scene !== undefined) block.scene = scene;
    blocks.push(block);
  };

  while (i < lines.length) {
    const line = lines[i] as Line;
    const next = lines[i + 1];
    if (!line.text || isDebris(line.text)) {
      i++;
      continue;
    }
    const slug = stripSceneNumbers(line.text);
    if (isUpper(slug) && (HEADING_START.test(slug) || HEADING_TIME.test(` ${slug}`))) {
      scene = sceneCount++;
      blocks.push({ kind: 'heading', text: slug, scene });
      i++;
      continue;
    }
    if (isUpper(slug) && (TRANSITION.test(slug) || /(?::|--)$/.test(slug))) {
      i++;
      continue;
    }
    const speaker = cueName(line, next);
    if (speaker) {
      characters.add(speaker);
      i = readDialogue(lines, i + 1, speaker, push);
      continue;
    }
    if (isUpper(slug) && (!next || !next.text) && slug.split(/\s+/).length <= 8) {
      // A shot or slug line on its own ("ANGLE ON THE TOP", "LATER"): camera talk, not prose.
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i] as Line;
      if (!l.text) break;
      if (para.length > 0 && (cueName(l, lines[i + 1]) || isHeadingLike(l.text))) break;
      if (!isDebris(l.text)) para.push(l.text);
      i++;
    }
    push({ kind: 'action', text: unwrap(para) });
  }
  return { blocks, characters: [...characters] };
}

/** Subtitle-style text: each paragraph (lines separated by a blank line) is one spoken block. */
export function parseTranscript(text: string): ParsedScript {
  const blocks: ScriptBlock[] = [];
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = para
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const joined = unwrap(lines);
    if (joined) blocks.push({ kind: 'dialogue', text: joined });
  }
  return { blocks, characters: [] };
}

function readDialogue(lines: Line[], start: number, speaker: string, push: (b: ScriptBlock) => void): number {
  let i = start;
  // Parentheticals sit further right than speech, so the speech's own indent is taken from its first line.
  let dialogueIndent: number | undefined;
  let speech: string[] = [];
  const flush = () => {
    push({ kind: 'dialogue', text: unwrap(speech), speaker });
    speech = [];
  };
  while (i < lines.length) {
    const l = lines[i] as Line;
    if (!l.text) break;
    if (/^\(more\)$/i.test(l.text)) {
      // The speech goes on over a page break: skip to the same speaker's (CONT'D) cue.
      const resume = continuation(lines, i + 1, speaker);
      if (resume === undefined) break;
      i = resume;
      continue;
    }
    if (isDebris(l.text)) {
      i++;
      continue;
    }
    // Action typed straight after a speech, further left than the speech.
    if (
      dialogueIndent !== undefined &&
      dialogueIndent >= 6 &&
      l.indent < dialogueIndent - 4 &&
      !l.text.startsWith('(')
    ) {
      break;
    }
    if (l.text.startsWith('(')) {
      const paren: string[] = [l.text];
      while (!paren.join(' ').includes(')') && i + 1 < lines.length && lines[i + 1]?.text) {
        i++;
        paren.push((lines[i] as Line).text);
      }
      flush();
      const body = unwrap(paren);
      const close = body.indexOf(')');
      push({ kind: 'parenthetical', text: body.slice(1, close < 0 ? undefined : close).trim(), speaker });
      const after = close < 0 ? '' : body.slice(close + 1).trim();
      if (after) speech.push(after);
      i++;
      continue;
    }
    dialogueIndent ??= l.indent;
    speech.push(l.text.replace(/\((?:cont'?d|cont’d|more)\)/gi, '').trim());
    i++;
  }
  flush();
  return i;
}

/** After "(MORE)": the index of the first speech line under the same speaker's next cue, if that comes next. */
function continuation(lines: Line[], from: number, speaker: string): number | undefined {
  let j = from;
  while (j < lines.length && (!lines[j]?.text || isDebris((lines[j] as Line).text))) j++;
  const cue = lines[j];
  return cue && cueName(cue, lines[j + 1]) === speaker ? j + 1 : undefined;
}

/** The speaker's name when `line` is a character cue, else undefined. */
function cueName(line: Line, next: Line | undefined): string | undefined {
  const t = line.text;
  if (!isUpper(t) || !next || !next.text || isDebris(next.text)) return undefined;
  if (HEADING_START.test(t) || HEADING_TIME.test(` ${t}`) || TRANSITION.test(t)) return undefined;
  const name = t.replace(EXTENSION, ' ').replace(/\s+/g, ' ').trim();
  if (!name || name.length > 40 || /[:!?]$|--$|^\W/.test(name) || !/[A-Z]/.test(name)) return undefined;
  const words = name.split(' ').length;
  if (words > 5) return undefined;
  const nextIsSpeech = next.text.startsWith('(') || !isUpper(next.text);
  if (!nextIsSpeech) return undefined;
  // Indented cues are unmistakable; flush-left ones must be short and not end a sentence.
  if (line.indent >= 12) return name;
  return words <= 3 && !/\.$/.test(name) && next.indent >= line.indent ? name : undefined;
}

function isHeadingLike(t: string): boolean {
  const s = stripSceneNumbers(t);
  return isUpper(s) && (HEADING_START.test(s) || HEADING_TIME.test(` ${s}`) || TRANSITION.test(s));
}

function isDebris(t: string): boolean {
  const s = t.replace(/^\d{1,4}[A-Z]?\s+/, '').replace(/\s+\d{1,4}[A-Z]?$/, '');
  return PAGE_NUMBER.test(t) || CONTINUED.test(s) || /^\*+$/.test(t);
}

function stripSceneNumbers(t: string): string {
  const m = SCENE_NUMBERS.exec(t);
  return m && /[A-Z]{2}/.test(m[1] ?? '') ? (m[1] ?? t) : t;
}

/** Letters, none of them lower case. */
function isUpper(t: string): boolean {
  return /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t);
}

/** Hard-wrapped lines → one paragraph; "predat-" + "ors" joins, "--" keeps a space. */
export function unwrap(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    if (!out) out = l;
    else if (/[A-Za-z]-$/.test(out) && !/--$/.test(out) && /^[a-z]/.test(l)) out += l;
    else out += ` ${l}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function toLines(text: string): Line[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((raw) => {
      const expanded = raw.replace(/\t/g, '        ');
      const stripped = expanded.replace(/\s+\*+\s*$/, '').trimEnd();
      const t = stripped.trim();
      return { raw, text: t, indent: stripped.length - stripped.trimStart().length };
    });
}

/** Drop a title page: what comes before the first heading or "FADE IN", if that is near the top. */
function dropTitlePage(lines: Line[]): Line[] {
  let chars = 0;
  for (let i = 0; i < lines.length && i < 120; i++) {
    const t = stripSceneNumbers((lines[i] as Line).text);
    chars += t.length;
    if (chars > 3000) break;
    if (
      isUpper(t) &&
      (HEADING_START.test(t) || HEADING_TIME.test(` ${t}`) || /^(?:FADE IN|IN BLACK|OVER BLACK)/.test(t))
    ) {
      return lines.slice(i);
    }
  }
  return lines;
}
