import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { CODES_CADRE } from '@jalon/referentiels';
import { enveloppeSchema } from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { Chargement } from '../composants/Chargement.tsx';
import { euros } from '../composants/format.ts';
import { useDonnees } from '../composants/useDonnees.ts';
import { useTitre } from '../composants/useTitre.ts';
import { lireSaisieMontant } from '../grille/nombres.ts';
import { SectionOutreMer } from './PageEnveloppesOutreMer.tsx';
import { SectionSimulation } from './PageEnveloppesSimulation.tsx';

/** Clé de répartition saisie, une collectivité par ligne : `departement:44;1250` (identifiant ; poids entier). */
export function lireCles(texte: string): {
  cles: { collectivite_id: string; poids: number }[];
  erreurs: string[];
} {
  const cles: { collectivite_id: string; poids: number }[] = [];
  const erreurs: string[] = [];
  texte.split(/\r?\n/).forEach((ligne, i) => {
    if (ligne.trim() === '') return;
    const [id = '', poids = ''] = ligne.split(';').map((x) => x.trim());
    const n = Number(poids);
    if (id === '' || !Number.isSafeInteger(n) || n < 0)
      erreurs.push(`Ligne ${i + 1} : « identifiant;poids entier » attendu, reçu « ${ligne} ».`);
    else cles.push({ collectivite_id: id, poids: n });
  });
  return { cles, erreurs };
}

/**
 * Enveloppes (issue 6 § 5) : montants notifiés par collectivité ; le national fixe l'enveloppe et la clé ; le
 * commissaire (ou le national) simule les réfactions d'une région, la part maintenue en région (≥ 80 %) et les
 * projets régionaux qu'il y finance ; l'État fixe la part conservée outre-mer (001 · I.4).
 */
export function PageEnveloppes() {
  useTitre('Enveloppes');
  const { session } = useSession();
  const u = session?.utilisateur ?? null;
  const [cadre, setCadre] = useState<string>('calpae-2023');
  const [exercice, setExercice] = useState(2023);
  const chemin = `/api/enveloppes/${cadre}/${exercice}`;
  const enveloppe = useDonnees(() => appeler('GET', chemin, enveloppeSchema), [chemin]);
  const [montant, setMontant] = useState('');
  const [cles, setCles] = useState('');
  const [message, setMessage] = useState<{ severite: 'success' | 'error'; texte: string } | null>(null);

  if (enveloppe.etat === 'chargement') return <Chargement />;
  if (enveloppe.etat === 'erreur')
    return <Alert severity="error" title="Enveloppes indisponibles" description={enveloppe.message} />;
  const e = enveloppe.donnees;
  const region = u?.territoire.type === 'region' ? u.territoire.code : undefined;

  const enregistrer = async () => {
    const m = lireSaisieMontant(montant);
    const lues = lireCles(cles);
    if (!m.ok || lues.erreurs.length > 0) {
      setMessage({
        severite: 'error',
        texte: [...(m.ok ? [] : [`Montant : ${m.raison}`]), ...lues.erreurs].join(' '),
      });
      return;
    }
    try {
      enveloppe.remplacer(
        await appeler('PUT', chemin, enveloppeSchema, { montant: m.centimes, cles: lues.cles }),
      );
      setMessage({ severite: 'success', texte: 'Enveloppe répartie et enregistrée.' });
    } catch (err) {
      setMessage({ severite: 'error', texte: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <>
      <h1>Enveloppes</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-6">
          <Select
            label="Cadre"
            nativeSelectProps={{ value: cadre, onChange: (ev) => setCadre(ev.target.value) }}
          >
            {CODES_CADRE.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6">
          <Input
            label="Exercice"
            nativeInputProps={{
              type: 'number',
              value: exercice,
              min: 2019,
              max: 2030,
              onChange: (ev) => setExercice(Number(ev.target.value)),
            }}
          />
        </div>
      </div>
      {message !== null && (
        <Alert className="fr-mb-2w" severity={message.severite} small description={message.texte} />
      )}
      <p>
        Enveloppe nationale : <strong>{e.montant === null ? 'non fixée' : euros(e.montant)}</strong> ; notifié
        : {euros(e.total_notifie)} ; reliquat : {euros(e.reliquat)}.
      </p>
      {e.erreurs.map((x) => (
        <Alert key={x} severity="error" small description={x} />
      ))}
      <div className="fr-table fr-table--sm">
        <table>
          <caption>Montants notifiés par collectivité</caption>
          <thead>
            <tr>
              <th scope="col">Collectivité</th>
              <th scope="col">Région</th>
              <th scope="col">Clé</th>
              <th scope="col">Montant notifié</th>
            </tr>
          </thead>
          <tbody>
            {e.notifications.map((n) => (
              <tr key={n.collectivite_id}>
                <th scope="row">
                  {n.nom}
                  {n.outre_mer && ' (outre-mer, article 73 : voir la part conservée par l’État, 001 · I.4)'}
                </th>
                <td>{n.region ?? '—'}</td>
                <td className="jalon-nombre">{n.poids.toLocaleString('fr-FR')}</td>
                <td className="jalon-nombre">{euros(n.montant)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {e.peut_modifier && (
        <section>
          <h2>Fixer l’enveloppe nationale</h2>
          <Input
            label="Montant de l’enveloppe (€)"
            nativeInputProps={{ value: montant, onChange: (ev) => setMontant(ev.target.value) }}
          />
          <Input
            label="Clé de répartition"
            hintText="Une collectivité par ligne : identifiant;poids entier (ex. departement:44;1250)."
            textArea
            nativeTextAreaProps={{ value: cles, rows: 6, onChange: (ev) => setCles(ev.target.value) }}
          />
          <Button onClick={() => void enregistrer()}>Répartir et enregistrer</Button>
        </section>
      )}
      <SectionOutreMer
        key={`om-${chemin}`}
        enveloppe={e}
        chemin={chemin}
        surEnregistrement={enveloppe.remplacer}
      />
      <SectionSimulation
        key={`sim-${chemin}`}
        enveloppe={e}
        chemin={chemin}
        regionDuCompte={region}
        national={u?.role === 'national'}
      />
    </>
  );
}
