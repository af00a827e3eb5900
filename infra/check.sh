#!/usr/bin/env bash
# Offline check of the Bicep templates: builds every entry template into infra/.out/ and lints every .bicep file.
# Fails on any warning or error, because the Bicep CLI reports type problems as warnings and still exits 0.
set -euo pipefail

infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$infra_dir")"
test_project="$repo_dir/tests/FineTune.Infra.Tests/FineTune.Infra.Tests.csproj"
out_dir="$infra_dir/.out"
start_seconds=$SECONDS

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The CLI version is pinned once, in the test project that restores it.
bicep_version="$(sed -n 's:.*<BicepCliVersion>\(.*\)</BicepCliVersion>.*:\1:p' "$test_project")"
if [[ -z "$bicep_version" ]]; then
  echo "check.sh: no <BicepCliVersion> in $test_project" >&2
  exit 1
fi

package_path="azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
locate_bicep() {
  local packages="${NUGET_PACKAGES:-${HOME:-}/.nuget/packages}"
  if [[ ! -f "${packages%/}/$package_path" ]]; then
    # Slower, but honours a globalPackagesFolder set in a NuGet.config.
    packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
  fi
  echo "${packages%/}/$package_path"
}

bicep="${BICEP:-}"
if [[ -z "$bicep" ]]; then
  bicep="$(locate_bicep)"
  if [[ ! -f "$bicep" ]]; then
    dotnet restore "$test_project" >/dev/null
    bicep="$(locate_bicep)"
  fi
fi
if [[ ! -f "$bicep" ]]; then
  echo "check.sh: Bicep CLI not found at $bicep" >&2
  exit 1
fi
[[ -x "$bicep" ]] || chmod u+x "$bicep"

cd "$infra_dir"
mapfile -t all_files < <(find . -name '*.bicep' -not -path './.out/*' | sed 's|^\./||' | sort)
# Entry templates are the ones not under a modules/ folder; modules are compiled into them.
mapfile -t entry_files < <(find . -name '*.bicep' -not -path './.out/*' -not -path '*/modules/*' | sed 's|^\./||' | sort)
if [[ ${#entry_files[@]} -eq 0 ]]; then
  echo "check.sh: no entry template found under infra/" >&2
  exit 1
fi

rm -rf "$out_dir"
mkdir -p "$out_dir"
log="$out_dir/diagnostics.log"
: >"$log"
status=0

for file in "${entry_files[@]}"; do
  target="$out_dir/${file%.bicep}.json"
  mkdir -p "$(dirname "$target")"
  "$bicep" build "$file" --outfile "$target" >>"$log" 2>&1 || status=1
done
# One process lints every file: the CLI takes seconds to start.
"$bicep" lint --pattern '**/*.bicep' >>"$log" 2>&1 || status=1

# Bicep prints nothing on success, so every line it prints is a finding; the grep below only names what it found.
warnings="$(grep -c -i -E ': Warning |warning' "$log" || true)"
errors="$(grep -c -i -E ': Error |error' "$log" || true)"
if [[ -s "$log" ]]; then
  cat "$log" >&2
  status=1
fi

echo "bicep $bicep_version: ${#entry_files[@]} templates built, ${#all_files[@]} files linted, $warnings warnings, $errors errors ($((SECONDS - start_seconds))s)"
exit "$status"
