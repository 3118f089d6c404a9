/**
 * The ports: what the core asks of the outside world, one file per domain in ports/ (media,
 * stores, runtime, cluster; the vocabulary's are in vocab/ports.ts). Adapters implement them; src/app.ts
 * and src/upstreams.ts wire them. Every method that talks to a network takes an AbortSignal and throws
 * `UpstreamError` (src/core/errors.ts) when the far end fails.
 */
export type * from './ports/cluster.js';
export type * from './ports/media.js';
export type * from './ports/runtime.js';
export type * from './ports/stores.js';
