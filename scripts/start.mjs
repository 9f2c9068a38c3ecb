// `npm start`: build the app when its sources are newer than the build, then serve app and API.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const sourceRoots = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
const built = 'dist/index.html';

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(built) || Math.max(...sourceRoots.map(newest)) > statSync(built).mtimeMs) {
  console.log('Building the app…');
  run('npx', ['vite', 'build']);
}
run('npx', ['tsx', 'src/server/main.ts']);
