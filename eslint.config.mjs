import next from "eslint-config-next";
import nextTs from "eslint-config-next/typescript";

const config = [
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "dist/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...next,
  ...nextTs,
];

export default config;
