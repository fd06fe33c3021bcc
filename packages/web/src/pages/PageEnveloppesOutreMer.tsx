import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { enveloppeSchema, type EnveloppeApi, type PartOutreMerApi } from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { euros } from '../composants/format.ts';
import { lireSaisieMontant } from '../grille/nombres.ts';

interface Saisie {
  creditsSocle: string;
  conserveSocle: string;
  conserveInitiatives: string;
  concertation: string;
  motif: string;
}

const VIDE: Saisie = {
  creditsSocle: '',
  conserveSocle: '',
  conserveInitiatives: '',
  concertation: '',
  motif: '',
};

/** La saisie reprend la décision enregistrée (ou, sans décision, tout le notifié en crédits socles). */
function saisieDe(p: PartOutreMerApi): Saisie {
  const enEuros = (c: number) => (c / 100).toFixed(2).replace('.', ',');
  const d = p.decision;
  // Sans décision : la proposition tirée de la convention de la collectivité, sinon tout le notifié.
  if (d === null) {
    return { ...VIDE, creditsSocle: enEuros(p.proposition_credits_socle ?? p.montant_notifie) };
  }
  return {
    creditsSocle: enEuros(d.credits_socle),
    conserveSocle: enEuros(d.conserve_socle),
    conserveInitiatives: enEuros(d.conserve_initiatives),
    concertation: d.concertation_le,
    motif: d.motif,
  };
}

/**
 * Outre-mer (001 · I.4 ; annexe 4 § 2) : dans une collectivité régie par l'article 73 de la Constitution, l'État
 * peut conserver, après concertation, une partie des crédits socles et/ou des initiatives pour ses propres
 * actions. Tableau des collectivités notifiées ; formulaire pour le commissaire de la région et le national.
 */
