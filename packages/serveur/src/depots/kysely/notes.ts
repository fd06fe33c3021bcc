import { jourAParis, type Trace } from '@jalon/domaine';
import type { Kysely } from 'kysely';
import type { BaseJalon } from '../../base/tables.ts';
import type { DepotNotes, NoteEnregistree, VersionNote } from '../ports-tableaux.ts';

/** Notes d'analyse (migration 0008) : la note courante et l'historique de ses versions. */
export class DepotNotesKysely implements DepotNotes {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async trouver(conventionId: number): Promise<NoteEnregistree | undefined> {
    const ligne = await this.db
      .selectFrom('note_analyse')
      .selectAll()
      .where('convention_id', '=', conventionId)
      .executeTakeFirst();
    return ligne === undefined
      ? undefined
      : {
          conventionId: ligne.convention_id,
          justification: ligne.justification,
          numero: ligne.numero,
          redigeePar: ligne.redigee_par,
          redigeeLe: ligne.redigee_le,
        };
  }

  async enregistrer(conventionId: number, justification: string, par: string): Promise<NoteEnregistree> {
    const precedente = await this.trouver(conventionId);
    const numero = (precedente?.numero ?? 0) + 1;
    const le = new Date().toISOString();
    await this.db
      .insertInto('note_analyse_version')
      .values({ convention_id: conventionId, numero, justification, par, le })
      .execute();
    await this.db
      .insertInto('note_analyse')
      .values({ convention_id: conventionId, justification, numero, redigee_par: par, redigee_le: le })
      .onConflict((oc) =>
        oc.column('convention_id').doUpdateSet({ justification, numero, redigee_par: par, redigee_le: le }),
      )
      .execute();
    const note = await this.trouver(conventionId);
    if (note === undefined) throw new Error(`Note d'analyse ${String(conventionId)} non enregistrée`);
    return note;
  }

  async versions(conventionId: number): Promise<VersionNote[]> {
    const lignes = await this.db
      .selectFrom('note_analyse_version')
      .selectAll()
      .where('convention_id', '=', conventionId)
      .orderBy('numero', 'asc')
      .execute();
    return lignes.map((l) => ({ numero: l.numero, justification: l.justification, par: l.par, le: l.le }));
  }

  async redigee(conventionId: number): Promise<Trace | undefined> {
    const note = await this.trouver(conventionId);
    if (note === undefined || note.justification.trim() === '') return undefined;
    return { acteur: note.redigeePar, role: 'commissaire', le: jourAParis(new Date(note.redigeeLe)) };
  }
}
