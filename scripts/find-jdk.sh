# Sourced by the vecnet launcher and the bench scripts: finds a JDK >= 21 even when the default
# java is older. JAVA_HOME, then the java on PATH, then the usual install folders of Linux
# distributions, SDKMAN and macOS; a JDK named explicitly wins over newer ones found on disk.

vecnet_min_java=21

vecnet_java_major() { # prints the feature version of the JDK whose home is $1, or nothing
  local release="$1/release"
  [[ -x "$1/bin/java" && -f "$release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

vecnet_java_home() { # prints the chosen JDK's home, or fails with a message
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
    version="$(vecnet_java_major "$home")"
    if [[ -n "$version" && "$version" -ge "$vecnet_min_java" && "$version" -gt "$best_version" ]]; then
      best="$home" best_version="$version"
    fi
    [[ -n "$best" && "$home" == "${candidates[0]}" ]] && break
  done
  [[ -n "$best" ]] || { echo "vecnet: no JDK $vecnet_min_java or newer found; install one or set JAVA_HOME" >&2; return 1; }
  echo "$best"
}
