/**
 * A fake Discord on 127.0.0.1 for the real discord.js: a gateway over `ws` (HELLO, heartbeat ACK,
 * IDENTIFY → READY → GUILD_CREATE, then the events a test injects) and the REST routes the bot
 * calls. It holds Discord's rules, so a test fails where production would: request bodies are
 * checked against the official OpenAPI schema and the limits it leaves out (5 rows of 5 buttons,
 * custom_id ≤ 100, labels ≤ 80, content ≤ 2000, 10 embeds), an interaction must be acknowledged
 * within 3 s (later: 404 Unknown interaction, 10062) and only once (400, 40060), and bot routes
 * need the bot token while interaction webhooks do not.
 *
 * Every refused request is kept in `rejections`: a story asserts it is empty.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';
import { applicationJson, disallowedIntents, type PrivilegedIntent } from './discord/application.js';
import {
  checkAutocomplete,
  checkCommands,
  checkMessageLimits,
  checkSchema,
  type BodyKind,
} from './discord/checks.js';
import { parseMultipart } from './discord/multipart.js';
import {
  identifyShard,
  INVALID_SHARD,
  receives,
  sameShard,
  UNSHARDED,
  type ShardKey,
} from './discord/shards.js';
import {
  apiUser,
  buttonInteraction,
  commandInteraction,
  dmChannel,
  guildCreate,
  hello,
  interactionToken,
  messageCreate,
  ready,
  snowflake,
  textChannel,
  type CommandOptionValue,
  type FakeUser,
  type Where,
} from './discord/payloads.js';

type Json = Record<string, unknown>;

export const DISCORD_ERRORS = {
  unauthorized: { message: '401: Unauthorized', code: 0 },
  unknownInteraction: { message: 'Unknown interaction', code: 10062 },
  alreadyAcknowledged: { message: 'Interaction has already been acknowledged.', code: 40060 },
  unknownWebhook: { message: 'Unknown Webhook', code: 10015 },
  invalidWebhookToken: { message: 'Invalid Webhook Token', code: 50027 },
  unknownMessage: { message: 'Unknown Message', code: 10008 },
  unknownChannel: { message: 'Unknown Channel', code: 10003 },
  missingAccess: { message: 'Missing Access', code: 50001 },
  notAuthor: { message: 'Cannot edit a message authored by another user', code: 50005 },
} as const;

/** The 3 s an interaction may go unacknowledged, and the 15 min its token stays valid. */
export const ACK_WINDOW_MS = 3000;
export const TOKEN_LIFETIME_MS = 15 * 60_000;

/** An empty 204 without a JSON content-type: discord.js parses any JSON-typed body, even an empty one. */
const NO_CONTENT: FakeResponse = { status: 204, raw: '' };

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const INTENT_GUILD_MESSAGES = 1 << 9;
const INTENT_DIRECT_MESSAGES = 1 << 12;
const INTENT_MESSAGE_CONTENT = 1 << 15;

export interface StoredMessage {
  /** The message as Discord returns it. */
  api: Json;
  files: Array<{ filename: string; content: string }>;
  ephemeral: boolean;
  edits: number;
  deleted: boolean;
}

export interface FakeInteraction {
  id: string;
  token: string;
  /** 2 command, 3 component, 4 autocomplete. */
  type: number;
  createdAt: number;
  user: FakeUser;
  channelId: string;
  /** Every callback attempt, accepted or not, in order. */
  callbacks: Array<{ type: number; data: unknown; at: number; status: number }>;
  ackType?: number;
  ackedAt?: number;
  /** `@original`: the reply (types 4, 5) or the clicked message (types 6, 7). */
  originalId?: string;
  /** The message a clicked button is on. */
  messageId?: string;
  followUps: string[];
  autocomplete?: Array<{ name: string; value: unknown }>;
}

export interface Rejection {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** Gateway heartbeat interval; short so a test sees some (default 1000 ms). */
  heartbeatMs?: number;
  /** Privileged intents turned on in the Developer Portal (default: Message Content, as README's setup says). */
  privilegedIntents?: PrivilegedIntent[];
  /** The guild's id; `guildIdOn(1, 2)` puts it on shard 1 of 2 (default: a new snowflake). */
  guildId?: string;
  /** GET /gateway/bot's `shards`, Discord's recommended shard count (default 1). */
  recommendedShards?: number;
}

interface Connection {
  ws: WebSocket;
  session?: Session;
}

/**
 * A gateway session, as Discord keeps it: events are numbered and logged, so a client that lost
 * its connection (a missed heartbeat ACK on a busy test machine) resumes without losing any.
 */
