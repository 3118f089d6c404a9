/**
 * Slash commands, buttons and autocomplete, each answered within Discord's 3 seconds: a reply at
 * once when the core is quick, else a deferral and an edit. Nothing here throws into discord.js:
 * the adapter runs these through HandlerGuard.
 */
import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { decodeChoice } from '../../../src/core/choice-data.js';
import type { Core } from '../../../src/core/core.js';
import { say } from '../../../src/core/messages.js';
import { isBrowseData } from '../../../src/core/vocab/browser/payload.js';
import { answerInTime } from './answer-in-time.js';
import { handleWithFile } from './attachments.js';
import { answerAutocomplete } from './autocomplete.js';
import { commandText } from './commands.js';
import { deferAfter } from './handler-guard.js';
import type { Follow } from './job-follow.js';
import { renderReply } from './render.js';
import { userFromInteraction } from './to-incoming.js';
import { answerBrowse } from './vocab-browser.js';

export interface InteractionDeps {
  core: Core;
  /** Defer an interaction whose answer is not ready after this long (default 1500 ms). */
  deferAfterMs: number | undefined;
  /** Autocomplete answers with nothing rather than miss Discord's deadline. */
  suggestTimeoutMs: number;
  follow: Follow;
  warn: (fields: Record<string, unknown>, err: unknown, message: string) => void;
}

/** Codes for a click that must not replace the prompt: the clicker is told privately instead. */
const CLICK_REFUSALS = new Set(['choice.expired', 'choice.notYours', 'choice.invalid']);

export async function onInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  if (interaction.isAutocomplete())
    return answerAutocomplete(interaction, deps.core, {
      timeoutMs: deps.suggestTimeoutMs,
      warn: (err, prefix) => deps.warn({ prefix }, err, 'suggestions failed'),
    });
  if (interaction.isChatInputCommand()) return onCommand(interaction, deps);
  if (interaction.isButton()) return onButton(interaction, deps);
}

async function onCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const user = userFromInteraction(interaction);
  const options: Record<string, string> = {};
  for (const o of interaction.options.data) if (typeof o.value === 'string') options[o.name] = o.value;
  const text = commandText(interaction.commandName, options);
  if (text === null) {
    await interaction.reply({
      content: say('parse.unknown', { verb: interaction.commandName }),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const file = interaction.options.data.find((o) => o.attachment)?.attachment;
  const { value: reply, deferred } = await answerInTime(
    handleWithFile(deps.core, { user, text }, file),
    deferAfter(interaction, deps.deferAfterMs),
    () => interaction.deferReply(),
  );
  const body = renderReply(reply);
  if (deferred && reply.private) {
    // The public "thinking…" cannot become ephemeral: replace it with a private follow-up.
    await interaction.deleteReply();
    const sending = interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
    deps.follow(user, reply, async (m) => interaction.editReply({ ...m, message: await sending }));
    await sending;
    return;
  }
  deps.follow(user, reply, (m) => interaction.editReply(m));
  if (deferred) await interaction.editReply(body);
  else await interaction.reply(reply.private ? { ...body, flags: MessageFlags.Ephemeral } : body);
}

async function onButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const { core } = deps;
  if (isBrowseData(interaction.customId)) return answerBrowse(interaction, deps);
  const choice = decodeChoice(interaction.customId);
  if (!choice) {
    await interaction.reply({ content: say('choice.invalid'), flags: MessageFlags.Ephemeral });
    return;
  }
  const user = userFromInteraction(interaction);
  const { value: reply, deferred } = await answerInTime(
    core.choose(user, choice.token, choice.option),
    deferAfter(interaction, deps.deferAfterMs),
    () => interaction.deferUpdate(),
  );
  const body = renderReply(reply);
  if (reply.private || CLICK_REFUSALS.has(reply.code)) {
    // Someone else's buttons, or dead ones: tell the clicker alone and leave the prompt as it is.
    const privately = { ...body, flags: MessageFlags.Ephemeral } as const;
    await (deferred ? interaction.followUp(privately) : interaction.reply(privately));
    return;
  }
  // The prompt becomes the outcome; render gives `components: []`, which removes the buttons.
  deps.follow(user, reply, (m) => interaction.editReply(m));
  await (deferred ? interaction.editReply(body) : interaction.update(body));
}
