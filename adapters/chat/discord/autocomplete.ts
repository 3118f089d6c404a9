/**
 * /add's title autocomplete: up to 25 suggestions from the core within Discord's 3 s, none for a
 * person the core would refuse, and an empty list rather than an error when the search is slow.
 */
import type { AutocompleteInteraction } from 'discord.js';
import type { Core } from '../../../src/core/core.js';
import { withinOr } from './answer-in-time.js';
import { suggestHint } from './commands.js';
import { truncate } from './render.js';
import { userFromInteraction } from './to-incoming.js';

/** Discord shows at most 25 choices of at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_LENGTH = 100;

export async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  core: Core,
  opts: { timeoutMs: number; warn: (err: unknown, prefix: string) => void },
): Promise<void> {
  const user = userFromInteraction(interaction);
  const prefix = String(interaction.options.getFocused()).trim();
  if (prefix === '' || !core.allows(user)) {
    await interaction.respond([]);
    return;
  }
  const hint = suggestHint(interaction.commandName, interaction.options.getString('kind') ?? undefined);
  const search = core.suggest(prefix, hint, user).catch((err: unknown) => {
    opts.warn(err, prefix);
    return [] as string[];
  });
  const titles = await withinOr(search, opts.timeoutMs, [] as string[]);
  const seen = new Set<string>();
  const choices = [];
  for (const t of titles) {
    const value = t.slice(0, MAX_LENGTH);
    if (!value.trim() || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: truncate(t, MAX_LENGTH), value });
    if (choices.length === MAX_CHOICES) break;
  }
  await interaction.respond(choices);
}
