/**
 * Paths as Radarr, Sonarr and Bazarr report them → paths on this machine, through MEDIA_PATH_MAP
 * (the longest matching folder wins), and the rule that nothing outside the mapped folders is
 * read: a path with `.` or `..` segments, or under no mapped folder, is refused before the disk is
 * touched, and what is left is resolved with realpath (links included) and must still lie inside
 * the realpath of a mapped folder. Refusals are values, for a log line and a ScriptMiss.
 */
import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { folderKey, type MediaPathPair } from '../../src/config/media-path-map-env.js';

/**
 * `unmapped`: under no MEDIA_PATH_MAP folder; `dot_segments`: has `.` or `..`; `outside`: a link
 * leads out of the mapped folders; `missing`: not on this disk.
 */
export type Refusal = 'unmapped' | 'dot_segments' | 'outside' | 'missing';
export type Resolved = { ok: true; path: string } | { ok: false; why: Refusal };

/** Backslashes as slashes, no trailing slash: how *arr paths are compared and cut. */
const unify = (p: string) => p.replace(/\\/g, '/').replace(/(.)\/+$/, '$1');

/** The folder and file name of a path as the *arr reports it (either slash). */
export function arrParts(arrPath: string): { dir: string; name: string } {
  const u = unify(arrPath);
  const at = u.lastIndexOf('/');
  return { dir: at <= 0 ? u.slice(0, at + 1) : u.slice(0, at), name: u.slice(at + 1) };
}

interface Pair {
  unified: string;
  key: string;
  to: string;
}

export class MediaPathMap {
  private readonly pairs: Pair[];

  constructor(pairs: readonly MediaPathPair[]) {
    this.pairs = pairs
      .map((p) => ({ unified: unify(p.from), key: folderKey(p.from), to: p.to }))
      .sort((a, b) => b.key.length - a.key.length);
  }

  /** The folders on this machine that may be read. */
  get roots(): string[] {
    return this.pairs.map((p) => p.to);
  }

  /** Where `arrPath` would be on this machine, by name alone. */
  local(arrPath: string): Resolved {
    if (arrPath.includes('\0')) return { ok: false, why: 'dot_segments' };
    const key = folderKey(arrPath);
    const pair = this.pairs.find(
      (p) => key === p.key || key.startsWith(p.key.endsWith('/') ? p.key : `${p.key}/`),
    );
    if (!pair) return { ok: false, why: 'unmapped' };
    const rest = unify(arrPath).slice(pair.unified.length).split('/').filter(Boolean);
    if (rest.some((s) => s === '.' || s === '..')) return { ok: false, why: 'dot_segments' };
    return { ok: true, path: join(pair.to, ...rest) };
  }

  /** The real path of `arrPath` on this machine, when it exists inside the mapped folders. */
  async resolve(arrPath: string): Promise<Resolved> {
    const mapped = this.local(arrPath);
    return mapped.ok ? this.inside(mapped.path) : mapped;
  }

  /** The real path of a local `path`, when it exists and, after links, lies inside a mapped folder. */
  async inside(path: string): Promise<Resolved> {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return { ok: false, why: 'missing' };
    }
    for (const root of this.roots) {
      const top = await realpath(root).catch(() => undefined);
      if (top && (real === top || real.startsWith(top.endsWith(sep) ? top : `${top}${sep}`)))
        return { ok: true, path: real };
    }
    return { ok: false, why: 'outside' };
  }
}

/** Why a path was refused, for a ScriptMiss: no path in it, since it may reach a chat. */
export function refusalDetail(why: Refusal): string {
  switch (why) {
    case 'unmapped':
      return 'the file is in a folder MEDIA_PATH_MAP does not map';
    case 'dot_segments':
      return 'the file’s path has "." or ".." in it';
    case 'outside':
      return 'a link leads outside the MEDIA_PATH_MAP folders';
    case 'missing':
      return 'the file is not where MEDIA_PATH_MAP says';
  }
}
