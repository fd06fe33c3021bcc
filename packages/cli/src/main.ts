import { ioProcessus, SORTIE, type Io } from './io.ts';

type Commande = (args: string[], io: Io) => Promise<number>;

/** Chaque commande est chargée à la demande : `jalon finances` ne charge ni exceljs ni le lecteur de flux. */
const COMMANDES: Record<string, { charger: () => Promise<Commande>; resume: string }> = {
  comptes: {
    charger: async () => (await import('./commandes/comptes.ts')).commandeComptes,
    resume: 'comptes locaux : créer, lister, activer, désactiver (audités)',
  },
  documents: {
    charger: async () => (await import('./commandes/documents.ts')).commandeDocuments,
    resume:
      'documents officiels : convention, avenant, fiches, rapport d’exécution, tableaux (DOCX, PDF, XLSX)',
  },
  donnees: {
    charger: async () => (await import('./commandes/donnees.ts')).commandeDonnees,
    resume: 'données réelles : flux CAF/MSA, profils de correspondance, volet 3',
  },
  finances: {
    charger: async () => (await import('./commandes/finances.ts')).commandeFinances,
    resume: 'contrôles et totaux d’une convention (jalon.convention/1)',
  },
  indicateurs: {
    charger: async () => (await import('./commandes/indicateurs.ts')).commandeIndicateurs,
    resume: 'calcul et explication des indicateurs d’insertion',
  },
  offre: {
    charger: async () => (await import('./commandes/offre.ts')).commandeOffre,
    resume: 'offre d’insertion au schéma data·inclusion (valider, convertir, manques)',
  },
  restaurer: {
    charger: async () => (await import('./commandes/restaurer.ts')).commandeRestaurer,
    resume: 'restauration d’une sauvegarde de la base (tout ou rien)',
  },
  sauvegarder: {
    charger: async () => (await import('./commandes/sauvegarder.ts')).commandeSauvegarder,
    resume: 'sauvegarde de la base PGlite ou PostgreSQL (jalon.sauvegarde/1)',
  },
  pseudonymiser: {
    charger: async () => (await import('./commandes/pseudonymiser.ts')).commandePseudonymiser,
    resume: 'pseudonymisation des identifiants d’une extraction',
  },
};

export const AIDE = `Usage : jalon <commande> [options]

Commandes :
${Object.entries(COMMANDES)
  .map(([nom, { resume }]) => `  ${nom.padEnd(16)}${resume}`)
  .join('\n')}

« jalon <commande> --aide » détaille une commande.
`;

export async function main(args: string[], io: Io = ioProcessus()): Promise<number> {
  const [nom, ...reste] = args;
  if (nom === undefined || nom === '--aide' || nom === '--help' || nom === '-h') {
    io.stdout.write(AIDE);
    return nom === undefined ? SORTIE.ENTREE_ILLISIBLE : SORTIE.OK;
  }
  const entree = COMMANDES[nom];
  if (entree === undefined) {
    io.stderr.write(`Commande inconnue « ${nom} ».\n\n${AIDE}`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
  return (await entree.charger())(reste, io);
}
