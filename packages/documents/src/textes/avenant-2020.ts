import type { ContexteDocument } from '../contexte.ts';
import { para, sautDePage, titre, type DocumentTexte } from '../docx/modele.ts';
import { ErreurDocument } from '../erreurs.ts';
import { feuilleTableauFinancier } from '../grille/tableau-financier-calpae.ts';
import { montantFr } from '../typographie.ts';
import { aCompleter, feuilleEnTableau, nomDepartement } from './communs.ts';
import { signatures } from './elements-convention.ts';

/**
 * Avenant-type 2020 à la convention CALPAE (000 · annexe 7-1), avec en annexe le tableau financier récapitulatif
 * (000 · annexe 7-2 : sa matrice n'est pas reproduite dans le texte ; on reprend le modèle prévisionnel de 001 ·
 * annexe 9, comme les référentiels — INT-REFERENTIELS-3).
 */
export function avenant2020(contexte: ContexteDocument): DocumentTexte {
  const { convention, contenu } = contexte;
  if (convention.cadre.code !== 'calpae-2020') {
    throw new ErreurDocument(
      `L'avenant-type de 000 · annexe 7-1 vaut pour le cadre calpae-2020 (reçu ${convention.cadre.code}).`,
    );
  }
  const n = convention.exercice;
  const dep = nomDepartement(contexte);
  const s = contenu.signataires;
  const r = contenu.references;
  const dateConvention = aCompleter(
    r.date_convention_initiale,
    'indiquer la date de signature de la convention',
  );
  return {
    titre: `Avenant ${r.numero_avenant ?? ''} à la CALPAE — ${dep}`,
    sections: [
      {
        orientation: 'portrait',
        blocs: [
          para('[Logo de la collectivité]', 'gauche'),
          titre(0, `AVENANT n°${r.numero_avenant ?? ''}`),
          para('à la', 'centre'),
          titre(0, "CONVENTION D'APPUI À LA LUTTE CONTRE LA PAUVRETÉ ET D'ACCÈS À L'EMPLOI (CALPAE)"),
          para('Entre'),
          para(
            `L'État, représenté par ${aCompleter(s.prefet, "indiquer le représentant de l'Etat")}, Préfet du Département de ${dep}, et désigné ci-après par les termes « le Préfet », d'une part,`,
          ),
          para('Et'),
          para(
            `Le Département de ${dep}, représenté par ${aCompleter(s.president, 'indiquer le représentant du département')}, Président du Conseil départemental de ${dep}, et désigné ci-après par les termes « le Département », d'autre part,`,
          ),
          para('Vu la loi n°2018-1317 du 28 décembre 2018 de finances pour 2019'),
          para(
            "Vu l'instruction n°DGCS/SD1/2019/24 du 04 février 2019 relative à la mise en œuvre territoriale de la stratégie de prévention et de lutte contre la pauvreté dans son volet « Contractualisation entre l'Etat et les départements d'appui à la lutte contre la pauvreté et d'accès à l'emploi »",
          ),
          para(
            "Vu l'instruction n°DGCS/SD1B/2019/196 du 25 septembre 2019 relative à la mise en œuvre des conventions d'appui à la lutte contre la pauvreté et d'accès à l'emploi",
          ),
          para(
            "Vu l'instruction n°DGCS/SD1B/DIPLP/DGEFP/SDPAE/2020/28 du 12 février 2020 relative à la poursuite de la mise en œuvre territoriale de la stratégie nationale de prévention et de lutte contre la pauvreté notamment dans son volet « contractualisation d'appui à la lutte contre la pauvreté et d'accès à l'emploi »",
          ),
          para(
            `Vu la convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi signée le ${dateConvention} entre l'Etat et le Département de ${dep}, ci-annexée,`,
          ),
          para(
            `Vu la délibération de la ${aCompleter(r.instance_deliberation, 'Séance Plénière / Commission permanente')} du Département de ${dep} en date du ${aCompleter(r.date_deliberation, "indiquer la date de délibération de la commission permanente ou de l'assemblée délibérante")} autorisant le Président du Conseil départemental à signer le présent avenant à la convention,`,
          ),
          para('Il est convenu ce qui suit :'),
          titre(1, 'ARTICLE 1'),
          para(
            `Le paragraphe 2.3.1 de la convention du ${dateConvention} est complété par les éléments suivants :`,
          ),
          para(
            `« Au titre de l'année ${n}, le soutien financier de l'Etat s'élève à un montant de ${convention.enveloppeEtat === undefined ? 'xxxxxxxxx €' : montantFr(convention.enveloppeEtat)}.`,
          ),
          para(
            "Le département s'engage sur des montants financiers par action figurant dans le tableau financier récapitulatif figurant en annexe.",
          ),
          para(
            `Dans le cas où le contenu des actions serait modifié ou de nouvelles actions créées, le département de ${dep} s'engage à transmettre de nouvelles fiches-actions. »`,
          ),
          titre(1, 'ARTICLE 2'),
          para(
            `A l'issue du processus d'évaluation de l'exécution des actions déployées en ${n - 1}, le département s'engage à compléter la matrice des indicateurs annexée à la convention, des résultats obtenus et à ajuster, le cas échéant, les cibles annuelles.`,
          ),
          titre(1, 'ARTICLE 3'),
          para('Le présent avenant prend effet à la date de sa signature.'),
          titre(1, 'ARTICLE 4'),
          para("L'ensemble des autres dispositions de la convention initiale demeurent inchangées."),
          ...signatures(contexte, [
            [
              `Le Président du conseil départemental de ${dep}`,
              aCompleter(s.president, 'prénom nom Président CD'),
            ],
            [`Le Préfet de ${dep}`, aCompleter(s.prefet, 'prénom nom Préfet')],
          ]),
          para(
            `Pour visa, le directeur régional des finances publiques de ${aCompleter(contexte.region, 'nom de la région')}.`,
          ),
          sautDePage,
        ],
      },
      {
        orientation: 'paysage',
        blocs: [
          titre(1, 'Annexe : tableau financier récapitulatif'),
          feuilleEnTableau(
            feuilleTableauFinancier(contexte, 'previsionnel'),
            [2.5, 2.5, 0.8, 2.6, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7],
          ),
        ],
      },
    ],
  };
}
