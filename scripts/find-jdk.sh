# Sourced by the vecnet launcher and the bench scripts: finds a JDK >= 21 even when the default
# java is older. JAVA_HOME, then the java on PATH, then the usual install folders of Linux
# distributions, SDKMAN and macOS; a JDK named explicitly wins over newer ones found on disk.
# Written with bash built-ins where it can: each process forked costs milliseconds, and the
# launcher runs this on every start.

vecnet_min_java=21

vecnet_read_java_major() { # sets REPLY to the feature version of the JDK whose home is $1, or to nothing
  REPLY=""
  [[ -x "$1/bin/java" && -f "$1/release" ]] || return 0
  local line
  while IFS= read -r line; do
    if [[ "$line" =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
      REPLY="${BASH_REMATCH[1]}"
      return 0
    fi
  done <"$1/release"
}

vecnet_java_home() { # prints the chosen JDK's home, or fails with a message
  local candidates=() java_bin
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if java_bin="$(command -v java)"; then
    java_bin="$(readlink -f "$java_bin")"
    candidates+=("${java_bin%/bin/java}")
  fi
  local dir
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
             /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.jdks/*; do
    [[ -d "$dir" ]] && candidates+=("$dir")
  done
  local best="" best_version=0 home
  for home in "${candidates[@]}"; do
    vecnet_read_java_major "$home"
    if [[ -n "$REPLY" && "$REPLY" -ge "$vecnet_min_java" && "$REPLY" -gt "$best_version" ]]; then
      best="$home" best_version="$REPLY"
    fi
    [[ -n "$best" && "$home" == "${candidates[0]}" ]] && break
  done
  [[ -n "$best" ]] || { echo "vecnet: no JDK $vecnet_min_java or newer found; install one or set JAVA_HOME" >&2; return 1; }
  echo "$best"
}
