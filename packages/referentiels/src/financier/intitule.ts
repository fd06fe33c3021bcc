/**
 * Remplace les marques d'année d'un intitulé officiel : `{n}`, `{n-1}`, `{n-2}`, `{n+1}` et `{aa}` (exercice sur
 * deux chiffres, « 01/01/24 » — 003 · annexe 7, annexe 2). Une marque inconnue lève une erreur : un modèle mal
 * écrit ne doit pas produire un en-tête faux en silence.
 */
export function intitule(texte: string, exercice: number): string {
  if (!Number.isInteger(exercice) || exercice < 1000 || exercice > 9999) {
    throw new Error(`Exercice « ${exercice} » invalide : une année sur quatre chiffres est attendue.`);
  }
  return texte.replace(/\{([^}]*)\}/gu, (marque: string, contenu: string) => {
    if (contenu === 'aa') return String(exercice % 100).padStart(2, '0');
    const decalage = /^n(?:([+-])(\d+))?$/u.exec(contenu);
    if (decalage === null) throw new Error(`Marque d'année inconnue « ${marque} » dans « ${texte} ».`);
    const [, signe, valeur] = decalage;
    const ecart = valeur === undefined ? 0 : Number(valeur) * (signe === '-' ? -1 : 1);
    return String(exercice + ecart);
  });
}
