/**
 * A click in a vocabulary list's browser (buttons whose custom_id carries the view). Answered
 * within Discord's 3 s like any button: an update at once when the core is quick, else
 * deferUpdate and an edit. The list message becomes the next view with its buttons and keeps
 * following the job's progress; a refusal (not the clicker's list, a list that is gone) is told to
 * the clicker alone, and the Anki export comes as a new message so the list stays where it is.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Core } from '../../../src/core/core.js';
import type { Reply, UserRef } from '../../../src/core/types.js';
import { answerInTime } from './answer-in-time.js';
import { deferAfter } from './handler-guard.js';
import { renderReply, type RenderedMessage } from './render.js';
import { userFromInteraction } from './to-incoming.js';

export interface BrowseDeps {
  core: Core;
  deferAfterMs?: number;
  /** Later progress for the reply's job edits the clicked message through `edit`. */
  follow: (user: UserRef, reply: Reply, edit: (m: RenderedMessage) => Promise<unknown>) => void;
}

export async function answerBrowse(interaction: ButtonInteraction, deps: BrowseDeps): Promise<void> {
  const user = userFromInteraction(interaction);
  const { value: reply, deferred } = await answerInTime(
    deps.core.browse(user, interaction.customId),
    deferAfter(interaction, deps.deferAfterMs),
    () => interaction.deferUpdate(),
  );
  const body = renderReply(reply);
  if (reply.private || reply.document) {
    const message = reply.private ? ({ ...body, flags: MessageFlags.Ephemeral } as const) : body;
    await (deferred ? interaction.followUp(message) : interaction.reply(message));
    return;
  }
  deps.follow(user, reply, (m) => interaction.editReply(m));
  await (deferred ? interaction.editReply(body) : interaction.update(body));
}
