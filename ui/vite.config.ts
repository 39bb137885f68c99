import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";

// The desktop shell serves ui/dist; tauri.conf.json points at it.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
    // Stylesheets are read as written (the theme and RTL tests read app.css).
    css: { include: [/\.css(\?|$)/] },
    // Clock times ("offline since 10:00") read the same on every machine.
    env: { TZ: "UTC" },
  },
});
