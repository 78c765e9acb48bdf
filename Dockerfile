# syntax=docker/dockerfile:1
# LindungiKUR as a bank or BPJS runs it (README §Deploy, docs/decisions/0015-abuse-limits.md).
# Not built on the project's machines (no registry for images there); the compose file is linted.

ARG NODE_IMAGE=node:20-bookworm-slim

# ── deps: every package, for the build and for the migration job ────────────────────────────────
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# postinstall generates the Prisma client into lib/generated (docs/platform.md §1).
RUN npm ci --no-audit --no-fund

# ── build: next build; also the image of the one-shot migration job (compose: migrate) ─────────
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build
# The migration job runs as a non-root user too.
USER node
CMD ["npm", "run", "-s", "db:migrate"]

# ── runtime: production packages only, the build output, non-root ──────────────────────────────
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY package.json package-lock.json ./
# No install scripts: the Prisma client is already compiled into .next; the embedded PostgreSQL is a
# development package and not installed here.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/.next ./.next
COPY --from=build /app/next.config.ts /app/tsconfig.json ./
COPY --from=build /app/lib/security ./lib/security
# /api/ready compares the migrations on disk with the database's record of them.
COPY --from=build /app/prisma/migrations ./prisma/migrations
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["sh", "-c", "exec node_modules/.bin/next start -H 0.0.0.0 -p \"$PORT\""]
