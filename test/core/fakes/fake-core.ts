/**
 * The real core (createCore) on in-memory ports: a TMDb-like and a MusicBrainz-like catalog,
 * Radarr, Sonarr and Lidarr backends, Map stores, a recording notifier and a clock that moves
 * only when told. Settings default to the app's (src/config/core-env.ts), as src/app.ts maps them.
 */
import { coreEnv } from '../../../src/config/core-env.js';
import type { ReelCore } from '../../../src/core/core.js';
import { createCore, type CoreSettings } from '../../../src/core/create-core.js';
import { LiveInstances } from '../../../src/core/live-instances.js';
import { ProcessLocks } from '../../../src/core/process-locks.js';
import type { Reply, UserRef } from '../../../src/core/types.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { FakeBackend } from './backend.js';
import { FakeCatalog } from './catalog.js';
import { MemoryChoiceStore } from './choice-store.js';
import { FakeClock } from './clock.js';
import { bladeRunner, bladeRunnerAlbum, breakingBad, drStrangelove, inception, theMatrix } from './hits.js';
import { RecordingNotifier } from './notifier.js';
import { MemoryRequestStore } from './request-store.js';

export const alice: UserRef = { platform: 'terminal', userId: 'alice', chatId: 'chat-alice' };
export const bob: UserRef = { platform: 'terminal', userId: 'bob', chatId: 'chat-bob' };

export interface FakeCoreOptions {
  settings?: Partial<CoreSettings>;
}

export interface FakeCore {
  core: ReelCore;
  clock: FakeClock;
  requests: MemoryRequestStore;
  choices: MemoryChoiceStore;
  notifier: RecordingNotifier;
  logger: CaptureLogger;
  tmdb: FakeCatalog;
  musicbrainz: FakeCatalog;
  radarr: FakeBackend;
  sonarr: FakeBackend;
  lidarr: FakeBackend;
  say(text: string, user?: UserRef): Promise<Reply>;
  /** A new core over the same stores, catalogs and backends (the bot restarted), with `settings`. */
  restart(settings?: Partial<CoreSettings>): FakeCore;
  /** Click the option whose label contains `label`, or 'none'. */
  pick(reply: Reply, label: string | 'none', user?: UserRef): Promise<Reply>;
  /** This core's instance, alive from the start (stop() is its process dying). */
  instances: LiveInstances;
  /** Another live instance on the same stores, catalogs, backends and lock service (PostgreSQL's). */
  sibling(): FakeCore;
}

/** The app's defaults, from the same schema the environment is read with. */
export function defaultSettings(): CoreSettings {
  const env = coreEnv.parse({});
  return {
    policy: {
      autoMinScore: env.AUTO_MIN_SCORE,
      autoMinMargin: env.AUTO_MIN_MARGIN,
      offerMinScore: env.OFFER_MIN_SCORE,
      deadlineMs: env.DECISION_DEADLINE_MS,
    },
    choiceTtlMs: env.CHOICE_TTL_MINUTES * 60_000,
    maxAttempts: env.MAX_ATTEMPTS,
    askSeasons: env.ASK_SEASONS,
  };
}

export function startCore(opts: FakeCoreOptions = {}): FakeCore {
  const tmdb = new FakeCatalog({
    name: 'tmdb',
    kinds: ['movie', 'series'],
    hits: {
      Inception: [inception],
      'The Matrix': [theMatrix],
      'Blade Runner': [bladeRunner],
      'Breaking Bad': [breakingBad],
      // A near miss: the short name people type for a long full title.
      'Dr Strangelove': [drStrangelove],
    },
    resolveIds: { 'series:tmdb:1396': { tvdb: 81189, imdb: 'tt0903747' } },
  });
  const musicbrainz = new FakeCatalog({
    name: 'musicbrainz',
    kinds: ['artist', 'album'],
    hits: { 'Blade Runner': [bladeRunnerAlbum] },
  });
  const ports: Ports = {
    clock: new FakeClock(),
    requests: new MemoryRequestStore(),
    choices: new MemoryChoiceStore(),
    notifier: new RecordingNotifier(),
    logger: new CaptureLogger(),
    tmdb,
    musicbrainz,
    radarr: new FakeBackend({ name: 'radarr', label: 'Radarr', kinds: ['movie'] }),
    sonarr: new FakeBackend({ name: 'sonarr', label: 'Sonarr', kinds: ['series'] }),
    lidarr: new FakeBackend({ name: 'lidarr', label: 'Lidarr', kinds: ['artist', 'album'] }),
  };
  return coreOn(ports, opts.settings ?? {});
}

type Ports = Omit<FakeCore, 'core' | 'say' | 'pick' | 'restart' | 'instances' | 'sibling'>;

/** `cluster`: the lock service shared with a sibling; a restart gets a fresh one (the old instance is gone). */
function coreOn(ports: Ports, settings: Partial<CoreSettings>, cluster = new ProcessLocks()): FakeCore {
  const instances = new LiveInstances(cluster, true);
  void instances.start();
  const core = createCore({
    cluster,
    instances,
    catalogs: [ports.tmdb, ports.musicbrainz],
    backends: [ports.radarr, ports.sonarr, ports.lidarr],
    requests: ports.requests,
    choices: ports.choices,
    notifier: ports.notifier,
    clock: ports.clock,
    logger: ports.logger,
    settings: { ...defaultSettings(), ...settings },
  });
  return {
    ...ports,
    core,
    say: (text, user = alice) => core.handle({ user, text }),
    pick(reply, label, user = alice) {
      if (!reply.choices) throw new Error(`no choices in reply: ${reply.text}`);
      if (label === 'none') return core.choose(user, reply.choices.token, 'none');
      const i = reply.choices.options.findIndex((o) => o.label.includes(label));
      if (i === -1)
        throw new Error(`no option "${label}" in ${reply.choices.options.map((o) => o.label).join(' | ')}`);
      return core.choose(user, reply.choices.token, i);
    },
    restart: (next = settings) => coreOn(ports, next),
    instances,
    sibling: () => coreOn(ports, settings, cluster),
  };
}
