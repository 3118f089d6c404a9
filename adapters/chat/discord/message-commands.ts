/**
 * Plain messages: "add Dune" where the bot is addressed (a mention, a DM, or one of
 * DISCORD_CHANNELS) goes to the core like a slash command, and the answer is a reply to it.
 */
import type { Message } from 'discord.js';
import type { Core } from '../../../src/core/core.js';
import { answerInTime } from './answer-in-time.js';
import { handleWithFile } from './attachments.js';
import { MESSAGE_EDIT_TTL_MS, type Follow } from './job-follow.js';
import { renderReply } from './render.js';
import { addressedText, userFromMessage } from './to-incoming.js';

export interface MessageDeps {
  core: Core;
  /** Channels where plain "add …" needs no mention. */
  channels: readonly string[];
  follow: Follow;
}

/** Message commands have no deadline, but a slow answer shows "reelbot is typing…" after this. */
const TYPING_AFTER_MS = 1000;

export async function onMessage(message: Message, deps: MessageDeps): Promise<void> {
  const botId = message.client.user.id;
  const text = addressedText(
    {
      content: message.content,
      inGuild: message.inGuild(),
      channelId: message.channelId,
      authorIsBot: message.author.bot || message.author.id === botId,
    },
    { botId, channels: deps.channels },
  );
  if (text === null) return;
  const user = userFromMessage(message);
  const channel = message.channel;
  const { value: reply } = await answerInTime(
    handleWithFile(deps.core, { user, text }, message.attachments.first()),
    TYPING_AFTER_MS,
    () => (channel.isSendable() ? channel.sendTyping().catch(() => undefined) : Promise.resolve()),
  );
  const sending = message.reply(renderReply(reply));
  deps.follow(user, reply, async (m) => (await sending).edit(m), MESSAGE_EDIT_TTL_MS);
  await sending;
}
