import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'src/generated/**',
    '.data/**',
    'node_modules/**',
    'test-results/**',
    'playwright-report/**',
    'scripts/tmp/**',
    'next-env.d.ts',
  ]),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@hookform/resolvers/zod',
              message: 'Use formResolver from @/components/forms/form-resolver: it submits the raw input.',
            },
          ],
        },
      ],
    },
  },
  { files: ['src/components/forms/form-resolver.ts'], rules: { 'no-restricted-imports': 'off' } },
]);
