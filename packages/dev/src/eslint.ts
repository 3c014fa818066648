import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The ESLint flat config every shipml app shares: TypeScript rules, Node globals, browser globals in `web/`. */
const config: ReturnType<typeof tseslint.config> = tseslint.config(
  { ignores: ['dist/**', 'test-results/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['web/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
);

export default config;
