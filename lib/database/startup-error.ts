/** A problem of set-up (configuration, port, permissions) told to the user in one line, without a stack. */
export class StartupError extends Error {
  override name = "StartupError";
}
