# syntax=docker/dockerfile:1
# The Safer Towns bot as a container: built with every dependency, run with production ones only, as a
# non-root user. The production install is assembled by scripts/production/assemble.sh, which the
# production-install test (test/integration/production-install.test.ts) also runs.

FROM node:24-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY types types
COPY src src
COPY scripts scripts
COPY bench bench
COPY cards cards
COPY web web
RUN npm run build && sh scripts/production/assemble.sh /app

FROM node:24-slim
ENV NODE_ENV=production \
    PORT=3978
WORKDIR /app
COPY --from=build /app /app
# The operator's commands (safer-towns appoint ..., export-person ...) from any shell in the container.
RUN ln -s /app/dist/scripts/safer-towns.js /usr/local/bin/safer-towns
USER node
EXPOSE 3978
# /healthz answers while the process serves; /readyz also needs the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: the bot stops taking turns, finishes those in flight and its channel posts, then exits.
STOPSIGNAL SIGTERM
CMD ["node", "--max-old-space-size=512", "dist/src/main.js"]
