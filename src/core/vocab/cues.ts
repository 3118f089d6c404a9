/**
 * Character cues: the upper-case name above a speech ("COBB (V.O.)", "TYLER (cont)"). An indented
 * cue is unmistakable. A cue typed flush left (Fountain, a flat PDF conversion) looks just like a
 * slug line ("THE BACK ROOM", "LATER") followed by action, so it must also show it names someone:
 * an extension or a parenthetical under it, its name written elsewhere in the script (an
 * introduction "SAL (60s)", "Moshe" inside a sentence), or a speech that talks like one (I, you, ?).
 */
import { isDebris, isHeadingLike, isUpper, type Line } from './screenplay-lines.js';

/** (V.O.), (O.S.), (CONT'D), (cont), (INTO PHONE): cue extensions, not part of the name. */
const EXTENSION = /\s*\([^)]{0,24}\)\s*/g;
/** Words that open slug lines and places, never names, in a flush-left layout. */
const SLUG_WORD =
  /^(?:THE|A|AN|BACK|INSIDE|OUTSIDE|IN|ON|AT|INTO|NEAR|UNDER|OVER|BEHIND|ACROSS|ABOVE|BELOW|LATER|MOMENTS|CONTINUOUS|SAME|NIGHT|DAY|MORNING|EVENING|DAWN|DUSK|SUNRISE|SUNSET|ELSEWHERE|MEANWHILE|END|TITLE|CREDITS?)\b/;
const SPEECH = /\b(?:I|I'm|I'll|I've|I'd|me|my|mine|you|your|you're|yours|we're|let's)\b|\?/;

export class CueReader {
  /** Upper-case names written inside mixed-case lines, and Title-case words inside sentences. */
  private readonly mentioned: string;
  private readonly seen = new Map<string, boolean>();

  constructor(lines: readonly Line[]) {
    this.mentioned = lines
      .map((l) => l.text)
      .filter((t) => /\p{Ll}/u.test(t))
      .join('\n');
  }

  /** The speaker's name when `line` is a character cue, else undefined. */
  name(line: Line, next: Line | undefined): string | undefined {
    const t = line.text;
    // Most lines are prose: lower case outside any parentheses.
    if (/[a-z]/.test(t) && !t.includes('(')) return undefined;
    if (!next || !next.text || isDebris(next.text) || isHeadingLike(t)) return undefined;
    const extensions = t.match(EXTENSION) ?? [];
    const name = t.replace(EXTENSION, ' ').replace(/\s+/g, ' ').trim();
    if (!name || !isUpper(name) || name.length > 40 || /[:!?]$|--$|^\W/.test(name)) return undefined;
    const words = name.split(' ').length;
    if (words > 5) return undefined;
    const nextIsSpeech = next.text.startsWith('(') || !isUpper(next.text);
    if (!nextIsSpeech) return undefined;
    if (line.indent >= 12) return name;
    if (words > 3 || /\.$/.test(name) || next.indent < line.indent) return undefined;
    const marked = extensions.length > 0 || next.text.startsWith('(');
    if (SLUG_WORD.test(name)) return marked ? name : undefined;
    return marked || this.isMentioned(name) || SPEECH.test(next.text) ? name : undefined;
  }

  /** "SAL" written as SAL or Sal in the script's prose, not at the start of a sentence. */
  private isMentioned(name: string): boolean {
    let known = this.seen.get(name);
    if (known === undefined) {
      known = this.search(name);
      this.seen.set(name, known);
    }
    return known;
  }

  private search(name: string): boolean {
    const words = name.split(' ').map(escape);
    const caps = new RegExp(`(?<![\\p{L}'])${words.join(' ')}(?![\\p{L}'])`, 'u');
    if (caps.test(this.mentioned)) return true;
    const title = words.map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' ');
    return new RegExp(`[\\p{L},;] ${title}(?![\\p{L}])`, 'u').test(this.mentioned);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
