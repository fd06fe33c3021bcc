import { useMemo, useRef, useState, useEffect, type KeyboardEvent, type ClipboardEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CADRES } from '@jalon/referentiels';
import type { ConventionDocument, Ligne, ResultatControle } from '@jalon/domaine';
import { colonnesDuCadre, estSaisie, type ColonneGrille, type IdColonne } from './colonnes.ts';
import { lireBlocColle } from './collage.ts';
import { CONTROLES_DE_CONVENTION, controlesDeCellule, type ControleIndexe } from './controles.ts';
import {
  analyser,
  appliquerSaisie,
  collerBloc,
  documentCourant,
  lignesModifiees,
  numerosModifies,
  lireTexte,
  saisiesInvalides,
  valeurCellule,
  type LigneModifiee,
  type Saisie,
  type Saisies,
} from './modele.ts';
import { afficherMontant, texteEdition } from './nombres.ts';
import { organiserRangees, type Rangee } from './rangees.ts';
import './grille.css';

/** Pourquoi le prévisionnel est en lecture seule pendant l'exécution (INT-SAISIE-EXECUTION-1). */
export const TEXTE_EXECUTION_SEULE =
  'Convention en exécution : seul le réalisé se saisit (colonnes de l’exécution). Le prévisionnel, négocié et signé, est en lecture seule.';

export type ResultatEnregistrement = { readonly ok: true } | { readonly ok: false; readonly message: string };

export interface GrilleFinanciereProps {
  /** Le tableau financier au format `jalon.convention/1` (montants en euros). */
  readonly document: ConventionDocument;
  readonly lectureSeule?: boolean;
  /**
   * Convention en exécution (droit `saisir_execution` sans `modifier`, INT-SAISIE-EXECUTION-1) : seules les
   * colonnes de l'exécution se saisissent ; le prévisionnel, négocié et signé, reste en lecture seule.
   */
  readonly executionSeule?: boolean;
  readonly onEnregistrer: (lignes: LigneModifiee[]) => Promise<ResultatEnregistrement>;
  /** Absent (et sans `depotReserve`) : pas de bouton « Déposer » (statut). */
  readonly onDeposer?: () => void;
  /**
   * Le compte peut modifier mais pas déposer (agent : dépôt réservé au valideur, INT-WEB-5) : « Déposer » est
   * montré désactivé, avec cette raison, et l'état des contrôles bloquants reste visible.
   */
  readonly depotReserve?: string;
}

interface Position {
  readonly ligne: number;
  readonly colonne: number;
}
interface Edition {
  readonly texte: string;
  readonly erreur?: string;
}
type Message = { readonly type: 'error' | 'info' | 'success'; readonly texte: string };

const cleCellule = (ligne: number, colonne: number): string => `${ligne}:${colonne}`;
/** Touches qui commencent une saisie, comme dans un tableur. */
const DEBUT_SAISIE = /^[\d,.\s€+-]$/;

/** Alerte DSFR sans rôle propre : elle s'affiche dans une zone `status` ou `alert` déjà présente (annonce fiable). */
function AlerteCourte({ type, texte }: Message) {
  return (
    <div className={`fr-alert fr-alert--${type} fr-alert--sm`}>
      <p>{texte}</p>
    </div>
  );
}

const libelleMontant = (centimes: number): string => `${afficherMontant(centimes)} €`;

/**
 * Grille du tableau financier (motif « grid » de l'ARIA : une seule cellule dans l'ordre de tabulation,
 * flèches pour se déplacer, Entrée ou F2 pour modifier, Entrée pour valider, Échap pour annuler, Tab pour
 * valider et passer à la cellule suivante). Coller un bloc copié d'un tableur remplit les cellules à partir de
 * la cellule active. Totaux et contrôles sont recalculés à chaque saisie par @jalon/domaine.
 */
