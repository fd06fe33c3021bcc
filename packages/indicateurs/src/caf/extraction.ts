/**
 * Extraction, au fil du flux validé, des seuls champs utiles au calcul des situations mensuelles
 * (shared/reference/caf-flux/README.md § 3) : un `FoyerCaf` par bloc `InfosFoyerRSA`, transmis dès sa fermeture
 * puis oublié. Données personnelles minimales (DESIGN.md, principe 6) : le NIR (ou, à défaut, nom de naissance,
 * prénom, date et rang de naissance) ne vit que le temps de la fermeture du bloc `Personne`, où il est remplacé
 * par son pseudonyme ; noms, adresses et ressources ne sont jamais lus.
 */
import type { Observateur } from './validateur.ts';

export interface EnteteFlux {
  readonly applieme: string;
  /** `M` mensuel, `I` infra-mensuel (quotidien), `R` reprise (README § 3.1). */
  readonly typeFlux: string;
  readonly natFlux: string;
  /** AAAA-MM-JJ. */
  readonly dateCreation: string;
  readonly heureCreation: string;
  /** AAAA-MM-JJ : le mois de DTREF est le mois décrit (README § 3.1). */
  readonly dateReference: string;
}

export interface PersonneCaf {
  /** Pseudonyme (HMAC) des 13 premiers caractères du NIR, ou des éléments d'état civil à défaut (INT-DONNEES-3). */
  readonly id: string;
  readonly sansNir: boolean;
  /** ROLEPERS du bloc `Prestations` dont NATPREST = RSA : DEM, CJT, ENF, AUT, RDO. */
  readonly role: string | null;
  /** TOPPERSDRODEVORSA ; `null` si le bloc `MontantCalculDroitRSAPersonne` est absent (README § 3.6). */
  readonly sdd: boolean | null;
}

export interface FoyerCaf {
  /** Pseudonyme de FONORG + NUMORG + MATRICULE (clé du dossier, README § 3.2). */
  readonly dossier: string;
  readonly fonorg: string;
  readonly dateDemande: string;
  readonly etat: string;
  readonly motifSuspensionDroit: string | null;
  readonly dateSuspensionDroit: string | null;
  readonly motifSuspensionVersement: string | null;
  readonly dateSuspensionVersement: string | null;
  readonly motifCloture: string | null;
  readonly dateCloture: string | null;
  readonly motifRefus: string | null;
  readonly personnes: readonly PersonneCaf[];
}

type Modifiable<T> = { -readonly [K in keyof T]: T[K] };

const IFR = 'InfosFoyerRSA';
const SITUATION = `${IFR}/PrestationRSA/SituationDossierRSA`;

const vide = (): Modifiable<Omit<FoyerCaf, 'dossier' | 'personnes'>> & {
  numorg: string;
  matricule: string;
} => ({
  fonorg: '',
  numorg: '',
  matricule: '',
  dateDemande: '',
  etat: '',
  motifSuspensionDroit: null,
  dateSuspensionDroit: null,
  motifSuspensionVersement: null,
  dateSuspensionVersement: null,
  motifCloture: null,
  dateCloture: null,
  motifRefus: null,
});

interface PersonneBrute {
  nir: string;
  etatCivil: string[];
  natprest: string;
  role: string | null;
  sdd: boolean | null;
}

const booleen = (v: string): boolean => v === '1' || v === 'true';

/**
 * Observateur du validateur : reçoit les valeurs par chemin et appelle `surFoyer` à la fin de chaque dossier.
 * `pseudonymiser` reçoit un identifiant (NIR tronqué à 13 caractères, ou clé de repli) et rend son pseudonyme.
 */
export class ExtracteurFlux implements Observateur {
  private entete: Partial<Modifiable<EnteteFlux>> = {};
  private foyer = vide();
  private personnes: PersonneCaf[] = [];
  private personne: PersonneBrute | null = null;
  private dossiersVus = 0;

  constructor(
    private readonly pseudonymiser: (identifiant: string) => string,
    private readonly surEntete: (e: EnteteFlux) => void,
    private readonly surFoyer: (f: FoyerCaf) => void,
  ) {}

  get nombreDossiers(): number {
    return this.dossiersVus;
  }

  ouvert(chemin: readonly string[]): void {
    const c = chemin.slice(1).join('/');
    if (c === IFR) {
      this.foyer = vide();
      this.personnes = [];
    } else if (c === `${IFR}/Personne`) {
      this.personne = { nir: '', etatCivil: [], natprest: '', role: null, sdd: null };
    }
  }

