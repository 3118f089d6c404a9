/**
 * Overseerr: is it there and is the key right (`GET /auth/me`, the user the key acts as), and
 * does every OVERSEERR_USER_MAP entry name a user it has (`GET /user/{id}`). An entry naming no
 * user makes each request of that person fail with the same 403 as a wrong key
 * (sct/overseerr server/middleware/auth.ts), so it gets its own line.
 */
import type { ArrEnv } from '../../src/config/arr-env.js';
import type { DoctorCheck } from '../../src/core/admin/doctor.js';
import { isUpstreamError } from '../../src/core/errors.js';
import { userSchema } from '../arr/overseerr/schemas.js';
import { HttpClient } from '../http-client/http-client.js';
import { failureCheck, timed } from './describe-failure.js';

export async function checkOverseerr(a: ArrEnv, timeoutMs: number): Promise<DoctorCheck[]> {
  const url = a.OVERSEERR_URL;
  const apiKey = a.OVERSEERR_API_KEY;
  if (!url || !apiKey) return [];
  const http = new HttpClient({
    service: 'overseerr',
    baseUrl: url.replace(/\/+$/, '') + '/api/v1',
    headers: { 'X-Api-Key': apiKey },
    secrets: [apiKey],
    timeoutMs,
    retries: 0,
  });
  const help = {
    label: 'Overseerr',
    url,
    urlVar: 'OVERSEERR_URL',
    keyFix: 'copy the key again from Overseerr → Settings → General → API Key into OVERSEERR_API_KEY',
  };
  const user = (path: string) =>
    timed(timeoutMs, (signal) => http.json({ path, schema: userSchema, signal }));
  const me = await user('/auth/me');
  if (!me.ok) return [failureCheck('Overseerr', me.error, help)];
  const out: DoctorCheck[] = [
    {
      status: 'ok',
      name: 'Overseerr',
      detail: `reachable, key accepted; movies and shows go through it (as ${nameOf(me.value)} for anyone not in OVERSEERR_USER_MAP)`,
    },
  ];
  const entries = Object.entries(a.OVERSEERR_USER_MAP);
  const answers = await Promise.all(entries.map(([, id]) => user(`/user/${id}`)));
  entries.forEach(([chatUser, id], i) => {
    const r = answers[i] as Awaited<ReturnType<typeof user>>;
    const name = `Overseerr user for ${chatUser}`;
    if (r.ok) out.push({ status: 'ok', name, detail: `Overseerr user ${id} (${nameOf(r.value)})` });
    else if (isUpstreamError(r.error) && r.error.failure === 'not_found')
      out.push({
        status: 'fail',
        name,
        detail: `Overseerr has no user ${id}, so ${chatUser}'s requests are refused`,
        fix: `fix ${chatUser}=${id} in OVERSEERR_USER_MAP: the id is the number in the address of the user's page in Overseerr → Users (…/users/5)`,
      });
    else out.push(failureCheck(name, r.error, help));
  });
  return out;
}

function nameOf(u: { id: number; displayName?: string | undefined }): string {
  return u.displayName ? `${u.displayName}, id ${u.id}` : `user ${u.id}`;
}
