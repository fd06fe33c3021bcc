import {
  centimes,
  formaterEuros,
  type ConventionFinanciere,
  type LigneEuros,
  type RapportFinancier,
} from '@jalon/domaine';

/** Colonnes du tableau (annexe 9 de 001) : libellé court, lecture dans une ligne en euros. */
const COLONNES: readonly [string, (ligne: LigneEuros) => number][] = [
  ['A État', (l) => l.previsionnel.etat],
  ['B report État', (l) => l.previsionnel.report_etat],
  ['C CD', (l) => l.previsionnel.cd],
  ['dont valo.', (l) => l.previsionnel.valorisation_cd],
  ['D report CD', (l) => l.previsionnel.report_cd],
  ['E autres', (l) => l.previsionnel.autres],
  ['F total', (l) => l.previsionnel.total],
  ['réalisé', (l) => l.execution.realise],
  ['à reporter État', (l) => l.execution.a_reporter_etat],
  ['à reporter CD', (l) => l.execution.a_reporter_cd],
];

const estLigne = (valeur: object): valeur is LigneEuros => 'previsionnel' in valeur;

function tableau(lignes: readonly [string, LigneEuros][]): string {
  const cellules = lignes.map(([libelle, ligne]) => [
    libelle,
    ...COLONNES.map(([, lire]) => formaterEuros(centimes(lire(ligne)))),
  ]);
  const entete = ['', ...COLONNES.map(([libelle]) => libelle)];
  const largeurs = entete.map((titre, i) =>
    Math.max(titre.length, ...cellules.map((ligne) => ligne[i]?.length ?? 0)),
  );
  const formater = (ligne: readonly string[]) =>
    ligne
      .map((cellule, i) => (i === 0 ? cellule.padEnd(largeurs[i] ?? 0) : cellule.padStart(largeurs[i] ?? 0)))
      .join('  ');
  return [formater(entete), ...cellules.map(formater)].join('\n');
}

/** Rapport lisible (format `texte`) : tableau financier par mesure, puis chaque contrôle. */
export function rapportTexte(convention: ConventionFinanciere, rapport: RapportFinancier): string {
  const { totaux, controles } = rapport;
  const lignes: [string, LigneEuros][] = Object.entries(totaux.mesures).map(([code, ligne]) => [
    `mesure ${code}`,
    ligne,
  ]);
  if (estLigne(totaux.socle)) lignes.push(['sous-total mesures socles', totaux.socle]);
  if (estLigne(totaux.initiatives)) lignes.push(['sous-total initiatives', totaux.initiatives]);
  for (const [volet, ligne] of Object.entries(totaux.volets)) lignes.push([`volet ${volet}`, ligne]);
  lignes.push(['TOTAUX FINANCIERS', totaux.general]);

  const bloquants = controles.filter((controle) => controle.gravite === 'bloquant').length;
  const alertes = controles.length - bloquants;
  const sortie = [
    `Convention ${convention.cadre.code} (${convention.cadre.libelle}), exercice ${convention.exercice}, ` +
      `${convention.actions.length} action(s)`,
    '',
    'Tableau financier (euros)',
    tableau(lignes),
    totaux.controle.ecart
      ? 'Total de contrôle : ÉCART entre la somme des lignes et la somme des sous-totaux (action hors de tout sous-total).'
      : 'Total de contrôle : la somme des sous-totaux égale la somme des lignes.',
    '',
    `Contrôles : ${bloquants} bloquant(s), ${alertes} alerte(s)`,
    ...controles.flatMap((controle) => [
      `- [${controle.gravite}] ${controle.code}` +
        (controle.actions.length > 0 ? ` — action(s) ${controle.actions.join(', ')}` : ''),
      `  ${controle.message}`,
      `  source : ${controle.source}`,
    ]),
  ];
  if (controles.length === 0) sortie.push('Aucun contrôle à signaler.');
  return `${sortie.join('\n')}\n`;
}
