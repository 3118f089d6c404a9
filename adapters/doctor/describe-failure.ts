/**
 * An upstream failure → the doctor's words: what happened, and what to change. Never prints a
 * key: UpstreamError messages are already scrubbed, and URLs lose any user:password part.
 */
import { isUpstreamError } from '../../src/core/errors.js';
import type { DoctorCheck } from '../../src/core/admin/doctor.js';

export interface ServiceHelp {
  /** `Sonarr`, `TMDb`. */
  label: string;
  /** The address as configured (shown without credentials). */
  url: string;
  /** Variable holding the address, if the user set one: `SONARR_URL`. */
  urlVar?: string;
  /** What to do when the key is refused. */
  keyFix?: string;
  /** What to do when nothing answers (default: is it running? check urlVar). */
  downFix?: string;
}

/** `http://user:pw@nas:8989/sonarr/` → `http://nas:8989/sonarr`. */
export function showUrl(raw: string): string {
  try {
    const u = new URL(raw);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString().replace(/\/+$/, '');
  } catch {
    return '(not a URL)';
  }
}

export function failureCheck(name: string, e: unknown, help: ServiceHelp): DoctorCheck {
  const at = showUrl(help.url);
  const checkUrl = help.urlVar ? `check ${help.urlVar} (now ${at})` : `check that ${at} is reachable`;
  const down = help.downFix ?? `is ${help.label} running and reachable from this machine? ${checkUrl}`;
  if (!isUpstreamError(e))
    return { status: 'fail', name, detail: `unexpected error (${String(e)})`, fix: down };
  switch (e.failure) {
    case 'unavailable': {
      const code = /\(([A-Z_]+)\)/.exec(e.message)?.[1];
      return { status: 'fail', name, detail: `not reachable at ${at}${code ? ` (${code})` : ''}`, fix: down };
    }
    case 'timeout':
      return { status: 'fail', name, detail: `no answer from ${at} in time`, fix: down };
    case 'auth':
      return {
        status: 'fail',
        name,
        detail: `rejected the key (HTTP ${e.status ?? 401})`,
        fix: help.keyFix ?? `check the key for ${help.label}`,
      };
    case 'not_found':
    case 'bad_response':
      return {
        status: 'fail',
        name,
        detail: `${at} answers, but not as ${help.label}’s API (${e.status ? `HTTP ${e.status}` : e.failure.replace('_', ' ')})`,
        fix: help.urlVar
          ? `check ${help.urlVar}: the address you open in the browser, including any URL base`
          : `check the address of ${help.label}`,
      };
    case 'rate_limited':
      return {
        status: 'fail',
        name,
        detail: 'asked the bot to slow down (429)',
        fix: 'wait a minute and run the doctor again',
      };
    case 'server_error':
      return {
        status: 'fail',
        name,
        detail: `answered with an error (HTTP ${e.status ?? '5xx'})`,
        fix: `look at ${help.label}’s own logs`,
      };
    default:
      return { status: 'fail', name, detail: e.detail ?? e.failure, fix: `see ${help.label}’s answer above` };
  }
}

/** Run `probe` with a time limit; a check never throws. */
export async function timed<T>(
  timeoutMs: number,
  probe: (signal: AbortSignal) => Promise<T>,
): Promise<{ ok: true; value: T; ms: number } | { ok: false; error: unknown }> {
  const started = Date.now();
  try {
    const value = await probe(AbortSignal.timeout(timeoutMs));
    return { ok: true, value, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, error };
  }
}
