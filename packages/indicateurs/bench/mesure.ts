import { spawn } from 'node:child_process';
import { access, readdir, readFile } from 'node:fs/promises';

/**
 * Lance une commande en sous-processus et mesure son temps réel et sa mémoire maximale (pic de RSS), sous-processus
 * compris : avec `/usr/bin/time -v` s'il existe (getrusage des descendants), sinon en relevant toutes les 100 ms le
 * VmHWM de /proc/<pid>/status de l'arbre des processus.
 */
export interface Mesure {
  readonly codeSortie: number;
  readonly dureeMs: number;
  /** Pic de mémoire résidente, en Mio. */
  readonly picMemoireMio: number;
  readonly methodeMemoire: '/usr/bin/time -v' | '/proc/<pid>/status VmHWM';
  readonly stdout: string;
  readonly stderr: string;
}

const TIME = '/usr/bin/time';

async function existe(chemin: string): Promise<boolean> {
  try {
    await access(chemin);
    return true;
  } catch {
    return false;
  }
}

/** VmHWM (Kio) des processus de l'arbre de `racine`. */
async function picArbreKio(racine: number): Promise<number> {
  const parents = new Map<number, number>();
  for (const nom of await readdir('/proc')) {
    if (!/^\d+$/.test(nom)) continue;
    try {
      const stat = await readFile(`/proc/${nom}/stat`, 'utf8');
      // « pid (comm) état ppid … » : comm peut contenir des espaces, on lit après la dernière parenthèse.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(nom), ppid);
    } catch {
      // processus terminé entre-temps
    }
  }
  const dansArbre = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p))
      if (p === racine) return true;
    return false;
  };
  let pic = 0;
  for (const pid of parents.keys()) {
    if (!dansArbre(pid)) continue;
    try {
      const status = await readFile(`/proc/${String(pid)}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+) kB/.exec(status);
      if (m?.[1] !== undefined) pic = Math.max(pic, Number(m[1]));
    } catch {
      // processus terminé entre-temps
    }
  }
  return pic;
}

export async function mesurer(commande: string, args: readonly string[], cwd: string): Promise<Mesure> {
  const avecTime = await existe(TIME);
  const [exe, argv] = avecTime ? [TIME, ['-v', commande, ...args]] : [commande, [...args]];
  const debut = performance.now();
  const enfant = spawn(exe, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  enfant.stdout.on('data', (b: Buffer) => stdout.push(b));
  enfant.stderr.on('data', (b: Buffer) => stderr.push(b));
  let picKio = 0;
  let releve: NodeJS.Timeout | undefined;
  if (!avecTime && enfant.pid !== undefined) {
    const pid = enfant.pid;
    releve = setInterval(() => {
      void picArbreKio(pid).then((k) => {
        picKio = Math.max(picKio, k);
      });
    }, 100);
  }
  const codeSortie = await new Promise<number>((resolve, reject) => {
    enfant.on('error', reject);
    enfant.on('close', (code) => resolve(code ?? -1));
  });
  const dureeMs = performance.now() - debut;
  if (releve !== undefined) clearInterval(releve);
  let texteErreur = Buffer.concat(stderr).toString('utf8');
  if (avecTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(texteErreur);
    picKio = m?.[1] === undefined ? 0 : Number(m[1]);
    // On retire le rapport de time du flux d'erreur de la commande.
    texteErreur = texteErreur.slice(0, Math.max(0, texteErreur.lastIndexOf('\tCommand being timed:')));
  }
  return {
    codeSortie,
    dureeMs,
    picMemoireMio: picKio / 1024,
    methodeMemoire: avecTime ? '/usr/bin/time -v' : '/proc/<pid>/status VmHWM',
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: texteErreur,
  };
}
