/** Shared by the *arr adapter tests: candidates as the core hands them over, and a logger that remembers. */
import type { Logger } from '../../../src/core/ports.js';
import type { Candidate, ExternalIds, MediaKind } from '../../../src/core/types.js';

export function candidate(
  kind: MediaKind,
  title: string,
  ids: ExternalIds,
  extra: Partial<Candidate> = {},
): Candidate {
  return {
    source: 'tmdb',
    kind,
    title,
    ids,
    key: `${kind}:${title}`,
    sources: ['tmdb'],
    score: 0.9,
    factors: { title: 1, year: 1, popularity: 0.5, completeness: 1, recency: 0.5, kind: 1 },
    ...extra,
  };
}

export interface LogLine {
  level: string;
  obj: object;
  msg: string | undefined;
}

export function recordingLogger(lines: LogLine[] = [], bindings: object = {}): Logger & { lines: LogLine[] } {
  const at =
    (level: string) =>
    (a: object | string, msg?: string): void => {
      if (typeof a === 'string') lines.push({ level, obj: bindings, msg: a });
      else lines.push({ level, obj: { ...bindings, ...a }, msg });
    };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (b) => recordingLogger(lines, { ...bindings, ...b }),
  };
}

export const signal = () => AbortSignal.timeout(10_000);
