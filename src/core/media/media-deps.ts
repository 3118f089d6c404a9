/**
 * Everything the media use cases are built from. Each use case takes only the part it names
 * (`Pick<MediaDeps, …>`), so its signature shows what it touches.
 */
import type { ErrorCounter } from '../admin/metrics.js';
import type { Choices } from '../choices.js';
import type {
  ClusterLocks,
  Clock,
  Instances,
  Logger,
  MediaCatalog,
  Notifier,
  RequestStore,
} from '../ports.js';
import type { UserRef } from '../types.js';
import type { ApprovalPolicy } from './approval.js';
import type { BackendRegistry } from './backend-registry.js';
import type { ClassificationCache } from './classification-cache.js';
import type { DecisionPolicy } from './classify.js';
import type { OneAtATime } from '../one-at-a-time.js';

export interface MediaDeps {
  catalogs: readonly MediaCatalog[];
  backends: BackendRegistry;
  requests: RequestStore;
  choices: Choices;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
  policy: DecisionPolicy;
  maxAttempts: number;
  approval: ApprovalPolicy;
  /** Ask which seasons to monitor when a series is added (ASK_SEASONS). */
  askSeasons: boolean;
  cache: ClassificationCache;
  metrics: ErrorCounter;
  locks: OneAtATime;
  /** Per-item single flight in the send path (send-request.ts), across instances where they share one. */
  items: ClusterLocks;
  /** Who has a request in hand (request-owner.ts). */
  instances: Instances;
}

/** Who is acting on a request: the person who asked, an admin, or the cron. */
export interface Acting {
  /** Audit actor: `telegram:123`, `cron`. */
  actor: string;
  /** Who gets the buttons when the bot has to ask. */
  chooser: UserRef;
  /** An admin's action is their approval. */
  byAdmin: boolean;
}

/** What `classify` needs. */
export type SearchDeps = Pick<MediaDeps, 'catalogs' | 'clock' | 'logger' | 'cache' | 'metrics' | 'policy'>;
