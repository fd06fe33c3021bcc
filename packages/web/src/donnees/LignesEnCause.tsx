/** Tableau des lignes refusées : fichier, ligne, colonne, raison (les 200 premières, le reste compté). */
export function LignesEnCause({
  lignes,
  titre,
  nombre,
}: {
  readonly lignes: readonly {
    readonly fichier?: string;
    readonly ligne: number;
    readonly colonne: string | null;
    readonly raison: string;
  }[];
  readonly titre: string;
  readonly nombre?: number;
}) {
  if (lignes.length === 0) return null;
  return (
    <div className="fr-table fr-table--sm">
      <table tabIndex={0}>
        <caption>
          {titre}
          {nombre !== undefined && nombre > lignes.length
            ? ` (${lignes.length} premières sur ${nombre})`
            : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Fichier</th>
            <th scope="col">Ligne</th>
            <th scope="col">Colonne</th>
            <th scope="col">Raison</th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l, k) => (
            <tr key={k}>
              <td>{l.fichier ?? ''}</td>
              <td className="jalon-nombre">{l.ligne}</td>
              <td>{l.colonne ?? '—'}</td>
              <td>{l.raison}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
