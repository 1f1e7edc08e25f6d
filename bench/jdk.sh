# Sourced by the bench scripts: finds a JDK >= 21 as the top-level vecnet launcher does, and builds
# the benchmarks jar when it is missing or older than the sources.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_jar="$bench_root/bench/target/benchmarks.jar"
source "$bench_root/scripts/find-jdk.sh"

bench_build_jar() {
  if [[ ! -f "$bench_jar" || -n "$(find "$bench_root/pom.xml" "$bench_root/engine/pom.xml" "$bench_root/bench/pom.xml" \
        "$bench_root/engine/src/main" "$bench_root/bench/src/main" -newer "$bench_jar" -print -quit)" ]]; then
    echo "bench: building bench/target/benchmarks.jar..." >&2
    (cd "$bench_root" && ./mvnw -q -B -DskipTests -pl bench -am package >&2)
  fi
}

bench_require_python() { # $1: the python command to use
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "bench: $1 not found; on Debian or Ubuntu: sudo apt-get install python3" >&2
    return 1
  fi
}
