/**
 * Compilation du schéma XSD du flux « bénéficiaires » VRSB0801 (shared/reference/caf-flux/vrsb0801.xsd, copié tel
 * quel dans `./vrsb0801.xsd`) en un modèle de contenu que le validateur en flux parcourt élément par élément.
 *
 * Pourquoi du code maison : aucune bibliothèque JavaScript tenue à jour ne valide un XML contre un XSD en flux
 * (libxmljs2 est natif et charge le document entier en mémoire ; xmllint-wasm aussi). Les flux font des centaines
 * de Mo. Le XSD de la CNAF n'emploie qu'un petit sous-ensemble (éléments globaux ou locaux, `sequence`,
 * `minOccurs`/`maxOccurs`, restrictions `maxLength`, `totalDigits`, `fractionDigits` sur string/integer/decimal,
 * types date/time/boolean) : ce module le compile, et refuse explicitement toute construction qu'il ne sait pas
 * traiter (un nouveau XSD avec `choice` ou `enumeration` échouerait ici, pas en silence).
 */
import { SaxesParser } from 'saxes';

export type Base = 'string' | 'integer' | 'decimal' | 'date' | 'time' | 'boolean';

export interface TypeSimple {
  readonly base: Base;
  readonly maxLength?: number;
  readonly totalDigits?: number;
  readonly fractionDigits?: number;
}

export interface Particule {
  /** Nom de l'élément enfant. */
  readonly nom: string;
  readonly min: number;
  /** `Infinity` pour `unbounded`. */
  readonly max: number;
  /** Déclaration de l'enfant, résolue après lecture de tout le schéma. */
  declaration: Declaration;
}

export type Declaration =
  | { readonly nom: string; readonly sorte: 'complexe'; readonly sequence: Particule[] }
  | { readonly nom: string; readonly sorte: 'simple'; readonly type: TypeSimple };

export interface SchemaXsd {
  readonly racine: Declaration;
  readonly globales: ReadonlyMap<string, Declaration>;
}

export class ErreurSchema extends Error {
  constructor(message: string) {
    super(`Schéma XSD non pris en charge : ${message}`);
    this.name = 'ErreurSchema';
  }
}

const BASES: Readonly<Record<string, Base>> = {
  'xsd:string': 'string',
  'xsd:integer': 'integer',
  'xsd:decimal': 'decimal',
  'xsd:date': 'date',
  'xsd:time': 'time',
  'xsd:boolean': 'boolean',
};

/** Éléments XSD purement documentaires, ignorés avec leur contenu. */
const DOCUMENTAIRES = new Set(['xsd:annotation', 'xsd:documentation']);

interface ElementEnCours {
  nom: string;
  ref: string | null;
  min: number;
  max: number;
  sequence: Particule[] | null;
  type: { base: Base; maxLength?: number; totalDigits?: number; fractionDigits?: number } | null;
  globale: boolean;
}

const entierAttribut = (v: string | undefined, defaut: number, quoi: string): number => {
  if (v === undefined) return defaut;
  if (v === 'unbounded') return Number.POSITIVE_INFINITY;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ErreurSchema(`valeur « ${v} » de ${quoi}`);
  return n;
};

/** Compile le texte d'un XSD (sous-ensemble décrit en tête de fichier) ; `racine` = nom de l'élément racine. */
export function compilerSchema(texte: string, racine: string): SchemaXsd {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const globales = new Map<string, Declaration>();
  const pile: ElementEnCours[] = [];
  const aResoudre: Particule[] = [];
  let documentaire = 0;
  let sousSchema = false;

  parser.on('opentag', (tag) => {
    const nom = tag.name;
    if (documentaire > 0 || DOCUMENTAIRES.has(nom)) {
      documentaire++;
      return;
    }
    const a = tag.attributes as Record<string, string>;
    const haut = pile[pile.length - 1];
    switch (nom) {
      case 'xsd:schema':
        sousSchema = true;
        return;
      case 'xsd:element': {
        const globale = pile.length === 0;
        pile.push({
          nom: a.name ?? a.ref ?? '',
          ref: a.ref ?? null,
          min: entierAttribut(a.minOccurs, 1, 'minOccurs'),
          max: entierAttribut(a.maxOccurs, 1, 'maxOccurs'),
          sequence: null,
          type: null,
          globale,
        });
        const el = pile[pile.length - 1];
        if (el === undefined || el.nom === '') throw new ErreurSchema('élément sans nom ni référence');
        if (a.type !== undefined) {
          const base = BASES[a.type];
          if (base === undefined) throw new ErreurSchema(`type « ${a.type} » (élément ${el.nom})`);
          el.type = { base };
        }
        return;
      }
      case 'xsd:complexType':
      case 'xsd:simpleType':
        if (haut === undefined) throw new ErreurSchema(`${nom} global (non pris en charge)`);
        return;
      case 'xsd:sequence':
        if (haut === undefined) throw new ErreurSchema('séquence hors élément');
        haut.sequence = [];
        return;
      case 'xsd:restriction': {
        const base = BASES[a.base ?? ''];
        if (
          haut === undefined ||
          base === undefined ||
          base === 'date' ||
          base === 'time' ||
          base === 'boolean'
        )
          throw new ErreurSchema(`restriction de base « ${a.base ?? ''} »`);
        haut.type = { base };
        return;
      }
      case 'xsd:maxLength':
      case 'xsd:totalDigits':
      case 'xsd:fractionDigits': {
        if (haut?.type === null || haut === undefined) throw new ErreurSchema(`${nom} hors restriction`);
        const facette = nom.slice(4) as 'maxLength' | 'totalDigits' | 'fractionDigits';
        const t = haut.type;
        if (t !== null) t[facette] = entierAttribut(a.value, 0, nom);
        return;
      }
      default:
        throw new ErreurSchema(`construction « ${nom} » (ligne ${parser.line})`);
    }
  });

  parser.on('closetag', (tag) => {
    if (documentaire > 0) {
      documentaire--;
      return;
    }
    if (tag.name !== 'xsd:element') return;
    const el = pile.pop();
    if (el === undefined) return;
    let declaration: Declaration | null = null;
    if (el.ref === null) {
      if (el.sequence !== null) declaration = { nom: el.nom, sorte: 'complexe', sequence: el.sequence };
      else if (el.type !== null) declaration = { nom: el.nom, sorte: 'simple', type: el.type };
      else throw new ErreurSchema(`élément « ${el.nom} » sans type`);
    }
    if (el.globale) {
      if (declaration === null) throw new ErreurSchema(`référence globale « ${el.nom} »`);
      globales.set(el.nom, declaration);
      return;
    }
    const parent = pile[pile.length - 1];
    if (parent?.sequence === null || parent === undefined)
      throw new ErreurSchema(`élément « ${el.nom} » hors séquence`);
    const particule: Particule = {
      nom: el.nom,
      min: el.min,
      max: el.max,
      // Remplacée à la résolution pour une référence.
      declaration: declaration ?? { nom: el.nom, sorte: 'complexe', sequence: [] },
    };
    parent.sequence?.push(particule);
    if (declaration === null) aResoudre.push(particule);
  });

  parser.write(texte).close();
  if (!sousSchema) throw new ErreurSchema('élément xsd:schema absent');
  for (const p of aResoudre) {
    const d = globales.get(p.nom);
    if (d === undefined) throw new ErreurSchema(`référence à un élément inconnu « ${p.nom} »`);
    p.declaration = d;
  }
  const r = globales.get(racine);
  if (r === undefined) throw new ErreurSchema(`élément racine « ${racine} » absent`);
  return { racine: r, globales };
}
