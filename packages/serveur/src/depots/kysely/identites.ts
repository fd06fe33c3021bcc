import { sql, type Kysely } from 'kysely';
import type { EntreeHistorique, Role } from '@jalon/schemas';
import type { BaseJalon } from '../../base/tables.ts';
import type {
  AttenteOidc,
  DepotIdentites,
  IdentiteEnregistree,
  NouvelleIdentite,
  RoleTerritoire,
} from '../ports-identites.ts';

/**
 * Mot de passe local d'un compte OIDC : une valeur qui n'est pas un hachage argon2, donc jamais vérifiable
 * (`cas/session.ts` refuse la connexion par mot de passe d'un tel compte sans appeler argon2).
 */
export const SANS_MOT_DE_PASSE = '!oidc';

interface LigneIdentite {
  id: number;
  sub: string | null;
  email: string;
  utilisateur_id: number;
  cree_par: string;
  cree_le: string;
  derniere_connexion: string | null;
  nom: string;
  role: string;
  collectivite_id: string | null;
  departement: string | null;
  region: string | null;
}

export class DepotIdentitesKysely implements DepotIdentites {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  private requete() {
    return this.db
      .selectFrom('identite')
      .innerJoin('utilisateur', 'utilisateur.id', 'identite.utilisateur_id')
      .select([
        'identite.id',
        'identite.sub',
        'identite.email',
        'identite.utilisateur_id',
        'identite.cree_par',
        'identite.cree_le',
        'identite.derniere_connexion',
        'utilisateur.nom',
        'utilisateur.role',
        'utilisateur.collectivite_id',
        'utilisateur.departement',
        'utilisateur.region',
      ]);
  }

  private static versIdentite(l: LigneIdentite): IdentiteEnregistree {
    return {
      id: l.id,
      sub: l.sub,
      email: l.email,
      utilisateurId: l.utilisateur_id,
      nom: l.nom,
      role: l.role as Role,
      collectiviteId: l.collectivite_id,
      departement: l.departement,
      region: l.region,
      creePar: l.cree_par,
      creeLe: l.cree_le,
      derniereConnexion: l.derniere_connexion,
    };
  }

  async lister(): Promise<IdentiteEnregistree[]> {
    const lignes = await this.requete().orderBy('identite.email').execute();
    return lignes.map(DepotIdentitesKysely.versIdentite);
  }

  async trouver(id: number): Promise<IdentiteEnregistree | undefined> {
    const l = await this.requete().where('identite.id', '=', id).executeTakeFirst();
    return l && DepotIdentitesKysely.versIdentite(l);
  }

  async parSub(sub: string): Promise<IdentiteEnregistree | undefined> {
    const l = await this.requete().where('identite.sub', '=', sub).executeTakeFirst();
    return l && DepotIdentitesKysely.versIdentite(l);
  }

  async parEmail(email: string): Promise<IdentiteEnregistree | undefined> {
    const l = await this.requete()
      .where(sql<string>`lower(identite.email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    return l && DepotIdentitesKysely.versIdentite(l);
  }

  async creer(identite: NouvelleIdentite): Promise<number> {
    const identifiant = identite.email.toLowerCase();
    const compte = {
      nom: identite.nom,
      role: identite.role,
      collectivite_id: identite.collectiviteId,
      departement: identite.departement,
      region: identite.region,
    };
    const existant = await this.db
      .selectFrom('utilisateur')
      .select(['id', 'actif', 'hash_mot_de_passe'])
      .where('identifiant', '=', identifiant)
      .executeTakeFirst();
    let utilisateurId: number;
    if (existant !== undefined && !existant.actif && existant.hash_mot_de_passe === SANS_MOT_DE_PASSE) {
      await this.db
        .updateTable('utilisateur')
        .set({ ...compte, actif: true })
        .where('id', '=', existant.id)
        .execute();
      utilisateurId = existant.id;
    } else {
      // Un compte local actif de même identifiant fait échouer l'insertion (contrainte d'unicité) : le cas
      // d'usage le vérifie avant, pour un message français.
      ({ id: utilisateurId } = await this.db
        .insertInto('utilisateur')
        .values({ ...compte, identifiant, hash_mot_de_passe: SANS_MOT_DE_PASSE })
        .returning('id')
        .executeTakeFirstOrThrow());
    }
    const { id } = await this.db
      .insertInto('identite')
      .values({
        sub: identite.sub,
        email: identite.email,
        utilisateur_id: utilisateurId,
        cree_par: identite.creePar,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async modifier(id: number, champs: RoleTerritoire & { readonly nom: string }): Promise<void> {
    const identite = await this.trouver(id);
    if (identite === undefined) return;
    await this.db
      .updateTable('utilisateur')
      .set({
        nom: champs.nom,
        role: champs.role,
        collectivite_id: champs.collectiviteId,
        departement: champs.departement,
        region: champs.region,
      })
      .where('id', '=', identite.utilisateurId)
      .execute();
  }

  async supprimer(id: number): Promise<void> {
    const ligne = await this.db
      .deleteFrom('identite')
      .where('id', '=', id)
      .returning('utilisateur_id')
      .executeTakeFirst();
    if (ligne === undefined) return;
    await this.db
      .updateTable('utilisateur')
      .set({ actif: false })
      .where('id', '=', ligne.utilisateur_id)
      .execute();
  }

  async connecte(id: number, sub: string, quand: string): Promise<void> {
    await this.db
      .updateTable('identite')
      .set({ sub, derniere_connexion: quand })
      .where('id', '=', id)
      .execute();
  }

  async historique(): Promise<EntreeHistorique[]> {
    const lignes = await this.db
      .selectFrom('audit')
      .select(['id', 'quand', 'qui', 'role', 'action', 'entite', 'entite_id', 'avant', 'apres'])
      .where('entite', '=', 'identite')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return lignes.map((l) => ({ ...l, id: Number(l.id) }));
  }

  async attendre(attente: AttenteOidc): Promise<void> {
    await this.db
      .insertInto('oidc_attente')
      .values({
        empreinte: attente.empreinte,
        etat: attente.etat,
        nonce: attente.nonce,
        verificateur: attente.verificateur,
        retour: attente.retour,
        expire_le: attente.expireLe,
      })
      .execute();
  }

  async consommerAttente(empreinte: string): Promise<AttenteOidc | undefined> {
    const l = await this.db
      .deleteFrom('oidc_attente')
      .where('empreinte', '=', empreinte)
      .returningAll()
      .executeTakeFirst();
    return (
      l && {
        empreinte: l.empreinte,
        etat: l.etat,
        nonce: l.nonce,
        verificateur: l.verificateur,
        retour: l.retour,
        expireLe: l.expire_le,
      }
    );
  }

  async purgerAttentes(maintenant: Date): Promise<number> {
    const r = await this.db
      .deleteFrom('oidc_attente')
      .where('expire_le', '<', maintenant.toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