  valeur(chemin: readonly string[], v: string): void {
    const c = chemin.slice(1).join('/');
    const e = this.entete;
    const f = this.foyer;
    const p = this.personne;
    switch (c) {
      case 'IdentificationFlux/APPLIEME':
        e.applieme = v;
        return;
      case 'IdentificationFlux/TYPEFLUX':
        e.typeFlux = v;
        return;
      case 'IdentificationFlux/NATFLUX':
        e.natFlux = v;
        return;
      case 'IdentificationFlux/DTCREAFLUX':
        e.dateCreation = v.slice(0, 10);
        return;
      case 'IdentificationFlux/HEUCREAFLUX':
        e.heureCreation = v;
        return;
      case 'IdentificationFlux/DTREF':
        e.dateReference = v.slice(0, 10);
        return;
      case `${IFR}/IdentificationRSA/Organisme/FONORG`:
        f.fonorg = v;
        return;
      case `${IFR}/IdentificationRSA/Organisme/NUMORG`:
        f.numorg = v;
        return;
      case `${IFR}/IdentificationRSA/Organisme/MATRICULE`:
        f.matricule = v.replace(/^\+?0*/, '');
        return;
      case `${IFR}/IdentificationRSA/DemandeRSA/DTDEMRSA`:
        f.dateDemande = v.slice(0, 10);
        return;
      case `${SITUATION}/EtatDossierRSA/ETATDOSRSA`:
        f.etat = v;
        return;
      // Blocs répétables (0..n) : le premier est gardé, comme carnet-de-bord (README § 3.5).
      case `${SITUATION}/SuspensionDroit/MOTISUSDRORSA`:
        f.motifSuspensionDroit ??= v;
        return;
      case `${SITUATION}/SuspensionDroit/DDSUSDRORSA`:
        f.dateSuspensionDroit ??= v.slice(0, 10);
        return;
      case `${SITUATION}/SuspensionVersement/MOTISUSVERSRSA`:
        f.motifSuspensionVersement ??= v;
        return;
      case `${SITUATION}/SuspensionVersement/DDSUSVERSRSA`:
        f.dateSuspensionVersement ??= v.slice(0, 10);
        return;
      // FinDroit d'abord, FinDroitMoisAnterieur à défaut (README § 3.5) : FinDroit précède dans la séquence.
      case `${SITUATION}/FinDroit/MOTICLORSA`:
      case `${SITUATION}/FinDroitMoisAnterieur/MOTICLORSA`:
        f.motifCloture ??= v;
        return;
      case `${SITUATION}/FinDroit/DTCLORSA`:
      case `${SITUATION}/FinDroitMoisAnterieur/DTCLORSA`:
        f.dateCloture ??= v.slice(0, 10);
        return;
      case `${SITUATION}/Refus/MOTIREFURSA`:
        f.motifRefus = v;
        return;
    }
    if (p === null) return;
    switch (c) {
      case `${IFR}/Personne/Identification/NIR`:
        p.nir = v.replace(/\s+/g, '').toUpperCase();
        return;
      case `${IFR}/Personne/Identification/NOMNAI`:
      case `${IFR}/Personne/Identification/PRENOM`:
      case `${IFR}/Personne/Identification/DTNAI`:
      case `${IFR}/Personne/Identification/RGNAI`:
        p.etatCivil.push(v.toUpperCase());
        return;
      case `${IFR}/Personne/Prestations/NATPREST`:
        p.natprest = v.trim();
        return;
      case `${IFR}/Personne/Prestations/ROLEPERS`:
        if (p.natprest === 'RSA') p.role = v.trim();
        return;
      case `${IFR}/Personne/MontantCalculDroitRSAPersonne/TOPPERSDRODEVORSA`:
        p.sdd = booleen(v);
        return;
    }
  }

  ferme(chemin: readonly string[]): void {
    const c = chemin.slice(1).join('/');
    if (c === 'IdentificationFlux') {
      const e = this.entete;
      this.surEntete({
        applieme: e.applieme ?? '',
        typeFlux: e.typeFlux ?? '',
        natFlux: e.natFlux ?? '',
        dateCreation: e.dateCreation ?? '',
        heureCreation: e.heureCreation ?? '',
        dateReference: e.dateReference ?? '',
      });
    } else if (c === `${IFR}/Personne`) {
      const p = this.personne;
      if (p === null) return;
      // 13 premiers caractères du NIR (sans la clé) ; à défaut, état civil dans le dossier (INT-DONNEES-3).
      const f = this.foyer;
      const sansNir = p.nir === '';
      const identifiant = sansNir
        ? `SANS-NIR|${f.fonorg}|${f.numorg}|${f.matricule}|${p.etatCivil.join('|')}`
        : p.nir.slice(0, 13);
      this.personnes.push({ id: this.pseudonymiser(identifiant), sansNir, role: p.role, sdd: p.sdd });
      this.personne = null;
    } else if (c === IFR) {
      const { numorg, matricule, ...f } = this.foyer;
      this.dossiersVus++;
      this.surFoyer({
        ...f,
        dossier: this.pseudonymiser(`DOSSIER|${f.fonorg}|${numorg}|${matricule}`),
        personnes: this.personnes,
      });
      this.foyer = vide();
      this.personnes = [];
    }
  }
}
