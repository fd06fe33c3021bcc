import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { noteAnalyseSchema, vueCycleSchema, type NoteAnalyseApi } from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { Chargement } from '../composants/Chargement.tsx';
import { euros } from '../composants/format.ts';
import { useDonnees } from '../composants/useDonnees.ts';
import { useTitre } from '../composants/useTitre.ts';

const pourcent = (t: number | null) => (t === null ? '—' : `${t.toLocaleString('fr-FR')}\u00a0%`);

type Ligne = NoteAnalyseApi['consommation']['generale'];

function TableauConsommation({
  titre,
  lignes,
}: {
  readonly titre: string;
  readonly lignes: readonly Ligne[];
}) {
  return (
    <div className="fr-table fr-table--sm">
      <table>
        <caption>{titre}</caption>
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Total F</th>
            <th scope="col">Réalisé</th>
            <th scope="col">Consommation</th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l) => (
            <tr key={l.cle}>
              <th scope="row">{l.cle === 'general' ? l.libelle : `${l.cle} — ${l.libelle}`}</th>
              <td className="jalon-nombre">{euros(l.total)}</td>
              <td className="jalon-nombre">{euros(l.realise)}</td>
              <td className="jalon-nombre">{pourcent(l.taux)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Message = { readonly severite: 'success' | 'error'; readonly texte: string };

/**
 * Note d'analyse du commissaire (issue 6 § 4) : chiffres pré-remplis par le domaine (lecture seule),
 * justification rédigée et enregistrée (versions auditées), export DOCX, dépôt = transition du cycle de vie.
 */
export function PageNoteAnalyse() {
  const id = Number(useParams().id);
  const note = useDonnees(
    () => appeler('GET', `/api/conventions/${id}/note-analyse`, noteAnalyseSchema),
    [id],
  );
  const [justification, setJustification] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const donnees = note.etat === 'pret' ? note.donnees : undefined;
  useTitre(
    donnees === undefined
      ? 'Note d’analyse'
      : `Note d’analyse — ${donnees.collectivite.nom} ${donnees.exercice}`,
  );
  useEffect(() => {
    if (donnees !== undefined) setJustification(donnees.justification);
  }, [donnees?.justification, donnees?.convention_id]);

  if (note.etat === 'chargement') return <Chargement />;
  if (note.etat === 'erreur')
    return <Alert severity="error" title="Note d’analyse indisponible" description={note.message} />;
  const n = note.donnees;
  const modifiee = justification !== n.justification;

  const enregistrer = async () => {
    setEnvoi(true);
    try {
      const nouvelle = await appeler('PUT', `/api/conventions/${id}/note-analyse`, noteAnalyseSchema, {
        version: n.version,
        justification,
      });
      note.remplacer(nouvelle);
      setMessage({
        severite: 'success',
        texte: `Note enregistrée (version ${nouvelle.redaction?.numero ?? 1}).`,
      });
    } catch (e) {
      setMessage({ severite: 'error', texte: e instanceof Error ? e.message : String(e) });
    } finally {
      setEnvoi(false);
    }
  };

  const deposer = async () => {
    setEnvoi(true);
    try {
      await appeler('POST', `/api/conventions/${id}/transitions`, vueCycleSchema, {
        version: n.version,
        code: 'deposer_note_analyse',
      });
      await note.recharger();
      setMessage({ severite: 'success', texte: 'Note déposée : la convention est analysée.' });
    } catch (e) {
      setMessage({ severite: 'error', texte: e instanceof Error ? e.message : String(e) });
    } finally {
      setEnvoi(false);
    }
  };

  const c = n.consommation;
  return (
    <>
      <p className="fr-mb-1w">
        <Link to={`/conventions/${id}`}>Retour à la convention</Link>
      </p>
      <h1>
        Note d’analyse — {n.collectivite.nom}, exercice {n.exercice}
      </h1>
      <p>
        Cadre {n.cadre}, régime {n.regime}. État de la convention : <strong>{n.etat}</strong>. Chiffres
        calculés depuis les données de la convention (001 · annexe 4 § 2).
      </p>
      {message !== null && (
        <Alert
          className="fr-mb-2w"
          severity={message.severite}
          small
          description={message.texte}
          closable
          onClose={() => setMessage(null)}
        />
      )}
      <p>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left"
          href={`/api/conventions/${id}/note-analyse.docx`}
        >
          Télécharger la note (DOCX)
        </a>
      </p>
      <h2>Consommation des crédits</h2>
      <p>
        Consommation générale : <strong>{pourcent(c.generale.taux)}</strong> ({euros(c.generale.realise)}{' '}
        réalisés sur {euros(c.generale.total)}).
      </p>
      <TableauConsommation titre="Consommation par action (réalisé / F)" lignes={c.actions} />
      <TableauConsommation
        titre="Consommation par mesure"
        lignes={[...c.mesures, ...c.sous_totaux, c.generale]}
      />
      <h2>Indicateurs et cibles</h2>
      <div className="fr-table fr-table--sm">
        <table>
          <caption>Chaque indicateur contre sa cible, taux d’atteinte</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              <th scope="col">Valeur</th>
              <th scope="col">Cible</th>
              <th scope="col">Atteinte</th>
            </tr>
          </thead>
          <tbody>
            {n.indicateurs.map((i) => (
              <tr key={i.code}>
                <th scope="row">{i.libelle}</th>
                <td className="jalon-nombre">{i.valeur === null ? '—' : i.valeur.toLocaleString('fr-FR')}</td>
                <td>{i.cible ?? 'pas de cible'}</td>
                <td>
                  {i.atteint === null
                    ? '—'
                    : `${i.atteint ? 'atteinte' : 'non atteinte'} (${pourcent(i.taux_atteinte)})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Actions sans dépense, contrôles ouverts</h2>
      {n.actions_sans_depense.length === 0 ? (
        <p>Aucune action sans dépense.</p>
      ) : (
        <ul>
          {n.actions_sans_depense.map((a) => (
            <li key={a.numero}>
              {a.numero} — {a.intitule} : pas de crédits en {n.exercice + 1} sans renforcement justifié.
            </li>
          ))}
        </ul>
      )}
      {n.actions_sans_execution.length > 0 && (
        <p>Exécution non saisie : {n.actions_sans_execution.join(', ')}.</p>
      )}
      {n.controles_ouverts.length === 0 ? (
        <p>Aucun contrôle ouvert.</p>
      ) : (
        <ul>
          {n.controles_ouverts.map((k, i) => (
            <li key={i}>
              {k.gravite} : {k.message}
            </li>
          ))}
        </ul>
      )}
      <h2>Crédits proposés pour l’exercice suivant</h2>
      {n.credits_proposes === null ? (
        <p>Pas de convention de l’exercice suivant : crédits non calculés.</p>
      ) : (
        <dl className="jalon-resume">
          <div>
            <dt>Enveloppe {n.credits_proposes.exercice} pré-notifiée</dt>
            <dd>{euros(n.credits_proposes.enveloppe)}</dd>
          </div>
          <div>
            <dt>Proratisée ({n.credits_proposes.duree_mois} mois)</dt>
            <dd>{euros(n.credits_proposes.enveloppe_proratisee)}</dd>
          </div>
          <div>
            <dt>Reports État déduits</dt>
            <dd>{euros(n.credits_proposes.reports_etat)}</dd>
          </div>
          <div>
            <dt>Nouveaux crédits proposés</dt>
            <dd>
              <strong>{euros(n.credits_proposes.nouveaux_credits)}</strong>
            </dd>
          </div>
        </dl>
      )}
      <h2>Justification du commissaire</h2>
      {n.redaction !== null && (
        <p className="fr-text--sm">
          Version {n.redaction.numero}, par {n.redaction.par}. {n.versions.length} version(s) enregistrée(s).
        </p>
      )}
      <Input
        label="Justification"
        hintText="Analyse de l’exécution, justification des crédits proposés (renforcements, actions sans dépense)."
        textArea
        disabled={!n.peut_rediger}
        nativeTextAreaProps={{
          value: justification,
          rows: 8,
          onChange: (e) => setJustification(e.target.value),
        }}
      />
      {n.peut_rediger ? (
        <div className="fr-btns-group fr-btns-group--inline">
          <Button onClick={() => void enregistrer()} disabled={envoi || !modifiee}>
            Enregistrer la note
          </Button>
          <Button
            priority="secondary"
            onClick={() => void deposer()}
            disabled={envoi || modifiee || n.justification.trim() === ''}
          >
            Déposer la note
          </Button>
        </div>
      ) : (
        <p className="fr-text--sm">
          La note s’écrit par le commissaire de la région quand le rapport d’exécution est déposé.
        </p>
      )}
    </>
  );
}