interface Session {
  id: string;
  /** IDENTIFY's `shard`: which guilds' events this session gets. */
  shard: ShardKey;
  seq: number;
  log: Array<{ s: number; t: string; d: Json }>;
  conn?: Connection;
}

/** One event handed to one session: a story reads which shard got a guild's event. */
export interface Dispatch {
  t: string;
  /** The event's `id` (an interaction's or a message's). */
  id: string | undefined;
  guildId: string | undefined;
  shard: ShardKey;
}

/** A file a person attaches (served back from the fake's CDN path). */
export interface FakeUpload {
  filename: string;
  content: string;
  /** Claimed size in bytes; defaults to the content's. */
  size?: number;
}

interface Who {
  user?: FakeUser;
  /** Role ids; defaults to the user's roles in `memberRoles`. */
  roles?: readonly string[];
  channelId?: string;
  /** In a DM with the bot rather than a guild channel. */
  dm?: boolean;
}

export class FakeDiscord extends FakeHttp {
  readonly token: string;
  readonly applicationId: string;
  readonly bot: FakeUser;
  readonly guildId: string;
  readonly channels = { general: snowflake(), requests: snowflake() };
  readonly roles = { requester: snowflake(), admin: snowflake() };
  readonly users = {
    alice: { id: snowflake(), username: 'alice' },
    bob: { id: snowflake(), username: 'bob' },
    carol: { id: snowflake(), username: 'carol' },
  } satisfies Record<string, FakeUser>;
  /** The roles each user has in the guild; tests may change them. */
  readonly memberRoles = new Map<string, string[]>();
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, FakeInteraction>();
  /** Registered commands by scope: 'global' or a guild id. */
  readonly commands = new Map<string, Json[]>();
  readonly rejections: Rejection[] = [];
  /** The IDENTIFY payload's `d` (intents, properties, shard), once the bot has connected. */
  identify: Json | undefined;
  /** Every accepted IDENTIFY's `d`, oldest first (one per shard, more after reconnects). */
  readonly identifies: Json[] = [];
  /** Every dispatch after READY and GUILD_CREATE, with the shard that got it. */
  readonly dispatches: Dispatch[] = [];
  heartbeats = 0;

  private readonly heartbeatMs: number;
  private readonly privilegedIntents: PrivilegedIntent[];
  private readonly dms = new Map<string, { id: string; user: FakeUser }>();
  private readonly uploads = new Map<string, FakeUpload>();
  private readonly connections = new Set<Connection>();
  /** The current session of each shard, by `id/count`. */
  private readonly sessions = new Map<string, Session>();
  private readonly recommendedShards: number;
  /** Gateway connections opened, including reconnects (resumes and re-identifies). */
  connectionsOpened = 0;
  private wss: WebSocketServer | undefined;
  private gatewayPort = 0;

  constructor(opts: FakeDiscordOptions = {}) {
    super();
    this.token = opts.token ?? `MTAx.fake.${interactionToken().slice(-20)}`;
    this.applicationId = opts.applicationId ?? snowflake();
    this.bot = { id: this.applicationId, username: 'reelbot', bot: true };
    this.heartbeatMs = opts.heartbeatMs ?? 1000;
    this.privilegedIntents = opts.privilegedIntents ?? ['MessageContent'];
    this.guildId = opts.guildId ?? snowflake();
    this.recommendedShards = opts.recommendedShards ?? 1;
    this.memberRoles.set(this.users.alice.id, [this.roles.requester]);
    this.memberRoles.set(this.users.bob.id, []);
    this.memberRoles.set(this.users.carol.id, [this.roles.admin]);
    this.installRoutes();
  }

  get apiBase(): string {
    return `${this.url}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.gatewayPort}`;
  }

