/**
 * Later replies (a request that went through, a list that is ready): to the channel or DM the
 * request came from, naming the person in a shared channel so it reaches them, or as an edit of
 * the message that is following the job. All of it is REST, so any shard's client can send to
 * any channel.
 */
import type { Client, SendableChannels } from 'discord.js';
import type { Reply, UserRef } from '../../../src/core/types.js';
import { MESSAGE_EDIT_TTL_MS, progressKey } from './job-follow.js';
import type { ProgressEdits } from './progress-edits.js';
import { LIMITS, renderReply, truncate, type RenderedMessage } from './render.js';

export interface NotifyDeps {
  progress: ProgressEdits<RenderedMessage>;
  warn: (fields: Record<string, unknown>, err: unknown, message: string) => void;
}

export async function sendLater(
  client: Client<true>,
  to: UserRef,
  reply: Reply,
  deps: NotifyDeps,
): Promise<void> {
  const body = renderReply(reply);
  const key = reply.progress ? progressKey(to, reply.progress.jobKey) : undefined;
  if (key && deps.progress.offer(key, body)) return;

  const channel = reply.private ? await client.users.createDM(to.userId) : await channelFor(client, to, deps);
  const address = (m: RenderedMessage) =>
    channel.isDMBased()
      ? m
      : {
          ...m,
          content: truncate(`<@${to.userId}> ${m.content}`, LIMITS.content),
          allowedMentions: { users: [to.userId] },
        };
  const sending = channel.send(address(body));
  // Through the channel in hand: Message#edit looks its channel up in the cache, where a channel
  // of another shard's guild never is (node_modules/discord.js/src/structures/Message.js edit).
  const edit = async (m: RenderedMessage) => channel.messages.edit(await sending, address(m));
  if (key) deps.progress.track(key, edit, MESSAGE_EDIT_TTL_MS);
  await sending;
}

async function channelFor(client: Client<true>, to: UserRef, deps: NotifyDeps): Promise<SendableChannels> {
  try {
    // A shard caches only its own guilds, and discord.js makes no channel of an unknown guild's
    // unless told to (node_modules/discord.js/src/util/Channels.js createChannel): the cron in
    // shard 0 would tell everyone in another shard's guilds by DM.
    const channel = await client.channels.fetch(to.chatId, { allowUnknownGuild: true });
    if (channel?.isSendable()) return channel;
  } catch (err) {
    deps.warn({ chat: to.chatId }, err, 'cannot reach the original channel; sending a DM');
  }
  return client.users.createDM(to.userId);
}
