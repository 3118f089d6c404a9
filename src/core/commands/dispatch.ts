/**
 * A chat message → the one use case it asks for. Parsing and the access rule are applied here,
 * before anything is stored; every command of every chat goes through this switch.
 */
import { isAdmin, mayRequest, type AccessRules } from '../access/access.js';
import { checkQuota, type QuotaLimits } from '../access/quota.js';
import { formatDuration } from '../admin/report.js';
import type { MediaRequests } from '../media/media-requests.js';
import type { DecisionPolicy } from '../media/classify.js';
import { explainDecision } from '../media/explain-decision.js';
import type { AddQuery } from '../media/intake.js';
import { cancelRequest, describeRequests } from '../media/my-requests.js';
import { say, textReply } from '../messages.js';
import type { Clock, Logger, RequestStore } from '../ports.js';
import { userKey, type IncomingMessage, type Reply, type UserRef } from '../types.js';
import type { AdminAction, ParseResult } from './parse.js';

/** "vocab …": implemented by the vocabulary side; absent when it is not set up. */
export interface VocabHandler {
  handle(args: string, msg: IncomingMessage): Promise<Reply>;
  /** A click in a vocabulary list's browser, the person already let through by the access rule. */
  browse?(data: string, user: UserRef): Promise<Reply>;
}

export interface DispatchDeps {
  parse: (text: string) => ParseResult;
  access: AccessRules;
  quota: QuotaLimits;
  media: MediaRequests;
  requests: RequestStore;
  /** The decision rule, for "why <id>". */
  policy: DecisionPolicy;
  clock: Clock;
  logger: Logger;
  vocab: VocabHandler | undefined;
  admin: (action: AdminAction, user: UserRef) => Promise<Reply>;
}

/** `stored`: called once an "add" is on disk (see Core.handle). */
export async function dispatchMessage(
  msg: IncomingMessage,
  deps: DispatchDeps,
  stored?: () => void,
): Promise<Reply> {
  const { access } = deps;
  const parsed = deps.parse(msg.text);
  if (!mayRequest(access, msg.user)) {
    // Being told what the bot does is never secret; everything else stops here, unstored.
    if (parsed.ok && parsed.command.type === 'help') return textReply('help');
    deps.logger.info({ user: userKey(msg.user) }, 'refused: not on the access list');
    return textReply('access.denied', { who: userKey(msg.user) }, { private: true });
  }
  if (!parsed.ok) return textReply(parsed.code, parsed.values);
  const cmd = parsed.command;
  const admin = isAdmin(access, msg.user);
  switch (cmd.type) {
    case 'help':
      return admin ? textReply('admin.help', { help: say('help') }) : textReply('help');
    case 'add': {
      if (!admin) {
        const over = await quotaRefusal(msg.user, deps);
        if (over) return over;
      }
      const query: AddQuery = { title: cmd.title };
      if (cmd.year !== undefined) query.year = cmd.year;
      if (cmd.hint) query.hint = cmd.hint;
      if (cmd.season !== undefined) query.season = cmd.season;
      return deps.media.add(msg.user, msg.text.trim(), query, {
        ...(msg.origin ? { origin: msg.origin } : {}),
        ...(stored ? { stored } : {}),
      });
    }
    case 'requests':
      return describeRequests(msg.user, deps.requests, deps.clock);
    case 'cancel':
      return cancelRequest(msg.user, cmd.id, deps.requests, deps.clock);
    case 'why':
      return explainDecision(msg.user, cmd.id, admin, deps);
    case 'vocab':
      return deps.vocab ? deps.vocab.handle(cmd.args, msg) : textReply('vocab.unavailable');
    case 'admin':
      if (!admin) return textReply('admin.denied', { verb: cmd.action.name }, { private: true });
      return deps.admin(cmd.action, msg.user);
  }
}

async function quotaRefusal(
  user: UserRef,
  deps: Pick<DispatchDeps, 'quota' | 'requests' | 'clock'>,
): Promise<Reply | undefined> {
  const now = deps.clock.now();
  const q = await checkQuota(user, deps.quota, deps.requests, now);
  if (q.ok) return undefined;
  const wait = Math.max(60_000, q.nextAt.getTime() - now.getTime());
  const at = `${q.nextAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return textReply('quota.reached', {
    limit: q.limit,
    period: q.period,
    when: say('quota.when', { wait: formatDuration(wait), at }),
  });
}
