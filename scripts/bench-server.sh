# Shared by scripts/bulk-load and scripts/replay-bench (sourced, not run): one app jar on a data directory
# kept by the caller, its embedded PostgreSQL through psql, an admin token, the processors' lag and the heap.
# The server's log is DATA.server.log and the first admin's password DATA.admin-password, beside the data.

server_pid=""
bench_data=""
bench_port=""
bench_admin_email="bench-admin@example.org"

machine() {
    echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
}

# start_server JAR DATA PORT "JVM OPTIONS" [application arguments...]: in the background
start_server() {
    local jar=$1 opts=$4
    bench_data=$2
    bench_port=$3
    shift 4
    bench_app_args="$*"
    if [ ! -f "$bench_data.admin-password" ]; then
        (umask 077 && echo "bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" > "$bench_data.admin-password")
    fi
    # shellcheck disable=SC2086
    LEXNET_ADMIN_EMAIL="$bench_admin_email" LEXNET_ADMIN_PASSWORD="$(cat "$bench_data.admin-password")" \
        java $opts -Daxoniq.update-checker.disabled=true -jar "$jar" --server.port="$bench_port" \
        --lexnet.data-dir="$bench_data" --lexnet.matching.instant-proposals=false "$@" \
        >> "$bench_data.server.log" 2>&1 &
    server_pid=$!
    echo "server pid $server_pid, log $bench_data.server.log"
}

stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"   # SIGTERM: the app stops its embedded PostgreSQL (and writes a JFR recording)
        wait "$server_pid" || true
    fi
    server_pid=""
}

# await_ready SECONDS: until the readiness probe answers (the bulk load runs before it does)
await_ready() {
    local started
    started=$(date +%s)
    # processors kept stopped on purpose (lexnet.bulk.idle-processors) make readiness say OUT_OF_SERVICE
    # for good: then the app is ready once it answers at all
    local probe=readiness
    if [[ "${bench_app_args:-}" == *idle-processors* ]]; then
        probe=liveness
    fi
    while ! curl -fs "http://localhost:$bench_port/actuator/health/$probe" > /dev/null 2>&1; do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "the app stopped:" >&2
            tail -50 "$bench_data.server.log" >&2
            exit 1
        fi
        if [ $(( $(date +%s) - started )) -gt "$1" ]; then
            echo "the app was not ready after $1 s" >&2
            exit 1
        fi
        sleep 1
    done
    echo "app ready after $(( $(date +%s) - started )) s"
}

admin_token() {
    curl -fs "http://localhost:$bench_port/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$bench_admin_email\",\"password\":\"$(cat "$bench_data.admin-password")\"}" | jq -r .accessToken
}

# sql QUERY: one value from the embedded PostgreSQL
sql() {
    PGPASSWORD=$(cat "$bench_data/keys/postgres-password") psql -h localhost \
        -p "$(sed -n 4p "$bench_data/postgres/postmaster.pid")" -U postgres -d postgres -Atqc "$1"
}

# fresh_token: sets bench_token to an admin token, kept for five minutes (tokens live 30): signing in costs a
# bcrypt hash, which would slow down what is measured and show in its profile
bench_token=""
bench_token_at=0
fresh_token() {
    if [ $(( $(date +%s) - bench_token_at )) -gt 300 ]; then
        bench_token=$(admin_token)
        bench_token_at=$(date +%s)
    fi
}

# lag: the events every streaming processor has not handled yet, summed (empty while unknown); call
# fresh_token first
# lag: events behind, summed over the processors (only those named in bench_lag_processors, a comma list,
# when it is set: the others may be kept stopped)
lag() {
    curl -fs "http://localhost:$bench_port/actuator/prometheus" -H "Authorization: Bearer $bench_token" \
        | awk -v only=",${bench_lag_processors:-}," '/^lexnet_event_processor_lag_events\{/ {
              if (only != ",," && !match($0, /processor="[^"]*"/)) next
              if (only != ",," && index(only, "," substr($0, RSTART + 11, RLENGTH - 12) ",") == 0) next
              n++; s += $NF } END { if (n > 0) printf "%d\n", s }'
}

# await_caught_up SECONDS: prints the seconds until every read model had caught up; after SECONDS it prints
# "not caught up" with the events still behind instead. Each look is logged to DATA.lag.log (time, events
# behind), from which the catch-up's rate can be read.
await_caught_up() {
    local started behind
    started=$(date +%s)
    while true; do
        fresh_token
        behind=$(lag || true)
        echo "$(date +%s) ${behind:-unknown}" >> "$bench_data.lag.log"
        if [ "$behind" = "0" ]; then
            echo $(( $(date +%s) - started ))
            return
        fi
        if [ $(( $(date +%s) - started )) -gt "$1" ]; then
            echo "not caught up after $1 s (still ${behind:-an unknown number of} events behind, summed over the processors)"
            return
        fi
        sleep 5
    done
}

# heap_after_full_gc: a full GC, then the heap in use and the 15 largest classes
heap_after_full_gc() {
    jcmd "$server_pid" GC.run > /dev/null
    echo "heap after a full GC: $(jcmd "$server_pid" GC.heap_info | grep -m1 -E 'heap +total')"
    jcmd "$server_pid" GC.class_histogram > "$bench_data.histogram.txt"
    sed -n '1,18p' "$bench_data.histogram.txt"
}
