#!/usr/bin/env bash
# Audit des dépendances de production (issue 9 § 2, docs/securite.md) : échoue s'il existe une vulnérabilité
# connue de gravité haute ou critique dans ce que Jalon installe en production (`--omit=dev`).
#
# Codes de sortie : 0 aucune vulnérabilité haute ou critique ; 1 vulnérabilités (la liste est affichée) ;
# 2 audit impossible (registre injoignable ou sans point d'audit) — un échec aussi en CI : un audit qui n'a pas
# eu lieu n'est pas un audit réussi. Hors CI seulement, JALON_AUDIT_TOLERER_HORS_LIGNE=1 change ce 2 en 0.
set -uo pipefail
cd "$(dirname "$0")/.."

sortie="$(npm audit --omit=dev --audit-level=high 2>&1)"
code=$?
printf '%s\n' "$sortie" | grep -v '^npm warn Unknown user config'

if [ "$code" -eq 0 ]; then
  echo "Audit des dépendances de production : aucune vulnérabilité haute ou critique."
  exit 0
fi
if printf '%s' "$sortie" | grep -q -e 'audit endpoint returned an error' -e 'ENOTFOUND' -e 'ECONNREFUSED' -e 'ETIMEDOUT'; then
  echo "Audit des dépendances IMPOSSIBLE : le registre npm n'a pas répondu au point d'audit (voir ci-dessus)." >&2
  if [ "${JALON_AUDIT_TOLERER_HORS_LIGNE:-0}" = "1" ] && [ -z "${CI:-}" ]; then
    echo "JALON_AUDIT_TOLERER_HORS_LIGNE=1 (hors CI) : ignoré." >&2
    exit 0
  fi
  exit 2
fi
echo "Audit des dépendances de production : vulnérabilités hautes ou critiques (liste ci-dessus) ; « npm audit fix » ou mise à jour ciblée." >&2
exit 1
