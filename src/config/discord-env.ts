import { z } from 'zod';
import { optionalString, urlWithDefault } from './env-helpers.js';

export const discordEnv = z.object({
  DISCORD_TOKEN: optionalString(),
  DISCORD_APPLICATION_ID: optionalString(),
  /** Register slash commands in this guild only (instant); global when unset (can take up to an hour). */
  DISCORD_GUILD_ID: optionalString(),
  /** REST root; the gateway URL comes from GET /gateway/bot. */
  DISCORD_API_BASE: urlWithDefault('https://discord.com/api'),
});
export type DiscordEnv = z.infer<typeof discordEnv>;