  async startGateway(): Promise<void> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(wss, 'listening');
    this.gatewayPort = (wss.address() as AddressInfo).port;
    wss.on('connection', (ws) => this.onSocket(ws));
    this.wss = wss;
  }

  override async close(): Promise<void> {
    for (const c of this.connections) c.ws.terminate();
    this.connections.clear();
    const wss = this.wss;
    this.wss = undefined;
    if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
    await super.close();
  }

  // ── what a test does as a person ────────────────────────────────────────────────────────────

  /** Someone runs `/name option:value …`; an upload becomes an attachment option. */
  slashCommand(
    name: string,
    options: Record<string, string | FakeUpload> = {},
    who: Who = {},
  ): FakeInteraction {
    const attachments: Record<string, Json> = {};
    const opts = Object.entries(options).map(([n, value]): CommandOptionValue => {
      if (typeof value === 'string') return { name: n, value };
      const att = this.upload(value);
      attachments[String(att.id)] = att;
      return { name: n, value: String(att.id), type: 11 };
    });
    const resolved = Object.keys(attachments).length > 0 ? { attachments } : undefined;
    return this.commandLike(name, opts, who, false, resolved);
  }

  /** Someone types into an option that has autocomplete; `focused` names that option. */
  autocomplete(
    name: string,
    options: Record<string, string>,
    focused: string,
    who: Who = {},
  ): FakeInteraction {
    const opts = Object.entries(options).map(([n, value]) => ({
      name: n,
      value,
      ...(n === focused ? { focused: true } : {}),
    }));
    return this.commandLike(name, opts, who, true);
  }

  /** Someone clicks the button with `customId` on message `messageId` (it must be there). */
  click(messageId: string, customId: string, who: Who = {}): FakeInteraction {
    const stored = this.messages.get(messageId);
    if (!stored || stored.deleted) throw new Error(`fake discord: no message ${messageId} to click on`);
    const ids = buttonsOf(stored.api).map((b) => b.custom_id);
    if (!ids.includes(customId))
      throw new Error(`fake discord: message ${messageId} has no button ${customId} (has ${ids.join(', ')})`);
    const user = who.user ?? this.users.alice;
    const where = this.where(user, { ...who, channelId: String(stored.api.channel_id) });
    const rec = this.newInteraction(3, user, where.channelId);
    rec.messageId = messageId;
    this.gatewayEvent(
      'INTERACTION_CREATE',
      buttonInteraction({
        id: rec.id,
        token: rec.token,
        applicationId: this.applicationId,
        customId,
        message: stored.api,
        user,
        roles: this.rolesOf(user, who),
        where,
      }),
    );
    return rec;
  }

  /**
   * Someone writes in a channel (or DM). `mention` puts "<@bot> " in front and lists the bot in
   * `mentions`. Without the Message Content intent a guild message arrives with empty content,
   * as it does from Discord, unless it mentions the bot.
   */
  say(content: string, who: Who & { mention?: boolean; files?: FakeUpload[] } = {}): string {
    const user = who.user ?? this.users.alice;
    const where = this.where(user, who);
    const text = who.mention ? `<@${this.bot.id}> ${content}` : content;
    const intents = Number(this.identify?.intents ?? 0);
    const inGuild = where.guildId !== undefined;
    if (!(intents & (inGuild ? INTENT_GUILD_MESSAGES : INTENT_DIRECT_MESSAGES))) return '';
    const mentioned = who.mention === true || text.includes(`<@${this.bot.id}>`);
    const visible = !inGuild || mentioned || (intents & INTENT_MESSAGE_CONTENT) !== 0 ? text : '';
    const id = snowflake();
    this.gatewayEvent(
      'MESSAGE_CREATE',
      messageCreate({
        id,
        content: visible,
        author: user,
        roles: this.rolesOf(user, who),
        where,
        mentions: mentioned ? [this.bot] : [],
        attachments: (who.files ?? []).map((f) => this.upload(f)),
      }),
    );
    return id;
  }

  // ── what a test inspects ────────────────────────────────────────────────────────────────────

  message(id: string | undefined): StoredMessage | undefined {
    return id === undefined ? undefined : this.messages.get(id);
  }

  /** The interaction's @original message (its reply, or the clicked message). */
  original(rec: FakeInteraction): StoredMessage | undefined {
    return this.message(rec.originalId);
  }

  /** Messages the bot posted in a channel, oldest first. */
  channelMessages(channelId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.api.channel_id === channelId && !m.deleted);
  }

  /** Cut every gateway connection, as a network blip would; the session stays resumable. */
  dropConnections(): void {
    for (const c of this.connections) c.ws.terminate();
  }

  /** Gateway connections that have identified (0 once the bot has shut down). */
  get connectedBots(): number {
    return [...this.sessions.values()].filter((s) => s.conn).length;
  }

  /** The shards that got the event with this id (an interaction's or a message's). */
  shardsThatGot(id: string): ShardKey[] {
    return this.dispatches.filter((d) => d.id === id).map((d) => d.shard);
  }

  /** IDENTIFY payloads that asked for `shard`. */
  identifiesFor(shard: ShardKey): Json[] {
    return this.identifies.filter((d) => sameShard(identifyShard(d.shard) ?? UNSHARDED, shard));
  }

  dmChannelOf(user: FakeUser): string {
    return this.dm(user).id;
  }

  /** Poll `probe` until it returns something truthy (or throw after `timeoutMs`). */
  async waitFor<T>(
    probe: () => T | undefined | null | false,
    timeoutMs = 2500,
    what = 'condition',
  ): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > until)
        throw new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  // ── gateway ─────────────────────────────────────────────────────────────────────────────────

  private onSocket(ws: WebSocket): void {
    const conn: Connection = { ws };
    this.connections.add(conn);
    this.connectionsOpened += 1;
    ws.on('close', () => {
      this.connections.delete(conn);
      if (conn.session?.conn === conn) conn.session.conn = undefined;
    });
    ws.on('message', (raw) => {
      const p = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (p.op === 1) {
        this.heartbeats += 1;
        ws.send(JSON.stringify({ op: 11 }));
      } else if (p.op === 2) {
        this.onIdentify(conn, p.d as Json);
      } else if (p.op === 6) {
        this.onResume(conn, p.d as Json);
      }
    });
    ws.send(JSON.stringify(hello(this.heartbeatMs)));
  }

  private onIdentify(conn: Connection, d: Json): void {
    if (d.token !== this.token) {
      conn.ws.close(4004, 'Authentication failed.');
      return;
    }
    // discord-api-types gateway/v10 GatewayCloseCodes.DisallowedIntents (Discord's close code table).
    if (disallowedIntents(Number(d.intents ?? 0), this.privilegedIntents).length > 0) {
      conn.ws.close(4014, 'Disallowed intent(s).');
      return;
    }
    const shard = identifyShard(d.shard);
    if (!shard) {
      conn.ws.close(INVALID_SHARD.code, INVALID_SHARD.reason);
      return;
    }
    this.identify = d;
    this.identifies.push(d);
    // Discord would keep both sessions of one shard; the fake keeps the bot's newest, as one
    // reelbot process per shard only identifies again when its old session is gone.
    const key = shard.join('/');
    this.sessions.get(key)?.conn?.ws.terminate();
    const session: Session = { id: snowflake(), shard, seq: 0, log: [], conn };
    this.sessions.set(key, session);
    conn.session = session;
    const ours = receives(shard, this.guildId);
    const r = ready({
      bot: this.bot,
      guildIds: ours ? [this.guildId] : [],
      applicationId: this.applicationId,
      sessionId: session.id,
      resumeUrl: this.gatewayUrl,
      shard: d.shard === undefined ? undefined : shard,
    });
    this.deliver(session, 'READY', r.d as Json);
    if (!ours) return;
    this.deliver(
      session,
      'GUILD_CREATE',
      guildCreate(
        {
          id: this.guildId,
          name: 'Movie night',
          ownerId: this.users.carol.id,
          channels: [
            { id: this.channels.general, name: 'general' },
            { id: this.channels.requests, name: 'requests' },
          ],
          roles: [
            { id: this.roles.requester, name: 'Requester' },
            { id: this.roles.admin, name: 'Media admin' },
          ],
        },
        this.bot,
      ),
    );
  }

  /** Resume the session if it is a current one (replaying what was missed), else INVALID_SESSION. */
  private onResume(conn: Connection, d: Json): void {
    const session = [...this.sessions.values()].find((s) => s.id === d.session_id);
    if (!session || d.token !== this.token) {
      conn.ws.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    session.conn?.ws.terminate();
    session.conn = conn;
    conn.session = session;
    const after = Number(d.seq ?? 0);
    for (const e of session.log) if (e.s > after) conn.ws.send(JSON.stringify({ op: 0, ...e }));
    this.deliver(session, 'RESUMED', {});
  }

  /** Hand an event to the shard(s) its `guild_id` routes it to (shard 0 when it has none). */
  private gatewayEvent(t: string, d: Json): void {
    const guildId = typeof d.guild_id === 'string' ? d.guild_id : undefined;
    const to = [...this.sessions.values()].filter((s) => receives(s.shard, guildId));
    if (to.length === 0)
      throw new Error(
        `fake discord: no bot session to receive ${t}${guildId ? ` for guild ${guildId}` : ''}`,
      );
    for (const session of to) {
      this.dispatches.push({
        t,
        id: typeof d.id === 'string' ? d.id : undefined,
        guildId,
        shard: session.shard,
      });
      this.deliver(session, t, d);
    }
  }

  /** Number, log and (when connected) deliver a dispatch; a resuming client gets it later. */
  private deliver(session: Session, t: string, d: Json): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.log.push(event);
    session.conn?.ws.send(JSON.stringify({ op: 0, ...event }));
  }

  // ── people and places ───────────────────────────────────────────────────────────────────────

  /** Keep an upload where the bot can download it, as Discord's CDN serves it. */
  private upload(f: FakeUpload): Json {
    const id = snowflake();
    this.uploads.set(id, f);
    const url = `${this.url}/attachments/${id}/${encodeURIComponent(f.filename)}?ex=0&is=0&hm=signed`;
    return {
      id,
      filename: f.filename,
      size: f.size ?? Buffer.byteLength(f.content),
      url,
      proxy_url: url,
      content_type: 'text/plain; charset=utf-8',
    };
  }

  private commandLike(
    name: string,
    options: CommandOptionValue[],
    who: Who,
    autocomplete: boolean,
    resolved?: Json,
  ): FakeInteraction {
    const user = who.user ?? this.users.alice;
    const where = this.where(user, who);
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    const rec = this.newInteraction(autocomplete ? 4 : 2, user, where.channelId);
    this.gatewayEvent(
      'INTERACTION_CREATE',
      commandInteraction({
        id: rec.id,
        token: rec.token,
        applicationId: this.applicationId,
        commandId: String(registered?.id ?? snowflake()),
        name,
        options,
        user,
        roles: this.rolesOf(user, who),
        where,
        autocomplete,
        ...(resolved ? { resolved } : {}),
      }),
    );
    return rec;
  }

  private newInteraction(type: number, user: FakeUser, channelId: string): FakeInteraction {
    const now = Date.now();
    const rec: FakeInteraction = {
      id: snowflake(now),
      token: interactionToken(),
      type,
      createdAt: now,
      user,
      channelId,
      callbacks: [],
      followUps: [],
    };
    this.interactions.set(rec.id, rec);
    return rec;
  }

  private rolesOf(user: FakeUser, who: Who): readonly string[] {
    return who.roles ?? this.memberRoles.get(user.id) ?? [];
  }

  private where(user: FakeUser, who: Who): Where {
    if (who.dm) {
      const dm = this.dm(user);
      return { channelId: dm.id, dm: dmChannel(dm.id, user) };
    }
    const channelId = who.channelId ?? this.channels.general;
    const dm = [...this.dms.values()].find((d) => d.id === channelId);
    if (dm) return { channelId, dm: dmChannel(dm.id, dm.user) };
    const name = channelId === this.channels.requests ? 'requests' : 'general';
    return {
      channelId,
      guildId: this.guildId,
      guildChannel: textChannel(this.guildId, { id: channelId, name }),
    };
  }

  private dm(user: FakeUser): { id: string; user: FakeUser } {
    let dm = this.dms.get(user.id);
    if (!dm) {
      dm = { id: snowflake(), user };
      this.dms.set(user.id, dm);
    }
    return dm;
  }

  private allUsers(): FakeUser[] {
    return Object.values(this.users);
  }

  // ── REST ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Bot routes need `Authorization: Bot <token>`; interaction callbacks and webhooks carry their
   * own token in the path, and the CDN (`/attachments`) is public.
   */
  protected override before(req: FakeRequest): FakeResponse | undefined {
    if (!req.path.startsWith('/api/') || /^\/api\/v10\/(webhooks|interactions)\//.test(req.path))
      return undefined;
    if (req.headers.authorization !== `Bot ${this.token}`)
      return this.reject(req, 401, DISCORD_ERRORS.unauthorized);
    return undefined;
  }

  private reject(req: FakeRequest, status: number, body: unknown): FakeResponse {
    this.rejections.push({ method: req.method, path: req.path, status, body });
    return { status, body };
  }

  private invalid(req: FakeRequest, problems: string[]): FakeResponse | undefined {
    if (problems.length === 0) return undefined;
    return this.reject(req, 400, { message: 'Invalid Form Body', code: 50035, errors: problems });
  }

  /** The JSON body and any files, whether sent as JSON or multipart. */
  private bodyOf(req: FakeRequest): { payload: Json; files: StoredMessage['files'] } {
    const type = String(req.headers['content-type'] ?? '');
    if (type.startsWith('multipart/form-data')) {
      const mp = parseMultipart(type, req.rawBody);
      return {
        payload: (mp?.payload ?? {}) as Json,
        files: (mp?.files ?? []).map((f) => ({ filename: f.filename, content: f.content })),
      };
    }
    return { payload: (req.body && typeof req.body === 'object' ? req.body : {}) as Json, files: [] };
  }

  private checked(
    req: FakeRequest,
    kind: BodyKind,
    payload: unknown,
    message: unknown,
  ): FakeResponse | undefined {
    return this.invalid(req, [...checkSchema(kind, payload), ...checkMessageLimits(message as Json)]);
  }

  private installRoutes(): void {
    const api = '/api/v10';
    this.route('GET', `${api}/gateway/bot`, () => ({
      status: 200,
      body: {
        url: this.gatewayUrl,
        // discord-api-docs developers/events/gateway.mdx "Get Gateway Bot": the recommended count.
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      },
    }));
    this.route('GET', `${api}/applications/@me`, () => ({
      status: 200,
      body: applicationJson({
        id: this.applicationId,
        bot: this.bot,
        owner: this.users.carol,
        granted: this.privilegedIntents,
      }),
    }));
    this.route('PUT', `${api}/applications/:app/commands`, (req) => this.putCommands(req, 'global'));
    this.route('PUT', `${api}/applications/:app/guilds/:guild/commands`, (req) =>
      this.putCommands(req, req.params.guild ?? ''),
    );
    this.route('POST', `${api}/interactions/:id/:token/callback`, (req) => this.callback(req));
    this.route('GET', `${api}/webhooks/:app/:token/messages/:message`, (req) =>
      this.webhookMessage(req, 'get'),
    );
    this.route('PATCH', `${api}/webhooks/:app/:token/messages/:message`, (req) =>
      this.webhookMessage(req, 'patch'),
    );
    this.route('DELETE', `${api}/webhooks/:app/:token/messages/:message`, (req) =>
      this.webhookMessage(req, 'delete'),
    );
    this.route('POST', `${api}/webhooks/:app/:token`, (req) => this.followUp(req));
    this.route('GET', `${api}/channels/:channel`, (req) => this.getChannel(req));
    this.route('POST', `${api}/channels/:channel/messages`, (req) => this.postChannelMessage(req));
    this.route('PATCH', `${api}/channels/:channel/messages/:message`, (req) => this.patchChannelMessage(req));
    this.route('POST', `${api}/channels/:channel/typing`, () => NO_CONTENT);
    this.route('POST', `${api}/users/@me/channels`, (req) => this.createDm(req));
    this.route('GET', '/attachments/:id/:filename', (req) => {
      const f = this.uploads.get(req.params.id ?? '');
      return f
        ? { status: 200, raw: f.content, headers: { 'content-type': 'text/plain; charset=utf-8' } }
        : { status: 404, raw: 'Not Found' };
    });
  }

  private putCommands(req: FakeRequest, scope: string): FakeResponse {
    if (req.params.app !== this.applicationId) return this.reject(req, 403, DISCORD_ERRORS.missingAccess);
    if (scope !== 'global' && scope !== this.guildId)
      return this.reject(req, 403, DISCORD_ERRORS.missingAccess);
    const bad = this.invalid(req, [
      ...checkSchema('ApplicationCommandsPutRequest', req.body),
      ...checkCommands(req.body),
    ]);
    if (bad) return bad;
    const stored = (req.body as Json[]).map((c) => ({
      ...c,
      id: snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
    }));
    this.commands.set(scope, stored);
    return { status: 200, body: stored };
  }

  private callback(req: FakeRequest): FakeResponse {
    const rec = this.interactions.get(req.params.id ?? '');
    const now = Date.now();
    const { payload, files } = this.bodyOf(req);
    const type = Number(payload.type);
    const data = payload.data as Json | undefined;
    const record = (status: number) => rec?.callbacks.push({ type, data, at: now, status });
    if (!rec || rec.token !== req.params.token || now - rec.createdAt > ACK_WINDOW_MS) {
      record(404);
      return this.reject(req, 404, DISCORD_ERRORS.unknownInteraction);
    }
    if (rec.ackType !== undefined) {
      record(400);
      return this.reject(req, 400, DISCORD_ERRORS.alreadyAcknowledged);
    }
    const allowed = rec.type === 4 ? [8] : rec.type === 3 ? [4, 5, 6, 7] : [4, 5];
    const problems = [
      ...checkSchema('InteractionCallbackRequest', payload),
      ...(allowed.includes(type)
        ? []
        : [`callback type ${type} is not valid for interaction type ${rec.type}`]),
      ...(type === 8 ? checkAutocomplete(data as never) : checkMessageLimits(data as Json)),
    ];
    const bad = this.invalid(req, problems);
    if (bad) {
      record(400);
      return bad;
    }
    record(req.query.with_response === 'true' ? 200 : 204);
    rec.ackType = type;
    rec.ackedAt = now;
    const flags = Number(data?.flags ?? 0);
    if (type === 4)
      rec.originalId = this.createMessage(rec.channelId, data ?? {}, files, flags & EPHEMERAL, rec).id;
    if (type === 5)
      rec.originalId = this.createMessage(rec.channelId, {}, [], (flags & EPHEMERAL) | LOADING, rec).id;
    if (type === 6 || type === 7) rec.originalId = rec.messageId;
    if (type === 7 && rec.messageId) this.applyEdit(rec.messageId, data ?? {}, files);
    if (type === 8) rec.autocomplete = ((data?.choices as FakeInteraction['autocomplete']) ?? []).slice();
    if (req.query.with_response !== 'true') return NO_CONTENT;
    const original = this.message(rec.originalId);
    return {
      status: 200,
      body: {
        interaction: {
          id: rec.id,
          type: rec.type,
          response_message_id: rec.originalId,
          response_message_loading: type === 5,
        },
        resource: { type, ...(original ? { message: original.api } : {}) },
      },
    };
  }

  /** The interaction behind a webhook token, if the token is still usable for `req`. */
  private interactionFor(req: FakeRequest): FakeInteraction | FakeResponse {
    const rec = [...this.interactions.values()].find((i) => i.token === req.params.token);
    if (!rec || req.params.app !== this.applicationId || rec.ackType === undefined) {
      return this.reject(req, 404, DISCORD_ERRORS.unknownWebhook);
    }
    if (Date.now() - rec.createdAt > TOKEN_LIFETIME_MS)
      return this.reject(req, 401, DISCORD_ERRORS.invalidWebhookToken);
    return rec;
  }

  private webhookMessage(req: FakeRequest, op: 'get' | 'patch' | 'delete'): FakeResponse {
    const rec = this.interactionFor(req);
    if (!('token' in rec)) return rec;
    const id = req.params.message === '@original' ? rec.originalId : req.params.message;
    const stored = this.message(id);
    const ours = id !== undefined && (id === rec.originalId || rec.followUps.includes(id));
    if (!stored || stored.deleted || !ours) return this.reject(req, 404, DISCORD_ERRORS.unknownMessage);
    if (op === 'get') return { status: 200, body: stored.api };
    if (op === 'delete') {
      stored.deleted = true;
      return NO_CONTENT;
    }
    const { payload, files } = this.bodyOf(req);
    const bad = this.checked(req, 'WebhookMessageEditRequest', payload, payload);
    if (bad) return bad;
    return { status: 200, body: this.applyEdit(id, payload, files).api };
  }

  private followUp(req: FakeRequest): FakeResponse {
    const rec = this.interactionFor(req);
    if (!('token' in rec)) return rec;
    const { payload, files } = this.bodyOf(req);
    const bad = this.checked(req, 'WebhookExecuteRequest', payload, payload);
    if (bad) return bad;
    const msg = this.createMessage(
      rec.channelId,
      payload,
      files,
      Number(payload.flags ?? 0) & EPHEMERAL,
      rec,
    );
    rec.followUps.push(msg.id);
    return { status: 200, body: msg.api };
  }

  private channelJson(id: string): Json | undefined {
    const dm = [...this.dms.values()].find((d) => d.id === id);
    if (dm) return dmChannel(dm.id, dm.user);
    if (id === this.channels.general) return textChannel(this.guildId, { id, name: 'general' }, 0);
    if (id === this.channels.requests) return textChannel(this.guildId, { id, name: 'requests' }, 1);
    return undefined;
  }

  private getChannel(req: FakeRequest): FakeResponse {
    const channel = this.channelJson(req.params.channel ?? '');
    return channel ? { status: 200, body: channel } : this.reject(req, 404, DISCORD_ERRORS.unknownChannel);
  }

  private postChannelMessage(req: FakeRequest): FakeResponse {
    const channelId = req.params.channel ?? '';
    if (!this.channelJson(channelId)) return this.reject(req, 404, DISCORD_ERRORS.unknownChannel);
    const { payload, files } = this.bodyOf(req);
    const bad = this.checked(req, 'MessageCreateRequest', payload, payload);
    if (bad) return bad;
    const ref = payload.message_reference as Json | undefined;
    const msg = this.createMessage(channelId, payload, files, 0);
    if (ref?.message_id) {
      msg.api.type = 19;
      msg.api.message_reference = {
        type: 0,
        message_id: ref.message_id,
        channel_id: channelId,
        guild_id: msg.api.guild_id,
      };
    }
    return { status: 200, body: msg.api };
  }

  private patchChannelMessage(req: FakeRequest): FakeResponse {
    const stored = this.message(req.params.message);
    if (!stored || stored.deleted || stored.api.channel_id !== req.params.channel) {
      return this.reject(req, 404, DISCORD_ERRORS.unknownMessage);
    }
    if ((stored.api.author as Json).id !== this.bot.id)
      return this.reject(req, 403, DISCORD_ERRORS.notAuthor);
    const { payload, files } = this.bodyOf(req);
    const bad = this.checked(req, 'MessageEditRequest', payload, payload);
    if (bad) return bad;
    return { status: 200, body: this.applyEdit(req.params.message ?? '', payload, files).api };
  }

  private createDm(req: FakeRequest): FakeResponse {
    const bad = this.invalid(req, checkSchema('CreatePrivateChannelRequest', req.body));
    if (bad) return bad;
    const user = this.allUsers().find((u) => u.id === (req.body as Json).recipient_id);
    if (!user) return this.reject(req, 400, { message: 'Invalid Recipient(s)', code: 50033 });
    const dm = this.dm(user);
    return { status: 200, body: dmChannel(dm.id, user) };
  }

  // ── message store ───────────────────────────────────────────────────────────────────────────

  private createMessage(
    channelId: string,
    data: Json,
    files: StoredMessage['files'],
    flags: number,
    interaction?: FakeInteraction,
  ): { id: string; api: Json } {
    const id = snowflake();
    const inGuild = this.channelJson(channelId)?.guild_id !== undefined;
    const api: Json = {
      id,
      type: interaction ? (interaction.type === 2 ? 20 : 0) : 0,
      channel_id: channelId,
      ...(inGuild ? { guild_id: this.guildId } : {}),
      author: apiUser(this.bot),
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags,
      ...(interaction
        ? {
            webhook_id: this.applicationId,
            application_id: this.applicationId,
            interaction_metadata: {
              id: interaction.id,
              type: interaction.type,
              user: apiUser(interaction.user),
              authorizing_integration_owners: inGuild ? { '0': this.guildId } : { '1': interaction.user.id },
            },
          }
        : {}),
    };
    const stored: StoredMessage = {
      api,
      files: [],
      ephemeral: (flags & EPHEMERAL) !== 0,
      edits: 0,
      deleted: false,
    };
    this.messages.set(id, stored);
    this.merge(stored, data, files);
    stored.edits = 0;
    api.edited_timestamp = null;
    return { id, api };
  }

  private applyEdit(id: string | undefined, data: Json, files: StoredMessage['files']): StoredMessage {
    const stored = this.message(id);
    if (!stored) throw new Error(`fake discord: no message ${id}`);
    this.merge(stored, data, files);
    stored.api.flags = Number(stored.api.flags ?? 0) & ~LOADING;
    return stored;
  }

  private merge(stored: StoredMessage, data: Json, files: StoredMessage['files']): void {
    for (const key of ['content', 'embeds', 'components'] as const) {
      if (data[key] !== undefined && data[key] !== null) stored.api[key] = structuredClone(data[key]);
    }
    if (files.length > 0) {
      stored.files = files;
      stored.api.attachments = files.map((f) => ({
        id: snowflake(),
        filename: f.filename,
        size: Buffer.byteLength(f.content),
        url: `${this.url}/attachments/${f.filename}`,
        proxy_url: `${this.url}/attachments/${f.filename}`,
      }));
    }
    stored.edits += 1;
    stored.api.edited_timestamp = new Date().toISOString();
  }
}

function buttonsOf(api: Json): Array<{ custom_id?: string; label?: string }> {
  const rows = (api.components ?? []) as Array<{
    components?: Array<{ custom_id?: string; label?: string }>;
  }>;
  return rows.flatMap((r) => r.components ?? []);
}

/** Labels and custom_ids of a message's buttons, row by row. */
export function buttonRows(
  message: StoredMessage | undefined,
): Array<Array<{ label: string; customId: string }>> {
  const rows = (message?.api.components ?? []) as Array<{
    components?: Array<{ custom_id?: string; label?: string }>;
  }>;
  return rows.map((r) =>
    (r.components ?? []).map((b) => ({ label: b.label ?? '', customId: b.custom_id ?? '' })),
  );
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscord(opts);
  await fake.start();
  await fake.startGateway();
  return fake;
}
