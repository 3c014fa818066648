import { webAppConfig } from '@shipml/dev/vite';

// The page lives in web/ and builds to dist/web, which the server serves at `/`.
export default webAppConfig();
