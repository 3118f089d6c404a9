/**
 * The database's shape, versioned as the files' is (../schema.ts). Each migration runs once, in
 * its own transaction, and is recorded in schema_migrations (migrate.ts); a database migrated by
 * a newer reelbot is refused rather than misread. Add a migration, never edit one that shipped.
 *
 * Each record is kept whole, as the file stores write it (and validated with the same schemas on
 * every read: ../record-schemas.ts, ../vocab-schemas.ts), beside the columns that are queried. A
 * record-shape step in ../schema.ts therefore needs a migration here doing the same to the rows.
 * Records are `json`, not `jsonb`: jsonb refuses a string holding U+0000, which a TMDb overview
 * or a subtitle file can carry and a file stores fine (PostgreSQL docs, "JSON Types": "The jsonb
 * type also rejects \u0000"); nothing queries inside them.
 *
 *   1  (issue 18) requests with their audit trail, offered choices, vocabularies, enrichment jobs;
 *      records of file schema 2.
 *   2  later messages for a chat platform this instance does not run, kept until an instance
 *      that runs it sends them (pg-message-relay.ts).
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'requests, choices, vocabularies, enrichment jobs',
    sql: `
      CREATE TABLE requests (
        id text PRIMARY KEY,
        status text NOT NULL,
        user_key text NOT NULL,
        created_at timestamptz NOT NULL,
        -- Insertion order, for requests created in the same millisecond (newest first, then this).
        seq bigint GENERATED ALWAYS AS IDENTITY,
        record json NOT NULL
      );
      CREATE INDEX requests_by_created ON requests (created_at DESC, seq);
      CREATE INDEX requests_by_status ON requests (status, created_at DESC);
      CREATE INDEX requests_by_user ON requests (user_key, created_at DESC);

      CREATE TABLE choices (
        token text PRIMARY KEY,
        owner text NOT NULL,
        expires_at timestamptz NOT NULL,
        record json NOT NULL
      );
      CREATE INDEX choices_by_expiry ON choices (expires_at);

      CREATE TABLE vocabularies (
        key text PRIMARY KEY,
        stored_at timestamptz NOT NULL DEFAULT now(),
        record json NOT NULL
      );

      CREATE TABLE enrichment_jobs (
        key text PRIMARY KEY,
        status text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        record json NOT NULL
      );
      CREATE INDEX enrichment_jobs_by_status ON enrichment_jobs (status);
    `,
  },
  {
    version: 2,
    name: 'relayed messages',
    sql: `
      CREATE TABLE relayed_messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform text NOT NULL,
        user_ref json NOT NULL,
        reply json NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        -- After a failed send: not tried again before this.
        not_before timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX relayed_messages_by_platform ON relayed_messages (platform, id);
      CREATE INDEX relayed_messages_by_created ON relayed_messages (created_at);
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
