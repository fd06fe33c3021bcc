import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { collectivitesSchema, type OffreCollectivite } from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { ROUTES } from '../api/routes.ts';
import { Chargement } from '../composants/Chargement.tsx';
import { useDonnees } from '../composants/useDonnees.ts';
import { useTitre } from '../composants/useTitre.ts';
import { lireOffre, supprimer, type ModeleOffre } from '../offre/api.ts';
import { FormulaireOffre } from '../offre/FormulaireOffre.tsx';
import { ImportExport } from '../offre/ImportExport.tsx';
import { Manques } from '../offre/Manques.tsx';
import { ListeOffre } from '../offre/ListeOffre.tsx';

/** « Offre d'insertion » : collectivités du territoire du compte (issue 8). */
export function PageOffreAccueil() {
  useTitre('Offre d’insertion');
  const collectivites = useDonnees(() => appeler('GET', ROUTES.collectivites, collectivitesSchema), []);
  return (
    <>
      <h1>Offre d’insertion</h1>
      <p>
        Structures et services financés, au schéma data·inclusion, partagés en open data (001 · annexe 1 § 4 ;
        003 · annexe 5).
      </p>
      {collectivites.etat === 'chargement' && <Chargement />}
      {collectivites.etat === 'erreur' && (
        <Alert severity="error" title="Erreur" description={collectivites.message} />
      )}
      {collectivites.etat === 'pret' && (
        <ul>
          {collectivites.donnees.collectivites
            .filter((c) => c.departement !== null)
            .map((c) => (
              <li key={c.id}>
                <Link to={`/offre/${encodeURIComponent(c.id)}`}>{c.nom}</Link>
              </li>
            ))}
        </ul>
      )}
    </>
  );
}

type Edition = { modele: ModeleOffre; objet: { id: number; donnees: Record<string, unknown> } | null };

/** L'offre d'une collectivité : services et structures (score), formulaires, import et export, manques. */
export function PageOffre() {
  const collectivite = decodeURIComponent(useParams().collectivite ?? '');
  const offre = useDonnees(() => lireOffre(collectivite), [collectivite]);
  const [onglet, setOnglet] = useState('services');
  const [edition, setEdition] = useState<Edition | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useTitre(
    offre.etat === 'pret' ? `Offre d’insertion — ${offre.donnees.collectivite.nom}` : 'Offre d’insertion',
  );
  if (offre.etat === 'chargement') return <Chargement />;
  if (offre.etat === 'erreur')
    return <Alert severity="error" title="Offre introuvable" description={offre.message} />;
  const o: OffreCollectivite = offre.donnees;

  const retirer = async (modele: ModeleOffre, id: number, nom: string) => {
    if (!window.confirm(`Supprimer « ${nom} » ?`)) return;
    try {
      await supprimer(collectivite, modele, id);
      setMessage(`« ${nom} » supprimé.`);
      await offre.recharger();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <Breadcrumb
        currentPageLabel={o.collectivite.nom}
        segments={[{ label: 'Offre d’insertion', linkProps: { to: '/offre' } }]}
      />
      <h1>Offre d’insertion — {o.collectivite.nom}</h1>
      <p className="fr-text--sm">
        {o.services.length} service(s), {o.structures.length} structure(s) ; source data·inclusion «{' '}
        {o.source} ». Score de qualité data·inclusion : DORA n’affiche que les services d’au moins{' '}
        {Math.round(o.seuil_dora * 100)} %.
      </p>
      {message !== null && (
        <div role="status">
          <Alert
            severity="info"
            small
            description={message}
            className="fr-mb-2w"
            closable
            onClose={() => setMessage(null)}
          />
        </div>
      )}
      {edition !== null ? (
        <FormulaireOffre
          key={`${edition.modele}-${edition.objet?.id ?? 'nouveau'}`}
          collectivite={collectivite}
          modele={edition.modele}
          objet={edition.objet}
          structures={o.structures}
          onAnnuler={() => setEdition(null)}
          onEnregistre={(m) => {
            setEdition(null);
            setMessage(m);
            void offre.recharger();
          }}
        />
      ) : (
        <Tabs
          label="Rubriques de l’offre"
          selectedTabId={onglet}
          tabs={[
            { tabId: 'services', label: 'Services' },
            { tabId: 'structures', label: 'Structures' },
            { tabId: 'echange', label: 'Import et export' },
            { tabId: 'manques', label: 'Manques' },
          ]}
          onTabChange={setOnglet}
        >
          {(onglet === 'services' || onglet === 'structures') && (
            <>
              {o.modifier && (
                <Button
                  iconId="fr-icon-add-line"
                  className="fr-mb-2w"
                  disabled={onglet === 'services' && o.structures.length === 0}
                  onClick={() =>
                    setEdition({ modele: onglet === 'services' ? 'service' : 'structure', objet: null })
                  }
                >
                  {onglet === 'services' ? 'Ajouter un service' : 'Ajouter une structure'}
                </Button>
              )}
              <ListeOffre
                offre={o}
                modele={onglet === 'services' ? 'service' : 'structure'}
                onModifier={(modele, objet) => setEdition({ modele, objet })}
                onSupprimer={(modele, id, nom) => void retirer(modele, id, nom)}
              />
            </>
          )}
          {onglet === 'echange' && (
            <ImportExport
              collectivite={collectivite}
              modifier={o.modifier}
              onImporte={() => void offre.recharger()}
            />
          )}
          {onglet === 'manques' && (
            <Manques collectivite={collectivite} departement={o.collectivite.departement} />
          )}
        </Tabs>
      )}
    </>
  );
}
