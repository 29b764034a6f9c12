# Sourced by ./sheepdog and .ci/run: exports JAVA_HOME (and PATH) pointing at a JDK 21 or newer.
# Looks at JAVA_HOME, then the javac on PATH, then /usr/lib/jvm (newest first).

# The major version of the JDK at $1, read from its release file (no JVM started), else from java itself.
jdk_major() {
  local version=""
  [ -f "$1/release" ] && version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$1/release")
  [ -n "$version" ] || version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}')
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

jdk_usable() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(jdk_major "$1")" -ge 21 ] 2>/dev/null
}

use_jdk_21_or_newer() {
  if [ -n "${JAVA_HOME:-}" ] && jdk_usable "$JAVA_HOME"; then
    :
  else
    JAVA_HOME=""
    if command -v javac >/dev/null 2>&1; then
      local default_home
      default_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
      jdk_usable "$default_home" && JAVA_HOME=$default_home
    fi
    if [ -z "$JAVA_HOME" ]; then
      local candidate
      for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
        if jdk_usable "${candidate%/}"; then JAVA_HOME=${candidate%/}; break; fi
      done
    fi
    if [ -z "$JAVA_HOME" ]; then
      echo "Sheepdog needs a JDK 21 or newer: none found in JAVA_HOME, on PATH or in /usr/lib/jvm." >&2
      echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
      return 1
    fi
  fi
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}
