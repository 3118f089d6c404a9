/**
 * Character names and screenplay capitals. A name is known from the cues ("ROSE"), from an
 * introduction in an action line ("DETECTIVE STERN (40s)"), and from being written with a capital
 * inside a sentence ("Ask Bill at the garage"). A cue word that is also a common word is a name
 * only on such evidence: "WOMAN ON BUS" and "OLD MAN" describe someone and name nobody.
 *
 * Screenplays also write a character's first appearance, sounds and key props in capitals
 * ("COBB spins the TOP. BANG!"), which taggers read as proper nouns. Before tagging, capitals are
 * rewritten: known words in lower case ("top"), names and unknown words in Title Case.
 */

/** Titles and family words before a name: the word after them is the name ("Detective Stern"). */
export const HONORIFICS = new Set(
  (
    'mr mrs ms miss mister missus dr doc detective det officer captain capt agent sergeant sgt ' +
    'lieutenant lt chief uncle aunt auntie professor prof father sister brother judge senator ' +
    'general colonel major nurse doctor sir lady lord king queen prince princess madame monsieur ' +
    'coach pastor reverend rev grandma grandpa granny mayor governor president inspector ' +
    'constable deputy sheriff marshal private corporal admiral commander dame count baron'
  ).split(' '),
);

export interface NameSources {
  /** Cue names as the parser found them ("YOUNG JUDY", "WOMAN ON BUS"). */
  characters: readonly string[];
  /** Names introduced with an age in action lines ("DETECTIVE STERN"). */
  introduced: readonly string[];
  /** The script's prose, before capitals were rewritten. */
  texts: readonly string[];
  /** Whether a word is in the word lists. */
  isListed: (word: string) => boolean;
}

/** Lower-case words that name someone in this script. */
export function nameWords(src: NameSources): Set<string> {
  const inSentences = titleCaseInside(src.texts);
  const introduced = new Set(src.introduced.flatMap(words));
  const out = new Set<string>();
  for (const name of [...src.characters, ...src.introduced]) {
    const ws = words(name);
    ws.forEach((w, k) => {
      if (HONORIFICS.has(w) && ws.length > 1) return;
      const afterTitle = k > 0 && HONORIFICS.has(ws[k - 1] as string);
      const alone = ws.length === 1 && introduced.has(w);
      if (afterTitle || alone || !src.isListed(w) || inSentences.has(w)) out.add(w);
    });
  }
  return out;
}

function words(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s/&,.]+/)
    .filter((w) => /^[\p{L}'’-]{2,}$/u.test(w))
    .map((w) => w.replace(/['’]s$/, ''));
}

/** Words written in Title Case after another word of the same sentence ("Aunt Rose", "Thanks, Frank"). */
function titleCaseInside(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  const re = /[\p{L},;] (\p{Lu}\p{Ll}+)/gu;
  for (const t of texts) for (const m of t.matchAll(re)) out.add((m[1] as string).toLowerCase());
  return out;
}

const CAPS_WORD = /\b\p{Lu}[\p{Lu}'’-]*\p{Lu}\b/gu;

/**
 * Rewrite words of two or more capitals: names and unknown words → Title Case, known words →
 * lower case. "I" and one-letter words are left alone.
 */
export function normaliseCaps(
  text: string,
  isName: (w: string) => boolean,
  isKnown: (w: string) => boolean,
): string {
  if (!/\p{Lu}{2}/u.test(text)) return text;
  return text.replace(CAPS_WORD, (word) => {
    const lower = word.toLowerCase();
    if (!isName(lower) && isKnown(lower)) return lower;
    return word[0] + lower.slice(1);
  });
}
