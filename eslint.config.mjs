/**
 * Lint: Next's recommended rules (core web vitals, React hooks, a11y) and
 * typescript-eslint's, plus the layer boundaries of the code map (README):
 * lib/ is pure code that also runs in the browser, so it imports neither the
 * database nor server-only code; components get their data from pages and
 * actions, never from db/ (they may name its result types: `import type`).
 */
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const DB = { regex: "^(@/|(\\.\\./)+)db(/|$)", message: "lib/ and components/ do not touch the database: server code (server/, app/) calls db/queries." };
const SERVER = { regex: "^((@/|(\\.\\./)+)server(/|$)|server-only$)", message: "lib/ is pure and also runs in the browser: server-only code lives in server/." };
const OUTWARD = { regex: "^(@/|(\\.\\./)+)(app|components|e2e|scripts|bench)(/|$)", message: "lib/ is the bottom layer: it imports only lib/ and packages." };
const TEST_HELPERS = { regex: "^(@/|(\\.\\./)+)testing(/|$)", message: "testing/ holds test helpers: only tests use them." };
const NODE = { regex: "^node:", message: "lib/ also runs in the browser: no Node built-ins (server code lives in server/)." };

/** Components may name the types of what queries return; lib/ may not even do that. */
const DB_TYPES_ONLY = { ...DB, allowTypeImports: true };

const restrict = (...patterns) => ({
  "no-restricted-imports": "off",
  "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // These three check code for the React Compiler, which Factdesk does not use. They flag React's
      // "latest value in a ref" idiom (handlers read by long-lived listeners) and effects that adopt a
      // newer server version into a form, both deliberate here and covered by the workspace e2e specs.
      "react-hooks/refs": "off",
      "react-hooks/immutability": "off",
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    // React's rules of hooks are for React code: `useDatabase` (db/client.ts) and Playwright's fixture `use` are not hooks.
    files: ["db/**", "server/**", "testing/**", "e2e/**", "bench/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  { files: ["lib/**/*.{ts,tsx}"], ignores: ["lib/**/*.test.ts"], rules: restrict(DB, SERVER, OUTWARD, TEST_HELPERS, NODE) },
  { files: ["lib/**/*.test.ts"], rules: restrict(DB, SERVER, OUTWARD) },
  { files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "db/**/*.ts", "server/**/*.ts", "proxy.ts", "instrumentation.ts"], ignores: ["**/*.test.ts"], rules: restrict(TEST_HELPERS) },
  { files: ["components/**/*.{ts,tsx}"], rules: restrict(DB_TYPES_ONLY, TEST_HELPERS) },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "data/**", "test-results/**", "playwright-report/**", "db/migrations/**"]),
]);
