// The hub's web pages, built by Vite into dist/web and served by the hub
// (src/server/web-routes.ts). Every asset is bundled: the pages load nothing
// from outside the hub.
import path from "node:path";
import { defineConfig } from "vite";

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  build: {
    outDir: path.resolve(root, "../../dist/web"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { explorer: path.resolve(root, "explorer/index.html"), dashboard: path.resolve(root, "dashboard/index.html") },
      // React libraries mark modules "use client"; a page bundle has no server part, so the mark means nothing here
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
