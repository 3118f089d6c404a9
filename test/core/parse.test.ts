import { describe, expect, it } from 'vitest';
import { parseCommand, stripAddress } from '../../src/core/commands/parse.js';

const parse = (text: string) => parseCommand(text, { thisYear: 2026, botName: 'reelbot' });

describe('a person asking to add something', () => {
  it.each([
    ['add Dexter', { type: 'add', title: 'Dexter' }],
    ['request Dexter', { type: 'add', title: 'Dexter' }],
    ['/add Dexter', { type: 'add', title: 'Dexter' }],
    ['/add@reelbot Dexter', { type: 'add', title: 'Dexter' }],
    ['  ADD    the   office  ', { type: 'add', title: 'the office' }],
    ['add Dexter!', { type: 'add', title: 'Dexter' }],
    ['@reelbot add Dexter?', { type: 'add', title: 'Dexter' }],
    ['reelbot, add Dexter', { type: 'add', title: 'Dexter' }],
    ['<@80351110224678912> add Dexter', { type: 'add', title: 'Dexter' }],
    ['add movie Dune', { type: 'add', title: 'Dune', hint: 'movie' }],
    ['add film Dune', { type: 'add', title: 'Dune', hint: 'movie' }],
    ['add show Fargo', { type: 'add', title: 'Fargo', hint: 'series' }],
    ['add tv Fargo', { type: 'add', title: 'Fargo', hint: 'series' }],
    ['add series Fargo', { type: 'add', title: 'Fargo', hint: 'series' }],
    ['add artist Radiohead', { type: 'add', title: 'Radiohead', hint: 'artist' }],
    ['add album OK Computer', { type: 'add', title: 'OK Computer', hint: 'album' }],
    ['add Dune 2021', { type: 'add', title: 'Dune', year: 2021 }],
    ['add Dune (1984)', { type: 'add', title: 'Dune', year: 1984 }],
    ['add movie Dune (1984)', { type: 'add', title: 'Dune', year: 1984, hint: 'movie' }],
  ])('%s', (text, command) => {
    expect(parse(text)).toEqual({ ok: true, command });
  });

  it('keeps a year that is the whole title, and a number that cannot be a release year', () => {
    expect(parse('add 1917')).toEqual({ ok: true, command: { type: 'add', title: '1917' } });
    expect(parse('add Blade Runner 2049')).toEqual({
      ok: true,
      command: { type: 'add', title: 'Blade Runner 2049' },
    });
  });

  it('takes a kind word as the title when nothing follows it', () => {
    expect(parse('add album')).toEqual({ ok: true, command: { type: 'add', title: 'album' } });
  });
});

describe('other commands', () => {
  it.each([
    ['help', { type: 'help' }],
    ['/start', { type: 'help' }],
    ['requests', { type: 'requests' }],
    ['/requests', { type: 'requests' }],
    ['my requests', { type: 'requests' }],
    ['cancel K7M2Q3', { type: 'cancel', id: 'k7m2q3' }],
    ['vocab Inception in French', { type: 'vocab', args: 'Inception in French' }],
  ])('%s', (text, command) => {
    expect(parse(text)).toEqual({ ok: true, command });
  });
});

describe('bad input gets a reason, never an exception', () => {
  it.each([
    ['', 'parse.empty'],
    ['   ', 'parse.empty'],
    ['add', 'parse.emptyTitle'],
    ['add   !!!', 'parse.emptyTitle'],
    ['add movie ""', 'parse.emptyTitle'],
    ['hello there', 'parse.unknown'],
    ['cancel', 'parse.cancelUsage'],
    ['cancel ../../etc', 'parse.cancelUsage'],
    [`add ${'x'.repeat(201)}`, 'parse.tooLong'],
    ['x'.repeat(4000), 'parse.tooLong'],
    ['add Dex\u0000ter', 'parse.controlChars'],
    ['add Dex\u202eter', 'parse.controlChars'],
  ])('%j → %s', (text, code) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('accepts a title of exactly 200 characters', () => {
    const r = parse(`add ${'x'.repeat(200)}`);
    expect(r.ok).toBe(true);
  });
});

describe('stripAddress', () => {
  it('removes mentions but leaves the words', () => {
    expect(stripAddress('@someone_bot add Dune')).toBe('add Dune');
    expect(stripAddress('<@!123> add Dune')).toBe('add Dune');
    expect(stripAddress('add Dune')).toBe('add Dune');
  });
});
