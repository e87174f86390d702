// Lint rules run in `npm test`; formatting is Prettier's job, so no stylistic rules here.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The rules library's boundary (`language-service/`): outside it, only its entry point `@subscriber-csv/language-service`
 * may be imported, never a module inside it; inside it, nothing that ties it to an editor, a connection or Node.
 * `test/unit/boundary.test.ts` plants a violation of each and checks that lint fails.
 */
const LIBRARY_INTERNALS = {
  group: ['**/language-service/src/**', '**/language-service/src', '@subscriber-csv/language-service/**'],
  message:
    'Import the rules library only through its entry point, @subscriber-csv/language-service (see CONTRIBUTING.md).',
};

const NOT_IN_THE_LIBRARY = {
  group: [
    'vscode',
    'vscode-languageserver',
    'vscode-languageserver/**',
    'vscode-languageclient',
    'vscode-languageclient/**',
    'vscode-jsonrpc',
    'vscode-jsonrpc/**',
    'node:*',
    ...builtinModules.flatMap((name) => [name, `${name}/**`]),
  ],
  message:
    'The rules library is pure: text and settings in, LSP types out. No editor, no connection, no Node modules here.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      // The CLI package's bundle, written by `npm pack` in cli/ (scripts/cliPackage.js).
      'cli/dist/**',
      'node_modules/**',
      'out/**',
      '.cache/**',
      'test/fixtures/**',
      '.vscode-test/**',
      'artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      'no-restricted-imports': ['error', { patterns: [LIBRARY_INTERNALS] }],
    },
  },
  {
    // The library's own sources and white-box tests reach its modules by relative paths.
    files: ['language-service/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['language-service/src/**'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_IN_THE_LIBRARY] }] },
  },
  {
    // Protocol messages are declared as `namespace X { method; type }`, the convention of vscode-languageserver.
    files: ['common/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
