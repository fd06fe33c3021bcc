#!/usr/bin/env bash
# Démarre un PostgreSQL jetable pour les tests (suite de contrat des dépôts, tests du serveur) et affiche la
# variable DATABASE_URL_TEST à utiliser. N'installe rien : sur Debian, `apt-get install -y postgresql` est fait
# par la CI. À lancer en root (les binaires tournent sous l'utilisateur « postgres »).
#
#   eval "$(scripts/postgres-test.sh)"          # exporte DATABASE_URL_TEST
#   npx vitest run packages/serveur/test         # passe aussi sur PostgreSQL
#   scripts/postgres-test.sh --arreter           # arrête et supprime le cluster
#
# Variables : JALON_PG_DOSSIER (défaut /tmp/jalon-pg-test), JALON_PG_PORT (défaut : premier port libre dès 54329).
set -euo pipefail

DOSSIER="${JALON_PG_DOSSIER:-/tmp/jalon-pg-test}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$BIN" || ! -x "$BIN/initdb" ]]; then
  echo "PostgreSQL introuvable dans /usr/lib/postgresql/*/bin : installez-le (apt-get install -y postgresql)." >&2
  exit 1
fi
if [[ "$(id -u)" -ne 0 ]]; then
  echo "Lancez ce script en root : il démarre PostgreSQL sous l'utilisateur « postgres »." >&2
  exit 1
fi

en_postgres() { su postgres -s /bin/bash -c "$1"; }

if [[ "${1:-}" == "--arreter" ]]; then
  if [[ -f "$DOSSIER/donnees/postmaster.pid" ]]; then
    en_postgres "'$BIN/pg_ctl' -D '$DOSSIER/donnees' -m fast -w stop" >&2
  fi
  rm -rf "$DOSSIER"
  echo "PostgreSQL de test arrêté et supprimé ($DOSSIER)." >&2
  exit 0
fi

port_libre() {
  local port="${JALON_PG_PORT:-54329}"
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

if [[ -f "$DOSSIER/donnees/postmaster.pid" ]] && en_postgres "'$BIN/pg_ctl' -D '$DOSSIER/donnees' status" >/dev/null 2>&1; then
  PORT="$(cat "$DOSSIER/port")"
  echo "PostgreSQL de test déjà démarré ($DOSSIER, port $PORT)." >&2
else
  rm -rf "$DOSSIER"
  mkdir -p "$DOSSIER"
  chown postgres:postgres "$DOSSIER"
  PORT="$(port_libre)"
  echo "$PORT" >"$DOSSIER/port"
  en_postgres "'$BIN/initdb' -D '$DOSSIER/donnees' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$DOSSIER/initdb.log' 2>&1" \
    || { echo "initdb a échoué, voir $DOSSIER/initdb.log" >&2; exit 1; }
  en_postgres "'$BIN/pg_ctl' -D '$DOSSIER/donnees' -l '$DOSSIER/postgres.log' -w \
    -o \"-p $PORT -k '$DOSSIER' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >&2 \
    || { echo "Démarrage impossible, voir $DOSSIER/postgres.log" >&2; exit 1; }
  en_postgres "'$BIN/psql' -h 127.0.0.1 -p $PORT -U postgres -qc 'create database jalon_test'" >&2
  echo "PostgreSQL de test démarré ($DOSSIER, port $PORT)." >&2
fi

echo "export DATABASE_URL_TEST=postgres://postgres@127.0.0.1:$PORT/jalon_test"
