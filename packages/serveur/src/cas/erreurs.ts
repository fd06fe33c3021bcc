/**
 * Erreurs des cas d'usage, traduites en HTTP par `http/erreurs.ts` : corps `{ "erreur": "…", "details": … }`.
 */
export type CodeErreur = 'non_connecte' | 'interdit' | 'introuvable' | 'conflit' | 'invalide';

export class ErreurMetier extends Error {
  constructor(
    readonly code: CodeErreur,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ErreurMetier';
  }
}

export const nonConnecte = () =>
  new ErreurMetier('non_connecte', 'Vous n’êtes pas connecté : connectez-vous pour continuer.');

export const interdit = (quoi: string) =>
  new ErreurMetier('interdit', `Action non autorisée pour votre compte : ${quoi}.`);

/** Hors périmètre = introuvable : on ne révèle pas l'existence d'une convention d'un autre territoire. */
export const conventionIntrouvable = (id: number) =>
  new ErreurMetier('introuvable', `Convention ${id} introuvable (ou hors de votre territoire).`);

export const ficheIntrouvable = (id: number) =>
  new ErreurMetier('introuvable', `Fiche action ${id} introuvable dans cette convention.`);

export const versionPerimee = (versionEnvoyee: number, versionActuelle: number) =>
  new ErreurMetier(
    'conflit',
    `La convention a été modifiée entre-temps (votre version ${versionEnvoyee}, version actuelle ` +
      `${versionActuelle}) : rien n’a été enregistré. Rechargez la convention puis refaites votre modification ` +
      '(vos saisies sont conservées à l’écran).',
    { version_envoyee: versionEnvoyee, version_actuelle: versionActuelle },
  );

export const invalide = (message: string, details?: unknown) =>
  new ErreurMetier('invalide', message, details);
