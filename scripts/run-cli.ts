import { StartupError } from "../lib/database/startup-error";

/** Runs a CLI entry point: set-up problems print one line, anything else its stack. */
export function runCli(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof StartupError) console.error(`\n✖ ${error.message}\n`);
      else console.error(error);
      process.exit(1);
    },
  );
}
