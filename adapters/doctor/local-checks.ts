/**
 * What the doctor checks on this machine and in the config itself: the data folder and files,
 * the shipped word lists, the script site, and who may use the bot.
 */
import { constants } from 'node:fs';
import { access, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../src/config.js';
import type { DoctorCheck } from '../../src/core/admin/doctor.js';
import { isUpstreamError } from '../../src/core/errors.js';
import { HttpClient } from '../http-client/http-client.js';
import { lockHolder } from '../store/instance-lock.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { CEFRJ_FILE, DEFAULT_CEFR_DIR, OCTANOVE_FILE } from '../vocab/cefr-lexicon.js';
import { failureCheck, timed } from './describe-failure.js';

export async function checkDataDir(dataDir: string): Promise<DoctorCheck[]> {
  const name = `data folder ${dataDir}`;
  const probe = join(dataDir, `.doctor-${process.pid}.tmp`);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return [
      {
        status: 'fail',
        name,
        detail: `not writable (${code})`,
        fix: 'create it with write access for the user the bot runs as, or set DATA_DIR to such a folder',
      },
    ];
  }
  const out: DoctorCheck[] = [{ status: 'ok', name, detail: 'writable' }];
  out.push(await checkRequestsFile(join(dataDir, 'requests.json')));
  const holder = lockHolder(dataDir);
  if (holder)
    out.push({
      status: 'info',
      name: 'reelbot',
      detail: `running (pid ${holder.pid ?? 'unknown'}${holder.host ? ` on ${holder.host}` : ''}) on this data folder`,
      fix: 'admin commands that change requests go through it (chat, or the HTTP API) rather than the files',
    });
  return out;
}

async function checkRequestsFile(path: string): Promise<DoctorCheck> {
  const name = 'requests.json';
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { status: 'info', name, detail: 'none yet (created by the first request)' };
  }
  let data: { version?: unknown; requests?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return {
      status: 'fail',
      name,
      detail: 'not valid JSON',
      fix: 'restore it from a backup; otherwise reelbot keeps it aside at start (requests.json.corrupt-…) and begins empty',
    };
  }
  const version = typeof data.version === 'number' ? data.version : 1;
  const count = Array.isArray(data.requests) ? data.requests.length : 0;
  if (version > SCHEMA_VERSION)
    return {
      status: 'fail',
      name,
      detail: `written by a newer reelbot (schema ${version}; this one reads up to ${SCHEMA_VERSION})`,
      fix: 'upgrade reelbot (see "Upgrading" in README.md)',
    };
  const upgrade = version < SCHEMA_VERSION ? `; upgraded to schema ${SCHEMA_VERSION} at the next start` : '';
  return { status: 'ok', name, detail: `${count} request(s), schema ${version}${upgrade}` };
}

export async function checkWordLists(dir = DEFAULT_CEFR_DIR): Promise<DoctorCheck> {
  const missing: string[] = [];
  for (const file of [CEFRJ_FILE, OCTANOVE_FILE]) {
    try {
      await access(join(dir, file), constants.R_OK);
      if ((await stat(join(dir, file))).size === 0) missing.push(`${file} (empty)`);
    } catch {
      missing.push(file);
    }
  }
  return missing.length === 0
    ? { status: 'ok', name: 'word lists', detail: `CEFR-J and Octanove lists present in ${dir}` }
    : {
        status: 'fail',
        name: 'word lists',
        detail: `missing in ${dir}: ${missing.join(', ')}`,
        fix: 'restore them from the repository (`git checkout -- data/cefr`); vocab needs them',
      };
}

