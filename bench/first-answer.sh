#!/usr/bin/env bash
# usage: [PROBE=/readyz] bench/first-answer.sh <dir> <port> <command...>
# Seconds from launch to the first answer; then SIGTERM to the command.
# default probe: POST { __typename } to /graphql; PROBE=/readyz: GET that path
dir=$1; port=$2; shift 2
cd "$dir"
start=$(date +%s.%N)
PORT=$port "$@" > /tmp/fa-$port.log 2>&1 &
pid=$!
probe() {
  if [ -n "$PROBE" ]; then curl -sf "http://127.0.0.1:$port$PROBE"; else curl -sf -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql"; fi
}
until probe >/dev/null 2>&1; do sleep 0.1; if ! kill -0 $pid 2>/dev/null; then echo "died"; tail -20 /tmp/fa-$port.log; exit 1; fi; done
end=$(date +%s.%N)
echo "first answer after $(echo "$end - $start" | bc) s"
kill -TERM $pid; wait $pid 2>/dev/null
