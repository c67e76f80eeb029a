// Entry point: configuration, logger, listen, graceful shutdown. Everything else is in app.ts.
// The worker pool starts before Fastify and the routes are even imported: the workers load the
// knowledge base while this thread loads the HTTP stack (start-up time is the longer of the two, not their sum).
import type { FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createExtractionService } from './service/index.js';

/**
 * JSON lines on stdout, written asynchronously: a log line is queued and written by libuv while the
 * event loop goes on (lines queued during one write go out together in the next), instead of one
 * blocking write(2) per request on the thread that serves them; pino flushes what is queued when
 * the process exits (process.exit included). On a terminal with pino-pretty installed, pretty lines.
 */
function logDestination(config: Config, loggerOptions: (c: Config) => Exclude<FastifyServerOptions['logger'], boolean | undefined>): FastifyServerOptions['logger'] {
  const base = loggerOptions(config);
  if (process.stdout.isTTY) {
    try {
      import.meta.resolve('pino-pretty'); // a dev dependency: absent in the production image
      return { ...base, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } };
    } catch {
      // plain JSON lines, below
    }
  }
  return { ...base, stream: pino.destination({ dest: 1, sync: false }) };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }

  const service = createExtractionService(config);
  // (WORKERS=0 loads on this thread: it waits for the app, as before; a failure is reported after listen, below)
  if (config.WORKERS > 0) service.start().catch(() => {});
  const [{ buildApp, loggerOptions }, { knowledgeLogFields }] = await Promise.all([import('./app.js'), import('./plugins/extraction.js')]);
  const app = await buildApp({ config, logger: logDestination(config, loggerOptions), service });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: refusing new requests, finishing those in flight');
    const force = setTimeout(() => {
      app.log.warn('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
  try {
    const t0 = performance.now();
    await app.extraction.start();
    app.log.info({ ms: Math.round(performance.now() - t0), ...app.extraction.stats(), ...knowledgeLogFields(app.extraction.knowledge(), config.KB_DIR) }, 'ready: knowledge base loaded');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    app.log.fatal({ reason: message }, 'cannot start: the knowledge base or the engine failed to load');
    process.stderr.write(`cannot start: ${message}\n`);
    await app.close().catch(() => {});
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`fatal: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
