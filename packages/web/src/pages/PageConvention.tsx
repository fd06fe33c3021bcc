import { Link, useNavigate, useParams } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { CADRES } from '@jalon/referentiels';
import { conventionDetailSchema, type ConventionDetail } from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { ROUTES } from '../api/routes.ts';
import { BadgeStatut } from '../composants/BadgeStatut.tsx';
import { Chargement } from '../composants/Chargement.tsx';
import { euros } from '../composants/format.ts';
import { useDonnees } from '../composants/useDonnees.ts';
import { useTitre } from '../composants/useTitre.ts';
import { OngletFiches } from './convention/OngletFiches.tsx';
import { OngletTableau } from './convention/OngletTableau.tsx';
import { OngletIndicateurs } from './convention/OngletIndicateurs.tsx';
import { OngletHistorique } from './convention/OngletHistorique.tsx';
import { OngletFranceTravail } from './convention/OngletFranceTravail.tsx';
import { OngletDocuments } from './convention/OngletDocuments.tsx';
import { OngletDonnees } from './convention/OngletDonnees.tsx';
import { CycleDeVie } from '../pilotage/cycle/CycleDeVie.tsx';
import { OngletBilan } from './convention/OngletBilan.tsx';

const ONGLETS = [
  { tabId: 'fiches', label: 'Fiches actions' },
  { tabId: 'tableau', label: 'Tableau financier' },
  { tabId: 'france-travail', label: 'Volets France Travail' },
  { tabId: 'indicateurs', label: 'Indicateurs' },
  { tabId: 'donnees', label: 'Données' },
  { tabId: 'documents', label: 'Documents' },
  { tabId: 'bilan', label: 'Bilan partagé' },
  { tabId: 'historique', label: 'Historique' },
] as const;
type Onglet = (typeof ONGLETS)[number]['tabId'];

/** Parcours types, volet 3 et coopération n'existent que dans le cadre France Travail 2024 (003 · annexes 3 à 5). */
const ongletsDu = (cadre: string) =>
  ONGLETS.filter((o) => o.tabId !== 'france-travail' || cadre === 'france-travail-2024');

function Resume({ detail }: { readonly detail: ConventionDetail }) {
  const { convention, totaux, controles } = detail;
  const bloquants = controles.filter((c) => c.gravite === 'bloquant').length;
  return (
    <dl className="jalon-resume fr-mb-4w">
      <div>
        <dt>Cadre</dt>
        <dd>{CADRES[convention.cadre].libelle}</dd>
      </div>
      <div>
        <dt>Statut</dt>
        <dd>
          <BadgeStatut statut={convention.statut} />
        </dd>
      </div>
      <div>
        <dt>Régime, durée</dt>
        <dd>
          {convention.regime === 'civil' ? 'Année civile' : 'Année glissante'}, {convention.duree_mois} mois
        </dd>
      </div>
      <div>
        <dt>Enveloppe État</dt>
        <dd>{euros(convention.enveloppe_etat)}</dd>
      </div>
      <div>
        <dt>Crédits État prévus (A)</dt>
        <dd>{euros(totaux.general.previsionnel.etat)}</dd>
      </div>
      <div>
        <dt>Crédits CD prévus (C)</dt>
        <dd>{euros(totaux.general.previsionnel.cd)}</dd>
      </div>
      <div>
        <dt>Budget global (F)</dt>
        <dd>{euros(totaux.general.previsionnel.total)}</dd>
      </div>
      <div>
        <dt>Contrôles</dt>
        <dd>
          {bloquants === 0 ? 'aucun bloquant' : `${bloquants} bloquant${bloquants > 1 ? 's' : ''}`}
          {controles.length - bloquants > 0 ? `, ${controles.length - bloquants} alerte(s)` : ''}
        </dd>
      </div>
    </dl>
  );
}

export function PageConvention() {
  const { id, onglet } = useParams();
  const naviguer = useNavigate();
  const identifiant = Number(id);
  const detail = useDonnees(
    () => appeler('GET', ROUTES.convention(identifiant), conventionDetailSchema),
    [identifiant],
  );
  const onglets = detail.etat === 'pret' ? ongletsDu(detail.donnees.convention.cadre) : ONGLETS;
  const actif: Onglet = onglets.some((o) => o.tabId === onglet) ? (onglet as Onglet) : 'fiches';
  const titre =
    detail.etat === 'pret'
      ? `Convention ${detail.donnees.convention.exercice} — ${detail.donnees.convention.collectivite.nom}`
      : 'Convention';
  useTitre(`${ONGLETS.find((o) => o.tabId === actif)?.label ?? ''} — ${titre}`);

  if (!Number.isInteger(identifiant) || identifiant <= 0) {
    return (
      <Alert severity="error" title="Adresse invalide" description="Identifiant de convention invalide." />
    );
  }
  if (detail.etat === 'chargement') return <Chargement texte="Chargement de la convention…" />;
  if (detail.etat === 'erreur') {
    return (
      <>
        <h1>Convention inaccessible</h1>
        <Alert
          severity="error"
          title={
            detail.statut === 403 || detail.statut === 404
              ? 'Accès refusé ou convention introuvable'
              : 'Erreur'
          }
          description={detail.message}
        />
      </>
    );
  }
  const donnees = detail.donnees;
  return (
    <>
      <Breadcrumb
        currentPageLabel={titre}
        homeLinkProps={{ to: '/' }}
        segments={[{ label: 'Conventions', linkProps: { to: '/' } }]}
      />
      <h1>{titre}</h1>
      <Resume detail={donnees} />
      {['rapport_depose', 'analysee', 'cloturee'].includes(donnees.convention.statut) && (
        <p>
          <Link
            className="fr-link fr-icon-file-text-line fr-link--icon-left"
            to={`/conventions/${identifiant}/note-analyse`}
          >
            Note d’analyse du commissaire
          </Link>
        </p>
      )}
      <CycleDeVie
        key={donnees.convention.version}
        conventionId={identifiant}
        onModifiee={() => void detail.recharger()}
      />
      <Tabs
        label="Rubriques de la convention"
        selectedTabId={actif}
        tabs={onglets.map((o) => ({ tabId: o.tabId, label: o.label }))}
        onTabChange={(tabId) => naviguer(`/conventions/${identifiant}/${tabId}`)}
      >
        {actif === 'fiches' && <OngletFiches detail={donnees} onDetail={detail.remplacer} />}
        {actif === 'tableau' && <OngletTableau detail={donnees} onDetail={detail.remplacer} />}
        {actif === 'france-travail' && <OngletFranceTravail detail={donnees} onModifiee={detail.recharger} />}
        {actif === 'documents' && <OngletDocuments detail={donnees} onModifiee={detail.recharger} />}
        {actif === 'indicateurs' && <OngletIndicateurs detail={donnees} />}
        {actif === 'donnees' && <OngletDonnees detail={donnees} onModifiee={detail.recharger} />}
        {actif === 'bilan' && <OngletBilan detail={donnees} />}
        {actif === 'historique' && <OngletHistorique conventionId={identifiant} />}
      </Tabs>
    </>
  );
}
