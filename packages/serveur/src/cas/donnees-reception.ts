/**
 * Réception d'un formulaire multipart en flux (docs/donnees-reelles.md § 4) : chaque fichier est écrit sur disque
 * au fil de l'eau (jamais entier en mémoire), avec son empreinte SHA-256, sous une taille totale bornée
 * (`tailleMax`, passée par la route : réglages de sécurité, `JALON_TELEVERSEMENT_MAX_MO` lue par config.ts). busboy : analyseur multipart en flux bien tenu (celui de Hono,
 * `parseBody`, lit tout le corps en mémoire).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as ReadableStreamWeb } from 'node:stream/web';
import busboy from 'busboy';
import { nomSur } from '@jalon/indicateurs/plateforme';
import { ErreurMetier, invalide } from './erreurs.ts';

export interface FichierRecu {
  readonly chemin: string;
  readonly nom: string;
  readonly octets: number;
  readonly empreinte: string;
}

export interface FormulaireRecu {
  readonly champs: Readonly<Record<string, string>>;
  readonly fichiers: readonly FichierRecu[];
}

export const MAX_FICHIERS = 40;
const MAX_CHAMP = 64 * 1024;

export const tropGros = (max: number) =>
  new ErreurMetier(
    'invalide',
    `Téléversement trop volumineux : ${Math.round(max / 1024 / 1024)} Mo au plus. Rien n’a été enregistré.`,
    { erreurs: [{ chemin: 'fichier', raison: 'taille maximale dépassée' }], statut: 413 },
  );

export async function recevoirFormulaire(
  requete: Request,
  dossier: string,
  tailleMax: number,
): Promise<FormulaireRecu> {
  const type = requete.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type) || requete.body === null)
    throw invalide('Envoyez les fichiers dans un formulaire multipart/form-data (champ « fichier »).', {
      erreurs: [{ chemin: 'corps', raison: 'multipart/form-data attendu' }],
    });
  const longueur = Number(requete.headers.get('content-length') ?? '0');
  if (longueur > tailleMax + 64 * 1024) throw tropGros(tailleMax);

  let analyseur: busboy.Busboy;
  try {
    analyseur = busboy({
      headers: { 'content-type': type },
      limits: { fileSize: tailleMax, files: MAX_FICHIERS, fields: 20, fieldSize: MAX_CHAMP, parts: 80 },
      defParamCharset: 'utf8',
    });
  } catch {
    throw invalide('Formulaire multipart illisible (délimiteur absent).');
  }
  const champs: Record<string, string> = {};
  const fichiers: FichierRecu[] = [];
  const ecritures: Promise<void>[] = [];
  const noms = new Set<string>();
  let total = 0;
  let erreur: ErreurMetier | null = null;
  const echouer = (e: ErreurMetier): void => {
    erreur ??= e;
  };

  analyseur.on('field', (nom, valeur, info) => {
    if (info.valueTruncated) echouer(invalide(`Champ « ${nom} » trop long.`));
    else champs[nom] = valeur;
  });
  analyseur.on('file', (champ, flux, info) => {
    if (champ !== 'fichier' || erreur !== null) {
      if (champ !== 'fichier')
        echouer(invalide(`Champ de fichier « ${champ} » inattendu (attendu : « fichier »).`));
      flux.resume();
      return;
    }
    let nom = nomSur(info.filename ?? '');
    for (let k = 2; noms.has(nom); k++) nom = `${k}-${nomSur(info.filename ?? '')}`;
    noms.add(nom);
    const chemin = join(dossier, nom);
    const hachage = createHash('sha256');
    let octets = 0;
    // Compte, empreinte et borne au fil de l'eau ; passé la borne, plus rien n'est écrit sur le disque.
    const filtre = new Transform({
      transform(morceau: Buffer, _encodage, fini) {
        octets += morceau.length;
        total += morceau.length;
        if (total > tailleMax) echouer(tropGros(tailleMax));
        if (erreur !== null) {
          fini();
          return;
        }
        hachage.update(morceau);
        fini(null, morceau);
      },
    });
    flux.on('limit', () => echouer(tropGros(tailleMax)));
    ecritures.push(
      pipeline(flux, filtre, createWriteStream(chemin)).then(
        () => {
          fichiers.push({ chemin, nom, octets, empreinte: `sha256:${hachage.digest('hex')}` });
        },
        // Jamais de rejet non suivi : l'erreur est rendue après la lecture du formulaire.
        (e: unknown) =>
          echouer(
            invalide(`${nom} : réception interrompue (${e instanceof Error ? e.message : String(e)}).`),
          ),
      ),
    );
  });
  analyseur.on('filesLimit', () => echouer(invalide(`Trop de fichiers : ${MAX_FICHIERS} au plus.`)));
  analyseur.on('partsLimit', () => echouer(invalide('Formulaire trop long.')));

  try {
    await pipeline(Readable.fromWeb(requete.body as unknown as ReadableStreamWeb<Uint8Array>), analyseur);
    await Promise.all(ecritures);
  } catch (e) {
    if (erreur !== null) throw erreur;
    if (e instanceof ErreurMetier) throw e;
    throw invalide(`Formulaire multipart illisible : ${e instanceof Error ? e.message : String(e)}.`);
  }
  if (erreur !== null) throw erreur;
  fichiers.sort((a, b) => (a.nom < b.nom ? -1 : a.nom > b.nom ? 1 : 0));
  return { champs, fichiers };
}
