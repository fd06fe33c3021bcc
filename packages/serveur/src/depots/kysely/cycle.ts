import type { Kysely } from 'kysely';
import type {
  Avenant,
  CodeTransition,
  EntreeJournal,
  EtatAvenant,
  Partie,
  RolePilotage,
  Signataire,
  Trace,
} from '@jalon/domaine';
import type { BaseJalon } from '../../base/tables.ts';
import type { DepotCycle, EcritureCycle, EtatCycleEnregistre, ValidationFiche } from '../ports-pilotage.ts';

type Signatures = Partial<Record<Signataire, Trace>>;

/** Les signatures sont rangées en JSON (`{ signataire: { acteur, role, le } }`), écrites par ce seul dépôt. */
const lireSignatures = (valeur: unknown): Signatures =>
  typeof valeur === 'object' && valeur !== null ? (valeur as Signatures) : {};

const sansIndefini = <T extends object>(objet: T): T =>
  Object.fromEntries(Object.entries(objet).filter(([, v]) => v !== undefined && v !== null)) as T;

function versEntree(ligne: {
  transition: string;
  objet: 'convention' | 'avenant';
  avenant: number | null;
  de: string;
  vers: string;
  acteur: string;
  role: string;
  horodatage: string;
  date: string;
  details: string | null;
}): EntreeJournal {
  return sansIndefini({
    transition: ligne.transition as CodeTransition,
    objet: ligne.objet,
    avenant: ligne.avenant ?? undefined,
    de: ligne.de,
    vers: ligne.vers,
    acteur: ligne.acteur,
    role: ligne.role as RolePilotage,
    horodatage: ligne.horodatage,
    date: ligne.date,
    details: ligne.details ?? undefined,
  });
}

export class DepotCycleKysely implements DepotCycle {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async lire(conventionId: number): Promise<EtatCycleEnregistre> {
    const convention = await this.db
      .selectFrom('convention')
      .select(['date_deliberation', 'date_signature', 'signatures'])
      .where('id', '=', conventionId)
      .executeTakeFirstOrThrow();
    const parFiche = new Map<number, Partial<Record<Partie, Trace>>>();
    for (const v of await this.lireValidations(conventionId)) {
      parFiche.set(v.ficheId, { ...parFiche.get(v.ficheId), [v.partie]: v.trace });
    }
    const avenants = await this.db
      .selectFrom('avenant')
      .select(['numero', 'objet', 'etat', 'date_deliberation', 'date_signature', 'signatures'])
      .where('convention_id', '=', conventionId)
      .orderBy('numero')
      .execute();
    const journal = await this.db
      .selectFrom('journal_cycle')
      .selectAll()
      .where('convention_id', '=', conventionId)
      .orderBy('id')
      .execute();
    return {
      dateDeliberation: convention.date_deliberation ?? undefined,
      dateSignature: convention.date_signature ?? undefined,
      signatures: lireSignatures(convention.signatures),
      validations: parFiche,
      avenants: avenants.map((a): Avenant =>
        sansIndefini({
          numero: a.numero,
          objet: a.objet,
          etat: a.etat as EtatAvenant,
          dateDeliberation: a.date_deliberation ?? undefined,
          dateSignature: a.date_signature ?? undefined,
          signatures: lireSignatures(a.signatures),
        }),
      ),
      journal: journal.map(versEntree),
    };
  }

