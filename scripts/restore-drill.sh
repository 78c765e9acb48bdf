#!/usr/bin/env bash
# Restore drill (docs/decisions/0015-abuse-limits.md §Backups): backs DATABASE_URL up, restores the dump
# into a fresh database on the same server, compares the row count of every table, drops the copy.
# Exits 1 when any count differs. Usage: DATABASE_URL=postgresql://…/lindungikur scripts/restore-drill.sh
# Needs pg_dump ≥ the server's major version; without one (pg_dump 15 here, PostgreSQL 18 embedded), the
# physical base-backup drill `npm run db:backup-drill` (scripts/lib/base-backup.ts) runs instead.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL belum diset / is not set}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source_db="$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)))' "$DATABASE_URL")"
drill_db="${source_db}_restore_drill"
drill_url="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/"+process.argv[2]; console.log(u.toString())' "$DATABASE_URL" "$drill_db")"

counts() {
  psql "$1" -XAtq -v ON_ERROR_STOP=1 -c "
    select format('select %L || '' '' || count(*) from %I.%I', table_schema || '.' || table_name, table_schema, table_name)
    from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1" |
    psql "$1" -XAtq -v ON_ERROR_STOP=1
}

"$here/backup.sh" "$work/drill.dump" >/dev/null
psql "$DATABASE_URL" -XAtq -v ON_ERROR_STOP=1 -c "drop database if exists \"$drill_db\" with (force)" -c "create database \"$drill_db\""
TARGET_DATABASE_URL="$drill_url" "$here/restore.sh" "$work/drill.dump" >/dev/null
counts "$DATABASE_URL" >"$work/source.txt"
counts "$drill_url" >"$work/restored.txt"
psql "$DATABASE_URL" -XAtq -c "drop database if exists \"$drill_db\" with (force)"
if diff -u "$work/source.txt" "$work/restored.txt"; then
  echo "Latihan pemulihan berhasil / restore drill passed: $(wc -l <"$work/source.txt") tabel, $(awk '{s+=$2} END {print s}' "$work/source.txt") baris."
else
  echo "Latihan pemulihan GAGAL: jumlah baris berbeda / restore drill FAILED: row counts differ." >&2
  exit 1
fi
