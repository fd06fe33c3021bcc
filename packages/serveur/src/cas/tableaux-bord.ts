import { CADRES, DEPARTEMENTS, trouverDepartement, trouverRegion, type CodeCadre } from '@jalon/referentiels';
import {
  atteinteIndicateurs,
  calculerTotaux,
  classerEcheance,
  diffuserComptage,
  echeancesDeConvention,
  estComptageDuCadre,
  estSousLeSeuil,
  jourAParis,
  normaliserConvention,
  serieTemporelle,
  taux,
  SEUIL_SECRET_PAR_DEFAUT,
  type Cellule,
  type DonneesCollectivite,
  type TerritoireActeur,
} from '@jalon/domaine';
import type { ConventionResume, TableauBordApi, LigneTableauBordApi } from '@jalon/schemas';
import type { CompteEnregistre, Depots, Persistance, Perimetre } from '../depots/ports.ts';
import { chargerInstantane, collectivitePilotee } from './cycle.ts';
import { versDocument } from './document.ts';
import { interdit } from './erreurs.ts';
import type { Acteur } from './mutation.ts';

/**
 * Tableaux de bord régional et national (issue 6 § 6) : une ligne par département du territoire (tous, même
 * sans convention : la carte les montre tous), taux de consommation (réalisé / F), taux d'atteinte moyen des
 * cibles, valeurs des indicateurs, retards ; séries 2018-2024 des comptes agrégés. Toute vue est diffusée
 * au-delà du département : le secret statistique s'applique partout (« < 11 », seuil `JALON_SEUIL_SECRET`).
 */
export type TerritoireTableau =
  { readonly type: 'region'; readonly code: string } | { readonly type: 'national' };

/** Seuil du secret statistique : `JALON_SEUIL_SECRET` (entier ≥ 1), 11 par défaut (INT-PILOTAGE-17). */
export function seuilSecret(env: NodeJS.ProcessEnv = process.env): number {
  const texte = env.JALON_SEUIL_SECRET;
  if (texte === undefined || texte === '') return SEUIL_SECRET_PAR_DEFAUT;
  const seuil = Number(texte);
  if (!Number.isInteger(seuil) || seuil < 1) {
    throw new Error(`JALON_SEUIL_SECRET : entier ≥ 1 attendu, reçu « ${texte} ».`);
  }
  return seuil;
}

/**
 * Qui lit quel tableau (refus par défaut) : la région — son commissaire, les DDETS de ses départements,
 * l'administration centrale ; la nation — les services de l'État (DDETS, commissaires, national). Les comptes
 * des collectivités n'y ont pas accès (leurs chiffres sont dans leurs conventions) — INT-PILOTAGE-TABLEAUX-3.
 */
export function peutLireTableau(compte: CompteEnregistre, territoire: TerritoireTableau): boolean {
  if (!compte.actif) return false;
  if (territoire.type === 'national') return ['ddets', 'commissaire', 'national'].includes(compte.role);
  switch (compte.role) {
    case 'national':
      return true;
    case 'commissaire':
      return compte.region === territoire.code;
    case 'ddets':
      return (
        compte.departement !== null && trouverDepartement(compte.departement)?.codeRegion === territoire.code
      );
    default:
      return false;
  }
}

const celluleApi = (c: Cellule) => c;

/** Valeurs « résultat » par (collectivité, année) depuis toutes les conventions ; la plus récente l'emporte. */
async function resultatsParAnnee(depots: Depots, conventions: readonly ConventionResume[]) {
  const parCle = new Map<string, Record<string, number | null>>();
  const triees = [...conventions].sort((a, b) => a.exercice - b.exercice);
  for (const convention of triees) {
    for (const v of await depots.indicateurs.lister(convention.id)) {
      if (v.nature !== 'resultat' || v.valeur === null) continue;
      const cle = `${convention.collectivite.id}|${String(v.annee)}`;
      const valeurs = parCle.get(cle) ?? {};
      valeurs[v.indicateur] = v.valeur;
      parCle.set(cle, valeurs);
    }
  }
  return parCle;
}

