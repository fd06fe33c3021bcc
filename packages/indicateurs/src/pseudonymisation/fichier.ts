/**
 * Pseudonymisation d'un fichier CSV brut en flux : même détection d'encodage et de séparateur que la lecture ;
 * la colonne d'identifiant devient `id_personne` (pseudonyme), les colonnes d'identification directe sont retirées ;
 * sortie en UTF-8, séparateur `;`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Bornes } from '../lecture/contexte.ts';
import { DecoupeurCsv, detecterSeparateur, type Enregistrement } from '../lecture/csv.ts';
import { commenceParBom, VerificateurUtf8, type Encodage } from '../lecture/encodage.ts';
import { ErreurLecture } from '../lecture/erreurs.ts';
import { COLONNES_IDENTIFIANTES, normaliserNomColonne } from '../lecture/identifiants.ts';
import { pseudonyme } from './pseudonyme.ts';

/** Colonnes prises pour identifiant quand `--colonne-id` n'est pas donnée, dans cet ordre. */
export const COLONNES_ID_PAR_DEFAUT = [
  'id_personne',
  'nir',
  'nss',
  'numero_securite_sociale',
  'numero_de_securite_sociale',
];

export interface RapportPseudonymisation {
  readonly lignes: number;
  readonly colonneId: string;
  readonly colonnesRetirees: readonly string[];
  readonly encodage: Encodage;
  readonly avertissements: readonly string[];
}

const TAILLE_MORCEAU = 1024 * 1024;

async function detecterEncodageFichier(chemin: string): Promise<Encodage> {
  const v = new VerificateurUtf8();
  for await (const m of createReadStream(chemin, { highWaterMark: TAILLE_MORCEAU })) {
    if (!v.verifier(m as Buffer)) return 'windows-1252';
  }
  return v.terminer() ? 'utf-8' : 'windows-1252';
}

function champ(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export async function pseudonymiserFichier(
  entree: string,
  sortie: string,
  nomAffiche: string,
  cle: Buffer,
  colonneDemandee: string | undefined,
): Promise<RapportPseudonymisation> {
  const encodage = await detecterEncodageFichier(entree);
  const avertissements: string[] = [];
  const bornes = new Bornes();
  let garder: number[] = [];
  let indiceId = -1;
  let nbColonnes = 0;
  let colonneId = '';
  const retirees: string[] = [];
  let lignes = 0;
  let tampon: string[] = [];

  const texte = (enr: Enregistrement, k: number): string => bornes.lire(enr, k).texte(encodage);
  const surEnregistrement = (enr: Enregistrement): void => {
    if (indiceId < 0) {
      const noms: string[] = [];
      for (let k = 0; k < enr.nombre; k++) noms.push(texte(enr, k));
      const normes = noms.map(normaliserNomColonne);
      const voulue = colonneDemandee === undefined ? undefined : normaliserNomColonne(colonneDemandee);
      indiceId =
        voulue !== undefined
          ? normes.indexOf(voulue)
          : (COLONNES_ID_PAR_DEFAUT.map((c) => normes.indexOf(c)).find((k) => k >= 0) ?? -1);
      if (indiceId < 0) {
        throw new ErreurLecture(
          `${nomAffiche} : colonne d'identifiant ${voulue === undefined ? `introuvable (cherché : ${COLONNES_ID_PAR_DEFAUT.join(', ')})` : `« ${colonneDemandee} » introuvable`} ; précisez-la avec « --colonne-id <nom> » (en-tête lu : ${noms.join(', ')}).`,
        );
      }
      colonneId = noms[indiceId] ?? '';
      nbColonnes = noms.length;
      garder = [];
      normes.forEach((n, k) => {
        if (k !== indiceId && (COLONNES_IDENTIFIANTES.has(n) || n === 'id_personne'))
          retirees.push(noms[k] ?? '');
        else garder.push(k);
      });
      tampon.push(
        `${garder.map((k) => (k === indiceId ? 'id_personne' : champ(noms[k] ?? ''))).join(';')}\n`,
      );
      return;
    }
    lignes++;
    if (enr.nombre !== nbColonnes) {
      avertissements.push(
        `${nomAffiche}, ligne ${enr.ligne} : ${enr.nombre} champ(s) au lieu de ${nbColonnes} (ligne recopiée, la lecture la signalera).`,
      );
    }
    const valeurs = garder.map((k) => {
      if (k >= enr.nombre) return '';
      const v = texte(enr, k);
      if (k !== indiceId) return champ(v);
      if (v === '') {
        avertissements.push(`${nomAffiche}, ligne ${enr.ligne} : identifiant vide, laissé vide.`);
        return '';
      }
      return pseudonyme(cle, v);
    });
    tampon.push(`${valeurs.join(';')}\n`);
  };

  const flux = createWriteStream(sortie);
  const ecrire = async (): Promise<void> => {
    if (tampon.length === 0) return;
    const t = tampon.join('');
    tampon = [];
    if (!flux.write(t)) await once(flux, 'drain');
  };
  let decoupeur: DecoupeurCsv | null = null;
  let premier = true;
  try {
    for await (const brut of createReadStream(entree, { highWaterMark: TAILLE_MORCEAU })) {
      let m = brut as Buffer;
      if (premier) {
        premier = false;
        if (commenceParBom(m)) m = m.subarray(3);
        const nl = m.indexOf(0x0a);
        decoupeur = new DecoupeurCsv(
          detecterSeparateur(m.subarray(0, nl < 0 ? m.length : nl)),
          surEnregistrement,
        );
      }
      decoupeur?.pousser(m);
      await ecrire();
    }
    decoupeur?.terminer();
    await ecrire();
  } finally {
    flux.end();
    await once(flux, 'close');
  }
  if (indiceId < 0)
    throw new ErreurLecture(`${nomAffiche} : fichier vide, la ligne d'en-tête est obligatoire.`);
  return { lignes, colonneId, colonnesRetirees: retirees, encodage, avertissements };
}
