// npm run -s deploy:nginx -- --listen HOST:PORT --upstream IP:PORT [--upstream IP:PORT …] --prefix DIR
// Prints a complete nginx.conf for the front (lib/deploy/nginx-config.ts); bad arguments print one line, exit 2.
// It also creates DIR/logs and DIR/tmp, which nginx needs and does not create.
import fs from "node:fs";
import { NginxConfigError, nginxConfig, parseNginxConfigArgs } from "../lib/deploy/nginx-config";

try {
  const options = parseNginxConfigArgs(process.argv.slice(2));
  const config = nginxConfig(options);
  for (const dir of ["logs", "tmp"]) fs.mkdirSync(`${options.prefix}/${dir}`, { recursive: true });
  process.stdout.write(config);
} catch (error) {
  if (!(error instanceof NginxConfigError)) throw error;
  console.error(`✖ ${error.message}`);
  process.exit(2);
}
