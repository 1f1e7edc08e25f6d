# Sourced by bench/run and bench/compare: finds a JDK >= 21 the way the top-level vecnet launcher
# does, and builds the benchmarks jar when it is missing or older than the sources.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_jar="$bench_root/bench/target/benchmarks.jar"
bench_min_java=21

bench_java_major() { # prints the feature version of the JDK whose home is $1, or nothing
  local release="$1/release"
  [[ -x "$1/bin/java" && -f "$release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

bench_java_home() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local dir
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
             /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.jdks/*; do
    [[ -d "$dir" ]] && candidates+=("$dir")
  done
  local best="" best_version=0 home version
  for home in "${candidates[@]}"; do
    version="$(bench_java_major "$home")"
    if [[ -n "$version" && "$version" -ge "$bench_min_java" && "$version" -gt "$best_version" ]]; then
      best="$home" best_version="$version"
    fi
    # A JDK named explicitly (JAVA_HOME or PATH) wins over newer ones found on disk.
    [[ -n "$best" && "$home" == "${candidates[0]}" ]] && break
  done
  [[ -n "$best" ]] || { echo "bench: no JDK $bench_min_java or newer found; install one or set JAVA_HOME" >&2; return 1; }
  echo "$best"
}

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
