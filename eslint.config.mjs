// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'child_process',
  'os',
  'net',
  'http',
  'https',
  'worker_threads',
  'process',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.bench/', '.test-tmp/'] },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // noUncheckedIndexedAccess makes every index possibly undefined; `!` marks the places
      // where a regex group or a bounds check already proved otherwise.
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // stdout is the transport of the language server: a stray console.log corrupts the protocol.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // The language service is pure: no transport, no file system, no processes, so that the
    // server, the CLI and the tests all drive the very same code.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.flatMap((name) => [name, `node:${name}`]),
            'vscode',
            'vscode-languageserver',
            'vscode-languageserver/node',
            'vscode-jsonrpc',
          ].map((name) => ({ name, message: 'The language service must stay free of I/O and transport.' })),
          patterns: [
            {
              group: ['vscode-languageserver/*', 'vscode-jsonrpc/*'],
              message: 'No transport in the service.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require'],
    },
  },
  {
    // The client shares only the message declarations with the server, never its code.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/src/**', '!**/server/src/protocol'],
              message: 'The client may import only server/src/protocol from the server.',
            },
          ],
        },
      ],
    },
  },
  {
    // The PowerShell runner is plain Node: testable without VS Code, and reusable by a CLI.
    files: ['client/src/powershell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The PowerShell runner must not depend on VS Code.' }],
          patterns: [
            {
              group: ['**/server/src/**', '!**/server/src/protocol'],
              message: 'The client may import only server/src/protocol from the server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
