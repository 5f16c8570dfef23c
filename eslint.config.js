// ESLint for PatentBridge: the Epic Stack's choice of rules (docs/decisions/018-lint-and-format.md).
// Formatting is Prettier's (.prettierrc); eslint-config-prettier, last, turns off every rule it would fight.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier/flat";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["app/generated/", "build/", "node_modules/", "tmp/", "public/", ".cache/", "backups/"]),
  {
    files: ["**/*.{js,ts,tsx}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { "import-x": importX },
    languageOptions: {
      // Route modules run on the server and in the browser; scripts, tests and the seed on Node.
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { "import-x/internal-regex": "^~/" },
    rules: {
      // Imports: packages, then ~/ (app), then relative paths, each alphabetical; `eslint --fix` sorts them.
      "import-x/order": [
        "warn",
        {
          groups: ["builtin", "external", "internal", "parent", "sibling", "index"],
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      // Without "prefer-inline": an `import type` line beside a value import of the same module is this code's style.
      "import-x/no-duplicates": "warn",
      "@typescript-eslint/consistent-type-imports": [
        "warn",
        { prefer: "type-imports", disallowTypeAnnotations: true, fixStyle: "inline-type-imports" },
      ],
      // A leading underscore marks a parameter or binding kept for its position (Remix's loader args, tuples).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Hostile-input checks refuse NUL and other control characters by regular expression on purpose.
      "no-control-regex": "off",
    },
  },
  {
    // React runs only in app/ (elsewhere a callback named `use` is no hook).
    files: ["app/**/*.{ts,tsx}"],
    extends: [
      react.configs.flat.recommended,
      react.configs.flat["jsx-runtime"],
      reactHooks.configs["recommended-latest"],
      jsxA11y.flatConfigs.recommended,
    ],
    settings: { react: { version: "detect" } },
    rules: {
      // TypeScript checks props; React's runtime prop-types are not used.
      "react/prop-types": "off",
      // A scrolling <pre> (a contract's text) or a table's scrolling region (named by its caption) takes focus so
      // that a keyboard can scroll it (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: ["pre"], roles: ["tabpanel", "region"] }],
    },
  },
  prettier,
]);
