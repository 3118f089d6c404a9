/**
 * Logging in to Discord's gateway, with the one fallback the bot needs: when the application's
 * owner has not turned on the Message Content intent, Discord closes the gateway with 4014 and
 * the bot logs in again without it. Discord still sends the text of DMs, of messages that mention
 * the bot, and of slash commands (discord-api-docs docs/topics/Gateway.md "Message Content
 * Intent"), so only plain "add …" in DISCORD_CHANNELS goes deaf.
 *
 * How a refusal reaches us (discord.js 14.28, @discordjs/ws 1.2.3): WebSocketShard#onClose emits
 * `closed` with the code first, which discord.js's WebSocketManager turns into Client
 * `shardDisconnect` for the codes it will not reconnect on (4004, 4010–4014); then it emits an
 * `error`, a plain Error ("Used disallowed intents", "Authentication failed") without the code,
 * and that is what login() rejects with. So the code is read from `shardDisconnect`. A wrong
 * token never reaches the gateway: GET /gateway/bot answers 401 first, and login() rejects with
 * DiscordjsError TokenInvalid (discord.js src/client/websocket/WebSocketManager.js#connect).
 */
import {
  type Client,
  DiscordAPIError,
  DiscordjsErrorCodes,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  HTTPError,
} from 'discord.js';
import { UpstreamError } from '../../../src/core/errors.js';
import type { Logger } from '../../../src/core/ports.js';
import { safeText } from './safe-error.js';

export const MESSAGE_CONTENT_FIX =
  'Developer Portal → your app → Bot → Privileged Gateway Intents → Message Content Intent';

/** Guilds, messages in guilds and DMs, and their text (the only privileged one). */
const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
];
const WITHOUT_CONTENT = INTENTS.filter((i) => i !== GatewayIntentBits.MessageContent);

/** A gateway that never says READY should fail start-up, not hang it. */
const READY_TIMEOUT_MS = 30_000;

export interface GatewayLogin {
  token: string;
  /** Masked in every message. */
  secrets: readonly string[];
  log: Logger;
  /** A new client asking for `intents`, with the adapter's handlers on it. */
  createClient: (intents: GatewayIntentBits[]) => Client;
}

/** A ready client, and whether it got the Message Content intent. Throws an UpstreamError. */
export async function loginToGateway(o: GatewayLogin): Promise<{ client: Client; messageContent: boolean }> {
  const first = await attempt(o.createClient(INTENTS), o.token);
  if ('client' in first) return { client: first.client, messageContent: true };
  if (first.closeCode !== GatewayCloseCodes.DisallowedIntents) throw loginFailure(first, o.secrets);
  o.log.warn(
    { fix: MESSAGE_CONTENT_FIX },
    'Discord refused the Message Content intent (close 4014); running without it: slash commands, DMs and mentions work, plain messages in channels arrive empty',
  );
  const second = await attempt(o.createClient(WITHOUT_CONTENT), o.token);
  if ('client' in second) return { client: second.client, messageContent: false };
  throw loginFailure(second, o.secrets);
}

type Attempt = { client: Client } | { error: unknown; closeCode: number | undefined };

async function attempt(client: Client, token: string): Promise<Attempt> {
  let closeCode: number | undefined;
  client.once(Events.ShardDisconnect, (event) => {
    closeCode = event.code;
  });
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    timer = setTimeout(() => reject(new ReadyTimeout()), READY_TIMEOUT_MS);
  });
  // Awaited below; this only keeps a timeout during login() from being an unhandled rejection.
  ready.catch(() => undefined);
  try {
    await client.login(token);
    await ready;
    return { client };
  } catch (error) {
    await client.destroy().catch(() => undefined);
    return { error, closeCode };
  } finally {
    clearTimeout(timer);
  }
}

class ReadyTimeout extends Error {
  override readonly name = 'ReadyTimeout';
  constructor() {
    super(`the gateway did not say READY within ${READY_TIMEOUT_MS / 1000} s`);
  }
}

function loginFailure(a: { error: unknown; closeCode: number | undefined }, secrets: readonly string[]) {
  const { error, closeCode } = a;
  const said = safeText(error instanceof Error ? error.message : String(error), secrets);
  const fail = (failure: ConstructorParameters<typeof UpstreamError>[1], text: string, status?: number) =>
    new UpstreamError('discord', failure, `Discord login failed: ${text}`, {
      cause: error,
      ...(status === undefined ? {} : { status }),
    });
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid || closeCode === GatewayCloseCodes.AuthenticationFailed)
    return fail(
      'auth',
      `DISCORD_TOKEN was refused (${closeCode ? `gateway close ${closeCode}` : 'HTTP 401'}): reset it in the Developer Portal (Bot → Reset Token), put it in DISCORD_TOKEN and restart reelbot`,
      closeCode ? undefined : 401,
    );
  if (closeCode !== undefined)
    return fail(
      'rejected',
      `the gateway closed with ${closeCode} ${GatewayCloseCodes[closeCode] ?? ''} (${said})`,
    );
  if (error instanceof DiscordAPIError)
    return fail(
      error.status === 429 ? 'rate_limited' : 'rejected',
      `HTTP ${error.status} (${said})`,
      error.status,
    );
  if (error instanceof HTTPError) return fail('server_error', `HTTP ${error.status} (${said})`, error.status);
  if (error instanceof ReadyTimeout || (error instanceof Error && error.name === 'AbortError'))
    return fail('timeout', said);
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return fail(
    'unavailable',
    `Discord is not reachable (${said}${typeof cause === 'string' ? `: ${cause}` : ''})`,
  );
}
