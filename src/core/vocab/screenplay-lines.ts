/**
 * What single lines of a screenplay are, by the layout conventions every format shares: scene
 * headings, transitions, camera directions ("CLOSE SHOT - MARTHA", "ANGLE ON THE DOOR"), page
 * debris (page numbers, (MORE), CONTINUED), the title page in front and a site's footer behind
 * (IMSDb's "Writers : … Genres : … User Comments"), and how hard-wrapped lines are joined.
 */

export interface Line {
  raw: string;
  text: string;
  indent: number;
}

const PAGE_NUMBER = /^(?:page\s*)?\d{1,3}[a-z]?\.?(?:\s*of\s*\d+)?$/i;
const CONTINUED = /^[(-]?\s*(?:continued|cont'?d?|cont’d|more)\s*[)-]?\s*:?\s*(?:\(\d+\))?$/i;
const SCENE_NUMBERS = /^\d{1,4}[A-Z]{0,2}\s+(.*?)(?:\s+\d{1,4}[A-Z]{0,2})?$/;
/** INT./EXT. and the like, or Fountain's forced heading (".THE GREENHOUSE AT NIGHT"). */
const HEADING_START =
  /^(?:(?:INT|EXT|I\/E|E\/I|INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|INTERIOR|EXTERIOR|EST)\b[.\s/-]|\.(?=\p{Lu}))/u;
const HEADING_TIME =
  /\s[-–—]\s*(?:DAY|NIGHT|MORNING|AFTERNOON|EVENING|DAWN|DUSK|SUNSET|SUNRISE|LATER|CONTINUOUS|MOMENTS LATER|SAME TIME|SAME|NIGHTFALL)\b/;
const TRANSITION =
  /^(?:FADE|CUT|DISSOLVE|SMASH|MATCH|JUMP|WIPE|IRIS|BACK TO|INTERCUT|THE END|END|OVER BLACK|IN BLACK|BLACK|TITLE|SUPER|FREEZE)\b/;
/**
 * Camera and editing directions at the start of a line or an action paragraph. Shot sizes need
 * "SHOT" or "ON" after them ("TWO SHOT", "WIDE ON"), so "CLOSE" and "LONG" alone are not taken.
 */
const CAMERA =
  /^(?:(?:EXTREME\s+)?(?:CLOSE[- ]?UPS?|CLOSEUPS?|C\.?U\.?|E\.?C\.?U\.?|X\.?C\.?U\.?|M\.?C\.?U\.?|INSERTS?|P\.?O\.?V\.?|REVERSE(?:\s+ANGLE)?|ANGLES?|ESTABLISHING(?:\s+SHOT)?|AERIAL(?:\s+SHOT)?|MONTAGE|SERIES OF SHOTS|FLASHBACK|FLASH CUT|SFX|SPFX|VFX|FX|SUPER(?:IMPOSE)?|TITLE CARD|SPLIT SCREEN|INTERCUT(?:\s+WITH)?|BACK TO (?:SCENE|SHOT|PRESENT)|BACK ON|CAMERA(?:\s+[A-Z]+)?)\b|(?:CLOSE|CLOSER|MED(?:IUM)?\.?|WIDE|WIDER|WIDE ANGLE|LONG|FULL|TWO|THREE|GROUP|TIGHT|HIGH|LOW|OVERHEAD|MOVING|TRACKING|DOLLY|CRANE|ANOTHER)\s+(?:SHOT|SHOTS|ON|ANGLE)\b|(?:PAN|PANS|PANNING|TILT|TILTS|DOLLY|DOLLIES|TRACK|TRACKS|TRACKING|CRANE|ZOOM|ZOOMS|PUSH|PUSHES|PULL|PULLS)\s+(?:IN|OUT|UP|DOWN|BACK|ON|TO|FROM|WITH|ACROSS|OVER|ALONG|AROUND)\b)/;

/** Letters, none of them lower case. ASCII first: it is asked of every line, several times. */
export function isUpper(t: string): boolean {
  if (/[a-z]/.test(t)) return false;
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(t)) return /[A-Z]/.test(t);
  return /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t);
}

