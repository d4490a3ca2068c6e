// ESLint flat config: type-checked rules plus the folder boundaries of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const adapters = ['bot', 'store', 'graph', 'scheduler', 'http', 'spreadsheets'];

/** An adapter may not import another adapter (http may host the bot). */
function adapterBoundary(name, allowed = []) {
  const others = adapters.filter((a) => a !== name && !allowed.includes(a)).join('|');
  return {
    files: [`src/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.\\./(${others})/|^\\.\\./main\\.js$`,
              message: 'Adapters do not import one another; wire them in src/main.ts.',
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.cache/**', 'coverage/**', 'appPackage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|\\./)', message: 'The domain is pure: it imports only zod and itself.' },
          ],
        },
      ],
    },
  },
  {
    // The guard's word lists come from two data packages; this one file loads them (no I/O of its own).
    files: ['src/domain/personal-data-lexicon.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|compromise/two$|node:module$)',
              message: 'The lexicon reads only the compromise and humannames word lists.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|\\.\\./domain/|\\.\\./errors\\.js$|\\.\\./cards/render\\.js$)',
              message: 'Use cases import only the domain, errors, card rendering and their ports.',
            },
          ],
        },
      ],
    },
  },
  ...adapters.map((a) => adapterBoundary(a, a === 'http' ? ['bot'] : [])),
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // In-memory fakes implement async ports without awaiting anything.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // CommonJS preloads for third-party tools (scripts/playground/).
    files: ['**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', process: 'readonly', setInterval: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
