/**
 * Champs descriptifs d'une fiche action, dans l'ordre des modèles officiels : 001 · annexe 7 « Annexe A –
 * fiche action » (et « Annexe B », initiatives) ; 003 · annexe 7 « Annexe 1 – fiche action » (volet 2). Les
 * clés sont celles de `champsDescriptifsSchema` (@jalon/schemas).
 */
export const CHAMPS_TEXTE = [
  {
    cle: 'theme',
    libelle: 'Thème de la contractualisation',
    source: '001 · annexe 7, annexe A',
    long: false,
  },
  {
    cle: 'contexte',
    libelle: 'Contexte / état du préexistant',
    source: '003 · annexe 7, annexe 1',
    long: true,
  },
  {
    cle: 'enjeux_objectifs',
    libelle: "Enjeux identifiés et objectifs visés par l'action",
    source: '003 · annexe 7, annexe 1',
    long: true,
  },
  { cle: 'description', libelle: "Description de l'action", source: '001 · annexe 7, annexe A', long: true },
  {
    cle: 'lien_strategie',
    libelle: 'Lien avec la stratégie pauvreté ou le Pacte des solidarités',
    source: '001 · annexe 7, annexe B',
    long: true,
  },
  {
    cle: 'date_mise_en_place',
    libelle: 'Date de mise en place',
    source: '001 · annexe 7, annexe A',
    long: false,
  },
  { cle: 'duree_action', libelle: "Durée de l'action", source: '001 · annexe 7, annexe A', long: false },
  {
    cle: 'partenaires_cofinanceurs',
    libelle: 'Partenaires et cofinanceurs',
    source: '001 · annexe 7, annexe A',
    long: true,
  },
  {
    cle: 'budget_detaille',
    libelle: 'Budget détaillé (par poste de dépense, soutien de l’État)',
    source: '001 · annexe 7, annexes A et B ; 003 · annexe 1',
    long: true,
  },
  {
    cle: 'objectifs_progression',
    libelle: 'Objectifs et progression',
    source: '001 · annexe 7, annexes A et B',
    long: true,
  },
  {
    cle: 'calendrier_previsionnel',
    libelle: 'Calendrier prévisionnel',
    source: '003 · annexe 7, annexe 1',
    long: true,
  },
] as const;
export type CleChampTexte = (typeof CHAMPS_TEXTE)[number]['cle'];
