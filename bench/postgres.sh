# Sourced by the bench scripts that run a throwaway PostgreSQL cluster: where its server binaries are, and how to
# call them. PostgreSQL refuses to run as root; as root its clusters belong to the postgres user.
PG_BIN="${COMPLIANCE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$PG_BIN/$1" "${@:2}"; else "$PG_BIN/$1" "${@:2}"; fi; }
