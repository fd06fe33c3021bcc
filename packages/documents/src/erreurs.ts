/** Erreur d'une génération ou d'une relecture de document, au message français prêt à afficher. */
export class ErreurDocument extends Error {
  override readonly name = 'ErreurDocument';
  /** Détail ligne à ligne (un problème par entrée), repris tel quel par la ligne de commande. */
  readonly details: readonly string[];

  constructor(message: string, details: readonly string[] = []) {
    super(
      details.length === 0 ? message : `${message}\n${details.map((detail) => `  - ${detail}`).join('\n')}`,
    );
    this.details = details;
  }
}
