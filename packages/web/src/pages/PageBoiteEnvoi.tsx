import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { boiteEnvoiSchema } from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { Chargement } from '../composants/Chargement.tsx';
import { dateHeure } from '../composants/format.ts';
import { useDonnees } from '../composants/useDonnees.ts';
import { useTitre } from '../composants/useTitre.ts';

/**
 * Boîte d'envoi des rappels d'échéance (issue 6 § 2) : en démonstration, les courriels sont enregistrés ici au
 * lieu de partir par SMTP ; chaque compte y voit ceux qui lui sont adressés (l'administration centrale, tous).
 */
export function PageBoiteEnvoi() {
  useTitre("Boîte d'envoi");
  const boite = useDonnees(() => appeler('GET', '/api/rappels/boite', boiteEnvoiSchema), []);
  return (
    <>
      <h1>Boîte d’envoi</h1>
      <p>
        Rappels d’échéance envoyés à votre compte (un seul par échéance et par palier : proche, dépassée).
      </p>
      {boite.etat === 'chargement' && <Chargement texte="Chargement des courriels…" />}
      {boite.etat === 'erreur' && (
        <Alert severity="error" title="Boîte indisponible" description={boite.message} />
      )}
      {boite.etat === 'pret' &&
        (boite.donnees.courriels.length === 0 ? (
          <p>Aucun courriel.</p>
        ) : (
          <ul className="fr-raw-list">
            {boite.donnees.courriels.map((c) => (
              <li key={c.id} className="fr-mb-2w">
                <details>
                  <summary>
                    <strong>{c.sujet}</strong> — à {c.destinataire}
                    {c.envoye_le === null ? ' (non envoyé)' : `, le ${dateHeure(c.envoye_le)}`}
                    {c.transport === 'boite' ? ' (démonstration)' : ' (SMTP)'}
                  </summary>
                  <pre style={{ whiteSpace: 'pre-wrap' }}>{c.corps}</pre>
                </details>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
