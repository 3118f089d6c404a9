/**
 * Every discord.js event handler runs through here: ignored while stopping, awaited by stop(),
 * and never able to throw into discord.js. A failure is logged with its context and the person
 * gets an apology where Discord still lets us answer.
 */
import { MessageFlags, type Interaction, type Message } from 'discord.js';
import { say } from '../../../src/core/messages.js';
import type { Logger } from '../../../src/core/ports.js';

/** Discord invalidates an interaction token it has not seen acknowledged within 3 s. */
const ACK_WINDOW_MS = 3000;
/** What is kept back from those 3 s for the round trip of the deferral itself. */
const ACK_SAFETY_MS = 700;

export class HandlerGuard {
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly log: Logger,
    private readonly describe: (err: unknown) => Record<string, unknown>,
  ) {}

  start(): void {
    this.stopping = false;
  }

  /** Stop taking new work and wait for what is running. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.inFlight]);
  }

  run(context: Record<string, unknown>, work: () => Promise<void>, source: Interaction | Message): void {
    if (this.stopping) return;
    const task = work()
      .catch(async (err: unknown) => {
        this.log.error({ ...context, err: this.describe(err) }, 'discord handler failed');
        await apologise(source).catch((e: unknown) =>
          this.log.warn({ ...context, err: this.describe(e) }, 'could not tell the user about the failure'),
        );
      })
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }
}

async function apologise(source: Interaction | Message): Promise<void> {
  const content = say('internal.error');
  if ('isRepliable' in source) {
    if (!source.isRepliable()) return;
    const privately = { content, flags: MessageFlags.Ephemeral } as const;
    await (source.replied || source.deferred ? source.followUp(privately) : source.reply(privately));
    return;
  }
  await source.reply({ content });
}

/** How long to wait before deferring: what is left of the 3 s window, minus a margin. */
export function deferAfter(interaction: Interaction, preferredMs = 1500): number {
  const age = Math.max(0, Date.now() - interaction.createdTimestamp);
  const left = ACK_WINDOW_MS - ACK_SAFETY_MS - age;
  return Math.max(0, Math.min(preferredMs, left));
}

/** What a log line about an interaction says: its id, who, and which command or button. */
export function interactionContext(interaction: Interaction): Record<string, unknown> {
  const out: Record<string, unknown> = {
    interaction: interaction.id,
    user: `discord:${interaction.user.id}`,
  };
  if (interaction.isCommand() || interaction.isAutocomplete()) out.command = interaction.commandName;
  if (interaction.isButton()) out.customId = interaction.customId;
  return out;
}
