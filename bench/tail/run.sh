#!/bin/bash
# ADR 0054's measurement, after `make build`: fresh redis-server, Node floor (with its probe) and Ferrite,
# each on a free loopback port; per server a SET and a GET run of batch-log-client (50 connections,
# -P 16) joined with the probe's log where there is one, then connection bursts for the CPU per
# connection. Prints the load average beside each figure. Usage: bench/tail/run.sh [REQUESTS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-800000}
rounds=${2:-100}
out=$(mktemp -d)
cc -O2 -o "$out/batch-log-client" bench/tail/batch-log-client.c
cc -O2 -o "$out/connection-churn" bench/tail/connection-churn.c
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
for kind in redis floor ferrite; do
  port=$(free_port)
  dir=$(mktemp -d)
  case $kind in
    redis) redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly no >/dev/null & ;;
    floor) node dist/bench/tail/floor-probe.js --port "$port" --log "$out/floor.log" & ;;
    ferrite) node dist/runtime/src/main.js --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly no >/dev/null & ;;
  esac
  pid=$!
  trap 'kill $pid 2>/dev/null; rm -rf "$dir" "$out"' EXIT
  for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.2; done
  for test in set get; do
    echo "== $kind $test, load $(cut -d' ' -f1 /proc/loadavg): $("$out/batch-log-client" "$port" 50 16 "$requests" $test "$out/$kind.$test")"
  done
  echo "== $kind connection bursts, load $(cut -d' ' -f1 /proc/loadavg)"
  "$out/connection-churn" "$port" "$pid" 50 "$rounds"
  kill $pid
  wait $pid 2>/dev/null || true
  for test in set get; do
    echo "-- $kind $test"
    if [ $kind = floor ]; then node dist/bench/tail/join.js "$out/$kind.$test" "$out/floor.log"; else node dist/bench/tail/join.js "$out/$kind.$test"; fi
  done
  rm -rf "$dir"
done
