import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The console builds to `console/dist`: `npm start` serves it at `/` beside the API, CloudFront serves it on AWS.
 * In dev (`npm run dev:console`) Vite proxies the API paths to the local runtime, so the console stays same-origin.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    // Every browser Cloudscape supports has modulepreload.
    modulePreload: { polyfill: false },
  },
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 5173),
    proxy: Object.fromEntries(
      ['/api', '/widget', '/openapi.json', '/health'].map((p) => [p, process.env.BOTOPS_API ?? 'http://127.0.0.1:3000']),
    ),
  },
});