/** Any HTTP answer means the site is there; only silence is a problem. */
export async function checkScriptSite(config: Config, timeoutMs: number): Promise<DoctorCheck> {
  const base = config.vocab.IMSDB_BASE_URL;
  const http = new HttpClient({ service: 'imsdb', baseUrl: base, timeoutMs, retries: 0 });
  const r = await timed(timeoutMs, (signal) => http.bytes({ path: '/', maxBytes: 2_000_000, signal }));
  const answered = r.ok || (isUpstreamError(r.error) && r.error.status !== undefined);
  if (answered) return { status: 'ok', name: 'IMSDb', detail: 'reachable' };
  return failureCheck('IMSDb', r.ok ? undefined : r.error, {
    label: 'IMSDb',
    url: base,
    downFix:
      'check the network (vocab fetches film scripts from IMSDb; a subtitle file sent to the bot works without it)',
  });
}

/**
 * Translation: which translator the vocabulary side will use (DeepL first, then
 * LibreTranslate), from the config alone; the doctor does not spend translation quota on a probe.
 */
export function vocabServices(config: Config): DoctorCheck[] {
  const v = config.vocab;
  const out: DoctorCheck[] = [];
  if (v.DEEPL_API_KEY)
    out.push({
      status: 'info',
      name: 'translation',
      detail: 'DeepL (DEEPL_API_KEY; not probed, to spare its quota)',
    });
  else if (v.LIBRETRANSLATE_URL)
    out.push({
      status: 'info',
      name: 'translation',
      detail: `LibreTranslate at ${v.LIBRETRANSLATE_URL} (not probed)`,
    });
  else
    out.push({
      status: 'info',
      name: 'translation',
      detail: 'not configured (optional)',
      fix: 'set DEEPL_API_KEY or LIBRETRANSLATE_URL to translate vocabulary lists',
    });
  return out;
}

export function checkAccess(config: Config): DoctorCheck[] {
  const c = config.core;
  const roles = config.discord.DISCORD_REQUEST_ROLES.length;
  const out: DoctorCheck[] = [];
  const restricted = c.ALLOWED_USERS.length + c.ALLOWED_CHATS.length + roles > 0;
  out.push({
    status: 'info',
    name: 'access',
    detail: restricted
      ? `${c.ALLOWED_USERS.length} user(s), ${c.ALLOWED_CHATS.length} chat(s) and ${roles} Discord role(s) may request; everyone else is refused`
      : 'everyone may request (ALLOWED_USERS, ALLOWED_CHATS and DISCORD_REQUEST_ROLES are empty)',
  });
  if (c.ADMIN_USERS.length === 0) {
    if (c.REQUIRE_APPROVAL)
      out.push({
        status: 'fail',
        name: 'approval',
        detail: 'REQUIRE_APPROVAL is on but ADMIN_USERS is empty: requests would wait with no admin told',
        fix: 'set ADMIN_USERS (e.g. telegram:123456789), or REQUIRE_APPROVAL=false',
      });
    else
      out.push({
        status: 'info',
        name: 'admins',
        detail: 'none listed: admin commands run only on this machine (npm run doctor, report, retry …)',
        fix: 'set ADMIN_USERS=telegram:<your id> to use them in chat',
      });
  } else {
    out.push({
      status: 'info',
      name: 'admins',
      detail: `${c.ADMIN_USERS.length} listed${c.REQUIRE_APPROVAL ? '; they approve every other person’s request' : ''}`,
    });
  }
  if (c.QUOTA_PER_DAY || c.QUOTA_PER_WEEK)
    out.push({
      status: 'info',
      name: 'quotas',
      detail: `${c.QUOTA_PER_DAY || 'no'} per day, ${c.QUOTA_PER_WEEK || 'no'} per week per person (admins exempt)`,
    });
  out.push(
    c.HTTP_PORT === undefined
      ? {
          status: 'info',
          name: 'HTTP API',
          detail: 'off',
          fix: 'set HTTP_PORT and API_TOKEN to serve /api, /healthz and /metrics',
        }
      : {
          status: 'info',
          name: 'HTTP API',
          detail: `on http://${c.HTTP_HOST}:${c.HTTP_PORT} (bearer token required for /api)`,
        },
  );
  return out;
}