export function GrilleFinanciere({
  document,
  lectureSeule = false,
  executionSeule = false,
  onEnregistrer,
  onDeposer,
  depotReserve,
}: GrilleFinanciereProps) {
  const cadre = CADRES[document.cadre];
  const colonnes = useMemo(
    () =>
      colonnesDuCadre(cadre.famille, document.exercice).map((colonne) =>
        executionSeule && colonne.groupe !== 'execution' ? { ...colonne, editable: false } : colonne,
      ),
    [cadre.famille, document.exercice, executionSeule],
  );
  const [saisies, setSaisies] = useState<Saisies>({});
  const [active, setActive] = useState<Position>({ ligne: 0, colonne: 0 });
  const [edition, setEdition] = useState<Edition | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [enCours, setEnCours] = useState(false);
  const cellules = useRef(new Map<string, HTMLElement>());
  const doitFocaliser = useRef(false);

  const courant = useMemo(() => documentCourant(document, saisies, colonnes), [document, saisies, colonnes]);
  const analyse = useMemo(() => analyser(courant), [courant]);
  const controles: readonly ResultatControle[] = analyse.ok ? analyse.controles : [];
  const rangees = useMemo(
    () => organiserRangees(cadre, document.actions, analyse.ok ? analyse.totaux : undefined),
    [cadre, document.actions, analyse],
  );
  const modifiees = useMemo(() => numerosModifies(document, saisies), [document, saisies]);
  const invalides = saisiesInvalides(saisies);
  const bloquants = controles.filter((controle) => controle.gravite === 'bloquant');
  const alertes = controles.filter((controle) => controle.gravite === 'alerte');
  /** Numéros des actions dans l'ordre affiché (cible du collage). */
  const numeros = rangees.flatMap((rangee) => (rangee.type === 'action' ? [rangee.action.numero] : []));
  const nbColonnes = colonnes.length + 1;

  useEffect(() => {
    if (!doitFocaliser.current) return;
    cellules.current.get(cleCellule(active.ligne, active.colonne))?.focus();
  }, [active, edition]);

  const deplacer = (ligne: number, colonne: number): void => {
    doitFocaliser.current = true;
    setActive({
      ligne: Math.min(Math.max(ligne, 0), rangees.length - 1),
      colonne: Math.min(Math.max(colonne, 0), nbColonnes - 1),
    });
  };

  const celluleSaisissable = (position: Position): { numero: string; colonne: ColonneGrille } | undefined => {
    const rangee = rangees[position.ligne];
    const colonne = colonnes[position.colonne - 1];
    if (
      lectureSeule ||
      rangee?.type !== 'action' ||
      colonne === undefined ||
      !colonne.editable ||
      !estSaisie(colonne.id)
    ) {
      return undefined;
    }
    return { numero: rangee.action.numero, colonne };
  };

  const commencerEdition = (texteInitial?: string): void => {
    const cible = celluleSaisissable(active);
    const rangee = rangees[active.ligne];
    if (cible === undefined || rangee?.type !== 'action' || !estSaisie(cible.colonne.id)) return;
    const valeur = valeurCellule(rangee.action, saisies, cible.colonne.id);
    doitFocaliser.current = true;
    setEdition({ texte: texteInitial ?? (valeur.ok ? texteEdition(valeur.centimes) : valeur.texte) });
  };

  /** Valide la saisie en cours ; rend `false` (et garde l'éditeur ouvert) si le texte n'est pas un montant. */
  const validerEdition = (): boolean => {
    if (edition === null) return true;
    const cible = celluleSaisissable(active);
    if (cible === undefined || !estSaisie(cible.colonne.id)) {
      setEdition(null);
      return true;
    }
    const saisie = lireTexte(edition.texte);
    if (!saisie.ok) {
      setEdition({ texte: edition.texte, erreur: `Montant illisible : ${saisie.raison}.` });
      return false;
    }
    setSaisies((precedentes) =>
      appliquerSaisie(
        precedentes,
        cible.numero,
        cible.colonne.id as Exclude<IdColonne, 'previsionnel.total'>,
        saisie,
      ),
    );
    setEdition(null);
    doitFocaliser.current = true;
    return true;
  };

  const surToucheEdition = (evenement: KeyboardEvent<HTMLInputElement>): void => {
    evenement.stopPropagation();
    if (evenement.key === 'Enter') {
      evenement.preventDefault();
      validerEdition();
    } else if (evenement.key === 'Escape') {
      evenement.preventDefault();
      doitFocaliser.current = true;
      setEdition(null);
    } else if (evenement.key === 'Tab') {
      evenement.preventDefault();
      if (validerEdition()) deplacer(active.ligne, active.colonne + (evenement.shiftKey ? -1 : 1));
    }
  };

  const surToucheGrille = (evenement: KeyboardEvent<HTMLTableElement>): void => {
    if (edition !== null) return;
    const { ligne, colonne } = active;
    const ctrl = evenement.ctrlKey || evenement.metaKey;
    const actions: Record<string, () => void> = {
      ArrowUp: () => deplacer(ligne - 1, colonne),
      ArrowDown: () => deplacer(ligne + 1, colonne),
      ArrowLeft: () => deplacer(ligne, colonne - 1),
      ArrowRight: () => deplacer(ligne, colonne + 1),
      Home: () => (ctrl ? deplacer(0, 0) : deplacer(ligne, 0)),
      End: () => (ctrl ? deplacer(rangees.length - 1, nbColonnes - 1) : deplacer(ligne, nbColonnes - 1)),
      PageUp: () => deplacer(ligne - 10, colonne),
      PageDown: () => deplacer(ligne + 10, colonne),
      Enter: () => commencerEdition(),
      F2: () => commencerEdition(),
      Delete: () => effacer(),
      Backspace: () => effacer(),
    };
    const action = actions[evenement.key];
    if (action !== undefined) {
      evenement.preventDefault();
      action();
    } else if (!ctrl && !evenement.altKey && DEBUT_SAISIE.test(evenement.key) && evenement.key !== ' ') {
      evenement.preventDefault();
      commencerEdition(evenement.key);
    }
  };

  const effacer = (): void => {
    const cible = celluleSaisissable(active);
    if (cible === undefined || !estSaisie(cible.colonne.id)) return;
    setSaisies((precedentes) =>
      appliquerSaisie(
        precedentes,
        cible.numero,
        cible.colonne.id as Exclude<IdColonne, 'previsionnel.total'>,
        { ok: true, centimes: 0 },
      ),
    );
  };

  const surCollage = (evenement: ClipboardEvent<HTMLTableElement>): void => {
    if (edition !== null || lectureSeule) return;
    evenement.preventDefault();
    const texte = evenement.clipboardData.getData('text/plain');
    const rangee = rangees[active.ligne];
    if (rangee?.type !== 'action' || active.colonne === 0) {
      setMessage({
        type: 'error',
        texte: "Pour coller un bloc, placez-vous d'abord sur une cellule de montant d'une action.",
      });
      return;
    }
    const resultat = collerBloc(
      saisies,
      numeros,
      colonnes,
      { ligne: numeros.indexOf(rangee.action.numero), colonne: active.colonne - 1 },
      lireBlocColle(texte),
    );
    if (!resultat.ok) {
      setMessage({ type: 'error', texte: resultat.raison });
      return;
    }
    setSaisies(resultat.saisies);
    const details = [
      `${resultat.cellules} cellule${resultat.cellules > 1 ? 's' : ''} collée${resultat.cellules > 1 ? 's' : ''}`,
      resultat.invalides > 0
        ? `${resultat.invalides} montant${resultat.invalides > 1 ? 's' : ''} illisible${resultat.invalides > 1 ? 's' : ''}, à corriger (en rouge)`
        : '',
      resultat.calculeesIgnorees > 0
        ? `${resultat.calculeesIgnorees} valeur${resultat.calculeesIgnorees > 1 ? 's' : ''} ignorée${resultat.calculeesIgnorees > 1 ? 's' : ''} ${executionSeule ? 'hors de l’exécution (prévisionnel en lecture seule)' : 'sur la colonne calculée (total)'}`
        : '',
    ].filter(Boolean);
    setMessage({ type: resultat.invalides > 0 ? 'error' : 'info', texte: `${details.join(' ; ')}.` });
  };

  const enregistrer = async (): Promise<void> => {
    setEnCours(true);
    try {
      const lignes = lignesModifiees(document, saisies, colonnes);
      if (!lignes.ok) {
        setMessage({ type: 'error', texte: lignes.raison });
        return;
      }
      const resultat = await onEnregistrer(lignes.lignes);
      if (resultat.ok) {
        setSaisies({});
        setMessage({
          type: 'success',
          texte: `${modifiees.length} ligne${modifiees.length > 1 ? 's' : ''} enregistrée${modifiees.length > 1 ? 's' : ''}.`,
        });
      } else {
        setMessage({ type: 'error', texte: `${resultat.message} Vos saisies sont conservées.` });
      }
    } catch (erreur) {
      setMessage({
        type: 'error',
        texte: `Enregistrement impossible : ${erreur instanceof Error ? erreur.message : String(erreur)}. Vos saisies sont conservées.`,
      });
    } finally {
      setEnCours(false);
    }
  };

  const raisonDepotImpossible = !analyse.ok
    ? 'Le tableau est hors format.'
    : bloquants.length > 0
      ? `Dépôt impossible : ${bloquants.length} contrôle${bloquants.length > 1 ? 's' : ''} bloquant${bloquants.length > 1 ? 's' : ''} à corriger.`
      : modifiees.length > 0
        ? 'Enregistrez vos modifications avant de déposer.'
        : undefined;
  const boutonDepot = onDeposer !== undefined || depotReserve !== undefined;
  const texteDepot =
    depotReserve === undefined
      ? (raisonDepotImpossible ?? 'Aucun contrôle bloquant : le tableau peut être déposé.')
      : `${depotReserve} ${raisonDepotImpossible ?? 'Aucun contrôle bloquant : le valideur peut déposer le tableau.'}`;

  const rendreCellule = (
    rangee: Rangee,
    indexRangee: number,
    colonne: ColonneGrille,
    indexColonne: number,
    ligneTotal: Ligne | undefined,
  ) => {
    const position = indexColonne + 1;
    const estActive = active.ligne === indexRangee && active.colonne === position;
    const proprietes = {
      role: 'gridcell',
      'aria-colindex': position + 1,
      tabIndex: estActive && edition === null ? 0 : -1,
      ref: (element: HTMLElement | null) => {
        if (element) cellules.current.set(cleCellule(indexRangee, position), element);
      },
      onClick: () => deplacer(indexRangee, position),
      onDoubleClick: () => {
        deplacer(indexRangee, position);
        if (rangee.type === 'action') commencerEdition();
      },
    };
    if (rangee.type === 'total' || ligneTotal !== undefined) {
      const ligne = ligneTotal;
      const [groupe, cle] = colonne.id.split('.') as ['previsionnel' | 'execution', string];
      const valeur = ligne === undefined ? 0 : ((ligne[groupe] as Record<string, number>)[cle] ?? 0);
      return (
        <td key={colonne.id} {...proprietes} className="jalon-grille__montant" aria-readonly="true">
          {libelleMontant(valeur)}
        </td>
      );
    }
    const action = rangee.action;
    const lies: ControleIndexe[] = controlesDeCellule(controles, action.numero, colonne.id);
    let saisie: Saisie | undefined;
    let affichage: string;
    if (estSaisie(colonne.id)) {
      saisie = valeurCellule(action, saisies, colonne.id);
      affichage = saisie.ok ? libelleMontant(saisie.centimes) : saisie.texte;
    } else {
      const total = analyse.ok ? analyse.totaux.actions.get(action.numero)?.previsionnel.total : undefined;
      affichage = total === undefined ? '—' : libelleMontant(total);
    }
    const idErreurSaisie = `saisie-${action.numero}-${colonne.id}`;
    const enErreur = (saisie !== undefined && !saisie.ok) || lies.length > 0;
    const decrits = [
      ...(saisie !== undefined && !saisie.ok ? [idErreurSaisie] : []),
      ...lies.map(({ index }) => `controle-${index}-${action.numero}`),
    ];
    const modifiee =
      saisies[action.numero]?.[colonne.id as Exclude<IdColonne, 'previsionnel.total'>] !== undefined;
    if (estActive && edition !== null) {
      const idErreurEdition = `edition-${action.numero}-${colonne.id}`;
      return (
        <td
          key={colonne.id}
          role="gridcell"
          aria-colindex={position + 1}
          className="jalon-grille__montant jalon-grille__edition"
        >
          <input
            ref={(element) => {
              if (element) cellules.current.set(cleCellule(indexRangee, position), element);
            }}
            className="fr-input"
            aria-label={`${colonne.libelle}, action ${action.numero}`}
            aria-invalid={edition.erreur !== undefined}
            aria-describedby={edition.erreur !== undefined ? idErreurEdition : undefined}
            value={edition.texte}
            inputMode="decimal"
            onChange={(evenement) => setEdition({ texte: evenement.target.value })}
            onKeyDown={surToucheEdition}
            onBlur={() => {
              if (edition.erreur === undefined) validerEdition();
            }}
          />
          {edition.erreur !== undefined && (
            <p id={idErreurEdition} className="fr-error-text">
              {edition.erreur}
            </p>
          )}
        </td>
      );
    }
    return (
      <td
        key={colonne.id}
        {...proprietes}
        className={`jalon-grille__montant${enErreur ? ' jalon-grille__cellule--erreur' : ''}${modifiee ? ' jalon-grille__cellule--modifiee' : ''}`}
        aria-invalid={enErreur || undefined}
        aria-readonly={!colonne.editable || lectureSeule || undefined}
        aria-describedby={decrits.length > 0 ? decrits.join(' ') : undefined}
      >
        {affichage}
        {saisie !== undefined && !saisie.ok && (
          <span id={idErreurSaisie} className="fr-sr-only">
            Montant illisible : {saisie.raison}
          </span>
        )}
      </td>
    );
  };

  let indexAria = 2; // deux lignes d'en-tête
  const lignesHtml = rangees.flatMap((rangee, indexRangee) => {
    const lignes = [];
    const estActiveEntete = active.ligne === indexRangee && active.colonne === 0;
    const proprietesEntete = {
      role: 'rowheader',
      'aria-colindex': 1,
      tabIndex: estActiveEntete ? 0 : -1,
      ref: (element: HTMLElement | null) => {
        if (element) cellules.current.set(cleCellule(indexRangee, 0), element);
      },
      onClick: () => deplacer(indexRangee, 0),
    };
    indexAria += 1;
    if (rangee.type === 'total') {
      lignes.push(
        <tr
          key={`total-${rangee.libelle}`}
          role="row"
          aria-rowindex={indexAria}
          className={`jalon-grille__total jalon-grille__total--${rangee.niveau}`}
        >
          <th scope="row" {...proprietesEntete}>
            {rangee.libelle}
            {rangee.ecart === true && (
              <span className="fr-error-text">
                Écart entre la somme des lignes et celle des sous-totaux : une action n'entre dans aucun
                sous-total.
              </span>
            )}
          </th>
          {colonnes.map((colonne, i) => rendreCellule(rangee, indexRangee, colonne, i, rangee.ligne))}
        </tr>,
      );
      return lignes;
    }
    const { action } = rangee;
    const liesIntitule = controlesDeCellule(controles, action.numero, undefined);
    const tousLies = controles
      .map((controle, index) => ({ controle, index }))
      .filter(({ controle }) => controle.actions.includes(action.numero));
    lignes.push(
      <tr key={`action-${action.numero}`} role="row" aria-rowindex={indexAria}>
        <th
          scope="row"
          {...proprietesEntete}
          aria-invalid={liesIntitule.length > 0 || undefined}
          aria-describedby={
            liesIntitule.length > 0
              ? liesIntitule.map(({ index }) => `controle-${index}-${action.numero}`).join(' ')
              : undefined
          }
        >
          <span className="jalon-grille__numero">{action.numero}</span> {action.intitule}
        </th>
        {colonnes.map((colonne, i) => rendreCellule(rangee, indexRangee, colonne, i, undefined))}
      </tr>,
    );
    if (tousLies.length > 0) {
      indexAria += 1;
      lignes.push(
        <tr
          key={`controles-${action.numero}`}
          role="row"
          aria-rowindex={indexAria}
          className="jalon-grille__controles"
        >
          <td role="gridcell" colSpan={nbColonnes} aria-colindex={1}>
            <ul>
              {tousLies.map(({ controle, index }) => (
                <li
                  key={index}
                  id={`controle-${index}-${action.numero}`}
                  className={`jalon-controle jalon-controle--${controle.gravite}`}
                >
                  <strong>{controle.gravite === 'bloquant' ? 'Bloquant' : 'Alerte'}</strong> —{' '}
                  {controle.message}{' '}
                  <span className="jalon-controle__source">
                    (source : {controle.source} ; contrôle {controle.code})
                  </span>
                </li>
              ))}
            </ul>
          </td>
        </tr>,
      );
    }
    return lignes;
  });

  const groupes = [
    {
      libelle: `Prévisionnel ${document.exercice}`,
      taille: colonnes.filter((c) => c.groupe === 'previsionnel').length,
    },
    {
      libelle: `Exécution ${document.exercice}`,
      taille: colonnes.filter((c) => c.groupe === 'execution').length,
    },
  ];
  const controlesConvention = controles
    .map((controle, index) => ({ controle, index }))
    .filter(({ controle }) => CONTROLES_DE_CONVENTION.has(controle.code));

  return (
    <section className="jalon-grille" aria-labelledby="titre-tableau-financier">
      <h2 id="titre-tableau-financier">Tableau financier {document.exercice}</h2>
      <p className="fr-text--sm" id="aide-grille">
        Flèches pour se déplacer, Entrée ou F2 pour modifier un montant, Entrée pour valider, Échap pour
        annuler, Tab pour valider et passer à la cellule suivante. Vous pouvez coller un bloc copié d'un
        tableur (Ctrl+V) à partir de la cellule active. Montants en euros (« 1 234,56 » ou « 1234.56 »).
      </p>
      {executionSeule && !lectureSeule && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="aide-execution">
          <p>{TEXTE_EXECUTION_SEULE}</p>
        </div>
      )}
      {!analyse.ok && (
        <Alert
          severity="error"
          title="Tableau hors format"
          description={
            <ul>
              {analyse.erreurs.map((erreur) => (
                <li key={`${erreur.chemin}-${erreur.raison}`}>
                  {erreur.chemin === '' ? '' : `${erreur.chemin} : `}
                  {erreur.raison}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <div role="status" aria-live="polite" className="jalon-grille__message">
        {message !== null && message.type !== 'error' && (
          <AlerteCourte type={message.type} texte={message.texte} />
        )}
      </div>
      <div role="alert" className="jalon-grille__message">
        {message !== null && message.type === 'error' && <AlerteCourte type="error" texte={message.texte} />}
      </div>
      <div className="fr-table jalon-grille__conteneur">
        <table
          role="grid"
          aria-labelledby="titre-tableau-financier"
          aria-describedby={executionSeule && !lectureSeule ? 'aide-grille aide-execution' : 'aide-grille'}
          aria-rowcount={indexAria}
          aria-colcount={nbColonnes}
          onKeyDown={surToucheGrille}
          onPaste={surCollage}
        >
          <thead>
            <tr role="row" aria-rowindex={1}>
              <td aria-colindex={1} />
              {groupes.map((groupe, i) => (
                <th
                  key={groupe.libelle}
                  scope="colgroup"
                  colSpan={groupe.taille}
                  role="columnheader"
                  aria-colindex={i === 0 ? 2 : 2 + (groupes[0]?.taille ?? 0)}
                >
                  {groupe.libelle}
                </th>
              ))}
            </tr>
            <tr role="row" aria-rowindex={2}>
              <th scope="col" role="columnheader" aria-colindex={1}>
                Fiche action
              </th>
              {colonnes.map((colonne, i) => (
                <th
                  key={colonne.id}
                  scope="col"
                  role="columnheader"
                  aria-colindex={i + 2}
                  title={`${colonne.intitule} (${colonne.source})`}
                >
                  {colonne.lettre !== undefined && (
                    <span className="jalon-grille__lettre">{colonne.lettre} </span>
                  )}
                  {colonne.libelle}
                  <span className="fr-sr-only"> — {colonne.intitule}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{lignesHtml}</tbody>
        </table>
      </div>
      {controlesConvention.length > 0 && (
        <div className="jalon-grille__controles-convention">
          <h3>Contrôles de la convention</h3>
          <ul>
            {controlesConvention.map(({ controle, index }) => (
              <li key={index} className={`jalon-controle jalon-controle--${controle.gravite}`}>
                <strong>{controle.gravite === 'bloquant' ? 'Bloquant' : 'Alerte'}</strong> —{' '}
                {controle.message}{' '}
                <span className="jalon-controle__source">
                  (source : {controle.source} ; contrôle {controle.code})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="jalon-grille__bilan" aria-live="polite">
        {bloquants.length === 0 && alertes.length === 0
          ? 'Aucun contrôle en défaut.'
          : `${bloquants.length} contrôle${bloquants.length > 1 ? 's' : ''} bloquant${bloquants.length > 1 ? 's' : ''}, ${alertes.length} alerte${alertes.length > 1 ? 's' : ''}.`}
        {invalides.length > 0 &&
          ` ${invalides.length} montant${invalides.length > 1 ? 's' : ''} illisible${invalides.length > 1 ? 's' : ''} à corriger.`}
      </p>
      {!lectureSeule && (
        <div className="fr-btns-group fr-btns-group--inline-md">
          <Button
            onClick={() => void enregistrer()}
            disabled={enCours || modifiees.length === 0 || invalides.length > 0}
          >
            {enCours
              ? 'Enregistrement…'
              : `Enregistrer${modifiees.length > 0 ? ` (${modifiees.length} ligne${modifiees.length > 1 ? 's' : ''})` : ''}`}
          </Button>
          <Button
            priority="secondary"
            onClick={() => {
              setSaisies({});
              setMessage(null);
            }}
            disabled={enCours || Object.keys(saisies).length === 0}
          >
            Annuler les modifications
          </Button>
          {boutonDepot && (
            <Button
              priority="secondary"
              onClick={onDeposer}
              disabled={onDeposer === undefined || raisonDepotImpossible !== undefined}
              nativeButtonProps={{ 'aria-describedby': 'raison-depot' }}
            >
              Déposer
            </Button>
          )}
        </div>
      )}
      {boutonDepot && !lectureSeule && (
        <p id="raison-depot" className="fr-text--sm">
          {texteDepot}
        </p>
      )}
    </section>
  );
}
