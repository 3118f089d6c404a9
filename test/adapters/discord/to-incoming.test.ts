import { describe, expect, it } from 'vitest';
import { addressedText } from '../../../adapters/chat/discord/to-incoming.js';

const rules = { botId: '111', channels: ['222'] };
const msg = (content: string, over: Partial<Parameters<typeof addressedText>[0]> = {}) =>
  addressedText({ content, inGuild: true, channelId: '999', authorIsBot: false, ...over }, rules);

describe('addressedText', () => {
  it('GIVEN a leading mention THEN the command without it', () => {
    expect(msg('<@111> add Inception')).toBe('add Inception');
    expect(msg('<@!111>, add  Inception')).toBe('add Inception');
  });

  it('GIVEN a mention elsewhere THEN it is removed', () => {
    expect(msg('add Dune <@111>')).toBe('add Dune');
  });

  it('GIVEN a guild message without mention THEN ignored, unless in a configured channel', () => {
    expect(msg('add Inception')).toBeNull();
    expect(msg('add Inception', { channelId: '222' })).toBe('add Inception');
  });

  it('GIVEN a DM THEN always for us', () => {
    expect(msg('add Inception', { inGuild: false })).toBe('add Inception');
  });

  it('GIVEN another user is mentioned THEN not for us', () => {
    expect(msg('<@333> add Inception')).toBeNull();
  });

  it('GIVEN a bot author THEN ignored, even when mentioning us', () => {
    expect(msg('<@111> add Inception', { authorIsBot: true })).toBeNull();
  });

  it('GIVEN a bare mention THEN help; an empty message in a command channel THEN nothing', () => {
    expect(msg('<@111>')).toBe('help');
    expect(msg('   ', { channelId: '222' })).toBeNull();
  });
});