export function isDebris(t: string): boolean {
  const s = t.replace(/^\d{1,4}[A-Z]?\s+/, '').replace(/\s+\d{1,4}[A-Z]?$/, '');
  return PAGE_NUMBER.test(t) || CONTINUED.test(s) || /^\*+$/.test(t);
}

export function isPageNumber(t: string): boolean {
  return PAGE_NUMBER.test(t);
}

export function stripSceneNumbers(t: string): string {
  const m = SCENE_NUMBERS.exec(t);
  return m && /[A-Z]{2}/.test(m[1] ?? '') ? (m[1] ?? t) : t;
}

/** A heading as shown: no scene numbers, no Fountain dot. */
export function headingText(t: string): string {
  return stripSceneNumbers(t).replace(/^\.(?=\p{Lu})/u, '');
}

/** An upper-case scene heading ("12 INT. STATION - NIGHT 12", "THE BARN - DAY"). */
export function isHeading(t: string): boolean {
  const s = stripSceneNumbers(t);
  return isUpper(s) && (HEADING_START.test(s) || HEADING_TIME.test(` ${s}`));
}

export function isTransition(t: string): boolean {
  const s = stripSceneNumbers(t);
  return isUpper(s) && (TRANSITION.test(s) || /(?::|--)$/.test(s));
}

/** A line of camera talk ("CLOSE SHOT - MARTHA", "2 INSERT - THE TELEGRAM", "ANGLE ON THE DOOR"). */
export function isCameraLine(t: string): boolean {
  const s = stripSceneNumbers(t);
  return isUpper(s) && CAMERA.test(s);
}

/** The length of a leading camera direction in `text` ("ANGLE ON " in "ANGLE ON the door"), else 0. */
export function cameraPrefix(text: string): number {
  const m = CAMERA.exec(text);
  if (!m) return 0;
  // The direction runs on while the words stay in capitals ("CAMERA MOVES IN to …").
  const rest = /^(?:\s+[\p{Lu}][\p{Lu}.'’-]*(?=\s|$|[:,-]))*\s*(?:[-–—:]\s*)?/u.exec(text.slice(m[0].length));
  return m[0].length + (rest?.[0].length ?? 0);
}

export function isHeadingLike(t: string): boolean {
  return isHeading(t) || isTransition(t) || isCameraLine(t);
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

export function toLines(text: string): Line[] {
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
export function dropTitlePage(lines: Line[]): Line[] {
  let chars = 0;
  for (let i = 0; i < lines.length && i < 120; i++) {
    const t = stripSceneNumbers((lines[i] as Line).text);
    chars += t.length;
    if (chars > 3000) break;
    if (isUpper(t) && (isHeading(t) || /^(?:FADE IN|IN BLACK|OVER BLACK)/.test(t))) return lines.slice(i);
  }
  return lines;
}

const FOOTER = /^(?:writers?|genres?)\s*:|^user comments$|^back to imsdb$/i;
/** How far from the end a site footer or a closing "THE END" may sit. */
const TAIL_LINES = 60;

/**
 * Drop what follows the script: everything after a closing "THE END", and a site footer pasted
 * with the text ("Writers : …", "Genres : …", "User Comments", "Back to IMSDb") with the title
 * line above it.
 */
export function dropFooter(lines: Line[]): Line[] {
  let theEnd = -1;
  let footer = -1;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - TAIL_LINES); i--) {
    const t = (lines[i] as Line).text;
    if (FOOTER.test(t)) footer = i;
    else if (theEnd < 0 && /^(?:THE END|END)\.?$/.test(t)) theEnd = i;
  }
  if (theEnd >= 0) return lines.slice(0, theEnd + 1);
  if (footer < 0) return lines;
  let end = footer;
  while (end > 0 && !(lines[end - 1] as Line).text) end--;
  // The film's title sits just above the footer, on a line of its own.
  const above = lines[end - 1];
  if (above && (end < 2 || !(lines[end - 2] as Line).text) && above.text.split(' ').length <= 8) end--;
  return lines.slice(0, end);
}
