/**
 * A core Reply → a Discord message body: text as content, the card as an embed with the poster as
 * thumbnail, choices (and the vocabulary browser's buttons) as button rows, a document as an
 * attachment. Discord's limits are enforced here, where we know them, so an over-long title never
 * turns into a 400 the user cannot read.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import { encodeChoice } from '../../../src/core/choice-data.js';
import type { ActionButton, ChoicePrompt, MediaCard, MediaKind, Reply } from '../../../src/core/types.js';
import { cutText } from '../../../src/core/cut-text.js';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldValue: 1024,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
} as const;

/** Overviews are a teaser under the title, not the whole synopsis. */
const OVERVIEW_CHARS = 350;

const KIND_EMOJI: Record<MediaKind, string> = { movie: '🎬', series: '📺', artist: '🎵', album: '🎵' };
const KIND_NAME: Record<MediaKind, string> = {
  movie: 'Movie',
  series: 'Series',
  artist: 'Artist',
  album: 'Album',
};

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** The parts of a message every send/reply/update/edit call accepts. */
export interface RenderedMessage {
  content: string;
  embeds: APIEmbed[];
  /** Always present, so an update into an outcome removes the old buttons. */
  components: ButtonRow[];
  files?: Array<{ attachment: Buffer; name: string }>;
}

/**
 * At most `max` UTF-16 units, ending in "…" when cut. Counting units rather than code points is
 * the stricter reading of Discord's limits (an emoji counts twice), and a surrogate pair is never
 * split.
 */
export const truncate = cutText;

export function renderReply(reply: Reply): RenderedMessage {
  const out: RenderedMessage = {
    content: truncate(reply.text, LIMITS.content),
    embeds: reply.card ? [cardEmbed(reply.card)] : [],
    components: reply.choices ? choiceRows(reply.choices) : reply.buttons ? actionRows(reply.buttons) : [],
  };
  if (reply.document) {
    out.files = [{ attachment: Buffer.from(reply.document.content, 'utf8'), name: reply.document.filename }];
  }
  return out;
}

/**
 * The browser's rows as they are: the core lays them out within five rows of five and keeps each
 * custom_id unique and under 100 characters. The tab shown now is the one in the brand colour.
 */
export function actionRows(rows: readonly ActionButton[][]): ButtonRow[] {
  return rows.map((row) => ({
    type: ComponentType.ActionRow,
    components: row.map((b) => ({
      type: ComponentType.Button,
      style: b.current ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: truncate(b.label, LIMITS.buttonLabel),
      custom_id: b.data,
    })),
  }));
}

export function cardEmbed(card: MediaCard): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (card.year !== undefined) fields.push({ name: 'Year', value: String(card.year), inline: true });
  fields.push({ name: 'Kind', value: KIND_NAME[card.kind], inline: true });
  if (card.confidence !== undefined) {
    fields.push({ name: 'Confidence', value: `${Math.round(card.confidence * 100)}%`, inline: true });
  }
  if (card.destination) {
    fields.push({ name: 'Goes to', value: truncate(card.destination, LIMITS.fieldValue), inline: true });
  }
  const embed: APIEmbed = {
    title: truncate(`${KIND_EMOJI[card.kind]} ${card.title}`, LIMITS.embedTitle),
    fields,
  };
  if (card.overview) embed.description = truncate(card.overview, OVERVIEW_CHARS);
  if (card.posterUrl && /^https?:\/\//.test(card.posterUrl)) embed.thumbnail = { url: card.posterUrl };
  return embed;
}

/**
 * One button per option, five to a row, then "None of these" (when the prompt has one) on a row of
 * its own so it is never mistaken for a title. Options beyond what fits in five rows are dropped (the core offers ≤ 5).
 */
export function choiceRows(prompt: ChoicePrompt): ButtonRow[] {
  const buttons: APIButtonComponent[] = prompt.options.map((opt, i) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: truncate(opt.kind ? `${KIND_EMOJI[opt.kind]} ${opt.label}` : opt.label, LIMITS.buttonLabel),
    custom_id: encodeChoice(prompt.token, i),
  }));
  const maxOptionRows = LIMITS.rows - 1;
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < maxOptionRows; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  if (prompt.noneLabel !== undefined) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: truncate(prompt.noneLabel, LIMITS.buttonLabel),
          custom_id: encodeChoice(prompt.token, 'none'),
        },
      ],
    });
  }
  return rows;
}
