import { describe, expect, it } from 'vitest';
import { SLASH_COMMANDS, commandText, suggestHint } from '../../../adapters/chat/discord/commands.js';
import { checkCommands, checkSchema } from '../../fakes/discord/checks.js';

describe('slash commands → the core text form', () => {
  it('GIVEN /add with a kind THEN the kind word comes first', () => {
    expect(commandText('add', { title: 'Dexter', kind: 'series' })).toBe('add series Dexter');
    expect(commandText('add', { title: 'OK Computer', kind: 'music' })).toBe('add music OK Computer');
  });

  it('GIVEN /add without a kind THEN just the title, spaces tidied', () => {
    expect(commandText('add', { title: '  Dune   2021 ' })).toBe('add Dune 2021');
  });

  it('GIVEN a title that starts with a kind word and no kind THEN it is quoted so it stays a title', () => {
    expect(commandText('add', { title: 'Movie 43' })).toBe('add "Movie 43"');
    expect(commandText('add', { title: 'Band of Brothers' })).toBe('add "Band of Brothers"');
    expect(commandText('add', { title: 'Band of Brothers', kind: 'series' })).toBe(
      'add series Band of Brothers',
    );
  });

  it('GIVEN /vocab THEN movie, language and level in order, level optional', () => {
    expect(commandText('vocab', { movie: 'Inception', language: 'fr', level: 'B2' })).toBe(
      'vocab Inception fr B2',
    );
    expect(commandText('vocab', { movie: 'Inception', language: 'de' })).toBe('vocab Inception de');
  });

  it('GIVEN /requests, /help or an unknown command', () => {
    expect(commandText('requests', {})).toBe('requests');
    expect(commandText('help', {})).toBe('help');
    expect(commandText('frobnicate', {})).toBeNull();
  });

  it('GIVEN autocomplete THEN the hint follows the command and the kind option', () => {
    expect(suggestHint('add', 'series')).toBe('series');
    expect(suggestHint('add', undefined)).toBeUndefined();
    expect(suggestHint('add', 'nonsense')).toBeUndefined();
    expect(suggestHint('vocab', undefined)).toBe('movie');
  });
});

describe('command definitions', () => {
  it('are valid for Discord: the official schema and the rules it leaves out', () => {
    expect(checkSchema('ApplicationCommandsPutRequest', SLASH_COMMANDS)).toEqual([]);
    expect(checkCommands(SLASH_COMMANDS)).toEqual([]);
  });

  it('the checks do catch a broken definition', () => {
    const broken = [
      {
        type: 1,
        name: 'Add',
        description: 'x',
        options: [
          { type: 3, name: 't', description: 'x', autocomplete: true, choices: [{ name: 'a', value: 'a' }] },
        ],
      },
    ];
    expect(checkCommands(broken).length).toBe(2);
    expect(
      checkSchema('ApplicationCommandsPutRequest', [{ type: 1, name: 'add', description: 'x'.repeat(101) }]),
    ).not.toEqual([]);
  });

  it('offer autocomplete on titles, fixed choices for kind, language and level, and a subtitle upload', () => {
    const add = SLASH_COMMANDS.find((c) => c.name === 'add');
    const vocab = SLASH_COMMANDS.find((c) => c.name === 'vocab');
    expect(add?.options?.map((o) => [o.name, 'autocomplete' in o && o.autocomplete === true])).toEqual([
      ['title', true],
      ['kind', false],
    ]);
    expect(vocab?.options?.map((o) => o.name)).toEqual(['movie', 'language', 'level', 'subtitles']);
    expect(SLASH_COMMANDS.map((c) => c.name).sort()).toEqual(['add', 'help', 'requests', 'vocab']);
  });
});
