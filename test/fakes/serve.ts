/**
 * `npm run fakes`: every fake upstream on fixed ports of 127.0.0.1, logging what it receives, so
 * the bot can be tried by hand with no accounts and no internet:
 *
 *   npm run fakes                                                      # this terminal
 *   printf 'add Inception\n' | ENV_FILE=test/fakes/fakes.env npm start  # another one
 *
 * The ports (7701–7707) and keys match test/fakes/fakes.env.
 */
import { FakeDeepl } from './deepl.js';
import type { FakeHttp, RecordedCall } from './fake-http.js';
import { FakeImsdb } from './imsdb.js';
import { FakeLidarr } from './lidarr.js';
import { FakeMusicBrainz } from './musicbrainz.js';
import { FakeRadarr } from './radarr.js';
import { FakeSonarr } from './sonarr.js';
import { FakeTmdb } from './tmdb.js';

const fakes: [string, FakeHttp, number][] = [
  ['tmdb', new FakeTmdb({ apiKey: 'fake-tmdb-key' }), 7701],
  ['musicbrainz', new FakeMusicBrainz({ minIntervalMs: 1000 }), 7702],
  ['sonarr', new FakeSonarr({ version: 4, apiKey: 'fake-sonarr-key' }), 7703],
  ['radarr', new FakeRadarr({ apiKey: 'fake-radarr-key' }), 7704],
  ['lidarr', new FakeLidarr({ apiKey: 'fake-lidarr-key' }), 7705],
  ['imsdb', new FakeImsdb(), 7706],
  ['deepl', new FakeDeepl({ apiKey: 'fake-deepl-key' }), 7707],
];

function describe(name: string, c: RecordedCall): string {
  const q = new URLSearchParams(c.query);
  for (const k of ['api_key', 'apikey']) if (q.has(k)) q.set(k, '***');
  const query = q.toString() ? `?${decodeURIComponent(q.toString())}` : '';
  const body =
    c.method === 'GET' || !c.rawBody
      ? ''
      : `  ${c.rawBody.slice(0, 160)}${c.rawBody.length > 160 ? '…' : ''}`;
  return `${new Date().toISOString().slice(11, 19)} ${name.padEnd(11)} ${c.method} ${c.path}${query}${body}`;
}

for (const [name, fake, port] of fakes) {
  await fake.start(port);
  fake.onCall = (c) => console.log(describe(name, c));
  console.log(`${name.padEnd(11)} ${fake.url}`);
}
console.log(
  '\nFakes are up. In another terminal:\n  printf "add Inception\\n" | ENV_FILE=test/fakes/fakes.env npm start\nCtrl-C stops them.',
);

const stop = async () => {
  await Promise.all(fakes.map(([, f]) => f.close()));
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
