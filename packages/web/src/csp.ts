import { z } from 'zod';

// CSP stricte (docs/securite.md, `script-src 'self'` sans `unsafe-eval`) : zod ne doit pas essayer
// `new Function` (compilation à la volée des schémas), ce que la politique interdit et signalerait comme
// violation. Le réglage doit précéder la construction du premier schéma : ce module est le PREMIER importé par
// main.tsx (les modules ES s'évaluent dans l'ordre des imports).
z.config({ jitless: true });
