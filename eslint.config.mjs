import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-test/**", "lib/generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    // Only data, mutation and auth-data files talk to the database (CONVENTIONS.md layering).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/**/data.ts", "lib/**/mutations.ts", "lib/**/data/**", "lib/**/mutations/**", "lib/auth/scope.ts", "lib/db.ts"],
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
    // The regulation stays pure: no framework, no database (CONVENTIONS.md lib/rules).
    files: ["lib/rules/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*", "react", "react-dom", "@prisma/*", "@/lib/*", "node:*"], message: "lib/rules is pure." }] },
      ],
    },
  },
]);
