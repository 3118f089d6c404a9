// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The core's boundary is an allowlist: src/core imports its own files and zod, nothing else, and
 * reaches the outside world only through its ports (src/core/ports.ts). A relative path that
 * climbs out of src/core is refused too, so the rule is generated per folder depth (flat config
 * replaces a rule's options rather than merging them). test/docs/core-boundary.test.ts plants one
 * of each violation.
 */
const CORE_ONLY = 'src/core imports only its own files and zod: reach the outside world through a port.';
const coreBoundary = [0, 1, 2, 3, 4].map((depth) => ({
  files: [`src/core/${'*/'.repeat(depth)}*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^(?!\\.{1,2}/|zod$)', message: CORE_ONLY },
          { regex: `^(\\./)?(\\.\\./){${depth + 1}}`, message: `${CORE_ONLY} (this path leaves src/core)` },
        ],
      },
    ],
  },
}));

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
  ...coreBoundary,
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: `${CORE_ONLY} No dynamic import().` },
        { selector: 'TSExternalModuleReference', message: CORE_ONLY },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'src/core does no HTTP: use a port.' },
        {
          name: 'process',
          message: 'src/core reads no environment or process: settings come in through createCore.',
        },
        { name: 'require', message: CORE_ONLY },
        ...['globalThis', 'global', 'window', 'self'].map((name) => ({
          name,
          message: 'src/core reaches nothing through the global object (fetch, process …): use a port.',
        })),
      ],
    },
  },
);
