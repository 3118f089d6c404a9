/**
 * What the two soaks share (soak.ts on the files, soak-cluster.ts on PostgreSQL): the upstream
 * faults injected every few seconds, and the figures they print.
 */
import type { World } from '../helpers/world.js';

/** Every 4 s one upstream misbehaves for a while, then recovers: Radarr 503s, a slow TMDb, Sonarr down. Returns the stop. */
export function injectFaults(w: Pick<World, 'radarr' | 'tmdb' | 'sonarr'>): () => void {
  const faults = setInterval(() => {
    const pick = Math.floor(Math.random() * 3);
    if (pick === 0) w.radarr?.fail({ kind: 'status', status: 503 }, 20);
    if (pick === 1) w.tmdb?.setLatency(1200);
    if (pick === 2) void w.sonarr?.down().then(() => setTimeout(() => void w.sonarr?.up(), 1500));
    setTimeout(() => w.tmdb?.setLatency(20), 1500);
  }, 4000);
  return () => clearInterval(faults);
}

/** The q-quantile of `xs` (sorted in place). */
export function quantile(xs: number[], q: number): number {
  xs.sort((a, b) => a - b);
  return xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
