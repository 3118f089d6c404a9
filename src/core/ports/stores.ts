/** Where the core keeps media requests and the buttons it offered; on disk before anyone is answered. */
import type { MediaRequest, RequestStatus } from '../types.js';

export interface RequestFilter {
  status?: readonly RequestStatus[];
  /** `telegram:123` */
  user?: string;
  /** Only requests created after this time (ISO 8601): a store need not read older ones. */
  since?: string;
  /** Only requests with an `owner` (an instance has them in hand, or owes their answer). */
  owned?: boolean;
}

/** Media requests, on disk before anyone is answered. Writes are applied in order. */
export interface RequestStore {
  insert(request: MediaRequest): Promise<void>;
  get(id: string): Promise<MediaRequest | undefined>;
  /** Apply `change` to the stored copy and persist it; returns the new copy. Throws when absent. */
  update(id: string, change: (r: MediaRequest) => void): Promise<MediaRequest>;
  /** Newest first. */
  list(filter?: RequestFilter): Promise<MediaRequest[]>;
}

/** A set of buttons offered to one person, alive until used or expired. */
export interface StoredChoice {
  token: string;
  /** userKey of the person who may click. */
  owner: string;
  /** What the buttons decide: `media.pick` → request id + candidate keys. */
  purpose: string;
  requestId?: string;
  /** Values the options stand for, by index. */
  values: string[];
  expiresAt: string;
}

export interface ChoiceStore {
  put(choice: StoredChoice): Promise<void>;
  get(token: string): Promise<StoredChoice | undefined>;
  /** Remove it, so a second click finds nothing. Returns whether it was there. */
  take(token: string): Promise<boolean>;
  purgeExpired(now: Date): Promise<number>;
}
