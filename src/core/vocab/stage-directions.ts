/**
 * Directions written into the text of an action paragraph or a speech, which the film never
 * shows or says: a camera direction in front ("ANGLE ON the door", "SFX: a horn"), camera words in
 * capitals inside it ("to a CLOSEUP of Martha"), a bare beat ("Beat.", "A long beat.", "After a
 * beat, she nods"), a sound effect written as a sentence in capitals ("BANG!", "BOOM."), and
 * parentheticals left inside a speech line ("I know. (beat) I know.").
 */
import { cameraPrefix } from './screenplay-lines.js';

/** A pause the writer asks for: "beat", "a long beat", "pause", "beat beat". */
const BEAT =
  /^(?:(?:a|another|one|long|longer|short|brief|quick|tiny|small|awkward|tense|pregnant|uncomfortable|beat)\s+)*(?:beat|pause)s?\s*[.!…]*$/i;
/** "After a beat," "a beat later", "for a beat" inside a sentence: beat in its screenplay sense. */
const BEAT_PHRASE =
  /\b(?:(?:after|for|then|with|and)\s+)?(?:a|another)\s+(?:(?:long|longer|short|brief|quick|tiny|small|awkward|tense|pregnant|uncomfortable)\s+)*beat\b(?:\s+later)?,?\s*/gi;
const CAMERA_WORD =
  /\s*\b(?:CLOSE-?UPS?|CLOSEUPS?|POV|P\.O\.V\.|ANGLE|ANGLES|SHOT|SHOTS|CAMERA|INSERT|REVERSE ANGLE|O\.S\.|V\.O\.|O\.C\.)(?![\p{L}.])/gu;
/** One to four words in capitals as a whole sentence: "BANG!", "BOOM.", "CRASH! CRASH!". */
const SOUND = /^[\p{Lu}][\p{Lu}'’-]*(?:[\s,]+[\p{Lu}][\p{Lu}'’-]*){0,3}\s*[.!…]+$/u;

/** An action paragraph without its directions; '' when nothing else was in it. */
export function cleanAction(text: string): string {
  const out: string[] = [];
  for (const raw of sentences(text)) {
    let s = raw.slice(cameraPrefix(raw)).replace(CAMERA_WORD, '');
    s = s.replace(BEAT_PHRASE, '').trim();
    if (!s || BEAT.test(s) || SOUND.test(s) || !/\p{L}/u.test(s)) continue;
    out.push(capitalise(s));
  }
  return out.join(' ');
}

/** A speech without parentheticals left inside its lines, or bare beats. */
export function cleanSpeech(text: string): string {
  return sentences(text.replace(/\s*\([^)]*\)\s*/g, ' '))
    .filter((s) => !BEAT.test(s))
    .join(' ')
    .trim();
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function capitalise(s: string): string {
  return s.replace(/^(\W*)(\p{Ll})/u, (_, lead: string, c: string) => lead + c.toUpperCase());
}
