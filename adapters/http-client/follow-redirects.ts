/**
 * Redirects, followed by hand. fetch's own `redirect: 'follow'` keeps custom headers such as
 * `X-Api-Key` on a redirect to another host (the Fetch standard strips only `Authorization`), so an
 * SSO proxy in front of Sonarr that redirects to its login host would receive the key. Here a
 * redirect to another origin is followed only by a client that sends no credentials (IMSDb's
 * `imsdb.com` → `www.imsdb.com`); one that does gets a clear refusal instead.
 */
import { UpstreamError } from '../../src/core/errors.js';

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 5;

export interface RedirectPolicy {
  service: string;
  /** The client sends a key or token: never follow it to another origin. */
  withCredentials: boolean;
  /** `GET https://host/path`, for messages. */
  where: string;
  /**
   * Keep a POST a POST across 301 and 302 (IMSDb's search form between imsdb.com and
   * www.imsdb.com), instead of the Fetch standard's switch to a bodiless GET.
   */
  keepPostOnRedirect?: boolean;
}

export async function fetchFollowingRedirects(
  doFetch: typeof fetch,
  url: URL,
  init: RequestInit & { headers: Record<string, string> },
  policy: RedirectPolicy,
): Promise<Response> {
  let current = url;
  let { method, body } = init;
  let headers = init.headers;
  for (let hop = 0; ; hop++) {
    const res = await doFetch(current, { ...init, method, body, headers, redirect: 'manual' });
    const location = res.headers.get('location');
    if (!REDIRECTS.has(res.status) || !location) return res;
    await res.body?.cancel().catch(() => undefined);
    const next = new URL(location, current);
    if (next.origin !== current.origin && policy.withCredentials) {
      const detail = `it answered with a redirect to another address (${next.host}), perhaps a login page in front of it; point the URL at the app itself`;
      throw new UpstreamError(policy.service, 'rejected', `${policy.service}: ${policy.where} ${detail}`, {
        status: res.status,
        detail,
      });
    }
    if (hop >= MAX_HOPS)
      throw new UpstreamError(
        policy.service,
        'bad_response',
        `${policy.service}: ${policy.where} redirects in a loop`,
      );
    // The Fetch standard's rule (HTTP-redirect fetch, step 12): 303, and 301/302 after a POST,
    // continue as a GET without a body.
    const toGet =
      (res.status === 301 || res.status === 302) && method === 'POST' && !policy.keepPostOnRedirect;
    if (res.status === 303 || toGet) {
      method = 'GET';
      body = undefined;
      const { 'content-type': _dropped, ...rest } = headers;
      headers = rest;
    }
    current = next;
  }
}
