import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/commands/parse.js';

const parse = (text: string) => parseCommand(text, { thisYear: 2025 });

describe('admin commands', () => {
  it.each([
    ['doctor', { name: 'doctor' }],
    ['/process', { name: 'process' }],
    ['retry', { name: 'retry' }],
    ['retry K7M2Q9', { name: 'retry', id: 'k7m2q9' }],
    ['reclassify k7m2q9 Series', { name: 'reclassify', id: 'k7m2q9', target: 'series' }],
    ['reclassify k7m2q9 radarr-4k', { name: 'reclassify', id: 'k7m2q9', target: 'radarr-4k' }],
    ['backfill-ids', { name: 'backfill-ids' }],
    ['report', { name: 'report', days: 30 }],
    ['report --days 7', { name: 'report', days: 7 }],
    ['report --days=7', { name: 'report', days: 7 }],
    ['report —days 7', { name: 'report', days: 7 }],
    ['report 0', { name: 'report', days: 0 }],
    ['approve k7m2q9', { name: 'approve', id: 'k7m2q9' }],
    ['@reelbot decline k7m2q9', { name: 'decline', id: 'k7m2q9' }],
  ])('GIVEN “%s” THEN %j', (text, action) => {
    expect(parse(text)).toEqual({ ok: true, command: { type: 'admin', action } });
  });

  it.each([
    ['reclassify', 'parse.reclassifyUsage'],
    ['reclassify k7m2q9', 'parse.reclassifyUsage'],
    ['reclassify k7m2q9 movie now', 'parse.reclassifyUsage'],
    ['retry one two', 'parse.retryUsage'],
    ['report --days soon', 'parse.reportUsage'],
    ['report --weeks 2', 'parse.reportUsage'],
    ['approve', 'parse.approveUsage'],
  ])('GIVEN “%s” THEN %s', (text, code) => {
    expect(parse(text)).toMatchObject({ ok: false, code });
  });
});
