/**
 * A fake IMSDb in the real site's markup (../shared/contracts/imsdb): script pages at
 * `/scripts/<Title-With-Hyphens>.html` (windows-1252, `<td class="scrtext"><pre>`, `<b>` cues),
 * detail pages at `/Movie Scripts/<Title> Script.html` linking `Read "<Title>" Script`, and
 * `POST /search.php` (form field `search_query`) answering `<h1>Search results for '…'</h1>` and
 * one `<p><a href="/Movie Scripts/…">` per hit. The sidebar carries `/Movie Scripts/` links too,
 * as the real one does, so a careless parser picks the wrong film.
 *
 * The screenplay text in test/fixtures/imsdb/ is our own, written for the tests.
 * Built in: Inception (a normal script), "Dream Heist: Part One" (reachable only through the
 * search: its script file has another name), "Heist Night" (the same, and its guessed URL answers
 * 200 with an empty script), "Untitled Project" (an empty page), "Huge Script" (a 5 MB page),
 * "Maintenance Mode" (a JSON answer, not HTML). Anything else is a 404. FakeImsdbOtherHost
 * stands for the site's other host name, redirecting every request to this one.
 */
import { readFileSync } from 'node:fs';
import { fold, matchesQuery } from '../fixtures/world.js';
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';

const FIXTURES = new URL('../fixtures/imsdb/', import.meta.url);

export interface FakeScript {
  title: string;
  /** File name under /scripts/. */
  file: string;
  /** The whole answer for the script URL. */
  page: () => FakeResponse;
}

/** Real IMSDb sends `text/html` and declares the charset in a <meta> tag only. */
const HTML = { 'content-type': 'text/html' };

export function fixturePage(name: string): Buffer {
  return readFileSync(new URL(name, FIXTURES));
}

/** A page in IMSDb's frame around `pre`, encoded as windows-1252 (ASCII text here). */
export function scriptPage(title: string, pre: string): string {
  return `<html>
<head><title>${title} Script at IMSDb.</title>
<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">
</head>
<body topmargin="0" bottommargin="0" id="mainbody">
${sidebar()}
<td valign="top">
<br> <table width="100%"><tr><td class="scrtext">

<pre>${pre}</pre><br>
<table width="85%" border="0" align="center" cellpadding="5" cellspacing="0" class="body">
  <tr><td><h1>${title}</h1><br><br><b>Writers</b> : &nbsp;&nbsp;<a href="/writer.php?w=Reelbot Tests">Reelbot Tests</a>
</table>
</table>
</body>
</html>
`;
}

function sidebar(): string {
  return `<table width="99%" border="0" cellspacing="0" cellpadding="0" class="body">
  <tr>
    <td width="180" valign="top">
<table class=body border=0 cellspacing=0 cellpadding=2 width="100%">
<tr><td colspan="2" class=heading>Search IMSDb<tr>
<form method="post" action="/search.php">
  <td width="180"><div align="center"><input type="text" name="search_query" maxlength="255" size="15">
  <input type="submit" value="Go!" name="submit"></div></td>
</form>
</table>
<br>
<table width="100%" border=0 cellpadding=2 cellspacing=0 class=body>
<tr><td colspan=3 class=heading>Latest Comments
<tr><td><a href="/Movie Scripts/Heat Script.html">Heat<td>9/10<tr>
<td><a href="/Movie Scripts/Inception Script.html">Inception<td>10/10<tr>
</table>
<td width="10"></td>`;
}

function detailPage(s: FakeScript): string {
  return `<html><head><title>${s.title} Script at IMSDb.</title></head>
<body>
${sidebar()}
<td valign="top">
<table class="script-details" width="100%" border="0" cellpadding="2" cellspacing="0">
<tr><td colspan="2"><h1>${s.title} Script</h1></td></tr>
<tr><td><b>IMSDb opinion</b></td><td>None available</td></tr>
<tr><td colspan="2"><a href="/scripts/${s.file}">Read "${s.title}" Script</a></td></tr>
</table>
</body></html>`;
}

function searchPage(query: string, hits: FakeScript[]): string {
  const rows = hits
    .map(
      (s) =>
        `<p><a href="/Movie Scripts/${s.title} Script.html" title="${s.title} Script">${s.title}</a> (2010-03) Written by Reelbot Tests<br></p>`,
    )
    .join('\n');
  return `<html><head><title>Search IMSDb</title></head>
<body>
${sidebar()}
<td valign="top">
<br><h1>Search results for '${query}'</h1>
${rows}
<script type="text/javascript" src="/a/a_imsdb_rec_goo.js"></script>
</td>
</table>
</body></html>`;
}

