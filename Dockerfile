# Guildhall API and portal: a small production image (multi-stage: build with dev dependencies, run without).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The portal is an npm workspace: its package.json must be there for npm ci.
COPY apps/web/package.json apps/web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# Without DATABASE_URL the image runs its embedded PostgreSQL with data in a folder the node user owns.
ENV GUILDHALL_DATA_DIR=/home/node/guildhall-data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json schema.gql ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=32", "dist/apps/api/src/main.js"]
