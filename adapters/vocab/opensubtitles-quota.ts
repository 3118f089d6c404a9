/**
 * The day's download allowance of OpenSubtitles, as the answers report it: each POST /download
 * answer carries `remaining` and `reset_time_utc` (official API reference, POST /download); once it
 * is spent the API answers 406 with "You have downloaded your allowed N subtitles for 24h. Your
 * quota will be renewed in … (YYYY-MM-DD HH:MM:SS UTC)" (recorded in
 * elgatito/plugin.video.elementum#952 and iina/plugin-opensub#5). Until then nothing is asked.
 */
import { isUpstreamError } from '../../src/core/errors.js';
import type { Clock } from '../../src/core/ports.js';

export class DownloadQuota {
  private until: Date | undefined;

  constructor(private readonly clock: Clock) {}

  /** The ISO time the allowance comes back, while it is spent; undefined when downloads may go on. */
  spentUntil(): string | undefined {
    if (!this.until) return undefined;
    if (this.clock.now().getTime() >= this.until.getTime()) {
      this.until = undefined;
      return undefined;
    }
    return this.until.toISOString();
  }

  /** After a download: the last one of the day leaves `remaining` at 0. */
  noteAnswer(remaining: number, resetTimeUtc: string | null | undefined): void {
    if (remaining <= 0) this.until = this.resetAt(resetTimeUtc);
  }

  /** A 406 that says the allowance is spent: when it renews (ISO). Undefined for any other error. */
  noteRefusal(e: unknown): string | undefined {
    if (!isUpstreamError(e) || e.status !== 406) return undefined;
    const said = e.detail ?? '';
    if (!/allowed \d+ subtitles|quota/i.test(said)) return undefined;
    const stamp = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC\)/.exec(said);
    this.until = this.resetAt(stamp ? `${stamp[1]}T${stamp[2]}Z` : undefined);
    return this.until.toISOString();
  }

  /** The time given, else the next midnight UTC ("download counters reset at midnight UTC"). */
  private resetAt(iso: string | null | undefined): Date {
    const given = iso ? new Date(iso) : undefined;
    if (given && !Number.isNaN(given.getTime()) && given.getTime() > this.clock.now().getTime()) return given;
    const now = this.clock.now();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  }
}
