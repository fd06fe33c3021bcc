import { CODES_INDICATEURS } from '@jalon/indicateurs';

export const AIDE_INDICATEURS = `Usage : jalon indicateurs <calculer|expliquer> [options]

Calcule les indicateurs d’insertion depuis une extraction au format d’échange « parcours RSA » v1
(dossier ou archive .zip contenant situations_mensuelles.csv et evenements.csv).

jalon indicateurs calculer --donnees <dossier|archive.zip> --annee <AAAA>
    [--cadre calpae-2023|france-travail-2024] [--format json|csv|xlsx] [--sortie <fichier>]
    [--ignorer-lignes-invalides]
  Cadre par défaut : france-travail-2024 à partir de 2024, calpae-2023 avant.
  json (défaut) sur la sortie standard sauf --sortie ; csv « indicateur;valeur » (UTF-8 avec BOM,
  virgule décimale) ; xlsx (--sortie obligatoire).

jalon indicateurs expliquer --donnees <dossier|archive.zip> --annee <AAAA> --indicateur <code>
    [--personne <id>] [--format csv|json] [--sortie <fichier>] [--ignorer-lignes-invalides]
  Liste les personnes considérées pour un indicateur, comptées ou non, et pourquoi.
  Codes : ${CODES_INDICATEURS.join(', ')}.

Codes de sortie : 0 calculé ; 1 lignes invalides (sans --ignorer-lignes-invalides) ;
2 entrée illisible (dossier ou fichier absent, archive refusée, colonne obligatoire manquante,
identifiants directs refusés, option invalide).
Documentation : docs/indicateurs-cli.md
`;
