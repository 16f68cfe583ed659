# shellcheck shell=bash
# Application class data sharing (AppCDS) for the service jars; sourced by ops/bin/stack and
# ops/bin/bench.
#
# A jar's first start records the classes it loaded into an archive beside it (X.jar -> X.jsa),
# written when that JVM exits normally (SIGTERM, as `stack down` sends). Later starts map the
# archive instead of loading, parsing and verifying every class again, which is most of a
# Dropwizard service's start-up. A rebuilt jar is newer than its archive, so the archive is
# recorded afresh on the next start. STACK_CDS=false turns it off.

# cds_flags JAR: prints the JVM flag for the next start of JAR (nothing when CDS is off).
cds_flags() {
  local jar="$1" archive="${1%.jar}.jsa"
  [[ "${STACK_CDS:-true}" == true ]] || return 0
  if cds_ready "$jar"; then
    printf '%s\n' "-XX:SharedArchiveFile=$archive"
  else
    rm -f "$archive"
    # The dump warns about each class it leaves out (generated accessors, unlinked classes);
    # that is expected, and would bury the service's log.
    printf '%s\n' "-XX:ArchiveClassesAtExit=$archive" -Xlog:cds=off
  fi
}

# cds_ready JAR: whether JAR has an archive recorded since it was built.
cds_ready() {
  local archive="${1%.jar}.jsa"
  [[ -f "$archive" && "$archive" -nt "$1" ]]
}
