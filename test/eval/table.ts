/** Graded cases → the per-class table `npm run eval` prints. */
import { CLASSES } from './case.js';
import { GRADES, type Graded } from './evaluate.js';

export function table(results: readonly Graded[]): string {
  const head = ['class', 'cases', ...GRADES];
  const rows = CLASSES.map((cls) => {
    const mine = results.filter((r) => r.case.class === cls);
    return [cls, String(mine.length), ...GRADES.map((g) => String(mine.filter((r) => r.grade === g).length))];
  });
  rows.push([
    'all',
    String(results.length),
    ...GRADES.map((g) => String(results.filter((r) => r.grade === g).length)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** One line per case that was not graded right, with the top of its ranking. */
export function misses(results: readonly Graded[]): string {
  return results
    .filter((r) => !r.grade.startsWith('right'))
    .map((r) => {
      const o = r.outcome;
      const did =
        o.type === 'add'
          ? `added ${o.key}`
          : o.type === 'ask'
            ? `asked ${o.keys.join(', ')}`
            : `found nothing${o.offered.length ? `, offered ${o.offered.join(', ')}` : ''}`;
      return `${r.grade.padEnd(13)} ${r.case.query}: expected ${JSON.stringify(r.case.expect)}, ${did}\n    ${r.ranked.slice(0, 3).join('\n    ')}`;
    })
    .join('\n');
}

/**
 * The issue's measure: of the cases a careful person would not ask about (labelled add or none),
 * how many were asked about needlessly or missed.
 */
export function summary(results: readonly Graded[]): string {
  const clear = results.filter((r) => !('ask' in r.case.expect));
  const off = clear.filter((r) => r.grade === 'needless ask' || r.grade === 'missed answer').length;
  const wrong = results.filter((r) => r.grade === 'wrong add').length;
  const pct = clear.length ? ((100 * off) / clear.length).toFixed(1) : '0.0';
  return `no question needed: ${clear.length} cases, ${off} needless asks or misses (${pct}%); wrong adds: ${wrong}`;
}
