import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev, Vite serves the React app with hot reload and forwards API calls to the fastify
// server (`tsx watch server/main.ts`), so the browser sees one origin, as in production.
const api = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': api,
      '/v2': api,
    },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
  },
});
