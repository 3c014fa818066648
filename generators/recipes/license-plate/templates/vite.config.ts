import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev, Vite serves the React app on PORT (default 3000) with hot reload and forwards API
// calls to the fastify server on PORT + 1 (`tsx watch server/main.ts --api-only`), so the
// browser sees one origin, as in production.
const port = Number(process.env.PORT ?? 3000);
const api = `http://127.0.0.1:${port + 1}`;

export default defineConfig({
  plugins: [react()],
  server: {
    port,
    strictPort: true,
    proxy: Object.fromEntries(['/api', '/v2', '/metrics', '/docs'].map((path) => [path, api])),
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
  },
});
