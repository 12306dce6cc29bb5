# Sourced by ./mvnw and the scripts under .ci/ and bench/.
# Solidarity Hub needs JDK 21 or newer. When JAVA_HOME is unset or points at an older JDK, and the
# java on PATH is older too, pick the newest JDK 21+ installed under /usr/lib/jvm (or $SH_JVM_DIR).
sh_java_major() {
  # prints the feature version of the java binary in $1 (8 for "1.8.0_x"), or nothing
  # (the first line that names a version: JAVA_TOOL_OPTIONS makes java print a line of its own before it)
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)\(\.\([0-9]*\)\)\{0,1\}.*/\1 \3/p' |
    awk 'NR == 1 { if ($1 == 1) print $2; else print $1 }'
}
sh_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(sh_java_major "$JAVA_HOME/bin/java"); [ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
  elif command -v java >/dev/null 2>&1; then
    v=$(sh_java_major java); [ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  best="" best_v=0 sh_noglob=""
  case $- in *f*) sh_noglob=1; set +f ;; esac
  for d in "${SH_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    v=$(sh_java_major "$d/bin/java")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best="$d" best_v=$v; fi
  done
  [ -z "$sh_noglob" ] || set -f
  if [ -n "$best" ]; then
    export JAVA_HOME="$best"
  fi
  # Otherwise leave things as they are: the build's enforcer rule then fails with a clear message.
}
sh_pick_jdk
