export { default } from '@shipml/dev/eslint';
