# syntax=docker/dockerfile:1
# Multi-stage: build with dev dependencies, run with production dependencies only, as a non-root user.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# The built-in knowledge base is data read at start-up (dist/kb/index.js reads ../../src/kb/data).
COPY src/kb/data ./src/kb/data
# The learned scorers' weights (written by npm run train), read at start-up the same way.
COPY src/kb/models ./src/kb/models
COPY openapi ./openapi
COPY LICENSE NOTICE README.md ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1's child via --init in `docker run --init`, or directly: SIGTERM is handled (graceful shutdown).
CMD ["node", "dist/server.js"]
