/**
 * The core's vocabulary. Nothing here knows a chat platform, an HTTP library or a store.
 * Ids that come from chat platforms are strings: Telegram chat ids use up to 52 bits and
 * Discord snowflakes 64, so neither is ever held as a 32-bit number.
 */

import type { MediaCode } from './messages.js';
import type { VocabCode } from './vocab/messages.js';

/** What a thing in a library is. Music is split because Lidarr adds artists and albums differently. */
export type MediaKind = 'movie' | 'series' | 'artist' | 'album';

/** What the person said it is, if anything ("add show Fargo"). `music` covers artist and album. */
export type KindHint = 'movie' | 'series' | 'music' | 'artist' | 'album';

export type Platform = 'telegram' | 'discord' | 'terminal' | 'http';

/** Who asked, and where to answer. `chatId` is where replies and later notifications go. */
export interface UserRef {
  platform: Platform;
  userId: string;
  chatId: string;
  name?: string;
  /** Discord role ids of the member, when the platform has roles. */
  roles?: string[];
}

/** `telegram:123`: the key users are stored and compared by. */
export function userKey(user: Pick<UserRef, 'platform' | 'userId'>): string {
  return `${user.platform}:${user.userId}`;
}

/** Ids a work carries. Each backend needs one: Radarr tmdb, Sonarr tvdb, Lidarr the MusicBrainz ids. */
export interface ExternalIds {
  tmdb?: number;
  tvdb?: number;
  imdb?: string;
  /** MusicBrainz artist MBID (for an album: its credited artist). */
  mbArtist?: string;
  /** MusicBrainz release-group MBID (albums). */
  mbReleaseGroup?: string;
  spotify?: string;
}

/** What one catalog said about one work, already mapped out of the vendor's shape. */
export interface CatalogHit {
  /** Catalog name: tmdb, musicbrainz, spotify, sonarr, radarr, lidarr. */
  source: string;
  kind: MediaKind;
  title: string;
  /**
   * The same work's other titles: its original-language title (TMDb `original_title`), so
   * "El laberinto del fauno" finds Pan's Labyrinth. The title factor takes the best of them.
   */
  otherTitles?: string[];
  year?: number;
  ids: ExternalIds;
  /**
   * 0..1 on the scale every source shares (adapters/catalog/log-scale.ts `fame`): 0.5 is "a general
   * audience knows it". Absent when the source has no signal.
   */
  popularity?: number;
  posterUrl?: string;
  overview?: string;
  /** Albums: the credited artist's name. */
  artistName?: string;
  /** Albums the source marks as a soundtrack (MusicBrainz secondary type): named after a film or show. */
  soundtrack?: boolean;
  /** Series the source marks as anime (genres, keywords, Sonarr's seriesType). */
  anime?: boolean;
  /** An *arr lookup returned its library copy (Sonarr `id > 0`). */
  inLibrary?: boolean;
}

/** Why a candidate got its score: each factor 0..1 before weighting. */
export interface ScoreBreakdown {
  title: number;
  year: number;
  popularity: number;
  completeness: number;
  recency: number;
  kind: number;
}

/** One work after merging what several catalogs said about it, with its score. */
export interface Candidate extends CatalogHit {
  /** Stable key within one classification: `series:tvdb:79349`, `movie:tmdb:603`, `album:mb:…`. */
  key: string;
  sources: string[];
  /** 0..1 */
  score: number;
  factors: ScoreBreakdown;
}

/** How one catalog fared in one classification. */
export interface SourceReport {
  source: string;
  status: 'ok' | 'failed' | 'late';
  ms: number;
  hits: number;
  /** Safe to show: never a URL with a key. */
  error?: string;
}

/** Why a title was added without asking (media/decision-rules.ts). */
export type DecisionRule = 'typed year' | 'exact title' | 'score and margin';

export type Decision =
  /** `rule`: which rule of media/decision-rules.ts settled it. */
  | { type: 'auto'; candidate: Candidate; rule: DecisionRule }
  /** `twoKnown`: the score would have added it, but more than one well-known work carries the title. */
  | { type: 'ask'; candidates: Candidate[]; twoKnown?: true }
  | { type: 'none'; closest: Candidate[] }
  | { type: 'unavailable' };

export interface Classification {
  decision: Decision;
  ranked: Candidate[];
  sources: SourceReport[];
  ms: number;
}

export type RequestStatus =
  | 'received'
  | 'classified'
  | 'needs_choice'
  /** REQUIRE_APPROVAL: decided (or picked) and waiting for an admin's yes or no before it is sent. */
  | 'awaiting_approval'
  | 'approved'
  | 'sent'
  | 'already_present'
  | 'available'
  | 'failed_retryable'
  | 'failed'
  | 'cancelled';

