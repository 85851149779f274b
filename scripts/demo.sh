#!/usr/bin/env bash
# The main job, for now: check every example, then show what `fix` makes of the spreadsheet one.
# Exit 1 from the CLI means "mistakes found", which is the point of the examples; 2 is a failure.
set -u
cd "$(dirname "$0")/.."
cli=(node cli/dist/main.js)
messages=$(mktemp)
trap 'rm -f "$messages"' EXIT

run() {
  printf '\n$ numbers-csv %s\n' "$*"
  # The output first, then what the command says about it: a fixed file may not end with a line break.
  local output code
  output=$("${cli[@]}" "$@" 2>"$messages")
  code=$?
  printf '%s\n' "$output"
  cat "$messages"
  if [ "$code" -gt 1 ]; then exit "$code"; fi
}

run check examples/
run fix examples/spreadsheet-mistakes.csv
exit 0
