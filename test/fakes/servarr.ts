/**
 * What the fake Sonarr, Radarr and Lidarr share, as the real ones share it (Servarr): the API key
 * on every route (`X-Api-Key` header or `apikey` query; otherwise 401 with an empty body),
 * `system/status`, quality profiles and root folders from recorded exchanges, a log of posted
 * bodies, and the two kinds of 400 the real servers give: a body that breaks the official OpenAPI
 * schema (checked with ajv against test/fixtures/arr/*.openapi-components.json) and a body that
 * breaks the server's own FluentValidation rules (`[{propertyName, errorMessage, …}]`).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';

export type ArrApp = 'sonarr' | 'radarr' | 'lidarr';

export interface RootFolderFixture {
  id: number;
  path: string;
  [k: string]: unknown;
}

export interface ServarrFakeOptions {
  app: ArrApp;
  apiKey: string;
  /** `/api/v3` (Sonarr, Radarr) or `/api/v1` (Lidarr). */
  apiPath: string;
  appName: string;
  version: string;
  qualityProfiles: { id: number; name: string }[];
  rootFolders: RootFolderFixture[];
}

/** One FluentValidation failure, as Sonarr's SonarrErrorPipeline serialises it. */
export interface ValidationFailure {
  propertyName: string;
  errorMessage: string;
  attemptedValue?: unknown;
  severity: 'error';
  errorCode: string;
}

export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/arr/${name}`, import.meta.url), 'utf8')) as T;
}

/** ajv-formats is CommonJS: under NodeNext its default import is typed as the module object. */
const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (
  ajv: Ajv,
) => Ajv;

const validators = new Map<string, ValidateFunction>();

/** ajv validator for one resource of one app's spec (compiled once per test process). */
function validatorFor(app: ArrApp, resource: string): ValidateFunction {
  const key = `${app}#${resource}`;
  let v = validators.get(key);
  if (!v) {
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(fixture<object>(`${app}.openapi-components.json`), app);
    v = ajv.getSchema(`${app}#/definitions/${resource}`);
    if (!v) throw new Error(`no ${resource} in ${app}.openapi-components.json`);
    validators.set(key, v);
  }
  return v;
}

/** `/addOptions/monitor` → `AddOptions.Monitor`, the way .NET names properties in errors. */
function propertyName(e: ErrorObject): string {
  const parts = e.instancePath.split('/').filter(Boolean);
  if (e.keyword === 'additionalProperties')
    parts.push(String((e.params as { additionalProperty: string }).additionalProperty));
  return parts
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : p[0]!.toUpperCase() + p.slice(1)))
    .join('.')
    .replace(/\.\[/g, '[');
}

export function failure(
  propertyName: string,
  errorMessage: string,
  attemptedValue: unknown,
  errorCode: string,
): ValidationFailure {
  return { propertyName, errorMessage, attemptedValue, severity: 'error', errorCode };
}

export const notEmpty = (prop: string, label: string, value: unknown): ValidationFailure | undefined =>
  value === undefined || value === null || value === '' || value === 0
    ? failure(prop, `'${label}' must not be empty.`, value ?? null, 'NotEmptyValidator')
    : undefined;

export abstract class FakeServarr extends FakeHttp {
  /** Every POST/PUT body that reached a write route, valid or not, in order. */
  readonly posted: { method: string; path: string; body: unknown; status: number }[] = [];
  readonly qualityProfiles: { id: number; name: string }[];
  readonly rootFolders: RootFolderFixture[];
  /**
   * Runs as a write arrives, before it is checked: a test sets it to have "someone else" add the
   * same item between the bot's lookup and its POST (the race the "already added" 400 answers).
   */
  beforeWrite: ((req: FakeRequest) => void) | undefined;
  protected readonly api: string;
  private readonly opts: ServarrFakeOptions;
  private ids = 0;

  constructor(opts: ServarrFakeOptions) {
    super();
    this.opts = opts;
    this.api = opts.apiPath;
    this.qualityProfiles = structuredClone(opts.qualityProfiles);
    this.rootFolders = structuredClone(opts.rootFolders);
    this.route('GET', `${this.api}/system/status`, () => ({ status: 200, body: this.systemStatus() }));
    this.route('GET', `${this.api}/qualityprofile`, () => ({ status: 200, body: this.qualityProfiles }));
    this.route('GET', `${this.api}/rootfolder`, () => ({ status: 200, body: this.rootFolders }));
  }

  get version(): string {
    return this.opts.version;
  }

