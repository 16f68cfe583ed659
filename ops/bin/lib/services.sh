# shellcheck shell=bash
# The stack's services and the JVM flags they run with; sourced by ops/bin/stack and ops/bin/bench.
#
# STACK_JAVA_OPTS replaces every service's flags (and the benchmark's reference servers'),
# STACK_KAFKA_JAVA_OPTS the broker's.

# name | module | api port | admin port | max heap | extra flags   (start order; stop is the reverse)
#
# Each heap is what that service needs, not one size for all: with the serial collector the old
# generation is only collected when it is full, so a service's heap grows to its cap whatever its
# live set, and the heap is the largest part of its RSS. Live sets measured after a full collection
# under the benchmark's load (bench --steps write,e2e): user-service 23 MB, plus about 20 MB for
# each password hash in progress (Argon2id at 19 MiB; two at once in config/local and config/bench,
# which give the hashing one core each), so 96 MB leaves a third free at two hashes; product-service
# 27 MB; order-service 53 MB with a thousand open connections (12 MB of it Jetty's header cache, since
# turned off); the stream processor 25 MB (its RocksDB stores are off the heap).
#
# The stream processor runs with the client compiler only: its time goes to RocksDB, the Kafka
# clients and its commit interval, not to Java code C2 would speed up. With C1 alone and a 64 MB
# heap it peaked at 261 MB of RSS against 317-321 MB with both compilers and 96 MB in benchmark runs
# the same hour (bench --steps write,e2e --rates 150), and at 279 MB against 337 MB in full runs:
# C2's code cache and compiler arenas, and heap it did not need beside its 25 MB live set. Its CPU
# per order was the same in the first (0.96 ms against 0.95-1.03 ms) and at most 0.5 ms higher in
# the second, of the 11 ms an order costs the whole machine. order-service is the opposite case: C1
# alone nearly doubled its CPU per order (ops/bench/FINDINGS.md, Write).
SERVICES=(
  "user-service|user-service|8081|8181|96m|"
  "product-service|product-service|8082|8182|256m|"
  "order-service|order-service|8083|8183|192m|"
  "order-stream-processor|order-stream-processor|8084|8184|64m|-XX:TieredStopAtLevel=1"
)
SERVICE_NAMES=()
for _entry in "${SERVICES[@]}"; do SERVICE_NAMES+=("${_entry%%|*}"); done
unset _entry

JAVA="${JAVA:-java}"

# detect_jvm_flags: asks the JDK once which optional flags it takes, and sets KAFKA_JAVA_OPTS. Called
# by whatever starts JVMs, before java_opts; not on sourcing, so `stack status` starts no JVM.
# glibc keeps memory that the JIT, the drivers and RocksDB have freed; since JDK 17.0.9 the JVM can
# hand it back every few seconds. Left out on an older JDK, which would refuse the flag.
detect_jvm_flags() {
  if "$JAVA" -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
    TRIM_NATIVE_HEAP=-XX:TrimNativeHeapInterval=5000
  else
    TRIM_NATIVE_HEAP=
  fi
  # The broker is not a service under test: its heap must hold the log cleaner's 128 MB dedupe
  # buffer whatever the services' flags are.
  KAFKA_JAVA_OPTS="${STACK_KAFKA_JAVA_OPTS:-$(java_opts 256m)}"
}
# glibc gives each thread that mallocs its own arena (up to 8 per core), and freed memory stays in
# them: two per process instead.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# java_opts HEAP: the default flags of a JVM of the stack with that max heap.
java_opts() {
  local trim="${TRIM_NATIVE_HEAP?call detect_jvm_flags first}"
  echo "-Xms64m -Xmx$1 -XX:+UseSerialGC${trim:+ $trim}"
}

# service_java_opts NAME: the flags service NAME starts with.
service_java_opts() {
  if [[ -n "${STACK_JAVA_OPTS:-}" ]]; then
    echo "$STACK_JAVA_OPTS"
    return
  fi
  local entry name heap flags
  for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name _ _ _ heap flags <<<"$entry"
    if [[ "$name" == "$1" ]]; then
      echo "$(java_opts "$heap")${flags:+ $flags}"
      return
    fi
  done
  echo "unknown service $1" >&2
  return 1
}
