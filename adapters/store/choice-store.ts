/** ChoiceStore on DATA_DIR/choices.json: offered buttons, removed when used or expired. */
import { join } from 'node:path';
import type { ChoiceStore, Logger, StoredChoice } from '../../src/core/ports.js';
import { LowdbFile } from './lowdb-file.js';
import { loadChoices, type ChoicesFile } from './schema.js';

export class LowdbChoiceStore implements ChoiceStore {
  private constructor(private readonly file: LowdbFile<ChoicesFile>) {}

  static async open(dataDir: string, logger?: Logger): Promise<LowdbChoiceStore> {
    const file = await LowdbFile.open<ChoicesFile>(join(dataDir, 'choices.json'), loadChoices, logger);
    return new LowdbChoiceStore(file);
  }

  put(choice: StoredChoice): Promise<void> {
    return this.file.mutate((data) => {
      data.choices.push({ ...choice });
    });
  }

  async get(token: string): Promise<StoredChoice | undefined> {
    const c = this.file.data.choices.find((x) => x.token === token);
    return c ? { ...c } : undefined;
  }

  /** Every choice still open at `now` (import-files; the port has no list: the core never needs one). */
  unexpired(now: Date): StoredChoice[] {
    return this.file.data.choices
      .filter((c) => Date.parse(c.expiresAt) > now.getTime())
      .map((c) => ({ ...c }));
  }

  take(token: string): Promise<boolean> {
    return this.file.mutate((data) => {
      const i = data.choices.findIndex((c) => c.token === token);
      if (i === -1) return false;
      data.choices.splice(i, 1);
      return true;
    });
  }

  purgeExpired(now: Date): Promise<number> {
    return this.file.mutate((data) => {
      const before = data.choices.length;
      data.choices = data.choices.filter((c) => Date.parse(c.expiresAt) > now.getTime());
      return before - data.choices.length;
    });
  }
}
