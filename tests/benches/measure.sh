# Sourced by the comparison scripts: `measure FILE ARGS...` prints the best of three wall-clock
# times and the peak resident memory of `cargo xtask ARGS...` (cargo and xtask both: GNU time
# reports the largest process it waited for), an ARG `-` reading FILE on standard input, then
# the peak memory of target/debug/xtask alone, without cargo around it.
measure() {
  local file=$1 best="" peak=0
  shift
  local input=/dev/null
  for arg in "$@"; do
    if [ "$arg" = - ]; then input=$file; fi
  done
  for _ in 1 2 3; do
    /usr/bin/time -v -o target/tmp/time.txt cargo xtask "$@" <"$input" >/dev/null || true
    local seconds kilobytes
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' target/tmp/time.txt)
    kilobytes=$(awk -F': ' '/Maximum resident set size/ { print $2 }' target/tmp/time.txt)
    if [ -z "$best" ] || awk "BEGIN { exit !($seconds < $best) }"; then best=$seconds; fi
    if [ "$kilobytes" -gt "$peak" ]; then peak=$kilobytes; fi
  done
  awk -v size="$(stat -c %s "$file")" -v s="$best" -v kb="$peak" -v name="$(basename "$file")" -v command="$*" \
    'BEGIN { printf "cargo xtask %s (%s): %.2f s, %.0f MB/s (best of 3), peak RSS %.1f MiB\n", command, name, s, size / 1e6 / s, kb / 1024 }'
  /usr/bin/time -v -o target/tmp/time.txt target/debug/xtask "$@" <"$input" >/dev/null || true
  awk -F': ' '/Maximum resident set size/ { printf "  target/debug/xtask alone: peak RSS %.1f MiB\n", $2 / 1024 }' target/tmp/time.txt
}
