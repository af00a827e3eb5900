#!/usr/bin/env bash
# The one entry point for a newcomer:
#   ./dev.sh run    install what is missing, start Azurite, build, serve the function app on http://127.0.0.1:7071
#   ./dev.sh test   the same setup, then infra/check.sh and tools/openapi/validate.sh (if present) and every test project;
#                   ends with "N passed, N failed"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CONFIGURATION="${CONFIGURATION:-Debug}"
AZURITE_DIR="tools/azurite"
AZURITE_MAIN="$AZURITE_DIR/node_modules/azurite/dist/src/table/main.js"
AZURITE_PORT=10002

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

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

AZURITE_PID=""
APP_PID=""
stop_all() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$AZURITE_PID" ]] && kill "$AZURITE_PID" 2>/dev/null && wait "$AZURITE_PID" 2>/dev/null
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

cmd_run() {
  require_tools
  install_azurite
  log "building ($CONFIGURATION)"
  dotnet build src/FineTune.LocalHost/FineTune.LocalHost.csproj -c "$CONFIGURATION" -v quiet -nologo
  trap stop_all EXIT
  trap 'exit 130' INT TERM
  start_azurite
  log "serving the function app; Ctrl-C stops it and Azurite"
  AzureWebJobsStorage="UseDevelopmentStorage=true" \
    dotnet "src/FineTune.LocalHost/bin/$CONFIGURATION/net10.0/FineTune.LocalHost.dll" "$@" &
  APP_PID=$!
  wait "$APP_PID"
}

# Sums the <Counters> of every TRX file in $1 into the globals PASSED, FAILED, TOTAL.
count_results() {
  PASSED=0 FAILED=0 TOTAL=0
  local trx counters total passed failed
  for trx in "$1"/*/*.trx; do
    [[ -e "$trx" ]] || continue
    counters="$(grep -o '<Counters [^>]*>' "$trx" || true)"
    total="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    failed="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    TOTAL=$((TOTAL + ${total:-0})) PASSED=$((PASSED + ${passed:-0})) FAILED=$((FAILED + ${failed:-0}))
  done
}

cmd_test() {
  require_tools
  install_azurite
  local status=0 results="TestResults/dev-test"

  log "building the solution ($CONFIGURATION)"
  if ! dotnet build FineTuneFunctions.sln -c "$CONFIGURATION" -nologo; then
    echo "build failed"
    echo "0 passed, 0 failed"
    return 1
  fi

  if [[ -f infra/check.sh ]]; then
    log "bash infra/check.sh"
    bash infra/check.sh || { echo "infra/check.sh failed"; status=1; }
  fi

  if [[ -f tools/openapi/validate.sh ]]; then
    log "bash tools/openapi/validate.sh (the connector's Swagger 2.0 document)"
    bash tools/openapi/validate.sh || { echo "tools/openapi/validate.sh failed"; status=1; }
  fi

  rm -rf "$results"
  local project projects=() name
  while read -r project; do
    if grep -q 'Microsoft.NET.Test.Sdk' "$project"; then projects+=("$project"); fi
  done < <(dotnet sln FineTuneFunctions.sln list | grep '\.csproj$')
  # One results folder per project, so no two TRX files can collide; each project that needs storage starts its
  # own Azurite on a free port.
  for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    log "dotnet test $name"
    dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
      --logger trx --logger "console;verbosity=minimal" --results-directory "$results/$name" || status=1
    if ! compgen -G "$results/$name/*.trx" >/dev/null; then
      echo "$name reported no results"
      status=1
    fi
  done

  count_results "$results"
  ((FAILED == 0)) || status=1
  if ((PASSED == 0)); then
    echo "no test ran"
    status=1
  fi
  echo "$PASSED passed, $FAILED failed"
  return "$status"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  *) echo "usage: ./dev.sh run [--urls URL] | ./dev.sh test" >&2; exit 2 ;;
esac
