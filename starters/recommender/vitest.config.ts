import { unitTestConfig } from '@shipml/dev/vitest';

// Unit and API tests: fast, no browser. Browser tests live in e2e/ (vitest.e2e.config.ts).
export default unitTestConfig();
