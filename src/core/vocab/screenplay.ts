/**
 * Screenplay text (as IMSDb shows it inside <pre>, a text export, a Fountain file, a PDF
 * converted to text) → blocks: scene headings, dialogue with its speaker, parentheticals and
 * action, each unwrapped into one paragraph. Debris is dropped: page numbers, (MORE), CONTINUED,
 * (CONT'D), (V.O.)/(O.S.), transitions, camera directions, scene numbers, revision asterisks, the
 * title page and a site footer; directions inside the text go too (stage-directions.ts).
 *
 * Screenplays follow layout rules rather than markup: cues and headings are upper case, dialogue
 * is indented further than action, a cue is followed at once by its dialogue. The parser reads
 * those rules from plain text, so the same code serves every source.
 */
import { CueReader } from './cues.js';
import { spokenLanguage } from './foreign.js';
import { looksLikeFountain, stripFountain } from './fountain.js';
import {
  dropFooter,
  dropTitlePage,
  headingText,
  isCameraLine,
  isDebris,
  isHeading,
  isHeadingLike,
  isPageNumber,
  isTransition,
  isUpper,
  stripSceneNumbers,
  toLines,
  unwrap,
  type Line,
} from './screenplay-lines.js';
import { cleanAction, cleanSpeech } from './stage-directions.js';
import type { ParsedScript, ScriptBlock } from './types.js';

export { unwrap } from './screenplay-lines.js';

/** "ROSE (50s)", "DETECTIVE STERN (40s)": a character introduced in an action line. */
const INTRODUCTION =
  /(?<![\p{L}'’])((?:[\p{Lu}][\p{Lu}'’.-]+ ){0,2}[\p{Lu}][\p{Lu}'’-]+) \((?:\d{1,2}s?|late \d0s|early \d0s|mid-?\d0s)\)/gu;
const ARTICLE_BEFORE = /\b(?:a|an|the|two|three|some|his|her|their|our|another)\s+$/i;

/** Screenplay text → blocks. Never throws; text with no screenplay layout comes back as action. */
export function parseScreenplay(text: string): ParsedScript {
  const source = looksLikeFountain(text) ? stripFountain(text) : text;
  const lines = dropFooter(dropTitlePage(toLines(source)));
  const cues = new CueReader(lines);
  const blocks: ScriptBlock[] = [];
  const characters = new Set<string>();
  const introduced = new Set<string>();
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
    if (isHeading(line.text)) {
      scene = sceneCount++;
      blocks.push({ kind: 'heading', text: headingText(line.text), scene });
      i++;
      continue;
    }
    if (isTransition(line.text) || isCameraLine(line.text)) {
      i++;
      continue;
    }
    const speaker = cues.name(line, next);
    if (speaker) {
      characters.add(speaker);
      i = readDialogue(lines, i + 1, speaker, cues, push);
      continue;
    }
    if (isSlug(line.text)) {
      // A shot or slug line ("INSIDE THE BUS", "THE BACK ROOM", "LATER"): camera talk, not prose.
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i] as Line;
      if (!l.text) break;
      if (para.length > 0 && (cues.name(l, lines[i + 1]) || isHeadingLike(l.text) || isSlug(l.text))) break;
      if (!isDebris(l.text)) para.push(l.text);
      i++;
    }
    const prose = unwrap(para);
    for (const m of prose.matchAll(INTRODUCTION)) {
      if (!ARTICLE_BEFORE.test(prose.slice(0, m.index))) introduced.add(m[1] as string);
    }
    push({ kind: 'action', text: cleanAction(prose) });
  }
  return { blocks, characters: [...characters], introduced: [...introduced] };
}

/** A short line in capitals that does not end a sentence: a slug line or a shot, not prose. */
function isSlug(text: string): boolean {
  const slug = stripSceneNumbers(text);
  return isUpper(slug) && slug.split(/\s+/).length <= 8 && !/[.!?…]$/.test(slug);
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
  return { blocks, characters: [], introduced: [] };
}

function readDialogue(
  lines: Line[],
  start: number,
  speaker: string,
  cues: CueReader,
  push: (b: ScriptBlock) => void,
): number {
  let i = start;
  // Parentheticals sit further right than speech, so the speech's own indent is taken from its first line.
  let dialogueIndent: number | undefined;
  let speech: string[] = [];
  let foreign = false;
  const flush = () => {
    const block: ScriptBlock = { kind: 'dialogue', text: cleanSpeech(unwrap(speech)), speaker };
    if (foreign) block.foreign = true;
    push(block);
    speech = [];
  };
  while (i < lines.length) {
    const l = lines[i] as Line;
    if (!l.text) break;
    if (/^\(more\)$/i.test(l.text)) {
      // The speech goes on over a page break: skip to the same speaker's (CONT'D) cue.
      const resume = continuation(lines, i + 1, speaker, cues);
      if (resume === undefined) break;
      i = resume;
      continue;
    }
    const flat = (dialogueIndent ?? l.indent) < 6;
    if (isDebris(l.text)) {
      // In a flat layout a page break with no (MORE) ends the speech; what follows is action.
      if (flat && isPageNumber(l.text) && continuation(lines, i + 1, speaker, cues) === undefined) break;
      i++;
      continue;
    }
    // A flat layout has no blank line before the next cue or heading.
    if (speech.length > 0 && (isHeadingLike(l.text) || cues.name(l, lines[i + 1]))) break;
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
      const direction = body.slice(1, close < 0 ? undefined : close).trim();
      // "(in Spanish)": what follows is not English, up to the next direction.
      foreign = spokenLanguage(direction) !== undefined;
      push({ kind: 'parenthetical', text: direction, speaker });
      const after = close < 0 ? '' : body.slice(close + 1).trim();
      if (after) speech.push(after);
      i++;
      continue;
    }
    dialogueIndent ??= l.indent;
    speech.push(l.text);
    i++;
  }
  flush();
  return i;
}

/** After a page break: the index of the first speech line under the same speaker's next cue, if that comes next. */
function continuation(lines: Line[], from: number, speaker: string, cues: CueReader): number | undefined {
  let j = from;
  while (j < lines.length && (!lines[j]?.text || isDebris((lines[j] as Line).text))) j++;
  const cue = lines[j];
  return cue && cues.name(cue, lines[j + 1]) === speaker ? j + 1 : undefined;
}
