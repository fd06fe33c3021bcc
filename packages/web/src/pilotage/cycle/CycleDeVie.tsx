import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { vueCycleSchema, type TransitionOfferteApi, type VueCycleApi } from '@jalon/schemas';
import { appeler, ErreurApi } from '../../api/client.ts';
import './cycle.css';
import { Chargement } from '../../composants/Chargement.tsx';
import { useDonnees } from '../../composants/useDonnees.ts';

/** Chemin de l'API du cycle de vie (docs/pilotage.md, « Plateforme »). */
export const routeTransitions = (id: number): string => `/api/conventions/${id}/transitions`;

/** « 15/06/2024 ». */
const jourFr = (jour: string): string => jour.split('-').reverse().join('/');

/** Aujourd'hui à Paris (jour des actes par défaut, comme le serveur). */
const aujourdhui = (): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date()).slice(0, 10);

/**
 * Le chemin du cycle de vie (issue 6 § 1) : frise des états (liste ordonnée, état courant marqué
 * `aria-current="step"`), indicateur d'étapes DSFR, prochaine étape et qui doit agir, puis les actions possibles
 * pour le compte connecté — et, pour les autres, la raison du refus. Les règles sont jugées par le serveur.
 */
export function CycleDeVie({
  conventionId,
  onModifiee,
}: {
  readonly conventionId: number;
  readonly onModifiee?: () => void;
}) {
  const cycle = useDonnees(
    () => appeler('GET', routeTransitions(conventionId), vueCycleSchema),
    [conventionId],
  );
  if (cycle.etat === 'chargement') return <Chargement texte="Chargement du cycle de vie…" />;
  if (cycle.etat === 'erreur')
    return <Alert severity="error" small description={`Cycle de vie indisponible : ${cycle.message}`} />;
  return (
    <VueCycle
      vue={cycle.donnees}
      onVue={(vue) => {
        cycle.remplacer(vue);
        onModifiee?.();
      }}
      onRecharger={() => void cycle.recharger()}
    />
  );
}

