import { ZodError } from "zod";
import { StartupError } from "../lib/database/startup-error";
import { AppError } from "../lib/errors";

/** Runs a CLI entry point: set-up problems print one line, anything else its stack. */
export function runCli(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof StartupError || error instanceof AppError) console.error(`\n✖ ${error.message}\n`);
      else if (error instanceof ZodError)
        console.error(
          `\n✖ ${error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n✖ ")}\n`,
        );
      else console.error(error);
      process.exit(1);
    },
  );
}
