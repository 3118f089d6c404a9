/**
 * Reading IMSDb's three kinds of page, and where they live:
 * - script: `/scripts/<Title-With-Hyphens>.html`, articles moved to the end (`Matrix,-The.html`);
 *   the text is inside `<td class="scrtext"><pre>`, with `<b>` around headings and cues;
 * - search: POST `/search.php` with `search_query`; results are `<p><a href="/Movie Scripts/<Title>
 *   Script.html">` after an `<h1>Search results for '…'</h1>`;
 * - detail: `/Movie Scripts/<Title> Script.html`, linking to the script as `Read "<Title>" Script`.
 */
import * as cheerio from 'cheerio';
import { normalizeTitle } from '../../src/core/media/title-similarity.js';

/** "The Matrix" → "/scripts/Matrix,-The.html"; "Star Wars: A New Hope" → "/scripts/Star-Wars-A-New-Hope.html". */
export function scriptPath(title: string): string {
  let t = title.trim().replace(/\s+/g, ' ');
  const article = /^(the|a|an) (.+)$/i.exec(t);
  if (article) t = `${article[2]}, ${capitalise(article[1] ?? '')}`;
  t = t
    .replace(/[:?!."*<>|\\/#%]/g, '')
    .replace(/ - /g, ' ')
    .trim()
    .replace(/ /g, '-');
  return `/scripts/${t}.html`;
}

/** The screenplay text of a script page, or undefined when the page has no script block. */
export function scriptText(html: string): string | undefined {
  const $ = cheerio.load(html);
  const pre = $('td.scrtext pre').first();
  if (pre.length === 0) return undefined;
  return pre.text();
}

export interface SearchHit {
  title: string;
  /** `/Movie Scripts/<Title> Script.html` */
  href: string;
}

/** Script entries of a search results page, in the site's order. */
export function searchHits(html: string): SearchHit[] {
  const $ = cheerio.load(html);
  const heading = $('h1').filter((_, el) => /search results/i.test($(el).text()));
  const links = heading.length > 0 ? heading.first().parent().find('p a[href]') : $('p a[href]');
  const hits: SearchHit[] = [];
  links.each((_, el) => {
    const href = $(el).attr('href') ?? '';
    if (/^\/Movie Scripts\/.+\.html$/i.test(href)) hits.push({ title: $(el).text().trim(), href });
  });
  return hits;
}

/** The script link on a detail page (`/scripts/….html`), or undefined when it has none. */
export function detailScriptLink(html: string): string | undefined {
  const $ = cheerio.load(html);
  const links = $('a[href]')
    .map((_, el) => $(el).attr('href') ?? '')
    .get()
    .map((href) => href.replace(/^https?:\/\/(?:www\.)?imsdb\.com/i, ''));
  return links.find((href) => /^\/scripts\/.+\.html$/i.test(href));
}

/** Compare titles the way the site lists them: "Matrix, The" is "The Matrix". */
export function sameTitle(a: string, b: string): boolean {
  return normalizeTitle(a) === normalizeTitle(b);
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}
