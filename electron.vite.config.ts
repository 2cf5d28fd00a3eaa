import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { RollupLog } from 'rollup';

/** zod's sources carry comments Rollup cannot place; they are harmless and would drown real warnings. */
const onwarn = (warning: RollupLog, warn: (warning: RollupLog) => void) => {
  if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
};

export default defineConfig({
  main: {
    build: {
      // host.js is the same services for plain Node (host mode); it never imports electron.
      rollupOptions: { input: { index: resolve('main/index.ts'), host: resolve('main/host.ts') }, onwarn },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        onwarn,
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // Every asset is a file: the CSP does not let the renderer fetch data: URLs.
      assetsInlineLimit: 0,
      // electron-vite leaves the renderer unminified; minified, Chromium parses a third of it at every start (bench/startup).
      minify: 'esbuild',
      rollupOptions: { input: resolve('renderer/index.html'), onwarn },
    },
  },
});
