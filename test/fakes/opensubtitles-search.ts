/**
 * The fake OpenSubtitles' GET /subtitles, after the official API reference: every parameter is a
 * filter (imdb_id/tmdb_id of a film or episode, parent_imdb_id/parent_tmdb_id with season_number and
 * episode_number for a series, query + year, type, languages), machine translations are left out
 * unless asked for, AI translations are in unless excluded. A request whose parameters are not
 * sorted, not in lower case, carry default values or ids with leading zeros is answered with a
 * redirect to the canonical URL first ("Avoid http redirection by sending request parameters
 * sorted and without default values, and send all queries in lowercase").
 */
import type { FakeRequest, FakeResponse } from './fake-http.js';
import type { FakeSubtitle } from './opensubtitles-catalog.js';

const DEFAULTS: Record<string, string> = {
  ai_translated: 'include',
  machine_translated: 'exclude',
  hearing_impaired: 'include',
  foreign_parts_only: 'include',
  trusted_sources: 'include',
  moviehash_match: 'include',
  type: 'all',
  page: '1',
};

export function searchSubtitles(req: FakeRequest, subs: readonly FakeSubtitle[]): FakeResponse {
  const canonical = canonicalQuery(req.query);
  if (canonical !== new URLSearchParams(req.query).toString()) {
    return { status: 301, raw: '', headers: { location: `/api/v1/subtitles?${canonical}` } };
  }
  const hits = subs.filter((s) => matches(s, req.query));
  return {
    status: 200,
    body: {
      total_pages: hits.length > 0 ? 1 : 0,
      total_count: hits.length,
      per_page: 50,
      page: 1,
      data: hits.map(item),
    },
  };
}

function canonicalQuery(query: Record<string, string>): string {
  const out = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    let value = (query[key] as string).toLowerCase();
    if (DEFAULTS[key] === value) continue;
    if (key.endsWith('_id')) value = value.replace(/^tt/, '').replace(/^0+(?=\d)/, '');
    out.set(key, value);
  }
  return out.toString();
}

function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function matches(s: FakeSubtitle, q: Record<string, string>): boolean {
  const f = s.feature;
  const num = (k: string) => (q[k] === undefined ? undefined : Number(q[k]));
  const checks: [number | undefined, number | undefined][] = [
    [num('imdb_id'), f.imdbId],
    [num('tmdb_id'), f.tmdbId],
    [num('parent_imdb_id'), f.parent?.imdbId],
    [num('parent_tmdb_id'), f.parent?.tmdbId],
    [num('season_number'), f.season],
    [num('episode_number'), f.episode],
    [num('year'), f.year],
  ];
  if (checks.some(([asked, has]) => asked !== undefined && asked !== has)) return false;
  if (q.type === 'movie' && f.type !== 'Movie') return false;
  if (q.type === 'episode' && f.type !== 'Episode') return false;
  if (q.languages && !q.languages.split(',').includes(s.language.toLowerCase())) return false;
  if (q.machine_translated !== 'include' && s.machineTranslated) return false;
  if (q.ai_translated === 'exclude' && s.aiTranslated) return false;
  if (q.hearing_impaired === 'exclude' && s.hearingImpaired) return false;
  if (q.query !== undefined) {
    // query_match "start" (the default, reference GET /features): the title starts with the words.
    const words = fold(q.query);
    const titles = [f.title, f.parent?.title ?? ''].map(fold);
    if (!titles.some((t) => t.startsWith(words)) && !fold(s.release).includes(words)) return false;
  }
  return true;
}

/** One row as in the reference's example answer, nulls where real rows carry them. */
function item(s: FakeSubtitle): unknown {
  const f = s.feature;
  const details: Record<string, unknown> = {
    feature_id: f.featureId,
    feature_type: f.type,
    year: f.year,
    title: f.title,
    movie_name: f.parent
      ? `${f.parent.title} - S0${f.season}E0${f.episode}  ${f.title}`
      : `${f.year} - ${f.title}`,
    imdb_id: f.imdbId,
    tmdb_id: f.tmdbId,
  };
  if (f.parent) {
    Object.assign(details, {
      season_number: f.season,
      episode_number: f.episode,
      parent_imdb_id: f.parent.imdbId,
      parent_title: f.parent.title,
      parent_tmdb_id: f.parent.tmdbId,
      parent_feature_id: f.parent.featureId,
    });
  }
  return {
    id: s.subtitleId,
    type: 'subtitle',
    attributes: {
      subtitle_id: s.subtitleId,
      language: s.language,
      download_count: s.downloads,
      new_download_count: Math.floor(s.downloads / 100),
      hearing_impaired: Boolean(s.hearingImpaired),
      hd: false,
      fps: 23.976,
      votes: 0,
      ratings: 0,
      from_trusted: false,
      foreign_parts_only: Boolean(s.foreignPartsOnly),
      upload_date: '2024-07-26T05:23:48Z',
      ai_translated: Boolean(s.aiTranslated),
      nb_cd: 1,
      slug: s.release.toLowerCase().replace(/\W+/g, '-'),
      machine_translated: Boolean(s.machineTranslated),
      release: s.release,
      comments: null,
      legacy_subtitle_id: Number(s.subtitleId),
      legacy_uploader_id: 0,
      uploader: { uploader_id: null, name: 'Anonymous', rank: 'anonymous' },
      feature_details: details,
      url: `https://www.opensubtitles.com/en/subtitles/${s.subtitleId}`,
      related_links: [],
      files: [{ file_id: s.fileId, cd_number: 1, file_name: s.fileName }],
    },
  };
}
