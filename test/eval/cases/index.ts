/** Every labelled case: the first 125 written before any tuning, then the held-out ones (held-out.ts). */
import type { EvalCase } from '../case.js';
import { accentsTypos } from './accents-typos.js';
import { exactAhead } from './exact-ahead.js';
import { heldOut } from './held-out.js';
import { kinds } from './kinds.js';
import { musicVsFilm } from './music-vs-film.js';
import { nothingThere } from './nothing-there.js';
import { numbersPunctuation } from './numbers-punctuation.js';
import { originalLanguage } from './original-language.js';
import { years } from './years.js';

export const CASES: readonly EvalCase[] = [
  ...originalLanguage,
  ...years,
  ...exactAhead,
  ...musicVsFilm,
  ...numbersPunctuation,
  ...accentsTypos,
  ...kinds,
  ...nothingThere,
  ...heldOut,
];