function VueCycle({
  vue,
  onVue,
  onRecharger,
}: {
  readonly vue: VueCycleApi;
  readonly onVue: (vue: VueCycleApi) => void;
  readonly onRecharger: () => void;
}) {
  const rang = vue.parcours.findIndex((e) => e.statut === 'courante');
  const suivant = vue.parcours[rang + 1];
  const possibles = vue.transitions.filter((t) => t.possible);
  const refusees = vue.transitions.filter((t) => !t.possible);
  return (
    <section aria-labelledby="titre-cycle" className="fr-mb-4w jalon-cycle">
      <h2 id="titre-cycle">Cycle de vie</h2>
      <Stepper
        currentStep={rang + 1}
        stepCount={vue.parcours.length}
        title={vue.libelle_etat}
        {...(suivant === undefined ? {} : { nextTitle: suivant.libelle })}
      />
      <ol className="jalon-frise" aria-label="Chemin de la convention">
        {vue.parcours.map((etape) => (
          <li
            key={etape.etat}
            className={`jalon-frise__etape jalon-frise__etape--${etape.statut}`}
            {...(etape.statut === 'courante' ? { 'aria-current': 'step' as const } : {})}
          >
            <span className="jalon-frise__libelle">{etape.libelle}</span>
            <span className="jalon-frise__etat">
              {etape.statut === 'franchie'
                ? `franchie${etape.le === null ? '' : ` le ${jourFr(etape.le)}`}`
                : etape.statut === 'courante'
                  ? `état actuel${etape.le === null ? '' : ` depuis le ${jourFr(etape.le)}`}`
                  : 'à venir'}
            </span>
          </li>
        ))}
      </ol>
      {vue.prochaine_etape === null ? (
        <p>Aucune étape suivante : le cycle de cette convention est achevé.</p>
      ) : (
        <div className="fr-mt-2w">
          <h3 className="fr-h6">Prochaine étape : {vue.prochaine_etape.libelle}</h3>
          <p>
            À faire par : {vue.prochaine_etape.libelles_roles.join(', ')}
            {vue.prochaine_etape.signatures_attendues.length > 0
              ? ` — signatures attendues : ${vue.prochaine_etape.signatures_attendues.join(', ')}`
              : ''}
          </p>
          {vue.prochaine_etape.prerequis_manquants.length > 0 && (
            <ul aria-label="Ce qui manque encore">
              {vue.prochaine_etape.prerequis_manquants.map((r) => (
                <li key={r.message}>{r.message}</li>
              ))}
            </ul>
          )}
          {vue.prochaine_etape.code === 'deposer_rapport' && (
            // Le rapport se dépose figé depuis l'onglet Documents : ce dépôt fait avancer la convention.
            <p>
              <Link
                className="fr-link fr-icon-arrow-right-line fr-link--icon-right"
                to={`/conventions/${vue.convention_id}/documents`}
              >
                Déposer le rapport figé depuis l’onglet Documents
              </Link>
            </p>
          )}
        </div>
      )}
      {vue.avenants.length > 0 && (
        <p>
          Avenants :{' '}
          {vue.avenants
            .map(
              (a) =>
                `n° ${a.numero} (${a.objet || 'sans objet'}) — ${a.etat === 'signee' ? `signé${a.date_signature === null ? '' : ` le ${jourFr(a.date_signature)}`}` : a.etat.replace('_', ' ')}`,
            )
            .join(' ; ')}
        </p>
      )}
      {possibles.length > 0 && (
        <div className="fr-mt-2w">
          <h3 className="fr-h6">Ce que vous pouvez faire</h3>
          {possibles.map((t) => (
            <FormulaireTransition
              key={t.code}
              transition={t}
              vue={vue}
              onVue={onVue}
              onRecharger={onRecharger}
            />
          ))}
        </div>
      )}
      {refusees.length > 0 && (
        <details className="fr-mt-2w">
          <summary>Autres étapes, non disponibles pour votre compte ({refusees.length})</summary>
          <ul>
            {refusees.map((t) => (
              <li key={t.code}>
                <strong>{t.libelle}</strong> : {t.refus.map((r) => r.message).join(' ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function FormulaireTransition({
  transition,
  vue,
  onVue,
  onRecharger,
}: {
  readonly transition: TransitionOfferteApi;
  readonly vue: VueCycleApi;
  readonly onVue: (vue: VueCycleApi) => void;
  readonly onRecharger: () => void;
}) {
  const [date, setDate] = useState(aujourdhui());
  const [motif, setMotif] = useState('');
  const [envoi, setEnvoi] = useState(false);
  const [erreur, setErreur] = useState<{ message: string; conflit: boolean } | undefined>();
  const id = `transition-${transition.code}`;
  const appliquer = async () => {
    setEnvoi(true);
    setErreur(undefined);
    try {
      const nouvelle = await appeler('POST', routeTransitions(vue.convention_id), vueCycleSchema, {
        version: vue.version,
        code: transition.code,
        ...(transition.date === null ? {} : { date }),
        ...(transition.motif ? { motif } : {}),
      });
      onVue(nouvelle);
    } catch (e) {
      setErreur({
        message: e instanceof Error ? e.message : String(e),
        conflit: e instanceof ErreurApi && e.statut === 409,
      });
    } finally {
      setEnvoi(false);
    }
  };
  return (
    <form
      className="fr-mb-2w"
      aria-labelledby={`${id}-titre`}
      onSubmit={(e) => {
        e.preventDefault();
        void appliquer();
      }}
    >
      <p id={`${id}-titre`} className="fr-sr-only">
        {transition.libelle}
      </p>
      {transition.date !== null && (
        <Input
          label={transition.date === 'deliberation' ? 'Date de la délibération' : 'Date de la signature'}
          nativeInputProps={{
            type: 'date',
            value: date,
            max: aujourdhui(),
            required: true,
            onChange: (e) => setDate(e.target.value),
          }}
        />
      )}
      {transition.motif && (
        <Input
          label={transition.code === 'ouvrir_avenant' ? "Objet de l'avenant" : 'Motif'}
          nativeInputProps={{ value: motif, required: true, onChange: (e) => setMotif(e.target.value) }}
        />
      )}
      <Button type="submit" disabled={envoi} priority={transition.principale ? 'primary' : 'secondary'}>
        {transition.libelle}
      </Button>
      {erreur !== undefined && (
        <Alert
          className="fr-mt-1w"
          severity="error"
          small
          description={
            <>
              {erreur.message}{' '}
              {erreur.conflit && (
                <Button priority="tertiary" size="small" type="button" onClick={onRecharger}>
                  Recharger le cycle
                </Button>
              )}
            </>
          }
        />
      )}
    </form>
  );
}
