#!/usr/bin/env bash
# Restores a dump made by scripts/backup.sh into the database at TARGET_DATABASE_URL, which should be
# new and empty (a restore over a live database replaces its tables). Usage:
#   TARGET_DATABASE_URL=postgresql://…/lindungikur_restored scripts/restore.sh backups/x.dump
set -euo pipefail
: "${TARGET_DATABASE_URL:?TARGET_DATABASE_URL belum diset / is not set}"
dump="${1:?file dump / the dump file}"
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$TARGET_DATABASE_URL" "$dump"
echo "dipulihkan / restored: $dump → ${TARGET_DATABASE_URL%%\?*}"
