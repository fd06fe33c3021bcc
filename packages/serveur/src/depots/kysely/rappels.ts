import type { Kysely } from 'kysely';
import type { BaseJalon } from '../../base/tables.ts';
import type {
  CourrielEnregistre,
  DepotCalendriers,
  DepotRappels,
  NouveauCourriel,
} from '../ports-pilotage.ts';

/** Courriels de rappel : la clé unique rend l'envoi idempotent (issue 6 § 2). */
export class DepotRappelsKysely implements DepotRappels {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async reserver(courriel: NouveauCourriel): Promise<number | undefined> {
    const ligne = await this.db
      .insertInto('courriel')
      .values({
        cle: courriel.cle,
        convention_id: courriel.conventionId,
        destinataire: courriel.destinataire,
        sujet: courriel.sujet,
        corps: courriel.corps,
        transport: courriel.transport,
      })
      .onConflict((oc) => oc.column('cle').doNothing())
      .returning('id')
      .executeTakeFirst();
    return ligne?.id;
  }

  async marquerEnvoye(id: number, le: Date): Promise<void> {
    await this.db
      .updateTable('courriel')
      .set({ envoye_le: le.toISOString(), erreur: null })
      .where('id', '=', id)
      .execute();
  }

  async marquerErreur(id: number, erreur: string): Promise<void> {
    await this.db.updateTable('courriel').set({ erreur }).where('id', '=', id).execute();
  }

  async liberer(id: number): Promise<void> {
    await this.db.deleteFrom('courriel').where('id', '=', id).execute();
  }

  async lister(limite: number): Promise<CourrielEnregistre[]> {
    const lignes = await this.db
      .selectFrom('courriel')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limite)
      .execute();
    return lignes.map((l) => ({
      id: l.id,
      cle: l.cle,
      conventionId: l.convention_id,
      destinataire: l.destinataire,
      sujet: l.sujet,
      corps: l.corps,
      transport: l.transport,
      creeLe: l.cree_le,
      envoyeLe: l.envoye_le,
      erreur: l.erreur,
    }));
  }
}

/** Jetons des flux iCalendar : seule l'empreinte SHA-256 est gardée ; un jeton actif par compte. */
export class DepotCalendriersKysely implements DepotCalendriers {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async creer(utilisateurId: number, empreinte: string): Promise<void> {
    await this.revoquer(utilisateurId, new Date());
    await this.db
      .insertInto('jeton_calendrier')
      .values({ empreinte, utilisateur_id: utilisateurId })
      .execute();
  }

  async revoquer(utilisateurId: number, le: Date): Promise<number> {
    const r = await this.db
      .updateTable('jeton_calendrier')
      .set({ revoque_le: le.toISOString() })
      .where('utilisateur_id', '=', utilisateurId)
      .where('revoque_le', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async compte(empreinte: string): Promise<number | undefined> {
    const ligne = await this.db
      .selectFrom('jeton_calendrier')
      .select('utilisateur_id')
      .where('empreinte', '=', empreinte)
      .where('revoque_le', 'is', null)
      .executeTakeFirst();
    return ligne?.utilisateur_id;
  }

  async actif(utilisateurId: number): Promise<{ creeLe: string } | undefined> {
    const ligne = await this.db
      .selectFrom('jeton_calendrier')
      .select('cree_le')
      .where('utilisateur_id', '=', utilisateurId)
      .where('revoque_le', 'is', null)
      .executeTakeFirst();
    return ligne === undefined ? undefined : { creeLe: ligne.cree_le };
  }
}
