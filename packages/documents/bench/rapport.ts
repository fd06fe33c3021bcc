// Banc d'essai : rapport d'exécution DOCX d'une convention de 40 actions (issue 5 : cible ≤ 1 s).
// Lancer : npx tsx packages/documents/bench/rapport.ts
import { performance } from 'node:perf_hooks';
import { ecrireDocx } from '../src/docx/ecrire.ts';
import { preparerContexte } from '../src/contexte.ts';
import { validerContenu } from '../src/contenu/lecture.ts';
import { rapportExecution } from '../src/textes/rapport-execution.ts';

const MESURES = [
  'insertion_orientation',
  'garantie_activite',
  'mobilite',
  'premier_accueil_social',
  'formation_travailleurs_sociaux',
  'initiatives_departementales',
];
const CHORUS: Record<string, string> = {
  insertion_orientation: '030450191907',
  garantie_activite: '030450191907',
  mobilite: '030450191907',
  premier_accueil_social: '030450191903',
  formation_travailleurs_sociaux: '030450191902',
  initiatives_departementales: '030450191910',
};
const actions = Array.from({ length: 40 }, (_, i) => {
  const mesure = MESURES[i % MESURES.length] ?? 'insertion_orientation';
  return {
    numero: `${i + 1}.1`,
    intitule: `Action de démonstration n° ${i + 1}`,
    mesure,
    code_chorus: CHORUS[mesure],
    previsionnel: {
      etat: 10000 + i,
      report_etat: 1000,
      cd: 12000,
      valorisation_cd: 2000,
      report_cd: 500,
      autres: 0,
    },
    execution: { realise: 20000, valorisation_cd: 1000, a_reporter_etat: 500, a_reporter_cd: 500 },
    realise_exercice_precedent: 15000,
  };
});
const convention = {
  format: 'jalon.convention/1',
  cadre: 'calpae-2023',
  collectivite: { type: 'departement', code: '44' },
  exercice: 2023,
  regime: 'civil',
  duree_mois: 12,
  enveloppe_etat: 1_000_000,
  actions,
};
const texte = 'Texte libre de démonstration : description, partenaires et bilan de l’action. '.repeat(6);
const contenu = validerContenu({
  fiches: Object.fromEntries(
    actions.map((a) => [
      a.numero,
      { description: texte, partenaires: 'CAF, France Travail', bilan: texte, perspectives: texte },
    ]),
  ),
  indicateurs: actions.map((a) => ({
    code: `ind_${a.numero}`,
    action: a.numero,
    libelle: 'Personnes accompagnées',
    valeurs: { '2022': 100, '2023': 120 },
    cibles: { '2023': 110, '2024': 130 },
  })),
});

async function une(): Promise<{ ms: number; octets: number }> {
  const debut = performance.now();
  const octets = await ecrireDocx(rapportExecution(preparerContexte(convention, contenu)));
  return { ms: performance.now() - debut, octets: octets.length };
}

const premiere = await une(); // démarrage à froid (chargement des modules docx, compilation)
const mesures: number[] = [];
for (let i = 0; i < 5; i += 1) mesures.push((await une()).ms);
mesures.sort((a, b) => a - b);
console.log(`Rapport d'exécution DOCX, 40 actions : ${(premiere.octets / 1024).toFixed(0)} Kio`);
console.log(`  premier appel (à froid) : ${premiere.ms.toFixed(0)} ms`);
console.log(`  médiane de 5 appels     : ${(mesures[2] ?? 0).toFixed(0)} ms (cible ≤ 1000 ms)`);