/** About `bytes` of script page, generated line by line. */
export function hugePage(bytes: number): Buffer {
  const line = '          We keep talking and the page keeps growing, line after line.\n';
  const pre = line.repeat(Math.ceil(bytes / line.length));
  return Buffer.from(scriptPage('Huge Script', pre), 'latin1');
}

export class FakeImsdb extends FakeHttp {
  readonly scripts: FakeScript[] = [
    {
      title: 'Inception',
      file: 'Inception.html',
      page: () => ({ status: 200, raw: fixturePage('inception.html'), headers: HTML }),
    },
    {
      title: 'Dream Heist: Part One',
      file: 'Dream-Heist-Part-One-first-draft.html',
      page: () => ({ status: 200, raw: fixturePage('inception.html'), headers: HTML }),
    },
    {
      title: 'Heist Night',
      file: 'Heist-Night-shooting-draft.html',
      page: () => ({ status: 200, raw: fixturePage('inception.html'), headers: HTML }),
    },
    {
      title: 'Untitled Project',
      file: 'Untitled-Project.html',
      page: () => ({ status: 200, raw: fixturePage('empty-script.html'), headers: HTML }),
    },
    {
      title: 'Huge Script',
      file: 'Huge-Script.html',
      page: () => ({ status: 200, raw: hugePage(5 * 1024 * 1024), headers: HTML }),
    },
    {
      title: 'Maintenance Mode',
      file: 'Maintenance-Mode.html',
      page: () => ({
        status: 200,
        raw: JSON.stringify({ error: 'down for maintenance' }),
        headers: { 'content-type': 'application/json' },
      }),
    },
  ];

  /**
   * Script URLs answered 200 with the site's frame around an empty script, not 404: "a page with
   * under ~500 characters of script means no script" (../shared/contracts/imsdb/README.md).
   */
  readonly placeholders: string[] = ['Heist-Night.html'];

  constructor() {
    super();
    this.route('GET', '/scripts/:file', (req) => this.script(req));
    this.route('GET', '/Movie Scripts/:file', (req) => this.detail(req));
    this.route('POST', '/search.php', (req) => this.search(req));
    // What fetch makes of the form POST after a 301/302: a GET without the form. The real page
    // for that is not recorded; here it is a search for nothing.
    this.route('GET', '/search.php', () => ({ status: 200, raw: searchPage('', []), headers: HTML }));
  }

  /** Calls for script pages (not search or detail pages). */
  scriptFetches(): number {
    return this.callsTo('GET', '/scripts/*').length;
  }

  private script(req: FakeRequest): FakeResponse {
    const file = req.params.file ?? '';
    const s = this.scripts.find((x) => x.file === file);
    if (s) return s.page();
    if (!this.placeholders.includes(file)) return notFound();
    const title = file.replace(/\.html$/, '').replace(/-/g, ' ');
    return { status: 200, raw: scriptPage(title, '\n\n'), headers: HTML };
  }

  private detail(req: FakeRequest): FakeResponse {
    const title = (req.params.file ?? '').replace(/ Script\.html$/, '');
    const s = this.scripts.find((x) => x.title === title);
    return s ? { status: 200, raw: detailPage(s), headers: HTML } : notFound();
  }

  private search(req: FakeRequest): FakeResponse {
    const body = req.body as Record<string, string>;
    const query = String(body.search_query ?? '');
    const hits = query
      ? this.scripts.filter((s) => matchesQuery(s.title, query) || fold(s.title) === fold(query))
      : [];
    return { status: 200, raw: searchPage(query, hits), headers: HTML };
  }
}

function notFound(): FakeResponse {
  return {
    status: 404,
    raw: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>',
    headers: HTML,
  };
}

export async function startFakeImsdb(): Promise<FakeImsdb> {
  return new FakeImsdb().start();
}

/**
 * The site's other host name (imsdb.com and www.imsdb.com; the recorded page links every logo to
 * https://www.imsdb.com, ../shared/contracts/imsdb/imsdb-zootopia-excerpt.html): every request is
 * answered 301 with the same path on `site`.
 */
export class FakeImsdbOtherHost extends FakeHttp {
  constructor(private readonly site: FakeImsdb) {
    super();
    const moved = (req: FakeRequest): FakeResponse => ({
      status: 301,
      raw: '',
      headers: { ...HTML, location: `${this.site.url}${encodeURI(req.path)}` },
    });
    for (const path of ['/', '/scripts/:file', '/Movie Scripts/:file', '/search.php']) {
      this.route('GET', path, moved);
      this.route('POST', path, moved);
    }
  }
}

export async function startFakeImsdbOtherHost(site: FakeImsdb): Promise<FakeImsdbOtherHost> {
  return new FakeImsdbOtherHost(site).start();
}
