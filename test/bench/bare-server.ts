// The baseline for `npm run bench`: a bare Fastify route that parses the same JSON body as
// POST /v1/extract (Fastify's default parser, same body limit) and returns a constant.
// No logger, no hooks, no schemas: the ceiling this machine allows for a JSON POST.
//   PORT=4000 node --import tsx test/bench/bare-server.ts
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
const CONSTANT = { ok: true };
app.post('/bare', async (request) => {
  void (request.body as { text?: string }).text;
  return CONSTANT;
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`bare listening on ${(app.server.address() as { port: number }).port}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
