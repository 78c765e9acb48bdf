#!/usr/bin/env bash
# Backup of the portal's database: one pg_dump in PostgreSQL's custom format (compressed, restorable
# table by table with pg_restore). Usage: DATABASE_URL=postgresql://… scripts/backup.sh [file]
# In compose: docker compose exec db pg_dump -U lindungikur -Fc -f /backups/lindungikur-$(date +%F).dump lindungikur
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL belum diset / is not set}"
out="${1:-backups/lindungikur-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$out")"
# pg_dump must be at least the server's major version (it refuses an older client itself).
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$out" "$DATABASE_URL"
echo "$out"
