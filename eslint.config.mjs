import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

/**
 * The layering of docs/decisions/0004-layout.md, enforced:
 *   app (routes) → components → lib/<feature> → lib/rules
 * plus the platform modules every layer may use (lib/action, lib/auth, lib/i18n, lib/db, lib/env,
 * lib/log, lib/format, lib/search-params, messages/). Imports inside one element (one feature's own
 * files, lib/rules' own files) are not checked here; the rules below are about crossing a boundary.
 */
const LAYERS = {
  // Pure regulation: imports nothing but itself.
  rules: { type: "rules", pattern: "lib/rules", partialMatch: false },
  // Shared platform modules: the pipeline, authorization, text, database client, environment, logger.
  // The single-file modules lib/db.ts, lib/env.ts, lib/log.ts, lib/format.ts, lib/search-params.ts
  // belong to no element: anyone may import them (lib/db only from data/mutations, rule above).
  platform: { type: "platform", pattern: ["lib/action", "lib/auth", "lib/i18n", "lib/generated", "messages"], partialMatch: false },
  // One folder per feature: enrolment, review, dashboard, api, and whatever comes next.
  feature: { type: "feature", pattern: "lib/*", capture: ["feature"], partialMatch: false },
  component: { type: "component", pattern: "components/*", capture: ["feature"], partialMatch: false },
  app: { type: "app", pattern: "app", partialMatch: false },
};

/**
 * What another feature may import from a feature (docs/decisions/0004-layout.md, "Public entry
 * points"): its types and pure schemas, its read API as one entry (`data.ts`, or `data/index.ts` once
 * the feature's reads are split by sub-feature — the import path `@/lib/<feature>/data` stays the
 * same), and the one pure pricing module the review writes contribution lines through.
 */
const PUBLIC_FILES = [
  "lib/*/index.ts",
  "lib/*/types.ts",
  "lib/*/schema.ts",
  "lib/*/*-schema.ts",
  "lib/*/data.ts",
  "lib/*/data/index.ts",
  "lib/enrolment/lines.ts",
  // A feature's job definitions, which the worker's registry (lib/jobs/registry.ts) lists.
  "lib/*/jobs.ts",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-test/**", "lib/generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    // Only data, mutation and auth-data files talk to the database (docs/decisions/0004-layout.md).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/**/data.ts", "lib/**/mutations.ts", "lib/**/data/**", "lib/**/mutations/**", "lib/auth/scope.ts", "lib/action/limits.ts", "lib/db.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db", message: "Read in lib/<feature>/data.ts, write in lib/<feature>/mutations.ts." }],
          patterns: [{ group: ["**/generated/prisma/*"], message: "Use @/lib/db from data/mutation files." }],
        },
      ],
    },
  },
  {
    // The regulation stays pure: no framework, no database (docs/decisions/0004-layout.md).
    files: ["lib/rules/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*", "react", "react-dom", "@prisma/*", "@/lib/*", "node:*"], message: "lib/rules is pure." }] },
      ],
    },
  },
  {
    // process.env is read in one module that validates it (docs/decisions/0004-layout.md).
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    ignores: ["lib/env.ts", "scripts/**", "tests/**", "bench/**", "*.config.{ts,mjs,js,cjs}"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through lib/env.ts, which validates it." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
          message: "Read the environment through lib/env.ts, which validates it.",
        },
      ],
    },
  },
  {
    // Layers (docs/decisions/0004-layout.md): nothing below imports from above, features do not
    // reach into each other's internals, components do not read or write the database themselves.
    files: ["app/**", "components/**", "lib/**"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { alwaysTryTypes: true, project: "./tsconfig.json" } },
      "boundaries/elements": [LAYERS.rules, LAYERS.platform, LAYERS.feature, LAYERS.component, LAYERS.app],
      "boundaries/files": [
        { category: "public", pattern: PUBLIC_FILES },
        { category: "reads", pattern: ["lib/*/data.ts", "lib/*/data/**"] },
        { category: "writes", pattern: ["lib/*/mutations.ts", "lib/*/mutations/**"] },
      ],
      "boundaries/legacy-templates": false,
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "allow",
          // lib/db.ts, lib/env.ts, lib/log.ts … belong to no element; lib/rules must not reach them either.
          checkUnknownLocals: true,
          policies: [
            {
              from: { element: { type: "rules" } },
              disallow: { to: [{ element: { type: "!rules" } }, { element: { isUnknown: true } }] },
              message: "lib/rules is pure: it imports nothing of the app (docs/decisions/0004-layout.md).",
            },
            {
              from: { element: { types: ["rules", "platform", "feature"] } },
              disallow: { to: { element: { types: ["component", "app"] } } },
              message: "lib/ never imports components or routes: data flows app → components → lib (docs/decisions/0004-layout.md).",
            },
            {
              from: { element: { type: "platform" } },
              disallow: { to: { element: { type: "feature" } } },
              message: "Platform modules (lib/action, lib/auth, lib/i18n, …) do not depend on a feature (docs/decisions/0004-layout.md).",
            },
            {
              from: { element: { type: "component" } },
              disallow: { to: { element: { type: "app" } } },
              message: "Components never import routes (docs/decisions/0004-layout.md).",
            },
            {
              from: { element: { type: "component" } },
              disallow: {
                to: { file: { categories: ["reads", "writes"] } },
                dependency: { kind: "value" },
              },
              message:
                "A component does not read or write the database: the page loads the data and passes it in; forms call the feature's actions (types may be imported) (docs/decisions/0010-one-way-to-write-a-feature.md).",
            },
            {
              from: { element: { type: "feature" } },
              disallow: {
                to: {
                  element: { type: "feature", captured: { feature: "!{{ from.element.captured.feature }}" } },
                  file: { categories: { noneOf: ["public"] } },
                },
              },
              message:
                "A feature imports another feature only through its public entry points: index, types, schema, *-schema, data (or data/index), enrolment/lines, jobs (docs/decisions/0004-layout.md).",
            },
          ],
        },
      ],
    },
  },
]);