  /** Another root folder the server knows (an anime or 4K folder). */
  addRootFolder(path: string): void {
    this.rootFolders.push({
      id: this.rootFolders.length + 100,
      path,
      accessible: true,
      freeSpace: 1e11,
      unmappedFolders: [],
    });
  }

  protected nextId(): number {
    this.ids += 1;
    return this.ids;
  }

  protected override before(req: FakeRequest): FakeResponse | undefined {
    const header = req.headers['x-api-key'];
    const key = (Array.isArray(header) ? header[0] : header) ?? req.query.apikey;
    // Sonarr/Radarr/Lidarr answer a missing or wrong key with 401 and an empty body.
    return key === this.opts.apiKey ? undefined : { status: 401, raw: '' };
  }

  /** Log a write and check it against `resource` in the official schema; a 400 when it breaks it. */
  protected checkBody(req: FakeRequest, resource: string): FakeResponse | undefined {
    this.beforeWrite?.(req);
    const validate = validatorFor(this.opts.app, resource);
    if (validate(req.body)) return undefined;
    const failures = (validate.errors ?? []).map((e) =>
      failure(
        propertyName(e) || resource,
        `${propertyName(e) || 'Body'} ${e.message ?? 'is invalid'}`,
        undefined,
        `Schema.${e.keyword}`,
      ),
    );
    return this.logged(req, this.invalid(failures));
  }

  /** A write route's answer, recorded with the body that caused it. */
  protected logged(req: FakeRequest, res: FakeResponse): FakeResponse {
    this.posted.push({ method: req.method, path: req.path, body: req.body, status: res.status });
    return res;
  }

  protected invalid(failures: (ValidationFailure | undefined)[]): FakeResponse {
    return { status: 400, body: failures.filter((f): f is ValidationFailure => f !== undefined) };
  }

  /** The 404 body of ErrorModel.cs: `{message, description}`. */
  protected notFound(message: string): FakeResponse {
    return {
      status: 404,
      body: { message, description: `NzbDrone.Core.Datastore.ModelNotFoundException: ${message}` },
    };
  }

  /** Sonarr/Radarr/Lidarr QualityProfileExistsValidator, after ValidId. */
  protected qualityProfileRule(prop: string, id: unknown): ValidationFailure | undefined {
    if (id === undefined || id === 0)
      return failure(prop, `'${spaced(prop)}' must not be equal to '0'.`, id ?? 0, 'NotEqualValidator');
    return this.qualityProfiles.some((p) => p.id === id)
      ? undefined
      : failure(prop, 'Quality Profile does not exist', id, 'QualityProfileExistsValidator');
  }

  /** RootFolderExistsValidator: the path must be one of the server's root folders. */
  protected rootFolderRule(prop: string, path: unknown): ValidationFailure | undefined {
    if (typeof path !== 'string' || path.trim() === '')
      return failure(prop, `'${spaced(prop)}' must not be empty.`, path ?? null, 'NotEmptyValidator');
    const norm = (p: string) => p.replace(/\/+$/, '');
    return this.rootFolders.some((f) => norm(f.path) === norm(path))
      ? undefined
      : failure(prop, `Root folder '${path}' does not exist`, path, 'RootFolderExistsValidator');
  }

  private systemStatus(): Record<string, unknown> {
    return {
      appName: this.opts.appName,
      instanceName: this.opts.appName,
      version: this.opts.version,
      buildTime: '2025-01-01T00:00:00Z',
      isDebug: false,
      isProduction: true,
      isAdmin: false,
      isUserInteractive: false,
      startupPath: `/app/${this.opts.app}/bin`,
      appData: '/config',
      osName: 'ubuntu',
      isNetCore: true,
      isLinux: true,
      isOsx: false,
      isWindows: false,
      isDocker: true,
      mode: 'console',
      branch: 'main',
      authentication: 'forms',
      urlBase: '',
      runtimeVersion: '8.0.12',
      runtimeName: '.NET',
      startTime: '2025-01-01T00:00:00Z',
    };
  }
}

/** `QualityProfileId` → `Quality Profile Id`, as FluentValidation labels properties. */
function spaced(prop: string): string {
  return prop.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** The lookup terms every *arr accepts for "this exact id": `tvdb:79349`, `lidarr:<mbid>`. */
export function idTerm(term: string, prefixes: string[]): string | undefined {
  const m = /^\s*([a-z]+)\s*:\s*(\S+)\s*$/i.exec(term);
  return m && prefixes.includes(m[1]!.toLowerCase()) ? m[2] : undefined;
}

/** `Dexter: New Blood` → `dexter-new-blood`. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function cleanTitle(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function sortTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^a-z0-9 ]+/g, '')
    .trim();
}
