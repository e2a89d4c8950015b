#!/usr/bin/env bash
# The scaled profile on one machine: PostgreSQL + Redis, two gunicorn app servers behind nginx on
# http://127.0.0.1:8000, the RQ task worker and the scheduler. Ctrl-C stops everything.
#   PG_URL=postgres://… REDIS_URL=redis://… deploy/run_scaled.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/gongkai}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export TRUSTED_PROXIES="${TRUSTED_PROXIES:-127.0.0.1}"
PY=.venv/bin/python
RUN=var/scaled; mkdir -p "$RUN"
psql "${DATABASE_URL%/*}/postgres" -tc "SELECT 1 FROM pg_database WHERE datname='${DATABASE_URL##*/}'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -c "CREATE DATABASE \"${DATABASE_URL##*/}\""
$PY manage.py migrate --noinput
$PY manage.py collectstatic --noinput -v0
$PY manage.py load_demo --quiet
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for port in 8101 8102; do
  $PY -m gunicorn gongkai.wsgi -b "127.0.0.1:$port" -w 2 --access-logfile "$RUN/app-$port.log" & pids+=($!)
done
$PY manage.py rqworker --with-scheduler --job-class django_tasks_rq.Job default >"$RUN/worker.log" 2>&1 & pids+=($!)
$PY manage.py run_scheduler >"$RUN/scheduler.log" 2>&1 & pids+=($!)
sed -e "s#__PORT__#8000#; s#__APP1__#127.0.0.1:8101#; s#__APP2__#127.0.0.1:8102#" \
    -e "s#__STATIC__#$PWD/var/static#; s#__TMP__#$PWD/$RUN#g" deploy/nginx.conf >"$RUN/nginx.conf"
echo "Serving the scaled profile on http://127.0.0.1:8000/ (two app servers, nginx, RQ worker, scheduler)"
nginx -c "$PWD/$RUN/nginx.conf" -g "daemon off;" & pids+=($!)
wait
