// ESLint flat config: type-checked rules plus the folder boundaries of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const adapters = ['bot', 'store', 'graph', 'scheduler', 'http', 'spreadsheets', 'identity'];

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

const NO_BARE_ERROR = {
  selector: "ThrowStatement > NewExpression[callee.name='Error']",
  message: 'Throw an AppError (src/errors.ts) with a code, not a bare Error.',
};
// Free text becomes ScreenedText only through the personal-data guard: a cast would forge it.
const NO_FORGED_SCREENED_TEXT = {
  selector:
    ':matches(TSAsExpression, TSTypeAssertion) TSTypeReference[typeName.name=/^(ScreenedText|WithScreened|NewActionText|NewProblemText)$/]',
  message: 'Only the personal-data guard makes ScreenedText (keptText in src/domain/personal-data.ts).',
};

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
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    // Failures are AppErrors (src/errors.ts): a code the edge turns into a card, a message safe to show.
    files: ['src/**/*.ts'],
    ignores: ['src/errors.ts'],
    rules: {
      'no-restricted-syntax': ['error', NO_BARE_ERROR, NO_FORGED_SCREENED_TEXT],
    },
  },
  {
    // The two places text becomes ScreenedText: the guard that makes it, and the verb registry that hands a
    // handler the guard's text in place of what was typed (docs/DATA-PROTECTION.md).
    files: ['src/domain/personal-data.ts', 'src/bot/verbs/verb.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_BARE_ERROR] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|\\.\\./errors\\.js$)',
              message: 'The domain is pure: it imports only zod, errors and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // Phone numbers are read with libphonenumber-js's numbering plans (pure functions over bundled data).
    files: ['src/domain/personal-data-identifier-checks.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./|libphonenumber-js/max$)',
              message: 'The identifier checks read only libphonenumber-js.',
            },
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
  {
    // Cards are pure views over domain types (and the templates they fill): no use case, no adapter.
    files: ['src/cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|adaptivecards-templating$|node:|\\./|\\.\\./domain/|\\.\\./errors\\.js$)',
              message: 'Cards are views over domain types: they import the domain, errors and themselves.',
            },
          ],
        },
      ],
    },
  },
  ...adapters.map((a) => adapterBoundary(a, a === 'http' ? ['bot'] : [])),
  {
    // The tabs' pages: browser scripts, type-checked by web/tsconfig.json (which knows the DOM's names, so
    // ESLint's own undefined-name check would only repeat it without the browser's globals).
    files: ['web/**/*.js'],
    rules: { 'no-undef': 'off' },
  },
  {
    // The Teams edge parses, calls one use case and renders: it neither reads the stores nor decides who
    // may do what (src/app does both, and says what the actor may do next).
    files: ['src/bot/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='stores'], Property[key.name='stores']",
          message: 'The edge does not read the stores: call a use case in src/app.',
        },
        {
          selector: "ThrowStatement > NewExpression[callee.name='Error']",
          message: 'Throw an AppError (src/errors.ts) with a code, not a bare Error.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^\\.\\./(\\.\\./)?(store|graph|scheduler|http|spreadsheets|identity)/|^\\.\\./(\\.\\./)?main\\.js$',
              message: 'Adapters do not import one another; wire them in src/compose.ts.',
            },
            {
              regex: '/app/authorise\\.js$',
              message: 'Permission rules live in src/app: call the use case, which authorises.',
            },
          ],
          paths: [
            {
              name: '../domain/roles.js',
              importNames: ['canCoordinate', 'canUpdateActions'],
              message: 'Permission rules live in src/app (app/card-context.ts says what the actor may do).',
            },
            {
              name: '../../domain/roles.js',
              importNames: ['canCoordinate', 'canUpdateActions'],
              message: 'Permission rules live in src/app (app/card-context.ts says what the actor may do).',
            },
          ],
        },
      ],
    },
  },
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
