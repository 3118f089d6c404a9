/** `npm run eval`: every labelled case through the real core, counted per class. */
import { CASES } from './cases/index.js';
import { runCase } from './evaluate.js';
import { misses, summary, table } from './table.js';

const results = [];
for (const c of CASES) results.push(await runCase(c));
console.log(table(results));
console.log(summary(results));
if (process.argv.includes('--verbose')) console.log(`\n${misses(results)}`);
