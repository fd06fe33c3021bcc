import type { Kysely } from 'kysely';
import type { BaseJalon } from '../../base/tables.ts';
import type { CompteEnregistre, DepotSessions, SessionEnregistree } from '../ports.ts';
import { versCompte } from './utilisateurs.ts';

export class DepotSessionsKysely implements DepotSessions {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async creer(session: SessionEnregistree): Promise<void> {
    await this.db
      .insertInto('session')
      .values({
        empreinte: session.empreinte,
        utilisateur_id: session.utilisateurId,
        jeton_csrf: session.jetonCsrf,
        expire_le: session.expireLe,
        expire_absolu_le: session.expireAbsoluLe ?? null,
        id_token: session.idToken ?? null,
      })
      .execute();
  }

  async trouver(empreinte: string): Promise<SessionEnregistree | undefined> {
    const ligne = await this.db
      .selectFrom('session')
      .select(['empreinte', 'utilisateur_id', 'jeton_csrf', 'expire_le', 'expire_absolu_le', 'id_token'])
      .where('empreinte', '=', empreinte)
      .executeTakeFirst();
    return (
      ligne && {
        empreinte: ligne.empreinte,
        utilisateurId: ligne.utilisateur_id,
        jetonCsrf: ligne.jeton_csrf,
        expireLe: ligne.expire_le,
        expireAbsoluLe: ligne.expire_absolu_le,
        idToken: ligne.id_token,
      }
    );
  }

  async trouverAvecCompte(
    empreinte: string,
  ): Promise<{ session: SessionEnregistree; compte: CompteEnregistre } | undefined> {
    const ligne = await this.db
      .selectFrom('session')
      .innerJoin('utilisateur', 'utilisateur.id', 'session.utilisateur_id')
      .selectAll('utilisateur')
      .select([
        'session.empreinte',
        'session.jeton_csrf',
        'session.expire_le',
        'session.expire_absolu_le',
        'session.id_token',
      ])
      .where('session.empreinte', '=', empreinte)
      .executeTakeFirst();
    if (ligne === undefined) return undefined;
    return {
      session: {
        empreinte: ligne.empreinte,
        utilisateurId: ligne.id,
        jetonCsrf: ligne.jeton_csrf,
        expireLe: ligne.expire_le,
        expireAbsoluLe: ligne.expire_absolu_le,
        idToken: ligne.id_token,
      },
      compte: versCompte(ligne),
    };
  }

  async supprimer(empreinte: string): Promise<void> {
    await this.db.deleteFrom('session').where('empreinte', '=', empreinte).execute();
  }

  async prolonger(empreinte: string, expireLe: string): Promise<void> {
    await this.db
      .updateTable('session')
      .set({ expire_le: expireLe })
      .where('empreinte', '=', empreinte)
      .execute();
  }

  async supprimerDuCompte(utilisateurId: number): Promise<number> {
    const r = await this.db
      .deleteFrom('session')
      .where('utilisateur_id', '=', utilisateurId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async purger(maintenant: Date): Promise<number> {
    const resultat = await this.db
      .deleteFrom('session')
      .where('expire_le', '<', maintenant.toISOString())
      .executeTakeFirst();
    return Number(resultat.numDeletedRows);
  }
}
