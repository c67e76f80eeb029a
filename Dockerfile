# syntax=docker/dockerfile:1
# Multi-stage: build with dev dependencies, run with production dependencies only, as a non-root user.
#
# Base image: Node 24, an LTS line supported until April 2028 (Node 20 reached its end of life in
# April 2026). The code also runs on Node 20 (package.json "engines": >=20; CI runs on 20).
# Pinned to an exact version tag. It is NOT pinned by digest: the machine this was written on has
# no Docker engine and no access to an image registry, so no digest could be read, and a digest
# copied from anywhere else would be unverified. To pin it, on a machine with registry access:
#   docker buildx imagetools inspect node:24.11.1-bookworm-slim   # the index digest, sha256:…
# and write FROM node:24.11.1-bookworm-slim@sha256:<digest> in both stages (and bump the version
# to the latest 24.x patch release when you do). Override without editing: --build-arg NODE_IMAGE=…
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
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
# Started with node, not `npm start`: the image never builds at start (dist/ is built in the build stage).
# The CLI is in the image too: docker run --rm -v "$PWD:/data" <image> node dist/cli/main.js extract /data/archive.jsonl
CMD ["node", "dist/server.js"]
