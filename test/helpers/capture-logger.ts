/** A Logger that keeps every entry, so tests can assert what was logged and that no secret was. */
import type { Logger } from '../../src/core/ports.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  bindings: Record<string, unknown>;
  obj: Record<string, unknown>;
  msg?: string;
}

export class CaptureLogger implements Logger {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}
  debug = this.at('debug');
  info = this.at('info');
  warn = this.at('warn');
  error = this.at('error');
  child(bindings: Record<string, unknown>): Logger {
    return new CaptureLogger(this.entries, { ...this.bindings, ...bindings });
  }
  /** Everything logged, as one string, to search for secrets. */
  dump(): string {
    return JSON.stringify(this.entries);
  }
  private at(level: LogEntry['level']) {
    return (a: object | string, msg?: string) => {
      const entry: LogEntry =
        typeof a === 'string'
          ? { level, bindings: this.bindings, obj: {}, msg: a }
          : { level, bindings: this.bindings, obj: a as Record<string, unknown> };
      if (typeof a !== 'string' && msg !== undefined) entry.msg = msg;
      this.entries.push(entry);
    };
  }
}
