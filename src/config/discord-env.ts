import { z } from 'zod';
import { commaList, optionalString, urlWithDefault } from './env-helpers.js';

export const discordEnv = z.object({
  DISCORD_TOKEN: optionalString(),
  DISCORD_APPLICATION_ID: optionalString(),
  /** Register slash commands in this guild only (instant); global when unset (can take up to an hour). */
  DISCORD_GUILD_ID: optionalString(),
  /** REST root; the gateway URL comes from GET /gateway/bot. */
  DISCORD_API_BASE: urlWithDefault('https://discord.com/api'),
  /**
   * Role ids whose members may request. With none here and no ALLOWED_USERS, everyone may;
   * users listed in ALLOWED_USERS as `discord:<id>` pass whatever their roles.
   */
  DISCORD_REQUEST_ROLES: commaList(),
  /** Role ids whose members may administer (and request); ADMIN_USERS `discord:<id>` pass too. */
  DISCORD_ADMIN_ROLES: commaList(),
  /**
   * Channel ids where a plain "add Dexter" is a command without mentioning the bot. Elsewhere
   * the bot answers only when mentioned, in DMs, and to slash commands.
   */
  DISCORD_CHANNELS: commaList(),
});
export type DiscordEnv = z.infer<typeof discordEnv>;
