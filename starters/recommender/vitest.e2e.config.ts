import { e2eTestConfig } from '@shipml/dev/vitest';

// Browser tests: e2e/global-setup.ts builds the app once, each test starts it and Chromium.
export default e2eTestConfig();
