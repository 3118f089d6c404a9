/**
 * What the fake Discord refuses, as the real one does: request bodies that break the official
 * OpenAPI schema (test/fixtures/discord/openapi-subset.json) and the limits the schema does not
 * encode (five action rows on a legacy message, unique custom_ids, autocomplete's 25 choices).
 * Each function returns problems as strings; empty means accepted.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

const subset = JSON.parse(
  readFileSync(new URL('../../fixtures/discord/openapi-subset.json', import.meta.url), 'utf8'),
) as { roots: Record<string, unknown>; components: unknown };

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'discord.json', roots: subset.roots, components: subset.components });

export type BodyKind =
  | 'InteractionCallbackRequest'
  | 'MessageCreateRequest'
  | 'MessageEditRequest'
  | 'WebhookMessageEditRequest'
  | 'WebhookExecuteRequest'
  | 'ApplicationCommandsPutRequest'
  | 'CreatePrivateChannelRequest';

const validators = new Map<BodyKind, ReturnType<typeof ajv.compile>>();

/** Problems with `body` according to the official spec. */
export function checkSchema(kind: BodyKind, body: unknown): string[] {
  let validate = validators.get(kind);
  if (!validate) {
    validate = ajv.compile({ $ref: `discord.json#/roots/${kind}` });
    validators.set(kind, validate);
  }
  if (validate(body)) return [];
  // anyOf failures list every branch's complaint; the first few are enough to find the mistake.
  return (validate.errors ?? []).slice(0, 8).map((e) => `${kind}${e.instancePath} ${e.message ?? 'invalid'}`);
}

const IS_COMPONENTS_V2 = 1 << 15;

interface Component {
  type?: number;
  style?: number;
  custom_id?: string;
  label?: string;
  components?: Component[];
}

interface MessageBody {
  content?: string | null;
  embeds?: Array<Record<string, unknown>> | null;
  components?: Component[] | null;
  flags?: number | null;
}

/** Limits of a legacy (non Components V2) message the schema leaves out, and a few it has. */
export function checkMessageLimits(message: object | undefined | null): string[] {
  if (!message) return [];
  const body = message as MessageBody;
  const problems: string[] = [];
  if (typeof body.content === 'string' && body.content.length > 2000)
    problems.push('content longer than 2000');
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) problems.push('more than 10 embeds');
  let embedChars = 0;
  for (const e of embeds) {
    const title = typeof e.title === 'string' ? e.title : '';
    const description = typeof e.description === 'string' ? e.description : '';
    if (title.length > 256) problems.push('embed title longer than 256');
    if (description.length > 4096) problems.push('embed description longer than 4096');
    embedChars += title.length + description.length;
    const fields = Array.isArray(e.fields) ? (e.fields as Array<{ name?: string; value?: string }>) : [];
    if (fields.length > 25) problems.push('more than 25 embed fields');
    for (const f of fields) {
      if (!f.name || f.name.length > 256) problems.push('embed field name empty or longer than 256');
      if (!f.value || f.value.length > 1024) problems.push('embed field value empty or longer than 1024');
      embedChars += (f.name ?? '').length + (f.value ?? '').length;
    }
  }
  if (embedChars > 6000) problems.push('embeds longer than 6000 characters in total');

  const rows = body.components ?? [];
  if (((body.flags ?? 0) & IS_COMPONENTS_V2) !== 0) return problems;
  if (rows.length > 5) problems.push(`${rows.length} action rows (at most 5)`);
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.type !== 1) {
      problems.push(`top-level component of type ${row.type} without the Components V2 flag`);
      continue;
    }
    const inRow = row.components ?? [];
    if (inRow.length === 0 || inRow.length > 5)
      problems.push(`action row with ${inRow.length} buttons (1 to 5)`);
    for (const c of inRow) {
      if (c.type !== 2) continue;
      if (c.label !== undefined && c.label.length > 80)
        problems.push(`button label longer than 80: ${c.label}`);
      if (c.style === 5) continue;
      const id = c.custom_id ?? '';
      if (id.length < 1 || id.length > 100) problems.push(`custom_id must be 1 to 100 characters: "${id}"`);
      if (ids.has(id)) problems.push(`duplicate custom_id "${id}"`);
      ids.add(id);
    }
  }
  return problems;
}

/** Autocomplete results: at most 25, names 1–100, string values ≤ 100. */
export function checkAutocomplete(
  data: { choices?: Array<{ name?: string; value?: unknown }> } | undefined,
): string[] {
  const choices = data?.choices ?? [];
  const problems: string[] = [];
  if (choices.length > 25) problems.push(`${choices.length} autocomplete choices (at most 25)`);
  for (const c of choices) {
    if (!c.name || c.name.length > 100) problems.push(`choice name must be 1 to 100 characters: "${c.name}"`);
    if (typeof c.value === 'string' && c.value.length > 100) problems.push(`choice value longer than 100`);
  }
  return problems;
}

interface CommandOption {
  name?: string;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: unknown[];
  options?: CommandOption[];
}

/** Command rules beyond the schema: lowercase names, required options first, no choices with autocomplete. */
export function checkCommands(body: unknown): string[] {
  if (!Array.isArray(body)) return ['commands body is not an array'];
  const problems: string[] = [];
  const names = new Set<string>();
  for (const cmd of body as CommandOption[]) {
    const name = cmd.name ?? '';
    if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(name))
      problems.push(`command name "${name}" is not 1-32 lowercase characters`);
    if (names.has(name)) problems.push(`duplicate command "${name}"`);
    names.add(name);
    let optionalSeen = false;
    for (const o of cmd.options ?? []) {
      if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(o.name ?? '')) problems.push(`option name "${o.name}" is invalid`);
      if (o.required) {
        if (optionalSeen) problems.push(`/${name}: required option "${o.name}" after an optional one`);
      } else optionalSeen = true;
      if (o.autocomplete && o.choices?.length) problems.push(`/${name} ${o.name}: autocomplete with choices`);
    }
  }
  return problems;
}
