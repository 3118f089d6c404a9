/**
 * The parts of MusicBrainz ws/2 search answers (`fmt=json`) the catalog reads. Optional fields
 * are absent rather than null; `score` is an integer 0..100 today but was a string in older JSON
 * (about 2017), so it is coerced; `first-release-date` may be partial ("1997") or "".
 */
import { z } from 'zod';

const score = z.coerce.number().int().min(0).max(100);

/**
 * An artist's other names: earlier names, spellings, search hints ("Covenant" for The Kovenant,
 * live.release-group-search.in-times-before-the-light; "Man o' War" for Manowar,
 * live.artist-search.manowar). `locale`, `type` and `primary` are null when unset.
 */
const alias = z.object({
  name: z.string(),
  'sort-name': z.string().nullish(),
  locale: z.string().nullish(),
  type: z.string().nullish(),
});

export const artistRow = z.object({
  id: z.string(),
  score,
  name: z.string(),
  /** "Kovenant, The", "Shore, Howard": the name as it files. */
  'sort-name': z.string().nullish(),
  aliases: z.array(alias).nullish(),
  /** Person, Group, Orchestra, Choir, Character, Other. */
  type: z.string().nullish(),
  country: z.string().nullish(),
  disambiguation: z.string().nullish(),
});
export type MbArtistRow = z.infer<typeof artistRow>;

export const artistSearch = z.object({
  artists: z.array(artistRow),
});

const artistCredit = z.object({
  /** The name as credited on this release group; absent when it is the artist's own name. */
  name: z.string().nullish(),
  joinphrase: z.string().nullish(),
  artist: z.object({
    id: z.string(),
    name: z.string(),
    'sort-name': z.string().nullish(),
    disambiguation: z.string().nullish(),
    aliases: z.array(alias).nullish(),
  }),
});

export const releaseGroupRow = z.object({
  id: z.string(),
  score,
  title: z.string(),
  /** Album, Single, EP, Broadcast, Other. */
  'primary-type': z.string().nullish(),
  /** Soundtrack, Compilation, Live, Remix … */
  'secondary-types': z.array(z.string()).nullish(),
  'first-release-date': z.string().nullish(),
  'artist-credit': z.array(artistCredit).nullish(),
  /** Number of releases (editions) in the group. */
  count: z.number().int().nullish(),
  releases: z.array(z.object({ id: z.string() })).nullish(),
});
export type MbReleaseGroupRow = z.infer<typeof releaseGroupRow>;

export const releaseGroupSearch = z.object({
  'release-groups': z.array(releaseGroupRow),
});

/** The same answer with its total: `count` rows matched, of which at most `limit` came from `offset`. */
export const countedReleaseGroupSearch = releaseGroupSearch.extend({
  count: z.number().int(),
  offset: z.number().int().nullish(),
});
export type MbCountedReleaseGroupSearch = z.infer<typeof countedReleaseGroupSearch>;
