/**
 * The client-credentials access token Spotify's API wants as a Bearer. One token serves every
 * search until a minute before it expires; concurrent callers share one token request; a 401
 * from the API drops it so the next call fetches a fresh one.
 */
import { UpstreamError, isUpstreamError } from '../../../src/core/errors.js';
import type { HttpClient } from '../../http-client/http-client.js';
import { tokenResponse } from './schemas.js';

/** Refresh this long before Spotify says the token expires, so no request races the expiry. */
const EARLY_MS = 60_000;

export class SpotifyToken {
  private token: string | undefined;
  private expiresAt = 0;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly accounts: HttpClient,
    private readonly basicAuth: string,
  ) {}

  async get(signal: AbortSignal): Promise<string> {
    if (this.token && Date.now() < this.expiresAt) return this.token;
    this.pending ??= this.fetch(signal).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** The API refused `token`: forget it, unless a newer one has replaced it already. */
  invalidate(token: string): void {
    if (this.token === token) {
      this.token = undefined;
      this.expiresAt = 0;
    }
  }

  private async fetch(signal: AbortSignal): Promise<string> {
    let body;
    try {
      body = await this.accounts.json({
        method: 'POST',
        path: '/api/token',
        // A new token each time is harmless.
        idempotent: true,
        headers: { authorization: `Basic ${this.basicAuth}` },
        form: { grant_type: 'client_credentials' },
        schema: tokenResponse,
        signal,
      });
    } catch (e) {
      // Spotify answers a wrong client id or secret with 400 invalid_client: that is an auth failure.
      if (isUpstreamError(e) && e.status === 400 && e.detail?.includes('invalid_client')) {
        throw new UpstreamError(e.service, 'auth', e.message, {
          status: 400,
          ...(e.detail !== undefined && { detail: e.detail }),
          cause: e,
        });
      }
      throw e;
    }
    this.token = body.access_token;
    this.expiresAt = Date.now() + Math.max(0, body.expires_in * 1000 - EARLY_MS);
    return body.access_token;
  }
}
