// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Packages the core must never import: chat platforms, HTTP, storage, scheduling, logging. */
const platformPackages = [
  'discord.js',
  'telegraf',
  'lowdb',
  'lowdb/*',
  'node-cron',
  'bottleneck',
  'pino',
  'undici',
  'ws',
  'cheerio',
  'node:http',
  'node:https',
  'node:fs',
  'node:fs/promises',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: platformPackages
            .filter((p) => !p.includes('*'))
            .map((name) => ({
              name,
              message: 'src/core knows no platform, HTTP, storage or scheduling library: go through a port.',
            })),
          patterns: [
            { group: ['**/adapters/**', '../../adapters/*'], message: 'src/core must not import adapters/.' },
            { group: ['lowdb/*'], message: 'src/core must not import lowdb.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/core does no HTTP: use a port.' }],
    },
  },
);
