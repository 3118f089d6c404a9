import type { HttpClientOptions } from './http-options.js';

/**
 * `http://user:pass@nas/sonarr`, as people write it for an app behind a reverse proxy with Basic
 * auth: fetch refuses a URL with credentials, so they become an Authorization header (and secrets
 * that no message may show), and the URL loses them.
 */
export function withBasicAuth(opts: HttpClientOptions): HttpClientOptions {
  let url: URL;
  try {
    url = new URL(opts.baseUrl);
  } catch {
    return opts;
  }
  if (!url.username && !url.password) return opts;
  const encoded = url.password;
  const password = decodeURIComponent(encoded);
  const basic = Buffer.from(`${decodeURIComponent(url.username)}:${password}`).toString('base64');
  url.username = '';
  url.password = '';
  return {
    ...opts,
    baseUrl: url.toString(),
    headers: { authorization: `Basic ${basic}`, ...opts.headers },
    secrets: [...(opts.secrets ?? []), basic, ...(password ? [password, encoded] : [])],
  };
}
