/**
 * Lecture du format v1.1 : additive. Un dossier v1 (l'exemple officiel) donne exactement les mêmes résultats v1 par
 * la lecture v1.1 ; un dossier v1.1 donne, pour la partie v1, les mêmes résultats que le même dossier privé de ses
 * lignes v1.1 ; les lignes v1.1 invalides sont signalées (fichier, ligne, colonne, raison).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculerIndicateurs, lireDonnees } from '../src/index.ts';
import { lireDonneesV11 } from '../src/profils/lecture-v11.ts';
import { calculerVolet3 } from '../src/volet3/index.ts';

const EXEMPLE = '/work/shared/specs/exemples/parcours-mini';

describe('lecture v1.1', () => {
  it('exemple officiel v1 : mêmes personnes, mêmes indicateurs v1 que la lecture v1, et ceux de attendu-2022.json', async () => {
    const attendu = JSON.parse(readFileSync(join(EXEMPLE, 'attendu-2022.json'), 'utf8')) as {
      indicateurs: unknown;
    };
    const v1 = await lireDonnees(EXEMPLE);
    const v11 = await lireDonneesV11(EXEMPLE);
    const p = { annee: 2022, cadre: 'calpae-2022' as const };
    expect([...v11.personnes()]).toEqual([...v1.personnes()]);
    const r1 = calculerIndicateurs(v1.personnes(), { ...p, fenetre: v1.fenetre });
    const r11 = calculerIndicateurs(v11.personnes(), { ...p, fenetre: v11.fenetre });
    expect(r11).toEqual(r1);
    expect(r11.indicateurs).toEqual(attendu.indicateurs);
    expect(v11.nombreEvenementsVolet3).toBe(0);
    expect(v11.lignesInvalides).toEqual(v1.lignesInvalides);
  });

  it('dossier v1.1 : partie v1 identique au même dossier sans lignes v1.1, événements v1.1 lus, erreurs signalées', async () => {
    const situations = [
      'id_personne;mois;droit_versable;soumis_droits_devoirs',
      'A;2024-01;oui;oui',
      'A;2024-02;oui;oui',
      'B;2024-02;oui;oui',
    ].join('\n');
    const v1 = [
      'A;reception_notification;2024-01-03;;;;;;;;;;;',
      'A;orientation;2024-01-10;departement;socio_professionnel;;;;;;;;;',
      'B;reception_notification;2024-02-02;;;;;;;;;;;',
    ];
    const v11 = [
      'A;diagnostic;2024-01-15;;;;;;;sante|mobilite;;;;',
      'A;action_accompagnement;2024-01-20;;;;;;;;3,5;collectif;;',
      'A;reprise_emploi;2024-06-01;;;;;;;;;;cdi;',
      'B;action_accompagnement;2024-02-20;;;;;;;;;individuel;;', // ligne 8 : duree_heures manquante
      'B;reprise_emploi;2024-03-01;;;;;;;;;;saisonnier;', // ligne 9 : type de contrat inconnu
      'B;sortie_rsa;2024-13-01;;;;;;;;;;;', // ligne 10 : date impossible
    ];
    const entete =
      'id_personne;type;date;organisme;parcours;dispositif;statut;conseiller;motif;freins;duree_heures;modalite;type_contrat;duree_mois';
    const complet = await mkdtemp(join(tmpdir(), 'jalon-v11-'));
    const seulV1 = await mkdtemp(join(tmpdir(), 'jalon-v11-v1-'));
    await writeFile(join(complet, 'situations_mensuelles.csv'), situations);
    await writeFile(
      join(complet, 'evenements.csv'),
      [entete, v1[0], v1[1], ...v11.slice(0, 3), v1[2], ...v11.slice(3)].join('\n'),
    );
    await writeFile(join(seulV1, 'situations_mensuelles.csv'), situations);
    await writeFile(
      join(seulV1, 'evenements.csv'),
      [entete.split(';').slice(0, 9).join(';'), ...v1.map((l) => l.split(';').slice(0, 9).join(';'))].join(
        '\n',
      ),
    );

    const lu = await lireDonneesV11(complet);
    const reference = await lireDonnees(seulV1);
    const p = { annee: 2024, cadre: 'france-travail-2024' as const };
    expect(calculerIndicateurs(lu.personnes(), { ...p, fenetre: lu.fenetre })).toEqual(
      calculerIndicateurs(reference.personnes(), { ...p, fenetre: reference.fenetre }),
    );
    expect(lu.nombreEvenementsVolet3).toBe(3);
    expect(lu.lignesInvalides.map((e) => [e.ligne, e.colonne])).toEqual([
      [8, 'duree_heures'],
      [9, 'type_contrat'],
      [10, 'date'],
    ]);
    const a = [...lu.personnesV11()].find((d) => d.id === 'A');
    expect(
      a?.evenementsVolet3.map((e) => [e.type, e.freins, e.dureeCentiemes, e.modalite, e.typeContrat]),
    ).toEqual([
      ['diagnostic', ['sante', 'mobilite'], undefined, undefined, undefined],
      ['action_accompagnement', undefined, 350, 'collectif', undefined],
      ['reprise_emploi', undefined, undefined, undefined, 'cdi'],
    ]);
    // A : orientée le 10/01 (parcours socio-professionnel), CDI le 01/06 : inscrite, entrante, reprise durable.
    const r = calculerVolet3(lu.personnesV11(), { annee: 2024 });
    expect(r.indicateurs.deploiement_inscrits).toBe(1);
    expect(r.indicateurs.retour_emploi_durable).toBe(1);
    expect(r.indicateurs.delai_diagnostic_premiere_action).toBe(5);
  });
});
