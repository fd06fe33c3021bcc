import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { LIBELLES_STATUTS, type StatutConvention } from '@jalon/schemas';

/**
 * État d'une convention dans son cycle de vie (issue 6 § 1) : couleur et libellé ; le libellé seul suffit à le
 * comprendre (la couleur n'est qu'un repère).
 */
const SEVERITES: Readonly<Record<StatutConvention, 'info' | 'new' | 'success' | 'warning' | undefined>> = {
  brouillon: undefined,
  en_negociation: 'info',
  validee_conjointement: 'new',
  deliberee: 'new',
  signee: 'success',
  en_execution: 'success',
  rapport_depose: 'warning',
  analysee: 'warning',
  cloturee: undefined,
};

export function BadgeStatut({ statut }: { readonly statut: StatutConvention }) {
  const severite = SEVERITES[statut];
  return (
    <Badge small {...(severite === undefined ? {} : { severity: severite })} noIcon>
      {LIBELLES_STATUTS[statut]}
    </Badge>
  );
}
