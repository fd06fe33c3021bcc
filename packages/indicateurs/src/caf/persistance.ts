/**
 * Conservation de l'historique CAF/MSA dans le dossier de sortie, pour que les imports successifs (un flux mensuel
 * par mois, des flux quotidiens) s'ajoutent au lieu de repartir de zéro : `caf/historique.jsonl` (une observation par
 * personne et par mois, pseudonymisée) et `caf/flux.json` (les flux déjà appliqués). Ni NIR, ni nom, ni adresse :
 * seuls les pseudonymes, codes d'état et motifs, et dates du dossier (INT-DONNEES-3).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { HistoriqueCaf, moisDe } from './historique.ts';

export const DOSSIER_CAF = 'caf';
const VERSION = 1;

const schemaObservation = z.object({
  id: z.string().min(1),
  mois: z.string().regex(/^\d{4}-\d{2}$/),
  flux: z.string(),
  dossier: z.string(),
  etat: z.string(),
  sdd: z.boolean().nullable(),
  dateDemande: z.string(),
  motifSuspensionDroit: z.string().nullable(),
  dateSuspensionDroit: z.string().nullable(),
  motifSuspensionVersement: z.string().nullable(),
  dateSuspensionVersement: z.string().nullable(),
  motifCloture: z.string().nullable(),
  dateCloture: z.string().nullable(),
  motifRefus: z.string().nullable(),
  premiereReceptionSdd: z.string().nullable(),
});

const schemaFlux = z.object({
  version: z.literal(VERSION),
  flux: z.array(
    z.object({
      cle: z.string(),
      fichier: z.string(),
      typeFlux: z.string(),
      natFlux: z.string(),
      applieme: z.string(),
      dateReference: z.string(),
      dateCreation: z.string(),
      heureCreation: z.string(),
      dossiers: z.number().int(),
    }),
  ),
});

const moisIso = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** Charge l'historique du dossier ; vide s'il n'existe pas encore. Lève une `Error` en français s'il est abîmé. */
export async function chargerHistorique(dossier: string): Promise<HistoriqueCaf> {
  const h = new HistoriqueCaf();
  const rep = join(dossier, DOSSIER_CAF);
  let texteFlux: string;
  try {
    texteFlux = await readFile(join(rep, 'flux.json'), 'utf8');
  } catch {
    return h;
  }
  const flux = schemaFlux.safeParse(JSON.parse(texteFlux));
  if (!flux.success)
    throw new Error(`${join(rep, 'flux.json')} : historique illisible (${flux.error.message}).`);
  for (const f of flux.data.flux) h.flux.set(f.cle, f);
  const rl = createInterface({
    input: createReadStream(join(rep, 'historique.jsonl'), 'utf8'),
    crlfDelay: Infinity,
  });
  let ligne = 0;
  for await (const l of rl) {
    ligne++;
    if (l.trim() === '') continue;
    const o = schemaObservation.safeParse(JSON.parse(l));
    if (!o.success)
      throw new Error(`${join(rep, 'historique.jsonl')}, ligne ${ligne} : observation illisible.`);
    const { id, mois, ...observation } = o.data;
    let parMois = h.personnes.get(id);
    if (parMois === undefined) {
      parMois = new Map();
      h.personnes.set(id, parMois);
    }
    parMois.set(moisDe(`${mois}-01`), observation);
  }
  return h;
}

export async function enregistrerHistorique(dossier: string, h: HistoriqueCaf): Promise<void> {
  const rep = join(dossier, DOSSIER_CAF);
  await mkdir(rep, { recursive: true });
  const temporaire = join(rep, 'historique.jsonl.partiel');
  const flux = createWriteStream(temporaire);
  for (const [id, parMois] of h.personnes) {
    for (const [mois, o] of [...parMois].sort((a, b) => a[0] - b[0])) {
      if (!flux.write(`${JSON.stringify({ id, mois: moisIso(mois), ...o })}\n`)) await once(flux, 'drain');
    }
  }
  flux.end();
  await once(flux, 'close');
  const listeFlux = [...h.flux.values()].sort((a, b) => (a.cle < b.cle ? -1 : 1));
  await writeFile(
    join(rep, 'flux.json.partiel'),
    `${JSON.stringify({ version: VERSION, flux: listeFlux }, null, 2)}\n`,
  );
  await rename(temporaire, join(rep, 'historique.jsonl'));
  await rename(join(rep, 'flux.json.partiel'), join(rep, 'flux.json'));
}
