/**
 * The doctor's vocabulary: one line per check, ✓ fine, ✗ broken (with how to fix it), or – for
 * information (something optional not set up). The checks themselves need HTTP and the disk, so
 * they live in adapters/doctor; chat (`doctor`) and the host (`npm run doctor`) print the same lines.
 */

export interface DoctorCheck {
  status: 'ok' | 'fail' | 'info';
  /** What was checked: `Sonarr`, `data folder ./data`, `configuration`. */
  name: string;
  /** What was found: `reachable, key accepted (v4.0.0)`. Never a secret. */
  detail: string;
  /** What to do, for a ✗ (and for some – lines). */
  fix?: string;
}

/** The port: runs every check, never throws (a check that fails is a ✗ line). */
export interface Doctor {
  run(): Promise<DoctorCheck[]>;
}

const MARK: Record<DoctorCheck['status'], string> = { ok: '✓', fail: '✗', info: '–' };

export function formatCheck(c: DoctorCheck): string {
  return `${MARK[c.status]} ${c.name}: ${c.detail}${c.fix ? ` → ${c.fix}` : ''}`;
}

/** Every line, then a summary the reader can act on. */
export function formatChecks(checks: readonly DoctorCheck[], rerun = 'doctor'): string {
  const failed = checks.filter((c) => c.status === 'fail').length;
  const summary =
    failed === 0
      ? 'All checks passed.'
      : `${failed} problem${failed === 1 ? '' : 's'}: fix the ✗ line${failed === 1 ? '' : 's'} above, then run ${rerun} again.`;
  return [...checks.map(formatCheck), '', summary].join('\n');
}
