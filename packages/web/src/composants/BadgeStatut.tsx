import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { LIBELLES_STATUTS, type StatutConvention } from '@jalon/schemas';

/** Statut d'une convention (INT-PLATEFORME-2) : couleur et libellé ; le libellé seul suffit à le comprendre. */
const SEVERITES: Readonly<Record<StatutConvention, 'info' | 'new' | 'success' | undefined>> = {
  brouillon: undefined,
  en_negociation: 'info',
  deposee: 'new',
  validee: 'success',
};

export function BadgeStatut({ statut }: { readonly statut: StatutConvention }) {
  const severite = SEVERITES[statut];
  return (
    <Badge small {...(severite === undefined ? {} : { severity: severite })} noIcon>
      {LIBELLES_STATUTS[statut]}
    </Badge>
  );
}