export async function tableauBord(
  persistance: Persistance,
  acteur: Acteur,
  territoire: TerritoireTableau,
  annee: number,
  maintenant: Date,
): Promise<TableauBordApi> {
  if (!peutLireTableau(acteur.compte, territoire)) {
    throw interdit(
      territoire.type === 'national'
        ? 'lire le tableau de bord national (services de l’État)'
        : 'lire le tableau de bord de cette région (commissaire de la région, DDETS de ses départements, national)',
    );
  }
  const seuil = seuilSecret();
  const depots = persistance.depots;
  const nomTerritoire =
    territoire.type === 'national'
      ? 'France entière'
      : (trouverRegion(territoire.code)?.nom ?? territoire.code);
  const departements = DEPARTEMENTS.filter(
    (d) => territoire.type === 'national' || d.codeRegion === territoire.code,
  ).map((d) => d.code);
  const perimetre: Perimetre =
    territoire.type === 'national' ? { type: 'tout' } : { type: 'region', code: territoire.code };
  const toutes = (await depots.conventions.lister(perimetre, {})).filter(
    (c) => c.collectivite.type === 'departement',
  );
  const resultats = await resultatsParAnnee(depots, toutes);
  const deLAnnee = toutes.filter((c) => c.exercice === annee);
  const cadre: CodeCadre =
    deLAnnee[0]?.cadre ??
    (annee >= 2024
      ? 'france-travail-2024'
      : annee >= 2023
        ? 'calpae-2023'
        : annee >= 2022
          ? 'calpae-2022'
          : 'calpae-2020');
  const catalogue = CADRES[cadre];
  const comptage = estComptageDuCadre(catalogue);
  const jour = jourAParis(maintenant);

  const lignes: LigneTableauBordApi[] = [];
  for (const code of departements) {
    const convention = deLAnnee.find((c) => c.collectivite.departement === code);
    const nom = trouverDepartement(code)?.nom ?? code;
    const valeurs =
      convention === undefined ? {} : (resultats.get(`${convention.collectivite.id}|${String(annee)}`) ?? {});
    let tauxConsommation: number | null = null;
    let enRetard = false;
    if (convention !== undefined) {
      const fiches = await depots.fiches.lister(convention.id);
      const totaux = calculerTotaux(normaliserConvention(versDocument(convention, fiches)));
      tauxConsommation =
        taux(totaux.general.execution.realise, totaux.general.previsionnel.total)?.pourcentage ?? null;
      const { pilotee } = await chargerInstantane(depots, convention);
      enRetard = echeancesDeConvention(pilotee).some((e) => classerEcheance(e, jour) === 'en_retard');
    }
    // Taux d'atteinte : moyenne des taux d'atteinte des cibles mesurables ; masqué si un compte qui y entre
    // (valeur ou dénominateur) est sous le seuil (il le trahirait — INT-PILOTAGE-17).
    const atteintes = atteinteIndicateurs(catalogue, valeurs).filter((a) => a.tauxAtteinte !== undefined);
    const trahit = atteintes.some((a) => {
      const t = a.tauxAtteinte;
      return (
        t !== undefined &&
        (estSousLeSeuil(a.valeur ?? 0, seuil) ||
          Object.values(valeurs).some((v) => v !== null && comptage(a.code) && estSousLeSeuil(v, seuil)))
      );
    });
    const moyenne =
      atteintes.length === 0
        ? null
        : Math.round(
            (atteintes.reduce((s, a) => s + (a.tauxAtteinte?.pourcentage ?? 0), 0) / atteintes.length) * 10,
          ) / 10;
    lignes.push({
      departement: code,
      nom,
      collectivite_id: convention?.collectivite.id ?? `departement:${code}`,
      convention_id: convention?.id ?? null,
      etat: convention?.statut ?? null,
      taux_consommation: tauxConsommation,
      taux_atteinte:
        moyenne === null
          ? { type: 'vide' }
          : trahit
            ? { type: 'secret', affichage: `< ${String(seuil)}` }
            : { type: 'valeur', valeur: moyenne },
      indicateurs: Object.fromEntries(
        catalogue.indicateurs.map((i) => {
          const v = valeurs[i.code];
          return [
            i.code,
            celluleApi(
              comptage(i.code)
                ? diffuserComptage(v, { diffusion: 'au_dela', seuil })
                : v === null || v === undefined
                  ? { type: 'vide' }
                  : { type: 'valeur', valeur: v },
            ),
          ];
        }),
      ),
      en_retard: enRetard,
    });
  }

  // Séries 2018-2024 : comptes additionnés sur le territoire (agregerIndicateur du domaine), diffusés.
  const donnees: DonneesCollectivite[] = [];
  for (const c of toutes) {
    for (let a = 2018; a <= 2024; a++) {
      const valeurs = resultats.get(`${c.collectivite.id}|${String(a)}`);
      if (
        valeurs === undefined ||
        donnees.some((d) => d.collectivite.code === c.collectivite.id && d.annee === a)
      )
        continue;
      donnees.push({
        collectivite: collectivitePilotee(c.collectivite),
        annee: a,
        cadre,
        indicateurs: valeurs,
      });
    }
  }
  const territoireActeur: TerritoireActeur =
    territoire.type === 'national' ? { type: 'national' } : territoire;
  const series = catalogue.indicateurs
    .filter((i) => comptage(i.code))
    .map((i) => ({
      indicateur: i.code,
      points: serieTemporelle(donnees, i.code, territoireActeur).map((p) => ({
        annee: p.annee,
        valeur: celluleApi(diffuserComptage(p.valeur.valeur, { diffusion: 'au_dela', seuil })),
      })),
    }));

  return {
    territoire: {
      type: territoire.type,
      code: territoire.type === 'national' ? 'FR' : territoire.code,
      nom: nomTerritoire,
    },
    annee,
    cadre,
    seuil_secret: seuil,
    indicateurs: catalogue.indicateurs.map((i) => ({
      code: i.code,
      libelle: i.libelle,
      comptage: comptage(i.code),
    })),
    departements,
    lignes,
    series,
  };
}
