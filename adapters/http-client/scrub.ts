/**
 * pino redacts fields, not the inside of strings: a key in a URL inside an error message
 * leaks. Everything that builds a message from a URL or an upstream body goes through here.
 */

const KEY_PARAMS =
  /([?&](?:api_?key|apikey|token|access_token|auth_key|key|password|client_secret)=)[^&#\s"']*/gi;
const BOT_PATH = /\/bot\d+:[A-Za-z0-9_-]+/g;
/** `postgres://reelbot:pw@db/…`: the password part of a URL's user info. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*):[^\s/?#@]*@/gi;

/** Replace every known secret value, every key-like query parameter and every password in a URL. */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4) out = out.split(s).join('***');
  }
  return out.replace(KEY_PARAMS, '$1***').replace(BOT_PATH, '/bot***').replace(URL_PASSWORD, '$1:***@');
}

/** A URL fit for a log line: no query string at all, secrets masked in the path. */
export function describeUrl(url: URL, secrets: readonly string[] = []): string {
  return scrub(`${url.origin}${url.pathname}`, secrets);
}
