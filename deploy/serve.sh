#!/usr/bin/env bash
# Several CNN Explorer processes behind nginx on one port, each student kept on one process (a cookie).
#
#   deploy/serve.sh --replicas 2 --port 8080 [--host 0.0.0.0] [--db-url postgresql://user@host/db]
#
# Starts N `streamlit run explorer/Home.py` processes on free loopback ports and nginx (Debian's package) in
# front of them; Ctrl-C or SIGTERM stops them all. Every replica inherits this shell's environment, so Streamlit's
# settings (STREAMLIT_SERVER_…, e.g. STREAMLIT_SERVER_ENABLE_AGENT_API=true for a load test) and the app's own
# (CNN_EXPLORER_…) reach each of them; --db-url sets CNN_EXPLORER_DB_URL, the live classes' store every replica
# shares (without it, the replicas of one machine share the embedded SQLite file in the user's data directory).
# Runs as an ordinary user or as root. How many replicas a class needs: README, "Running a class".
set -euo pipefail

replicas=2 port=8080 host=0.0.0.0
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    --db-url) export CNN_EXPLORER_DB_URL="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "serve.sh: unknown option $1 (--replicas N, --port P, --host H, --db-url URL)" >&2; exit 2 ;;
  esac
done
case "$replicas$port" in *[!0-9]*|'') echo "serve.sh: --replicas and --port take whole numbers" >&2; exit 2 ;; esac
[ "$replicas" -ge 1 ] || { echo "serve.sh: --replicas must be at least 1" >&2; exit 2; }

cd "$(dirname "$0")/.."
python="${PYTHON:-python}"
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx" ] || { echo "serve.sh: nginx not found (Debian: apt-get install nginx)" >&2; exit 1; }

run="$(mktemp -d "${TMPDIR:-/tmp}/cnn-explorer-serve.XXXXXX")"
pids=()
stop() {
  trap - INT TERM EXIT
  [ -f "$run/nginx.pid" ] && kill "$(cat "$run/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$run"
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

servers=()
for i in $(seq 1 "$replicas"); do
  replica_port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$python" -m streamlit run explorer/Home.py --server.headless true --server.address 127.0.0.1 \
    --server.port "$replica_port" > "$run/replica-$i.log" 2>&1 &
  pids+=($!)
  servers+=(--server "127.0.0.1:$replica_port")
  ports+=("$replica_port")
done
for i in "${!ports[@]}"; do
  for _ in $(seq 1 120); do
    if "$python" -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:${ports[$i]}/_stcore/health', timeout=1)" 2>/dev/null; then
      break
    fi
    kill -0 "${pids[$i]}" 2>/dev/null || { echo "serve.sh: replica $((i + 1)) stopped:" >&2; tail -20 "$run/replica-$((i + 1)).log" >&2; exit 1; }
    sleep 0.5
  done
done

mkdir -p "$run/body" "$run/proxy" "$run/fastcgi" "$run/uwsgi" "$run/scgi"
user=()
if [ "$(id -u)" = 0 ]; then           # nginx's workers leave root; they write uploads to $run/body
  user=(--user "nobody nogroup")
  chown -R nobody:nogroup "$run/body" "$run/proxy" "$run/fastcgi" "$run/uwsgi" "$run/scgi"
fi
"$python" deploy/nginx_conf.py "$run/nginx.conf" --run "$run" --listen "$host:$port" "${servers[@]}" "${user[@]}"
"$nginx" -p "$run" -c "$run/nginx.conf" -g "daemon off;" 2>> "$run/error.log" &
pids+=($!)
echo "CNN Explorer: $replicas replicas behind http://$host:$port/ (logs in $run; Ctrl-C stops all)"
# a replica or nginx that stops ends the whole set
wait -n "${pids[@]}" || true
echo "serve.sh: a process stopped; stopping the others" >&2
exit 1
