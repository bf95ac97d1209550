# Sourced by the benchmarks: how much CPU the hypervisor took from this VM meanwhile. On the 2-core
# VM the figures of ztpd and of its peers halve when neighbours take 10-40 % (2026-11-23), so every
# benchmark prints it beside its numbers.
#   mark=$(steal_mark); ...; echo "CPU stolen by the host: $(steal_since "$mark") %"
steal_mark() { awk '/^cpu / { print $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
steal_since() {
  awk -v a="$1" -v b="$(steal_mark)" 'BEGIN { split(a, x, " "); split(b, y, " ");
    printf "%.1f", (y[2] - x[2]) ? 100 * (y[1] - x[1]) / (y[2] - x[2]) : 0 }'
}
