/**
 * The doctor must run on any configuration, including one that fails validation: every problem
 * becomes a ✗ line, and the other checks run with the offending variables treated as unset (and,
 * for "URL without its key" problems, the variables they name too).
 */
import { ConfigError, loadConfig, type Config, type ConfigProblem } from '../../src/config.js';
import { isValidCron } from '../schedule/cron.js';

const VARIABLE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g;

export interface DoctorConfig {
  config: Config;
  /** Every problem the configuration has, as loadConfig (and start-up) would report it. */
  problems: ConfigProblem[];
}

export function loadConfigForDoctor(env: Record<string, string | undefined>): DoctorConfig {
  const problems: ConfigProblem[] = [];
  let current = { ...env };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const config = loadConfig(current);
      if (!isValidCron(config.core.PROCESS_CRON) && attempt === 0)
        problems.push({
          variable: 'PROCESS_CRON',
          message: `not a cron expression (got "${config.core.PROCESS_CRON}")`,
        });
      return { config, problems };
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      if (attempt === 0) problems.push(...e.problems);
      current = { ...current };
      for (const p of e.problems) {
        delete current[p.variable];
        for (const named of p.message.match(VARIABLE) ?? []) delete current[named];
      }
    }
  }
  // Unreachable in practice: every round removes what failed. Fall back to the defaults.
  return { config: loadConfig({}), problems };
}