/** One line of a request's history. */
export interface AuditEvent {
  at: string;
  /** `telegram:123`, `cron`, `system`. */
  actor: string;
  to: RequestStatus;
  from?: RequestStatus;
  note?: string;
  /** Scores, confidence, backend answers: whatever explains the step. */
  detail?: Record<string, unknown>;
}

export interface RequestQuery {
  /** The message as typed, trimmed. */
  text: string;
  title: string;
  year?: number;
  hint?: KindHint;
  /** "add Dexter season 9": monitor and search this season of the series. */
  season?: number;
}

/** Per-request choices the person made (or defaults filled in). */
export interface RequestOptions {
  /** Which configured backend instance: `sonarr`, `radarr-4k`, … */
  backend?: string;
  /** Sonarr monitor option: all, future, firstSeason, latestSeason … */
  monitor?: string;
}

export interface MediaRequest {
  id: string;
  user: UserRef;
  query: RequestQuery;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
  /** Up to five ranked candidates, kept so a choice can be made later or audited. */
  candidates: Candidate[];
  chosen?: Candidate;
  options: RequestOptions;
  /** The backend the request went or goes to. */
  backend?: string;
  /** The backend's own id once added or found. */
  backendItemId?: number;
  attempts: number;
  nextAttemptAt?: string;
  /** The reason the person was told, for failed and failed_retryable. */
  reason?: string;
  sources: SourceReport[];
  audit: AuditEvent[];
  /** IncomingMessage.origin of the message that asked, when the chat gave one. */
  origin?: string;
  /** The instance working on it now, or owing its answer to a chat that confirms delivery. */
  owner?: RequestOwner;
}

/**
 * Who has a request in hand (request-owner.ts). While that instance lives, the cron elsewhere
 * leaves the request alone; once it is gone, the cron takes the request up, or sends `reply`: the
 * answer it had and no chat confirmed delivering (Core.delivered).
 */
export interface RequestOwner {
  instance: string;
  /** The chat confirms delivery (Core.delivered): until it does, the answer is owed. */
  owes?: true;
  reply?: Reply;
}

/** What the chat shows about one work: Discord renders an embed, Telegram a caption. */
export interface MediaCard {
  title: string;
  year?: number;
  kind: MediaKind;
  /** 0..1 */
  confidence?: number;
  /** Where it goes: `Sonarr`, `Radarr 4K`. */
  destination?: string;
  posterUrl?: string;
  overview?: string;
}

export interface ChoiceOption {
  label: string;
  kind?: MediaKind;
}

/** Buttons to offer. The adapter sends `token` and the option's index (or "none") back to `core.choose`. */
export interface ChoicePrompt {
  token: string;
  options: ChoiceOption[];
  /** Label of the "none of these" button; absent when there is none. */
  noneLabel?: string;
}

/**
 * A button that carries its own state (the vocabulary browser): the chat hands `data` back to
 * `core.browse`. It is Telegram's callback_data and Discord's custom_id as it is, so the core keeps
 * it within the platform's limit (64 bytes, 100 characters) and unique within its message.
 */
export interface ActionButton {
  label: string;
  data: string;
  /** What a chat without buttons types for it (the terminal): `17`, `n`, `B2`, `b`. */
  key: string;
  /** The tab shown now: drawn as selected. */
  current?: boolean;
}

/**
 * Message codes: the wording lives in messages.ts (media, admin) and vocab/messages.ts, so every
 * chat says the same thing. A code that is in neither table fails tsc.
 */
export type MessageCode = MediaCode | VocabCode;

/** A platform-neutral answer. Adapters render it; the core never sees a platform object. */
export interface Reply {
  code: MessageCode;
  text: string;
  card?: MediaCard;
  choices?: ChoicePrompt;
  /** Rows of state-carrying buttons (the vocabulary browser); never together with `choices`. */
  buttons?: ActionButton[][];
  /** Shown only to the person (Discord ephemeral, Telegram alert on a click). */
  private?: boolean;
  /** A background job the chat may follow (enrichment). */
  progress?: { jobKey: string };
  /** A vocabulary list: the movie it shows (the HTTP API reads the list back by this key). */
  vocab?: { movieKey: string };
  document?: { filename: string; mimeType: string; content: string };
  requestId?: string;
  /**
   * Nothing to send: the message was a redelivery of one already taken (another instance, or this
   * one before a crash, is answering it). Chats that redeliver (Telegram) send nothing.
   */
  silent?: true;
}

/** A message from a chat, already stripped of platform detail. */
export interface IncomingMessage {
  user: UserRef;
  text: string;
  /** A file the person sent along (a subtitle file for vocab). */
  attachment?: { filename: string; content: string };
  /**
   * The platform message this is, when the platform may deliver it again to another instance
   * (`telegram:<chat>:<message_id>`): an "add" from it gets a request id derived from it, so a
   * redelivery finds the request already stored instead of storing a second one.
   */
  origin?: string;
}
