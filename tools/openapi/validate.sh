#!/usr/bin/env bash
# Validates infra/connector/apiDefinition.swagger.json with @apidevtools/swagger-parser, pinned in package-lock.json
# and installed here by npm ci. Exits non-zero on an invalid document.
set -euo pipefail

tool_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$tool_dir/../.." && pwd)"
document="infra/connector/apiDefinition.swagger.json"

# npm ci again only when the lock file changed since the last install.
if [[ ! -d "$tool_dir/node_modules/@apidevtools/swagger-parser" \
  || ! "$tool_dir/node_modules/.package-lock.json" -nt "$tool_dir/package-lock.json" ]]; then
  (cd "$tool_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
cd "$repo_dir"
node "$tool_dir/validate.mjs" "$document"
