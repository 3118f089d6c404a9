import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/log/pino-logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('logs never carry secrets', () => {
  it('redacts secret fields and masks secret values inside strings and errors', () => {
    const { lines, destination } = capture();
    const secret = '123456:AAHsecretTelegramToken';
    const log = createLogger({ level: 'info', secrets: [secret, 'radarr-key-1'], destination });
    log.info({ token: secret, headers: { 'x-api-key': 'radarr-key-1' } }, 'starting');
    log.warn(`fetch failed for https://api.telegram.org/bot${secret}/getMe`);
    log.error({ err: new Error(`GET http://radarr/api/v3/movie?apikey=radarr-key-1 failed`) }, 'boom');
    log.child({ module: 'x' }).info({ url: 'http://h/x?api_key=abc123456' }, 'call');
    const all = lines.join('');
    expect(all).not.toContain(secret);
    expect(all).not.toContain('radarr-key-1');
    expect(all).not.toContain('abc123456');
    expect(all).toContain('starting');
    expect(lines).toHaveLength(4);
  });
});
