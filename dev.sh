#!/usr/bin/env bash
# The one entry point for a newcomer:
#   ./dev.sh run    install what is missing, start Azurite (tables and queues), build, serve the function app on http://127.0.0.1:7071
#   ./dev.sh test   install what is missing, build, then infra/check.sh and tools/openapi/validate.sh (if present) and
#                   every test project (each starts its own Azurite); ends with "N passed, N failed". The browser tests
#                   need Chromium: as root with apt it installs Debian's chromium package, otherwise it says what to install.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CONFIGURATION="${CONFIGURATION:-Debug}"
AZURITE_DIR="tools/azurite"
AZURITE_MAIN="$AZURITE_DIR/node_modules/azurite/dist/src/table/main.js"
AZURITE_PORT=10002
AZURITE_QUEUE_MAIN="$AZURITE_DIR/node_modules/azurite/dist/src/queue/main.js"
AZURITE_QUEUE_PORT=10001

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'dev.sh: %s\n' "$*" >&2; exit 1; }

require_tools() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is required"
  command -v node >/dev/null || die "Node.js (20 or later) is required for Azurite"
  command -v npm >/dev/null || die "npm is required for Azurite"
}

install_azurite() {
  # npm ci again only when the lock file changed since the last install.
  if [[ -f "$AZURITE_MAIN" && "$AZURITE_DIR/node_modules/.package-lock.json" -nt "$AZURITE_DIR/package-lock.json" ]]; then
    return
  fi
  log "npm ci in $AZURITE_DIR (Azurite, the local Table Storage emulator)"
  (cd "$AZURITE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
}

AXE_DIR="tools/axe"

install_axe() {
  # The accessibility engine the browser tests inject into the page; npm ci again only when its lock file changed.
  if [[ -f "$AXE_DIR/node_modules/axe-core/axe.min.js" && "$AXE_DIR/node_modules/.package-lock.json" -nt "$AXE_DIR/package-lock.json" ]]; then
    return
  fi
  log "npm ci in $AXE_DIR (axe-core, for the browser tests)"
  (cd "$AXE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
}

# The browser the tests drive, as tests/FineTune.WebApp.Tests/Chromium.cs looks for it: CHROMIUM_PATH, else the usual places.
chromium_path() {
  local candidate
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    [[ -x "$CHROMIUM_PATH" ]] && echo "$CHROMIUM_PATH"
    return 0
  fi
  for candidate in /usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome; do
    if [[ -x "$candidate" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 0
}

ensure_chromium() {
  [[ -n "$(chromium_path)" ]] && return
  [[ -z "${CHROMIUM_PATH:-}" ]] || die "CHROMIUM_PATH is $CHROMIUM_PATH, which is not an executable"
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    log "apt-get install chromium (Debian's package, for the browser tests)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || die "apt-get install -y chromium failed"
    [[ -n "$(chromium_path)" ]] || die "the chromium package installed no browser where the tests look for it; set CHROMIUM_PATH"
    return
  fi
  die "the browser tests need Chromium: install it (Debian and Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

AZURITE_PID=""
AZURITE_QUEUE_PID=""
APP_PID=""
stop_all() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$AZURITE_PID" ]] && kill "$AZURITE_PID" 2>/dev/null && wait "$AZURITE_PID" 2>/dev/null
  [[ -n "$AZURITE_QUEUE_PID" ]] && kill "$AZURITE_QUEUE_PID" 2>/dev/null && wait "$AZURITE_QUEUE_PID" 2>/dev/null
  return 0
}

start_azurite() {
  if port_open "$AZURITE_PORT"; then
    log "port $AZURITE_PORT is already listening; using the Table Storage emulator that runs there"
    return
  fi
  mkdir -p .azurite
  log "starting Azurite (tables) on 127.0.0.1:$AZURITE_PORT, data in .azurite/"
  node "$AZURITE_MAIN" --silent --disableTelemetry --skipApiVersionCheck \
    --location .azurite --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" >.azurite/azurite.log 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    port_open "$AZURITE_PORT" && return
    kill -0 "$AZURITE_PID" 2>/dev/null || { cat .azurite/azurite.log >&2; die "Azurite did not start"; }
    sleep 0.1
  done
  die "Azurite did not listen on port $AZURITE_PORT within 10 s"
}

# Azurite's Queue service beside the tables, where UseDevelopmentStorage=true looks for it (the alert deliveries).
start_azurite_queues() {
  if port_open "$AZURITE_QUEUE_PORT"; then
    log "port $AZURITE_QUEUE_PORT is already listening; using the Queue Storage emulator that runs there"
    return
  fi
  mkdir -p .azurite
  log "starting Azurite (queues) on 127.0.0.1:$AZURITE_QUEUE_PORT, data in .azurite/"
  node "$AZURITE_QUEUE_MAIN" --silent --disableTelemetry --skipApiVersionCheck \
    --location .azurite --queueHost 127.0.0.1 --queuePort "$AZURITE_QUEUE_PORT" >.azurite/azurite-queue.log 2>&1 &
  AZURITE_QUEUE_PID=$!
  for _ in $(seq 1 100); do
    port_open "$AZURITE_QUEUE_PORT" && return
    kill -0 "$AZURITE_QUEUE_PID" 2>/dev/null || { cat .azurite/azurite-queue.log >&2; die "Azurite (queues) did not start"; }
    sleep 0.1
  done
  die "Azurite (queues) did not listen on port $AZURITE_QUEUE_PORT within 10 s"
}

cmd_run() {
  require_tools
  install_azurite
  local project="src/FineTune.LocalHost/FineTune.LocalHost.csproj" host
  log "building ($CONFIGURATION)"
  dotnet build "$project" -c "$CONFIGURATION" -v quiet -nologo
  host="$(dotnet msbuild "$project" -nologo -getProperty:TargetPath -p:Configuration="$CONFIGURATION")"
  trap stop_all EXIT
  trap 'exit 130' INT TERM
  start_azurite
  start_azurite_queues
  log "serving the function app; Ctrl-C stops it and Azurite"
  # Storage and the schedule come from src/FineTune.Functions/local.settings.json, as under func start.
  dotnet "$host" "$@" &
  APP_PID=$!
  wait "$APP_PID"
}

# Reads the <Counters> of the TRX file(s) in $1 into T_PASSED, T_FAILED (failed, error, timeout and aborted) and
# T_SKIPPED (not executed); returns non-zero when there is none, or it counts no test.
read_trx() {
  T_PASSED=0 T_FAILED=0 T_SKIPPED=0
  local trx counters found=1
  for trx in "$1"/*.trx; do
    [[ -e "$trx" ]] || continue
    found=0
    counters="$(grep -o '<Counters [^>]*>' "$trx" || true)"
    T_PASSED=$((T_PASSED + $(counter passed "$counters")))
    T_FAILED=$((T_FAILED + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") \
      + $(counter aborted "$counters")))
    T_SKIPPED=$((T_SKIPPED + $(counter notExecuted "$counters")))
  done
  ((found == 0 && T_PASSED + T_FAILED + T_SKIPPED > 0))
}

counter() {
  local value
  value="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"
  echo "${value:-0}"
}

# Azurites the test fixtures started from this clone's tools/azurite (in memory, unlike the one `run` keeps in
# .azurite/) and that outlived their test host, as when it crashed before it could stop them.
stop_test_azurites() {
  local pid args main="$ROOT/$AZURITE_MAIN" queue_main="$ROOT/$AZURITE_QUEUE_MAIN"
  while read -r pid args; do
    if [[ "$args" == *"$main "*"--inMemoryPersistence"* || "$args" == *"$queue_main "*"--inMemoryPersistence"* ]]; then
      log "stopping Azurite $pid, left running by a test host"
      kill "$pid" 2>/dev/null || true
    fi
  done < <(ps -A -ww -o pid= -o args=)
}

cmd_test() {
  require_tools
  install_azurite
  install_axe
  ensure_chromium
  local status=0 results="TestResults/dev-test" passed=0 failed=0 skipped=0

  log "building the solution ($CONFIGURATION)"
  if ! dotnet build FineTuneFunctions.sln -c "$CONFIGURATION" -nologo; then
    echo "build failed"
    echo "0 passed, 1 failed"
    return 1
  fi

  if [[ -f infra/check.sh ]]; then
    log "bash infra/check.sh"
    bash infra/check.sh || { echo "infra/check.sh failed"; failed=$((failed + 1)); }
  fi

  if [[ -f tools/openapi/validate.sh ]]; then
    log "bash tools/openapi/validate.sh (the connector's Swagger 2.0 document)"
    bash tools/openapi/validate.sh || { echo "tools/openapi/validate.sh failed"; failed=$((failed + 1)); }
  fi

  rm -rf "$results"
  local project projects=() name code
  while read -r project; do
    if grep -q 'Microsoft.NET.Test.Sdk' "$project"; then projects+=("$project"); fi
  done < <(dotnet sln FineTuneFunctions.sln list | grep '\.csproj$')
  # One results folder per project, so no two TRX files can collide; each project that needs storage starts its
  # own Azurite on a free port. A test host that crashes or hangs is reported by blame, and its TRX counts only
  # the tests that finished, so a project that fails without a failed test counts as one failure.
  for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    log "dotnet test $name"
    code=0
    dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
      --blame-crash --blame-crash-dump-type mini --blame-hang-timeout 10m \
      --logger trx --logger "console;verbosity=minimal" --results-directory "$results/$name" || code=$?
    stop_test_azurites
    if ! read_trx "$results/$name" || ((code != 0 && T_FAILED == 0)); then
      echo "$name crashed or produced no results"
      T_FAILED=$((T_FAILED + 1))
    fi
    passed=$((passed + T_PASSED)) failed=$((failed + T_FAILED)) skipped=$((skipped + T_SKIPPED))
  done

  ((failed == 0)) || status=1
  if ((passed == 0)); then
    echo "no test ran"
    status=1
  fi
  if ((skipped > 0)); then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  return "$status"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  *) echo "usage: ./dev.sh run [--urls URL] | ./dev.sh test" >&2; exit 2 ;;
esac