  async ecrire(conventionId: number, e: EcritureCycle): Promise<void> {
    await this.db
      .updateTable('convention')
      .set({
        statut: e.etat,
        date_deliberation: e.dateDeliberation ?? null,
        date_signature: e.dateSignature ?? null,
        signatures: JSON.stringify(e.signatures),
      })
      .where('id', '=', conventionId)
      .execute();

    const fiches = await this.db
      .selectFrom('fiche_action')
      .select('id')
      .where('convention_id', '=', conventionId)
      .execute();
    if (fiches.length > 0) {
      await this.db
        .deleteFrom('validation_fiche')
        .where(
          'fiche_id',
          'in',
          fiches.map((f) => f.id),
        )
        .execute();
    }
    const lignes = [...e.validations].flatMap(([ficheId, parPartie]) =>
      Object.entries(parPartie).map(([partie, trace]) => ({
        fiche_id: ficheId,
        partie: partie as Partie,
        acteur: trace.acteur,
        role: trace.role,
        le: trace.le,
      })),
    );
    if (lignes.length > 0) await this.db.insertInto('validation_fiche').values(lignes).execute();

    const existants = new Set(
      (
        await this.db
          .selectFrom('avenant')
          .select('numero')
          .where('convention_id', '=', conventionId)
          .execute()
      ).map((a) => a.numero),
    );
    for (const avenant of e.avenants) {
      const champs = {
        etat: avenant.etat,
        date_deliberation: avenant.dateDeliberation ?? null,
        date_signature: avenant.dateSignature ?? null,
        signatures: JSON.stringify(avenant.signatures),
      };
      if (existants.has(avenant.numero)) {
        await this.db
          .updateTable('avenant')
          .set(champs)
          .where('convention_id', '=', conventionId)
          .where('numero', '=', avenant.numero)
          .execute();
      } else {
        await this.db
          .insertInto('avenant')
          .values({ convention_id: conventionId, numero: avenant.numero, objet: avenant.objet, ...champs })
          .execute();
      }
    }

    await this.db
      .insertInto('journal_cycle')
      .values({
        convention_id: conventionId,
        transition: e.entree.transition,
        objet: e.entree.objet,
        avenant: e.entree.avenant ?? null,
        de: e.entree.de,
        vers: e.entree.vers,
        acteur: e.entree.acteur,
        role: e.entree.role,
        horodatage: e.entree.horodatage,
        date: e.entree.date,
        details: e.entree.details ?? null,
      })
      .execute();
  }

  async lireValidations(conventionId: number): Promise<ValidationFiche[]> {
    const lignes = await this.db
      .selectFrom('validation_fiche')
      .innerJoin('fiche_action', 'fiche_action.id', 'validation_fiche.fiche_id')
      .select([
        'validation_fiche.fiche_id',
        'validation_fiche.partie',
        'validation_fiche.acteur',
        'validation_fiche.role',
        'validation_fiche.le',
      ])
      .where('fiche_action.convention_id', '=', conventionId)
      .orderBy('validation_fiche.fiche_id')
      .orderBy('validation_fiche.partie')
      .execute();
    return lignes.map((v) => ({
      ficheId: v.fiche_id,
      partie: v.partie,
      trace: { acteur: v.acteur, role: v.role as RolePilotage, le: v.le },
    }));
  }

  async retirerValidations(ficheIds: readonly number[]): Promise<void> {
    if (ficheIds.length === 0) return;
    await this.db
      .deleteFrom('validation_fiche')
      .where('fiche_id', 'in', [...ficheIds])
      .execute();
  }

  async ajouterValidations(validations: readonly ValidationFiche[]): Promise<void> {
    if (validations.length === 0) return;
    await this.db
      .insertInto('validation_fiche')
      .values(
        validations.map((v) => ({
          fiche_id: v.ficheId,
          partie: v.partie,
          acteur: v.trace.acteur,
          role: v.trace.role,
          le: v.trace.le,
        })),
      )
      .onConflict((oc) => oc.columns(['fiche_id', 'partie']).doNothing())
      .execute();
  }

  async journaux(conventionIds: readonly number[]): Promise<ReadonlyMap<number, readonly EntreeJournal[]>> {
    const resultat = new Map<number, EntreeJournal[]>(conventionIds.map((id) => [id, []]));
    if (conventionIds.length === 0) return resultat;
    const lignes = await this.db
      .selectFrom('journal_cycle')
      .selectAll()
      .where('convention_id', 'in', [...conventionIds])
      .orderBy('id')
      .execute();
    for (const ligne of lignes) resultat.get(ligne.convention_id)?.push(versEntree(ligne));
    return resultat;
  }
}
