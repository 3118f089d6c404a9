/**
 * The core for callers that authenticated as an operator (the HTTP API's bearer token, the host's
 * `npm run` scripts): no access list, quota or approval applies to them.
 */
import type { Metrics } from './admin/metrics.js';
import type { AdminAction, ParseResult } from './commands/parse.js';
import type { Operations } from './core.js';
import type { BackendRegistry } from './media/backend-registry.js';
import { classify } from './media/classify.js';
import type { AddQuery } from './media/intake.js';
import type { SearchDeps } from './media/media-deps.js';
import type { MediaRequests, ReclassifyTarget } from './media/media-requests.js';
import { textReply } from './messages.js';
import type { RequestStore } from './ports.js';
import type { Reply, UserRef } from './types.js';

export interface OperationsDeps {
  parse: (text: string) => ParseResult;
  search: SearchDeps;
  media: MediaRequests;
  backends: BackendRegistry;
  requests: RequestStore;
  metrics: Metrics;
  admin: (action: AdminAction, user: UserRef) => Promise<Reply>;
  /** Runs work the way chats' work runs: tracked for idle(), exceptions turned into an apology. */
  guarded: (what: string, user: UserRef | undefined, work: () => Promise<Reply>) => Promise<Reply>;
}

export function createOperations(deps: OperationsDeps): Operations {
  const { parse, search, media, backends, requests, guarded } = deps;
  return {
    async classify(text) {
      const parsed = parse(`add ${text}`);
      if (!parsed.ok || parsed.command.type !== 'add')
        return { reply: parsed.ok ? textReply('parse.emptyTitle') : textReply(parsed.code, parsed.values) };
      if (search.catalogs.length === 0) return { reply: textReply('media.noCatalogs') };
      const { title, year, hint } = parsed.command;
      const c = await classify(
        { title, ...(year !== undefined ? { year } : {}), ...(hint ? { hint } : {}) },
        search,
      );
      return {
        result: {
          decision: c.decision.type,
          candidates: c.ranked.slice(0, 10),
          sources: c.sources,
          ms: c.ms,
        },
      };
    },

    async request(user, input) {
      const reply = await guarded('api request', user, () => {
        const query: AddQuery = { title: input.title };
        if (input.year !== undefined) query.year = input.year;
        if (input.hint) query.hint = input.hint;
        return media.add(user, input.title, query, {
          byAdmin: true,
          ...(input.key ? { preferKey: input.key } : {}),
        });
      });
      const request = reply.requestId ? await requests.get(reply.requestId) : undefined;
      return request ? { reply, request } : { reply };
    },

    async reclassify(user, id, target) {
      let t: ReclassifyTarget = { label: target.kind ?? 'a fresh search' };
      if (target.kind) t.hint = target.kind;
      if (target.service) {
        const b = backends.byName(target.service.toLowerCase());
        if (!b) {
          const services = backends.all.map((x) => x.name).join(', ') || 'none configured';
          return { reply: textReply('admin.unknownTarget', { target: target.service, services }) };
        }
        t = { ...t, backend: b.name, label: target.kind ? `${target.kind} in ${b.label}` : b.label };
      }
      const reply = await guarded('api reclassify', user, () => media.reclassify(user, id, t));
      const request = await requests.get(id);
      return request ? { reply, request } : { reply };
    },

    get: (id) => requests.get(id),
    list: (filter) => requests.list(filter),

    admin(user, text) {
      return guarded('admin', user, async () => {
        const parsed = parse(text);
        if (!parsed.ok) return textReply(parsed.code, parsed.values);
        if (parsed.command.type !== 'admin')
          return textReply('parse.unknown', { verb: text.trim().split(' ')[0] ?? '' });
        return deps.admin(parsed.command.action, user);
      });
    },

    lastProcess: () => deps.metrics.lastProcess,
    metrics: deps.metrics,
  };
}
