/**
 * A strict reader of the Prometheus text exposition format 0.0.4, enough to prove /metrics is
 * valid: every line is a `# HELP`, a `# TYPE` or a sample; a sample's family was declared; names
 * and labels follow the grammar; label values are correctly escaped; values are numbers.
 * Follows prometheus/common expfmt/text_parse.go (the parser Prometheus scrapes with).
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  help: string;
  type: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
/** A histogram's or summary's samples carry a suffix (expfmt/text_parse.go histogramMetricName). */
const SUFFIXES: Record<string, RegExp> = { histogram: /_(bucket|sum|count)$/, summary: /_(sum|count)$/ };

/** Go's strconv.ParseFloat, which expfmt/text_parse.go parseFloat calls: NaN and Inf in any case. */
function parseValue(raw: string): number {
  if (/^nan$/i.test(raw)) return NaN;
  const inf = /^([+-]?)inf(inity)?$/i.exec(raw);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (/[pP_]/.test(raw) || raw.trim() === '') return NaN;
  return Number(raw);
}

function familyOf(families: Map<string, Family>, name: string): Family | undefined {
  const exact = families.get(name);
  if (exact?.type) return exact;
  for (const [type, suffix] of Object.entries(SUFFIXES)) {
    const base = families.get(name.replace(suffix, ''));
    if (suffix.test(name) && base?.type === type) return base;
  }
  return undefined;
}

function parseLabels(src: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < src.length) {
    const eq = src.indexOf('=', i);
    const key = src.slice(i, eq);
    if (eq < 0 || !LABEL.test(key) || src[eq + 1] !== '"') throw new Error(`bad label in: ${line}`);
    let j = eq + 2;
    let value = '';
    for (;;) {
      const ch = src[j];
      if (ch === undefined) throw new Error(`unterminated label value in: ${line}`);
      if (ch === '"') break;
      if (ch === '\\') {
        const next = src[j + 1];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else throw new Error(`bad escape in: ${line}`);
        j += 2;
        continue;
      }
      if (ch === '\n') throw new Error(`raw newline in label value: ${line}`);
      value += ch;
      j += 1;
    }
    if (key in labels) throw new Error(`duplicate label ${key} in: ${line}`);
    labels[key] = value;
    i = j + 1;
    if (src[i] === ',') i += 1;
    else if (i < src.length) throw new Error(`expected , in: ${line}`);
  }
  return labels;
}

export function parsePrometheus(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, Family>();
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      const [, kind, name = '', rest = ''] = meta;
      if (!NAME.test(name)) throw new Error(`bad metric name: ${line}`);
      const f = families.get(name) ?? { help: '', type: '', samples: [] };
      if (kind === 'HELP') f.help = rest;
      else {
        if (!TYPES.has(rest)) throw new Error(`bad type: ${line}`);
        if (f.samples.length > 0 || f.type) throw new Error(`TYPE after samples or twice: ${line}`);
        f.type = rest;
      }
      families.set(name, f);
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/.exec(line);
    if (!m) throw new Error(`not a sample: ${line}`);
    const [, name = '', labelSrc, raw = ''] = m;
    const family = familyOf(families, name);
    if (!family) throw new Error(`sample before its TYPE: ${line}`);
    const value = parseValue(raw);
    if (Number.isNaN(value) && !/^nan$/i.test(raw)) throw new Error(`bad value: ${line}`);
    family.samples.push({ name, labels: labelSrc ? parseLabels(labelSrc, line) : {}, value });
  }
  return families;
}
