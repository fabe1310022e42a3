// Lint rules for the whole repository. Layer fences live here: the server never imports
// `vscode`, only the model imports `yaml`, and the pure layers never import the LSP libraries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const lspPackages = ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'test-results/**',
      'server/src/schema/generated/**',
      '**/*.mjs',
      '.vscode-test/**',
      // The real-world corpus is byte-exact copies of other repositories' files.
      'test/fixtures/real-world/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./client/tsconfig.json', './test/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's test() returns a promise the runner itself awaits.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: 'error',
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The server must run outside VS Code.' }],
          patterns: [{ group: ['yaml', 'yaml/*'], message: 'Only server/src/model imports yaml.' }],
        },
      ],
    },
  },
  {
    files: ['server/src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The server must run outside VS Code.' }],
          patterns: [{ group: lspPackages, message: 'The model knows nothing of LSP.' }],
        },
      ],
    },
  },
  {
    files: [
      'server/src/rules/**/*.ts',
      'server/src/kustomize/**/*.ts',
      'server/src/features/**/*.ts',
      'server/src/workspace-index/**/*.ts',
      'server/src/schema/**/*.ts',
      'server/src/scaffold/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The server must run outside VS Code.' }],
          patterns: [
            { group: ['yaml', 'yaml/*'], message: 'Only server/src/model imports yaml.' },
            { group: lspPackages, message: 'Pure layers return plain data; convert in lsp/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  prettier,
);
