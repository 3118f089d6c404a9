/**
 * The slash commands, and their translation into the text the core already understands. The core
 * has one parser for every chat, so `/add title:Dexter kind:series` becomes "add series Dexter"
 * rather than a second, Discord-only command shape.
 */
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { KindHint } from '../../../src/core/types.js';

/** Target languages offered by /vocab (Discord allows at most 25 fixed choices). */
export const VOCAB_LANGUAGES: ReadonlyArray<{ name: string; value: string }> = [
  { name: 'French', value: 'fr' },
  { name: 'German', value: 'de' },
  { name: 'Spanish', value: 'es' },
  { name: 'Italian', value: 'it' },
  { name: 'Portuguese', value: 'pt' },
  { name: 'Dutch', value: 'nl' },
  { name: 'Polish', value: 'pl' },
  { name: 'Swedish', value: 'sv' },
  { name: 'Danish', value: 'da' },
  { name: 'Finnish', value: 'fi' },
  { name: 'Czech', value: 'cs' },
  { name: 'Greek', value: 'el' },
  { name: 'Hungarian', value: 'hu' },
  { name: 'Romanian', value: 'ro' },
  { name: 'Russian', value: 'ru' },
  { name: 'Ukrainian', value: 'uk' },
  { name: 'Turkish', value: 'tr' },
  { name: 'Japanese', value: 'ja' },
  { name: 'Korean', value: 'ko' },
  { name: 'Chinese', value: 'zh' },
  { name: 'Indonesian', value: 'id' },
];

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** Longest title accepted; matches the core's MAX_TITLE_LENGTH so Discord rejects it client-side. */
const MAX_TITLE = 200;

export const SLASH_COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    type: ApplicationCommandType.ChatInput,
    name: 'add',
    description: 'Add a movie, show or music to the media server',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'title',
        description: 'Title, optionally with the year: "Dune 2021"',
        required: true,
        autocomplete: true,
        max_length: MAX_TITLE,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'kind',
        description: 'What it is, if you know (otherwise I work it out)',
        required: false,
        choices: [
          { name: 'movie', value: 'movie' },
          { name: 'series', value: 'series' },
          { name: 'music', value: 'music' },
        ],
      },
    ],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: 'vocab',
    description: "A movie's vocabulary by CEFR level, translated",
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'movie',
        description: 'Movie title',
        required: true,
        autocomplete: true,
        max_length: MAX_TITLE,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'language',
        description: 'Translate into',
        required: true,
        choices: [...VOCAB_LANGUAGES],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'level',
        description: 'Only words at this CEFR level',
        required: false,
        choices: CEFR_LEVELS.map((l) => ({ name: l, value: l })),
      },
      {
        type: ApplicationCommandOptionType.Attachment,
        name: 'subtitles',
        description: 'A subtitle file (.srt, .vtt, .ass or .ssa) to use instead of looking the script up',
        required: false,
      },
    ],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: 'requests',
    description: 'What you asked for and where it is',
  },
  { type: ApplicationCommandType.ChatInput, name: 'help', description: 'What this bot can do' },
];

/**
 * Words the core's parser reads as a kind when they start a title ("add movie Dune"). A title
 * that itself starts with one ("Movie 43", "Band of Brothers") is quoted so it stays a title.
 */
const KIND_WORDS = new Set([
  'movie',
  'film',
  'show',
  'tv',
  'series',
  'serie',
  'artist',
  'band',
  'album',
  'record',
  'music',
]);

const KIND_CHOICES: ReadonlySet<string> = new Set(['movie', 'series', 'music']);

/** A slash command and its string options → the core's text form; null for a command we do not know. */
export function commandText(
  name: string,
  options: Readonly<Record<string, string | undefined>>,
): string | null {
  const clean = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();
  switch (name) {
    case 'add': {
      const title = clean(options.title);
      const kind = clean(options.kind);
      if (KIND_CHOICES.has(kind)) return `add ${kind} ${title}`.trim();
      const first = title.split(' ')[0]?.toLowerCase() ?? '';
      return KIND_WORDS.has(first) ? `add "${title}"` : `add ${title}`.trim();
    }
    case 'vocab':
      return ['vocab', clean(options.movie), clean(options.language), clean(options.level)]
        .filter(Boolean)
        .join(' ');
    case 'requests':
      return 'requests';
    case 'help':
      return 'help';
    default:
      return null;
  }
}

/** The kind hint autocomplete passes to `core.suggest`, from the command and its `kind` option. */
export function suggestHint(name: string, kind: string | undefined): KindHint | undefined {
  if (name === 'vocab') return 'movie';
  return kind === 'movie' || kind === 'series' || kind === 'music' ? kind : undefined;
}