export function SectionOutreMer({
  enveloppe,
  chemin,
  surEnregistrement,
}: {
  readonly enveloppe: EnveloppeApi;
  readonly chemin: string;
  readonly surEnregistrement: (e: EnveloppeApi) => void;
}) {
  const modifiables = enveloppe.outre_mer.filter((p) => p.peut_modifier);
  const premiere = modifiables[0];
  const [choisie, setChoisie] = useState<string>(premiere?.collectivite_id ?? '');
  const [saisie, setSaisie] = useState<Saisie>(() => (premiere === undefined ? VIDE : saisieDe(premiere)));
  const [message, setMessage] = useState<{ severite: 'success' | 'error'; textes: string[] } | null>(null);

  if (!enveloppe.outre_mer_applicable) return null;
  const courante = modifiables.find((p) => p.collectivite_id === choisie) ?? modifiables[0];

  const choisir = (id: string) => {
    setChoisie(id);
    const p = modifiables.find((x) => x.collectivite_id === id);
    setSaisie(p === undefined ? VIDE : saisieDe(p));
    setMessage(null);
  };
  const champ = (nom: keyof Saisie) => (ev: { target: { value: string } }) =>
    setSaisie({ ...saisie, [nom]: ev.target.value });

  const enregistrer = async () => {
    if (courante === undefined) return;
    const lus = [
      ['Crédits socles', saisie.creditsSocle],
      ['Part socle conservée', saisie.conserveSocle],
      ['Part initiatives conservée', saisie.conserveInitiatives],
    ].map(([nom, brut]) => ({ nom, lu: lireSaisieMontant(brut ?? '') }));
    const fautes = lus.flatMap(({ nom, lu }) => (lu.ok ? [] : [`${nom} : ${lu.raison}`]));
    if (fautes.length > 0) {
      setMessage({ severite: 'error', textes: fautes });
      return;
    }
    const [socle, garde, gardeInit] = lus.map(({ lu }) => (lu.ok ? lu.centimes : 0));
    try {
      const e = await appeler(
        'PUT',
        `${chemin}/outre-mer/${encodeURIComponent(courante.collectivite_id)}`,
        enveloppeSchema,
        {
          credits_socle: socle,
          conserve_socle: garde,
          conserve_initiatives: gardeInit,
          concertation_le: saisie.concertation === '' ? null : saisie.concertation,
          motif: saisie.motif,
        },
      );
      surEnregistrement(e);
      setMessage({ severite: 'success', textes: [`Part conservée enregistrée pour ${courante.nom}.`] });
    } catch (err) {
      setMessage({ severite: 'error', textes: [err instanceof Error ? err.message : String(err)] });
    }
  };

  return (
    <section className="fr-mt-6w" aria-labelledby="titre-outre-mer">
      <h2 id="titre-outre-mer">Outre-mer : part conservée par l’État (001 · I.4)</h2>
      <p>
        Dans les collectivités régies par l’article 73 de la Constitution, l’État peut, après concertation
        avec la collectivité, conserver une partie des crédits socles et/ou des initiatives pour ses propres
        actions. Le montant notifié se répartit entre crédits socles et crédits des initiatives.
      </p>
      {enveloppe.outre_mer.length === 0 ? (
        <p>Aucune collectivité de l’article 73 n’a de montant notifié pour ce cadre et cet exercice.</p>
      ) : (
        <div className="fr-table fr-table--sm">
          <table>
            <caption>Collectivités de l’article 73 : crédits notifiés, conservés et versés</caption>
            <thead>
              <tr>
                <th scope="col">Collectivité</th>
                <th scope="col">Notifié</th>
                <th scope="col">Crédits socles</th>
                <th scope="col">Crédits des initiatives</th>
                <th scope="col">Conservé (socles)</th>
                <th scope="col">Conservé (initiatives)</th>
                <th scope="col">Versé</th>
                <th scope="col">Concertation, motif</th>
              </tr>
            </thead>
            <tbody>
              {enveloppe.outre_mer.map((p) => (
                <tr key={p.collectivite_id} data-testid={`outre-mer-${p.collectivite_id}`}>
                  <th scope="row">{p.nom}</th>
                  <td className="jalon-nombre">{euros(p.montant_notifie)}</td>
                  <td className="jalon-nombre">
                    {p.decision === null ? '—' : euros(p.decision.credits_socle)}
                  </td>
                  <td className="jalon-nombre">
                    {p.decision === null ? '—' : euros(p.decision.credits_initiatives)}
                  </td>
                  <td className="jalon-nombre">{euros(p.decision?.conserve_socle ?? 0)}</td>
                  <td className="jalon-nombre">{euros(p.decision?.conserve_initiatives ?? 0)}</td>
                  <td className="jalon-nombre">{euros(p.verse)}</td>
                  <td>
                    {p.decision === null
                      ? 'Aucune part conservée.'
                      : `Concertation du ${p.decision.concertation_le} : ${p.decision.motif} (${p.decision.modifiee_par})`}
                    {p.a_revoir.map((x) => (
                      <Alert key={x} severity="warning" small description={x} />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {courante !== undefined && (
        <form
          aria-labelledby="titre-part-conservee"
          onSubmit={(ev) => {
            ev.preventDefault();
            void enregistrer();
          }}
        >
          <h3 id="titre-part-conservee">Fixer la part conservée</h3>
          <Select
            label="Collectivité"
            nativeSelectProps={{
              value: courante.collectivite_id,
              onChange: (ev) => choisir(ev.target.value),
            }}
          >
            {modifiables.map((p) => (
              <option key={p.collectivite_id} value={p.collectivite_id}>
                {p.nom} — notifié {euros(p.montant_notifie)}
              </option>
            ))}
          </Select>
          <Input
            label="Crédits socles (€)"
            hintText={
              `Part du montant notifié (${euros(courante.montant_notifie)}) dédiée aux engagements socles ; le reste va aux initiatives.` +
              (courante.proposition_credits_socle === null
                ? ''
                : ` D'après la convention de la collectivité (crédits État prévus) : ${euros(courante.proposition_credits_socle)}.`)
            }
            nativeInputProps={{
              value: saisie.creditsSocle,
              onChange: champ('creditsSocle'),
              inputMode: 'decimal',
            }}
          />
          <Input
            label="Part des crédits socles conservée par l’État (€)"
            nativeInputProps={{
              value: saisie.conserveSocle,
              onChange: champ('conserveSocle'),
              inputMode: 'decimal',
            }}
          />
          <Input
            label="Part des crédits des initiatives conservée par l’État (€)"
            nativeInputProps={{
              value: saisie.conserveInitiatives,
              onChange: champ('conserveInitiatives'),
              inputMode: 'decimal',
            }}
          />
          <Input
            label="Date de la concertation avec la collectivité"
            hintText="Obligatoire et préalable à la décision (001 · I.4)."
            nativeInputProps={{ type: 'date', value: saisie.concertation, onChange: champ('concertation') }}
          />
          <Input
            label="Motif"
            textArea
            nativeTextAreaProps={{ value: saisie.motif, rows: 3, onChange: champ('motif') }}
          />
          {message !== null && (
            // L'alerte DSFR porte déjà role="alert" : pas de seconde région vivante autour.
            <div className="fr-mb-2w">
              <Alert
                severity={message.severite}
                small
                description={
                  message.textes.length === 1 ? (
                    (message.textes[0] ?? '')
                  ) : (
                    <ul>
                      {message.textes.map((t) => (
                        <li key={t}>{t}</li>
                      ))}
                    </ul>
                  )
                }
              />
            </div>
          )}
          <Button type="submit">Enregistrer la part conservée</Button>
        </form>
      )}
    </section>
  );
}
